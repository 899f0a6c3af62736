"""Product names with a model code: "the MTT S4000 accelerator", "its Ascend 910B chips".

The model tags the brand word ("MTT", "Ascend") as an organization and leaves
the code. A name followed by a model code (letters and digits: "S4000",
"910B", "K2", "X100"; an edition word such as "Pro" may follow) and then by a
product noun ("accelerator", "chip", "phone", "model") names that product: the
span grows over the code and votes PRODUCT. A code alone before a noun that
is no product ("Boeing 737 jets", "Group 7 members") changes nothing. A release
number after a name launched ("launched Vidu 2.0", "released Foo 3.5, which")
is part of the name too.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.patterns import LAUNCH_VERBS, PRODUCT_NOUNS
from digesthub.analyze.entities.spans import make_candidate

# Letters and digits; not a quarter or fiscal year ("its Q3 smartphone sales", "FY25").
_CODE = re.compile(r"^(?!Q[1-4]$|FY\d)(?:[A-Z]{1,3}-?\d{1,5}[A-Za-z]{0,2}|\d{2,5}[A-Z]{1,2})$")
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "'s", "’s"})
# A release number: "2.0", "3.5" (not "2.5 billion", "1.5 times": a number then a unit).
_RELEASE = re.compile(r"^\d{1,2}\.\d{1,2}$")
_AFTER_RELEASE = frozenset({"", ",", ".", ";", ":", ")", "and", "or", "which", "that", "is", "was", "will", "in",
                            "on", "to", "for", "with", "has", "can", "model", "models", "version", "app"})
_LAUNCHED = frozenset({"launched", "released", "unveiled", "introduced", "debuted", "rolled", "shipped", "announced"})
_EDITIONS = frozenset({"pro", "max", "ultra", "plus", "mini", "lite", "turbo", "se"})


def extend_model_codes(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` with "Name CODE <product noun>" spans grown over the code, voting PRODUCT;
    a span that already ends in the code votes PRODUCT; an untagged "Name CODE <noun>" is added."""
    starts = {c.first for c in candidates}
    covered = {i for c in candidates for i in range(c.first, c.last)}
    result: list[Candidate] = []
    for candidate in candidates:
        last = _code_end(doc, candidate.last)
        after_determiner = candidate.first > 0 and doc[candidate.first - 1].lower_ in _DETERMINERS
        if last is None and _code_end(doc, candidate.last - 1) and (
                candidate.last - candidate.first > 1 or after_determiner):
            candidate.vote("PRODUCT", PATTERN_WEIGHT)  # the model's span is "Foo K2" or "the KX7" already
        if last is None and _launched_code(doc, candidate):
            candidate.vote("PRODUCT", PATTERN_WEIGHT)  # "plans to release R2 before May": no one is named "R2"
        if last is None or any(candidate.last <= s < last for s in starts):
            result.append(candidate)
            continue
        product = make_candidate(doc, candidate.first, last)
        product.vote("PRODUCT", PATTERN_WEIGHT)
        result.append(product)
    result = _with_release_numbers(doc, result)
    for token in doc:
        if token.i in covered or token.i + 1 in covered:
            continue
        if token.pos_ == "PROPN" and token.is_title and not token.is_sent_start \
                and (last := _code_end(doc, token.i + 1)) is not None:
            product = make_candidate(doc, token.i, last)  # "its Kimi K2 model", the model tagging nothing
        elif token.i > 0 and doc[token.i - 1].lower_ in _DETERMINERS and (last := _code_end(doc, token.i)) is not None:
            product = make_candidate(doc, token.i, last)  # "the SU7 sedan", "Nvidia's H20 chips": a code alone
        else:
            continue
        product.vote("PRODUCT", PATTERN_WEIGHT)
        result.append(product)
    return sorted(result, key=lambda c: c.first)


_LAUNCH_WORDS = LAUNCH_VERBS | _LAUNCHED


def _launched_code(doc: Doc, candidate: Candidate) -> bool:
    """Whether ``candidate`` is one model code (letters and digits) right after a launch verb."""
    return candidate.last - candidate.first == 1 and bool(_CODE.match(doc[candidate.first].text)) \
        and not doc[candidate.first].text.isdigit() \
        and any(t.lower_ in _LAUNCH_WORDS for t in doc[max(0, candidate.first - 2):candidate.first])


def _with_release_numbers(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """"on Saturday launched Vidu 2.0, which ...": a launched name's span grows over its release number."""
    grown = []
    for candidate in candidates:
        after = doc[candidate.last + 1].lower_ if candidate.last + 1 < len(doc) else ""
        launched = any(t.lower_ in _LAUNCHED for t in doc[max(0, candidate.first - 3):candidate.first])
        if launched and candidate.last < len(doc) and _RELEASE.match(doc[candidate.last].text) \
                and after in _AFTER_RELEASE:
            product = make_candidate(doc, candidate.first, candidate.last + 1)
            product.vote("PRODUCT", PATTERN_WEIGHT)
            grown.append(product)
        else:
            grown.append(candidate)
    return grown


def _code_end(doc: Doc, index: int) -> int | None:
    """The end of a model code (and edition word) starting at ``index`` when a product noun follows."""
    if index >= len(doc) or not _CODE.match(doc[index].text):
        return None
    end = index + 1
    if end < len(doc) and doc[end].lower_ in _EDITIONS and doc[end].text[0].isupper():
        end += 1
    # one modifier may stand before the noun ("the YU7 sport-utility vehicle", "its H1 humanoid robot")
    for index in range(end, min(len(doc), end + 4)):
        noun = doc[index].lower_  # the pipeline runs no lemmatizer: "chips" by hand
        if noun in PRODUCT_NOUNS or (noun.endswith("s") and noun[:-1] in PRODUCT_NOUNS):
            return end
        modifier = doc[index].is_lower and doc[index].is_alpha and doc[index].pos_ in ("ADJ", "NOUN")
        if not (modifier or doc[index].text == "-") or index - end >= 3:
            return None
    return None
