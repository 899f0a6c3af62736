"""Markdown in the layout of a publisher's digest: key points, summary, cards, timeline.

Article text is escaped so that it can never become markup (links, HTML,
headings) in whatever renders the Markdown.
"""

from __future__ import annotations

import re

from digesthub.present.format import card_fact_lines, citation_labels, date_note
from digesthub.types import Digest, EntityCard, NamedEntity, SummarySentence

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Escape Markdown and inline-HTML syntax in article text."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(digest: Digest) -> str:
    sections = [_header(digest), _key_points(digest), _summary(digest.summary), _cards(digest.entities, digest.mentioned),
                _timeline(digest), _checks(digest)]
    return "\n\n".join(s for s in sections if s) + "\n"


def _header(digest: Digest) -> str:
    article = digest.article
    title = escape(article.title) if article.title else "Untitled article"
    meta = [escape(article.source)] if article.source else []
    if article.authors:
        meta.append("by " + escape(", ".join(article.authors)))
    if article.published:
        meta.append(f"published {article.published.isoformat()}")
    count = len(article.paragraphs)
    meta.append(f"{count} paragraph{'' if count == 1 else 's'}")
    meta.append(f"{digest.engine} engine")
    lines = [f"# {title}", "", "*" + " · ".join(meta) + "*"]
    lines.extend(f"\n> **Note:** {escape(w)}" for w in digest.warnings)
    return "\n".join(lines)


def _key_points(digest: Digest) -> str:
    if not digest.key_points:
        return ""
    lines = ["## Digest hub"]
    lines.extend(f"- {escape(p.text)} {citation_labels(p.citations)}".rstrip() for p in digest.key_points)
    return "\n".join(lines)


def _summary(sentences: list[SummarySentence]) -> str:
    if not sentences:
        return ""
    groups: dict[int, list[str]] = {}
    for sentence in sentences:
        groups.setdefault(sentence.group, []).append(
            f"{escape(sentence.text)} {citation_labels(sentence.citations)}")
    return "## Summary\n\n" + "\n\n".join(" ".join(g) for _, g in sorted(groups.items()))


def _card(card: EntityCard) -> str:
    lines = [f"### {escape(card.name)}"]
    kind = card.type + (" · also: " + escape(", ".join(card.aliases)) if card.aliases else "")
    lines.append(f"*{kind}*")
    if card.description:
        lines.append("")
        lines.append(escape(card.description) + (" " + citation_labels(card.citations) if card.citations else ""))
    if card.facts:
        lines.append("")
        names = {card.name, *card.aliases}
        for label, value, fact in card_fact_lines(card.facts, names):
            lines.append(f"- **{label}:** {escape(value)} — “{escape(fact.text)}” [para. {fact.paragraph}]")
    return "\n".join(lines)


def _cards(cards: list[EntityCard], mentioned: list[NamedEntity]) -> str:
    parts = [_card(card) for card in cards]
    if mentioned:  # the names without a card, each with the paragraph first naming it
        parts.append("*Also named:* " + ", ".join(
            escape(named.name) + (f" [para. {named.paragraphs[0]}]" if named.paragraphs else "") for named in mentioned))
    return "## Entities\n\n" + "\n\n".join(parts) if parts else ""


def _timeline(digest: Digest) -> str:
    if not digest.timeline.entries:
        return ""
    lines = ["## Timeline"]
    for entry in digest.timeline.entries:
        lines.append(f"- **{escape(entry.date.text[:1].upper() + entry.date.text[1:])}** "
                     f"({escape(date_note(entry.date))}): {escape(entry.text)} {citation_labels(entry.citations)}")
    return "\n".join(lines)


def _checks(digest: Digest) -> str:
    check = digest.verification
    lines = ["## Checks",
             f"Citations verified: {check.citations_verified}/{check.citations_checked}."]
    for dropped in check.dropped:
        lines.append(f"- dropped from {dropped.section}: “{escape(dropped.item)}” ({escape(dropped.reason)})")
    return "\n".join(lines)
