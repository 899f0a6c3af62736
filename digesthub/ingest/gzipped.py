"""Gzip-compressed input (``.gz``, ``.jsonl.gz``), detected by its magic bytes.

The size limit guards memory, so it applies to the decompressed bytes: output
is inflated in bounded steps and a file that expands past the limit (a gzip
bomb) stops with E013 instead of filling memory. Concatenated members (``cat
a.gz b.gz``) are read in turn, as the ``gzip`` tool does.
"""

from __future__ import annotations

import zlib

from digesthub.errors import Errors, InputError

GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads the gzip header and trailer itself


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def gunzip_capped(data: bytes, source: str, limit: int) -> bytes:
    """The decompressed bytes of ``data``; E013 past ``limit`` bytes, E002 when damaged."""
    out = bytearray()
    rest = data
    while is_gzip(rest):
        inflater = zlib.decompressobj(_GZIP_WBITS)
        try:
            # max_length is at least 1 here (len(out) <= limit), so the cap always holds
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise InputError(Errors.E002, source=source, detail=f"a damaged gzip archive: {exc}") from exc
        if len(out) > limit:
            raise InputError(Errors.E013, source=source, limit=limit)
        if not inflater.eof:
            raise InputError(Errors.E002, source=source, detail="a truncated gzip archive")
        rest = inflater.unused_data
    if rest.strip(b"\x00"):  # zero padding after the last member is harmless; anything else is not
        raise InputError(Errors.E002, source=source, detail="a gzip archive with trailing data")
    return bytes(out)
