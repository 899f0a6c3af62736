"""Sentences of an article, never crossing a paragraph boundary.

spaCy's parser decides boundaries inside a paragraph; paragraph breaks are
always boundaries, so every sentence belongs to exactly one paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from digesthub.types import Article, Sentence


# "PARIS (AP) -", "BEIJING, May 21 (Reuters) -", "Washington (CNN) --": a place, maybe a date, the agency.
DATELINE = re.compile(r"^\s*(?:[\w ,.'-]{0,60}?\(\s*cnn\s*\)|(?-i:[A-Z]{2})[\w .,'/-]{1,40}?\s*\((?:AP|Reuters|AFP|"
                       r"Bloomberg|Xinhua|UPI|dpa|Kyodo|Yonhap|ANI|PTI|IANS|CNBC|NYT)\))\s*"
                       r"(?:--|—|–|-|:)?\s*"
                       # a city in capitals and a dash, no agency: "NAIROBI — ", "SAN FRANCISCO, Calif. -- "
                       r"|^\s*(?-i:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})"
                       r"(?:,\s*(?-i:[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?))?"
                       r"\s+(?:--|—|–)\s+(?-i:(?=[A-Z\"“]))", re.I)


def dateline_length(sentence: str) -> int:
    """Characters of a wire dateline opening ``sentence`` ("SHANGHAI, Nov 20 (Reuters) - "): 0 if none."""
    match = DATELINE.match(sentence)
    return match.end() if match else 0


def split_sentences(doc: Doc, article: Article) -> list[Sentence]:
    """Sentences from the parse ``doc`` of ``article.text``, cut at paragraph ends."""
    text = doc.text
    sentences: list[Sentence] = []
    for number, (para_start, para_end) in enumerate(article.paragraph_offsets(), start=1):
        span = doc.char_span(para_start, para_end, alignment_mode="expand")
        if span is None:
            continue
        starts = [para_start] + [tok.idx for tok in span[1:] if tok.is_sent_start and tok.idx < para_end]
        ends = starts[1:] + [para_end]
        for start, end in zip(starts, ends):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                _append(sentences, Sentence(start, end, text[start:end], number), text)
    return sentences


_CLOSING_QUOTES = ("’ ", "” ", "'' ")


def _closes_previous_quote(sentence: Sentence, previous: Sentence | None) -> int:
    """Length of a closing quote mark opening ``sentence`` that ends the quotation of the one before
    ("... man of principle . ’ a washington post reviewer ...", tokenized text): 0 if none."""
    if previous is None or previous.paragraph != sentence.paragraph:
        return 0
    for mark in (*_CLOSING_QUOTES, "' "):
        if sentence.text.startswith(mark) and len(sentence.text) > len(mark):
            if mark == "' " and previous.text.split().count("'") % 2 == 0:
                return 0  # a straight quote closes only a quotation left open
            return len(mark) - 1
    return 0


def _append(sentences: list[Sentence], sentence: Sentence, text: str) -> None:
    """Glue fragments the parser splits off (a lone closing quote, "said Smith.") to the previous sentence;
    a closing quote mark opening a sentence goes back to the sentence whose quotation it closes."""
    previous = sentences[-1] if sentences else None
    moved = _closes_previous_quote(sentence, previous)
    if moved and previous is not None:
        sentences[-1] = Sentence(previous.start, sentence.start + moved, text[previous.start:sentence.start + moved],
                                 previous.paragraph)
        start = sentence.start + moved
        while start < sentence.end and text[start].isspace():
            start += 1
        sentence = Sentence(start, sentence.end, text[start:sentence.end], sentence.paragraph)
        previous = sentences[-1]
    fragment = len(sentence.text.split()) <= 2 or not (sentence.text[0].isupper() or sentence.text[0] in "\"“'‘(0123456789")
    if previous is not None and previous.paragraph == sentence.paragraph and fragment:
        sentences[-1] = Sentence(previous.start, sentence.end, text[previous.start:sentence.end],
                                 previous.paragraph)
        return
    sentences.append(sentence)
