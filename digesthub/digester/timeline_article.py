"""The timeline of one article, as its digest shows it.

Every dated event of the article (see :mod:`timeline_events`), one entry per
date, in date order. The entry leads with the date's best sentence for a
reader who sees it out of its article: a whole statement, not a quotation, not
leaning on the sentence before; further events of the date join it ("A; b").
"""

from __future__ import annotations

import dataclasses
import re

from digesthub.analyze.facts.context import ArticleContext
from digesthub.analyze.facts.patterns import OPENING_COMPANY_ANAPHOR
from digesthub.digester.antecedent import name_opening_pronoun
from digesthub.digester.standalone import drop_connective, is_whole, leans_back, mend_quotes, stands_alone
from digesthub.digester.timeline import Vector, _citations, _group, _order, _repeats, _tfidf, join_events
from digesthub.digester.timeline_events import Event, article_events
from digesthub.types import AnnotatedArticle, Citation, Sentence, Timeline, TimelineEntry

# The most events merged into one date of a one-article timeline ...
ARTICLE_EVENTS_PER_DATE = 3
# ... and the most words one entry runs to (its first event aside).
ARTICLE_ENTRY_WORDS = 70
# A date wider than this (a century, "this century") places nothing on a one-article timeline.
ARTICLE_MAX_SPAN_DAYS = 11 * 366
# ", which/who <clause>" right after a capitalized name (and its name in brackets), the clause ending at a comma, semicolon
# or the end of the sentence.
_RELATIVE_CLAUSE = re.compile(
    # also through an apposition: "High-Flyer, a hedge fund that managed 100 billion yuan in 2021"
    r"(?P<name>(?<![\w'’])(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)(?:\s*\([^()]{1,30}\))?,\s+"
    r"(?:(?:which|who)|an?\s+(?:[\w-]+\s+){0,4}?(?:which|who|that))\s+"
    r"(?P<body>[^,;]+?)(?=\s*(?:,|;|[.!?][\"'”’]*\s*$|$))")
# The name before ", which" is longer than the match when a capitalized word comes before it,
# directly or through a joining word ("Council of Churches"; not "the waters of Somalia").
_NAME_GOES_ON = re.compile(r"(?<![\w'’])(?!(?:The|A|An|This|That|Its|Their|His|Her)\s)[A-Z][\w.'’-]*\s+"
                           r"(?:(?:of|and|&|de|du|van|von|der)\s+)?$")
# "The European Union's AI Act, which ...": the article opening the sentence goes with the name.
_OPENING_ARTICLE = re.compile(r"^(?:The|This)\s$")
_PREPOSITION = re.compile(r"^(?:In|On|At|By|For|From|Of|With|To|As)\s+")
# "a new factory in Dongguan, which is expected to open": a place after a common noun and a
# preposition of place may be what the clause speaks of, or the noun may; the sentence stays whole.
_PLACE_AFTER_NOUN = re.compile(r"\b[a-z][\w-]+\s+(?:in|at|near|outside)\s+(?:the\s+)?$")
# The longest sentence brought along as the context of a leading sentence that leans on it.
CONTEXT_SENTENCE_WORDS = 30


def article_timeline(annotated: AnnotatedArticle) -> Timeline:
    """The digest timeline of one article: every dated event, one entry per date, in date order.

    Each entry leads with the date's best event sentence: one that stands on its
    own (no opening pronoun, no half quotation) and is not a quotation, the
    earliest on a tie. Further events of the date join it ("A; B") when they
    stand alone too and the entry stays short. A leading sentence that still
    leans on the one before ("He was promoted ... in 2003") brings that one
    along when it is short and states no date of its own.
    """
    # An opening "He" whose person the sentence before plainly names is written as the name;
    # a date inside ", who/which ..." about a name dates what that clause says of the name.
    # The clause is rewritten before one date is kept per sentence: "X, who took over in 2024, has
    # promised cuts by mid-2027" tells two things, X's takeover (2024) and the promise.
    clauses, rewritten = [], set()
    context = ArticleContext(annotated)
    for event in article_events(annotated, with_leads=False):
        clause = _relative_clause(annotated, event) or _anaphor_clause(context, event)
        if clause:
            event = dataclasses.replace(event, text=clause)
            rewritten.add(id(event))
        clauses.append(event)
    events = [e if id(e) in rewritten
              else dataclasses.replace(e, text=_name_opening_company(context, e, name_opening_pronoun(
                  annotated, e.position, e.text)))
              for e in _one_date_per_text(clauses, annotated) if _span_days(e) <= ARTICLE_MAX_SPAN_DAYS]
    groups = _group(events)
    vectors = _tfidf([e.text for e in events])
    index = {id(e): i for i, e in enumerate(events)}
    entries = []
    for group in groups.values():
        picked: list[Event] = []
        picked_vectors: list[Vector] = []
        words = 0
        for event in sorted(group, key=_event_rank):
            vector = vectors[index[id(event)]]
            length = len(event.text.split())
            if picked and (len(picked) >= ARTICLE_EVENTS_PER_DATE or words + length > ARTICLE_ENTRY_WORDS
                           or not _joins(event, picked)):
                continue
            if not _repeats(vector, picked_vectors):
                picked.append(event)
                picked_vectors.append(vector)
                words += length
        picked.sort(key=lambda e: e.position)
        texts = [mend_quotes(drop_connective(e.text)) for e in picked]
        citations = _citations(picked)
        context = _context_sentence(annotated, picked[0], {e.position for e in events})
        if context is not None:
            texts[0] = f"{context.text.rstrip()} {texts[0]}"
            cited = Citation(context.paragraph, annotated.article.id)
            citations = citations if cited in citations else [cited, *citations]
        entries.append(TimelineEntry(picked[0].date, join_events(texts), citations))
    return Timeline(sorted(entries, key=_order))


def _relative_clause(annotated: AnnotatedArticle, event: Event) -> str | None:
    """What a relative clause holding the event's date says of the name it follows, as a
    sentence: "... the waters of Somalia, which descended into anarchy in 1991." is, for 1991,
    "Somalia descended into anarchy in 1991." None when the date is not in such a clause."""
    sentence = annotated.sentences[event.position]
    offset = event.date.start - sentence.start
    for match in _RELATIVE_CLAUSE.finditer(sentence.text):
        if match.start("body") <= offset < match.end("body"):
            named = _mention_ending_at(annotated, sentence.start + match.end("name"))
            if named is None and _NAME_GOES_ON.search(sentence.text[:match.start("name")]):
                return None  # "National Council of Churches", a name longer than the pattern reads
            if _PLACE_AFTER_NOUN.search(sentence.text[:match.start("name")]):
                return None
            name = named or _PREPOSITION.sub("", match.group("name"))
            if _OPENING_ARTICLE.match(sentence.text[:match.start("name")]):
                name = sentence.text[:match.start("name")] + name
            body = match.group("body").strip()
            return f"{name} {body}." if len(body.split()) >= 3 and name[:1].isupper() else None
    return None


# "The company, which launched the SU7 in March last year, plans ...": the clause is the company's.
_ANAPHOR_WHICH = re.compile(r"^(?:The|This)\s+(?:[\w'’-]+\s+){0,2}?(?:company|firm|start-?up|group|business|"
                            r"carmaker|automaker|maker|chipmaker|developer|lab|giant|platform|bank|lender|"
                            r"retailer|insurer|operator),\s+which\s+(?P<body>[^,;]+?)"
                            r"(?=\s*(?:,|;|[.!?][\"'”’]*\s*$|$))")


def _anaphor_clause(context: ArticleContext, event: Event) -> str | None:
    """For a date inside ", which ..." after an opening "The company": what the clause says of the
    company "the company" stands for ("Xiaomi launched the SU7 in March last year.")."""
    sentence = context.annotated.sentences[event.position]
    match = _ANAPHOR_WHICH.match(sentence.text)
    if match is None or not match.start("body") <= event.date.start - sentence.start < match.end("body"):
        return None
    company = context.referred_company(sentence)
    body = match.group("body").strip()
    return f"{company.name} {body}." if company is not None and len(body.split()) >= 3 else None


# "The company posted a net loss ...", and "It expects ..." right after such a sentence.
_OPENING_IT = re.compile(r"^(?P<pronoun>It|Its)\s")


def _name_opening_company(context: ArticleContext, event: Event, text: str) -> str:
    """``text`` with an opening "The company" written as the company it refers to (the one the
    facts read it as: :meth:`ArticleContext.referred_company`), and an opening "It"/"Its" likewise when
    the sentence before (same paragraph) opens with "The company": a timeline entry stands alone."""
    sentences = context.annotated.sentences
    sentence = sentences[event.position]
    anaphor = OPENING_COMPANY_ANAPHOR.match(text)
    if anaphor is None and (it := _OPENING_IT.match(text)) is not None and event.position > 0 \
            and sentence.text.startswith(it.group()) and sentences[event.position - 1].paragraph == sentence.paragraph \
            and OPENING_COMPANY_ANAPHOR.match(sentences[event.position - 1].text):
        company = context.referred_company(sentences[event.position - 1])
        if company is not None:
            name = company.name + ("'s" if it["pronoun"] == "Its" else "")
            return name + text[it.end("pronoun"):]
    if anaphor is None or not sentence.text.startswith(anaphor.group()):
        return text
    company = context.referred_company(sentence)
    return text if company is None else company.name + text[anaphor.end():]


def _mention_ending_at(annotated: AnnotatedArticle, end: int) -> str | None:
    """The recognized name that ends at ``end`` ("Anne-Marie Colbert" after "Chief Executive")."""
    return next((m.text for m in annotated.mentions if m.end == end and m.label in ("PERSON", "ORG")), None)


def _context_sentence(annotated: AnnotatedArticle, event: Event, dated: set[int]) -> Sentence | None:
    """The sentence before ``event`` when the event leans on it ("DiLeo has spent 19 seasons with
    the team." before "He was promoted ... in 2003."): same or previous paragraph (news runs
    one-sentence paragraphs), short, standing on its own, and no event of its own."""
    if not leans_back(drop_connective(event.text)) or not 0 < event.position < len(annotated.sentences):
        return None
    before = annotated.sentences[event.position - 1]
    if annotated.sentences[event.position].paragraph - before.paragraph > 1 or event.position - 1 in dated \
            or len(before.text.split()) > CONTEXT_SENTENCE_WORDS or not stands_alone(before.text):
        return None
    return before


def _joins(event: Event, picked: list[Event]) -> bool:
    """Whether a further event may join an entry: a whole statement, not a quotation, and
    opening with a pronoun only right after the sentence it points back to."""
    text = drop_connective(event.text)
    if _event_rank(event)[1] or not is_whole(text):
        return False
    return not leans_back(text) or any(p.position == event.position - 1 for p in picked)


def _event_rank(event: Event) -> tuple[bool, bool, int]:
    """Sort key of the events of one date: standalone statements first, then reading order."""
    text = drop_connective(event.text)
    return not stands_alone(text), text.lstrip().startswith(("\"", "“", "``", "''")), event.position


def _one_date_per_text(events: list[Event], annotated: AnnotatedArticle) -> list[Event]:
    """A sentence stating several dates that no clause cut separates is listed once,
    under its most specific date (the later one on a tie): "grew from X in May to Y
    in mid-December" is news of mid-December; a date right after "said" is the news's own when the
    sentence's other dates are its plans. The date of a closing attribution ("...
    released its model in July, its founder said on Monday.") only says when it was told."""
    best: dict[tuple[int, str], Event] = {}
    dates_of_text: dict[tuple[int, str], list[Event]] = {}
    for event in events:
        dates_of_text.setdefault((event.position, event.text), []).append(event)

    def rank(event: Event) -> tuple[bool, int, int]:
        key = (event.position, event.text)
        # a date written after "said on Tuesday" tells of the event when it is not after the telling:
        # "said on Tuesday it had completed X, clearing the way for a listing in the fourth quarter"
        # is Tuesday's news, the quarter a plan
        told = _told_on(annotated, event) or (
            _reported_on(annotated, event) and any(other.date.start > event.date.start and other.day <= event.day
                                                   for other in dates_of_text[key]))
        return told, _span_days(event), -event.day.toordinal()  # on a tie, the later date

    for event in events:
        key = (event.position, event.text)
        if key not in best or rank(event) <= rank(best[key]):
            best[key] = event
    return [e for e in events if best[(e.position, e.text)] is e]


# ", its founder Yang Zhilin said on Monday." closing a sentence: the date is the telling's.
# So does ", according to figures released at the beginning of this month.": when the source came out.
_CLOSING_ATTRIBUTION = re.compile(r",\s*(?:[\w.'’()-]+\s+){0,7}?(?:said|says|told\s+(?:[\w.'’-]+\s+){1,3}|added|"
                                  r"confirmed|announced)\s*(?:on\s+|in\s+|late\s+|early\s+)?$|"
                                  r",\s*according\s+to\s+(?:[\w.'’()-]+\s+){1,6}?(?:released|published|issued|posted|"
                                  r"filed|shared|announced)\s+(?:on\s+|in\s+|at\s+|late\s+|early\s+)?$")
_SENTENCE_CLOSE = re.compile(r"^\s*[.!?]?[\"”'’]*\s*$")


# "said in a statement on Tuesday that ...": the date right after a reporting verb.
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told\s+(?:[\w.'’-]+\s+){1,3}|announced|confirmed|disclosed)"
                               r"(?:\s+in\s+an?\s+(?:statement|interview|filing|post))?\s+(?:on\s+|in\s+|late\s+)?$")


def _reported_on(annotated: AnnotatedArticle, event: Event) -> bool:
    """Whether the event's date is when something was said ("said on Tuesday that its robot set a
    record in March"): a date after it in the sentence tells of the event itself."""
    if not event.stated:
        return False
    sentence = annotated.sentences[event.position]
    return bool(_REPORTING_BEFORE.search(annotated.article.text, sentence.start, event.date.start))


def _told_on(annotated: AnnotatedArticle, event: Event) -> bool:
    """Whether the event's date belongs to a closing attribution of its sentence."""
    if not event.stated or event.position >= len(annotated.sentences):
        return False
    sentence = annotated.sentences[event.position]
    before = annotated.article.text[sentence.start:event.date.start]
    after = annotated.article.text[event.date.end:sentence.end]
    return bool(_CLOSING_ATTRIBUTION.search(before) and _SENTENCE_CLOSE.match(after))


# Span lengths of one granularity (a day, a week, a month, a quarter, a half, a year): April (30 days)
# is no more specific than December (31), so the later of two months wins the tie.
_GRANULARITY_DAYS = (0, 6, 30, 91, 183, 365)


def _span_days(event: Event) -> int:
    days = ((event.date.last_day or event.day) - event.day).days
    return next((bound for bound in _GRANULARITY_DAYS if days <= bound), days)
