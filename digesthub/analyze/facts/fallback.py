"""Entities for text the entity layer leaves empty (lower-cased corpora).

The entity layer trusts capitalization and so finds nothing in lower-cased
text (CNN/DailyMail as released). Facts still need subjects there, so for such
an article the plain spaCy entities are grouped by their lower-cased text.
They are rougher than the entity layer's, which is why they are used only
when it found nothing in text without capitals.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from digesthub.analyze.nlp import parse
from digesthub.types import AnnotatedArticle, Article, EntityRef, Mention

_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"})


_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|from|to|at|of|across|into|throughout|near|outside|inside|around|across|"
    r"visit(?:ed|ing)?)\s+(?:the\s+)?$")


def _after_preposition(text: str, start: int) -> bool:
    """Whether the word before ``start`` is one that places usually follow."""
    return bool(_PLACE_PREPOSITION.search(text[max(0, start - 20):start]))


def needs_fallback(annotated: AnnotatedArticle) -> bool:
    """Whether the article is lower-cased text in which no entity was found."""
    text = annotated.article.text
    return not annotated.entities and bool(text.strip()) and text == text.lower()


# Words the tagger marks as proper nouns in lower-cased text that never name a company.
_NOT_A_NAME = re.compile(
    r"^(?:ceo|chief|founder|co-founder|president|chairman|director|mr|mrs|ms|dr|sir|lord|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|cnn|daily|mail|online|scroll|video|pictured|today|yesterday|tomorrow|"
    r"day|week|month|year|last|next|this|\W.*|.*\d.*)$")


def _name_tokens(doc: Doc) -> list[Span]:
    """Single proper-noun tokens the recognizer left out: "tesla also unveiled".

    In lower-cased text spaCy's tagger still marks most company names as
    proper nouns though its recognizer misses them; a lone one (not part of a
    longer proper-noun run, which is more often a person) is taken as a name.
    """
    taken = {t.i for ent in doc.ents for t in ent}
    spans = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or _NOT_A_NAME.match(token.text):
            continue
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and not _NOT_A_NAME.match(n.text) for n in neighbours):
            continue
        if len(token.text) >= 3:
            spans.append(Span(doc, token.i, token.i + 1, label="ORG"))
    return spans


# Last words of a company's name: a proper-noun run ending so is a company, not a person.
_COMPANY_HEAD = re.compile(
    r"^(?:inc|corp|co|ltd|llc|plc|ag|sa|group|holdings|technologies|technology|tech|systems|"
    r"labs?|robotics|software|media|networks?|communications|capital|ventures|partners|bank|"
    r"motors|airlines?|airways|foods|pharma(?:ceuticals)?|therapeutics|energy|games|studios?|"
    r"entertainment|electronics|industries|solutions|ai|analytics|health|financial|insurance)$")
# Verbs whose bare subject in a business sentence is a company: "instagram launched ...".
_BUSINESS_VERB = re.compile(
    r"^(?:rais|secur|launch|unveil|releas|introduc|roll|debut|valu|report|employ|post|"
    r"acquir|announc|close|found|co-found|has|have|boast|claim|generat|earn|count)")


def _company_runs(doc: Doc) -> list[Span]:
    """Proper-noun runs ending in a company word the recognizer left out: "brightline robotics"."""
    taken = {t.i for ent in doc.ents for t in ent}
    spans, start = [], None
    for token in [*doc, None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in taken:
            start = token.i if start is None else start
            continue
        end = token.i if token is not None else len(doc)
        if start is not None and end - start >= 2 and _COMPANY_HEAD.match(doc[end - 1].text):
            spans.append(Span(doc, start, end, label="ORG"))
        start = None
    return spans


def _bare_subjects(doc: Doc, known: set[int]) -> list[Span]:
    """The bare subject of a business verb: "orbital has 12 million users".

    Without capitals a company name is often tagged a common noun; a subject
    with no article, no possessor and no plural ending is far more often a
    name than not when the verb is one that companies do.
    """
    spans = []
    for token in doc:
        verb = token.head
        if token.dep_ != "nsubj" or token.i in known or not _BUSINESS_VERB.match(verb.text):
            continue
        plural = token.tag_ in ("NNS", "NNPS") and not _COMPANY_HEAD.match(token.text)
        if token.pos_ not in ("PROPN", "NOUN", "ADJ") or plural or token.is_stop or _NOT_A_NAME.match(token.text):
            continue
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in token.children):
            continue
        compounds = {c.i for c in token.children if c.dep_ == "compound"}
        left = token.i  # the name's own words: compounds right before it, no time words
        while left - 1 in compounds and not _NOT_A_NAME.match(doc[left - 1].text):
            left -= 1
        words = doc[left:token.i + 1]
        if any(i in known for i in range(left, token.i)):
            continue
        if len(words) > 1 and all(w.pos_ == "PROPN" for w in words) \
                and not _COMPANY_HEAD.match(token.text):
            continue  # "elon musk": a run of proper nouns alone is more often a person
        spans.append(Span(doc, left, token.i + 1, label="ORG"))
    return spans


_LAUNCH_VERB = re.compile(r"^(?:launch|unveil|releas|introduc|debut|roll)")
_PRODUCT_HEAD = re.compile(
    r"^(?:app|application|phone|smartphone|watch|smartwatch|tablet|device|gadget|service|"
    r"feature|model|car|game|console|platform|tool|camera|headset|drone|robot|chip|browser|"
    r"software|system|assistant|chatbot|speaker|laptop|computer|vehicle|drug|card)s?$")
_PLAIN_MODIFIER = re.compile(r"^(?:new|first|latest|own|next|second|third|cheap|free|premium|"
                             r"standalone|mobile|online|smart|digital|major|\W+)$")


def _launched_objects(doc: Doc) -> list[Token]:
    """What launch verbs launch: their objects, and the noun a participle modifies
    ("google wallet , launched in 2011")."""
    heads = []
    for verb in doc:
        if not _LAUNCH_VERB.match(verb.text):
            continue
        heads += [c for c in verb.children if c.dep_ == "dobj"]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            heads.append(verb.head)
    return heads


def _launched_products(doc: Doc, known: set[int], orgs: set[int]) -> list[Span]:
    """A launched thing with a name: "its pulse smartwatch", "youtube music key".

    The name is either a distinctive modifier of a product noun or a company's
    own name in front of the noun (a company names products after itself).
    """
    spans = []
    for head in _launched_objects(doc):
        compounds = {c.i for c in head.children if c.dep_ == "compound"}
        left = head.i
        while left - 1 in compounds:
            left -= 1
        if left < head.i and left in orgs and not any(i in known for i in range(left + 1, head.i + 1)):
            spans.append(Span(doc, left, head.i + 1, label="PRODUCT"))
            continue
        if not _PRODUCT_HEAD.match(head.text):
            continue
        modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        named = [c for c in modifiers if not _PLAIN_MODIFIER.match(c.text) and not c.is_stop]
        if not named or any(i in known for i in range(named[0].i, head.i + 1)):
            continue
        spans.append(Span(doc, named[0].i, head.i + 1, label="PRODUCT"))
    return spans


def _based_places(doc: Doc, known: set[int]) -> list[Span]:
    """The word before "-based" is a place: "the california-based company"."""
    spans = []
    for token in doc[2:]:
        hyphen, place = doc[token.i - 1], doc[token.i - 2]
        if token.text == "based" and hyphen.text == "-" and place.i not in known \
                and place.is_alpha and not place.is_stop:
            spans.append(Span(doc, place.i, place.i + 1, label="GPE"))
    return spans


def _merge_surnames(grouped: dict[str, EntityRef]) -> None:
    """Fold a one-word name into the one person whose surname it is ("zaslav")."""
    people = [e for e in grouped.values() if e.label == "PERSON" and " " in e.name]
    for name, entity in list(grouped.items()):
        if " " in name or entity.label not in ("PERSON", "ORG"):
            continue
        owners = [p for p in people if p.name.split()[-1] == name]  # a surname, not a first word
        if len(owners) == 1:
            owners[0].mentions.extend(
                dataclasses.replace(m, label="PERSON") for m in entity.mentions)
            owners[0].mentions.sort(key=lambda m: m.start)
            del grouped[name]


def _group(article: Article, spans: list[Span]) -> dict[str, EntityRef]:
    """One EntityRef per distinct lower-cased name, labelled by its most frequent label."""
    grouped: dict[str, EntityRef] = {}
    labels: dict[str, Counter[str]] = {}
    for ent in spans:
        if ent.label_ not in _LABELS:
            continue
        name = ent.text.strip(" '\"")
        entity = grouped.setdefault(name, EntityRef(name, ent.label_, [], []))
        labels.setdefault(name, Counter())[ent.label_] += 1
        entity.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                                       article.paragraph_at(ent.start_char)))
    for name, entity in grouped.items():
        # The tagger labels one lower-cased name differently from place to place.
        entity.label = labels[name].most_common(1)[0][0]
    for entity in grouped.values():
        if entity.label == "GPE" and not any(_after_preposition(article.text, m.start)
                                             or article.text.startswith("-based", m.end)
                                             for m in entity.mentions):
            entity.label = "ORG"  # "poundland has posted ...": never a place here
    return grouped


def fallback_entities(annotated: AnnotatedArticle) -> list[EntityRef]:
    """spaCy's own entities of the article, one EntityRef per distinct name."""
    article = annotated.article
    doc = parse(article.text)
    added = [*_name_tokens(doc), *_company_runs(doc)]
    known = {t.i for span in [*doc.ents, *added] for t in span}
    added += [*_bare_subjects(doc, known), *_based_places(doc, known)]
    known |= {t.i for span in added for t in span}
    orgs = {t.i for span in [*doc.ents, *added] if span.label_ in ("ORG", "GPE") for t in span}
    products = _launched_products(doc, known, orgs)
    spans = [*doc.ents, *added]
    taken = {t.i for span in products for t in span}
    # A company's name inside a product's name ("youtube music key") is the product there.
    spans = [span for span in spans if not taken & {t.i for t in span}] + products
    grouped = _group(article, spans)
    _merge_surnames(grouped)
    most = max((len(e.mentions) for e in grouped.values()), default=1)
    for entity in grouped.values():
        # Salience: how often, and how early, the entity is named.
        first = entity.mentions[0].start / max(len(article.text), 1)
        entity.salience = 0.7 * len(entity.mentions) / most + 0.3 * (1.0 - first)
    return list(grouped.values())
