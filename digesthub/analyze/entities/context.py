"""Context cues: the words around a span that say what kind of thing it is.

ORG: "the company X", "startup X", "X, a startup", "CEO of X", "X's founder",
"X executives", "X was founded", "X Inc.". PERSON: "CEO X", "Dr. X", "X, who",
"X, 45,". Each cue adds a vote; document-level voting then spreads the verdict
to every occurrence of the same name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import CUE_WEIGHT, PATTERN_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import (
    BACKER_NOUNS, EVENT_HEADS, GENERIC_WORDS, HARDWARE_NOUNS, INSTITUTION_HEADS, ORG_NOUNS, ORG_OWNED, PERSON_ROLE_NOUNS, PERSON_TITLES, PRODUCT_NOUNS,
    PRODUCT_WORDS,
)
from digesthub.analyze.entities.countries import is_country
from digesthub.analyze.entities.kinds import counted_among_backers
from digesthub.analyze.entities.spans import make_candidate
from digesthub.analyze.entities.voting import name_key

_ORG_OF = frozenset({"ceo", "founder", "co-founder", "chairman", "president", "shares",
                     "employees", "executives", "subsidiary", "unit", "division", "spokesperson",
                     "spokesman", "spokeswoman", "stake", "parent", "acquisition", "owner"})
_POLITY_WORDS = frozenset({"commonwealth", "state", "republic", "kingdom", "province", "principality",
                           "emirate", "sultanate", "federation", "county", "city"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_SEPARATORS = frozenset({",", "and", "or"})
# Heads of an apposition that describe a person: "the chief executive", "a former lawyer".
_PERSON_HEADS = (PERSON_TITLES | PERSON_ROLE_NOUNS) - {"chief", "vice"}
# A part of a company after a possessive and one qualifier: "X's cloud unit", "X's chip division".
# Not "business" or "arm": "Trump's family business", "Smith's left arm" belong to people.
_BUSINESS_UNITS = frozenset({"unit", "division", "subsidiary", "affiliate", "segment"})
_INVESTING = frozenset({"venture", "investment", "investing", "venture-capital", "lending", "financing",
                        "finance", "financial", "asset-management", "research", "consulting"})
# The kinds an untagged name in a list may take from its neighbours (not NORP: a
# list of nationalities says little about a capitalized word beside them).
_LIST_KINDS = frozenset({"ORG", "PERSON", "GPE"})


def add_context_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Add cue votes to each candidate from the words around it."""
    ends = {c.last: c for c in candidates}
    for candidate in candidates:
        label, weight = _cue(doc, candidate.first, candidate.last), CUE_WEIGHT
        if not label:
            label, weight = _list_cue(doc, candidate.first, ends)
            if label == "PRODUCT" and _word(doc, candidate.last) in _POSSESSIVE:
                label = ""  # "apps such as Bar's Foo": Bar makes the product
        if label:
            candidate.vote(label, weight)
        elif _said_it(doc, candidate.last) and "PERSON" not in candidate.votes:
            # "X said it would ...": "it" may as well be the object of a person's words
            # ("Zhang said it was early"), so the cue does not outvote the model's PERSON.
            candidate.vote("ORG", CUE_WEIGHT)
        elif _acts_on_its_own(doc, candidate.first, candidate.last):
            candidate.vote("ORG", SHAPE_WEIGHT)  # "X released its ...": a person would say "his/her"
        elif _named_as_backer(doc, candidate.first) and "PERSON" not in candidate.votes:
            # "existing backers Meituan and ...": a backer is a company or a person, never a place
            candidate.vote("ORG", CUE_WEIGHT)
        elif _makes_the_hardware(doc, candidate):
            candidate.vote("ORG", CUE_WEIGHT)


_HARDWARE_PLURALS = frozenset(noun + "s" for noun in HARDWARE_NOUNS)


def _makes_the_hardware(doc: Doc, candidate: Candidate) -> bool:
    """"Nvidia chips", "Huawei phones": a one-word name the model took for a place, before a plural
    hardware noun, is their maker (a country's name there is where they come from)."""
    return candidate.last - candidate.first == 1 and _word(doc, candidate.last) in _HARDWARE_PLURALS \
        and candidate.model_label in ("GPE", "LOC") and candidate.only_model_voted() \
        and not is_country(name_key(candidate.text))


_INCLUDE = frozenset({"include", "includes", "included", "including", "are", "were"})


def _named_as_backer(doc: Doc, first: int) -> bool:
    """"backers Meituan and X", "Earlier investors include Meituan and X": a name in the list that
    follows a backer noun (directly or after "include"/"are"); "counts X and Y among its backers"."""
    index = first - 1
    while index > 0 and (doc[index].text == "," or doc[index].lower_ == "and"
                         or (doc[index].pos_ == "PROPN" and doc[index].text[:1].isupper())):
        index -= 1
    if _word(doc, index) in _INCLUDE:
        index -= 1
    return _word(doc, index) in BACKER_NOUNS or counted_among_backers(doc, first)


def _acts_on_its_own(doc: Doc, first: int, last: int) -> bool:
    """"X released its", "X doubled its": the subject of a verb whose object is "its" something."""
    if last + 1 >= len(doc) or doc[last].pos_ != "VERB" or doc[last + 1].lower_ != "its":
        return False
    return doc[first:last].root.dep_ == "nsubj" and doc[first:last].root.head.i == last


def _said_it(doc: Doc, last: int) -> bool:
    return _word(doc, last) in ("said", "says", "added", "announced", "stated") and _word(doc, last + 1) == "it"


def mark_table_teams(doc: Doc, candidates: list[Candidate]) -> None:
    """A place opening a row of numbers ("Chicago 72 60 .545") is a team there: ORG for that row."""
    text = doc.text
    for candidate in candidates:
        line_start = text.rfind("\n", 0, candidate.start) + 1
        if candidate.label not in ("GPE", "LOC") or text[line_start:candidate.start].strip():
            continue
        line_end = text.find("\n", candidate.end)
        rest = text[candidate.end:line_end if line_end >= 0 else len(text)].split()
        numbers = sum(1 for word in rest if _is_number(word))
        if len(rest) >= 2 and numbers * 5 >= len(rest) * 3:
            candidate.fixed_label = "ORG"


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any(ch.isalpha() for ch in word)


def _list_cue(doc: Doc, first: int, ends: dict[int, Candidate]) -> tuple[str, float]:
    """"companies such as A, B and C", "startups including A and B": every listed name is an ORG
    ("chatbots like A and B": a PRODUCT), with the vote's weight: "its products, including A and
    B" names a company's own products, which outweighs a company-like shape ("Foo AI")."""
    index = first - 1
    while index >= 0:
        word = doc[index].lower_
        if word in (",", "and", "or"):
            index -= 1
        elif index + 1 in ends:  # skip back over an earlier name of the list
            index = ends[index + 1].first - 1
        elif doc[index].is_alpha and doc[index].text[0].isupper():  # a name the model missed
            index -= 1
        else:
            break
    if index < 0:
        return "", 0.0
    if doc[index].lower_ == "as" and _word(doc, index - 1) == "such":
        index -= 2
    elif doc[index].lower_ in ("including", "like"):
        index -= 1
    else:
        return "", 0.0
    if _word(doc, index) == ",":
        index -= 1  # "its products, including A and B"
    noun = _word(doc, index)
    if _is_org_noun(noun):
        return "ORG", CUE_WEIGHT
    # "apps such as A and B" (not "blue chips like A": hardware words also name companies' shares)
    product = (noun.endswith("s") and noun[:-1] in PRODUCT_NOUNS and noun[:-1] not in HARDWARE_NOUNS) \
        or noun == "products"
    if not product:
        return "", 0.0
    owned = _word(doc, index - 1) in ("its", "their")
    return "PRODUCT", (PATTERN_WEIGHT * 1.25 if owned else CUE_WEIGHT)


def harmonize_lists(doc: Doc, candidates: list[Candidate]) -> bool:
    """Names listed together ("A, B, C and D") are usually of one kind: the odd one out
    (at most a third of the typed members) gets a vote for the list's type, and a
    capitalized name the model left untagged in the list ("A, B, FOO and C") joins
    ``candidates`` with that type when at least two members agree on an ORG, PERSON or
    GPE. True if any vote was added."""
    changed = False
    for members in _lists(doc, candidates):
        typed = [m for m in members if m.label]
        labels = [m.label for m in typed]
        if len(labels) < 2:
            continue
        top = max(sorted(set(labels)), key=labels.count)
        if labels.count(top) * 3 < len(labels) * 2:
            continue
        for member in members:
            if member.label == top:
                continue
            if member.label and len(labels) >= 3:
                member.vote(top, CUE_WEIGHT)
                changed = True
            elif not member.label and top in _LIST_KINDS and labels.count(top) >= 2:
                member.vote(top, CUE_WEIGHT)
                candidates.append(member)
                changed = True
    return changed


def harmonize_company_pairs(doc: Doc, candidates: list[Candidate]) -> bool:
    """"drew Tencent Holdings and Hongshan": a name joined by "and" to a company the text marks as
    one (a cue, a pattern, a company ending), and typed by nothing but the model's guess, is a
    company too. True if any vote was added."""
    changed = False
    ordered = sorted(candidates, key=lambda c: c.first)
    for left, right in zip(ordered, ordered[1:]):
        if right.first - left.last != 1 or doc[left.last].lower_ != "and":
            continue
        for known, guessed in ((left, right), (right, left)):
            if known.label == "ORG" and _marked_org(known) \
                    and guessed.only_model_voted() and guessed.model_label != "NORP" \
                    and not is_country(name_key(guessed.text)):
                guessed.vote("ORG", CUE_WEIGHT)
                changed = True
    return changed


def _marked_org(candidate: Candidate) -> bool:
    return candidate.votes.get("ORG", 0.0) - (candidate.model_weight if candidate.model_label == "ORG" else 0.0) \
        >= CUE_WEIGHT - 1e-6


def _lists(doc: Doc, candidates: list[Candidate]) -> list[list[Candidate]]:
    """Runs of at least three names separated only by commas and "and"/"or" (untagged
    capitalized names between and after them included as unlabelled candidates)."""
    runs: list[list[Candidate]] = []
    current: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.first):
        between = _gap_names(doc, current[-1].last, candidate.first) if current else None
        if between is not None and _conjunction_again(doc, current, candidate):
            between = None  # "Indonesia and Vietnam, and Chen does not": a new clause
        if between is not None:
            current.extend(between + [candidate])
            continue
        if current:
            current.extend(_trailing_names(doc, current[-1].last, candidate.first))
        if len(current) >= 3:
            runs.append(current)
        current = [candidate]
    if current:
        current.extend(_trailing_names(doc, current[-1].last, len(doc)))
    if len(current) >= 3:
        runs.append(current)
    return runs


def _conjunction_again(doc: Doc, current: list[Candidate], candidate: Candidate) -> bool:
    """A list closes with its one "and": a second "and" after a bare "A and B" starts another
    clause or coordination level ("starting with Indonesia and Vietnam, and Chen said")."""
    if len(current) < 2 or not _has_conjunction(doc, current[-1].last, candidate.first):
        return False
    return _has_conjunction(doc, current[-2].last, current[-1].first)


def _has_conjunction(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].lower_ in ("and", "or") for i in range(start, end))


def _gap_names(doc: Doc, start: int, end: int) -> list[Candidate] | None:
    """The untagged names in a list gap ", FOO, and "; None when the gap is not a list gap."""
    if end <= start or doc[start].lower_ not in _SEPARATORS or doc[end - 1].lower_ not in _SEPARATORS:
        return None
    names: list[Candidate] = []
    index = start
    while index < end:
        if doc[index].lower_ in _SEPARATORS:
            index += 1
            continue
        stop = index
        while stop < end and _list_name_word(doc[stop]) and stop - index < 4:
            stop += 1
        if stop == index or (stop < end and doc[stop].lower_ not in _SEPARATORS):
            return None
        names.append(make_candidate(doc, index, stop))
        index = stop
    return names


def _trailing_names(doc: Doc, start: int, limit: int) -> list[Candidate]:
    """", FOO" / "and FOO" right after the last listed candidate (up to ``limit``)."""
    names: list[Candidate] = []
    index = start
    while index < limit and doc[index].lower_ in _SEPARATORS:
        stop = index + 1
        while stop < limit and doc[stop].lower_ in _SEPARATORS:
            stop += 1
        end = stop
        while end < limit and _list_name_word(doc[end]) and end - stop < 4:
            end += 1
        if end == stop or (end < len(doc) and (_list_name_word(doc[end]) or doc[end].pos_ in ("NOUN", "PROPN"))):
            break  # not a name, or a name that runs on / modifies a noun ("and FOO chips")
        names.append(make_candidate(doc, stop, end))
        index = end
    return names


def _list_name_word(token: Token) -> bool:
    return len(token.text) > 1 and token.text[0].isupper() and any(ch.isalpha() for ch in token.text) \
        and not token.is_stop and token.lower_ not in GENERIC_WORDS and token.pos_ in ("PROPN", "NOUN")


def _is_org_noun(word: str) -> bool:
    return word in ORG_NOUNS or (word.endswith("s") and word[:-1] in ORG_NOUNS) or (
        word.endswith("ies") and word[:-3] + "y" in ORG_NOUNS)


def _cue(doc: Doc, first: int, last: int) -> str:
    before = _word(doc, first - 1)
    before2 = _word(doc, first - 2)
    after = _word(doc, last)
    after2 = _word(doc, last + 1)
    if after == "-" and after2 in ("based", "headquartered") and not doc[last - 1].whitespace_:
        return "GPE"  # "the founder of Shanghai-based MiniMax": a place says where the company is
    if _is_org_noun(before) or (before == "," and _is_org_noun(before2)):
        return "ORG"  # "the company X", "startup X", "an AI company, X"
    if before == "of" and before2 in _ORG_OF and not (doc[first].ent_type_ == "NORP" and last < len(doc)
                                                      and doc[last].pos_ in ("NOUN", "PROPN", "ADJ")):
        return "ORG"  # "CEO of X", "shares of X" (not "founder of Chinese AI startup Y": a nationality)
    if after in _POSSESSIVE and (after2 in ORG_OWNED or after2 in PRODUCT_WORDS):
        return "ORG"  # "X's founder", "X's CEO"
    if after in _POSSESSIVE and _word(doc, last + 2) in _BUSINESS_UNITS and _word(doc, last + 1).isalpha():
        return "ORG"  # "X's cloud unit", "X's chip division"
    if after in _POSSESSIVE and _word(doc, last + 1) in _INVESTING and _word(doc, last + 2) == "arm":
        return "ORG"  # "X's venture arm", "X's investment arm" (not "Smith's left arm")
    if after in ORG_OWNED and after not in ("founder", "president", "chief", "ceo") and not (
            last - first == 1 and doc[first].ent_type_ == "NORP"):
        return "ORG"  # "X executives", "X shares" (not "Chinese customers": a nationality)
    if _title_then_name(doc, last):
        return "ORG"  # "Stellaris Chief Executive Anne-Marie Colbert": whose chief executive
    if before == "at" and before2 in _ANALYST_NOUNS:
        return "ORG"  # "analysts at Bernstein", "economists at Nomura": a firm
    if after in ("was", "is") and after2 in ("founded", "headquartered", "listed", "valued", "acquired"):
        return "ORG"
    if after == "," and after2 in ("a", "an", "the", "another") and (
            _appositive_head(doc, last + 1) in ORG_NOUNS or _word(doc, last + 3) in ORG_NOUNS
            and not _modifies_next(doc, last + 3)):
        return "ORG"  # "X, a startup", "X, another Chinese startup" (not "X, a Tsinghua University graduate")
    if after == "," and after2 in ("a", "an", "the", "another", "its", "their") and last - first <= 3 and (
            _appositive_head(doc, last + 1) in _PERSON_HEADS or _word(doc, last + 3) in _PERSON_HEADS):
        return "PERSON"  # "X, the chief executive of Y", "X, a former lawyer"
    if last - first > 1 and _word(doc, last - 1) in EVENT_HEADS and doc[last - 1].text[:1].isupper():
        return "EVENT"  # "the Hong Kong Open", "UEFA Cup"
    if last - first > 1 and _word(doc, last - 1) in INSTITUTION_HEADS and doc[last - 1].text[:1].isupper():
        return "ORG"  # "Foo University", "Interior Ministry"
    if _word(doc, first) in _POLITY_WORDS and _word(doc, first + 1) == "of" and last - first > 2:
        return "GPE"  # "Commonwealth of Massachusetts", "Republic of Korea"
    if before == ":" and before2 in ("name", "by", "attention", "attn", "signed"):
        return "PERSON"  # signature blocks: "Name: Jane Doe"
    if (before in PERSON_TITLES or before in PERSON_ROLE_NOUNS) and first - 1 >= 0 \
            and doc[first - 1].pos_ != "ADP" and len(doc[first:last].text.split()) <= 3:
        return "PERSON"  # "CEO Altman", "Dr. Smith", "author Stephenie Meyer"
    if after in ("said", "says", "added", "announced", "stated") and (
            after2 == "its" or after2 == "in" and _word(doc, last + 2) == "its"):
        return "ORG"  # "X said its ...", "X said in its quarterly report"
    if after in ("said", "says", "added", "stated") and after2 in ("he", "she", "his", "her"):
        return "PERSON"
    if after == "," and after2 == "who":
        return "PERSON"  # (not "whose": "Foo, whose vehicles are made in China")
    if after == "," and _word(doc, last + 1).isdigit() and _word(doc, last + 2) == ",":
        return "PERSON"  # "Smith, 45, said"
    return ""


_ANALYST_NOUNS = frozenset({"analyst", "analysts", "economist", "economists", "strategist", "strategists",
                            "researchers", "traders", "bankers"})
# Titles that, written before a person's name, follow the name of the body the person leads.
_LEADER_TITLES = (("chief", "executive"), ("chief", "executive", "officer"), ("ceo",), ("chairman",),
                  ("chairwoman",), ("chief", "financial", "officer"), ("cfo",),
                  ("founder", "and", "ceo"), ("founder", "and", "chairman"), ("co-founder", "and", "ceo"))


def _title_then_name(doc: Doc, last: int) -> bool:
    """A leader's title right after the span and a capitalized name right after the title."""
    for title in _LEADER_TITLES:
        end = last + len(title)
        if end < len(doc) and tuple(_word(doc, last + i) for i in range(len(title))) == title \
                and doc[last].text[0].isupper() and doc[end].is_title and doc[end].pos_ == "PROPN":
            return True
    return False


def _modifies_next(doc: Doc, index: int) -> bool:
    """The word at ``index`` qualifies a noun right after it ("University" in "University graduate")."""
    return index + 1 < len(doc) and doc[index].dep_ == "compound" and doc[index].head.i > index


def _appositive_head(doc: Doc, determiner: int) -> str:
    """The noun a determiner after a comma belongs to ("a [Chinese] startup"), near it."""
    head = doc[determiner].head
    if determiner < head.i <= determiner + 3 and (head.dep_ == "appos" or head.i == determiner + 2):
        return head.lower_  # not "X, the ministry said": there the noun is a new subject
    return ""


def _word(doc: Doc, index: int) -> str:
    if 0 <= index < len(doc):
        return doc[index].lower_
    return ""
