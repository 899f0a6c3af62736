"""Dated events of one article: the sentences that say what happened when.

An *event* is a sentence (or the clause of a long sentence around its date)
paired with one calendar date: a date the sentence states (from the temporal
tagger, relative dates already resolved against the publication date), or,
for the opening sentences of a news report that state no date, the
publication date itself (news leads report what happened that day or the
day before). Durations, sets and ``PRESENT_REF`` are not calendar dates and
never make events, nor do the mentions :mod:`timeline_mentions` sets aside
(comparison baselines, page timestamps, noun modifiers, verbless list items).

Plain :class:`Article` inputs are split into sentences with a fast rule
splitter (no parser), so that hundreds of articles take seconds;
:class:`AnnotatedArticle` inputs reuse the analysis layer's sentences and times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from digesthub.analyze.facts.patterns import OPENING_COMPANY_ANAPHOR
from digesthub.analyze.times.lexicon import IRREGULAR_PAST_RE
from digesthub.digester.antecedent import opening_name
from digesthub.digester.keypoints import opens_on_a_scene
from digesthub.digester.scoring import strip_dateline
from digesthub.digester.standalone import clause_holding
from digesthub.digester.timeline_mentions import (is_comparison_baseline, is_elliptical_item, is_modifier_date,
                                                  is_page_stamp, quoted_dates, without_page_stamp)
from digesthub.types import AnnotatedArticle, Article, Sentence, TimeExpression

# Undated sentences this far into an article still report the news of its day.
LEAD_SENTENCES = 5
# Sentences shorter than this are headlines, datelines or fragments, not events.
MIN_EVENT_WORDS = 5
# Sentences longer than this are cut to the clause around their date when they can be.
LONG_SENTENCE_WORDS = 35

_REFERENCE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a capital,
# a digit or an opening quote; common abbreviations do not end sentences.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Rev|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|etc|approx)\.|\b[A-Z]\.|\b(?:[A-Za-z]\.){2,})$")
_CLOCK_ONLY = re.compile(r"^[\d\s.:\-–]+(?:[ap]\.?\s?m\.?)?\s*(?:gmt|utc|[a-z]{1,3}t)?$", re.I)
# Outside its dates, a sentence that reports something has running words ("died on", "was
# charged"); a timestamp, byline or section label ("8th November 2011 - 17:42", "30 NOVEMBER
# 2011, ENTERTAINMENT & ARTS") has at most one.
MIN_RUNNING_WORDS = 2
_RUNNING_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
# The break before a clause that opens on its own date: ", and in January", "; on Monday".
_COORDINATED_DATE = re.compile(r"(?:,\s(?:and|while|but)|;)\s(?:then\s)?(?:in|on|by|at|during|since|from)?\s?(?:the\s)?$")
# ... or on its subject: "He set up High-Flyer in 2015, and the hedge fund managed 60 billion yuan at its
# peak in 2021" (a clause from its subject to its date, no comma between).
_COORDINATED_CLAUSE = re.compile(r"(?:,\s(?:and|while|but)|;)\s(?:the|a|an|this|these|its|his|her|their|it|they|he|she|"
                                 r"(?-i:[A-Z])[\w'’-]*)\s[^,;]*\s(?:in|on|by|at|during|since)\s(?:the\s)?$", re.I)
# ... or an absolute phrase of a plan: "released new rules on Wednesday, with the rules set to take effect
# on March 1" (the release, then when the rules apply).
_WITH_PLAN = re.compile(r",\swith\s(?:the|its|their|those|these|his|her)\s[^,;]*?\s(?:set|due|expected|scheduled|"
                        r"slated|poised)\sto\s[^,;]*\s(?:in|on|by|from)\s(?:the\s)?$", re.I)


@dataclass(frozen=True)
class Event:
    """One sentence of one article about one calendar date."""

    article_id: str
    paragraph: int
    text: str
    date: TimeExpression
    published: dt.date | None
    stated: bool  # the sentence states the date (False: taken from the publication date)
    position: int  # index of the sentence in its article

    @property
    def day(self) -> dt.date:
        """The first day of the event's date (every event date has one)."""
        assert self.date.first_day is not None
        return self.date.first_day


def is_calendar_date(expression: TimeExpression) -> bool:
    """True for a stated calendar point or span (a day, month, season, year).

    Not a duration, set or reference, and not a bare clock time ("08:14",
    "9.45 pm"), whose day is only the publication date the tagger assumed.
    """
    if expression.type not in ("DATE", "TIME") or expression.first_day is None:
        return False
    if expression.type == "TIME" and _CLOCK_ONLY.match(expression.text):
        return False
    if expression.value in _REFERENCE_VALUES or expression.value.startswith(("P", "XXXX")):
        return False
    return expression.last_day is None or expression.last_day >= expression.first_day


def date_key(expression: TimeExpression) -> str:
    """The normalized identity of a date: TIMEX3 value plus modifier, times cut to their day."""
    if expression.type == "TIME" and expression.first_day is not None:
        return expression.first_day.isoformat()
    if _part_of_year(expression):
        # "the first nine months of the year" (value 2025, January-September) is not "this year"
        return f"{expression.first_day}/{expression.last_day}"
    return expression.value + (f"/{expression.mod}" if expression.mod else "")


def _part_of_year(expression: TimeExpression) -> bool:
    """A span joined from a part of a year whose value is the bare year (its days say which part)."""
    first, last = expression.first_day, expression.last_day
    return bool(re.fullmatch(r"\d{4}", expression.value)) and expression.mod is None \
        and first is not None and last is not None and (first.month, first.day, last.month, last.day) != (1, 1, 12, 31)


def is_day(expression: TimeExpression) -> bool:
    """True when the date is a single day."""
    return expression.first_day is not None and expression.last_day in (None, expression.first_day)


def publication_date(day: dt.date) -> TimeExpression:
    """A TimeExpression for a publication date (the article does not word it)."""
    text = f"{day.day} {day:%B %Y}"
    return TimeExpression(0, 0, text, "DATE", day.isoformat(), first_day=day, last_day=day)


def split_text(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text`` by punctuation rules."""
    position = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[position:match.start()]):
            continue
        if text[position:match.start()].strip():
            yield start + position, start + match.start()
        position = match.end()
    if text[position:].strip():
        yield start + position, start + len(text.rstrip())


def rule_sentences(article: Article) -> list[Sentence]:
    """Sentences of every paragraph of ``article`` by :func:`split_text` (no parser)."""
    sentences = []
    for number, (start, end) in enumerate(article.paragraph_offsets(), start=1):
        paragraph = article.paragraphs[number - 1].text
        for s_start, s_end in split_text(paragraph, start):
            text = article.text[s_start:s_end]
            stripped = len(text) - len(text.lstrip())
            sentences.append(Sentence(s_start + stripped, s_end, text.strip(), number))
    return sentences


def annotate_light(article: Article) -> AnnotatedArticle:
    """Sentences (rules) and times (the temporal tagger) of ``article``: all events need."""
    from digesthub.analyze.times import tag_times
    from digesthub.analyze.times.periods import join_periods

    times = [dataclasses.replace(t, paragraph=article.paragraph_at(t.start))
             for t in join_periods(article.text, tag_times(article.text, anchor=article.published))]
    return AnnotatedArticle(article, rule_sentences(article), [], [], times, [])


def article_events(annotated: AnnotatedArticle, *, with_leads: bool = True) -> list[Event]:
    """The events of one article: each sentence with each calendar date it states.

    With ``with_leads``, the first :data:`LEAD_SENTENCES` sentences that state
    no date are events of the publication date.
    """
    article = annotated.article
    times = sorted((t for t in annotated.times if is_calendar_date(t)), key=lambda t: t.start)
    events: list[Event] = []
    scene = opens_on_a_scene(annotated)  # "On a grey Tuesday morning, the office is quiet.": no event
    for position, sentence in enumerate(annotated.sentences):
        if scene and sentence.paragraph == 1:
            continue
        # Fragments, questions and lead-ins ("The Times said on Monday, Oct. 26:") report no event.
        if len(sentence.text.split()) < MIN_EVENT_WORDS or sentence.text.rstrip("\"'”’ ").endswith(("?", ":")):
            continue
        inside = [t for t in times if sentence.start <= t.start < sentence.end
                  and not is_comparison_baseline(article.text, t) and not is_page_stamp(article.text, t)
                  and not is_modifier_date(article.text, t)]
        if inside and not _reports_something(sentence, inside):
            continue
        speakers = quoted_dates(sentence, inside)
        inside = [t for t in inside if t not in speakers]
        seen: set[str] = set()
        for expression in inside:
            if date_key(expression) in seen:
                continue
            seen.add(date_key(expression))
            if expression is not inside[0] and is_elliptical_item(sentence, expression):
                continue  # "..., West Germany in 1955": the sentence tells its first date's event
            text = _verb_clause(annotated, sentence, expression, inside) \
                or strip_dateline(without_page_stamp(event_clause(sentence, expression, inside)))
            if text != sentence.text:
                text = _name_clause_pronoun(annotated, sentence, expression, text)
            events.append(Event(article.id, sentence.paragraph, text, expression,
                                article.published, True, position))
        lead = strip_dateline(without_page_stamp(sentence.text))
        if not inside and with_leads and position < LEAD_SENTENCES and article.published \
                and len(lead.split()) >= MIN_EVENT_WORDS:
            events.append(Event(article.id, sentence.paragraph, lead,
                                publication_date(article.published), article.published, False, position))
    return events


def _reports_something(sentence: Sentence, dates: list[TimeExpression]) -> bool:
    """Whether the sentence has running words besides its dates (not a timestamp or label)."""
    text = sentence.text
    for expression in sorted(dates, key=lambda t: -t.start):
        start = expression.start - sentence.start
        text = text[:start] + " " + text[start + len(expression.text):]
    return len(_RUNNING_WORD.findall(text)) >= MIN_RUNNING_WORDS


def event_clause(sentence: Sentence, expression: TimeExpression, others: Sequence[TimeExpression] = ()) -> str:
    """The sentence, or the clause holding the date when the cut is clean: in a long sentence, and
    where another date of the sentence stands in another clause ("In December, X added 140 firms
    to its blacklist, and in January it announced new rules": two events)."""
    text = sentence.text
    main_clause = _before_plan(sentence, expression, others)
    if main_clause is not None:
        return main_clause
    two_dated_clauses = _dates_in_two_clauses(sentence, expression, others)
    if len(text.split()) <= LONG_SENTENCE_WORDS and not two_dated_clauses:
        return text
    least_words = MIN_EVENT_WORDS if two_dated_clauses else 2 * MIN_EVENT_WORDS
    return clause_holding(text, expression.start - sentence.start, least_words) or text


def _before_plan(sentence: Sentence, expression: TimeExpression, others: Sequence[TimeExpression]) -> str | None:
    """"X released new rules on Wednesday, with the rules set to take effect on March 1": for
    Wednesday, the main clause alone (the whole sentence stays the plan's, March 1)."""
    for other in others:
        if other.start <= expression.start or date_key(other) == date_key(expression):
            continue
        between = sentence.text[expression.end - sentence.start:other.start - sentence.start]
        plan = _WITH_PLAN.search(between)
        if plan is not None:
            head = sentence.text[:expression.end - sentence.start + plan.start()].rstrip()
            return head + "." if len(head.split()) >= MIN_EVENT_WORDS else None
    return None


def _dates_in_two_clauses(sentence: Sentence, expression: TimeExpression,
                          others: Sequence[TimeExpression]) -> bool:
    """Whether a coordinating break (", and", ";", ", while") stands between ``expression`` and
    another date of ``sentence``, each clause opening on its date or its subject."""
    for other in others:
        if other is expression or date_key(other) == date_key(expression):
            continue
        low, high = sorted((expression, other), key=lambda t: t.start)
        between = sentence.text[low.end - sentence.start:high.start - sentence.start]
        if _COORDINATED_DATE.search(between) or _COORDINATED_CLAUSE.search(between):
            return True
    return False


# After the date that opens a cut clause, a verb with no subject before it: "..., and in late October
# added 14 firms to its list" shares the sentence's subject.
_SUBJECTLESS_VERB = r"(?:also\s+|then\s+|later\s+)?(?!(?:the|a|an|its|his|her|their|it|they|he|she|we|this|that|there|" \
    r"these|those|after|before|when|as|amid|following)\b)[a-z]+ed\b"
# Two verbs of one subject, each with its date: "X plans to open an office in the first half of next
# year and expects to break even in 2028" tells two things, of two dates.
# A second verb in the simple past, regular or not ("returned in March 2023 and met investors in February").
_VERB_JOINT = re.compile(r"\s(?:and|but)\s(?:also\s|later\s|then\s)?(?=(?:expects|plans|aims|hopes|intends|wants|"
                         r"forecasts|targets|predicts|says|will|" + IRREGULAR_PAST_RE + r"|[a-z]{2,}[^e\W]ed)\b)")


def _verb_clause(annotated: AnnotatedArticle, sentence: Sentence, expression: TimeExpression,
                 others: Sequence[TimeExpression]) -> str | None:
    """The part of a sentence of two coordinated verbs that holds ``expression``, the second part
    with the subject the sentence opens with: None when the sentence is no such pair (one joint,
    another date on the other side of it, a company or person opening the sentence)."""
    joints = list(_VERB_JOINT.finditer(sentence.text))
    if len(joints) != 1 or sentence.text[:joints[0].start()].endswith(","):
        return None  # ", and expects": the comma breaks are event_clause's
    cut = sentence.start + joints[0].start()
    first_part = expression.end <= cut
    if not any(date_key(o) != date_key(expression) and (o.end <= cut) != first_part for o in others):
        return None
    subject = _opening_subject(annotated, sentence)
    if subject is None:
        return None
    if reports := _REPORTS.match(sentence.text, len(subject)):
        # "Wang said the company would X and aims to Y": the second verb is the company's
        reported = _REPORTED_SUBJECT.match(sentence.text, reports.end())
        if reported is None or reported.end("subject") > joints[0].start():
            return None
        subject = sentence.text[:reported.end("subject")]
    if first_part:
        return sentence.text[:joints[0].start()].rstrip(" ,") + "."
    rest = _object_it_named(annotated, sentence, joints[0].start(), sentence.text[joints[0].end():])
    return f"{subject} {rest}"


_VERB_THEN_IT = re.compile(r"^(?P<verb>\w+)\s+it\b")


def _object_it_named(annotated: AnnotatedArticle, sentence: Sentence, cut: int, rest: str) -> str:
    """"(Lei founded Xiaomi in 2010 and) took it public": the second verb's "it" is the one company
    the first part names."""
    match = _VERB_THEN_IT.match(rest)
    if match is None:
        return rest
    companies = {m.text for m in annotated.mentions
                 if m.label == "ORG" and sentence.start <= m.start and m.end <= sentence.start + cut}
    if len(companies) != 1:
        return rest
    return f"{match['verb']} {companies.pop()}{rest[match.end():]}"


_REPORTS = re.compile(r"\s+(?:also\s+)?(?:said|says|told\s+[\w'’]+|wrote|writes|added|announced|believes|thinks)\b")
# "said [that] the company would": the reported clause's subject, up to its first auxiliary or verb
_REPORTED_SUBJECT = re.compile(r"\s+(?:that\s+)?(?P<subject>(?:the\s+|its\s+|their\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?)"
                               r"(?=\s+(?:would|will|is|was|has|had|could|can|may|might|plans|planned|aims|aimed|"
                               r"expects|expected)\b)")


# A subject that is no name: "He returned ... and met ...", "The company raised ... and opened ...".
_OPENING_PRONOUN = re.compile(r"^(?:He|She|It|They)(?=\s+(?:also\s+)?[a-z]+)")


def _opening_subject(annotated: AnnotatedArticle, sentence: Sentence) -> str | None:
    """The company or person the sentence opens with, followed by its verb ("Lanhai plans ..."), or
    its opening pronoun or "The company" (which the timeline names later)."""
    if (anaphor := _OPENING_PRONOUN.match(sentence.text) or OPENING_COMPANY_ANAPHOR.match(sentence.text)) is not None:
        return anaphor.group()
    first = opening_name(annotated, sentence, ("ORG", "PERSON"))
    if first is None or first.start - sentence.start > len("The "):
        return None
    if not re.match(r"(?:,\s*\d{1,3},)?\s+(?:also\s+|now\s+)?[a-z]+", annotated.article.text[first.end:first.end + 30]):
        return None  # "Lanhai, the robot maker, plans": an aside stands between (an age does not: "Lei, 55, founded")
    return annotated.article.text[sentence.start:first.end].strip()


_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|he|she)\b", re.I)


def _name_clause_pronoun(annotated: AnnotatedArticle, sentence: Sentence, expression: TimeExpression,
                         clause: str) -> str:
    """"In January it announced new rules" cut from "In December, the US Commerce Department added
    ..., and in January it announced ...": "it" is the company the sentence opens with; so is the
    subject an elliptical clause shares ("X in April tightened ..., and in late October added ...")."""
    match = re.match(rf"(?P<lead>(?:\w+\s+){{0,2}}{re.escape(expression.text)},?\s+)(?P<pronoun>it|they)\b", clause) \
        or re.match(rf"(?P<lead>(?:\w+\s+){{0,2}}{re.escape(expression.text)}\s+)(?P<pronoun>)(?={_SUBJECTLESS_VERB})", clause)
    # where the clause stands in the sentence (event_clause capitalized its first letter, may add a ".")
    found_at = sentence.text.find(clause[1:].rstrip("."))
    clause_at = sentence.start + found_at - 1
    if match is None or found_at <= 1:
        return clause
    opening = [m for m in annotated.mentions if sentence.start <= m.start < clause_at and m.label == "ORG"]
    if not opening or sentence.text[:opening[0].start - sentence.start].count(",") > 1:
        return clause
    if _PRONOUN_SUBJECT.search(sentence.text, 0, opening[0].start - sentence.start):
        return clause  # "In 2005 it bought IBM's PC unit, and in 2014 it ...": the name is no subject
    name = opening[0].text
    if annotated.article.text[max(0, opening[0].start - 4):opening[0].start].lower() == "the ":
        name = "the " + name
    if not match["pronoun"]:
        name += " "  # the verb follows the inserted subject
    return clause[:match.start("pronoun")] + name + clause[match.end("pronoun"):]


def collect_events(articles: Iterable[Article | AnnotatedArticle], *, with_leads: bool = True) -> list[Event]:
    """Events of every article, annotating plain articles on the fly."""
    events: list[Event] = []
    for item in articles:
        annotated = item if isinstance(item, AnnotatedArticle) else annotate_light(item)
        events.extend(article_events(annotated, with_leads=with_leads))
    return events
