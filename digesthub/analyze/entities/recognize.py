"""Entity recognition: spaCy's model plus rules, then one entity per name group.

The steps, over ONE parse of the text:

1. candidates: the model's entities (cleaned, cut at separators), untagged
   CamelCase names, and the rule patterns (legal suffixes, "X AI" names,
   initialled names, datelines); capitalized common words dropped -- see
   :mod:`spans`; a person's span grows over an untagged given name -- see
   :mod:`people`; "the U.S. Open" takes its head word -- see :mod:`events`;
2. context cues vote on each span; listed names agree (an untagged name in a
   list of companies joins them); a place opening a row of numbers is a team --
   see :mod:`context`; product, news-source and travel cues ("its app, Foo",
   "according to Foo", "a visit to the FOO") -- see :mod:`kinds`; a country's
   name votes for a place -- see :mod:`countries`; founding and
   "-based" cues -- see :mod:`business`; a passive "was founded", "said in a
   statement", a subject going on with "its", "Alibaba" beside "Alibaba Group" -- see
   :mod:`orgcues`; an acronym
   defined beside its long form takes its type -- see :mod:`acronyms`; a model
   span "Foo and Bar" splits where the document names both on their own;
3. propagation: a name found once is found everywhere it recurs in the document
   (an ALL-CAPS headline occurrence of a title-case name included);
4. document-level voting gives each name one type -- see :mod:`voting`; a span
   on a headline line (capitals, title case) goes unless the body confirms its
   words -- see :mod:`headline`; in a sports report a place that plays (not a
   country) is a club -- see :mod:`teams`; names in one slot of repeated rows
   ("Jane Doe ( Kenya ) 12.71") agree -- see :mod:`slots`;
5. grouping joins aliases into entities and the group votes again -- see
   :mod:`grouping`; salience ranks the entities -- see :mod:`salience`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from digesthub.analyze.entities.acronyms import acronym_candidates, cjk_name_candidates, defined_name_candidates
from digesthub.analyze.entities.business import add_business_votes, raiser_candidates
from digesthub.analyze.entities.candidate import MODEL_WEIGHT, Candidate
from digesthub.analyze.entities.chinese_names import family_name_first
from digesthub.analyze.entities.commonwords import drop_common_words
from digesthub.analyze.entities.countries import add_country_votes, is_country
from digesthub.analyze.entities.context import (add_context_votes, harmonize_company_pairs, harmonize_lists,
                                                mark_table_teams)
from digesthub.analyze.entities.events import extend_administrations, extend_event_names
from digesthub.analyze.entities.titlecase import (
    extend_over_backer_name, extend_over_foreign_particle, extend_over_inner_preposition, extend_over_unit_name,
    join_state_owned,
)
from digesthub.analyze.entities.framecues import add_frame_votes
from digesthub.analyze.entities.grouping import group_candidates
from digesthub.analyze.entities.headline import drop_unconfirmed_headline_names
from digesthub.analyze.entities.kinds import add_kind_votes, add_source_votes, cue_candidates, owned_product_candidates
from digesthub.analyze.entities.legal import add_legal_name_votes
from digesthub.analyze.entities.modelcodes import extend_model_codes
from digesthub.analyze.entities.orgcues import (add_org_votes, add_short_form_votes, its_subject_candidates,
                                                org_noun_candidates)
from digesthub.analyze.entities.patterns import GENERIC_WORDS, LEGAL_SUFFIXES, ORG_HEAD_WORDS
from digesthub.analyze.entities.people import (add_initial_votes, extend_given_names, split_known_full_names,
                                               split_leading_demonyms, trim_trailing_demonyms)
from digesthub.analyze.entities.salience import salience
from digesthub.analyze.entities.slots import harmonize_slots
from digesthub.analyze.entities.spans import (
    is_capitalized, make_candidate, merge_spans, model_candidates, pattern_candidates,
    shape_candidates,
)
from digesthub.analyze.entities.teams import mark_clubs
from digesthub.analyze.entities.voting import name_key, vote_by_name
from digesthub.analyze.nlp import parse
from digesthub.types import Article, EntityRef, Mention


_PUBLISHER_FACTOR = 0.5
_URL_LINE = re.compile(r"^http", re.MULTILINE)


def find_entities(text: str) -> list[Mention]:
    """Named-entity mentions in ``text`` (offsets into ``text``), typed consistently."""
    return mentions_in(parse(text))


def mentions_in(doc: Doc) -> list[Mention]:
    """Typed mentions of an existing parse (offsets into ``doc.text``), sorted."""
    groups = group_candidates(doc, entity_candidates(doc))
    mentions = [_mention(c) for members in groups for c in members if c.label]
    return sorted(mentions, key=lambda m: (m.start, m.end))


def recognize_entities(doc: Doc, article: Article) -> tuple[list[Mention], list[EntityRef]]:
    """All mentions in ``article`` (sorted) and its entities, most salient first.

    ``doc`` is the parse of ``article.text``.
    """
    groups = [g for g in group_candidates(doc, entity_candidates(doc)) if g and all(c.label for c in g)]
    max_mentions = max((len(g) for g in groups), default=1)
    mentions: list[Mention] = []
    entities: list[EntityRef] = []
    for members in groups:
        group_mentions = [_mention(c, article.paragraph_at(c.start)) for c in members]
        mentions.extend(group_mentions)
        # The group's type; a few occurrences may carry their own (a city's team in a table).
        label = Counter(c.label for c in members).most_common(1)[0][0]
        name, aliases = canonical_name(members, label)
        score = salience(
            doc, members, [m.paragraph or 1 for m in group_mentions], max_mentions=max_mentions,
            paragraph_count=len(article.paragraphs), title=article.title, names=[name, *aliases], label=label,
        )
        if article.source and _names_publisher(article.source, (name, *aliases), label):
            score = round(score * _PUBLISHER_FACTOR, 4)  # the publisher naming itself is not the story
            if label == "PERSON":  # "people familiar with the matter told Caixin": the outlet, not a person
                label = "ORG"
                for mention in group_mentions:
                    mention.label = "ORG"
        entities.append(EntityRef(name, label, aliases, group_mentions, score))
    mentions.sort(key=lambda m: (m.start, m.end))
    entities.sort(key=lambda e: (-e.salience, e.name))
    return mentions, entities


def entity_candidates(doc: Doc) -> list[Candidate]:
    """Steps 1-4: typed candidate spans of ``doc`` (before alias grouping)."""
    candidates = merge_spans(model_candidates(doc) + shape_candidates(doc), pattern_candidates(doc))
    candidates = split_joined_names(doc, drop_common_words(doc, candidates))
    candidates = split_known_full_names(doc, trim_trailing_demonyms(doc, split_leading_demonyms(doc, candidates)))
    candidates = extend_administrations(doc, extend_event_names(doc, extend_given_names(doc, candidates)))
    candidates = extend_over_foreign_particle(doc, extend_over_inner_preposition(doc, candidates))
    candidates = extend_over_backer_name(doc, extend_over_unit_name(doc, join_state_owned(doc, candidates)))
    candidates = extend_model_codes(doc, candidates)
    candidates = sorted(candidates + cue_candidates(doc, candidates), key=lambda c: c.first)
    candidates = sorted(candidates + its_subject_candidates(doc, candidates), key=lambda c: c.first)
    candidates = sorted(candidates + org_noun_candidates(doc, candidates), key=lambda c: c.first)
    candidates = sorted(candidates + raiser_candidates(doc, candidates), key=lambda c: c.first)
    add_context_votes(doc, candidates)
    add_kind_votes(doc, candidates)
    add_country_votes(candidates)
    add_business_votes(doc, candidates)
    add_org_votes(doc, candidates)
    add_initial_votes(doc, candidates)
    add_short_form_votes(candidates)
    candidates = sorted(candidates + owned_product_candidates(doc, candidates), key=lambda c: c.first)
    candidates = sorted(candidates + acronym_candidates(doc, candidates) + cjk_name_candidates(doc, candidates)
                        + defined_name_candidates(doc, candidates), key=lambda c: c.first)
    recurring = propagate(doc, candidates)
    add_kind_votes(doc, recurring)  # "Kling, launched in June 2024, ...": a recurrence's own product cue counts
    candidates = sorted(candidates + recurring, key=lambda c: c.first)
    add_legal_name_votes(doc, candidates)
    add_frame_votes(doc, candidates)
    add_source_votes(doc, candidates)
    vote_by_name(candidates)
    if harmonize_lists(doc, candidates):
        candidates.sort(key=lambda c: c.first)
        vote_by_name(candidates)
    if harmonize_company_pairs(doc, candidates):
        vote_by_name(candidates)
    if harmonize_slots(doc, candidates):
        vote_by_name(candidates)
    candidates = sorted(candidates + mark_clubs(doc, candidates), key=lambda c: c.first)
    vote_by_name(candidates)
    mark_table_teams(doc, candidates)
    return [c for c in drop_unconfirmed_headline_names(doc, candidates) if c.label]


def split_joined_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Foo and Bar" as one span, where the document also names Foo and Bar on their own:
    two names (each keeps the span's votes). "Marks and Spencer" stays whole unless both
    halves stand alone elsewhere."""
    texts = {c.text for c in candidates}
    result: list[Candidate] = []
    for candidate in candidates:
        owned = _owned_name(doc, candidate, texts)
        if owned:
            result.extend(owned)
            continue
        joints = [i for i in range(candidate.first + 1, candidate.last - 1) if doc[i].lower_ in ("and", "&")]
        if len(joints) != 1 or candidate.from_pattern:
            result.append(candidate)
            continue
        left, right = make_candidate(doc, candidate.first, joints[0]), make_candidate(doc, joints[0] + 1, candidate.last)
        if not _both_names(left, right, texts) and not _listed_pair(doc, candidate, joints[0]):
            result.append(candidate)
            continue
        for part in (left, right):
            for label, weight in candidate.votes.items():
                part.vote(label, weight)
            result.append(part)
    return result


def _owned_name(doc: Doc, candidate: Candidate, texts: set[str]) -> list[Candidate]:
    """"Alphabet's Google" as one span, where the document also names Google alone: the owner
    (a company) and the name ([] when the span is no such pair: "McDonald's Corp")."""
    joints = [i for i in range(candidate.first + 1, candidate.last - 1) if doc[i].lower_ in ("'s", "’s")]
    if len(joints) != 1 or candidate.from_pattern:
        return []
    owner, owned = make_candidate(doc, candidate.first, joints[0]), make_candidate(doc, joints[0] + 1, candidate.last)
    if owned.text not in texts:
        return []
    owner.vote("ORG", MODEL_WEIGHT)
    for label, weight in candidate.votes.items():
        owned.vote(label, weight)
    return [owner, owned]


# Words that introduce or close a list of separate names: "backed by Alibaba and Tencent",
# "rivals such as Baidu and Tencent", "counts Alibaba and Tencent among its backers".
_LIST_BEFORE = frozenset({"including", "include", "includes", "included", "as", "like", "by", "from",
                          "between", "both", "with", "rivals", "backers", "investors", "unlike"})
_LIST_AFTER = frozenset({"among", "each", "both", "respectively", "alike"})


def _listed_pair(doc: Doc, candidate: Candidate, joint: int) -> bool:
    """"Alibaba and Tencent" after a list word or before "among"/"each": two one-word names
    joined by "and" (not "&": "Procter & Gamble") are two."""
    one_word_each = joint - candidate.first == 1 and candidate.last - joint == 2
    if not one_word_each or doc[joint].lower_ != "and":
        return False
    before = doc[candidate.first - 1].lower_ if candidate.first > 0 else ""
    after = doc[candidate.last].lower_ if candidate.last < len(doc) else ""
    # the tail of a list of names: "led by Geely Capital, Tencent and Alibaba"
    list_tail = before == "," and candidate.first > 1 and doc[candidate.first - 2].pos_ == "PROPN"
    return before in _LIST_BEFORE or after in _LIST_AFTER or list_tail


def _both_names(left: Candidate, right: Candidate, texts: set[str]) -> bool:
    """Both halves stand alone elsewhere, or each ends like a company name of its own
    ("Alibaba Group and Tencent Holdings", "Foo Inc. and Bar Ltd."; not "Marks and Spencer"),
    or a company's full name comes before a one-word name."""
    if left.text in texts and right.text in texts:
        return True
    def company_end(part: Candidate) -> bool:
        words = part.text.split()
        last = words[-1].lower() if words else ""
        return len(words) >= 2 and (last in ORG_HEAD_WORDS or last in LEGAL_SUFFIXES)
    # A one-word name after a company's full name is another company ("Kuaishou Technology and
    # Tencent"); the reverse stays whole ("Marks and Spencer Group").
    one_word = len(right.text.split()) == 1 and right.text[:1].isupper()
    return company_end(left) and (company_end(right) or one_word)


def propagate(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """New candidates where a known name recurs untagged (exact case, or in an ALL-CAPS run).

    The short form of a pattern name ("Foo" of "Foo AI", "Foo Holdings Ltd.")
    and a person's surname are looked for too, carrying a weak vote for the type.
    """
    covered = [False] * len(doc)
    for candidate in candidates:
        covered[candidate.first:candidate.last] = [True] * (candidate.last - candidate.first)
    lower_words = _prose_lower_words(doc)
    forms: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    brands: set[tuple[str, ...]] = set()  # "Unitree" of "Unitree Robotics": found only standing alone
    for candidate in candidates:
        words = tuple(t.text for t in doc[candidate.first:candidate.last])
        if len(candidate.text) >= 2 and candidate.text.lower() not in GENERIC_WORDS:
            forms[words[0].lower()].setdefault(words, "")
        brand = () if candidate.from_pattern else _brand_of(words, candidate, lower_words)
        short = _short_form(words) if candidate.from_pattern else brand or _surname(words, candidate, lower_words)
        if brand:
            brands.add(brand)  # (not "Robotics", a plural last word, as a team's short name)
        if short and " ".join(short).lower() not in GENERIC_WORDS:
            forms[short[0].lower()].setdefault(short, candidate.best())
    found: list[Candidate] = []
    for index, token in enumerate(doc):
        if covered[index] or not is_capitalized(token) or token.lower_ not in forms:
            continue
        for words, label in sorted(forms[token.lower_].items(), key=lambda item: -len(item[0])):
            end = index + len(words)
            if words in brands and not _stands_alone(doc, index, end):
                continue
            if end <= len(doc) and not any(covered[index:end]) and _same_words(doc, index, words):
                candidate = make_candidate(doc, index, end)
                if label:
                    candidate.vote(label, MODEL_WEIGHT / 2)
                found.append(candidate)
                covered[index:end] = [True] * len(words)
                break
    return found


def _prose_lower_words(doc: Doc) -> set[str]:
    """Words written in lower case outside web addresses ("http : / / ... / saints - ...")."""
    text = doc.text
    url_lines = {match.start() for match in _URL_LINE.finditer(text)} if "http" in text else set()
    words: set[str] = set()
    for token in doc:
        if token.is_lower and token.is_alpha:
            if url_lines and text.rfind("\n", 0, token.idx) + 1 in url_lines:
                continue
            words.add(token.text)
    return words


def _surname(words: tuple[str, ...], candidate: Candidate, lower_words: set[str]) -> tuple[str, ...]:
    """"Sampras" of "Pete Sampras": a person is later called by the last word of the full name
    (the first of a Chinese name in Chinese order: "Yan" of "Yan Junjie")
    (not when that word is also a common word of the document, "Equipment" beside "equipment");
    so is a team by its plural last word ("Saints" of "New Orleans Saints")."""
    last = words[-1]
    if len(words) >= 2 and words[-2] in ("-", "–"):
        return ()  # "Flyer" of "High-Flyer": a hyphenated name is one word
    if candidate.best() == "ORG" and 2 <= len(words) <= 3 and last.isalpha() and last[0].isupper() \
            and last.endswith("s") and len(last) > 3 and last.lower() not in lower_words \
            and all(w[:1].isupper() for w in words):
        return (last,)  # "Saints" of "New Orleans Saints": a team's plural last word names it alone
    if candidate.best() == "PERSON" and family_name_first(words) and words[0].lower() not in lower_words:
        return (words[0],)  # "Yan" of "Yan Junjie": a Chinese name's family name comes first
    if candidate.best() == "PERSON" and len(words) >= 2 and last.isalpha() and last[0].isupper() \
            and len(last) > 2 and last.lower() not in lower_words:
        return (last,)
    return ()


def _brand_of(words: tuple[str, ...], candidate: Candidate, lower_words: set[str]) -> tuple[str, ...]:
    """"Unitree" of "Unitree Robotics": a company's name without its head word, when that name is
    no word the document also writes in lower case, nor a country."""
    first = words[0]
    if candidate.best() != "ORG" or len(words) != 2 or words[1].lower() not in ORG_HEAD_WORDS \
            or not (first.isalpha() and first[0].isupper() and len(first) > 3) \
            or first.lower() in lower_words or is_country(first.lower()):
        return ()
    return (first,)


def _stands_alone(doc: Doc, first: int, last: int) -> bool:
    """No capitalized word right before or after (not "General" of "the General Assembly")."""
    before = doc[first - 1] if first > 0 and not doc[first].is_sent_start else None
    after = doc[last] if last < len(doc) else None
    return not any(t is not None and t.is_alpha and t.text[0].isupper() for t in (before, after))


def _short_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """"Foo" of "Foo AI" / "Foo Co., Ltd." / "Foo Technology Inc." (empty if nothing is left)."""
    kept = list(words)
    while len(kept) > 1 and (kept[-1].lower() in LEGAL_SUFFIXES or kept[-1] in (",", ".")):
        kept.pop()
    if len(kept) > 1 and (kept[-1].lower() in ORG_HEAD_WORDS or kept[-1] == "AI"):
        kept.pop()
    return tuple(kept) if len(kept) < len(words) else ()


def _same_words(doc: Doc, index: int, words: tuple[str, ...]) -> bool:
    tokens = doc[index:index + len(words)]
    if all(t.text == w for t, w in zip(tokens, words)):
        return True
    return all(t.is_upper or not t.is_alpha for t in tokens) and all(
        t.text.upper() == w.upper() for t, w in zip(tokens, words))


def canonical_name(members: list[Candidate], label: str) -> tuple[str, list[str]]:
    """The entity's name and its other surface forms.

    One surface per name key (the commonest spelling, preferring one not in
    ALL CAPS). A person is named by the longest form (the full name); anything
    else by the most frequent form that is neither a registered legal name
    ("... Co., Ltd.") nor an acronym of another form nor the opening of a longer form
    ("Foo" beside "Foo Labs"), ties going to the longer.
    """
    counts: Counter[str] = Counter(name_key(c.text) for c in members)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for candidate in members:
        spellings[name_key(candidate.text)][_strip_article(candidate.text)] += 1
    surface = {key: _best_spelling(spelled) for key, spelled in spellings.items()}
    primary = {name_key(c.text) for c in members if not c.secondary}
    keys = [k for k in counts if k in primary] or list(counts)  # "registered as X", "(月之暗面)": not the name
    if label == "PERSON":
        chosen = max(keys, key=lambda k: (len(k.split()), counts[k], k))
    else:
        preferred = [k for k in keys if not _is_legal_name(k) and not _is_acronym_form(surface[k], surface)]
        # "Justice" in "a Justice official" is the short form of "Justice Department": a form that
        # opens a longer one of the same entity names it less fully, however often it is used.
        # A brand's own short form ("Foo" for "Foo AI", "Foo Labs") is a name in its own right.
        fuller = [k for k in preferred if not any(_names_more_fully(o, k) or _country_unit_of(k, o) for o in preferred)]
        chosen = max(fuller or preferred or keys, key=lambda k: (counts[k], len(k), k))
    aliases = sorted({surface[k] for k in counts if k != chosen}, key=str.lower)
    return surface[chosen], aliases


def _country_unit_of(unit: str, parent: str) -> bool:
    """"foo china" is the country unit of "foo": the entity is named by the parent."""
    return unit.startswith(parent + " ") and is_country(unit[len(parent) + 1:])


def _names_publisher(source: str, names: tuple[str, ...], label: str) -> bool:
    """A name of the article's publisher: its source field ("Caixin Global") or, unless the name
    is a place ("New York" of "New York Times"), that field's first word(s) ("Caixin")."""
    publisher = source.lower().strip()
    if any(n.lower() == publisher for n in names):
        return True
    return label not in ("GPE", "LOC", "NORP", "FAC") and any(
        len(n) > 2 and publisher.startswith(n.lower() + " ") for n in names)


def _names_more_fully(longer: str, short: str) -> bool:
    """"justice department" names more fully than "justice" (not "foo ai" than "foo")."""
    if not longer.startswith(short + " ") or len(longer.split()) > 4:
        return False
    extra = longer[len(short) + 1:].split()
    if len(extra) == 1 and is_country(extra[0]):
        return False  # "foo china" is Foo's country unit: "Foo" names the company
    return not any(word in ORG_HEAD_WORDS or word in ("ai", "inc", "corp", "co", "ltd") for word in extra)


def _strip_article(text: str) -> str:
    text = text.strip()
    for article in ("the ", "The ", "THE "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _best_spelling(spelled: Counter[str]) -> str:
    return max(spelled, key=lambda s: (not s.isupper() or len(s) <= 5, spelled[s], s))


def _is_legal_name(key: str) -> bool:
    words = key.replace(",", " ").split()
    return len(words) > 1 and words[-1] in LEGAL_SUFFIXES


def _is_acronym_form(form: str, surface: dict[str, str]) -> bool:
    letters = "".join(ch for ch in form if ch.isalpha())
    if not (letters.isupper() and 2 <= len(letters) <= 6):
        return False
    for other in surface.values():
        initials = "".join(w[0] for w in other.split() if w[:1].isupper())
        every_word = "".join(w[0] for w in other.split() if w[:1].isalpha()).upper()  # "Medecins sans Frontieres"
        if other != form and (initials.upper().startswith(letters) or every_word == letters):
            return True
    return False


def _mention(candidate: Candidate, paragraph: int | None = None) -> Mention:
    return Mention(candidate.start, candidate.end, candidate.text, candidate.label, paragraph)
