"""The person an opening "He"/"She"/"His"/"Her" stands for, when the article makes it plain.

A timeline entry lifts one sentence out of its article, and "He also is
charged in three attacks" loses its subject on the way. An editor would
write the name in; we do so only in the plain case: the sentence just before
(same or previous paragraph) opens with a person's name, as its subject (not
"Kopp's stepmother"), and names no other person; or itself opens with "She"
standing for such a person ("Ana Reyes ... Her fame ... She was born ..."); so is a "she" after an
opening time phrase ("In 2019 she left ..."). The name is written as the
article last wrote it ("Rudolph" after "Eric Rudolph ... Rudolph"), the full
name when the article has used nothing shorter.
"""

from __future__ import annotations

import re

from digesthub.analyze.pronouns import (
    OPENING_PRONOUN, article_pronoun, opening_person, pronoun_referent, topic_referent,
)
from digesthub.digester.standalone import PRONOUN_AFTER_TIME, drop_connective
from digesthub.types import AnnotatedArticle, EntityRef, Mention, Sentence

_HONORIFIC = re.compile(r"\b(Mr\.|Mrs\.|Ms\.|Dr\.)\s$")


def _written_name(annotated: AnnotatedArticle, entity: EntityRef, before: int) -> str:
    """The shortest form of the name the article has used before offset ``before`` that ends
    like the full name (a surname, not a first name), with the honorific the article puts
    before it ("Mr. Perlman"); the full name otherwise."""
    forms = [m for m in entity.mentions if m.start < before and entity.name.endswith(m.text)]
    if not forms:
        return entity.name
    shortest = min(forms, key=lambda m: (len(m.text), -m.start))
    honorific = _HONORIFIC.search(annotated.article.text[max(0, shortest.start - 6):shortest.start])
    return (honorific.group(1) + " " if honorific and shortest.text != entity.name else "") + shortest.text


def name_opening_pronoun(annotated: AnnotatedArticle, position: int, text: str) -> str:
    """``text`` (sentence ``position`` of the article, or its opening clause) with an opening
    "He"/"She"/"His"/"Her" replaced by the person it plainly stands for; unchanged otherwise.
    Left open by that, the subject "he"/"she" or object "him" of a profile's person (:func:`_name_topic_pronoun`)."""
    named = _name_plain_pronoun(annotated, position, text)
    return named if named != text else _name_topic_pronoun(annotated, position, text)


def _name_plain_pronoun(annotated: AnnotatedArticle, position: int, text: str) -> str:
    match = OPENING_PRONOUN.match(text)
    sentences = annotated.sentences
    if not match and 0 < position < len(sentences):
        stripped = drop_connective(text)  # "But it never ...": the connective goes with the pronoun
        if _OPENING_IT.match(stripped):
            named = _name_opening_it(annotated, position, stripped)
            return named if named != stripped else text
        return _name_pronoun_after_time(annotated, position, text)
    if not match or not 0 < position < len(sentences):
        return text
    sentence = sentences[position]
    if not sentence.text.startswith(match.group(1)):
        return text
    entity = pronoun_referent(annotated, position)
    if entity is None:
        return text
    name = _written_name(annotated, entity, sentence.start)
    if match.group(1) in ("His", "Her"):
        name = _possessive(name)
    return name + text[len(match.group(1)):]


# "he"/"she" as the subject: at the start, after an opening time phrase ("In July 2023 he") or after an
# opening phrase ending in a comma ("After graduating in 2010, he").
_TOPIC_SUBJECT = re.compile(r"^(?:(?:[^,;:\"“]{2,60},\s+)|(?:(?:In|On|By|Since|During)\s+[\w\s-]{2,25}?\s+))?"
                            r"(?P<pronoun>[Hh]e|[Ss]he)\s+[a-z]")
# "Premier Li Qiang invited him to": an object "him" whose sentence another person opens.
_OBJECT_HIM = re.compile(r"\b(?P<pronoun>him)\b")


def _name_topic_pronoun(annotated: AnnotatedArticle, position: int, text: str) -> str:
    """``text`` with its subject "he"/"she" or an object "him" (in a sentence another person opens) written
    as the profile's person (:func:`topic_referent`); unchanged when that is not plain."""
    if not 0 < position < len(annotated.sentences):
        return text
    sentence = annotated.sentences[position]
    subject = _TOPIC_SUBJECT.match(text)
    opener = opening_person(annotated, sentence)
    if subject is not None and sentence.text.startswith(text[:subject.end("pronoun")]) \
            and not any(e.label == "PERSON" and any(sentence.start <= m.start < sentence.start + subject.start("pronoun")
                                                    for m in e.mentions) for e in annotated.entities):
        found = subject
    elif opener is not None and (found := _OBJECT_HIM.search(text)) is not None and sentence.text.startswith(text[:10]):
        if topic_referent(annotated, position) is opener:
            return text
    else:
        return text
    person = topic_referent(annotated, position)
    pronoun = found["pronoun"].lower()
    if person is None or article_pronoun(annotated) != ("he" if pronoun == "him" else pronoun):
        return text  # the profile's person is "she" throughout, so "him" is someone else
    name = _written_name(annotated, person, sentence.start)
    return text[:found.start("pronoun")] + name + text[found.end("pronoun"):]


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _name_pronoun_after_time(annotated: AnnotatedArticle, position: int, text: str) -> str:
    """"In 2019 she left ...", "Last summer it closed ..." with the pronoun replaced by the person
    or company the sentence before is plainly about (a company: the name it opens with)."""
    timed = PRONOUN_AFTER_TIME.match(text)
    sentence, previous = annotated.sentences[position], annotated.sentences[position - 1]
    if timed is None or not sentence.text.startswith(timed.group()) \
            or previous.paragraph not in (sentence.paragraph, sentence.paragraph - 1):
        return text
    pronoun = timed["pronoun"].lower()
    if pronoun in ("he", "she"):
        entity = pronoun_referent(annotated, position - 1)
        name = _written_name(annotated, entity, sentence.start) if entity else None
    else:
        name = _opening_company(annotated, previous) if pronoun == "it" \
            and not _STATE_VERB.match(text, timed.end()) else None
    return text if name is None else text[:timed.start("pronoun")] + name + text[timed.end("pronoun"):]


_OPENING_IT = re.compile(r"^(?P<pronoun>It|Its)\s")


def _name_opening_it(annotated: AnnotatedArticle, position: int, text: str) -> str:
    """"It never turned a profit" (from "But it never ...") with "It" written as the company the
    sentence before is about ("Founded in 2014 by X, Neta sold ..."): "Neta never turned a profit"."""
    match = _OPENING_IT.match(text)
    sentence, previous = annotated.sentences[position], annotated.sentences[position - 1]
    opening = drop_connective(sentence.text)
    if match is None or not opening.lower().startswith(match["pronoun"].lower() + " ") \
            or previous.paragraph not in (sentence.paragraph, sentence.paragraph - 1) \
            or (match["pronoun"] == "It" and _STATE_VERB.match(text, match.end("pronoun"))):
        return text
    name = _opening_company(annotated, previous) or _only_company(annotated, previous)
    if name is None:
        return text
    name = name[:1].upper() + name[1:]
    return (_possessive(name) if match["pronoun"] == "Its" else name) + text[match.end("pronoun"):]


def _only_company(annotated: AnnotatedArticle, sentence: Sentence) -> str | None:
    """The one company ``sentence`` names, when it is the company the article is most about ("In July
    2023 he spun out DeepSeek as a separate company. Its V3 model ..."); a university or fund named
    in passing is no antecedent to trust."""
    companies = {id(e): e for e in annotated.entities if e.label == "ORG"
                 and any(sentence.start <= m.start < sentence.end for m in e.mentions)}
    top = max((e for e in annotated.entities if e.label == "ORG"), key=lambda e: e.salience, default=None)
    if len(companies) != 1 or top is None or id(top) not in companies:
        return None
    return next(m.text for m in top.mentions if sentence.start <= m.start < sentence.end)


# "it was", "it is": as often the situation as the company.
_STATE_VERB = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|seems|seemed|looks|looked)\b")


# The phrase may end in an appositive or relative clause about its founder ("Founded in 2023 by
# Yang Zhilin, a Tsinghua graduate who ..., Moonshot has ..."): the subject comes after it.
_PARTICIPLE_LEAD = re.compile(r"^(?:(?:Co-)?[Ff]ounded|Based|Backed|Headquartered|Established|Incorporated)\b"
                              r"[^,;]{1,80},\s+(?:(?:an?|who|whose|which)\s[^,;]{1,120},\s+)?")


def opening_name(annotated: AnnotatedArticle, sentence: Sentence,
                 labels: tuple[str, ...] = ("ORG",)) -> Mention | None:
    """The mention the sentence opens with as its subject, when it has one of ``labels``: at the start
    (after at most "The ") or right after an opening participle phrase ("Founded in 2014 by X, Neta
    sold ...")."""
    lead = _PARTICIPLE_LEAD.match(sentence.text)
    begin = sentence.start + (lead.end() if lead else 0)
    first = min((m for m in annotated.mentions if begin <= m.start < sentence.end),
                key=lambda m: m.start, default=None)
    before = annotated.article.text[begin:first.start] if first else ""
    # "a Tsinghua University graduate": a name after "a" is a modifier, not the subject
    if first is None or first.label not in labels or len(before) > len("The ") or before.strip() in ("a", "an"):
        return None
    return first


def _opening_company(annotated: AnnotatedArticle, sentence: Sentence) -> str | None:
    """The company a sentence opens with as its subject, as written ("the Foo" mid-sentence)."""
    first = opening_name(annotated, sentence)
    if first is None:
        return None
    begin = first.start if _PARTICIPLE_LEAD.match(sentence.text) else sentence.start
    name = annotated.article.text[begin:first.end].strip()
    return "the" + name[3:] if name.startswith("The ") else name


def full_names_first(annotated: AnnotatedArticle, passages: list[tuple[Sentence, str]]) -> list[str]:
    """The texts of ``passages`` ((source sentence, text) in reading order) with each person's
    first mention written as the full name when it is a bare surname or given name ("Yan said
    ..." -> "Yan Junjie said ...") and the passages have not named the person in full before:
    lifted out of its article, a summary or key point must say who "Yan" is."""
    written: set[str] = set()
    result = []
    for sentence, text in passages:
        for entity in annotated.entities:
            if entity.label != "PERSON" or " " not in entity.name or entity.name in written:
                continue
            if entity.name in text:
                written.add(entity.name)
                continue
            short = next((m.text for m in entity.mentions if sentence.start <= m.start < sentence.end
                          and " " not in m.text
                          and m.text in entity.name.split()), None)
            if short is None or _names_something_else(annotated, entity, short):
                continue
            replaced = re.sub(rf"(?<![\w.]){re.escape(short)}(?![\w])", entity.name, text, count=1)
            if replaced != text:
                text = replaced
                written.add(entity.name)
        result.append(text)
    return result


def _names_something_else(annotated: AnnotatedArticle, person: EntityRef, word: str) -> bool:
    """Whether ``word`` is also part of a place's or organization's name in the article ("Cardiff"
    beside "Cardiff's Millennium Stadium"): then a bare "Cardiff" is not plainly the person."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return any(entity is not person and entity.label != "PERSON"
               and any(pattern.search(m.text) for m in entity.mentions) for entity in annotated.entities)
