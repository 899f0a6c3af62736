"""Sports clubs: a city's or a county's name that plays is an organization.

In a sports report "Leeds beat Norwich 2-1", "Rotor are well placed", "the
Surrey captain", "played for Milan" and a results row "Pohang 3 Ulsan 2" use
place names (which the model calls places or, alone, people) for clubs. In a
document with enough sports vocabulary, a place that is not a country (a
national side stays a place) or a lone capitalized word that is no known
person's surname takes ORG, in every occurrence, once one team cue shows it
playing. Untagged words in a results row ("Puchon 2 Chonbuk 1") become clubs.
"""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.countries import is_country
from digesthub.analyze.entities.patterns import CONTRACT_TERMS, GENERIC_WORDS, PERSON_TITLES
from digesthub.analyze.entities.spans import make_candidate
from digesthub.analyze.entities.voting import name_key

# Words that occur in sports reports and rarely elsewhere (not "team", "win", "season": business uses them).
SPORTS_WORDS: frozenset[str] = frozenset({
    "match", "matches", "goal", "goals", "scored", "scorer", "scorers", "innings", "wicket", "wickets",
    "halftime", "half-time", "striker", "midfielder", "defender", "goalkeeper", "keeper", "skipper",
    "league", "cup", "championship", "tournament", "semifinal", "semi-final", "quarterfinal", "fixture",
    "fixtures", "standings", "touchdown", "inning", "pitcher", "batting", "bowling", "referee", "stadium",
    "drew", "premiership", "qualifier", "playoff", "playoffs", "seeded", "unbeaten", "equaliser",
    "equalizer", "homer", "rugby", "soccer", "cricket", "baseball", "basketball", "hockey", "football",
})
_MIN_SPORTS_WORDS = 3  # distinct ones
_WORDS = re.compile(r"[a-z][a-z-]*")
_NAME = r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)?"
_RESULT = re.compile(rf"(?<![\w.]){_NAME} \d{{1,3}} {_NAME} \d{{1,3}}(?![\d.,:/-])")
_MIN_RESULTS = 2
# Words that number things ("Article 6", "Lane 100") and contract vocabulary: no club's name.
_NUMBERED = frozenset({"article", "section", "chapter", "part", "page", "schedule", "exhibit", "clause", "item",
                       "note", "table", "rule", "volume", "book", "lane", "room", "floor", "suite", "route",
                       "highway", "flight", "gate", "line", "phase", "stage", "level", "grade", "class",
                       "group", "round", "box", "unit", "block", "building", "no", "number"}) | CONTRACT_TERMS
# Roles after a club's name: "the Surrey captain", "Norwich striker Foo Bar", "Rotor fans".
_CLUB_ROLES = frozenset({
    "captain", "skipper", "striker", "midfielder", "defender", "goalkeeper", "keeper", "forward", "winger",
    "coach", "manager", "chairman", "players", "player", "fans", "supporters", "side", "team-mate",
    "teammate", "squad", "bowler", "batsman", "opener", "pitcher", "quarterback",
})
# Verbs a club does as the subject ("Leeds beat Norwich") or that name it as the object ("beat Norwich").
_PLAY_VERBS = frozenset({"beat", "beats", "drew", "draw", "lost", "defeated", "thrashed", "routed", "edged",
                         "trailed", "hammered", "crushed", "eliminated", "overcame", "won", "play", "played"})
_BEFORE_CLUB = frozenset({"v", "v.", "vs", "vs.", "versus", "against", "beat", "beating", "joined", "joining",
                          "side"})
# Last words of clubs' names: "Dundee United", "Bolton Wanderers" (not "City": "Atlantic City" hosts).
_CLUB_HEADS = frozenset({"united", "rovers", "wanderers", "athletic", "albion", "rangers", "hotspur",
                         "fc", "town"})
_VERSUS = frozenset({"v", "v.", "vs", "vs.", "versus"})
_PLURAL_VERBS = frozenset({"are", "were", "have"})
_ROW_OPENERS = frozenset({",", ":", ")", "-", ";", "v", "vs", "at"})


def is_sports_document(doc: Doc) -> bool:
    """True when ``doc`` uses several distinct sports words or lists match results."""
    text = doc.text
    words = set(_WORDS.findall(text.lower()))  # the text's words, not tokens: cheaper on a long text
    if len(SPORTS_WORDS & words) >= _MIN_SPORTS_WORDS:
        return True
    # a page of results ("Pohang 3 Ulsan 2") with little prose (not a table of contents: "Article 2 Loan 5")
    results = [m for m in _RESULT.finditer(text) if not _NUMBERED.intersection(m.group(0).lower().split())]
    return len(results) >= _MIN_RESULTS


def mark_clubs(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """In a sports document: ORG votes for club names (see the module), new candidates for
    untagged names in results rows (a model span "Foo 2" there gives way to "Foo"). Returns the
    new candidates; the caller votes again."""
    if not is_sports_document(doc):
        return []
    # "Puchon 2" as one model span in a results row: the club and its score (found again below)
    candidates[:] = [c for c in candidates if not _name_and_score(doc, c)]
    people = _people(doc, candidates)
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[name_key(candidate.text)].append(candidate)
    for key, same in by_key.items():
        if not _may_be_club(key, same, people):
            continue
        cues = sum(1 for c in same if not c.fixed_label and _club_cue(doc, c.first, c.last))  # not a dateline
        if len(key.split()) > 1 and key.split()[-1] in _CLUB_HEADS:
            cues += 1  # "Dundee United", "Bolton Wanderers"
        if cues:
            for candidate in same:
                candidate.vote("ORG", PATTERN_WEIGHT * cues)
    return _row_names(doc, candidates, people)


def _name_and_score(doc: Doc, candidate: Candidate) -> bool:
    last = candidate.last - 1
    following = doc[candidate.last] if candidate.last < len(doc) else None
    # a row goes on with another name, a number or a bracket ("Euro 96 absentee" is no row)
    row_goes_on = following is None or not following.is_lower or following.lower_ in ("and", "v", "vs", "at")
    return candidate.last - candidate.first >= 2 and candidate.label != "PERSON" and _is_score(doc, last) \
        and row_goes_on and all(_row_word(t) for t in doc[candidate.first:last]) and _opens_row(doc, candidate.first)


def _may_be_club(key: str, same: list[Candidate], people: set[str]) -> bool:
    label = same[0].label
    if is_country(key) or key in people or not key:
        return False
    if label in ("GPE", "LOC", "FAC") or key.split()[-1] in _CLUB_HEADS:
        return True
    return label == "PERSON" and all(c.last - c.first == 1 for c in same)


def _people(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """Name keys the document shows are people's: the surname of a full name, a title before."""
    people: set[str] = set()
    for candidate in candidates:
        key = name_key(candidate.text)
        if candidate.text.isupper():
            continue  # a headline in capitals: "TO COACH NICE" (the club) says nothing of people
        if candidate.label == "PERSON" and len(key.split()) > 1:
            people.add(key.split()[-1])
        if candidate.first > 0 and doc[candidate.first - 1].lower_ in PERSON_TITLES:
            people.add(key)
    return people


def _club_cue(doc: Doc, first: int, last: int) -> bool:
    after, after2 = _word(doc, last), _word(doc, last + 1)
    before = _word(doc, first - 1)
    root = doc[first:last].root
    if after in _CLUB_ROLES or (after in ("'s", "'") and after2 in _CLUB_ROLES):
        return True  # "the Surrey captain", "Milan 's coach"
    if before in _BEFORE_CLUB or (before == "for" and _word(doc, first - 2) in ("played", "plays", "playing")):
        return True  # "v Durham", "joined Newcastle", "played for Nice"
    if root.dep_ == "nsubj" and root.head.lower_ in _PLAY_VERBS and root.head.i >= last:
        return True  # "Leicestershire beat Somerset"
    if last - first == 1 and after in _PLURAL_VERBS and root.dep_ == "nsubj":
        return True  # "Rotor are well placed": a club takes a plural verb
    if root.dep_ == "nsubj" and not any(c.dep_ == "conj" for c in root.children) and _their_after(doc, root.head):
        return True  # "Leicestershire extended their lead": a club is "they"
    return _is_score(doc, last) and _opens_row(doc, first)


def _their_after(doc: Doc, verb: Token) -> bool:
    """"their" within the verb's next few words, in its own clause."""
    for token in doc[verb.i + 1:min(len(doc), verb.i + 6)]:
        if token.lower_ in (",", ";", "and", "but", "while", "as"):
            return False
        if token.lower_ == "their":
            return True
    return False


def _is_score(doc: Doc, index: int) -> bool:
    """A whole score at ``index``: "3", "108-3" (three tokens), not bowling figures "7-0-29-0"."""
    if not _is_small_number(doc, index):
        return False
    end = index + 1
    if not doc[index].whitespace_ and _word(doc, end) == "-" and not doc[end].whitespace_ \
            and _is_small_number(doc, end + 1):
        end += 2
    if doc[end - 1].whitespace_ or end == len(doc):
        return True
    return doc[end].is_space or doc[end].text in (",", ")", ";", ".")


def _is_small_number(doc: Doc, index: int) -> bool:
    return 0 <= index < len(doc) and doc[index].is_digit and len(doc[index].text) <= 3


def _opens_row(doc: Doc, first: int) -> bool:
    """The name starts a line or follows a separator or another score ("Pohang 3 Ulsan 2")."""
    if first == 0 or "\n" in doc[first - 1].text or "\n" in doc[first - 1].whitespace_:
        return True
    previous = doc[first - 1]
    # a score before it, not the tail of a date ("1996-08-31 Euro 96")
    score = _is_small_number(doc, first - 1) and bool(previous.whitespace_) and _word(doc, first - 2) != "-"
    return previous.lower_ in _ROW_OPENERS or score


def _row_names(doc: Doc, candidates: list[Candidate], people: set[str]) -> list[Candidate]:
    """Untagged capitalized words opening a results row and followed by a score, or after "v": clubs."""
    covered = [False] * len(doc)
    for candidate in candidates:
        covered[candidate.first:candidate.last] = [True] * (candidate.last - candidate.first)
    found: list[Candidate] = []
    index = 0
    while index < len(doc):
        end = index
        while end < len(doc) and not covered[end] and _row_word(doc[end]) and end - index < 3:
            end += 1
        versus = index > 0 and doc[index - 1].lower_ in _VERSUS  # "May 18 v Foo" in a fixture list
        if end > index and ((_is_score(doc, end) and _opens_row(doc, index)) or versus):
            key = name_key(doc[index:end].text)
            if not is_country(key) and key not in people:
                candidate = make_candidate(doc, index, end)
                candidate.vote("ORG", PATTERN_WEIGHT)
                found.append(candidate)
        index = max(end, index + 1)
    return found


def _row_word(token: Token) -> bool:
    return len(token.text) > 1 and token.is_alpha and token.text[0].isupper() and not token.is_stop \
        and token.lower_ not in GENERIC_WORDS and token.lower_ not in SPORTS_WORDS and token.lower_ not in _NUMBERED \
        and token.lower_ not in _PLAY_VERBS and token.lower_ not in _BEFORE_CLUB  # "Colts Beat Chiefs 23"


def _word(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""
