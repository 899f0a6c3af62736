"""Load raw bytes from a path, URL, stdin or memory, refusing what is not text.

Checks run in the order a user would want to hear about them: missing, empty,
too large, binary. Gzip-compressed input is inflated first (the size limit then
applies to the decompressed bytes, see :mod:`digesthub.ingest.gzipped`).
Decoding is in :mod:`digesthub.ingest.decode`.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from digesthub.errors import Errors, InputError
from digesthub.ingest.gzipped import gunzip_capped, is_gzip

DEFAULT_MAX_BYTES = 5_000_000  # ~800k words: far above any news article, below a data dump
# A batch file (JSONL, a feed, a folder's .jsonl.gz) holds many articles: its own, larger limit;
# each article in it still meets DEFAULT_MAX_BYTES.
DEFAULT_MAX_BATCH_BYTES = 500_000_000
URL_TIMEOUT_S = 20
# The most characters the spaCy pipeline takes in one article (its max_length); checked at ingest
# so a long text gets E018 rather than spaCy's ValueError after the input was accepted.
# Parser and NER memory grows with the text (measured: ~3.5 GB per million characters), so the
# limit sits at ~85k words: far above any news article (a 45k-word page dump is 270k characters).
MAX_ARTICLE_CHARS = 500_000

# Magic numbers of formats people mistake for articles, so the error can name them.
_MAGIC = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or .docx/.epub)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",  # load_source inflates one layer; only a second one lands here
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"SQLite format 3": "SQLite database",
    b"\xfd7zXZ\x00": "xz archive",
    b"7z\xbc\xaf\x27\x1c": "7-Zip archive",
    b"Rar!\x1a\x07": "RAR archive",
    b"\x28\xb5\x2f\xfd": "zstd archive",
    **{b"BZh%d1AY&SY" % level: "bzip2 archive" for level in range(1, 10)},
}


@dataclass
class RawInput:
    """Bytes plus where they came from."""

    data: bytes
    name: str
    url: str | None = None
    content_type: str | None = None


def max_bytes() -> int:
    """The size limit: DIGESTHUB_MAX_BYTES or 5 MB."""
    value = os.environ.get("DIGESTHUB_MAX_BYTES", "")
    return int(value) if value.isdigit() else DEFAULT_MAX_BYTES


def max_batch_bytes() -> int:
    """The size limit of one batch file: DIGESTHUB_MAX_BATCH_BYTES or 500 MB."""
    value = os.environ.get("DIGESTHUB_MAX_BATCH_BYTES", "")
    return int(value) if value.isdigit() else max(DEFAULT_MAX_BATCH_BYTES, max_bytes())


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def load_source(source: str | Path | bytes, *, limit: int | None = None) -> RawInput:
    """Read ``source`` ("-" is stdin), inflate gzip, check it is non-empty, small and not binary.

    ``limit`` is the size limit in bytes (default :func:`max_bytes`).
    """
    limit = limit or max_bytes()
    if isinstance(source, bytes):
        raw = RawInput(source, "<bytes>")
    elif str(source) == "-":
        if sys.stdin is None:  # started with standard input closed (``<&-``)
            raise InputError(Errors.E007, source="<stdin>")
        raw = RawInput(sys.stdin.buffer.read(limit + 1), "<stdin>")
    elif isinstance(source, str) and is_url(source):
        raw = _fetch(source, limit)
    else:
        raw = _read_file(Path(source), limit)
    raw = _inflate(raw, limit)
    check_raw(raw, limit)
    return raw


def _inflate(raw: RawInput, limit: int) -> RawInput:
    """The decompressed input when ``raw`` is gzip, else ``raw`` itself."""
    if not is_gzip(raw.data):
        return raw
    if len(raw.data) > limit:  # the text inside is at least about as large
        raise InputError(Errors.E003, source=raw.name, size=len(raw.data), limit=limit)
    return RawInput(gunzip_capped(raw.data, raw.name, limit), raw.name, raw.url, raw.content_type)


def check_raw(raw: RawInput, limit: int | None = None) -> None:
    """Raise InputError for empty, oversized (over ``limit``) or binary input."""
    if not raw.data.strip():
        raise InputError(Errors.E001, source=raw.name)
    limit = limit or max_bytes()
    if len(raw.data) > limit:
        raise InputError(Errors.E003, source=raw.name, size=len(raw.data), limit=limit)
    kind = binary_kind(raw.data)
    if kind:
        raise InputError(Errors.E002, source=raw.name, detail=kind)


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None when it looks like text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return None  # UTF-16 text, decoded later
    if b"\x00" in head:
        return "it contains NUL bytes"
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\v")
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when ``head`` is mostly ASCII in UTF-16 (a NUL in every other byte)."""
    if len(head) < 16 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and _mostly_ascii_text(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and _mostly_ascii_text(odd):
        return "utf-16-be"
    return None


def _mostly_ascii_text(data: bytes) -> bool:
    return sum(32 <= byte < 127 or byte in b"\t\n\r" for byte in data) > 0.9 * len(data)


def _read_file(path: Path, limit: int) -> RawInput:
    try:
        if path.is_dir():
            raise InputError(Errors.E015, source=str(path))
        size = path.stat().st_size
        if size > limit:
            raise InputError(Errors.E003, source=str(path), size=size, limit=limit)
        # A pipe or device (``<(curl ...)``, /dev/stdin) has no size: read it up to the limit.
        with path.open("rb") as handle:
            return RawInput(handle.read(limit + 1), str(path))
    except (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError) as exc:
        raise InputError(Errors.E007, source=str(path)) from exc


def _fetch(url: str, limit: int) -> RawInput:
    request = urllib.request.Request(url, headers={"User-Agent": "digesthub/0.1 (+news digests)"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get("Content-Type")
            final_url = response.geturl()
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
        raise InputError(Errors.E008, source=url, detail=str(getattr(exc, "reason", exc))) from exc
    return RawInput(data, url, url=final_url, content_type=content_type)
