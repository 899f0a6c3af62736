"""The data types every layer of digesthub shares.

Every stage takes and returns these; no other module redefines them. Offsets in
an :class:`AnnotatedArticle` are character offsets into ``Article.text`` (the
paragraphs joined by a blank line), and each annotation also carries the number
of the paragraph it falls in, so citations never need offsets.

``to_dict`` / ``from_dict`` give the JSON shape documented in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types as _pytypes
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.2"

PARAGRAPH_SEPARATOR = "\n\n"

EntityLabel = str  # PERSON, ORG, GPE, LOC, PRODUCT, NORP, EVENT, FAC, WORK_OF_ART, LAW
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
CardType = Literal["organization", "person", "product", "place", "other"]


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph of article body text (numbered from 1)."""

    number: int
    text: str


@dataclass
class Article:
    """An article after ingest: metadata plus numbered body paragraphs.

    Boilerplate (adverts, menus, bylines, the publisher's own digest) has been
    removed before numbering; what it said about the article is kept in
    ``source``, ``authors``, ``original_url`` and ``metadata``.
    """

    id: str
    title: str | None
    paragraphs: list[Paragraph]
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    original_url: str | None = None
    language: str = "en"
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by a blank line (offsets refer to this)."""
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def paragraph(self, number: int) -> Paragraph:
        """The paragraph numbered ``number``; IndexError if there is none."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        raise IndexError(f"article {self.id} has no paragraph {number}")

    def paragraph_offsets(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph inside :attr:`text`, in order."""
        offsets, position = [], 0
        for para in self.paragraphs:
            offsets.append((position, position + len(para.text)))
            position += len(para.text) + len(PARAGRAPH_SEPARATOR)
        return offsets

    def paragraph_at(self, offset: int) -> int:
        """Number of the paragraph holding character ``offset`` of :attr:`text`."""
        for number, (start, end) in enumerate(self.paragraph_offsets(), start=1):
            if offset <= end:
                return number
        return len(self.paragraphs)


# --------------------------------------------------------------------------- analyze


@dataclass
class Sentence:
    """A sentence of the body; ``start``/``end`` are offsets into Article.text."""

    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Mention:
    """A named-entity mention. Offsets are into the text it was found in."""

    start: int
    end: int
    text: str
    label: EntityLabel
    paragraph: int | None = None


@dataclass
class TimeExpression:
    """A time expression normalized in TimeML TIMEX3 style.

    ``value`` is e.g. ``2024-12``, ``2024-H1``, ``2022``, ``P3Y``,
    ``PRESENT_REF``; ``mod`` is START, MID, END, APPROX, ... or None;
    ``first_day``/``last_day`` bound the calendar span when it has one.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    paragraph: int | None = None


@dataclass
class Quantity:
    """A normalized amount: 2e10 CNY, 4.2e7 users, 1000 employees.

    ``qualifier`` keeps the article's approximation ("over", "nearly",
    "about", "up to"); ``equivalents`` holds stated conversions such as the
    "$2.7 billion" in "20 billion yuan ($2.7 billion)".
    """

    amount: float
    unit: str
    qualifier: str | None = None
    equivalents: list[Quantity] = field(default_factory=list)


FactKind = Literal[
    "valuation", "funding", "revenue", "profit", "users", "employees", "founded",
    "founder", "ceo", "headquarters", "investors", "launch",
]


@dataclass
class Fact:
    """A typed fact about an entity, with its evidence.

    ``quantity`` holds amounts and counts, ``value`` a normalized string for the
    rest (a person's name, a city, a product, a round such as "Series A"),
    ``date`` the time the fact holds or happened when the text says so.
    """

    kind: FactKind
    subject: str
    text: str
    paragraph: int
    quantity: Quantity | None = None
    value: str | None = None
    date: TimeExpression | None = None
    details: dict[str, str] = field(default_factory=dict)


@dataclass
class EntityRef:
    """One entity inside one article: its mentions grouped under a name."""

    name: str
    label: EntityLabel
    aliases: list[str]
    mentions: list[Mention]
    salience: float = 0.0


@dataclass
class AnnotatedArticle:
    """An article with the analysis layer's output."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention]
    entities: list[EntityRef]
    times: list[TimeExpression]
    facts: list[Fact]

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]


# --------------------------------------------------------------------------- digest


@dataclass(frozen=True)
class Citation:
    """A pointer to paragraph ``paragraph`` of article ``article_id``."""

    paragraph: int
    article_id: str | None = None

    def label(self) -> str:
        return f"[para. {self.paragraph}]"


@dataclass
class KeyPoint:
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class SummarySentence:
    """A summary sentence; ``group`` is the summary paragraph it belongs to."""

    text: str
    citations: list[Citation]
    group: int = 0
    verified: bool | None = None


@dataclass
class EntityCard:
    name: str
    type: CardType
    aliases: list[str]
    description: str
    facts: list[Fact]
    salience: float = 0.0
    label: EntityLabel = ""
    citations: list[Citation] = field(default_factory=list)


@dataclass
class NamedEntity:
    """A company, person or product the article names that has no card: where it is named, and the
    first sentence naming it (what the corpus indexes it by)."""

    name: str
    label: EntityLabel
    aliases: list[str] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
    context: str = ""
    salience: float = 0.0


@dataclass
class TimelineEntry:
    """What happened at ``date``, with the paragraphs that say so."""

    date: TimeExpression
    text: str
    citations: list[Citation]


@dataclass
class Timeline:
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass
class Dropped:
    """Something an engine produced that failed a check, and why."""

    section: str
    item: str
    reason: str


@dataclass
class Verification:
    """How many citations were checked and how many held."""

    citations_checked: int = 0
    citations_verified: int = 0
    dropped: list[Dropped] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        if not self.citations_checked:
            return 1.0
        return self.citations_verified / self.citations_checked


@dataclass
class Digest:
    """The digest of one article: the four sections plus provenance."""

    article: Article
    key_points: list[KeyPoint]
    summary: list[SummarySentence]
    entities: list[EntityCard]
    timeline: Timeline
    engine: str = "offline"
    verification: Verification = field(default_factory=Verification)
    warnings: list[str] = field(default_factory=list)
    mentioned: list[NamedEntity] = field(default_factory=list)  # since schema 1.1
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (docs/schema.md)."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        return from_dict(cls, data)

    def to_markdown(self) -> str:
        from digesthub.present.markdown import render_markdown

        return render_markdown(self)

    def to_html(self) -> str:
        from digesthub.present.html import render_html

        return render_html(self)


# --------------------------------------------------------------------------- corpus


@dataclass
class EntityCluster:
    """An entity across documents; mentions are ``(doc_id, start, end)``."""

    name: str
    label: EntityLabel
    mentions: list[tuple[str, int, int]]
    aliases: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- (de)serialization


def to_dict(obj: Any) -> Any:
    """Convert a dataclass tree to JSON-ready values (dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


def from_dict(cls: Any, data: Any) -> Any:
    """Rebuild ``cls`` (a dataclass or annotated type) from :func:`to_dict` output."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, _pytypes.UnionType):
        options = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        return from_dict(options[0], data)
    if origin is list:
        (item_type,) = typing.get_args(cls)
        return [from_dict(item_type, item) for item in data]
    if origin is tuple:
        return tuple(data)
    if origin is dict:
        return dict(data)
    if cls is dt.date:
        return dt.date.fromisoformat(data)
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        kwargs = {
            f.name: from_dict(hints[f.name], data[f.name])
            for f in dataclasses.fields(cls)
            if f.name in data
        }
        return cls(**kwargs)
    return data
