"""Dossiers: what the corpus knows about one entity, with sources.

Facts are grouped by kind; when articles disagree (two valuations, two
CEOs), every value is kept with its date and source and the group is marked
as a conflict, newest first, rather than one value silently winning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from digesthub.corpus.db import Database
from digesthub.corpus.names import blocking_keys, core_tokens, name_key
from digesthub.corpus.timeline import merged_timeline, render_timeline
from digesthub.errors import CorpusError, Errors
from digesthub.types import Citation, Timeline

# Fact kinds whose value is the name of a company (on a person's dossier) or of a person.
_ORG_VALUED = frozenset({"ceo of", "founder of"})
_PERSON_VALUED = frozenset({"ceo", "founder"})
# Kinds whose values add up (a round's several investors, a company's co-founders, the companies
# a person founded) or change over time (amounts).
_ADDITIVE = frozenset({"investors", "launch", "founder", "founder of"})
_TIMED = frozenset({"funding", "valuation", "revenue", "profit", "users", "employees"})
_QUALIFIER = re.compile(r"^(?:about|over|more than|nearly|almost|around|up to|at least|some|roughly)\s+")
LOOKUP_LABELS = ("ORG", "PERSON", "GPE", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART", "LAW")


@dataclass
class FactRecord:
    """One value of a fact as one article states it."""

    value: str
    date: str | None
    citation: Citation
    published: str | None
    source: str | None
    text: str


@dataclass
class FactGroup:
    kind: str
    records: list[FactRecord]

    @property
    def conflicting(self) -> bool:
        """Whether sources give different values for one thing. Investors and launches add up;
        amounts (funding, valuation, revenue, users, employees) are a history: two values
        disagree only when they hold for the same year (the fact's date, else the article's)."""
        if self.kind in _ADDITIVE:
            return False
        if self.kind not in _TIMED:
            return len({self._comparable(r.value) for r in self.records}) > 1
        by_year: dict[str, set[str]] = {}
        for record in self.records:
            year = (record.date or record.published or "")[:4]
            if year:
                by_year.setdefault(year, set()).add(self._comparable(record.value))
        return any(len(values) > 1 for values in by_year.values())

    def _comparable(self, value: str) -> str:
        """A value as facts are compared: "about 2019" (an estimate) does not contradict "2019",
        nor "over 600 million USD" "600 million USD"; a company named with or without its suffix
        ("Zhipu", "Zhipu AI") or a person in either name order ("Peng Zhang", "Zhang Peng") is one value."""
        value = _QUALIFIER.sub("", value.lower())
        if self.kind in _ORG_VALUED:
            return name_key(value, "ORG")
        if self.kind in _PERSON_VALUED:
            return "".join(sorted(core_tokens(value, "PERSON")))
        return value


@dataclass
class Dossier:
    """An entity across the corpus."""

    name: str
    label: str
    aliases: list[str]
    description: str
    facts: list[FactGroup]
    related: list[tuple[str, int]]
    timeline: Timeline
    articles: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        """The dossier as Markdown."""
        lines = [f"# {self.name} ({self.label})"]
        if self.aliases:
            lines.append(f"Also: {', '.join(self.aliases)}")
        lines += ["", self.description or "(no description)", "", f"Articles: {len(self.articles)}"]
        if self.facts:
            lines += ["", "## Facts"]
            for group in self.facts:
                flag = " (sources disagree)" if group.conflicting else ""
                lines.append(f"- {group.kind}{flag}:")
                lines += [f"  - {_value_text(r)} [{_source(r)}]" for r in group.records]
        if self.related:
            lines += ["", "## Related", ", ".join(f"{name} ({n})" for name, n in self.related)]
        if self.timeline.entries:
            lines += ["", "## Timeline", render_timeline(self.timeline)]
        return "\n".join(lines)


def _value_text(record: FactRecord) -> str:
    """"March 2023" for a founding year dated to the month; else the value and its date."""
    from digesthub.present.format import finer_date_label  # rendering, as render_timeline does

    if finer := finer_date_label(record.value, record.date):
        return finer
    return record.value + (f", as of {record.date}" if record.date and record.date != record.value else "")


def _source(record: FactRecord) -> str:
    """Where a value comes from: article, paragraph, publisher, publication date."""
    parts = [f"{record.citation.article_id} para. {record.citation.paragraph}", record.source, record.published]
    return ", ".join(p for p in parts if p)


MIN_FUZZY_SHARE = 0.6  # a stored name this much of the query's length, at least, to match it fuzzily


def find_entity(db: Database, name: str) -> int:
    """Id of the entity called ``name`` (exact name, then normalized keys, then fuzzy)."""
    rows = db.query("SELECT entity_id FROM entity_names WHERE lower(name) = lower(?)", (name,))
    if not rows:
        keys = sorted(set().union(*(blocking_keys(name, label) for label in LOOKUP_LABELS)))
        keys = [k for k in keys if k.startswith(("k:", "a:"))]
        marks = ", ".join("?" * len(keys))
        rows = db.query(f"SELECT entity_id FROM entity_keys WHERE key IN ({marks})", keys) if keys else []
    if not rows:
        # A stored short form ("Yu") is no fuzzy match of a longer query ("Yuezhi"): WRatio would
        # score the part it finds inside the query as a near-perfect match.
        names = {stored: entity for stored, entity in db.query("SELECT name, entity_id FROM entity_names")
                 if len(stored) >= MIN_FUZZY_SHARE * len(name)}
        found = process.extractOne(name, list(names), scorer=fuzz.WRatio, score_cutoff=88)
        if found is None:
            close = process.extract(name, list(names), scorer=fuzz.WRatio, limit=3)
            hint = f"; did you mean {', '.join(c[0] for c in close)}?" if close else "."
            raise CorpusError(Errors.E202, name=name, hint=hint)
        rows = [(names[found[0]],)]
    return _most_reported({int(r[0]) for r in rows}, db)


def _most_reported(ids: set[int], db: Database) -> int:
    counts = {i: int(db.scalar("SELECT COUNT(*) FROM article_entities WHERE entity_id = ?", (i,)))
              for i in ids}
    return max(sorted(ids), key=lambda i: counts[i])


def build_dossier(db: Database, entity_id: int) -> Dossier:
    """Everything stored about entity ``entity_id``."""
    name, label = db.query("SELECT name, label FROM entities WHERE id = ?", (entity_id,))[0]
    names = [r[0] for r in db.query("SELECT name FROM entity_names WHERE entity_id = ? ORDER BY name",
                                     (entity_id,))]
    mentions = db.query("SELECT ae.article_id, ae.description, ae.salience, ae.name FROM article_entities ae"
                        " JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?"
                        " ORDER BY a.published, ae.article_id", (entity_id,))
    called = Counter(r[3] for r in mentions)
    display = max(called, key=lambda n: (called[n], len(n))) if called else name
    descriptions = [r for r in mentions if r[1]]
    description = max(descriptions, key=lambda r: (r[2], len(r[1])))[1] if descriptions else ""
    return Dossier(
        name=display, label=label, aliases=[n for n in names if n != display], description=description,
        facts=_fact_groups(db, entity_id), related=_related(db, entity_id),
        timeline=merged_timeline(db, entity_id), articles=[r[0] for r in mentions],
    )


def _fact_groups(db: Database, entity_id: int) -> list[FactGroup]:
    rows = db.query(
        "SELECT f.kind, f.value, f.date_value, f.article_id, f.paragraph, a.published, a.source, f.text"
        " FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.entity_id = ?"
        " ORDER BY f.kind, COALESCE(f.date_first, a.published) DESC, f.article_id, f.paragraph", (entity_id,))
    groups: dict[str, FactGroup] = {}
    for kind, value, date, article_id, paragraph, published, source, text in rows:
        group = groups.setdefault(kind, FactGroup(kind, []))
        record = FactRecord(value, date, Citation(int(paragraph), article_id), published, source, text)
        if not any(r.value == value and r.citation == record.citation for r in group.records):
            group.records.append(record)
    return list(groups.values())


def _related(db: Database, entity_id: int, limit: int = 10) -> list[tuple[str, int]]:
    rows = db.query(
        "SELECT e.name, COUNT(DISTINCT a2.article_id) AS n FROM article_entities a1"
        " JOIN article_entities a2 ON a2.article_id = a1.article_id AND a2.entity_id <> a1.entity_id"
        " JOIN entities e ON e.id = a2.entity_id WHERE a1.entity_id = ?"
        " GROUP BY e.id, e.name ORDER BY n DESC, e.name LIMIT ?", (entity_id, limit))
    return [(r[0], int(r[1])) for r in rows]
