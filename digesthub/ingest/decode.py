"""Bytes to text: byte-order marks, declared charsets, UTF-8, then a guess.

A guess is accepted only when charset-normalizer is confident; otherwise the
user is told the file could not be decoded, rather than given mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from charset_normalizer import from_bytes

from digesthub.errors import Errors, InputError
from digesthub.ingest.sources import RawInput, utf16_without_bom

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset=([A-Za-z0-9_\-]+)", re.I)


def decode(raw: RawInput, encoding: str | None = None) -> str:
    """Decode ``raw`` to str; ``encoding`` forces a codec."""
    for candidate in _candidates(raw, encoding):
        try:
            return raw.data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    if encoding:
        raise InputError(Errors.E005, source=raw.name, detail=_forced_problem(encoding))
    if (text := _mixed_utf8(raw.data)) is not None or (text := _sparse_cp1252(raw.data)) is not None:
        return text
    guess = from_bytes(raw.data[:200_000]).best()
    if guess is None or guess.chaos > 0.2:
        raise InputError(Errors.E005, source=raw.name, detail="not UTF-8 and no confident guess")
    return raw.data.decode(guess.encoding, errors="strict")


def _forced_problem(encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return f"{encoding!r} is not an encoding Python knows, such as utf-8, cp1252 or utf-16"
    return f"not valid {encoding}"


def _candidates(raw: RawInput, forced: str | None) -> list[str]:
    if forced:
        return [forced]
    for bom, codec in _BOMS:
        if raw.data.startswith(bom):
            return [codec]
    if utf16 := utf16_without_bom(raw.data[:8192]):
        return [utf16]
    declared = []
    if raw.content_type and (match := _HEADER_CHARSET.search(raw.content_type)):
        declared.append(match.group(1))
    if match := _META_CHARSET.search(raw.data[:4096]):
        declared.append(match.group(1).decode("ascii"))
    return ["utf-8", *declared]


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with a few pasted-in Windows-1252 bytes (one Latin-1 line in a UTF-8 file).

    Only when valid UTF-8 sequences are at least as many as the invalid bytes; a whole-file
    guess would turn the UTF-8 part into mojibake.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if not valid:
        return None
    invalid = 0

    def cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal invalid
        invalid += 1
        bad = error.object[error.start:error.start + 1]
        return bad.decode("cp1252", errors="replace"), error.start + 1

    text = "".join(_decode_chunks(data, cp1252_byte))
    return text if invalid <= valid else None


def _decode_chunks(data: bytes, on_error: Callable[[UnicodeDecodeError], tuple[str, int]]) -> list[str]:
    """``data`` as UTF-8, each invalid byte replaced by ``on_error``'s text."""
    chunks, start = [], 0
    while True:
        try:
            chunks.append(data[start:].decode("utf-8"))
            return chunks
        except UnicodeDecodeError as error:
            chunks.append(data[start:start + error.start].decode("utf-8"))
            shifted = UnicodeDecodeError("utf-8", data, start + error.start, start + error.end, error.reason)
            text, start = on_error(shifted)
            chunks.append(text)


def _sparse_cp1252(data: bytes) -> str | None:
    """Windows-1252 (a superset of Latin-1) when its non-ASCII letters are sparse.

    English text in a legacy encoding is nearly always Windows-1252, with an accent or a
    curly quote here and there; a guesser picks Central European codecs for such short
    evidence ("naïve" as "naďve"). Text that is mostly non-ASCII (Chinese, Cyrillic) is left
    to the guesser.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    visible = [ch for ch in text if not ch.isspace()]
    high = sum(1 for ch in visible if ord(ch) > 127)
    return text if visible and high <= 0.05 * len(visible) else None
