"""Where a fact's subject and date come from: entity mentions and times near it.

Offsets here are offsets into ``Article.text`` (those of the annotations).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from digesthub.analyze.sentences import dateline_length
from digesthub.analyze.facts.patterns import (
    COMPANY_ANAPHOR, COMPILED_BY, INVESTOR_LEAD, OPENING_COMPANY_ANAPHOR, PUBLIC_BODY, SOURCE_KIND,
)
from digesthub.types import AnnotatedArticle, EntityRef, Sentence, TimeExpression

ORG_LABELS = frozenset({"ORG"})
SUBJECT_LABELS = frozenset({"ORG", "PRODUCT"})
PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How many earlier sentences may supply the company a sentence talks about.
LOOKBACK_SENTENCES = 3
# "The company" in a passage that names only a side company (a founder's former employer) still
# means the article's main company when that one is this much more salient.
MAIN_SALIENCE_RATIO = 1.75


# After a subject: an appositive between commas, then at most two words (the verb).
# A relative clause may run longer: "X, which features tutorials for ..., also has".
_APPOSITIVE_THEN_VERB = re.compile(
    r"^\s*,(?:[^,;]{1,90}|\s*(?:which|who)\b[^,;]{1,200}),\s*(?:[\w-]+\s+){0,7}$")
# After a sentence-opening company anaphor, an aside holding every name before the statement:
# "The Shanghai company, founded in 2021 by former SenseTime executive Yan Junjie, was valued at".
_ASIDE_THEN_STATEMENT = re.compile(r"\s*,[^,;]{1,120}(?P<aside_end>),[^,;]{0,150}$")
# "... said (on Tuesday) it had raised": the pronoun is whoever did the saying.
_SAID_IT = re.compile(r"\b(?:said|says|announced|reported|confirmed|disclosed|stated)\b"
                      r"[^.;\"“”]{0,40}?\b(?P<pronoun>it|they)(?:\s+[^\s;\"“”]+){0,14}\s*$", re.I)
# Between a company and its verb: nothing, or one appositive between commas; a bracketed other
# name may stand first ("Shengshu Technology (生数科技), which spun out of X in 2023, said").
_ONLY_APPOSITIVE = re.compile(r"^\s*(?:\([^()]{1,40}\)|\))?\s*(?:,[^;]{1,150}?,)?\s*$")
# After a sentence's opening company: nothing or one appositive (after its name in brackets, "Foo Co.
# (native name), the second-largest ..., will"), then a lower-case word (its verb).
_OPENS_CLAUSE = re.compile(r"^(?:\s*\([^()]{1,60}\))?(?:\s*,[^;]{1,150}?,)?\s+[a-z]")
# A place modifier right before a name ("Shanghai-based Foo"): no part of what opens the sentence.
_BASED_BEFORE = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.]*-based\s+$")
# The company named as an appositive after the opening ("Another chipmaker, Foo, said"): a comma, its verb.
_CLOSES_APPOSITIVE = re.compile(r"^\s*,\s+[a-z]")
# Before a mention: a place-like preposition ("filed on Shanghai's STAR Market", "listed in Hong Kong
# with Y"): the mention is where or with whom the subject acted, not who acted.
_PREPOSITION_OBJECT = re.compile(r"\b(?:on|at|with|into|onto|via)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?$")
# "X bought Y, valuing the company at": there "the company" is the one bought.
_ACQUISITION = re.compile(r"\b(?:acquir\w*|buy\w*|bought|purchas\w*|takeover|take\s+over|merg\w*)\b", re.I)
# Before a mention: "according to data from (the)", "told (state broadcaster)" -- where a figure comes
# from or who heard it, never whose it is.
_SOURCE_OF = re.compile(r"\baccording\s+to\s+(?:(?:data|figures|statistics|estimates|a\s+report|a\s+survey|"
                        rf"research)\s+(?:from|by|of)\s+)?(?:the\s+)?{SOURCE_KIND}$|"
                        # "according to data compiled by LSEG", "data compiled by research firm ITjuzi showed"
                        rf"\b{COMPILED_BY}\s+(?:the\s+)?{SOURCE_KIND}$|"
                        # "analysts polled by LSEG had expected ...": who asked, not whose figure
                        rf"\b(?:polled|surveyed|tracked|cited)\s+by\s+(?:the\s+)?{SOURCE_KIND}$|"
                        # "Wang told state broadcaster CCTV", "said in an interview with Reuters": the outlet
                        r"\b(?:told|interview\s+with)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# Before a mention: "its chatbot app, " -- what the subject owns, never the subject itself.
_OWNED_BY_SUBJECT = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s*$", re.I)


@dataclass(frozen=True)
class Located:
    """One mention of an entity: its span in Article.text and the entity."""

    start: int
    end: int
    entity: EntityRef


def _with_name_matches(text: str, located: list[Located],
                       entities: list[EntityRef]) -> list[Located]:
    """The mentions plus every literal occurrence of a known entity name.

    A recognizer that found "Zhipu AI" twice may miss (or mislabel) it a third
    time; the name itself is better evidence than the miss. A longer name match
    replaces a shorter mention inside it ("Zhipu" in "Zhipu AI").
    """
    names = sorted(((name, e) for e in entities if e.label in SUBJECT_LABELS | PERSON_LABELS
                    for name in {e.name, *e.aliases} if len(name) >= 3),
                   key=lambda pair: -len(pair[0]))
    # One alternation, longest names first, scans the text once; coverage arrays keep the
    # overlap checks linear: a long page names an entity hundreds of times.
    owner: dict[str, EntityRef] = {}
    for name, entity in names:
        owner.setdefault(name, entity)
    extra: list[Located] = []
    extra_length = [0] * (len(text) + 1)  # at each character: the length of the name match covering it
    if owner:
        pattern = "|".join(re.escape(name) for name in owner)
        for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text):
            extra.append(Located(match.start(), match.end(), owner[match[0]]))
            extra_length[match.start():match.end()] = [match.end() - match.start()] * (match.end() - match.start())
    kept = [m for m in located if max(extra_length[m.start:m.end], default=0) <= m.end - m.start]
    taken = bytearray(len(text) + 1)
    for m in kept:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    kept += [x for x in extra if not any(taken[x.start:x.end])]
    return sorted(kept, key=lambda item: (item.start, -item.end))


# Between an amount and a later date, a comparison: the date is the baseline's ("up from 2 billion
# in 2023", "double its valuation in late 2024", "compared with a year earlier").
# "its previous round" is a baseline after the amount ("$2.5 billion, triple its previous round in
# 2023"), not when the amount was raised in it ("raised $300 million in its previous round in 2023").
# ("..., down 23% from a year earlier", "an increase of 8% to 11% from a year earlier": a change's baseline)
_BASELINE_BETWEEN = re.compile(r"\b(?:than|(?:up|down)\s+(?:[\d.,]+\s*(?:%|percent|per\s+cent)\s+)?from|"
                               r"(?:increase|decrease|rise|drop|decline|fall|gain|jump)\s+of\s+[^,;]{1,20}?\s+from|"
                               r"compared\s+(?:with|to)|versus|vs\.?|"
                               r"double|triple|twice|half|(?<!\bin\s)its\s+(?:previous|prior|last|earlier))\b", re.I)
# A sentence opening on a participle phrase ("Founded in 2015 by ...,", "Backed by Tencent,").
_OPENING_PARTICIPLE = re.compile(r"^(?:(?:co-)?founded|established|incorporated|set\s+up|spun\s+(?:out|off)|"
                                 r"launched|backed|based|headquartered)\b", re.I)
# An aside may stand between the subject and its verb: "Foo — known in Chinese as Bar (巴) — is",
# "Foo (Bar) has", "Foo, a unit of Baz, said".
_MAIN_VERB_AFTER = re.compile(r"(?:\s*[—–]\s*[^—–.;]{1,80}?\s*[—–]|\s*\([^()]{1,60}\)|,[^,.;]{1,60},)?"
                              r"\s+(?:has\s+|had\s+|is\s+|was\s+|now\s+|also\s+)?[a-z]+(?:ed|s)\b")
# ", a Shanghai-based humanoid robot start-up." closing a sentence: the name it follows is a company
# the text has just introduced.
_INTRODUCING_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:company|firm|start-?up|startup|maker|developer|manufacturer|"
    r"provider|operator|unicorn|business)\s*[.!?]?[\"”]?\s*$", re.I)
# "Funding for Chinese humanoid robot start-ups reached", "Investment in AI companies rose to": a
# figure of many companies, none of them named.
_SECTOR_TOTAL = re.compile(
    r"^\s*(?:(?:total|overall|combined|annual|global)\s+)?(?:funding|investments?|financing|venture\s+capital|"
    r"revenues?|sales)\s+(?:for|in|into|of|to)\s+(?:[\w-]+\s+){0,5}?[\w-]+(?:s|ies)\s+(?:\w+\s+){0,4}?"
    r"(?:reached|rose|fell|grew|jumped|climbed|dropped|totall?ed|hit|was|were|amounted)\b", re.I)
# An amount that is itself the baseline ("up from 18 billion yuan in its previous round in 2024"):
# what follows it dates it.
_BASELINE_AMOUNT = re.compile(r"\b(?:(?:up|down)\s+from|compar(?:ed|es?)\s+(?:with|to))\s+"
                              # "That compares with a valuation of 12 billion yuan in its last round in June 2025"
                              r"(?:(?:a|an|the|its)\s+(?:[\w-]+\s+){0,2}?(?:of|at)\s+)?"
                              r"(?:about\s+|around\s+|nearly\s+)?\S{0,3}$", re.I)
# A period figures are reported for: a year, a half, a quarter ("2026", "2026-H1", "2026-Q3").
_REPORTING_PERIOD = re.compile(r"^\d{4}(?:-[HQ]\d)?$")
# "founded in 2023", "founded by Sogou founder Wang Xiaochuan in April 2023"
# ", launched in June 2024," inside a sentence: its date is the aside's event, not a figure's outside it.
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:(?:co-)?founded|launched|released|unveiled|introduced|listed|established|"
                               r"set\s+up|acquired|spun\s+(?:out|off)|debuted|rolled\s+out)\s[^,;]*,", re.I)
# "has risen 60% since the start of the year, giving it a market value of": where a change began.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
# "second-quarter revenue", "2024 net profit", "full-year sales": a period naming the figure's own time.
_MODIFIES_FIGURE = re.compile(r"\s+(?:(?:net|operating|adjusted|gross|total|core)\s+)*(?:revenues?|sales|profits?|"
                              r"loss(?:es)?|earnings|income|turnover)\b", re.I)
_FOUNDING_BEFORE = re.compile(r"\b(?:(?:co-)?founded|established|incorporated|set\s+up)\s+"
                              r"(?:by\s+(?:[\w.'’-]+\s+){1,6})?(?:in|on)\s+$", re.IGNORECASE)


class ArticleContext:
    """Mentions and times of an article, looked up by position."""

    def __init__(self, annotated: AnnotatedArticle) -> None:
        self.annotated = annotated
        self.text = annotated.article.text
        located = [Located(m.start, m.end, e) for e in annotated.entities for m in e.mentions]
        self.mentions = _with_name_matches(self.text, located, annotated.entities)  # sorted by start
        self._mention_starts = [m.start for m in self.mentions]
        self.sentences = sorted(annotated.sentences, key=lambda s: s.start)
        self._sentence_starts = [s.start for s in self.sentences]
        self._positions = {s.start: i for i, s in enumerate(annotated.sentences)}
        self.times = sorted(annotated.times, key=lambda t: t.start)

    def mentions_in(self, start: int, end: int, labels: frozenset[str]) -> list[Located]:
        """Mentions of entities labelled ``labels`` lying within [start, end)."""
        first = bisect.bisect_left(self._mention_starts, start)
        last = bisect.bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end and m.entity.label in labels]

    def sources_in(self, sentence: Sentence) -> list[EntityRef]:
        """Entities ``sentence`` cites as where its figures come from ("according to data from the
        China Semiconductor Industry Association (CSIA)"): never whose the figures are."""
        return [m.entity for m in self.mentions_in(sentence.start, sentence.end, SUBJECT_LABELS)
                if self._is_source(sentence, m)]

    def _is_source(self, sentence: Sentence, mention: Located) -> bool:
        return bool(_SOURCE_OF.search(self.text, max(sentence.start, mention.start - 60), mention.start))

    def top_entity(self, labels: frozenset[str]) -> EntityRef | None:
        """The most salient entity with one of ``labels`` in the whole article."""
        candidates = [e for e in self.annotated.entities if e.label in labels]
        return max(candidates, key=lambda e: e.salience, default=None)

    def participle_subject(self, sentence: Sentence) -> Located | None:
        """The company a sentence opening on a participle phrase goes on about: "Founded in 2015
        by Zhu and engineers from camera maker Dahua, Leapmotor listed in 2022": Leapmotor, the
        first company named right after a comma and right before a verb."""
        if not _OPENING_PARTICIPLE.match(sentence.text):
            return None
        for mention in self.mentions_in(sentence.start, sentence.end, ORG_LABELS):
            if self.text[max(sentence.start, mention.start - 2):mention.start] == ", " \
                    and _MAIN_VERB_AFTER.match(self.text, mention.end):
                return mention
        return None

    def subject_before(self, sentence: Sentence, position: int, *,
                       labels: frozenset[str] = SUBJECT_LABELS,
                       exclude: list[tuple[int, int]] | None = None) -> EntityRef | None:
        """The entity a statement at ``position`` of ``sentence`` is about.

        The nearest company mention before it in the sentence ("X ... raised"),
        unless an anaphor ("the company", "it") stands closer; else the first
        one after it; else the most salient company of the sentences before.
        """
        exclude = exclude or []
        inside = [m for m in self.mentions_in(sentence.start, sentence.end, labels)
                  if not any(a <= m.start < b for a, b in exclude)]
        sources = self.sources_in(sentence)
        inside = [m for m in inside if m.entity not in sources]
        before = [m for m in inside if m.end <= position
                  and not _OWNED_BY_SUBJECT.search(self.text[max(0, m.start - 50):m.start])]
        head = next((m for m in before if m.entity.label in SUBJECT_LABELS
                     and _APPOSITIVE_THEN_VERB.match(self.text[m.end:position])), None)
        if head is not None:
            return head.entity  # "X, founded by veterans of Y, launched": X; "Foo, the Chinese version of Bar, had"
        speaker = self._speaker(sentence, position, before)
        if speaker is not None:
            return speaker  # "X, founded by a former Y engineer, said it had raised": X
        anaphor = COMPANY_ANAPHOR.match(self.text, sentence.start, position)
        aside = _ASIDE_THEN_STATEMENT.match(self.text, anaphor.end(), position) if anaphor else None
        if before and aside and all(m.end <= aside.end("aside_end") for m in before) \
                and (referent := self.referred_company(sentence)) is not None:
            return referent  # "The Shanghai company, founded by former Y executive Z, was valued at": not Y
        if before:
            nearest = before[-1]
            gap = self.text[nearest.end:position]
            topic = self._opening_company(sentence, before)
            if (COMPANY_ANAPHOR.search(gap) and topic is not None and topic is not nearest.entity
                    and not _ACQUISITION.search(self.text[sentence.start:position])):
                return topic  # "X, founded by a former Y engineer, raised ..., valuing the company at": X
            if topic is not None and topic is not nearest.entity \
                    and _PREPOSITION_OBJECT.search(self.text[max(sentence.start, nearest.start - 40):nearest.start]):
                return topic  # "X filed for a listing on the Y Market, seeking to raise $1 billion": X
            if not COMPANY_ANAPHOR.search(gap) or nearest.entity.label in ORG_LABELS:
                return nearest.entity
        prefix = self.text[sentence.start:position]
        if not before and _SECTOR_TOTAL.match(prefix):
            return None  # "Funding for Chinese robot start-ups reached ...": a whole sector's figure
        if not before and inside and not COMPANY_ANAPHOR.search(prefix):
            return inside[0].entity
        if COMPANY_ANAPHOR.search(prefix):
            found = self.previous_subject(sentence) or self.introduced_before(sentence) \
                or self.salient_in_lookback(sentence, labels)
        else:
            found = self.salient_before(sentence, labels)
        found = found or (before[-1].entity if before else None)
        if found is None and COMPANY_ANAPHOR.search(prefix):
            # "The company ..." with no company named nearby: the article's main one.
            found = self.top_entity(labels & ORG_LABELS)
        return found

    def _opening_company(self, sentence: Sentence, before: list[Located]) -> EntityRef | None:
        """The company a sentence opens with as its grammatical subject, if any."""
        body_start = sentence.start + dateline_length(sentence.text)  # "SHANGHAI, Nov 20 (Reuters) - "
        for mention in before:
            if mention.entity.label not in ORG_LABELS or mention.start < body_start:
                continue
            lead = _BASED_BEFORE.sub("", self.text[body_start:mention.start])
            after = self.text[mention.end:sentence.end]
            if len(lead.split()) <= 4 and _OPENS_CLAUSE.match(after):
                return mention.entity  # "Foo said ...", "Shanghai-based Foo said ..."
            if len(lead.split()) <= 8 and lead.rstrip().endswith(",") and _CLOSES_APPOSITIVE.match(after):
                return mention.entity  # "Another chipmaker, Foo, said ...", "The youngest of the four, Foo, was"
            return None
        return None

    def _speaker(self, sentence: Sentence, position: int, before: list[Located]) -> EntityRef | None:
        """The company that "said it" did what stands at ``position``, when one is named."""
        said = _SAID_IT.search(self.text[sentence.start:position])
        if said is None:
            return None
        verb_at = sentence.start + said.start()
        if any(m.start >= sentence.start + said.start("pronoun") for m in before):
            return None  # another company named after "it": the statement may be about that one
        subjects = [m for m in before if m.end <= verb_at and m.entity.label in ORG_LABELS
                    and _ONLY_APPOSITIVE.match(self.text[m.end:verb_at])]
        return subjects[-1].entity if subjects else None

    def salient_before(self, sentence: Sentence, labels: frozenset[str]) -> EntityRef | None:
        """The most salient entity of ``labels`` named in the few sentences before.

        Backers named after "led by" / "participation from" are not what a sentence with
        no name goes on about ("The round was led by X. The valuation is up from ...": the
        company that raised it, named earlier).
        """
        earlier = [s for s in self.sentences if s.end <= sentence.start][-LOOKBACK_SENTENCES:]
        for previous in reversed(earlier):
            lead = INVESTOR_LEAD.search(self.text, previous.start, previous.end)
            found = [m for m in self.mentions_in(previous.start, previous.end, labels)
                     if (lead is None or m.start < lead.start()) and not self._is_source(previous, m)]
            if found:
                return max((m.entity for m in found), key=lambda e: e.salience)
        return None

    def salient_in_lookback(self, sentence: Sentence,
                            labels: frozenset[str]) -> EntityRef | None:
        """The most salient entity named anywhere in the few sentences before.

        "The company" refers to the company the passage is about, which is
        more often the most salient one nearby than the last one named.
        """
        earlier = [s for s in self.sentences if s.end <= sentence.start][-LOOKBACK_SENTENCES:]
        if not earlier:
            return None
        found = self.mentions_in(earlier[0].start, earlier[-1].end, labels)
        nearby = max((m.entity for m in found), key=lambda e: e.salience, default=None)
        main = self.top_entity(labels)
        if nearby is not None and main is not None and main.salience >= MAIN_SALIENCE_RATIO * nearby.salience:
            return main  # the passage calls the main company "the company" / "it" rather than by name
        return nearby

    def position(self, sentence: Sentence) -> int | None:
        """The index of ``sentence`` in the annotated article's sentences."""
        return self._positions.get(sentence.start)

    def referred_company(self, sentence: Sentence) -> EntityRef | None:
        """The company "the company" / "its" in ``sentence`` refers to: the company the sentence
        before (same paragraph) opens with, else see salient_in_lookback."""
        return (self.previous_subject(sentence) or self.introduced_before(sentence)
                or self.salient_in_lookback(sentence, ORG_LABELS) or self.top_entity(ORG_LABELS))

    def introduced_before(self, sentence: Sentence) -> EntityRef | None:
        """A company the sentence just before (in any paragraph) introduces with an apposition
        ("... he left Nvidia to found Foo, a Shanghai-based robot start-up."): what "the company"
        opening the next sentence means, more than the story's most salient one."""
        index = bisect.bisect_left(self._sentence_starts, sentence.start)
        if index == 0:
            return None
        previous = self.sentences[index - 1]
        introduced = [m for m in self.mentions_in(previous.start, previous.end, ORG_LABELS)
                      if _INTRODUCING_APPOSITION.match(self.text, m.end, previous.end)]
        return introduced[-1].entity if introduced else None

    def previous_subject(self, sentence: Sentence, depth: int = 2) -> EntityRef | None:
        """The company the sentence just before ``sentence`` opens with as its subject ("iFlytek said
        ... . The Hefei-based company employs ...", "SenseTime said ... . Its chief executive ..."):
        what a sentence-opening anaphor continues (centering), more often than the article's most
        salient company. The sentence before is in the same paragraph, or closes the paragraph before
        when ``sentence`` opens its own; one opening on an anaphor itself ("Its revenue jumped ...")
        continues the company of the one before it (``depth`` steps back)."""
        index = bisect.bisect_left(self._sentence_starts, sentence.start)
        if index == 0 or self.sentences[index - 1].paragraph not in (sentence.paragraph, sentence.paragraph - 1):
            return None
        previous = self.sentences[index - 1]
        if previous.paragraph != sentence.paragraph and not OPENING_COMPANY_ANAPHOR.match(sentence.text):
            return None  # across paragraphs only "The Shenzhen-based company ..." continues the story's subject
        opening = self._opening_company(previous, self.mentions_in(previous.start, previous.end, ORG_LABELS))
        if opening is None and depth > 0 and previous.paragraph == sentence.paragraph \
                and COMPANY_ANAPHOR.match(previous.text):
            # (not across a paragraph too: "Tencent also invested. It has backed rivals." then a new
            # paragraph's "The company posted a net loss" is the story's company again)
            return self.previous_subject(previous, depth - 1)
        return None if opening is not None and PUBLIC_BODY.search(opening.name) else opening

    def time_near(self, sentence: Sentence, position: int, end: int | None = None) -> TimeExpression | None:
        """The calendar date in ``sentence`` closest to ``position`` (or to the span ``position:end``).

        Distances count from the span's edges: in "438 million in 2024, up from 124 million in
        2023" the 2023 right after the second amount is its date, not the 2024 before it.

        A date after a comparison dates its baseline: "about 8 billion yuan, more than double its
        valuation in late 2024" is not a valuation of late 2024.

        A founding date ("founded in 2023") dates the founding only: "The company, founded in
        2023, was valued at $3.3 billion last year" is a valuation of last year.
        """
        end = position if end is None else end
        asides = [(m.start(), m.end()) for m in _PARTICIPLE_ASIDE.finditer(self.text, sentence.start, sentence.end)
                  if not m.start() <= position < m.end()]
        inside = [t for t in self.times
                  if t.start >= sentence.start and t.end <= sentence.end
                  and t.type == "DATE" and t.first_day is not None
                  and not _FOUNDING_BEFORE.search(self.text, max(sentence.start, t.start - 80), t.start)
                  and not _SINCE_BEFORE.search(self.text, max(sentence.start, t.start - 10), t.start)
                  and not any(a <= t.start < b for a, b in asides)]
        if not inside:
            return None
        modifying = [t for t in inside if t.end <= position and _MODIFIES_FIGURE.match(self.text, t.end)]
        if modifying:
            return modifying[-1]  # "second-quarter revenue of 35 billion yuan on Aug. 20": the quarter's
        if not _BASELINE_AMOUNT.search(self.text, max(sentence.start, position - 40), position):
            inside = [t for t in inside if t.start < end or not _BASELINE_BETWEEN.search(self.text, end, t.start)]
        if not inside:
            return None
        return min(inside, key=lambda t: t.start - end if t.start >= end else max(0, position - t.end))

    def period_before(self, sentence: Sentence) -> TimeExpression | None:
        """The reporting period (a year, half or quarter) the sentence before, in the same paragraph,
        opens its figures with: "Profit rose to X in the third quarter, from Y a year earlier. Revenue
        grew 22% to Z" -- Z is the third quarter's. None when that sentence names no period."""
        index = bisect.bisect_left(self._sentence_starts, sentence.start)
        if index == 0 or self.sentences[index - 1].paragraph != sentence.paragraph:
            return None
        previous = self.sentences[index - 1]
        periods = [t for t in self.times if previous.start <= t.start < previous.end and t.type == "DATE"
                   and _REPORTING_PERIOD.match(t.value)]
        return periods[0] if periods else None

    def time_covering_year(self, sentence: Sentence, year: str) -> TimeExpression | None:
        """The time expression of ``sentence`` that names ``year``."""
        for time in self.times:
            if sentence.start <= time.start < sentence.end and time.value.startswith(year):
                return time
        return None
