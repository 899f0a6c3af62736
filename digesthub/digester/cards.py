"""Entity cards: who or what matters in an article, described from the article.

One card per important entity (organizations, people, products; places only
when central), ranked by salience. The description is extractive: the 2-4
most informative sentences that name the entity, preferring definitional ones
("X, a Beijing-based startup, ...", "X is a ..."), short, not repeating each
other, in article order. Facts are those whose subject is the entity.
"""

from __future__ import annotations

import bisect
import re

from digesthub.analyze.facts.context import ArticleContext
from digesthub.analyze.facts.patterns import COMPILED_BY, SOURCE_KIND
from digesthub.digester.antecedent import name_opening_pronoun
from digesthub.digester.keypoints import opens_on_a_scene
from digesthub.digester.scoring import strip_dateline
from digesthub.digester.standalone import (
    CONTRAST_BREAK, clause_bounds, clause_holding, drop_connective, is_address, is_complete, is_lead_in, leans_back, mend_quotes,
    quotes_balanced,
)
from digesthub.types import AnnotatedArticle, Citation, EntityCard, EntityRef, Fact, NamedEntity, Sentence

_CARD_TYPES = {"ORG": "organization", "PERSON": "person", "PRODUCT": "product",
               "GPE": "place", "LOC": "place", "FAC": "place"}
_CORE_LABELS = frozenset({"ORG", "PERSON", "PRODUCT"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A place gets a card only when it is about as central as the top entity.
PLACE_SALIENCE_SHARE = 0.8
PLACE_RANK_FACTOR = 0.7
MAX_SENTENCES = 4
MIN_SENTENCES = 2
MIN_CLAUSE_WORDS = 6  # a clause cut from a shown sentence describes an entity only at this length
MAX_WORDS = 85
LONG_SENTENCE_WORDS = 45
DUPLICATE_OVERLAP = 0.6
WEAK_SCORE = 0.5
# A sentence another card already shows says little new here.
SHOWN_PENALTY = 1.0
INTRODUCTION_BONUS = 1.5  # above two facts: the sentence introducing the entity opens its card
# A leading label such as "Editor's note:" or "UPDATE:" is not part of the sentence.
_LEADING_LABEL = re.compile(
    r"^(?:editor'?s\s+note|update[d]?|breaking(?:\s+news)?|correction|pictured|watch|video|"
    r"exclusive|analysis|opinion)\s*:\s+", re.IGNORECASE)

_DEFINITIONAL = re.compile(
    r"^\s*(?:,\s*(?:a|an|the|one\s+of|which|who|whose|founded|based|headquartered|"
    r"incubated|backed|owned|known)\b|\s+(?:is|was|are|were)\s+(?:a|an|the|one\s+of)\b|"
    r"\s*\((?:[^)]{1,40})\)\s*,)", re.IGNORECASE)
_DEFINITION_BEFORE = re.compile(
    r"\b(?:[\w-]+-based|startup|start-up|company|firm|group|maker|developer|founder|"
    r"chief\s+executive|ceo|president|chairman|director|app|platform|model|chatbot)\s*$",
    re.IGNORECASE)
_DANGLING_START = re.compile(
    r"^\s*(?:[\"“'‘]|but\b|and\b|however\b|also\b|this\b|that\b|these\b|those\b|it\b|they\b|"
    r"he\b|she\b|its\b|their\b|his\b|her\b|meanwhile\b|still\b|yet\b)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_SOURCE_BEFORE = re.compile(rf"\b(?:told|interview\s+with|according\s+to|reported\s+by|quoted\s+by|"
                            rf"(?:seen|obtained|reviewed)\s+by|{COMPILED_BY})"
                            rf"\s+(?:the\s+)?{SOURCE_KIND}$", re.IGNORECASE)
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z'’.-]*[A-Z]\b[^\n()]{0,40}\($")  # "NAIROBI, Kenya ("


def card_type(label: str) -> str:
    """The card type of a spaCy entity label."""
    return _CARD_TYPES.get(label, "other")


def _card_entities(annotated: AnnotatedArticle) -> list[EntityRef]:
    """Entities worth a card, by salience: ORG/PERSON/PRODUCT, central places; not an
    organization the article only names as its source."""
    top = max((e.salience for e in annotated.entities), default=0.0)
    chosen = [e for e in annotated.entities
              if (e.label in _CORE_LABELS and not _only_a_source(annotated.article.text, e))
              or (e.label in _PLACE_LABELS and e.salience >= PLACE_SALIENCE_SHARE * top)]
    # A central place comes after the companies and people about as central: "China's best-known
    # maker", "a Hong Kong listing" set the scene of a story about the maker. On equal standing the
    # entity named first comes first (the lead names what the story is about).
    return sorted(chosen, key=lambda e: (-e.salience * (PLACE_RANK_FACTOR if e.label in _PLACE_LABELS else 1.0),
                                         min((m.start for m in e.mentions), default=0)))


def _only_a_source(text: str, entity: EntityRef) -> bool:
    """True for an organization named only as where the story comes from: the wire service of
    the dateline ("NAIROBI, Kenya (AP)"), the outlet someone spoke to ("he told The Associated
    Press", "in an interview with ..."), the source of a claim ("according to ...")."""
    if entity.label != "ORG" or not entity.mentions:
        return False
    return all(_SOURCE_BEFORE.search(text[max(0, m.start - 60):m.start])
               or (_DATELINE_BEFORE.search(text[max(0, m.start - 60):m.start]) and text[m.end:m.end + 1] == ")")
               for m in entity.mentions)


def _sentence_score(sentence: Sentence, starts: list[int], facts: int, *, introduces: bool = False) -> float:
    """How informative a sentence is about the entity whose mentions begin at ``starts``.

    ``introduces``: the sentence names the entity first in the article. The
    dateline a card leaves out ("HONG KONG, Oct 27 (Reuters) - ") counts for nothing.
    """
    body = strip_dateline(sentence.text)
    skipped = len(sentence.text) - len(body)
    words = len(_WORD.findall(body))
    first = max(0, min(starts) - sentence.start - skipped)
    after = body[first:]
    name_end = re.match(r"\S+(?:\s+[A-Z0-9][\w.-]*)*", after)
    tail = after[name_end.end():] if name_end else after
    score = 1.0 + 0.8 * facts
    if _DEFINITIONAL.match(tail) or _DEFINITION_BEFORE.search(body[:first]):
        score += 1.5
    if first < 40:
        score += 0.5  # the entity is what the sentence is about
        if introduces:
            score += INTRODUCTION_BONUS  # and the story introduces it there: "Foo Ltd said on Tuesday it had agreed to buy"
    if words > LONG_SENTENCE_WORDS:
        score -= 1.0
    if words < 6 or _DANGLING_START.match(sentence.text):
        score -= 1.0
    if not quotes_balanced(sentence.text) or not is_complete(sentence.text):
        score -= 1.0  # half a quotation or a fragment reads wrong out of its article
    if is_lead_in(sentence.text):
        score -= 2.0  # "X said in an editorial on Monday:" introduces, it describes nothing
    return score


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _is_duplicate(sentence: Sentence, chosen: list[Sentence]) -> bool:
    words = _tokens(sentence.text)
    for other in chosen:
        common = len(words & _tokens(other.text))
        if common >= DUPLICATE_OVERLAP * min(len(words), len(_tokens(other.text)) or 1):
            return True
    return False


def describe(context: ArticleContext, entity: EntityRef, facts: list[Fact],
             shown: set[int] | None = None, named: set[int] | None = None) -> list[Sentence]:
    """The 2-4 sentences (in article order) that best describe ``entity``.

    ``shown`` holds the indices of sentences that more salient cards already
    show: they come after the sentences no card has used yet. An entity named
    in one sentence only, which another card already shows, and with no
    facts of its own gets none: its card would repeat the other word for word.
    """
    shown = shown if shown is not None else set()
    named = named if named is not None else set()  # an opening "He" the card writes as the name
    by_sentence = _mention_sentences(context, entity)
    if opens_on_a_scene(context.annotated):  # "the office of Foo is quiet" describes no one
        by_sentence = {i: offsets for i, offsets in by_sentence.items()
                       if context.sentences[i].paragraph != 1} or by_sentence
    if len(by_sentence) == 1 and not facts:
        (only,) = by_sentence
        # Named once, in a sentence another card shows or that leans on the one before it
        # ("True, they can't give him ... Disney World"): a peripheral name, no card.
        if only in shown:
            return _own_clause(context.sentences[only], by_sentence[only])
        if _leans(context.sentences[only].text) and only not in named:
            return []
    scored = []
    for index, offsets in by_sentence.items():
        sentence = context.sentences[index]
        stated = sum(1 for f in facts if f.text == sentence.text)
        # Earlier sentences introduce; a small position bonus breaks ties.
        position = index / max(len(context.sentences), 1)
        score = _sentence_score(sentence, offsets, stated, introduces=index == min(by_sentence)) \
            - 0.3 * position + (1.0 if index in named else 0.0)
        # Shown sentences come last but are not weaker for it (the weak bar takes ``score``).
        scored.append((score - (SHOWN_PENALTY if index in shown else 0.0), index, score))
    starts = [sentence.start for sentence in context.sentences]
    chosen: list[Sentence] = []
    words = 0
    for _, index, score in sorted(scored, reverse=True):
        sentence = context.sentences[index]
        length = len(_WORD.findall(sentence.text))
        if chosen and (score <= WEAK_SCORE or words + length > MAX_WORDS * (
                1.0 if len(chosen) >= MIN_SENTENCES else 1.3)):
            continue  # a weak or overlong sentence only when nothing else describes it
        if _is_duplicate(sentence, chosen):
            continue
        chosen.append(sentence)
        words += length
        if len(chosen) == MAX_SENTENCES:
            break
    chosen.sort(key=lambda s: s.start)
    # A description does not open on a sentence that leans on one the card leaves out.
    if len(chosen) > MIN_SENTENCES and _leans(chosen[0].text) and starts.index(chosen[0].start) not in named:
        chosen = chosen[1:]
    return chosen


def _own_clause(sentence: Sentence, offsets: list[int]) -> list[Sentence]:
    """The clause naming the entity, cut from a sentence another card shows whole ("..., while
    battery giant Foo said it would ..."): a description of its own; none when there is no clean
    cut or the clause leans on the rest of the sentence."""
    bounds = clause_bounds(sentence.text, min(offsets) - sentence.start, MIN_CLAUSE_WORDS, CONTRAST_BREAK)
    if bounds is None or bounds == (0, len(sentence.text)):
        return []
    clause = clause_holding(sentence.text, min(offsets) - sentence.start, MIN_CLAUSE_WORDS, CONTRAST_BREAK)
    if clause is None or leans_back(clause) or not is_complete(clause):
        return []
    return [Sentence(sentence.start + bounds[0], sentence.start + bounds[1], clause, sentence.paragraph)]


def _leans(text: str) -> bool:
    return leans_back(drop_connective(text))


def _mention_sentences(context: ArticleContext, entity: EntityRef) -> dict[int, list[int]]:
    """Index of each sentence naming ``entity`` -> the offsets of its mentions there."""
    by_sentence: dict[int, list[int]] = {}
    starts = [sentence.start for sentence in context.sentences]
    for mention in context.mentions:
        if mention.entity is entity:
            index = bisect.bisect_right(starts, mention.start) - 1
            # A web address that spells the name ("/news/3-Shot-in-Factory.html") and a lead-in
            # ("The Times said in an editorial on Monday:") describe nothing.
            text = context.sentences[index].text if index >= 0 else ""
            if index >= 0 and mention.start < context.sentences[index].end and \
                    not is_address(text) and not is_lead_in(text):
                by_sentence.setdefault(index, []).append(mention.start)
    return by_sentence


def _description_text(annotated: AnnotatedArticle, positions: dict[tuple[int, int], int],
                      sentence: Sentence) -> str:
    """A description sentence as a card shows it: no leading label or connective ("But"), an
    opening "She" written as the person it plainly stands for, a cut quotation's mark put back."""
    original = strip_dateline(sentence.text.strip())  # "BEIJING, May 21 (Reuters) - " is no description
    text = _LEADING_LABEL.sub("", original)
    position = positions.get((sentence.start, sentence.end))
    if position is not None and text == original:
        text = name_opening_pronoun(annotated, position, text)
    return mend_quotes(drop_connective(text))


def build_cards(annotated: AnnotatedArticle, *, limit: int = 12) -> list[EntityCard]:
    """One card per important entity, most salient first (at most ``limit``)."""
    context = ArticleContext(annotated)
    index_of = {(s.start, s.end): i for i, s in enumerate(context.sentences)}
    positions = {(s.start, s.end): i for i, s in enumerate(annotated.sentences)}
    named = {i for i, s in enumerate(context.sentences) if (s.start, s.end) in positions
             and name_opening_pronoun(annotated, positions[(s.start, s.end)], s.text) != s.text}
    shown: set[int] = set()
    cards = []
    for entity in _card_entities(annotated):
        if len(cards) == limit:
            break  # the limit counts cards made: an entity with nothing of its own to show takes no place
        names = {entity.name, *entity.aliases}
        # A person's card also shows the roles stated about them (CEO of X).
        facts = [f for f in annotated.facts if f.subject in names
                 or (entity.label == "PERSON" and f.value in names)]
        sentences = describe(context, entity, facts, shown, named)
        if not sentences:
            continue
        shown.update(index_of[(s.start, s.end)] for s in sentences if (s.start, s.end) in index_of)
        citations = sorted({s.paragraph for s in sentences})
        cards.append(EntityCard(
            name=entity.name,
            type=card_type(entity.label),  # type: ignore[arg-type]
            aliases=[a for a in entity.aliases if a != entity.name],
            description=" ".join(_description_text(annotated, positions, s) for s in sentences),
            facts=facts,
            salience=entity.salience,
            label=entity.label,
            citations=[Citation(number, annotated.article.id) for number in citations],
        ))
    return cards


def mentioned_entities(annotated: AnnotatedArticle, cards: list[EntityCard]) -> list[NamedEntity]:
    """The companies, people and products the article names that have no card, most salient first:
    a digest lists them, and the corpus indexes every article that names them ("Tencent" named once
    in a list of investors is still a Tencent article). Sources only cited are left out."""
    carded = {card.name for card in cards}
    starts = [sentence.start for sentence in annotated.sentences]  # in reading order
    found = []
    for entity in annotated.entities:
        if entity.name in carded or entity.label not in _CORE_LABELS or not entity.mentions \
                or _only_a_source(annotated.article.text, entity):
            continue
        first = min(entity.mentions, key=lambda m: m.start)
        index = bisect.bisect_right(starts, first.start) - 1
        sentence = annotated.sentences[index] if index >= 0 and first.start < annotated.sentences[index].end else None
        paragraphs = sorted({m.paragraph for m in entity.mentions if m.paragraph is not None})
        found.append(NamedEntity(entity.name, entity.label, [a for a in entity.aliases if a != entity.name],
                                 paragraphs, strip_dateline(sentence.text) if sentence else "", entity.salience))
    return sorted(found, key=lambda named: -named.salience)
