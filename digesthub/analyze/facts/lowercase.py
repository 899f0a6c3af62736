"""Names in lower-cased text that spaCy's recognizer misses, read from the wording.

Without capitals the recognizer finds few companies and people, while its
tagger and parser still see proper nouns, subjects and objects. News wording
around business facts is regular ("yelp ceo jeremy stoppelman", "instagram
launched ...", "a uk-based firm"), so these rules add the names that wording
marks. Used only for lower-cased articles (see :mod:`fallback`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# Words the tagger marks as proper nouns in lower-cased text that never name a company.
_NOT_A_NAME = re.compile(
    r"^(?:ceo|chief|founder|co-founder|president|chairman|director|mr|mrs|ms|dr|sir|lord|"
    r"jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|cnn|daily|mail|online|scroll|video|pictured|today|yesterday|tomorrow|"
    r"day|week|month|year|last|next|this|\W.*|.*\d.*)$")


_TITLE = re.compile(r"^(?:ceo|founder|cofounder|chairman|chairwoman)$")
# Words that may not stand in a name next to a title.
_NOT_IN_NAME_POS = frozenset({"DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "ADJ", "NUM",
                              "PUNCT", "ADV", "PART", "SYM"})


def _name_word(token: Token) -> bool:
    return token.is_alpha and not token.is_stop and token.pos_ not in _NOT_IN_NAME_POS \
        and not _NOT_A_NAME.match(token.text)


def _title_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of founder/CEO titles: "co - founder", "chief executive",
    and of the "by" of "founded by" (start = end - 1 there, with nothing before)."""
    spans = []
    for token in doc:
        start = token.i
        if token.lower_ == "by" and token.i > 0 and doc[token.i - 1].lower_.endswith("founded"):
            spans.append((token.i, token.i + 1))
            continue
        if token.lower_ == "executive" and token.i > 0 and doc[token.i - 1].lower_ == "chief":
            start = token.i - 1
        elif not _TITLE.match(token.lower_):
            continue
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "co":
            start -= 2
        spans.append((start, token.i + 1))
    return spans


def _person_before(doc: Doc, title_start: int) -> Span | None:
    """"hannah rhodes , founder of ...": first and last name before ", (the) title"."""
    at = title_start
    if at > 0 and doc[at - 1].lower_ in ("the", "a", "its"):
        at -= 1
    if at < 3 or doc[at - 1].text != ",":
        return None
    first, last = doc[at - 3], doc[at - 2]
    if _name_word(first) and _name_word(last) and (at < 4 or not _name_word(doc[at - 4])):
        return Span(doc, first.i, last.i + 1, label="PERSON")
    return None


def _title_names(doc: Doc, known: set[int]) -> list[Span]:
    """Names around a title in lower-cased text: "yelp ceo jeremy stoppelman".

    The recognizer misses most such names without capitals, but news wording
    is regular: the company stands right before the title (or after "of"),
    the person, first and last name, right after it.
    """
    spans = []
    people = {ent.start for ent in doc.ents if ent.label_ == "PERSON"}
    for start, end in _title_spans(doc):
        left = start
        while left > 0 and start - left < 3 and _name_word(doc[left - 1]) \
                and doc[start].lower_ != "by":
            left -= 1
        if left < start and not known & set(range(left, start)):
            spans.append(Span(doc, left, start, label="ORG"))
        person = _person_before(doc, left)
        if person is not None and not known & set(range(person.start, person.end)):
            spans.append(person)
        after = end + 1 if end < len(doc) and doc[end].lower_ == "of" else end
        if after == end and after + 1 < len(doc) and (after + 1 in people or (
                doc[after].pos_ == "NOUN" and doc[after + 1].pos_ == "PROPN")):
            after += 1  # "founded by entrepreneur steve smith": a role noun before the name
        words = 0
        while after + words < len(doc) and words < 3 and _name_word(doc[after + words]):
            words += 1
        label = "ORG" if doc[end:after].text.lower() == "of" else "PERSON"
        enough = words >= 2 or (label == "ORG" and words > 0)
        if enough and not known & set(range(after, after + words)):
            spans.append(Span(doc, after, after + (words if label == "ORG" else 2), label=label))
    return spans


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
        if token.pos_ not in ("PROPN", "NOUN", "ADJ") or plural or token.is_stop \
                or _NOT_A_NAME.match(token.text):
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
        if left < head.i and left in orgs and not known & set(range(left + 1, head.i + 1)):
            spans.append(Span(doc, left, head.i + 1, label="PRODUCT"))
            continue
        if not _PRODUCT_HEAD.match(head.text):
            continue
        modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        # A name, not a description ("its subscription music service"): the tagger
        # still marks a product's own name as a proper noun without capitals.
        named = [c for c in modifiers if not _PLAIN_MODIFIER.match(c.text) and not c.is_stop
                 and c.pos_ == "PROPN"]
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


def name_spans(doc: Doc) -> list[Span]:
    """spaCy's entities of ``doc`` with the names the rules above add, labelled."""
    # A person the recognizer cut short ("hannah" of "hannah rhodes") yields to the title's.
    titled = _title_names(doc, {t.i for ent in doc.ents if ent.label_ != "PERSON" for t in ent})
    taken = {t.i for span in titled for t in span}
    ents = [ent for ent in doc.ents if not taken & {t.i for t in ent}]
    added = [*titled, *(span for span in [*_name_tokens(doc), *_company_runs(doc)]
                        if not taken & {t.i for t in span})]
    known = {t.i for span in [*ents, *added] for t in span}
    added += [*_bare_subjects(doc, known), *_based_places(doc, known)]
    known |= {t.i for span in added for t in span}
    orgs = {t.i for span in [*ents, *added] if span.label_ in ("ORG", "GPE") for t in span}
    products = _launched_products(doc, known, orgs)
    spans = [*ents, *added]
    taken = {t.i for span in products for t in span}
    # A company's name inside a product's name ("youtube music key") is the product there.
    spans = [span for span in spans if not taken & {t.i for t in span}] + products
    return spans
