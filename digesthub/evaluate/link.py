"""``digesthub eval link``: cross-document entity coreference on ECB+ (people and organizations).

Gold mentions tagged HUMAN_PART_PER / HUMAN_PART_ORG in the validated
sentences are clustered per topic, and the clusters are scored against the
gold ``cluster_id`` with MUC, B³, CEAF-e and CoNLL F1
(:mod:`digesthub.evaluate.coref`). Two systems run on the same mentions:

- ``same-string``: mentions with the same lowercased text share a cluster;
- ``linker``: names go through the corpus entity resolver
  (:mod:`digesthub.corpus.linking`: suffixes, acronyms, transliteration,
  full and short person names, co-occurring names as context), first within
  each document, then across the topic's documents; a third-person singular
  pronoun joins the closest preceding named person of its document; other
  common nouns share a cluster with the same head word in the topic.

Reported per split (``train``, ``dev``) and over all of them; DIGESTHUB_LINK_SPLIT
(comma-separated, default ``train,dev``) chooses the splits. Tune on train, report dev.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections import defaultdict
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

from digesthub.corpus.linking import NameRecord, Resolver
from digesthub.corpus.names import name_key, tokens
from digesthub.errors import DigesthubError, Errors
from digesthub.evaluate.coref import conll_scores
from digesthub.evaluate.report import EvalReport

TAGS = {"HUMAN_PART_PER": "PERSON", "HUMAN_PART_ORG": "ORG"}
# English closed-class words, not data: pronouns resolve by position, never by name matching.
SINGULAR_PRONOUNS = frozenset("he him his himself she her hers herself".split())
FEMININE = frozenset("she her hers herself".split())
OTHER_PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves they them their "
    "theirs themselves it its itself who whom whose which that this these those one someone anyone "
    "everyone somebody anybody everybody all both each some many few none".split())
ORG_PRONOUNS = frozenset("it its they them their".split())
RELATIVE_PRONOUNS = frozenset("who whom whose".split())
DEFINITE = frozenset("the this that".split())
DETERMINERS = frozenset("a an another one other some any his her their its our my your".split())
_LOWER_WORDS = frozenset("of the and for de da van von der al bin".split())

Mention = dict[str, Any]
MentionId = tuple[str, str]


def read_documents(path: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The documents of ``split`` (comma-separated splits allowed) in the ECB+ JSONL file or its folder."""
    file = path / "dev_and_train.jsonl.gz" if path.is_dir() else path
    try:
        opener = gzip.open if file.suffix == ".gz" else open
        with opener(file, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            docs = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError) as exc:
        raise DigesthubError(Errors.E302, path=path, detail=str(exc)) from exc
    wanted = {s.strip() for s in split.split(",") if s.strip()}
    docs = [d for d in docs if d.get("split") in wanted]
    return docs[:limit] if limit else docs


def gold_mentions(doc: dict[str, Any]) -> list[Mention]:
    """People and organizations in validated sentences, in text order."""
    found = [m for m in doc["mentions"] if m["tag"] in TAGS and m["in_validated_sentence"]]
    return sorted(found, key=lambda m: (m["sent"], m["token_start"]))


def same_string_clusters(docs: list[dict[str, Any]]) -> list[frozenset[Hashable]]:
    """Baseline: per topic, one cluster per lowercased mention text."""
    groups: dict[tuple[Any, str], set[MentionId]] = defaultdict(set)
    for doc in docs:
        for m in gold_mentions(doc):
            groups[(doc["topic"], m["text"].lower())].add((doc["doc_id"], m["m_id"]))
    return [frozenset(g) for g in groups.values()]


def linker_clusters(docs: list[dict[str, Any]]) -> list[frozenset[Hashable]]:
    """Our system: the entity resolver over names, pronouns by position, nouns by head."""
    clusters: list[frozenset[Hashable]] = []
    by_topic: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_topic[doc["topic"]].append(doc)
    for topic_docs in by_topic.values():
        clusters.extend(_topic_clusters(topic_docs))
    return clusters


def _topic_clusters(docs: list[dict[str, Any]]) -> Iterator[frozenset[Hashable]]:
    resolver = Resolver()
    genders: dict[Hashable, str] = {}
    groups: dict[Hashable, set[MentionId]] = defaultdict(set)
    for doc in docs:
        for mention_id, group in _document_groups(doc, resolver, genders):
            groups[group].add(mention_id)
    return (frozenset(g) for g in groups.values())


def name_part(text: str) -> str | None:
    """The proper name a mention holds: the trailing run of capitalized words.

    "defensive tackle Jamal Williams" holds "Jamal Williams"; a mention in
    capitals only (a headline) or without capitals holds none.
    """
    words = text.split()
    if not words or text.isupper() and len(text) > 4 or text.lower() in SINGULAR_PRONOUNS | OTHER_PRONOUNS:
        return None
    while len(words) > 1 and words[-1] in ("'s", "'", "’s"):
        words.pop()  # "The Washington Post 's"
    if len(words) > 2 and words[-2:] == [".", "com"]:
        words[-2:] = [".com"]  # "TMZ . com" as tokenized
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (run and word.lower() in _LOWER_WORDS) or word in ".-" or word == ".com":
            run.insert(0, word)
        else:
            break
    while run and not run[0][:1].isupper():
        run.pop(0)
    return " ".join(run) or None


def _name_groups(mentions: list[Mention], topic: Resolver) -> dict[int, Hashable]:
    """The topic entity of each named mention: names grouped in the document first, then in the topic."""
    named = {id(m): name for m in mentions if (name := name_part(m["text"]))}
    local = Resolver()
    local_of: dict[int, int] = {}
    for m in sorted((m for m in mentions if id(m) in named), key=lambda m: -len(named[id(m)])):
        local_of[id(m)] = local.add(NameRecord([named[id(m)]], TAGS[m["tag"]]))
    keys = {name_key(named[id(m)], TAGS[m["tag"]]) for m in mentions if id(m) in named}
    topic_of: dict[int, int] = {}
    for index, record in enumerate(local.records):
        context = keys - {name_key(n, record.label) for n in record.names}
        topic_of[index] = topic.add(NameRecord(record.names, record.label, context))
    return {key: ("entity", topic_of[index]) for key, index in local_of.items()}


def _document_groups(doc: dict[str, Any], topic: Resolver,
                     genders: dict[Hashable, str]) -> Iterator[tuple[MentionId, Hashable]]:
    """Each gold mention's group; ``genders`` (topic-wide) is what "he"/"she" said of a person."""
    mentions = gold_mentions(doc)
    names = _name_groups(mentions, topic)
    sentences = {s["sent"]: s["tokens"] for s in doc["sentences"]}
    last: dict[str, Hashable] = {}
    people: list[Hashable] = []  # persons named so far, the latest last
    previous: Hashable | None = None
    for m in mentions:
        mention_id, label = (doc["doc_id"], m["m_id"]), TAGS[m["tag"]]
        text = m["text"].lower()
        if id(m) in names:
            group: Hashable = names[id(m)]
            last[label] = group
        elif text in SINGULAR_PRONOUNS and people:
            group = _pronoun_antecedent(text, people, genders)
        elif text in ORG_PRONOUNS and "ORG" in last:
            group = last["ORG"]
        elif text in RELATIVE_PRONOUNS and previous is not None:
            group = previous  # "the coach, who ...": the mention just before
        elif text in SINGULAR_PRONOUNS | OTHER_PRONOUNS:
            group = ("alone", mention_id)
        else:
            words = tokens(m["text"])
            head = words[-1] if words else text
            if label in last and _definite_singular(m, sentences[m["sent"]], head):
                group = last[label]  # "Gary Ross ... the director": the last named one of its kind
            else:
                # a common noun joins names only on its exact head word (navy ~ Navy, woman ~ Woman)
                group = ("entity", topic.add(NameRecord([head], label)))
        if label == "PERSON" and id(m) in names:
            people.append(group)
        previous = group
        yield mention_id, group


def _pronoun_antecedent(pronoun: str, people: list[Hashable], genders: dict[Hashable, str]) -> Hashable:
    """The latest person a he/she pronoun fits: one a pronoun of the other gender named is skipped."""
    gender = "f" if pronoun in FEMININE else "m"
    choice = next((p for p in reversed(people) if genders.get(p, gender) == gender), people[-1])
    genders.setdefault(choice, gender)
    return choice


def _definite_singular(mention: Mention, sentence: list[str], head: str) -> bool:
    """A singular common noun after "the"/"this"/"that" (adjectives between): it refers back.

    "the veteran director" names someone already met; "a director" or
    "the directors" does not name the one person met last.
    """
    if head.endswith("s") and not head.endswith(("ss", "us", "is")):  # actress, bus: singular
        return False
    for word in reversed([w.lower() for w in sentence[max(0, mention["token_start"] - 3):mention["token_start"]]]):
        if word in DEFINITE:
            return True
        if not (word.isalpha() and word.islower()) or word in DETERMINERS:
            return False
    return False


def evaluate(path: Path, *, limit: int | None = None, progress: bool = False) -> EvalReport:
    """Score the linker and the same-string baseline, over all chosen splits and per split.

    ``linker`` and ``same-string`` score every chosen document together;
    ``linker [dev]`` and the like score one split's documents (clusters never
    cross topics, and a topic lies in one split, so the rows are comparable).
    """
    split = os.environ.get("DIGESTHUB_LINK_SPLIT", "train,dev")
    started = time.perf_counter()
    docs = read_documents(path, split, limit)
    splits = sorted({d.get("split", "") for d in docs}, reverse=True)
    systems = _score(docs, "")
    notes = [f"split={split}; clustering per topic with gold mentions; "
             "rows [train]/[dev] score one split (tune on train, report dev)"]
    for name in splits if len(splits) > 1 else []:
        systems.update(_score([d for d in docs if d.get("split") == name], f" [{name}]"))
    for name in splits:
        part = [d for d in docs if d.get("split") == name]
        mentions = sum(len(gold_mentions(d)) for d in part)
        notes.append(f"{name}: {len(part)} documents, {mentions} gold PER/ORG mentions in validated sentences")
    return EvalReport("link", str(path), systems, documents=len(docs),
                      seconds=time.perf_counter() - started, notes=notes)


def gold_clusters(docs: list[dict[str, Any]]) -> list[frozenset[Hashable]]:
    """The annotated clusters (``cluster_id``) of the people and organizations of ``docs``."""
    key: dict[str, set[MentionId]] = defaultdict(set)
    for doc in docs:
        for m in gold_mentions(doc):
            key[m["cluster_id"]].add((doc["doc_id"], m["m_id"]))
    return [frozenset(c) for c in key.values()]


def _score(docs: list[dict[str, Any]], suffix: str) -> dict[str, dict[str, float]]:
    gold = gold_clusters(docs)
    return {
        f"same-string{suffix}": conll_scores(gold, same_string_clusters(docs)),
        f"linker{suffix}": conll_scores(gold, linker_clusters(docs)),
    }
