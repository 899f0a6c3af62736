"""Founders and chief executives: a person's name next to a title or a founding verb."""

from __future__ import annotations

import re

from digesthub.analyze.facts import patterns as P
from digesthub.analyze.facts.context import (
    ORG_LABELS, PERSON_LABELS, SUBJECT_LABELS, ArticleContext, Located,
)
from digesthub.analyze.facts.relations import _FOUNDED_ANAPHOR, _adjacent
from digesthub.analyze.pronouns import pronoun_referent
from digesthub.types import EntityRef, Fact, Sentence, TimeExpression

# What may stand between a person's name and their title: "Zhang Peng, Zhipu AI's CEO".
# "( pictured )" after a name, as picture captions put it, is no gap; nor is an age ("Chen Lu, 36, is").
_ASIDE = r"(?:\s*\(\s*[^()]{0,25}\)\s*|\s*,\s*(?:aged\s+)?\d{1,3}(?=\s*,))?"
# One more title before this one: "the company's co-CEO and founder".
_OTHER_TITLE = r"(?:(?:co-?)?(?:[\w-]+\s+){1,3}?and\s+)?"
_PERSON_BEFORE_TITLE = re.compile(
    r"^" + _ASIDE + r"[\s,]*(?:who\s+)?(?:(?:is|was|as|became|becomes|also|now|currently)\s+){0,2}"
    r"(?:(?:the|its|their|a|an)\s+(?:[\w.&-]+\s+){0,2}?)?"
    r"(?:(?:[\w.&-]+\s+){0,3}[\w.&-]+\s*(?:'s|’s)\s+)?" + _OTHER_TITLE + r"(?:co-?)?$",
    re.IGNORECASE)
_PERSON_AFTER_TITLE = re.compile(r"^[\s,]*(?:and\s+[\w\s]{0,25}?\s+)?$", re.IGNORECASE)
_ORG_BEFORE_TITLE = re.compile(r"^\s*(?:'s|’s)?\s*" + _OTHER_TITLE + r"(?:co-?)?$", re.IGNORECASE)
_ORG_AFTER_TITLE = re.compile(r"^\s*(?:and\s+(?:co-?)?[\w-]+\s+)?(?:of|at|for)\s+(?:the\s+)?$",
                              re.IGNORECASE)
# "founded by (entrepreneur) Dana Ortiz", "founded by former SenseTime executive Yan Junjie":
# at most a role of two words ("general manager"), after "former" and an employer's name.
_ROLE_BEFORE_NAME = re.compile(
    r"^\s*(?:(?:the|a|an)\s+)?(?:(?:former|ex-|then-|longtime|veteran|serial)\s*)?"
    r"(?:(?:[A-Z][\w&.-]*\s+){1,3}(?=[a-z]))?(?:[a-z][\w-]*\s+){0,2}$")
# "Paul Martino, CEO of Aggregate Knowledge": a capitalized name the recognizer missed.
_NAMED_AFTER_TITLE = re.compile(
    r"\s+(?:of|at)\s+(?P<name>[A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*){0,3})(?![\w&'-])"
    # not the words before a kind of company ("founder of Chinese AI startup DeepSeek"): its name follows
    r"(?!\s+(?:[\w-]+\s+)?(?:startup|start-up|company|firm|maker|developer|group|giant|lab|platform|unicorn)\b)")
# "founder of the zoo", "chief executive of the trade association": whose it is follows.
_OF_AFTER_TITLE = re.compile(r"\s+(?:of|at)\s+")
_OF_BASED = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?[^;:()]{0,40}?-based\s+")
_PHRASE_END = re.compile(r"[,;:()\"“”]|\s(?:said|says|told|and|who|which)\b")
# A capitalized word right before the title: "Summit CEO Rob Friedman".
_WORD_BEFORE_TITLE = re.compile(r"(?P<word>[A-Z][\w&.-]*)\s+(?:co-?)?$")
_NOT_OWNER_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "former", "then",
                              "interim", "acting", "new", "deputy", "vice", "group", "as", "and"})


def people_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """Founders and chief executives named next to their title."""
    named_people = context.mentions_in(sentence.start, sentence.end, PERSON_LABELS)
    # "In 2019 she left Foo to found Bar with Sun Jie": the opening pronoun before the named co-founder
    pronoun = [p for p in _opening_pronoun(context, sentence) if all(p.end <= m.start for m in named_people)] \
        or ([] if named_people else _opening_role(context, sentence))
    people = pronoun + named_people
    orgs = context.mentions_in(sentence.start, sentence.end, SUBJECT_LABELS)
    if not people:
        return []
    facts = []
    for kind, cue in (("founder", P.FOUNDER_TITLE), ("ceo", P.CEO_TITLE),
                      ("founder", P.FOUNDER_BY), ("founder", P.FOUNDED_ACTIVE)):
        for match in cue.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if cue is P.FOUNDER_BY:
                person = _adjacent(people, context.text, end, end, re.compile("$^"),
                                   _ROLE_BEFORE_NAME)
            elif cue is P.FOUNDED_ACTIVE:
                person = _adjacent(people, context.text, start, end, P.FOUNDER_BEFORE_VERB,
                                   re.compile("$^"))
            else:
                person = _adjacent(people, context.text, start, end,
                                   _PERSON_BEFORE_TITLE, _PERSON_AFTER_TITLE)
            if person is None:
                continue
            org = _adjacent(orgs, context.text, start, end, _ORG_BEFORE_TITLE, _ORG_AFTER_TITLE)
            if cue is P.FOUNDER_BY and (founded := _founded_subject(context, sentence, orgs, start)
                                        or _founded_with_object(context, sentence, orgs, start, end)
                                        or context.participle_subject(sentence)):
                org = founded  # not the employer between "by" and the name ("by former SenseTime executive")
            anaphor = _FOUNDED_ANAPHOR.match(context.text, end) if cue is P.FOUNDED_ACTIVE else None
            if anaphor and context.text[anaphor.end():anaphor.end() + 2] in ("'s", "’s"):
                anaphor = None  # "set up the company's Beijing office": no founding of the company
            if cue is P.FOUNDED_ACTIVE:
                org = None if anaphor else next((m for m in orgs if m.start >= end), None)
                if not match[0].lower().endswith("founded") and not anaphor and (
                        org is None or org.start - end > P.FOUNDED_OBJECT_WINDOW
                        or P.CLAUSE_IN_GAP.search(context.text, end, org.start)):
                    continue  # "She set up a unit that, years later, Foo Corp bought": not Foo's founding
            if org is None and cue is P.FOUNDED_ACTIVE:
                subject = context.salient_before(sentence, ORG_LABELS) or context.top_entity(
                    ORG_LABELS)
            else:
                subject = org.entity if org else _title_holder(context, sentence, person, start, end)
            if subject is None:
                continue
            plural_title = cue is P.FOUNDER_TITLE and match[0].lower().endswith("s") and person.start >= end
            # "founded by A and B", "Co-founders A and B previously led ...": each of them
            named = [person, *_co_founders(people, context.text, person)] if cue is P.FOUNDER_BY or plural_title \
                else [person]
            if cue is P.FOUNDED_ACTIVE:
                object_end = org.end if org is not None else anaphor.end() if anaphor else None
                named += _founded_with(people, context.text, object_end) if object_end is not None else []
            facts.extend(Fact(kind, subject if isinstance(subject, str) else subject.name,
                              sentence.text, sentence.paragraph, value=founder.entity.name,
                              # "Sogou founder Wang" dates nothing: a founding date in the
                              # sentence belongs to the founding it tells of
                              date=_founding_date(context, sentence, match.start(), match.end())
                              if kind == "founder" and cue is not P.FOUNDER_TITLE else None,
                              details={"span": match[0]}) for founder in named)
    return facts


# Between two founders after "founded by": "A and B", "A, B and C", "A, a former X researcher, and B".
_NEXT_FOUNDER = re.compile(r"^(?:,\s*(?:a|an|the|who|whose|then)\b[^;:()\"“”]{0,100}?)?(?:,\s*(?:and\s+)?|\s+and\s+)"
                           r"(?:(?:fellow|former|his|her)\s+[\w\s-]{0,30}?)?$")


_WITH_FOUNDER = re.compile(r"^\s+(?:together\s+)?with\s+(?:(?:fellow|former|his|her)\s+[\w\s-]{0,30}?)?$", re.IGNORECASE)


def _founded_with(people: list[Located], text: str, object_end: int) -> list[Located]:
    """"founded Foo with Sun Jie (and Li Na)", "founded the company with Sun Jie": the people named
    after "with" (``object_end``: where the founded object ends) are co-founders."""
    first = next((m for m in people if m.start >= object_end), None)
    if first is None or not _WITH_FOUNDER.match(text[object_end:first.start]):
        return []
    return [first, *_co_founders(people, text, first)]


def _co_founders(people: list[Located], text: str, first: Located) -> list[Located]:
    """The people named with ``first`` after "founded by", each joined to the one before."""
    joined, last = [], first
    for mention in [m for m in people if m.start >= first.end]:
        if mention.entity is last.entity or not _NEXT_FOUNDER.match(text[last.end:mention.start]):
            break
        joined.append(mention)
        last = mention
    return joined


def _opening_pronoun(context: ArticleContext, sentence: Sentence) -> list[Located]:
    """"He is the company's chief executive": the opening "He"/"She" as a mention of the person
    the sentence before plainly speaks of (see :mod:`digesthub.analyze.pronouns`)."""
    match = _OPENING_HE_OR_SHE.match(sentence.text)
    if match is None:
        return []
    position = context.position(sentence)
    if position is not None and match.start("pronoun") > 0:
        # after an opening phrase: the person of the sentence before, as for an opening "He"
        previous = context.annotated.sentences[position - 1] if position else None
        near = previous is not None and sentence.paragraph - previous.paragraph <= 1
        person = pronoun_referent(context.annotated, position - 1, 1) if near else None
    else:
        person = pronoun_referent(context.annotated, position) if position is not None else None
    if person is None:
        return []
    return [Located(sentence.start + match.start("pronoun"), sentence.start + match.end("pronoun"), person)]


# "The 40-year-old founder of DeepSeek, who ...": a role opening the sentence after one about a person.
_OPENING_ROLE = re.compile(r"^The\s+(?:[\w-]+\s+){0,2}?(?=(?:co-?)?founder\b|chief\s+executive\b|ceo\b|chairman\b)",
                           re.IGNORECASE)


def _opening_role(context: ArticleContext, sentence: Sentence) -> list[Located]:
    """"Liang Wenfeng rarely gives interviews. The 40-year-old founder of DeepSeek ...": the role
    opening a sentence that names no one stands for the person the sentence before opens with (an
    empty mention at the sentence start, where a "He" would stand)."""
    if _OPENING_ROLE.match(sentence.text) is None:
        return []
    position = context.position(sentence)
    if not position or sentence.paragraph - context.annotated.sentences[position - 1].paragraph > 1:
        return []
    person = pronoun_referent(context.annotated, position - 1, 1)
    return [Located(sentence.start, sentence.start, person)] if person is not None else []


# "He ...", or after an opening adverbial: "Less than two years later, in May 2025, he left ...",
# "In 2019 she left ..." (a short time phrase needs no comma).
_OPENING_HE_OR_SHE = re.compile(r"(?:[^,.;:\"“”]{1,50},\s+){0,2}"
                                r"(?:(?:In|On|By|Since|Last|That|Later|Earlier)\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+)?"
                                r"(?P<pronoun>(?<![\w'’])(?:[Hh]e|[Ss]he))\b")


# What stands between the founded company and "founded by": "Foo, founded by", "Foo was founded by".
_FOUNDED_GAP = re.compile(r"^[\s,]*(?:(?:which|that)\s+)?(?:(?:was|is|were|has\s+been|had\s+been)\s+)?"
                          r"(?:jointly\s+|originally\s+)?$", re.IGNORECASE)
_ANAPHOR_BEFORE_FOUNDED = re.compile(
    r"\b(?:the|this)\s+(?:[\w'’-]+\s+){0,2}?(?:company|firm|startup|start-up|business|group|lab|"
    r"maker|developer|platform|unicorn)[\s,]*(?:(?:which|that)\s+)?(?:(?:was|is|has\s+been)\s+)?$",
    re.IGNORECASE)


def _founded_subject(context: ArticleContext, sentence: Sentence, orgs: list[Located],
                     cue_start: int) -> Located | None:
    """The company "founded by" speaks of: named right before it, or "the (three-year-old) company"."""
    before = [m for m in orgs if m.end <= cue_start]
    if before and _FOUNDED_GAP.match(context.text[before[-1].end:cue_start]):
        return before[-1]
    if _ANAPHOR_BEFORE_FOUNDED.search(context.text, sentence.start, cue_start):
        company = context.referred_company(sentence)
        if company is not None:
            return Located(cue_start, cue_start, company)
    return None


def _founded_with_object(context: ArticleContext, sentence: Sentence, orgs: list[Located],
                         cue_start: int, cue_end: int) -> Located | None:
    """"Tang co-founded the company with Zhu", "co-founded Orion with Zhu": the company between
    "founded" and "with" (Zhu is a co-founder of it)."""
    if not context.text[cue_start:cue_end].lower().endswith("with"):
        return None
    inside = [m for m in orgs if cue_start <= m.start and m.end <= cue_end]
    if inside:
        return inside[0]
    if P.COMPANY_ANAPHOR.search(context.text, cue_start, cue_end):
        company = context.referred_company(sentence)
        return Located(cue_start, cue_start, company) if company is not None else None
    return None


def _title_holder(context: ArticleContext, sentence: Sentence, person: Located,
                  start: int, end: int) -> EntityRef | str | None:
    """Whose title it is when no company mention stands next to it."""
    based = _OF_BASED.match(context.text, end)
    if based:  # "CEO of Toledo, Ohio-based Meridian": the company follows the place
        after = context.mentions_in(based.end(), min(sentence.end, based.end() + 60), ORG_LABELS)
        return after[0].entity if after and after[0].start == based.end() else None
    named = _NAMED_AFTER_TITLE.match(context.text, end)
    if named and not context.mentions_in(end, named.end(), PERSON_LABELS | ORG_LABELS) \
            and named["name"].lower() not in ("the", "its", "his", "her"):
        return named["name"].rstrip(".")  # "CEO of Aggregate Knowledge"
    of_what = _OF_AFTER_TITLE.match(context.text, end)
    if of_what:
        if P.COMPANY_ANAPHOR.match(context.text, of_what.end()):
            return context.referred_company(sentence)  # "founder of the company"
        phrase = _PHRASE_END.search(context.text, of_what.end(), sentence.end)
        inside = context.mentions_in(of_what.end(), phrase.start() if phrase else sentence.end,
                                     ORG_LABELS)
        # "CEO of New York-based RJR": the company closes the phrase; "ceo of international
        # animal rescue": a body the recognizer missed, so whose title it is stays unknown.
        return inside[0].entity if inside else None
    word = _WORD_BEFORE_TITLE.search(context.text, sentence.start, start)
    if word is not None and word["word"].lower() in _NOT_OWNER_WORDS:
        word = None
    if word is not None:
        owner = _org_named(context, word["word"])
        if owner is not None:
            return owner  # "Summit CEO Rob Friedman": the short form of Summit Entertainment
    # "X, the company's CEO": the anaphor after the name says whose.
    anaphor = P.COMPANY_ANAPHOR.search(context.text[person.end:start])
    if word is None and not anaphor and not context.mentions_in(sentence.start, min(start, person.start), ORG_LABELS):
        # "Chief Executive Y said customers, which include Foo, ...": a title no company precedes
        # is held at the company the story is about, not at the first one named after it
        return context.referred_company(sentence)
    subject = context.subject_before(sentence, start if anaphor else min(start, person.start),
                                     labels=ORG_LABELS)
    if subject is None or anaphor or word is None:
        return subject
    named_before = context.mentions_in(sentence.start, min(start, person.start), ORG_LABELS)
    named_after = context.mentions_in(max(end, person.end), sentence.end, ORG_LABELS)
    if not any(m.entity is subject for m in named_before) and any(
            m.entity is subject for m in named_after):
        return None  # "Summit CEO Y told the Times": the owner is the word before the title
    return subject


def _org_named(context: ArticleContext, word: str) -> EntityRef | None:
    """The one organization whose name opens with ``word``, if exactly one does."""
    owners = [e for e in context.annotated.entities if e.label in ORG_LABELS
              and any(n.split()[0] == word for n in (e.name, *e.aliases) if n.split())]
    return owners[0] if len(owners) == 1 else None


def _founding_date(context: ArticleContext, sentence: Sentence, cue_start: int, cue_end: int) -> TimeExpression | None:
    """The founding date the sentence states for the founding its cue at [cue_start, cue_end) tells
    of ("founded Orion in 2009"), not any date in it.

    "Its founder said on Tuesday" dates the saying, not the founding; in "X was founded in July
    2023 by Y, who also co-founded Z", July 2023 dates X's founding, not Z's.
    """
    for founded in P.FOUNDED_YEAR.finditer(sentence.text):
        if founded.start() <= cue_end and cue_start <= founded.end():
            return context.time_covering_year(sentence, founded["year"])
    opening = P.OPENING_YEAR_FOUNDING.match(sentence.text)
    if opening is not None and cue_start < opening.end() <= cue_end + 1:
        return context.time_covering_year(sentence, opening["year"])  # "In 2019 she left X to found Y"
    return None
