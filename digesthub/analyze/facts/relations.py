"""Relation facts of one sentence: founding year, founder, CEO, investors and
launches (headquarters: :mod:`places`), read from cue phrases next to entity mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digesthub.analyze.entities.patterns import GENERIC_WORDS
from digesthub.analyze.facts import patterns as P
from digesthub.analyze.facts.context import (
    ORG_LABELS, PERSON_LABELS, SUBJECT_LABELS, ArticleContext, Located,
)
from digesthub.types import EntityRef, Fact, Sentence

_INVESTOR_LABELS = frozenset({"ORG", "PERSON"})
_PRODUCT_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "ORG"})
_BLOCKED_PRODUCT_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_NOT_A_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})
# "who founded the company": the company named before, not the next name in the sentence.
_FOUNDED_ANAPHOR = re.compile(r"\s*(?:the|this|that)\s+(?:company|firm|business|startup|"
                              r"start-up|brand|chain|group|site|app)\b", re.IGNORECASE)
# ", and" after an object with no name in it ends the clause: a list of products names each one.
_AND_JOINT = re.compile(r",\s+and\b")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w.]*")
_CLAUSE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|;|,\s+(?:which|who|while|but|and\s+(?:the|it|its))\b")  # not the point of "2.0"
# The end of an investor list: a clause end, or a comma before a lower-case word that is no list
# joint ("led by A, B and C, valued the company at ...", "..., people familiar with the matter said").
# A dot inside a sentence is an abbreviation's ("Alibaba Group Holding Ltd. that valued it"), no end.
_LIST_END = re.compile(r";|\s(?:that|which|who)\s|,\s+(?:which|who|while|but|and\s+(?:the|it|its))\b|"
                       r",\s+(?!(?:and|or|as|including|with|plus|alongside|among)\b)[a-z]")
# "founded by Sogou founder Wang Xiaochuan in April 2023": a company named after "by" is the
# founder's, not the one founded.
_BY_FOUNDER = re.compile(r"^\s*(?:by|with)\b", re.IGNORECASE)
# "formed a joint venture with Horizon in 2023": a name after "with" is a partner, not what was founded.
_PARTNER_BEFORE = re.compile(r"\b(?:with|alongside|together\s+with)\s+$", re.IGNORECASE)
# "started building a plant in 2024", "set up a factory in Hungary in 2023", "established an office in
# 2019": what the verb founded (or began) is named after it, and no company of the story is.
_OTHER_FOUNDING = re.compile(r"^\s*(?:[a-z]+ing\b|to\s|(?:a|an|its|their|two|three|several|new)\s+(?!company|firm|"
                             r"business|startup|start-up)[a-z])", re.IGNORECASE)
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}")
# A launch verb followed by its object, not by a time or place ("launched in May").
_PRODUCT_INTRO = re.compile(r"\s+(?!\s|in\b|on\b|at\b|last\b|this\b|earlier\b|by\b)", re.IGNORECASE)
# What may stand between a launch verb and a quoted product name: "unveiled the 'Powerpack'".
_PRODUCT_LEAD = re.compile(
    r"^\s*(?:(?:its|their|his|her|a|an|the|new|first)\s+){0,2}(?:[a-z]+ed\s+)?$", re.IGNORECASE)
# "its AI assistant Doubao": a name after a product noun is a product, whatever its label.
_PRODUCT_NOUN = re.compile(
    r"^\s*(?:(?:its|their|his|her|a|an|the|new|first)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:assistant|app|application|chatbot|bot|model|platform|service|tool|device|phone|"
    r"game|feature|product|brand|software|system|chip|car|vehicle|drug|engine)\s+$", re.IGNORECASE)
_LAUNCHER_PRONOUN = re.compile(r"\b(?:we|it|they)\b(?:\s+[\w']+){0,3}\s*$", re.IGNORECASE)
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them|one)\b", re.IGNORECASE)
# "a 'revolutionary' $3,000 battery": a quoted word before an amount is praise, not a name.
_AMOUNT_NEXT = re.compile(r"\s*(?:[$£€¥]|\d)")
_TOKEN_TAIL = re.compile(r"(?:[-.][A-Za-z0-9]+)+")
_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


@dataclass
class InvestorSpans:
    """Investors named in a sentence, and where (to keep them out of subjects)."""

    names: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    cue: int = -1

    def add(self, mentions: list[Located], *, first: bool = False) -> None:
        """Add the investors ``mentions`` name, in text order, each name once (``first``: before
        those already found, as names opening the sentence come before a later cue's list)."""
        self.spans.extend((m.start, m.end) for m in mentions)
        new = [n for n in dict.fromkeys(m.entity.name for m in mentions) if n not in self.names]
        self.names = new + self.names if first else self.names + new


def _fact(kind: str, subject: EntityRef, sentence: Sentence, **fields: object) -> Fact:
    return Fact(kind, subject.name, sentence.text, sentence.paragraph, **fields)  # type: ignore[arg-type]


def _adjacent(mentions: list[Located], text: str, start: int, end: int,
              before: re.Pattern[str], after: re.Pattern[str]) -> Located | None:
    """A mention right before [start, end) or right after it, by the gap allowed."""
    for mention in reversed([m for m in mentions if m.end <= start]):
        if before.match(text[mention.end:start]):
            return mention
        break
    for mention in [m for m in mentions if m.start >= end][:1]:
        if after.match(text[end:mention.start]):
            return mention
    return None


_POSSESSIVE_GAP = re.compile(r"^(?:'s|’s)\s+$")
# "Foo's chairman", "Foo's former chief executive": a title held at Foo, before the holder's name.
_OWNER_OF_TITLE = re.compile(r"(?:'s|’s)\s+(?:[a-z-]+\s+){1,3}(?-i:[A-Z])")


def investor_spans(context: ArticleContext, sentence: Sentence) -> InvestorSpans:
    """The investors of a sentence: ORG/PERSON mentions after "led by", "backed by", ..."""
    found = InvestorSpans()
    for cue in P.INVESTOR_LEAD.finditer(sentence.text):
        if P.LED_BY.match(cue[0]) and (not P.FUNDING_CONTEXT.search(sentence.text) or (
                P.TAKEOVER_BID.search(sentence.text) and not P.ROUND_WORDS.search(sentence.text))):
            continue  # "a group led by X ... to buy 50% of Y": bidders, not a round's investors
        start = sentence.start + cue.end()
        tail = _LIST_END.search(sentence.text, cue.end())
        end = sentence.start + (tail.start() if tail else len(sentence.text))
        mentions = context.mentions_in(start, end, _INVESTOR_LABELS)
        for mention, following in zip(mentions, [*mentions[1:], None]):
            if _OWNER_OF_TITLE.match(context.text, mention.end, end) and context.mentions_in(
                    mention.end, min(end, mention.end + 50), PERSON_LABELS):
                continue  # "with Xpeng's chairman He Xiaopeng investing": the chairman invests
            if following is not None and _POSSESSIVE_GAP.match(context.text[mention.end:following.start]):
                continue  # "backed by Warren Buffett's Berkshire Hathaway": the company invests
            found.spans.append((mention.start, mention.end))
            if mention.entity.name not in found.names:
                found.names.append(mention.entity.name)
        found.cue = sentence.start + cue.start() if found.cue < 0 else found.cue
    _took_part(context, sentence, found)
    _counted_among(context, sentence, found)
    for backed in re.finditer(r"-backed\b", sentence.text):
        at = sentence.start + backed.start()
        after = sentence.start + backed.end()
        company_next = P.BACKED_COMPANY.match(sentence.text, backed.start()) or any(
            m.start - after < 25 for m in context.mentions_in(after, sentence.end, ORG_LABELS))
        if not company_next:
            continue  # "kremlin-backed blackmail": no company was backed
        for mention in context.mentions_in(sentence.start, at, _INVESTOR_LABELS)[-1:]:
            if mention.end == at:
                found.spans.append((mention.start, mention.end))
                found.names.append(mention.entity.name)
                found.cue = at if found.cue < 0 else found.cue
    return found


# "Shanghai State-owned Capital Investment and Fortune Capital took part, along with ...": the names
# that open the sentence are the round's investors (a round the sentence or the one before speaks of).
_TOOK_PART = re.compile(r"^(?P<names>[^.;:]{3,200}?)\s+(?:also\s+)?(?:took\s+part|participated|joined\s+"
                        r"(?:the|this)\s+(?:round|financing|fundraising))\b", re.IGNORECASE)


def _took_part(context: ArticleContext, sentence: Sentence, found: InvestorSpans) -> None:
    """Add to ``found`` the investors opening a "X and Y took part" sentence about a funding round."""
    match = _TOOK_PART.match(sentence.text)
    position = context.position(sentence)
    if match is None or position is None:
        return
    before = context.sentences[position - 1] if position > 0 else None
    round_text = sentence.text + (" " + before.text if before and before.paragraph == sentence.paragraph else "")
    if not P.ROUND_WORDS.search(round_text):
        return  # "Tencent and Alibaba took part in the talks"
    mentions = context.mentions_in(sentence.start, sentence.start + match.end("names"), _INVESTOR_LABELS)
    found.add(mentions, first=True)
    if mentions:
        found.cue = sentence.start


_COUNTS_AMONG = re.compile(r"\bcount(?:s|ed|ing)?\s+(?P<names>[^.;]{2,120}?)\s+among\s+(?:its|their)\s+"
                          r"(?:backers|investors|shareholders)\b", re.IGNORECASE)


def _counted_among(context: ArticleContext, sentence: Sentence, found: InvestorSpans) -> None:
    """Add to ``found`` the names of "(which) counts Nvidia and Nissan among its backers"."""
    match = _COUNTS_AMONG.search(sentence.text)
    if match is None:
        return
    mentions = context.mentions_in(sentence.start + match.start("names"), sentence.start + match.end("names"),
                                   _INVESTOR_LABELS)
    found.add(mentions)
    if mentions and found.cue < 0:
        found.cue = sentence.start + match.start()


def investor_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """One "investors" fact per sentence that names who invested in a company."""
    investors = investor_spans(context, sentence)
    if not investors.names:
        return []
    subject = context.subject_before(sentence, investors.cue, labels=ORG_LABELS,
                                     exclude=investors.spans)
    if subject is None or subject.name in investors.names:
        return []
    return [_fact("investors", subject, sentence, value=", ".join(investors.names),
                  details={"investors": ", ".join(investors.names)})]


def founded_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """"founded in 2019", "established in March 2015": the founding year."""
    facts = []
    for match in P.FOUNDED_YEAR.finditer(sentence.text):
        cue_at = sentence.start + match.start()
        # "founded by X", "spun out of X": X founded it or is its parent, not the company founded
        gap_orgs = [] if _BY_FOUNDER.match(match["gap"]) or match[0].lower().startswith("spun") else [
            m for m in context.mentions_in(sentence.start + match.start("gap"), sentence.start + match.end("gap"),
                                           ORG_LABELS)
            if not _PARTNER_BEFORE.search(context.text, sentence.start + match.start("gap"), m.start)]
        opening = context.participle_subject(sentence) if match.start() == 0 else None
        if opening is not None:
            subject = opening.entity  # "Founded in 2015 by Zhu ..., Leapmotor listed"
        elif gap_orgs:
            subject = gap_orgs[0].entity
        elif _OTHER_FOUNDING.match(match["gap"]):
            continue  # "started building a plant in Szeged in October 2024": no founding of a company
        elif match[0].lower().startswith("was") and _person_born(context, sentence, cue_at):
            continue  # "Zhou was born in 1986": a person's birth, not a company's
        elif _FOUNDED_ANAPHOR.match(match["gap"]):  # "who founded the company in 2009"
            subject = context.salient_before(sentence, ORG_LABELS) or context.top_entity(
                ORG_LABELS)
        else:
            subject = context.subject_before(sentence, cue_at, labels=ORG_LABELS)
        if subject is None:
            continue
        year = match["year"]
        facts.append(_fact("founded", subject, sentence, value=year,
                           date=context.time_covering_year(sentence, year),
                           details={"span": match[0]}))
    return facts or _opening_year_founding(context, sentence)


def _person_born(context: ArticleContext, sentence: Sentence, cue_at: int) -> bool:
    """A person or "he"/"she" is what "was born" tells of: named (or the pronoun) before the cue."""
    if context.mentions_in(sentence.start, cue_at, PERSON_LABELS):
        return True
    return bool(re.search(r"\b(?:he|she)\b", context.text[sentence.start:cue_at], re.I))


def _opening_year_founding(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """"In 2019 she left Alibaba to found Lanhai": the company right after the verb, founded that year
    ("... to found the company": the company the sentences before are about)."""
    match = P.OPENING_YEAR_FOUNDING.match(sentence.text)
    if match is None:
        return []
    verb_end = sentence.start + match.end()
    year = match["year"]
    date = context.time_covering_year(sentence, year)
    if _FOUNDED_ANAPHOR.match(context.text, verb_end - 1):
        # "In 2019 she left Alibaba to found the company": the company the sentences before speak of
        meant = context.previous_subject(sentence) or context.salient_before(sentence, ORG_LABELS)
        return [] if meant is None else [_fact("founded", meant, sentence, value=year, date=date,
                                                details={"span": match[0]})]
    company = next((m for m in context.mentions_in(verb_end, sentence.end, ORG_LABELS)), None)
    if company is None or company.start - verb_end > P.FOUNDED_OBJECT_WINDOW \
            or P.CLAUSE_IN_GAP.search(context.text, verb_end, company.start):
        return []
    return [_fact("founded", company.entity, sentence, value=year, date=date,
                  details={"span": context.text[sentence.start:company.end]})]


def _named_product(context: ArticleContext, at: int, window: int) -> re.Match[str] | None:
    """A name the text marks as one after a launch verb: "called Layout", "the 'Powerpack'"."""
    named = P.CALLED.search(context.text, at, window)
    quoted = P.QUOTED.search(context.text, at, window)
    if quoted and _PRODUCT_LEAD.match(context.text[at:quoted.start()]) \
            and not _AMOUNT_NEXT.match(context.text, quoted.end()):
        named = min((m for m in (named, quoted) if m), key=lambda m: m.start())
    return named if named and named.start() - at < 40 else None


def _product_after(context: ArticleContext, sentence: Sentence, at: int) -> tuple[str, int] | None:
    """The product named right after a launch verb: an entity, else a capitalized name."""
    if _PRONOUN_OBJECT.match(context.text, at):
        return None  # "since he launched it": what "it" is was said before
    tail = _CLAUSE_END.search(context.text, at, sentence.end)
    end = tail.start() if tail else sentence.end
    joint = _AND_JOINT.search(context.text, at, end)
    if joint and not any(not (_MONTHS.match(word[0]) or P.WEEKDAY.match(word[0]))
                         for word in _CAPITAL_WORD.finditer(context.text, at, joint.start())):
        end = joint.start()  # "unveiled a similar robot in March, and Foo raised ...": a new clause
    window = min(end, at + 70)
    named = _named_product(context, at, window)
    # A marked name comes first; a mention after it is what the product does or where.
    before_named = named.start() if named else window
    for mention in context.mentions_in(at, before_named, _PRODUCT_LABELS | _BLOCKED_PRODUCT_LABELS):
        if context.text[mention.end:mention.end + 2] in ("'s", "’s"):
            continue  # "China's first model": the owner of what follows
        if mention.entity.label in _BLOCKED_PRODUCT_LABELS and not _PRODUCT_NOUN.match(
                context.text[at:mention.start]):
            return None  # "launched in China", "released by Smith"
        tail = _TOKEN_TAIL.match(context.text, mention.end)
        # "DeepSeek-V3": the product is the whole hyphenated name, not its maker.
        name = context.text[mention.start:tail.end()] if tail else mention.entity.name
        return name, mention.start
    if named:
        return named["name"].strip(), named.start("name")
    if not _PRODUCT_INTRO.match(context.text, at):
        return None
    if _title_case(sentence.text):
        return None  # a headline capitalizes every word: a capital is no sign of a name
    others = context.mentions_in(at, window, _NOT_A_NAME_LABELS)
    for capital in _CAPITAL_RUN.finditer(context.text, at, window):
        if any(m.start < capital.end() and capital.start() < m.end for m in others):
            continue  # "the Chinese AI platform Glow": skip the adjective
        if not (_MONTHS.match(capital.group()) or P.WEEKDAY.match(capital.group())):
            return capital.group(), capital.start()
        break
    return None


def _person_launches(context: ArticleContext, sentence: Sentence, verb_at: int) -> bool:
    """Whether a person named right before the verb, and no company before, launches."""
    people = context.mentions_in(sentence.start, verb_at, PERSON_LABELS)
    if not people or not P.PERSON_THEN_VERB.match(context.text[people[-1].end:verb_at]):
        return False
    return not context.mentions_in(sentence.start, people[-1].start, ORG_LABELS)


def _not_a_product(name: str) -> bool:
    """A quoted phrase ("pending further enquiries,"), a word for what is no product, or a kind of
    thing written short ("its first large language model (LLM)": "LLM" names no product)."""
    return "," in name or not name.strip() or bool(P.NOT_LAUNCHED.search(name.split()[-1])) \
        or name.strip().lower() in GENERIC_WORDS


def _is_time(context: ArticleContext, at: int) -> bool:
    """Whether a time expression covers position ``at``."""
    return any(t.start <= at < t.end for t in context.times)


def _title_case(text: str) -> bool:
    """Whether ``text`` is a headline: most of its longer words capitalized."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# Between a product's name and its passive launch verb: "Doubao, launched", "R1 reasoning model, released",
# "Foo, which was unveiled".
_COMMA_BEFORE = re.compile(r",\s*$")
_NO_OBJECT = re.compile(r"\s+(?:in|on|at|by|last|earlier|this|early|late|only|just)\b", re.I)
_PRODUCT_THEN_PASSIVE = re.compile(r"^(?:\s+[a-z][\w-]*){0,3}\s*,?\s*(?:(?:which|that)\s+)?(?:was|were|is|being)?\s*$")


def launch_facts(context: ArticleContext, sentence: Sentence) -> list[Fact]:
    """"X launched/unveiled/released Y (in May 2024)": a product launch and its date."""
    facts = []
    for match in list(P.LAUNCH.finditer(sentence.text)) + list(P.LAUNCH_OF.finditer(sentence.text)):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        passive = P.PASSIVE_BEFORE.search(context.text, sentence.start, start) or (
            # an apposition's participle with no object: "Its R1 model, released in January, topped ..."
            _COMMA_BEFORE.search(context.text, sentence.start, start) and _NO_OBJECT.match(context.text, end))
        product = None if passive else _product_after(context, sentence, end)
        if product is not None and (_not_a_product(product[0])
                                    or P.NOT_LAUNCHED.search(context.text[end:product[1]])
                                    or P.PARTNER_PREPOSITION.search(context.text[end:product[1]])):
            continue  # "released an update, MS08-078": what is released is no product
        if product is not None and (_is_time(context, product[1])
                                    or P.AMOUNT_OBJECT.search(context.text[end:product[1]])):
            continue  # "released Wednesday morning", "released $200,000 from its fund"
        if _person_launches(context, sentence, start):
            continue  # "Jay Z also debuted a song": a person's work, no company's product
        owner_at = start
        if product is None:  # passive: "Doubao, launched in May 2024"
            before = [m for m in context.mentions_in(sentence.start, start, _PRODUCT_LABELS)
                      if _PRODUCT_THEN_PASSIVE.match(context.text[m.end:start])]
            if not before or context.time_near(sentence, end) is None or \
                    _PRODUCT_INTRO.match(context.text, end):
                continue
            product, owner_at = (before[-1].entity.name, before[-1].start), before[-1].start
        subject = context.subject_before(sentence, owner_at, labels=ORG_LABELS)
        if subject is not None and not context.mentions_in(sentence.start, owner_at, ORG_LABELS) \
                and any(m.entity is subject
                        for m in context.mentions_in(owner_at, sentence.end, ORG_LABELS)):
            # "we introduced a system called Vue that has cups": a company named only after
            # the launch is what the product does or has, not who launched it; the launcher
            # is the company a pronoun points back to, or unknown ("Mozilla released ...").
            pronoun = _LAUNCHER_PRONOUN.search(context.text, sentence.start, owner_at)
            subject = context.salient_before(sentence, ORG_LABELS) if pronoun else None
        if subject is None or subject.name == product[0]:
            continue
        facts.append(_fact("launch", subject, sentence, value=product[0],
                           date=context.time_near(sentence, end), details={"span": match[0]}))
    return facts
