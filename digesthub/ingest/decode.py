"""Bytes to text: byte-order marks, declared charsets, UTF-8, then a guess.

A guess is accepted only when charset-normalizer is confident; otherwise the
user is told the file could not be decoded, rather than given mojibake.
"""

from __future__ import annotations

import codecs
import re

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
        raise InputError(Errors.E005, source=raw.name, detail=f"not valid {encoding}")
    guess = from_bytes(raw.data[:200_000]).best()
    if guess is None or guess.chaos > 0.2:
        raise InputError(Errors.E005, source=raw.name, detail="not UTF-8 and no confident guess")
    return raw.data.decode(guess.encoding, errors="strict")


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
