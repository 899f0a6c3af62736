"""Plain text to Article: logical lines, boilerplate rules, numbered paragraphs."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from digesthub.errors import Errors, InputError
from digesthub.ingest.boilerplate import BULLET, PageParts, classify_lines, words
from digesthub.ingest.dates import parse_date
from digesthub.types import Article, Paragraph

MIN_WORDS = 25  # fewer words than a short news brief: nothing to digest

# Penn Treebank escapes of brackets and quotes, as tokenized corpora (Timeline17, CoNLL) write
# them; left in, they end up inside entity names ("-LRB- AP"). Upper case, or all lower case as
# lower-cased corpora have them. An opening token takes the space after it, a closing one the
# space before, so "-LRB- AP -RRB-" becomes "(AP)".
_PTB_OPEN = {"-LRB-": "(", "-LSB-": "[", "-LCB-": "{", "``": '"'}
_PTB_CLOSE = {"-RRB-": ")", "-RSB-": "]", "-RCB-": "}", "''": '"'}
_PTB_CHARS = {token.lower(): char for token, char in {**_PTB_OPEN, **_PTB_CLOSE}.items()}


def _ptb_alternatives(tokens: dict[str, str]) -> str:
    brackets = [t for t in tokens if t.startswith("-")]
    return "|".join(re.escape(t) for t in brackets + [t.lower() for t in brackets])


_PTB_OPENING = re.compile(rf"(?:(?<!`)``(?!`)|{_ptb_alternatives(_PTB_OPEN)})[ \t]*")
_PTB_CLOSING = re.compile(rf"[ \t]*(?:(?<!')''(?!')|{_ptb_alternatives(_PTB_CLOSE)})")


def untokenize_ptb(text: str) -> str:
    """Map the PTB bracket and quote tokens (-LRB- -RRB- -LSB- ... `` '') back to characters."""
    if "``" not in text and "''" not in text and "-" not in text:
        return text
    text = _PTB_OPENING.sub(lambda m: _PTB_CHARS[m.group().strip(" \t").lower()], text)
    return _PTB_CLOSING.sub(lambda m: _PTB_CHARS[m.group().strip(" \t").lower()], text)


# Tokenized corpora (PTB style, as Timeline17, CoNLL, CNN/DailyMail ship) put a space before
# punctuation and clitics: "Jackson 's doctor , Conrad Murray ." A page is taken as tokenized
# when such marks are common and the glued forms ("Jackson's", "doctor,") rare; prose that only
# happens to contain " , " once is left alone.
_TOKENIZED_MARK = re.compile(r" (?:[,;:!?%]|\.(?= |$)|'s|n't|'re|'ve|'ll|'d|'m)(?= |$)", re.M | re.I)
_GLUED_MARK = re.compile(r"\w(?:[,;:!?%]|'s|n't)(?= |$)", re.M | re.I)


def looks_tokenized(text: str) -> bool:
    """Whether ``text`` is PTB-tokenized (spaces before punctuation and clitics)."""
    tokenized = len(_TOKENIZED_MARK.findall(text))
    return tokenized >= 3 and tokenized > 2 * len(_GLUED_MARK.findall(text))


def detokenize(text: str) -> str:
    """Tokenized text back to prose, line by line (NLTK's Treebank detokenizer); other text unchanged.

    Lower-cased corpora (CNN/DailyMail as See et al. released it) stay tokenized: without
    capitals, " . " is the only reliable sentence boundary left, and the sentence splitter
    for such text (:func:`digesthub.digester.scoring.split_tokenized`) reads it.
    """
    if not looks_tokenized(text) or not any(ch.isupper() for ch in text):
        return text
    from nltk.tokenize.treebank import TreebankWordDetokenizer  # only tokenized corpora need it

    detokenizer = TreebankWordDetokenizer()
    lines = [_respace(detokenizer.detokenize(_paired_quotes(line.split()))) if line.strip() else line
             for line in text.split("\n")]
    return "\n".join(lines)


def _paired_quotes(tokens: list[str]) -> list[str]:
    """Straight double quotes standing alone, as PTB's `` and '' (opening, closing, in turn), so
    the detokenizer knows which way each one attaches."""
    result, opening = [], True
    for token in tokens:
        if token == '"':
            token, opening = ("``" if opening else "''"), not opening
        result.append(token)
    return result


# What the Treebank detokenizer leaves spaced: clock times ("8: 30"), "p. m.", initials ("U. S.").
_SPACED_CLOCK = re.compile(r"\b(\d{1,2}): (\d\d)\b")
_SPACED_MERIDIEM = re.compile(r"\b([ap])\. m\.", re.I)
_SPACED_INITIAL = re.compile(r"\b([A-Z])\. (?=[A-Z]\.)")


def _respace(line: str) -> str:
    line = _SPACED_CLOCK.sub(r"\1:\2", line)
    line = _SPACED_MERIDIEM.sub(r"\1.m.", line)
    return _SPACED_INITIAL.sub(r"\1.", line)


# Wire copy typed on old terminals writes a dash as a spaced underscore ("said _ and"); in prose
# a lone underscore between words is never anything else.
_WIRE_DASH = re.compile(r"(?<=\S)[ \t]+_[ \t]+(?=\S)")


def normalize_text(text: str) -> str:
    """NFC, unified newlines, no zero-width or control characters, PTB tokens and tokenized
    spacing undone, collapsed spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = detokenize(untokenize_ptb(text))
    text = _WIRE_DASH.sub(" — ", text)
    return re.sub(r"[ \t\u00a0]+", " ", text)


def logical_lines(text: str) -> list[str]:
    """Lines of the page, with hard-wrapped paragraphs joined back together.

    A blank-line-separated block whose lines are mostly long and not bullets is
    one wrapped paragraph; otherwise every line stands alone (one paragraph per
    line, as copy-pasted pages usually are).
    """
    result: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        wrapped = (
            len(lines) > 1
            and not any(BULLET.match(line) for line in lines)
            and sum(len(line) >= 40 for line in lines[:-1]) >= 0.8 * (len(lines) - 1)
            and sum(line.endswith((".", "!", "?", '"', "”")) for line in lines[:-1]) < 0.5 * (len(lines) - 1)
            and lines[-1].endswith((".", "!", "?", '"', "”", "'", ")"))
        )
        result.extend([" ".join(lines)] if wrapped else lines)
    return result


def article_id(text: str) -> str:
    """A stable id from the body text: equal bodies get equal ids."""
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
    return f"a{digest[:15]}"


def paragraphs_from(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(number, line) for number, line in enumerate(lines, start=1)]


def article_from_parts(parts: PageParts, *, source_name: str, title: str | None = None,
                       published: dt.date | None = None, url: str | None = None,
                       record_id: str | None = None) -> Article:
    """Assemble an Article from classified parts; refuses pages with too little text."""
    body = parts.body
    title = title or parts.title
    word_count = sum(words(line) for line in body)
    if word_count < MIN_WORDS:
        raise InputError(Errors.E010, source=source_name, words=word_count, minimum=MIN_WORDS)
    if published is None and parts.published_text:
        published = parse_date(parts.published_text)
    metadata = dict(parts.metadata)
    if parts.headings:
        metadata["headings"] = " | ".join(parts.headings)
    return Article(
        id=record_id or article_id("\n".join(body)),
        title=title,
        paragraphs=paragraphs_from(body),
        published=published,
        url=url,
        source=parts.source,
        authors=list(dict.fromkeys(parts.authors)),
        original_url=parts.original_url,
        metadata=metadata,
    )


def article_from_text(text: str, *, source_name: str = "<text>", title: str | None = None,
                      published: dt.date | None = None, url: str | None = None,
                      record_id: str | None = None) -> Article:
    """Build an Article from plain text, removing boilerplate before numbering."""
    parts = classify_lines(logical_lines(normalize_text(text)))
    return article_from_parts(parts, source_name=source_name, title=title, published=published,
                              url=url, record_id=record_id)
