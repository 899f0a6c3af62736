"""Which person an opening "He"/"She"/"His"/"Her" stands for, when the article makes it plain.

The plain case only: the sentence just before (same or previous paragraph)
opens with a person's name, as its subject (not "Kopp's stepmother"), or with a
quotation that person is said to have spoken right after it, and
names no other person; or itself opens with a pronoun standing for such a
person ("Ana Reyes ... Her fame ... She was born ..."). Facts ("He is the
company's chief executive") and the digest's lifted sentences both use it.
"""

from __future__ import annotations

import functools
import re

from digesthub.types import AnnotatedArticle, EntityRef, Mention, Sentence

OPENING_PRONOUN = re.compile(r"^(He|She|His|Her)\s")
# Words a subject name may follow at the start of a sentence: titles and roles ("Lt.", "Dr.").
MAX_WORDS_BEFORE_NAME = 2


def _persons_in(annotated: AnnotatedArticle, sentence: Sentence) -> list[tuple[EntityRef, Mention]]:
    return [(entity, mention) for entity in annotated.entities if entity.label == "PERSON"
            for mention in entity.mentions if sentence.start <= mention.start < sentence.end]


def opening_person(annotated: AnnotatedArticle, sentence: Sentence) -> EntityRef | None:
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
    return opening_person(annotated, sentence)


# The person an article is about: named at least this often, and at least twice as often as anyone else
# (or the only person it names, at least twice).
DOMINANT_MENTIONS = 3
# How many sentences back the dominant person's last mention may lie from a pronoun standing for them.
TOPIC_LOOKBACK = 4


def dominant_person(annotated: AnnotatedArticle) -> EntityRef | None:
    """The person a profile-like article is about, when one person clearly dominates it."""
    persons = sorted((e for e in annotated.entities if e.label == "PERSON"), key=lambda e: -len(e.mentions))
    if len(persons) == 1 and len(persons[0].mentions) >= 2:
        return persons[0]  # the only person the article names, named twice
    if not persons or len(persons[0].mentions) < DOMINANT_MENTIONS:
        return None
    if len(persons) > 1 and 2 * len(persons[1].mentions) > len(persons[0].mentions):
        return None
    return persons[0]


_MALE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)


def article_pronoun(annotated: AnnotatedArticle) -> str | None:
    """"he" or "she": the pronoun the article uses at least twice as often as the other, if any."""
    return _pronoun_of(annotated.article.text)


@functools.lru_cache(maxsize=16)
def _pronoun_of(text: str) -> str | None:
    # asked once per timeline event or card sentence: the count over the whole text is kept
    male, female = len(_MALE.findall(text)), len(_FEMALE.findall(text))
    return "he" if male >= max(1, 2 * female) else "she" if female >= max(1, 2 * male) else None


_UNNAMED_PERSON = re.compile(
    r"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,2}?(?:trader|analyst|spokes(?:man|woman|person)|official|executive|"
    r"man|woman|source|investor|lawyer|engineer|researcher|employee|worker|manager|director|banker|broker|"
    r"economist|professor|student|witness|resident|customer|user|driver|doctor|officer|person)\b", re.IGNORECASE)


def topic_referent(annotated: AnnotatedArticle, position: int) -> EntityRef | None:
    """The article's dominant person, for a "he"/"she" in sentence ``position`` that the plain rule
    leaves open ("The fund bought chips ... In July 2023 he spun out DeepSeek"): when the sentences
    back to the person's last mention (at most ``TOPIC_LOOKBACK``, in adjoining paragraphs) bring in
    no other person as a subject. A "Premier Li Qiang invited him" in between leaves it open."""
    person = dominant_person(annotated)
    if person is None or position <= 0:
        return None
    sentences = annotated.sentences
    for back in range(position - 1, max(-1, position - 1 - TOPIC_LOOKBACK), -1):
        if sentences[back].paragraph < sentences[back + 1].paragraph - 1 or _UNNAMED_PERSON.search(sentences[back].text):
            return None  # paragraphs apart, or "said a trader at a bank": someone unnamed competes
        if any(sentences[back].start <= m.start < sentences[back].end for m in person.mentions):
            return person
        if opening_person(annotated, sentences[back]) is not None:
            return None  # another person opens a sentence in between
    return None
