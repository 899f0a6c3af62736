"""People's full names the model cut short.

The model sometimes tags only the surname of "Inger Miller" or "Hen Vipheak"
and leaves the given name before it untagged; the mention is then wrong at
both ends. A capitalized proper noun right before a one-word span the model
calls a person, on the same line, covered by no other span and never written
in lower case in the document, is the person's given name: the span grows to
take it (not a title or rank, "Chairman Foo", "Cardinal Foo"; not a function or
calendar word, "On Monday Foo"). A full name the model found stays as it is
(the word before it is a role, "Tenor Foo Bar", as often as a name). A
nationality opening a person's span ("American Foo Bar") is a word of its own,
and so is one closing it before a common noun ("Foo American citizenship").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import CUE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import GENERIC_WORDS, LEADING_NOISE, PERSON_TITLES
from digesthub.analyze.entities.spans import make_candidate

# Ranks and offices written before a name besides the common titles (which the context rules
# also read as a cue, so these stay here: "General" also opens "General Motors").
_RANKS = frozenset({"general", "colonel", "lieutenant", "major", "sergeant", "corporal", "captain", "admiral",
                    "commander", "marshal", "cardinal", "bishop", "archbishop", "father", "rabbi", "imam",
                    "sheikh", "emperor", "empress", "ambassador", "envoy", "lord", "lady", "dame", "justice",
                    "inspector", "detective", "chancellor", "deputy", "pastor", "reverend", "saint", "st", "gen",
                    "doctor", "aunt", "auntie", "uncle"})
_DEMONYM_ENDINGS = ("ean", "ian", "ese", "ish", "can")
# Role nouns that end like a nationality: "Comedian Foo Bar" is no nationality.
_ROLE_ENDINGS = ("edian", "sician", "tician", "orian", "tarian", "rarian", "narian", "rdian", "vilian", "odian",
                 "gician", "trician", "strian", "demician", "atician", "ctician", "mmarian", "nician")


def extend_given_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with PERSON spans grown over an untagged given name just before them."""
    covered = {i for c in candidates for i in range(c.first, c.last)}
    names = {c.text for c in candidates}  # "Rotor" named alone elsewhere: a name of its own
    lower_words: set[str] | None = None
    result: list[Candidate] = []
    for candidate in candidates:
        before = candidate.first - 1
        grows = (candidate.best() == "PERSON" and not candidate.from_pattern
                 and candidate.last - candidate.first == 1 and before >= 0
                 and before not in covered and doc[before].text not in names and _given_name(doc[before]))
        if grows and lower_words is None:
            lower_words = {t.text for t in doc if t.is_lower}
        if not grows or doc[before].lower_ in (lower_words or ()):
            result.append(candidate)  # "Outside Foo" beside "outside": a common word, not a name
            continue
        longer = make_candidate(doc, before, candidate.last)
        for label, weight in candidate.votes.items():
            longer.vote(label, weight)
        result.append(longer)
        covered.add(before)
    return result


def split_leading_demonyms(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"American Jane Doe" as one person span: the nationality (NORP) and the person."""
    result: list[Candidate] = []
    for candidate in candidates:
        first = doc[candidate.first]
        if candidate.best() != "PERSON" or candidate.last - candidate.first < 3 or candidate.from_pattern \
                or not _is_demonym(first):
            result.append(candidate)
            continue
        demonym, person = make_candidate(doc, candidate.first, candidate.first + 1), \
            make_candidate(doc, candidate.first + 1, candidate.last)
        demonym.vote("NORP", candidate.votes["PERSON"])
        for label, weight in candidate.votes.items():
            person.vote(label, weight)
        result.extend((demonym, person))
    return result


def trim_trailing_demonyms(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"grant Foo American citizenship": a person span closed by a nationality that modifies
    the common noun after it loses the nationality (it would be a second "Foo" person)."""
    result: list[Candidate] = []
    for candidate in candidates:
        last = doc[candidate.last - 1]
        after = doc[candidate.last] if candidate.last < len(doc) else None
        if candidate.best() != "PERSON" or candidate.from_pattern or candidate.last - candidate.first < 2 \
                or not _is_demonym(last) or after is None or after.pos_ != "NOUN" or not after.is_lower:
            result.append(candidate)
            continue
        person = make_candidate(doc, candidate.first, candidate.last - 1)
        for label, weight in candidate.votes.items():
            person.vote(label, weight)
        result.append(person)
    return result


def split_known_full_names(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"Michael Jackson Cardiff" (a headline run into the text: "... to play Michael Jackson Cardiff
    concert") where the document names "Michael Jackson" on its own: the person's span ends
    with that full name; the words after it are a name of their own (typed by their other
    occurrences, or dropped)."""
    # longest first, a fixed order: of two full names opening the span the longer is the person
    full_names = sorted({c.text for c in candidates if c.best() == "PERSON" and len(c.text.split()) >= 2},
                        key=lambda name: (-len(name), name))
    result: list[Candidate] = []
    for candidate in candidates:
        words = candidate.text.split()
        prefix = next((n for n in full_names if candidate.text.startswith(n + " ")), None)
        cut = next((i for i in range(candidate.first + 2, candidate.last)
                    if doc[candidate.first:i].text == prefix), None) if prefix else None
        if candidate.best() != "PERSON" or len(words) < 3 or cut is None or candidate.from_pattern:
            result.append(candidate)
            continue
        person = make_candidate(doc, candidate.first, cut)
        for label, weight in candidate.votes.items():
            person.vote(label, weight)
        result.extend([person, make_candidate(doc, cut, candidate.last)])
    return result


def _is_demonym(token: Token) -> bool:
    """"Ghanaian", "Brazilian" (not a role with the same ending: "Comedian", "Physician")."""
    return token.is_alpha and token.text[0].isupper() and len(token.text) > 4 \
        and token.lower_.endswith(_DEMONYM_ENDINGS) and not token.lower_.endswith(_ROLE_ENDINGS)


def _given_name(token: Token) -> bool:
    word = token.lower_
    if word.endswith(_DEMONYM_ENDINGS) or word.split("-")[-1] in _RANKS or word in PERSON_TITLES \
            or word.endswith("ly"):
        return False  # "Mexican Foo Bar", "Cardinal Foo", "Major-General Foo", "Ironically Foo"
    return token.pos_ == "PROPN" and token.text[0].isupper() and not token.is_upper \
        and token.text.replace("-", "").isalpha() and len(token.text) > 1 and not token.is_stop \
        and "\n" not in token.whitespace_ and word not in LEADING_NOISE and word not in GENERIC_WORDS


def add_initial_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """"Jane Q ." in pre-tokenized text: a name closed by a lone capital and its period is a
    person's given name and middle initial (an organization's name does not end that way)."""
    for candidate in candidates:
        last = doc[candidate.last - 1]
        if candidate.last - candidate.first < 2 or candidate.last >= len(doc) or candidate.from_pattern:
            continue
        if len(last.text) == 1 and last.is_upper and doc[candidate.last].text == "." \
                and doc[candidate.first].text[:1].isupper() and not doc[candidate.first].is_upper:
            candidate.vote("PERSON", CUE_WEIGHT)
