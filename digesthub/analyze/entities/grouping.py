"""One entity per real-world thing inside one article: alias rules.

Names (by :func:`name_key`) are joined when

* a parenthesis defines one as the other: "Foo Bar Co., Ltd. (hereinafter
  "Foo")", "Foo Bar Baz (FBB)", "Foo Inc. ("Foo")";
* they are equal once legal suffixes, trailing "AI" and organization head words
  are stripped, with a leading place name dropped: "Foo Technology Co., Ltd."
  ~ "Foo", "Foo AI" ~ "Foo";
* a person's name equals another but for middle initials ("James C. Kopp" ~
  "James Kopp"), and a shorter name is the surname part (or a one-word given
  name) of exactly one longer person's name: "Smith" after "John Smith",
  "Bin Laden" after "Osama bin Laden";
* a shorter name opens a longer one of the same type: "Foo" ~ "Foo Labs";
* an ALL-CAPS form spells the initials of exactly one name of the same kind:
  "U.S." ~ "United States", "WHO" ~ "World Health Organization".

The group then votes on its type; a full name the evidence calls a person makes
its bare surname a person too.

Cross-article merging and transliteration variants are the corpus layer's job.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.legal import is_legal_name, legal_core
from digesthub.analyze.entities.patterns import CJK_CHARACTER, LEGAL_SUFFIXES, ORG_HEAD_WORDS, ORG_NOUNS
from digesthub.analyze.entities.voting import name_key, pooled_label

_DEFINING = frozenset({"hereinafter", "referred", "to", "as", "the", "or", "together", "called",
                       "collectively", "\"", "“", "”", "'", "‘", "’", "also", "known", "a.k.a.", "aka"})
_QUOTES = frozenset({"\"", "“", "”", "'", "‘", "’"})
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
# What follows a product family's name in one of its versions: "K2", "4", "3.5", "V3", "Pro", "Max".
_VERSION = re.compile(r"^(?:[a-z]?\d+(?:\.\d+)?[a-z]?|v\d+|pro|max|mini|plus|ultra|turbo|lite)$")


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_candidates(doc: Doc, candidates: list[Candidate]) -> list[list[Candidate]]:
    """Partition ``candidates`` into entities and give each group its pooled label."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[name_key(candidate.text)].append(candidate)
    labels = {key: same[0].label for key, same in by_key.items()}
    links = _UnionFind()
    for key in by_key:
        links.find(key)
    for a, b in _parenthesis_links(doc, candidates) + _known_as_links(doc, candidates) \
            + _registered_as_links(doc, candidates):
        links.union(a, b)
    _core_links(doc, by_key, labels, links)
    _team_links(by_key, labels, links)
    _acronym_links(by_key, labels, links)
    _person_links(by_key, labels, links)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for key, same in by_key.items():
        groups[links.find(key)].extend(same)
    result = []
    for members in groups.values():
        label = _group_label(doc, members)
        for member in members:
            member.label = member.fixed_label or label
        result.append(sorted(members, key=lambda c: c.start))
    return result


def _company_read_as_person(short: list[Candidate], long: list[Candidate]) -> bool:
    """"Beijing's Kunpeng Zhixing" typed a person by the model alone, where a cue calls "Kunpeng" (the
    first word) something else ("Kunpeng raised 900 million yuan"): one company, named in pinyin. The
    cue is a context cue; a sports report's team votes (pattern weight: players and clubs share
    names there) join nothing."""
    return short[0].label not in ("PERSON", "") and long[0].label == "PERSON" and _strongly_not_person(short) \
        and all(c.only_model_voted() for c in long) \
        and all(w < PATTERN_WEIGHT for c in short for lab, w in c.votes.items() if lab != "PERSON")


def _group_label(doc: Doc, members: list[Candidate]) -> str:
    """The pooled label; a full name the evidence calls a person makes its surname a person too;
    a group holding a registered legal name ("Foo Inc.") is never a person, nor a company's name
    the model alone read as a person's (:func:`_company_read_as_person`)."""
    full = [m for m in members if m.last - m.first > 1]
    short = [m for m in members if m.last - m.first == 1]
    # every short form opens a long one (none is a surname: "Hill" of "Anthony Hill")
    if full and short and all(any(f.text.startswith(m.text + " ") for f in full) for m in short) \
            and _company_read_as_person(short, full):
        return short[0].label
    if is_legal_name(doc, members):
        label = pooled_label(members, long_form_bonus=0.5)
        return "ORG" if label in ("PERSON", "") else label
    if full and pooled_label(full) == "PERSON" and not _strongly_not_person(short):
        return "PERSON"
    return pooled_label(members, long_form_bonus=0.5)


def _parenthesis_links(doc: Doc, candidates: list[Candidate]) -> list[tuple[str, str]]:
    """"A (B)", "A (hereinafter "B")": B names the entity A just named."""
    by_first = {c.first: c for c in candidates}
    links = []
    for candidate in candidates:
        index = candidate.last
        if index >= len(doc) or doc[index].text != "(":
            continue
        inner_end = next((i for i in range(index + 1, min(index + 12, len(doc))) if doc[i].text == ")"), None)
        if inner_end is None:
            continue
        inner = [i for i in range(index + 1, inner_end) if doc[i].lower_ not in _DEFINING]
        if not inner:
            continue
        defined = by_first.get(inner[0])
        alias_text = defined.text if defined else doc[inner[0]:inner[-1] + 1].text
        quoted = any(doc[i].text in _QUOTES for i in range(index + 1, inner_end))
        keyword = any(doc[i].lower_ in ("hereinafter", "referred", "called") for i in range(index + 1, inner_end))
        if quoted or keyword or _is_acronym_of(alias_text, candidate.text) or _is_cjk(alias_text) \
                or (defined is not None and _is_clipping(alias_text, candidate.text)):
            links.append((name_key(candidate.text), name_key(alias_text)))
            if defined is None and (quoted or keyword):
                # 'Hangzhou Yushu Technology Co., Ltd. (hereinafter "Unitree")' with "Unitree" written
                # elsewhere only as "Unitree Robotics": the short name stands for that one
                short = name_key(alias_text)
                links.extend((name_key(candidate.text), name_key(other.text)) for other in candidates
                             if name_key(other.text).startswith(short + " ") and other.best() == candidate.best())
    return links


# ", better known as", ", also known as", ", formerly known as", ", now called" (or after a dash or an
# opening bracket: "X — known in Chinese as Y —", "X (known in Chinese as Y)"): one entity, two names.
_KNOWN_AS = re.compile(r"^\s*[,(—–]?\s*(?:(?:better|also|widely|commonly|formerly|previously|now|locally|officially|"
                       r"legally|formally)"
                       r"\s+)?(?:known\s+(?:in\s+[A-Z]\w+\s+|(?:abroad|overseas|internationally|globally)\s+)?as|"
                       r"called|named|renamed|registered\s+as|"
                       r"incorporated\s+as|trading\s+as|"
                       r"operating\s+as|doing\s+business\s+as|"
                       # "MiniMax, whose Chinese name is Xiyu Keji"
                       r"whose\s+(?:[A-Z]\w+\s+)?(?:legal\s+|registered\s+|full\s+)?name\s+is)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_AKA = re.compile(r"\b(?:also|better|widely|commonly|formerly|previously)\s+known\s+as\b", re.IGNORECASE)
# "registered as", "known in Chinese as": a second name, not the one the entity is shown by ("better
# known as Zhipu AI" is the one).
_BETTER_KNOWN = re.compile(r"\b(?:better|widely|commonly|now)\s+known\s+as|\bnow\s+called|\brenamed\b", re.IGNORECASE)
_OTHER_NAME = re.compile(r"\b(?:also|formerly|previously|locally|officially|legally|formally)\s+(?:known\s+as|called|"
                         r"named)\b",
                         re.IGNORECASE)
_SECONDARY_NAME = re.compile(r"\b(?:registered|incorporated|known\s+in\s+[A-Z]\w+|whose\s+[A-Z]\w+\s+name)\b",
                             re.IGNORECASE)
# "The company, officially registered as Foo Technology, ..." / "known in Chinese as Foo": another
# name of the company the sentence before spoke of.
_ANAPHOR_REGISTERED_AS = re.compile(
    r"\b(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|start-?up|business|group|lab|automaker|carmaker|"
    r"chipmaker|maker|developer|lender|bank|insurer|retailer|operator|manufacturer)\s*,?\s*"
    r"(?:(?:officially|legally|formally)\s+)?"
    r"(?:registered|incorporated|known\s+(?:in\s+[A-Z]\w+\s+)?)\s*as\s+$", re.IGNORECASE)


def _known_as_links(doc: Doc, candidates: list[Candidate]) -> list[tuple[str, str]]:
    """"Beijing Zhipu Huazhang Technology Co., Ltd., better known as Zhipu AI": the second name
    is another name of the first (a person's nickname too: "Robert, known as Bob")."""
    # the language of "known in Chinese as" is part of the cue, not a name between the two
    ordered = sorted((c for c in candidates if not _language_of_known_as(doc, c)), key=lambda c: c.first)
    text = doc.text  # built on each access: read it once
    links = []
    for name, following in zip(ordered, ordered[1:]):
        if following.first - name.last > 6:
            continue  # ", better known as the" is at most six tokens
        between = text[doc[name.last - 1].idx + len(doc[name.last - 1]):doc[following.first].idx]
        # a place and a non-place are not one thing ("... Wellesley, Massachusetts doing business as
        # Foo East": an address stands before it); "Myanmar, formerly known as Burma" are one
        mixed = len({name.best() in _PLACE_LABELS, following.best() in _PLACE_LABELS}) == 2
        if mixed and name.best() not in _PLACE_LABELS and _AKA.search(between):
            mixed = False  # "Zhipu, also known as Zhipei": the model reads an unknown second name as a place
        if _KNOWN_AS.match(between) and name_key(name.text) != name_key(following.text) and not mixed:
            # "also known as Lingpao Qiche (零跑汽车)": a name spelled out of its CJK form is a
            # secondary name, as one "known in Chinese as" is
            following.secondary = following.secondary or bool(_SECONDARY_NAME.search(between)) \
                or _before_cjk_bracket(doc, following)
            if _BETTER_KNOWN.search(between):
                name.secondary = True  # "X, better known as Y", "X, now called Y": Y is the name to show
            elif _OTHER_NAME.search(between):
                following.secondary = True  # "AgiBot, also known as Zhiyuan Robotics": another name
            links.append((name_key(name.text), name_key(following.text)))
    links.extend(_described_known_as_links(doc, text, ordered))
    return links


# "Zhipu AI, a Beijing rival known abroad as Z.ai": the name the apposition's "known as" gives is the
# name before the apposition's comma (a place inside the description is no name of it).
_DESCRIBED_KNOWN_AS = re.compile(r",\s+(?:a|an|the|its)\s+[^,;()\"“”]{0,50}?\s+(?:also\s+)?known\s+"
                                 r"(?:(?:abroad|overseas|internationally|globally|in\s+[A-Z]\w+)\s+)?as\s+$")


def _described_known_as_links(doc: Doc, text: str, ordered: list[Candidate]) -> list[tuple[str, str]]:
    links = []
    ends = {doc[c.last - 1].idx + len(doc[c.last - 1]): c for c in ordered}
    for following in ordered:
        start = doc[following.first].idx
        cue = _DESCRIBED_KNOWN_AS.search(text, max(0, start - 80), start)
        name = ends.get(cue.start()) if cue else None
        if name is None or name is following or name.best() in _PLACE_LABELS \
                or name_key(name.text) == name_key(following.text):
            continue
        following.secondary = True  # another name of the one the sentence names first
        links.append((name_key(name.text), name_key(following.text)))
    return links


def _before_cjk_bracket(doc: Doc, candidate: Candidate) -> bool:
    """A name right before a bracketed name in CJK script: "Lingpao Qiche (零跑汽车)"."""
    return candidate.last + 2 < len(doc) and doc[candidate.last].text == "(" \
        and _is_cjk(doc[candidate.last + 1].text)


def _language_of_known_as(doc: Doc, candidate: Candidate) -> bool:
    """"Chinese" in "known in Chinese as" or "whose Chinese name is": the language, no name."""
    if candidate.last - candidate.first != 1 or candidate.first < 2 or candidate.last + 1 >= len(doc):
        return False
    return (doc[candidate.first - 1].lower_ == "in" and doc[candidate.first - 2].lower_ == "known"
            and doc[candidate.last].lower_ == "as") or (  # "whose Chinese name is"
        doc[candidate.first - 1].lower_ == "whose" and doc[candidate.last].lower_ == "name")


def _registered_as_links(doc: Doc, candidates: list[Candidate]) -> list[tuple[str, str]]:
    """"Foo grew fast. The company, officially registered as Foo Bar Technology, ...": the legal
    name joins the organization the sentence before opens with."""
    text = doc.text
    links = []
    # Company names, and the short forms opening them ("Xinghe" of "Xinghe Robotics Co. Ltd.", which
    # the model may have typed a person where it stands alone).
    org_keys = {name_key(c.text) for c in candidates if "ORG" in (c.label, c.best())}
    def is_company(c: Candidate) -> bool:
        key = name_key(c.text)
        return key in org_keys or any(other.startswith(key + " ") for other in org_keys)
    for candidate in candidates:
        start = doc[candidate.first].idx
        sentence = doc[candidate.first].sent
        if not _ANAPHOR_REGISTERED_AS.search(text, max(0, start - 80), start) \
                and not _fronted_known_as(doc, text, candidate, sentence.start_char):
            continue
        previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
        in_previous = [c for c in candidates if previous is not None and previous.start <= c.first < previous.end]
        # a typed company first: "Beijing-based Foo AI, registered as Beijing Foo Technology" opens on a place
        opening = next((c for c in in_previous if "ORG" in (c.label, c.best())), None) \
            or next((c for c in in_previous if is_company(c)), None)
        if opening is not None and name_key(opening.text) != name_key(candidate.text):
            candidate.secondary = True  # a registered or foreign-language name, not the one to show
            links.append((name_key(opening.text), name_key(candidate.text)))
    return links


# "Known in Chinese as Foo (福), the company was founded ...": the name opens the sentence and the
# company the story is about follows it.
_FRONTED_KNOWN_AS = re.compile(r"^\s*(?:(?:also|officially|legally|formally)\s+)?(?:known\s+(?:in\s+[A-Z]\w+\s+)?as|"
                               r"registered\s+as)\s+$", re.IGNORECASE)
_COMPANY_SUBJECT = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?,\s*(?:the|this)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:company|firm|start-?up|business|group|lab|developer|maker)\b", re.IGNORECASE)


def _fronted_known_as(doc: Doc, text: str, candidate: Candidate, sentence_start: int) -> bool:
    start = doc[candidate.first].idx
    end = doc[candidate.last - 1].idx + len(doc[candidate.last - 1])
    return bool(_FRONTED_KNOWN_AS.match(text[sentence_start:start])) and bool(_COMPANY_SUBJECT.match(text, end))


def _is_clipping(short: str, long: str) -> bool:
    """"Qwen" of "Tongyi Qianwen": a one-word short form whose letters, in order, are taken from one
    word of the long form, starting with that word's first letter."""
    short = short.lower()
    if " " in short or len(short) < 3 or not short.isalpha():
        return False
    for word in long.lower().split():
        if word[:1] == short[0] and word != short:
            position = 0
            for letter in short:
                position = word.find(letter, position) + 1
                if position == 0:
                    break
            else:
                return True
    return False


def _is_cjk(text: str) -> bool:
    """A name written in Chinese, Japanese or Korean script ("月之暗面" after "Moonshot AI")."""
    return bool(text) and all(_CJK.match(ch) for ch in text if not ch.isspace())


_CJK = re.compile(CJK_CHARACTER)


def _is_acronym_of(short: str, long: str) -> bool:
    """"AIM" for "Analytics India Magazine" (initials of the capitalized words)."""
    letters = "".join(ch for ch in short if ch.isalpha())
    if not letters.isupper() or len(letters) < 2:
        return False
    initials = "".join(word[0] for word in long.replace("-", " ").split() if word[:1].isupper()).upper()
    return initials == letters or initials.startswith(letters) or _skips_initials(letters, initials)


def _skips_initials(letters: str, initials: str) -> bool:
    """"CATL" for "Contemporary Amperex Technology Co. Limited" (initials CATCL): the first initial
    and then, in order, initials of the following words, passing over at most one."""
    if len(letters) < 3 or letters[0] != initials[:1]:
        return False
    position, skipped = 1, 0
    for letter in letters[1:]:
        found = initials.find(letter, position)
        if found < 0:
            return False
        skipped += found - position
        position = found + 1
    return skipped <= 1


def _place_words(doc: Doc) -> frozenset[str]:
    """Words the document uses as places on their own: tagged a place, or before "-based"."""
    words = {t.text for t in doc if t.ent_type_ in _PLACE_LABELS}
    words.update(t.text for t in doc[:-2] if t.nbor(1).text == "-" and t.nbor(2).lower_ == "based")
    return frozenset(words)


def core_name(doc: Doc, candidate: Candidate, place_words: frozenset[str] = frozenset()) -> str:
    """The distinctive part of a name: no legal suffix, "AI", head word, or leading place.

    A registered name opens with its seat as often as not ("Beijing Foo Technology Co. Ltd."):
    its first word goes when the document uses that word as a place elsewhere."""
    tokens = list(doc[candidate.first:candidate.last])
    # ... and a company name closed by its head word does too ("Hangzhou Qingyu Robotics" is "Qingyu")
    registered = legal_core(doc, candidate) or tokens[-1].lower_ in ORG_HEAD_WORDS
    if len(tokens) > 2 and tokens[0].text in place_words and registered \
            and tokens[1].text[:1].isupper() and tokens[1].lower_ not in ORG_HEAD_WORDS | LEGAL_SUFFIXES:
        tokens.pop(0)  # not "Airland International Ltd.": what is left must still name something
    while len(tokens) > 1 and (tokens[-1].lower_ in LEGAL_SUFFIXES or tokens[-1].text in (",", ".")):
        tokens.pop()
    # One head word or "AI" goes ("Foo Technology", "Foo AI"); two would turn "X Telecom Group" into "X".
    if len(tokens) > 1 and (tokens[-1].lower_ in ORG_HEAD_WORDS or tokens[-1].text == "AI"):
        tokens.pop()
    while len(tokens) > 1 and (tokens[0].ent_type_ in _PLACE_LABELS and tokens[0].ent_iob_ == "B"
                               and candidate.from_pattern):
        tokens.pop(0)
    return name_key(" ".join(t.text for t in tokens))


def _core_links(doc: Doc, by_key: dict[str, list[Candidate]], labels: dict[str, str], links: _UnionFind) -> None:
    """Join names equal after stripping, and a name that opens a longer one of the same type."""
    place_words = _place_words(doc)
    cores: dict[str, str] = {key: core_name(doc, same[0], place_words) for key, same in by_key.items()}
    by_core: dict[str, list[str]] = defaultdict(list)
    for key, core in cores.items():
        by_core[core].append(key)
    for keys in by_core.values():
        for other in keys[1:]:
            patterned = any(c.from_pattern for key in (other, keys[0]) for c in by_key[key])
            pair = {labels[other], labels[keys[0]]}
            if patterned and any(_is_address_place(doc, by_key[key]) for key in (other, keys[0])):
                continue  # "Foo Truck Corp., Foo, Wis.": the town the company is named after
            if _named_as_offshoot(doc, by_key[other]) != _named_as_offshoot(doc, by_key[keys[0]]):
                continue  # "Foo" and its joint venture "Foo International"
            if patterned or len(pair) == 1 or not pair & _PLACE_LABELS:
                links.union(keys[0], other)
    for short in by_key:
        if " " in short or short in ORG_NOUNS or short in ORG_HEAD_WORDS or len(short) < 3:
            continue
        longer = [long for long, core in cores.items() if long != short and core.startswith(short + " ")
                  and not _named_as_offshoot(doc, by_key[long])]
        versions = [long for long in longer if _VERSION.match(cores[long][len(short) + 1:])]
        for long in longer:
            if len(versions) > 1 and long in versions:
                continue  # "Kimi K2" and "Kimi K3" are two models: "Kimi" is neither
            if labels[long] == labels[short] != "PERSON" or (
                    labels[long] == "PRODUCT" and long in versions and not _strongly_not_person(by_key[short])) \
                    or _company_read_as_person(by_key[short], by_key[long]):
                links.union(short, long)  # "Foo" ~ "Foo Labs"; "Kimi" ~ "Kimi K2" whatever the model typed "Kimi"


_OFFSHOOT_NOUNS = frozenset({"venture", "subsidiary", "unit", "arm", "affiliate", "spinoff", "spin-off", "offshoot"})
# What may close a name introduced by an offshoot noun before a comma ("a joint venture, Foo
# International, which ..."): "unit, Foo said" is a speaker after a clause, not an apposition.
_APPOSITION_CLOSE = frozenset({",", ".", ")", ";", "—", "–"})


def _named_as_offshoot(doc: Doc, same: list[Candidate]) -> bool:
    """"a joint venture, Foo International", "its subsidiary Foo Labs", "Foo Capital, the company's
    venture arm,": a company of its own, not another name of the "Foo" it grew out of."""
    return any(_offshoot_before(doc, c) or _offshoot_after(doc, c) for c in same)


# Between an offshoot noun and the name it introduces: "its subsidiary, Foo", "a venture called Foo".
_INTRODUCING = frozenset({",", "\"", "“", "'", "‘", "called", "named"})
# After an offshoot noun that heads an apposition ("venture capital firm" has "venture" as a modifier).
_AFTER_OFFSHOOT_NOUN = frozenset({"of", "that", "which", "based", "in", "for"})


def _offshoot_before(doc: Doc, candidate: Candidate) -> bool:
    for i in range(max(0, candidate.first - 3), candidate.first):
        between = [doc[j].lower_ for j in range(i + 1, candidate.first)]
        if doc[i].lower_ in _OFFSHOOT_NOUNS and all(word in _INTRODUCING for word in between):
            return "," not in between or candidate.last >= len(doc) or doc[candidate.last].text in _APPOSITION_CLOSE
    return False


def _offshoot_after(doc: Doc, candidate: Candidate) -> bool:
    """", the company's venture arm", ", its investment unit", ", a subsidiary of": an apposition
    of at most five words that ends in (or is headed by) an offshoot noun."""
    end = candidate.last
    if end + 1 < len(doc) and doc[end].lower_ == "and":  # "Foo Capital and Incubator Group, its venture arm"
        end += 1
        while end < min(len(doc), candidate.last + 6) and doc[end].text[:1].isupper():
            end += 1
    if end >= len(doc) or doc[end].text != ",":
        return False
    for i in range(end + 1, min(len(doc), end + 7)):
        if doc[i].text in _APPOSITION_CLOSE:
            return False
        if doc[i].lower_ in _OFFSHOOT_NOUNS and i + 1 < len(doc) and (
                doc[i + 1].text in _APPOSITION_CLOSE or doc[i + 1].lower_ in _AFTER_OFFSHOOT_NOUN):
            return True
    return False


def _team_links(by_key: dict[str, list[Candidate]], labels: dict[str, str], links: _UnionFind) -> None:
    """"Saints" after "New Orleans Saints": a plural last word is a team's (or a group's) short name,
    when exactly one longer organization name of two or three words ends with it ("House" is no
    short name of "White House": a singular word)."""
    for short in by_key:
        if " " in short or not short.endswith("s") or len(short) < 4 or labels[short] != "ORG":
            continue
        longer = [key for key in by_key if labels[key] == "ORG" and 2 <= len(key.split()) <= 3
                  and key.endswith(" " + short)]
        if len(longer) == 1:
            links.union(short, longer[0])


def _is_address_place(doc: Doc, same: list[Candidate]) -> bool:
    """A place written as in an address, "Foo, Wis.," / "Foo, Texas ." (city, then its region)."""
    for candidate in same:
        index = candidate.last
        if candidate.label not in _PLACE_LABELS or candidate.from_pattern or index + 2 >= len(doc):
            continue
        region = doc[index + 1]
        if doc[index].text == "," and region.ent_type_ == "GPE" and region.ent_iob_ == "B" \
                and doc[index + 2].is_punct:
            return True
    return False


def _acronym_links(by_key: dict[str, list[Candidate]], labels: dict[str, str], links: _UnionFind) -> None:
    """"U.S." ~ "United States", "WHO" ~ "World Health Organization": an ALL-CAPS form whose
    letters are the initials of exactly one other name of the same kind in the article."""
    for short, same in by_key.items():
        surface = same[0].text
        letters = "".join(ch for ch in surface if ch.isalpha())
        if " " in surface or not letters.isupper() or not 2 <= len(letters) <= 6:
            continue
        matches = [long for long, members in by_key.items()
                   if long != short and _kind(labels[long]) == _kind(labels[short])
                   and letters in (_initials(members[0].text), _initials(members[0].text, every_word=True))]
        if len(matches) == 1:
            links.union(short, matches[0])


def _initials(name: str, *, every_word: bool = False) -> str:
    """Initials of the capitalized words ("World Health Organization": "WHO"), or with
    ``every_word`` of the lower-case ones too ("Medecins sans Frontieres": "MSF")."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ("of", "and", "the", "for", "&")]
    if len(words) < 2:
        return ""
    return "".join(w[0].upper() for w in words if every_word and w[:1].isalpha() or w[:1].isupper())


def _kind(label: str) -> str:
    return "PLACE" if label in ("GPE", "LOC") else label


def _person_links(by_key: dict[str, list[Candidate]], labels: dict[str, str], links: _UnionFind) -> None:
    """"James C. Kopp" ~ "James Kopp" (middle initials aside), "Ben Banky" ~ "Benjamin David Banky";
    then "Smith" joins "John Smith" and
    "Bin Laden" joins "Osama bin Laden" when exactly one person's full name ends (or a one-word
    name starts) with it."""
    people = [key for key, label in labels.items() if label == "PERSON" and len(key.split()) >= 2]
    by_plain: dict[str, str] = {}
    for key in people:
        plain = _without_initials(key)
        if plain in by_plain:
            links.union(key, by_plain[plain])
        else:
            by_plain[plain] = key
    for key in people:
        for other in people:
            if other != key and _short_given_name(key, other):
                links.union(key, other)
    for key, same in by_key.items():
        words = key.split()
        owners = {links.find(full) for full in people
                  if len(full.split()) > len(words) and _ends_or_starts_with(full.split(), words)}
        if len(owners) != 1 or _strongly_not_person(same) or not all(w[:1].isalpha() for w in words):
            continue
        links.union(key, next(iter(owners)))


def _short_given_name(short: str, full: str) -> bool:
    """"Ben Banky" ~ "Benjamin David Banky": one surname, and the short form of the given name
    (at least three letters) opens the other's; middle names aside."""
    short_words, full_words = short.split(), full.split()
    if len(short_words) != 2 or short_words[-1] != full_words[-1] or short_words[0] == full_words[0]:
        return False
    given = short_words[0]
    return len(given) >= 3 and given.isalpha() and full_words[0].startswith(given)


def _without_initials(key: str) -> str:
    """A person's name key without middle initials: "james c. kopp" -> "james kopp"."""
    words = key.split()
    return " ".join([words[0]] + [w for w in words[1:-1] if len(w.rstrip(".")) > 1] + [words[-1]])


def _ends_or_starts_with(full: list[str], words: list[str]) -> bool:
    """A full name ends with ``words`` (a surname, "bin laden") or, for one word, starts with it."""
    return full[-len(words):] == words or (len(words) == 1 and full[0] == words[0])


def _strongly_not_person(same: list[Candidate]) -> bool:
    """A pattern or a context cue said this name is something other than a person."""
    return any(
        candidate.from_pattern or any(w >= CUE_WEIGHT and lab != "PERSON" for lab, w in candidate.votes.items())
        for candidate in same
    )
