"""A founding year read from an organization's age: "five-year-old Zhipu AI",
"Foo, a 10-year-old startup". The age is counted back from the publication date,
so the year is an estimate (a five-year-old company in mid-2024 was founded in
2019 or late 2018); the fact says so in its details. Without a publication date
there is nothing to count from and no fact.
"""

from __future__ import annotations

import datetime as dt
import re

from digesthub.analyze.facts.context import ORG_LABELS, ArticleContext
from digesthub.analyze.times.lexicon import NUMBER_WORDS
from digesthub.types import Fact, Sentence

_AGE = r"(?P<age>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)[-\s]year[-\s]old"
_ORG_NOUNS = (r"company|firm|start-?up|business|group|maker|developer|lab|bank|brand|chain|retailer|"
              r"manufacturer|unicorn|operator|platform|provider|organi[sz]ation|charity|nonprofit")
# "five-year-old Zhipu AI", "the 10-year-old Beijing startup Foo": between the age and the
# name only capitalized words and organization nouns ("a five-year-old girl told Foo" is no age of Foo).
_AGE_BEFORE = re.compile(rf"\b{_AGE}\s+(?:(?:[A-Z][\w'’-]*|{_ORG_NOUNS})\s+){{0,3}}$")
# "Foo, a five-year-old startup" / "Foo, the 12-year-old maker of ...": an apposition.
_AGE_AFTER = re.compile(
    rf"\s*,\s+(?:a|an|the)\s+{_AGE}\s+(?:[\w'’-]+\s+){{0,2}}?"
    rf"(?:{_ORG_NOUNS})\b", re.IGNORECASE)
# "a 30-year-old Google engineer": the age is a person's when the name modifies a noun for one.
_PERSON_HEAD_AFTER = re.compile(
    r"^\s+(?!(?:later|earlier|never|ever|together|either|rather|further|after|former)\b)"
    r"(?:[a-z]+(?:er|ers|or|ors|ist|ists|ian|ians|man|men|woman|women|ee|ees)|executive|exec|"
    r"staff|fan|chief|boss|head|official|intern|member|graduate|alumnus|native|resident|"
    r"veteran|heir|heiress|son|daughter|wife|husband|mother|father)\b")
# "The three-year-old company, founded by ...": the company the passage is about.
_AGE_ANAPHOR = re.compile(rf"\b(?:the|this)\s+{_AGE}\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_ORG_NOUNS})\b(?!\s+[A-Z])",
                          re.IGNORECASE)
_MAX_AGE = 300  # older "organizations" are churches and universities; a typo beyond that


def _years(age_text: str) -> int | None:
    """5 for "5" or "five" (or "Five"); None for a word that is not a number."""
    if age_text.isdigit():
        return int(age_text)
    number = NUMBER_WORDS.get(age_text.lower())
    return int(number) if number is not None else None


def age_founded_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """Founding-year estimates for organizations the sentence gives an age."""
    published = context.annotated.article.published
    if published is None:
        return []
    facts = _anaphor_ages(context, sentence, published)
    for mention in context.mentions_in(sentence.start, sentence.end, ORG_LABELS):
        before = _AGE_BEFORE.search(context.text, sentence.start, mention.start)
        after = _AGE_AFTER.match(context.text, mention.end, sentence.end)
        match = before if before and before.end() == mention.start else after
        if match is None or match is before and _PERSON_HEAD_AFTER.match(
                context.text[mention.end:sentence.end]):
            continue
        years = _years(match["age"])
        if years is None or not 0 < years <= _MAX_AGE:
            continue
        facts.append(_estimate(mention.entity.name, sentence, match, years, published))
    return facts


def _anaphor_ages(context: ArticleContext, sentence: Sentence, published: dt.date) -> list[Fact]:
    """"The three-year-old company": the age of the company the passage is about."""
    match = _AGE_ANAPHOR.search(sentence.text)
    years = _years(match["age"]) if match else None
    if match is None or years is None or not 0 < years <= _MAX_AGE:
        return []
    company = context.referred_company(sentence)
    return [_estimate(company.name, sentence, match, years, published)] if company else []


def _estimate(subject: str, sentence: Sentence, match: re.Match[str], years: int, published: dt.date) -> Fact:
    return Fact("founded", subject, sentence.text, sentence.paragraph, value=str(published.year - years),
                details={"estimated": f"“{match['age']}-year-old” counted back from "
                                      f"the publication date {published.isoformat()}",
                         "span": match[0].strip(" ,")})


def prefer_stated_founding(facts: list[Fact]) -> list[Fact]:
    """Drop an age-based estimate for an organization whose founding year the text states."""
    stated = {f.subject.lower() for f in facts if f.kind == "founded" and "estimated" not in f.details}
    return [f for f in facts
            if not (f.kind == "founded" and "estimated" in f.details and f.subject.lower() in stated)]
