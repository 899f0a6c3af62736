"""Rules that separate article body from page furniture in plain text.

Each line of a text page is classified before paragraphs are numbered:

* metadata lines ("Source: ...", "Title: ...", a 【byline】, "By A and B", "Original text: URL",
  "Statement: ...", "Published: DATE") become Article fields;
* furniture (subscription adverts, "Listen to the full version", menu bullets
  such as "- PODCAST", share/follow prompts, a wire story's "(Reporting by ...;
  Editing by ...)" credit line) is dropped;
* a publisher's own digest (a "DIGEST HUB" / "Key points" / "Highlights"
  header followed by bullets, cited summary lines and card/timeline bullets)
  is dropped as a block;
* short heading lines without sentence punctuation are section headings, not
  paragraphs.

The rules are about the *shape* of lines (length, case, bullets, citations)
and generic publishing vocabulary, never about one site's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from digesthub.ingest.dates import is_date_line

BULLET = re.compile(r"^\s*(?:[-*•·▪►]|\d{1,2}[.)])\s+")
CITATION = re.compile(r"\[\s*para(?:graph)?\.?\s*\d+\s*\]", re.I)
URL = re.compile(r"https?://\S+")

_SOURCE = re.compile(r"^\s*(?:source|来源|来源于)\s*[:：]\s*(?P<value>.{2,80})$", re.I)
_ORIGINAL = re.compile(r"^\s*(?:original(?: text| article| link| url)?|原文(?:链接)?|via)\s*[:：]\s*(?P<value>\S+)\s*$", re.I)
_TITLE = re.compile(r"^\s*(?:title|headline|标题)\s*[:：]\s*(?P<value>.{2,300})$", re.I)
_STATEMENT = re.compile(r"^\s*(?:statement|disclaimer|声明|editor'?s? disclaimer)\s*[:：]\s*(?P<value>.+)$", re.I)
_PUBLISHED = re.compile(
    r"^\s*(?:published|posted|updated|date|first published)\s*(?:on|at)?\s*[:：]?\s*(?P<value>.{6,60})$", re.I)
_BYLINE_BRACKETS = re.compile(r"^\s*【(?P<value>[^】]{2,120})】\s*")
_BYLINE_BY = re.compile(r"^\s*(?:[Bb]y|BY)\s+(?P<value>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
                        r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})*)\s*$")
_ROLE_WORDS = re.compile(
    r"\b(?:reporters?|correspondents?|staff writers?|writers?|editors?|contributors?|"
    r"photographers?|special to|staff)\b", re.I)

# Generic vocabulary of page furniture: calls to subscribe, listen, share, sign in.
_FURNITURE = re.compile(
    r"^(?:listen to (?:the |this )?(?:full |whole )?(?:version|article|story)|"
    r"(?:read|see) (?:more|also|the full)|advertisement|sponsored|share (?:this|on)|"
    r"follow us|sign (?:up|in)|log ?in|subscribe\b|skip to|back to top|related (?:articles?|stories)|"
    r"click here|download (?:the|our) app|all rights reserved|copyright\b|©)", re.I)
_SUBSCRIPTION = re.compile(r"\b(?:subscri(?:be|ption)|newsletter|paywall|discounts?|free trial|"
                           r"premium (?:access|content)|sign up)\b", re.I)
# A wire story's credit line: "(Reporting by A in Shanghai; Editing by B)", "Writing by C",
# "Additional reporting by D" -- who worked on the story, never what it says. Past the first
# "by", only names, places and the credit words themselves.
_CREDIT_LINE = re.compile(
    r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|graphics?|research|"
    r"translat(?:ed|ion)|fact[- ]checking|production)\s+by\s+(?P<credits>[^()\[\]]{2,300})[)\]]?\s*\.?$", re.I)
_CREDIT_LOWER_WORDS = re.compile(
    r"\b(?!(?:and|in|by|with|from|at|of|the|additional|reporting|writing|editing|compiled|graphics?|"
    r"research|translation|translated|fact-checking|production|de|van|von|da|al|bin|el)\b)[a-z][\w'’-]*")


def _is_credit_line(text: str) -> bool:
    match = _CREDIT_LINE.match(text)
    return bool(match and not _CREDIT_LOWER_WORDS.search(match["credits"]))


# "Associated Press writer Jane Doe in Paris contributed to this report."
_CONTRIBUTED = re.compile(r"^[^.!?]{3,160}\bcontributed(?:\s+reporting)?\s+(?:to\s+)?(?:this|the)\s+"
                          r"(?:report|story|article)\s*\.?$", re.I)
_DIGEST_HEADER = re.compile(
    r"^(?:digest(?: hub)?|key (?:points|takeaways)|takeaways|highlights|at a glance|tl;?dr|"
    r"(?:ai[- ]generated |quick )?summary|in brief|the gist|what you need to know)\s*:?$", re.I)


@dataclass
class PageParts:
    """What the rules found on a page: body lines and metadata."""

    body: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    title: str | None = None  # a heading met before any body line
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    original_url: str | None = None
    published_text: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    dropped: list[str] = field(default_factory=list)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def words(line: str) -> int:
    """Whitespace words, counting each CJK character as a word (those scripts use no spaces)."""
    return len(_CJK.sub(" ", line).split()) + len(_CJK.findall(line))


def is_heading(line: str) -> bool:
    """A short line without closing sentence punctuation: a title or section heading."""
    stripped = line.strip().strip('"“”')
    return 0 < words(stripped) <= 14 and not re.search(r"[.!?:;,…。！？；]$", stripped) and not BULLET.match(line)


def is_top_title(line: str) -> bool:
    """The first line of a page, before any body text, as a headline: headlines run longer than
    section headings (up to about 25 words) and may ask a question, but never end a sentence."""
    stripped = line.strip().strip('"“”')
    return (0 < words(stripped) <= 25 and not re.search(r"[.:;,…。；]$", stripped)
            and not BULLET.match(line))


# The masthead line under a headline ("Caixin Global", "South China Morning Post"): a few
# capitalized words, one of them a word publications are named with.
_PUBLICATION_WORD = re.compile(
    r"\b(?:Times|Post|News|Daily|Global|Journal|Herald|Tribune|Review|Press|Wire|Weekly|Magazine|"
    r"Media|Online|Agency|Telegraph|Gazette|Observer|Chronicle|Courier|Standard|Monitor|Insider|"
    r"Reuters|Bloomberg|Xinhua|Associated Press)\b")
_MASTHEAD = re.compile(r"^(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|the|and|&|[A-Z][\w&'’.-]*)){0,4}$")


def is_masthead(line: str) -> bool:
    """A publication's name standing alone on its line."""
    stripped = line.strip()
    return bool(_MASTHEAD.match(stripped) and _PUBLICATION_WORD.search(stripped))


# A wire dateline on a line of its own ("NAIROBI, Kenya (AP) _", "INDEPENDENCE, Mo. (AP)--",
# "LONDON (Reuters) -"): where the story was filed, never its title.
_DATELINE_LINE = re.compile(
    r"^[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?\s*"
    r"(?:\((?:AP|Reuters|AFP|UPI|Xinhua|Bloomberg|CNN|dpa|Kyodo)\)\s*(?:[-–—_:]+)?|[-–—_]{1,2})\s*$")


def is_dateline(line: str) -> bool:
    """A line that is only a wire dateline."""
    return bool(_DATELINE_LINE.match(line.strip()))


def is_furniture(line: str) -> bool:
    """Adverts, menus and prompts that are never article text."""
    text = BULLET.sub("", line).strip()
    if not text:
        return True
    if _FURNITURE.match(text) or _is_credit_line(text) or _CONTRIBUTED.match(text):
        return True
    if _SUBSCRIPTION.search(text) and words(text) <= 25:
        return True
    # menu bullets: "- PODCAST", "- MOST POPULAR"
    letters = [c for c in text if c.isalpha()]
    return bool(BULLET.match(line)) and words(text) <= 4 and bool(letters) and all(c.isupper() for c in letters)


def split_authors(byline: str) -> list[str]:
    """Names from a byline such as "Global Times reporter, A B, C D" or "A and B"."""
    parts = [_after_role(part) for part in re.split(r"\s*(?:,|，|、|;|\band\b|&)\s*", byline)]
    return [p for p in parts if p and words(p) <= 4]


def _after_role(part: str) -> str:
    """The name a byline piece holds: "Global Times reporters Chen Xiaoqing" -> "Chen Xiaoqing"; a
    role alone ("staff writer") holds none."""
    roles = list(_ROLE_WORDS.finditer(part))
    rest = part[roles[-1].end():].strip(" :：") if roles else part.strip()
    return rest if rest[:1].isupper() and not _ROLE_WORDS.search(rest) else ""


_FIELDS = ((_SOURCE, "source"), (_TITLE, "title"), (_ORIGINAL, "original_url"),
           (_STATEMENT, "statement"), (_PUBLISHED, "published"))
# Header lines that join several metadata fields: "By Jane Doe | Published: 2024-02-20",
# "Reuters · Updated March 3, 2025".
_FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def take_metadata(line: str, parts: PageParts) -> str | None:
    """Record a metadata line in ``parts``; return what remains of the line as body text."""
    pieces = _FIELD_SEPARATOR.split(line.strip())
    if len(pieces) > 1 and all(_is_metadata_field(piece) for piece in pieces):
        for piece in pieces:
            if _take_one_field(piece, parts) is not None and parts.published_text is None:
                parts.published_text = piece  # a bare date among the fields
        return None
    return _take_one_field(line, parts)


def _is_metadata_field(piece: str) -> bool:
    return any(pattern.match(piece) for pattern, _ in _FIELDS) or bool(_BYLINE_BY.match(piece)) \
        or is_date_line(piece)


def _take_one_field(line: str, parts: PageParts) -> str | None:
    for pattern, store in _FIELDS:
        match = pattern.match(line)
        if not match:
            continue
        value = match.group("value").strip()
        if store == "source" and parts.source is None:
            parts.source = value
        elif store == "title" and parts.title is None and not parts.body:
            parts.title = value
        elif store == "original_url":
            parts.original_url = value
        elif store == "published" and parts.published_text is None:
            parts.published_text = value
        else:
            parts.metadata[store] = value
        return None
    if match := _BYLINE_BRACKETS.match(line):
        parts.authors.extend(split_authors(match.group("value")))
        role = _ROLE_WORDS.search(match.group("value"))
        if role and parts.source is None:
            parts.source = match.group("value")[: role.start()].strip(" ,") or None
        rest = line[match.end():].strip()
        return rest or None
    if match := _BYLINE_BY.match(line):
        parts.authors.extend(split_authors(match.group("value")))
        return None
    return line


def digest_block_end(lines: list[str], start: int) -> int:
    """Index after a publisher digest that begins at header line ``start``.

    The block holds bullets, lines with [para. N] citations, and description
    lines that follow a short heading-like bullet (an entity card or a date).
    """
    index, previous_short_bullet = start + 1, False
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if BULLET.match(line):
            previous_short_bullet = words(BULLET.sub("", line)) <= 6
        elif CITATION.search(line) or previous_short_bullet:
            previous_short_bullet = False
        else:
            break
        index += 1
    return index


def is_digest_header(lines: list[str], index: int) -> bool:
    """A digest header line followed by at least two bullet or cited lines."""
    text = BULLET.sub("", lines[index]).strip()
    if not _DIGEST_HEADER.match(text):
        return False
    following = [line for line in lines[index + 1: index + 6] if line.strip()]
    return sum(1 for line in following if BULLET.match(line) or CITATION.search(line)) >= 2


def classify_lines(lines: list[str]) -> PageParts:
    """Sort the lines of a plain-text page into body, headings, metadata and dropped."""
    parts, index = PageParts(), 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if is_digest_header(lines, index):
            end = digest_block_end(lines, index)
            parts.dropped.extend(item.strip() for item in lines[index:end] if item.strip())
            index = end
            continue
        remaining = take_metadata(line, parts)
        if remaining is None:
            index += 1
            continue
        if is_furniture(remaining) or CITATION.search(remaining) or is_dateline(remaining):
            parts.dropped.append(remaining)
        elif not parts.body and parts.published_text is None and is_date_line(remaining):
            parts.published_text = remaining
        elif not parts.body and parts.title is None and is_top_title(remaining):
            parts.title = remaining
        elif not parts.body and parts.source is None and is_masthead(remaining):
            parts.source = remaining
        elif is_heading(remaining):
            parts.headings.append(remaining)
        else:
            parts.body.append(remaining)
        index += 1
    return parts
