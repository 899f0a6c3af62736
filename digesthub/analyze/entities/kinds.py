"""Cues for products, news sources and places, and names found only by such a cue.

PRODUCT: "its chatbot app, Foo", "Foo, a chatbot", "the Foo app", "Bar's Foo
model", "launched Foo", "the company Bar's Foo" (no person evidence for Foo). ORG for a news source: "according to Foo", "Zorvian
Foo Bar reported", "the Foo daily" -- unless the document shows the name is a
person's (a title, a full name ending in it, a he/she beside it). GPE: "a visit
to the FOO" (an acronym after a travel word is a place, not an organization).
Each cue is a vote; document-level voting decides.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from digesthub.analyze.entities.candidate import CUE_WEIGHT, MODEL_WEIGHT, SHAPE_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import (
    GENERIC_WORDS, HARDWARE_NOUNS, LAUNCH_VERBS, LEADING_NOISE, PERSON_TITLES, PRODUCT_NOUNS,
    PUBLICATION_HEADS, PUBLICATION_NOUNS, REPORT_VERBS, TRAVEL_WORDS,
)
from digesthub.analyze.entities.spans import is_capitalized, make_candidate
from digesthub.analyze.entities.voting import name_key
from digesthub.analyze.times.lexicon import MONTHS_FULL, WEEKDAYS

# "model Jane Doe" is as likely a fashion model; "engine", "tool", "service" name
# kinds of things more often than they introduce a product's name.
_AMBIGUOUS_HEADS = frozenset({"model", "engine", "tool", "service", "application", "device", "assistant"})
# ... unless a technology word comes first ("AI assistant Foo", "language model Foo").
_TECH_MODIFIERS = frozenset({"ai", "language", "voice", "digital", "virtual", "smart", "open-source",
                             "reasoning", "foundation", "generative", "search", "coding", "video"})
_VERSIONED = re.compile(r"^[A-Z][A-Za-z]+-[vV]?\d+(\.\d+)?[a-z]?$")
_NUMBERED_COMMON_WORDS = frozenset({"under", "over", "top", "group", "class", "grade", "level", "type", "phase",
                                    "stage", "round", "tier", "section", "article", "form", "route", "highway",
                                    "flight", "room", "gate", "page", "line", "item", "step", "part", "no"})
_VERSION_NOUNS = frozenset({"version", "upgrade", "update", "successor", "iteration", "edition"})
_MAKER_NOUNS = frozenset({"maker", "makers", "developer", "creator", "owner", "operator"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'"})
_QUOTES = frozenset({"\"", "“", "”", "'", "‘", "’"})
_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
_DEMONYM_ENDINGS = ("ean", "ian", "ese", "ish", "can", "ern", "nian")


_RELEASED = frozenset(verb for verb in LAUNCH_VERBS if verb.endswith("ed"))  # participles: "Kling, launched in ..."


def product_weight(doc: Doc, first: int, last: int) -> float:
    """How strongly the words around ``[first, last)`` say it is a product (0: no cue)."""
    before, before2 = _word(doc, first - 1), _lemma(doc, first - 2)
    if before == "," and before2 in PRODUCT_NOUNS and _is_apposition(doc, first, last):
        return CUE_WEIGHT  # "its chatbot app, Foo" (not "In the first match, Foo ...")
    if first > 0 and doc[first - 1].pos_ in ("NOUN", "PROPN") and before in PRODUCT_NOUNS and (
            before not in _AMBIGUOUS_HEADS or before2 in _TECH_MODIFIERS):
        return CUE_WEIGHT  # "its AI assistant Foo", "the open-source LLM Foo"
    if _is_versioned(doc[first:last].text):
        return SHAPE_WEIGHT  # "Foo-4", "Foo-v3", "Foo-3.5": a versioned name
    if before in ("called", "named", "dubbed") and before2 in PRODUCT_NOUNS:
        return CUE_WEIGHT  # "an app called Foo"
    if (before == "like" or (before == "as" and _word(doc, first - 2) == "such" and (before2 := _lemma(doc, first - 3))))\
            and before2 in PRODUCT_NOUNS and before2 not in _AMBIGUOUS_HEADS and before2 not in HARDWARE_NOUNS \
            and _word(doc, last) not in _POSSESSIVE:
        return CUE_WEIGHT  # "a model like Foo", "chatbots such as Foo" (not "apps such as Bar's Foo": its maker)
    if before == "of" and before2 in _VERSION_NOUNS:
        return CUE_WEIGHT  # "a new version of Foo", "an upgrade of Foo"
    if _word(doc, last) == "," and _word(doc, last + 1) in _RELEASED and _word(doc, last + 2) in ("in", "on", "last"):
        return SHAPE_WEIGHT  # "Kling, launched in June 2024, ...": companies are founded, products launched
    if _word(doc, last) == "," and _word(doc, last + 1) in _DETERMINERS and last + 1 < len(doc):
        head = doc[last + 1].head
        # "Foo, a chatbot developed by ...", "Foo, an open-source large language model" (a hyphen is 3 tokens)
        if head.i > last + 1 and head.i - last <= 8 and (_noun(head) in PRODUCT_NOUNS or (
                _noun(head) in _VERSION_NOUNS and _word(doc, head.i + 1) == "of")):
            return CUE_WEIGHT  # also "Foo, the Chinese version of TikTok"
    last = _after_parenthesis(doc, last)  # "its Tongyi Qianwen (Qwen) model"
    owned = before in ("its", "their")  # "its Kimi assistant": a company's assistant is a product
    if _product_noun_after(doc, last) and (_noun(doc[last]) not in _AMBIGUOUS_HEADS or _noun(doc[last]) == "model"
                                           or owned):
        if first > 0 and (doc[first - 1].text in _POSSESSIVE or _is_name_word(doc[first - 1]) or owned):
            return CUE_WEIGHT  # "Bar's Foo model", "the Bar Foo app", "its Foo assistant": the maker named before
        if before in _DETERMINERS and _noun(doc[last]) not in HARDWARE_NOUNS:
            # "the Foo shopping app": a kind of software between name and noun names the product itself;
            # "the Foo app" is weaker (and "the Bar chip" is as often the maker's)
            return CUE_WEIGHT if _noun(doc[last]) not in PRODUCT_NOUNS else SHAPE_WEIGHT
    if _counts_users(doc, first, last):
        return MODEL_WEIGHT  # "Foo had 912 million monthly active users": an app's or a company's, never a person's
    if before in _DETERMINERS and _word(doc, last) in _MAKER_NOUNS and last < len(doc) and doc[last].pos_ == "NOUN":
        return CUE_WEIGHT  # "the ChatGPT maker", "the TikTok owner": the name is what they make
    launched = before in LAUNCH_VERBS or (before == "out" and before2 in ("roll", "rolled", "rolls"))
    if launched and _is_object(doc, first, last):
        return SHAPE_WEIGHT  # "launched Foo", "rolled out Foo" (not "launched Foo's new app")
    if before == "of" and before2 in ("launch", "release", "debut", "rollout"):
        return SHAPE_WEIGHT
    return 0.0


_USER_NOUNS = frozenset({"user", "users", "subscriber", "subscribers", "download", "downloads"})
_HAVING = frozenset({"have", "has", "had", "reach", "reached", "reaches", "count", "counts", "counted", "boast", "boasts"})


def _counts_users(doc: Doc, first: int, last: int) -> bool:
    """The name is the subject of "had/reached N users" ("Foo had 912 million monthly active users")."""
    root = doc[first:last].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lower_ not in _HAVING or verb.i < last:
        return False
    return any(t.lower_ in _USER_NOUNS and t.head.i == verb.i for t in doc[verb.i + 1:min(len(doc), verb.i + 8)])


def _after_parenthesis(doc: Doc, last: int) -> int:
    """The index after a short parenthesis at ``last`` ("Foo (Bar) model" -> "model"), else ``last``."""
    if last < len(doc) and doc[last].text == "(":
        close = next((i for i in range(last + 1, min(len(doc), last + 5)) if doc[i].text == ")"), None)
        if close is not None:
            return close + 1
    return last


def _is_versioned(text: str) -> bool:
    """"Foo-4", "FOO-3.5", "Foo-v2" (not "Under-21", "Group-3": a common word numbered)."""
    match = _VERSIONED.match(text)
    if not match:
        return False
    stem = text.split("-", 1)[0].lower()
    return stem not in STOP_WORDS and stem not in _NUMBERED_COMMON_WORDS


def _is_object(doc: Doc, first: int, last: int) -> bool:
    """The name is itself what was launched, not the owner of it ("launched Foo 2's show")."""
    root = doc[first:last].root
    return root.dep_ in ("dobj", "conj", "appos") and _word(doc, last) not in _POSSESSIVE


def _is_apposition(doc: Doc, first: int, last: int) -> bool:
    root = doc[first:last].root
    # the parser reads "its app, Foo, and ..." as a coordination about as often
    if root.dep_ in ("appos", "conj") and root.head.i == first - 2:
        return True
    # ... and "its chatbot, Foo, in 2023" as anything: between commas after "its <noun>," the
    # punctuation alone says apposition
    closed = last >= len(doc) or _word(doc, last) in (",", ".", ";", "(")
    return closed and first >= 3 and _word(doc, first - 3) in _DETERMINERS


def _product_noun_after(doc: Doc, last: int) -> bool:
    """A product noun right after the name, or after up to two modifiers of it ("Foo large language models")."""
    word = _word(doc, last)
    if word == "operating" and _word(doc, last + 1) == "system":
        return True
    for index in range(last, min(last + 3, len(doc))):
        token = doc[index]
        # (a lower-case word: the tagger reads "app" in "the Foo shopping app" as a proper noun)
        if (token.pos_ == "NOUN" or token.text.islower()) and _noun(token) in PRODUCT_NOUNS:
            return index == last or _noun(token) in ("model", "llm", "app", "chatbot", "assistant", "tool", "generator")
        if token.pos_ not in ("ADJ", "NOUN") or token.dep_ not in ("amod", "compound"):
            return False
    return False


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and is_capitalized(token) and not token.is_sent_start


def place_weight(doc: Doc, first: int, last: int) -> float:
    """"a visit to the FOO", "trip to FOO", "based in the FOO": a place (0 when there is no such cue)."""
    index = first - 1
    if _word(doc, index) == "the":
        index -= 1
    if _word(doc, index) == "to" and _word(doc, index - 1) in TRAVEL_WORDS:
        return CUE_WEIGHT
    if _word(doc, index) == "in" and _word(doc, index - 1) in ("based", "headquartered", "located"):
        return CUE_WEIGHT  # "a startup based in the UAE"
    return 0.0


def add_kind_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """Product and place cue votes for each candidate."""
    for candidate in candidates:
        weight = product_weight(doc, candidate.first, candidate.last)
        if weight and not (_is_full_person(candidate, weight)
                           and not _is_distinctive(doc, candidate.first, candidate.last)):
            candidate.vote("PRODUCT", weight)
        if candidate.text.isupper() and not ({"LOC", "FAC"} & set(candidate.votes)):
            weight = place_weight(doc, candidate.first, candidate.last)
            if weight:
                candidate.vote("GPE", weight)


def owned_product_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"behind ByteDance's Doubao", "apps such as Safaricom's Fuliza": a one-word name a company
    owns is what it makes, not a person the model guessed -- unless the document shows a person by
    that name ("Tesla's Musk" beside "Elon Musk", a title, a he/she). Votes on the candidates there
    are; returns the names the model left untagged."""
    companies_ending_at = {c.last: c for c in candidates if c.best() == "ORG"}
    starts = {c.first: c for c in candidates}
    people = person_evidence(doc, candidates)
    found: list[Candidate] = []
    for end in companies_ending_at:
        index = end + 1
        if _word(doc, end) not in _POSSESSIVE or index >= len(doc) or name_key(doc[index].text) in people \
                or _word(doc, index + 1) in _SPEECH_VERBS:
            continue  # "Apple's Cook said": people speak
        existing = starts.get(index)
        if existing is not None:
            # "Baidu's Ernie Bot": a name that ends in a product noun is no one's name either
            product_named = doc[existing.last - 1].lower_ in PRODUCT_NOUNS
            if (existing.last - existing.first == 1 or product_named) and existing.model_label == "PERSON" \
                    and existing.only_model_voted():
                existing.vote("PRODUCT", SHAPE_WEIGHT)
        elif _is_name_word(doc[index]) and not _is_name_word_at(doc, index + 1) \
                and doc[index].lower_ not in _CALENDAR_WORDS | PERSON_TITLES | GENERIC_WORDS:
            product = make_candidate(doc, index, index + 1)
            product.vote("PRODUCT", SHAPE_WEIGHT)
            found.append(product)
    return found


# "the company's August sales", "the bank's Monday meeting": no names of products.
_CALENDAR_WORDS = frozenset(MONTHS_FULL) | frozenset(WEEKDAYS)
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "wrote", "argued", "warned", "noted"})


def _is_name_word_at(doc: Doc, index: int) -> bool:
    return index < len(doc) and _is_name_word(doc[index])


def _is_full_person(candidate: Candidate, weight: float) -> bool:
    """A weak product cue ("released Foo Bar") does not outvote a two-word person name
    (unless the name has a shape people's names lack: "FooBar Pro")."""
    return weight < CUE_WEIGHT and candidate.best() == "PERSON" and candidate.last - candidate.first > 1


def source_start(doc: Doc, first: int, last: int) -> bool:
    """True when the words around ``[first, last)`` name a news source."""
    if _is_demonym(doc[first]) and last - first == 1:
        return False  # "the Zorvian newspaper", "according to Zorvian officials"
    if _word(doc, first - 1) == "to" and _word(doc, first - 2) == "according":
        ends_phrase = last >= len(doc) or doc[last].pos_ not in ("NOUN", "PROPN")
        return ends_phrase and (last - first == 1 or _word(doc, last - 1) in PUBLICATION_HEADS)
    if _word(doc, last) in REPORT_VERBS and first > 0 and _is_demonym(doc[first - 1]):
        return True  # "Zorvian Foo Bar reported"
    if _word(doc, last) in PUBLICATION_NOUNS and _word(doc, last) not in ("site", "paper") \
            and _word(doc, first - 1) == "the":
        return True  # "the Foo daily" (not "the Foo site": a festival's, a factory's)
    if _subscribed(doc, first, last):
        return True  # "a Foo subscription", "subscribe to Foo": a publication sells subscriptions
    if _outlet_learned(doc, first, last):
        return True  # "..., Caixin learned.": how an outlet credits its own reporting
    before = first - 2 if _word(doc, first - 1) in _QUOTES else first - 1
    if _word(doc, before) == "agency" and _word(doc, before - 1) == "news":
        return True  # "the news agency Foo"
    if _word(doc, before) == "told" and _word(doc, before - 1) in ("matter", "situation", "talks", "plans", "deal") \
            and _word(doc, before - 4) == "familiar":
        return True  # "people familiar with the matter told Foo": the outlet reporting the story
    return _word(doc, before) in PUBLICATION_NOUNS and before >= 0 and doc[before].pos_ == "NOUN"


def _outlet_learned(doc: Doc, first: int, last: int) -> bool:
    """"..., Foo learned." / "..., Foo has learned.": a clause-final credit after a comma."""
    verb = last + 1 if _word(doc, last) == "has" else last
    return _word(doc, first - 1) == "," and _word(doc, verb) == "learned" \
        and _word(doc, verb + 1) in (".", "from", ";")


def _subscribed(doc: Doc, first: int, last: int) -> bool:
    """"a Foo (group) subscription", "subscribe to (both) Foo"."""
    after = _word(doc, last + 1) if last < len(doc) and doc[last].pos_ == "NOUN" else _word(doc, last)
    if after in ("subscription", "subscriptions", "subscribers"):
        return True
    index = first - 1
    if _word(doc, index) in ("both", "either", "the"):
        index -= 1
    return _word(doc, index) == "to" and _word(doc, index - 1) in ("subscribe", "subscribed", "subscribing")


def _is_demonym(token: Token) -> bool:
    if token.ent_type_ == "NORP":
        return True
    text = token.text
    return text[:1].isupper() and text.isalpha() and len(text) > 4 and text.lower().endswith(_DEMONYM_ENDINGS)


def add_source_votes(doc: Doc, candidates: list[Candidate]) -> None:
    """ORG votes for names cited as a source, unless the document shows they are a person."""
    cited = [c for c in candidates if source_start(doc, c.first, c.last)]
    if not cited:
        return
    people = person_evidence(doc, candidates)
    for candidate in cited:
        if name_key(candidate.text) not in people:
            candidate.vote("ORG", CUE_WEIGHT)


def person_evidence(doc: Doc, candidates: list[Candidate]) -> set[str]:
    """Name keys the document shows to be people: a title before, a pronoun after in the
    sentence, or the last word of a multi-word person's name."""
    people: set[str] = set()
    for candidate in candidates:
        key = name_key(candidate.text)
        words = key.split()
        if candidate.best() == "PERSON" and len(words) > 1:
            people.add(words[-1])
            if _word(doc, candidate.first - 1) in PERSON_TITLES:
                people.add(key)
        if _word(doc, candidate.first - 1) in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."):
            people.add(key)
        sentence = doc[candidate.first].sent
        if any(t.lower_ in _PRONOUNS for t in doc[candidate.last:sentence.end]):
            people.add(key)
    return people


def cue_candidates(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Capitalized proper-noun runs the model left untagged, kept when a product or source
    cue types them ("launched Foo", "Zorvian Foo Bar reported"); a leading demonym is cut off."""
    covered = [False] * len(doc)
    for candidate in candidates:
        covered[candidate.first:candidate.last] = [True] * (candidate.last - candidate.first)
    known = {c.text for c in candidates}
    found: list[Candidate] = []
    index = 0
    while index < len(doc):
        end = index
        while end < len(doc) and not covered[end] and _run_word(doc[end]) and end - index < 4:
            end += 1
        if end == index:
            index += 1
            continue
        found.extend(_typed_run(doc, index, end, known))
        index = end
    return found


_BACKING_VERBS = frozenset({"led", "co-led", "backed", "funded", "financed"})
_FUNDING_WORDS = frozenset({"round", "funding", "financing", "raised", "raise", "raises", "investment", "valued",
                            "valuation", "backers", "stake", "series"})


def _named_as_backer(doc: Doc, first: int) -> bool:
    """A name in the list after "led by" / "backed by" in a sentence about money raised, or in
    "counts X and Y among its backers"."""
    if counted_among_backers(doc, first):
        return True
    index = first - 1
    while index > 0 and _in_name_list(doc[index]):
        index -= 1
    if index < 1 or doc[index].lower_ != "by" or doc[index - 1].lower_ not in _BACKING_VERBS:
        return False
    return any(t.lower_ in _FUNDING_WORDS for t in doc[first].sent)


def counted_among_backers(doc: Doc, first: int) -> bool:
    """A name in the list of "counts Nvidia and Nissan among its backers" (a company or a person;
    never a place, as the model may read "Nvidia")."""
    index = first - 1
    while index > 0 and _in_name_list(doc[index]):
        index -= 1
    if index < 0 or doc[index].lower_ not in _COUNTS:
        return False
    end = first
    while end < len(doc) and _in_name_list(doc[end]):
        end += 1
    return end + 2 < len(doc) and doc[end].lower_ == "among" and doc[end + 1].lower_ in ("its", "their") \
        and doc[end + 2].lower_ in _BACKER_PLURALS


_COUNTS = frozenset({"counts", "count", "counted", "counting"})
_BACKER_PLURALS = frozenset({"backers", "investors", "shareholders", "owners"})


def _in_name_list(token: Token) -> bool:
    return token.text in (",", "&") or token.lower_ == "and" or (token.pos_ == "PROPN" and is_capitalized(token))


def _run_word(token: Token) -> bool:
    shaped = token.is_alpha or _is_versioned(token.text)
    return token.pos_ == "PROPN" and shaped and is_capitalized(token) and not token.is_stop \
        and token.lower_ not in GENERIC_WORDS and token.lower_ not in LEADING_NOISE \
        and token.lower_ not in PERSON_TITLES


def _typed_run(doc: Doc, first: int, last: int, known: set[str]) -> list[Candidate]:
    found: list[Candidate] = []
    if last - first >= 2 and doc[last - 1].text in known and _product_noun_after(doc, last):
        first = last - 1  # "the Bar Foo model" with Foo a name found elsewhere: Bar is the maker
    if last - first >= 3 and _is_demonym(doc[first]) and not doc[first].is_upper:
        demonym = make_candidate(doc, first, first + 1)
        demonym.vote("NORP", MODEL_WEIGHT)
        found.append(demonym)
        first += 1
    if doc[first].is_sent_start and last - first == 1:
        return found  # a lone sentence-initial capital is too weak to build on
    candidate = make_candidate(doc, first, last)
    weight = product_weight(doc, first, last)
    if weight >= CUE_WEIGHT or (weight and _is_distinctive(doc, first, last)):
        pass  # add_kind_votes casts the product vote, as for every other candidate
    elif source_start(doc, first, last):
        candidate.vote("ORG", MODEL_WEIGHT)  # add_source_votes weighs the person evidence
    elif _named_as_backer(doc, first):
        candidate.vote("ORG", SHAPE_WEIGHT)  # "a funding round led by Tencent and Alibaba"
    else:
        return found
    found.append(candidate)
    return found


def _is_distinctive(doc: Doc, first: int, last: int) -> bool:
    """A name shape a common word rarely has: CamelCase, ALL CAPS or a version ("Foo-3")."""
    words = [t.text for t in doc[first:last]]
    return any(any(ch.isupper() for ch in w[1:]) or _is_versioned(w) for w in words)


def _word(doc: Doc, index: int) -> str:
    return doc[index].lower_ if 0 <= index < len(doc) else ""


def _lemma(doc: Doc, index: int) -> str:
    return _noun(doc[index]) if 0 <= index < len(doc) else ""


def _noun(token: Token) -> str:
    """A noun's singular, lower case ("apps" -> "app"; the pipeline runs no lemmatizer)."""
    word = token.lower_
    if word.endswith("s") and word[:-1] in PRODUCT_NOUNS:
        return word[:-1]
    return word
