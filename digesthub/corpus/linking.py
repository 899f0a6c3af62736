"""Entity resolution: one entity across documents, whatever each calls it.

Candidates come from blocking keys (:mod:`digesthub.corpus.names`); a pair of
records is scored by its best pair of names; the type must agree; weak name
evidence (a phonetic match, a bare surname) needs help from the context: the
other entities seen with each record. A short name merges only when exactly one
candidate fits it, so "Zhang" never joins one of two different Zhangs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from digesthub.corpus.names import (ACRONYM, FUZZY, GENERIC, PHONETIC, SHORT, blocking_keys, coarse_type,
                                    cross_type_score, is_cjk_name, name_key, pair_score, tokens)
from digesthub.types import EntityCluster, Mention

MERGE_THRESHOLD = 0.75
CROSS_TYPE = "cross-type"
WEAK_EVIDENCE = frozenset({PHONETIC, FUZZY, CROSS_TYPE, GENERIC})
CONTEXT_WEIGHT = 0.3
LINKED_LABELS = frozenset("PERSON ORG GPE LOC FAC PRODUCT NORP EVENT WORK_OF_ART LAW".split())


@dataclass
class NameRecord:
    """An entity as the resolver sees it: its names, type and context keys."""

    names: list[str]
    label: str
    context: set[str] = field(default_factory=set)

    def keys(self) -> set[str]:
        return set().union(*(blocking_keys(n, self.label) for n in self.names)) if self.names else set()


def record_score(a: NameRecord, b: NameRecord) -> tuple[float, str]:
    """Best name-pair score plus the context adjustment.

    Persons never match other types; an organization may match a place or
    product of exactly the same name (recognizers confuse them), weakly.
    """
    same_type = coarse_type(a.label) == coarse_type(b.label)
    best, why = 0.0, ""
    for name_a in a.names:
        for name_b in b.names:
            if same_type:
                score, reason = pair_score(name_a, name_b, a.label)
            else:
                score, reason = cross_type_score(name_a, a.label, name_b, b.label), CROSS_TYPE
            if score > best:
                best, why = score, reason
    if best == 0.0 or (why in (SHORT, ACRONYM) and _full_names_conflict(a, b)):
        return 0.0, ""
    return best + context_adjustment(a.context, b.context, penalize=why in WEAK_EVIDENCE), why


def _full_names_conflict(a: NameRecord, b: NameRecord) -> bool:
    """Both records know a full name and the full names differ.

    "Zhang" fits Zhang Peng and Zhang Yiming, "AP" fits Associated Press and
    Aids Project: a short form never bridges two different full names.
    """
    full_a = [n for n in a.names if len(n.split()) > 1]
    full_b = [n for n in b.names if len(n.split()) > 1]
    return bool(full_a and full_b) and all(
        pair_score(x, y, a.label)[0] < MERGE_THRESHOLD for x in full_a for y in full_b)


def context_adjustment(a: set[str], b: set[str], *, penalize: bool) -> float:
    """Bonus for shared context; for weak name evidence, a small penalty for none.

    Disjoint contexts push a spelling-only match (phonetic, fuzzy, cross-type)
    below the threshold, so similar names of unrelated entities stay apart.
    Either side without context: no adjustment.
    """
    if not a or not b:
        return 0.0
    overlap = len(a & b) / min(len(a), len(b))
    return CONTEXT_WEIGHT * (overlap - (0.25 if penalize else 0.0))


def compatible_aliases(name: str, aliases: Iterable[str], label: str) -> list[str]:
    """The aliases that our own rules accept as names of ``name`` (others are not used to match).

    A recognizer may group "BBC Radio" under "BBC" inside one article; carrying
    such an alias into the corpus would pull every later "BBC Radio" into BBC.
    """
    aliases = list(aliases)
    # A name in Chinese script stood in brackets or after "known in Chinese as" beside the name; a
    # romanized name that spells it ("Yuezhi Anmian" for 月之暗面) is the same name in Latin letters.
    chinese = {"".join(tokens(alias)) for alias in aliases if is_cjk_name(alias)}
    return [alias for alias in aliases
            if is_cjk_name(alias) or "".join(tokens(alias)) in chinese
            or record_score(NameRecord([name], label), NameRecord([alias], label))[0] >= MERGE_THRESHOLD]


def best_match(query: NameRecord, candidates: list[NameRecord]) -> int | None:
    """Index of the candidate ``query`` merges into, or None for a new entity."""
    scored = [(record_score(query, c), i) for i, c in enumerate(candidates)]
    passing = [(score, why, i) for (score, why), i in scored if score >= MERGE_THRESHOLD]
    if not passing:
        return None
    passing.sort(key=lambda item: -item[0])
    score, why, index = passing[0]
    if why == SHORT and sum(1 for (_, w, _) in passing if w == SHORT) > 1:
        # A bare surname (or initial) fits several people: ambiguous, keep apart.
        strong = [p for p in passing if p[1] != SHORT]
        return strong[0][2] if strong else None
    return index


class Resolver:
    """In-memory clustering of records, indexed by blocking key."""

    def __init__(self) -> None:
        self.records: list[NameRecord] = []
        self._index: dict[str, set[int]] = defaultdict(set)

    def add(self, record: NameRecord) -> int:
        """Merge ``record`` into a known record, or add it; return the record's id."""
        ids = sorted(set().union(*(self._index.get(k, set()) for k in record.keys())))
        choice = best_match(record, [self.records[i] for i in ids]) if ids else None
        if choice is None:
            self.records.append(NameRecord(list(record.names), record.label, set(record.context)))
            target = len(self.records) - 1
        else:
            target = ids[choice]
            known = self.records[target]
            known.names.extend(n for n in record.names if n not in known.names)
            known.context |= record.context
        for key in record.keys():
            self._index[key].add(target)
        return target


def find_mentions(text: str) -> list[Mention]:
    """Named-entity mentions of ``text`` (the analyze layer's recognizer)."""
    from digesthub.analyze.entities import find_entities

    return list(find_entities(text))


def link_entities(docs: Iterable[tuple[str, str]]) -> list[EntityCluster]:
    """Cluster the named entities of ``(doc_id, text)`` pairs across documents."""
    resolver = Resolver()
    members: dict[int, list[tuple[str, int, int, str]]] = defaultdict(list)
    labels: dict[int, Counter[str]] = defaultdict(Counter)
    for doc_id, text in docs:
        mentions = [m for m in find_mentions(text) if m.label in LINKED_LABELS]
        for local, group in group_in_document(mentions).items():
            context = {name_key(m.text, m.label) for m in mentions} - {local}
            record = NameRecord(_distinct(m.text for m in group), group[0].label, context)
            cluster = resolver.add(record)
            members[cluster].extend((doc_id, m.start, m.end, m.text) for m in group)
            labels[cluster].update(m.label for m in group)
    return [_cluster(labels[i], members[i]) for i in sorted(members)]


def group_in_document(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions of one document grouped per entity (longest names first, then short forms)."""
    resolver = Resolver()
    groups: dict[int, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (-len(m.text), m.start)):
        groups[resolver.add(NameRecord([mention.text], mention.label))].append(mention)
    return {name_key(resolver.records[i].names[0], resolver.records[i].label): sorted(g, key=lambda m: m.start)
            for i, g in groups.items()}


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _cluster(labels: Counter[str], members: list[tuple[str, int, int, str]]) -> EntityCluster:
    counts = Counter(text for *_, text in members)
    name = max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n)))
    return EntityCluster(
        name=name,
        label=labels.most_common(1)[0][0],
        mentions=[(doc, start, end) for doc, start, end, _ in members],
        aliases=[n for n in counts if n != name],
    )
