"""Human wording for normalized values, shared by the renderers."""

from __future__ import annotations

import re

from digesthub.present.date_label import date_label
from digesthub.types import Citation, Fact, Quantity, TimeExpression

_SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
FACT_LABELS = {
    "valuation": "Valuation", "funding": "Funding", "revenue": "Revenue", "profit": "Profit", "users": "Users",
    "employees": "Employees", "founded": "Founded", "founder": "Founder", "ceo": "CEO",
    "headquarters": "Headquarters", "investors": "Investors", "launch": "Launch",
}


def number_words(amount: float) -> str:
    """2e10 -> "20 billion"; 1000 -> "1,000"."""
    for scale, word in _SCALES[:3]:
        if abs(amount) >= scale:
            value = amount / scale
            return f"{value:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{amount:,.2f}".rstrip("0").rstrip(".")


def quantity_text(quantity: Quantity) -> str:
    parts = [quantity.qualifier or "", number_words(quantity.amount), quantity.unit]
    text = " ".join(p for p in parts if p)
    if quantity.equivalents:
        text += " (≈ " + ", ".join(quantity_text(e) for e in quantity.equivalents) + ")"
    return text


# Details that record where a fact was read (the matched words, the model's text), not what it says.
_PROVENANCE_DETAILS = frozenset({"span", "llm_text"})
# Details the label carries ("Revenue (forecast)"), not the value.
_LABEL_DETAILS = frozenset({"status"})


def date_note(expression: TimeExpression) -> str:
    """:func:`time_text` without saying a day twice: "Friday" -> "1998-08-14", not "1998-08-14, 1998-08-14"."""
    value = expression.value + (f" {expression.mod}" if expression.mod else "")
    day = expression.first_day
    if day is not None and expression.last_day == day and value.startswith(day.isoformat()):
        return value
    return time_text(expression)


def time_text(expression: TimeExpression) -> str:
    """"Late 2022" -> "2022 END, 2022-09-01 – 2022-12-31"."""
    value = expression.value + (f" {expression.mod}" if expression.mod else "")
    if expression.first_day and expression.last_day:
        if expression.first_day == expression.last_day:
            return f"{value}, {expression.first_day.isoformat()}"
        return f"{value}, {expression.first_day.isoformat()} – {expression.last_day.isoformat()}"
    return value


def fact_value(fact: Fact) -> str:
    """The normalized value of a fact, in words."""
    pieces = []
    if fact.quantity is not None:
        pieces.append(quantity_text(fact.quantity))
    finer_date = finer_date_label(fact.value, fact.date.value if fact.date else None,
                                  fact.date.mod if fact.date else None)
    if fact.value:
        pieces.append(finer_date or fact.value)
    if fact.details:
        # a detail that repeats the value ("investors: A, B" on an Investors fact) says nothing new
        hidden = _PROVENANCE_DETAILS | _LABEL_DETAILS | ({"measure"} if fact.kind == "profit" else set())
        pieces.extend(f"{key}: {value}" for key, value in sorted(fact.details.items())
                      if str(value) != fact.value and key not in hidden)
    if fact.date is not None and fact.date.text != fact.value and fact.date.value != fact.value \
            and not finer_date:
        pieces.append(f"as of {_mid_sentence(fact.date.text)} ({_months_value(fact.date)})")
    return "; ".join(pieces) or fact.text


def _months_value(expression: TimeExpression) -> str:
    """The value, or the months a joined period covers when they are less than its year
    ("January-September" of 2023: "2023-01 – 2023-09", not "2023"), or the years of a run of them."""
    first, last = expression.first_day, expression.last_day
    if re.fullmatch(r"\d{4}", expression.value) and first and last and expression.mod is None:
        if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31):
            return f"{first:%Y-%m} – {last:%Y-%m}"
        if first.year != last.year:
            return f"{first.year} – {last.year}"  # a run of years: "2026 through 2028"
    if re.fullmatch(r"\d{4}-\d{2}", expression.value) and first and last and (first.year, first.month) != (last.year, last.month):
        return f"{first:%Y-%m} – {last:%Y-%m}"  # months across a new year: "the fiscal year ending March 2025"
    return expression.value


# Calendar names keep their capital inside a sentence; other words lose the one a sentence start gave.
_PROPER_TIME_WORD = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
                               r"christmas|easter|new\b|ramadan|lunar|chinese|q\d|h\d|fy|\d)", re.I)


def _mid_sentence(date_text: str) -> str:
    """"Last summer" (opening the article's sentence) as it reads after "as of": "last summer"."""
    first = date_text.split(" ", 1)[0]
    if not first[:1].isupper() or first.isupper() or _PROPER_TIME_WORD.match(first):
        return date_text
    return date_text[:1].lower() + date_text[1:]


def finer_date_label(value: str | None, date_value: str | None, mod: str | None = None) -> str | None:
    """"March 2023" for a year value ("founded: 2023") whose date says the month, "Late 2021" for
    one whose date says the part of the year: the value stays the year (what sources are compared
    by) and the reader sees the finer date instead of "2023; as of March 2023"."""
    if not value or not date_value or not re.fullmatch(r"\d{4}", value):
        return None
    if date_value.startswith(value + "-") or (date_value == value and mod in ("START", "MID", "END")):
        return date_label(date_value, mod)
    return None


def fact_label(fact: Fact) -> str:
    """"Revenue", or "Revenue (forecast)" for a figure expected rather than reached; a profit
    figure is labelled with what it measures ("Net loss", "Operating profit")."""
    label = FACT_LABELS.get(fact.kind, fact.kind)
    if fact.kind == "profit" and fact.details.get("measure"):
        label = fact.details["measure"].capitalize()
    status = fact.details.get("status")
    return f"{label} ({status})" if status else label


def card_fact(fact: Fact, card_names: set[str]) -> tuple[str, str]:
    """A fact's label and value as the card it sits on should read them.

    On the card of the fact's subject: "CEO: Zhang Peng". On the card of the
    person who is the fact's value (a CEO, a founder): "CEO of: Zhipu AI".
    """
    label = fact_label(fact)
    if fact.value in card_names and fact.subject not in card_names:
        seen_from_value = Fact(fact.kind, fact.subject, fact.text, fact.paragraph, value=fact.subject,
                               date=fact.date)
        return f"{label} of", fact_value(seen_from_value)
    return label, fact_value(fact)


def card_fact_lines(facts: list[Fact], card_names: set[str]) -> list[tuple[str, str, Fact]]:
    """The card's fact lines: (label, value, fact), one line for the facts of one kind that one
    sentence states alike ("Founder: Chen Haoran, Li Mengqi; as of 2022"), each else on its own."""
    lines: list[tuple[str, str, Fact]] = []
    for fact in facts:
        label, value = card_fact(fact, card_names)
        head, _, rest = value.partition("; ")
        if lines and lines[-1][0] == label and lines[-1][2].text == fact.text \
                and lines[-1][1].partition("; ")[2] == rest and fact.value and fact.quantity is None:
            before, _, before_rest = lines[-1][1].partition("; ")
            lines[-1] = (label, f"{before}, {head}" + (f"; {before_rest}" if before_rest else ""), lines[-1][2])
            continue
        lines.append((label, value, fact))
    return lines


def citation_labels(citations: list[Citation]) -> str:
    seen = dict.fromkeys(c.paragraph for c in citations)
    return "".join(f"[para. {number}]" for number in seen)
