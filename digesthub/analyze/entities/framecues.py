"""Cues from the words framing a name: what it is called, where it is, what it names.

* GPE: "the town of Foo", "the community of Foo" (a settlement word, then "of");
  "headquarters in Foo" -- a name the model calls a person (or a place), as the
  object of "in" or "near", is a place (people are not "in" anyone);
* by the noun before "called" / "named" / "dubbed": "an explosive called Foo" is
  a thing (PRODUCT), "a village called Foo" a place, "a firm called Foo" an
  organization -- none of them a person;
* ORG: "the Foo warehouse", "the Foo plant": a name before a facility noun
  belongs to a business, not a person;
* ORG: "Foo just released Bar 3.05": the subject of a launch verb whose object
  carries a version number makes software, it is no person;
* PRODUCT: "Foo allows developers to add ..." -- what serves users is a product;
* PERSON: "with Foo now making his debut" -- a one-word subject the model calls
  an organization, whose clause goes on with "his" or "her";
* WORK_OF_ART: a name set alone between quotes ("`` Foo Bar , ''", "'Foo Bar'")
  is a title.

Each cue is a vote; document-level voting decides.
"""

from __future__ import annotations

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import CUE_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import LAUNCH_VERBS, ORG_NOUNS

_SETTLEMENTS = frozenset({"town", "city", "village", "community", "municipality", "province", "district",
                          "hamlet", "township", "region", "island", "islands", "port", "suburb", "county",
                          "state", "prefecture", "borough", "neighborhood", "neighbourhood", "capital"})
# Lower-case after a name they make it a place: "Hangzhou's Xixi district", "Kern county" (not
# after a nationality: "an English county").
# (Not "state", "port" or "capital": "Foo state media", "Foo capital markets".)
_ADMIN_UNITS = frozenset({"district", "county", "province", "prefecture", "township", "municipality",
                          "borough", "subdistrict"})
_DEMONYM_ENDINGS = ("ish", "ian", "ese", "ean", "can")
_PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "person", "child", "son", "daughter", "baby",
                           "guy", "character", "player", "singer", "artist", "dog", "cat", "horse", "people"})
_FACILITIES = frozenset({"warehouse", "plant", "factory", "mill", "refinery", "dairy", "brewery", "distillery",
                         "store", "stores", "shop", "outlet", "facility", "facilities", "headquarters",
                         "showroom", "mine", "smelter", "depot", "terminal", "shipyard", "works", "building",
                         "buildings", "trademark", "logo"})
_RESIDING = frozenset({"living", "lives", "live", "lived", "born", "raised", "grew", "resident", "residing",
                       "resides", "settled", "moved"})
_OPEN_QUOTES = frozenset({"``", "`", "“", "'", "‘", "\""})
# Words before a quote that define a term rather than cite a title.
_DEFINING = frozenset({"(", "as", "means", "mean", "term", "terms", "the", "a", "an", "called", "named", "and",
                       "or", ","})
_CLOSE_QUOTES = frozenset({"''", "”", "'", "’", "\""})


def add_frame_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Settlement, "called", facility and title votes for each candidate."""
    for candidate in candidates:
        first, last = candidate.first, candidate.last
        label, weight = _called(doc, first)
        if not label and (_settlement_of(doc, first) or _settlement_apposition(doc, last)
                          or (_word(doc, last) in _ADMIN_UNITS
                              and not _word(doc, last - 1).endswith(_DEMONYM_ENDINGS))):
            label, weight = "GPE", CUE_WEIGHT  # "the port city of Foo", "Foo , a city of 500,000", "Foo district"
        elif not label and candidate.best() in ("PERSON", "ORG", "") and _region_after_city(doc, first, last):
            label, weight = "GPE", CUE_WEIGHT  # "Golden , Colo . , said": a state after its city
        elif not label and candidate.best() in ("PERSON", "GPE") and _place_object(doc, first) \
                and _word(doc, last) not in ("'s", "’s", "'"):
            label, weight = "GPE", CUE_WEIGHT  # "headquarters in Foo Bar" (not "in Foo's government")
        elif not label and candidate.best() == "ORG" and _word(doc, first - 1) == "in" \
                and _word(doc, first - 2) in _RESIDING:
            label, weight = "GPE", CUE_WEIGHT  # "living in Foo": people live in places
        elif not label and _word(doc, last) in _FACILITIES and last < len(doc) and doc[last].pos_ == "NOUN" \
                and candidate.best() in ("PERSON", ""):
            label, weight = "ORG", CUE_WEIGHT  # "the Foo Bar warehouse"
        elif not label and _quoted_alone(doc, first, last):
            label, weight = "WORK_OF_ART", SHAPE_WEIGHT
        elif not label and candidate.best() == "PERSON" and _ships_versions(doc, first, last):
            label, weight = "ORG", CUE_WEIGHT  # "Foo , for instance , just released Bar 3.05"
        elif not label and candidate.best() == "PERSON" and _serves_users(doc, first, last):
            label, weight = "PRODUCT", CUE_WEIGHT  # "Foo allows developers to add ..."
        elif not label and candidate.best() == "ORG" and _his_clause(doc, first, last):
            label, weight = "PERSON", CUE_WEIGHT  # "with Foo now making his coaching debut"
        if label:
            candidate.vote(label, weight)


def _place_object(doc: Doc, first: int) -> bool:
    """"in Foo", "near Foo", "headquarters at Foo" ("at" hanging on a noun, not "looked at Foo")."""
    word = _word(doc, first - 1)
    if word in ("in", "near"):
        return True
    return word == "at" and doc[first - 1].head.pos_ == "NOUN"


def _ships_versions(doc: Doc, first: int, last: int) -> bool:
    """The subject of "released", "launched" whose object is a versioned name ("Bar 3.05", "Bar 7"):
    a software maker (a person releases an album, a film: no version number)."""
    root = doc[first:last].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lower_ not in LAUNCH_VERBS:
        return False
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.pos_ == "PROPN" and obj.text[:1].isupper() \
                and _word(doc, obj.i + 1)[:1].isdigit():
            return True
    return False


_ENABLING = frozenset({"allows", "allow", "lets", "let", "enables", "enable", "helps", "help"})
_USERS = frozenset({"users", "developers", "customers", "businesses", "programmers", "shoppers", "advertisers",
                    "publishers", "subscribers", "gamers", "drivers", "buyers", "sellers"})


def _serves_users(doc: Doc, first: int, last: int) -> bool:
    """The subject of "allows / lets / helps users (developers, customers) to ...": a product."""
    root = doc[first:last].root
    verb = root.head
    return root.dep_ == "nsubj" and verb.lower_ in _ENABLING and verb.i > root.i \
        and _word(doc, verb.i + 1) in _USERS


def _his_clause(doc: Doc, first: int, last: int) -> bool:
    """A one-word subject whose own clause goes on with "his" or "her" within a few words, and
    never "its" ("Foo now making his debut"): a person, whatever the model guessed."""
    root = doc[first]
    if last - first != 1 or root.dep_ != "nsubj" or not root.text[:1].isupper():
        return False
    window = [t.lower_ for t in doc[last:min(last + 6, root.sent.end)]]
    return "its" not in window and any(w in ("his", "her") for w in window)


def _settlement_of(doc: Doc, first: int) -> bool:
    """"the community of Foo", "the port city of Foo" (a determiner within two words before)."""
    if _word(doc, first - 1) != "of" or _word(doc, first - 2) not in _SETTLEMENTS:
        return False
    return _word(doc, first - 3) in ("the", "a") or _word(doc, first - 4) in ("the", "a")


def _settlement_apposition(doc: Doc, last: int) -> bool:
    """"Foo , a city of 500,000", "Foo , a small town in ...": a settlement noun as apposition."""
    if _word(doc, last) != "," or _word(doc, last + 1) not in ("a", "an", "the"):
        return False
    return _word(doc, last + 2) in _SETTLEMENTS or (
        _word(doc, last + 3) in _SETTLEMENTS and doc[last + 2].pos_ == "ADJ")


def _region_after_city(doc: Doc, first: int, last: int) -> bool:
    """A short capitalized abbreviation right after "<place> ," and closed by its period:
    "Golden , Colo . ," (a state written as in an address)."""
    if last - first != 1 or first < 2 or _text(doc, first - 1) != "," or _text(doc, last) != ".":
        return False
    word, place = doc[first], doc[first - 2]
    return word.is_alpha and word.text[:1].isupper() and 2 <= len(word.text) <= 5 \
        and place.ent_type_ in ("GPE", "LOC") and place.text[:1].isupper()


def _called(doc: Doc, first: int) -> tuple[str, float]:
    """The kind "a <noun> called Foo" names (none after a person noun: "a man called Foo")."""
    if _word(doc, first - 1) not in ("called", "named", "dubbed") or first < 2:
        return "", 0.0
    noun = doc[first - 2]
    if noun.pos_ != "NOUN" or noun.lower_ in _PERSON_NOUNS:
        return "", 0.0
    word = noun.lower_
    if word in _SETTLEMENTS:
        return "GPE", CUE_WEIGHT
    if word in ORG_NOUNS or word in ("group", "organization", "organisation", "band", "team", "club"):
        return "ORG", CUE_WEIGHT
    return "PRODUCT", CUE_WEIGHT


def _quoted_alone(doc: Doc, first: int, last: int) -> bool:
    """An opening quote right before, a closing one right after (or after a comma)."""
    if _text(doc, first - 1) not in _OPEN_QUOTES:
        return False
    opener = first - 2
    while _text(doc, opener) in _OPEN_QUOTES:
        opener -= 1
    if _word(doc, opener) in _DEFINING:
        return False  # '(" Loan Factor ")', 'doing business as " Foo "': a defined term, no title
    after = last + 1 if _text(doc, last) == "," else last
    return _text(doc, after) in _CLOSE_QUOTES and last - first >= 1


def _text(doc: Doc, index: int) -> str:
    return doc[index].text if 0 <= index < len(doc) else ""


def _word(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""
