"""Money and count expressions -> normalized :class:`Quantity`.

``parse_quantity("over 20 billion yuan ($2.7 billion)")`` gives 2e10 CNY with
qualifier "over" and a stated 2.7e9 USD equivalent. ``find_quantities(text)``
gives every such expression in a text with its character span.

Conventions:

* ``unit`` is an ISO 4217 code for money; for counts it is ``MAU``, ``DAU``,
  ``users``, ``employees``, ``customers`` or ``subscribers``.
* A range ("1-2 billion yuan", "between 1 and 2 billion") has ``amount`` = the
  low end, ``qualifier`` = "between", and the high end as the FIRST entry of
  ``equivalents`` with ``qualifier`` = "to"; stated conversions follow it.
* The text is matched case-insensitively and tolerates the tokenized form of
  news corpora ("$ 2.7 billion -lrb- ... -rrb-").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digesthub.types import Quantity

RANGE_QUALIFIER = "between"
RANGE_HIGH = "to"

# Prefix symbols and codes; longer alternatives first so "HK$" wins over "$".
_PREFIX_CURRENCY = {
    "us$": "USD", "hk$": "HKD", "s$": "SGD", "a$": "AUD", "c$": "CAD", "nt$": "TWD",
    "r$": "BRL", "rmb": "CNY", "usd": "USD", "cny": "CNY", "eur": "EUR", "gbp": "GBP",
    "hkd": "HKD", "jpy": "JPY", "inr": "INR", "krw": "KRW", "chf": "CHF", "rs.": "INR",
    "rs": "INR", "$": "USD", "¥": "CNY", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW",
}
# Currency words after the number ("80 billion USD", "3 trillion won").
_SUFFIX_CURRENCY = {
    "us dollars": "USD", "u.s. dollars": "USD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "dollars": "USD", "dollar": "USD", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP",
    "sterling": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR", "rupee": "INR",
    "francs": "CHF", "usd": "USD", "cny": "CNY", "eur": "EUR", "gbp": "GBP",
    "hkd": "HKD", "jpy": "JPY", "krw": "KRW", "inr": "INR",
}
# Count nouns after the number; the first matching phrase decides the unit.
_COUNT_UNITS = (
    ("monthly active users", "MAU"), ("monthly users", "MAU"), ("monthly active", "MAU"),
    ("mau", "MAU"), ("maus", "MAU"), ("daily active users", "DAU"), ("daily users", "DAU"),
    ("daily active", "DAU"), ("dau", "DAU"), ("daus", "DAU"),
    ("registered users", "users"), ("active users", "users"), ("users", "users"),
    ("user", "users"), ("employees", "employees"), ("staff members", "employees"),
    ("staff", "employees"), ("workers", "employees"), ("people", "people"),
    ("customers", "customers"), ("subscribers", "subscribers"), ("members", "members"),
)
_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12,
}
# Approximations, normalized to one spelling each (the article's wording is
# kept in the fact's text span).
_QUALIFIERS = {
    "more than": "over", "over": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "upwards of": "over", "just over": "over", "at least": "at least",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "up to": "up to", "as much as": "up to", "as many as": "up to",
    "less than": "under", "under": "under", "fewer than": "under", "below": "under",
    # a negated bound is the opposite bound: "no less than 2.1 billion yuan" is at least that much
    "no less than": "at least", "not less than": "at least", "no fewer than": "at least",
    "no more than": "up to", "not more than": "up to",
}


def _alt(words: object) -> str:
    """A regex alternation, longest first, with flexible inner spaces."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = rf"(?:{_alt(_SCALES)})(?![a-z])"
_PREFIX = rf"(?:{_alt(_PREFIX_CURRENCY)})"
_SUFFIX = rf"(?:{_alt(_SUFFIX_CURRENCY)})(?![a-z])"
_COUNT = rf"(?:{_alt(u for u, _ in _COUNT_UNITS)})(?![a-z])"
_QUAL = rf"(?:{_alt(_QUALIFIERS)})"
# One amount: optional currency prefix, number, optional scale, optional
# currency word. A range joins two numbers with "-", "to", "and" ("between").
_AMOUNT = (
    rf"(?P<prefix>{_PREFIX})?\s*(?P<low>{_NUM})\s*(?P<lowscale>{_SCALE})?"
    # "between 94 billion yuan and 97 billion yuan": the currency written at both ends
    rf"(?(between)(?:\s*{_SUFFIX}(?=\s*and\s)))?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<prefix2>{_PREFIX})?\s*(?P<high>{_NUM})\s*(?P<highscale>{_SCALE})?)?"
    rf"(?:\s*(?P<suffix>{_SUFFIX})|\s*(?:(?:new|more|additional|full-time|global|total|individual|unique|cumulative|overseas|"
    rf"domestic|international|enterprise|corporate|business)\s+)?(?P<count>{_COUNT}))?"
)
_CORE_PATTERN = rf"(?<![\w.$])(?:(?P<qual>{_QUAL})\s+(?:the\s+)?|(?P<between>between)\s+)?{_AMOUNT}"
_CORE = re.compile(_CORE_PATTERN, re.IGNORECASE)
_EXPRESSION = re.compile(
    _CORE_PATTERN + rf"(?:\s*(?:\(|-lrb-)\s*(?:or\s+|about\s+|around\s+|roughly\s+)?(?P<equiv>[^()]{{1,40}}?)\s*(?:\)|-rrb-))?",
    re.IGNORECASE,
)
_TRAILING_QUAL = re.compile(r"^\s*(?:or\s+more|and\s+up|plus)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuantitySpan:
    """A quantity found in a text, with its character span in that text."""

    start: int
    end: int
    text: str
    quantity: Quantity


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _lookup(table: dict[str, str], text: str | None) -> str | None:
    if not text:
        return None
    return table.get(re.sub(r"\s+", " ", text.lower()))


def _count_unit(text: str | None) -> str | None:
    if not text:
        return None
    norm = re.sub(r"\s+", " ", text.lower())
    return next((unit for phrase, unit in _COUNT_UNITS if phrase == norm), None)


def _build(match: re.Match[str]) -> Quantity | None:
    """The Quantity a regex match states, or None when it has no unit."""
    prefix = _lookup(_PREFIX_CURRENCY, match["prefix"] or match["prefix2"])
    unit = prefix or _lookup(_SUFFIX_CURRENCY, match["suffix"]) or _count_unit(match["count"])
    if unit is None:
        return None
    high_scale = _SCALES.get((match["highscale"] or "").lower(), 1.0)
    # "1-2 billion": the scale after the high number applies to the low one too.
    low_scale = _SCALES.get((match["lowscale"] or "").lower(), high_scale if match["high"] else 1.0)
    # A bare currency-less number with a one-letter scale ("5b") is too ambiguous.
    if prefix is None and match["suffix"] is None and match["count"] is None:
        return None
    qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", (match["qual"] or "").lower()))
    quantity = Quantity(_number(match["low"]) * low_scale, unit, qualifier=qualifier)
    if match["high"]:
        high = _number(match["high"]) * high_scale
        if high <= quantity.amount:
            return None  # "2019-20" or a list, not a range
        quantity.qualifier = RANGE_QUALIFIER
        quantity.equivalents.append(Quantity(high, unit, qualifier=RANGE_HIGH))
    elif match["between"]:
        return None
    return quantity


def _equivalent(text: str | None) -> Quantity | None:
    """The stated conversion inside brackets, if it is an amount of money."""
    if not text:
        return None
    inner = _EXPRESSION.fullmatch(text.strip())
    if inner is None:
        return None
    quantity = _build(inner)
    if quantity is None or quantity.unit not in _ISO_CODES:
        return None
    return quantity


_ISO_CODES = set(_PREFIX_CURRENCY.values()) | set(_SUFFIX_CURRENCY.values())


def is_money(quantity: Quantity) -> bool:
    """Whether ``quantity`` is an amount of money (its unit is a currency code)."""
    return quantity.unit in _ISO_CODES


# "grew from $5 billion to $20 billion": two figures (a change), not a range.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def _low_alone(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """The low end of a "from X to Y" match read as an amount of its own."""
    low_end = match.end("lowscale") if match["lowscale"] else match.end("low")
    alone = _EXPRESSION.match(text, match.start(), low_end)
    return alone if alone is not None and _build(alone) is not None else None


# "1.2 million customers in the UK and 35 million worldwide": a bare scaled number
# right after a count, joined by "and" or a comma, counts the same thing.
_BARE_SCALED = re.compile(rf"(?<![\w.$£€¥])(?P<low>{_NUM})\s*(?P<lowscale>{_SCALE})(?!\s*[\w$£€¥])"
                          rf"|(?<![\w.$£€¥])(?P<low2>{_NUM})\s*(?P<scale2>{_SCALE})\s+(?=worldwide|"
                          rf"globally|overall|in\s+total|around\s+the\s+world|elsewhere)",
                          re.IGNORECASE)
_JOINED = re.compile(r"^[^.;$£€¥\d]{0,40}?(?:\band|,)\s*$", re.IGNORECASE)


def _same_unit_counts(text: str, found: list[QuantitySpan]) -> list[QuantitySpan]:
    """Bare scaled numbers that follow a count and so count the same thing."""
    extra = []
    for match in _BARE_SCALED.finditer(text):
        if any(q.start <= match.start() < q.end for q in found):
            continue
        previous = [q for q in found if q.end <= match.start()]
        if not previous or is_money(previous[-1].quantity) \
                or not _JOINED.match(text[previous[-1].end:match.start()]):
            continue
        number, scale = ("low", "lowscale") if match["low"] else ("low2", "scale2")
        amount = _number(match[number]) * _SCALES[match[scale].lower()]
        end = match.end(scale)
        extra.append(QuantitySpan(match.start(), end, text[match.start():end],
                                  Quantity(amount, previous[-1].quantity.unit)))
    return extra


def find_quantities(text: str) -> list[QuantitySpan]:
    """Every money or count expression in ``text``, left to right."""
    found = _unit_quantities(text)
    return sorted(found + _same_unit_counts(text, found), key=lambda q: q.start)


def _unit_quantities(text: str) -> list[QuantitySpan]:
    """The money or count expressions that state their unit."""
    found: list[QuantitySpan] = []
    position = 0
    while (match := _EXPRESSION.search(text, position)) is not None:
        position = match.end()
        if match["high"] and _FROM_BEFORE.search(text[:match.start()]):
            alone = _low_alone(text, match)
            if alone is not None:
                match, position = alone, alone.end()
        quantity = _build(match)
        if quantity is None:
            if match["high"]:  # "in 2007 to $20 billion": read on from the second number
                position = match.start("prefix2") if match["prefix2"] else match.start("high")
            continue
        end = match.end()
        equivalent = _equivalent(match["equiv"])
        if equivalent is not None:
            quantity.equivalents.append(equivalent)
        elif match["equiv"] is not None:
            core = _CORE.match(text, match.start())  # a bracket that is not a conversion
            end = core.end() if core else end
        trailing = _TRAILING_QUAL.match(text, end)
        if trailing and quantity.qualifier is None:
            quantity.qualifier = "over"
            end = trailing.end()
        span = text[match.start():end].rstrip()
        found.append(QuantitySpan(match.start(), match.start() + len(span), span, quantity))
        position = max(position, match.start() + len(span))
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The first money/count amount stated in ``text``, normalized; None if none.

    >>> parse_quantity("20 billion yuan ($2.7 billion)").equivalents[0].amount
    2700000000.0
    """
    found = find_quantities(text)
    return found[0].quantity if found else None
