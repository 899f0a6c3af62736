"""Which person an opening "He"/"She"/"His"/"Her" stands for, when the article makes it plain.

The plain case only: the sentence just before (same or previous paragraph)
opens with a person's name, as its subject (not "Kopp's stepmother"), or with a
quotation that person is said to have spoken right after it, and
names no other person; or itself opens with a pronoun standing for such a
person ("Ana Reyes ... Her fame ... She was born ..."). Facts ("He is the
company's chief executive") and the digest's lifted sentences both use it.
"""

from __future__ import annotations

import re

from digesthub.types import AnnotatedArticle, EntityRef, Mention, Sentence

OPENING_PRONOUN = re.compile(r"^(He|She|His|Her)\s")
# Words a subject name may follow at the start of a sentence: titles and roles ("Lt.", "Dr.").
MAX_WORDS_BEFORE_NAME = 2


def _persons_in(annotated: AnnotatedArticle, sentence: Sentence) -> list[tuple[EntityRef, Mention]]:
    return [(entity, mention) for entity in annotated.entities if entity.label == "PERSON"
            for mention in entity.mentions if sentence.start <= mention.start < sentence.end]


def _subject(annotated: AnnotatedArticle, sentence: Sentence) -> EntityRef | None:
    """The one person the sentence names, when it opens with that person's name."""
    found = _persons_in(annotated, sentence)
    if len({id(entity) for entity, _ in found}) != 1:
        return None
    entity, first = min(found, key=lambda pair: pair[1].start)
    before = annotated.article.text[sentence.start:first.start]
    after = annotated.article.text[first.end:first.end + 3].lstrip()  # tokenized text: "Page 's"
    if after.startswith(("'", "’")):
        return None
    quoted = _QUOTE_THEN_SPEAKER.match(before)
    if len(before.split()) > MAX_WORDS_BEFORE_NAME and not (quoted and len(quoted["titles"].split()) <= 5):
        return None
    return entity


# A quotation opening the sentence, then its speaker: '"We have proven it," chief executive Lei Jun
# told analysts' is about Lei Jun as much as 'Lei Jun told analysts ...'.
_QUOTE_THEN_SPEAKER = re.compile(r'^\s*["“][^"“”]+[,.!?]["”]\s+(?P<titles>[^"“”,.;]*)$')


def pronoun_referent(annotated: AnnotatedArticle, position: int, depth: int = 2) -> EntityRef | None:
    """The person sentence ``position`` is plainly about: the one it opens with, or, when it
    opens with "He"/"Her"/..., the one the sentence before is about (``depth`` steps back)."""
    sentence = annotated.sentences[position]
    if OPENING_PRONOUN.match(sentence.text):
        previous = annotated.sentences[position - 1] if position else None
        if depth == 0 or previous is None or previous.paragraph not in (
                sentence.paragraph, sentence.paragraph - 1):
            return None
        return pronoun_referent(annotated, position - 1, depth - 1)
    return _subject(annotated, sentence)
