"""The person an opening "He"/"She"/"His"/"Her" stands for, when the article makes it plain.

A timeline entry lifts one sentence out of its article, and "He also is
charged in three attacks" loses its subject on the way. An editor would
write the name in; we do so only in the plain case: the sentence just before
(same or previous paragraph) opens with a person's name, as its subject (not
"Kopp's stepmother"), and names no other person; or itself opens with "She"
standing for such a person ("Ana Reyes ... Her fame ... She was born ..."). The name is written as the
article last wrote it ("Rudolph" after "Eric Rudolph ... Rudolph"), the full
name when the article has used nothing shorter.
"""

from __future__ import annotations

import re

from digesthub.analyze.pronouns import OPENING_PRONOUN, pronoun_referent
from digesthub.types import AnnotatedArticle, EntityRef, Sentence

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
    "He"/"She"/"His"/"Her" replaced by the person it plainly stands for; unchanged otherwise."""
    match = OPENING_PRONOUN.match(text)
    sentences = annotated.sentences
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
        name += "'" if name.endswith("s") else "'s"
    return name + text[len(match.group(1)):]


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
