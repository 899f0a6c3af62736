"""One standalone HTML page: the digest, then the numbered article it cites.

Every string from the article is passed through ``html.escape``; citations
link to ``#para-N`` anchors on the same page. No scripts, no external assets.
"""

from __future__ import annotations

from html import escape

from digesthub.present.format import card_fact_lines, date_note
from digesthub.types import Citation, Digest, EntityCard, NamedEntity

_CSS = """
body{font:16px/1.55 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.7rem;line-height:1.25}h2{border-bottom:2px solid #b22;padding-bottom:.2rem;margin-top:2.2rem}
.meta,.kind{color:#666;font-size:.9rem}.cite{font-size:.75rem;text-decoration:none;color:#b22}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.card h3{margin:.2rem 0}.date{font-weight:bold}.note{background:#fff6d6;padding:.5rem}
ol.article li{margin:.6rem 0}ol.article li:target{background:#fff2b3}
"""


def _cites(citations: list[Citation]) -> str:
    numbers = dict.fromkeys(c.paragraph for c in citations)
    return "".join(f'<a class="cite" href="#para-{n}">[para.&nbsp;{n}]</a>' for n in numbers)


def _also_named(mentioned: list[NamedEntity]) -> str:
    """The names without a card, each linked to the paragraph first naming it."""
    if not mentioned:
        return ""
    names = ", ".join(escape(named.name) + (" " + _cites([Citation(named.paragraphs[0])]) if named.paragraphs else "")
                      for named in mentioned)
    return f'<p class="meta">Also named: {names}</p>'


def _card(card: EntityCard) -> str:
    aliases = f" · also: {escape(', '.join(card.aliases))}" if card.aliases else ""
    names = {card.name, *card.aliases}
    facts = "".join(
        f"<li><b>{escape(label)}:</b> {escape(value)} "
        f"<q>{escape(f.text)}</q> {_cites([Citation(f.paragraph)])}</li>"
        for label, value, f in card_fact_lines(card.facts, names))
    return (f'<div class="card"><h3>{escape(card.name)}</h3><div class="kind">{escape(card.type)}{aliases}</div>'
            f"<p>{escape(card.description)} {_cites(card.citations)}</p>"
            + (f"<ul>{facts}</ul>" if facts else "") + "</div>")


def _summary(digest: Digest) -> str:
    groups: dict[int, list[str]] = {}
    for s in digest.summary:
        groups.setdefault(s.group, []).append(f"{escape(s.text)} {_cites(s.citations)}")
    return "".join(f"<p>{' '.join(g)}</p>" for _, g in sorted(groups.items()))


def _wrap(body: str, tag: str) -> str:
    return f"<{tag}>{body}</{tag}>" if body else ""


def _section(heading: str, body: str, tag: str | None = None) -> str:
    """A headed section, or nothing when it has no content (as in the Markdown)."""
    if not body:
        return ""
    return f"<h2>{heading}</h2>" + (_wrap(body, tag) if tag else body)


def render_html(digest: Digest) -> str:
    article = digest.article
    title = escape(article.title or "Untitled article")
    meta = " · ".join(escape(m) for m in [
        article.source or "", ("by " + ", ".join(article.authors)) if article.authors else "",
        f"published {article.published.isoformat()}" if article.published else "",
        f"{digest.engine} engine"] if m)
    notes = "".join(f'<p class="note">{escape(w)}</p>' for w in digest.warnings)
    points = "".join(f"<li>{escape(p.text)} {_cites(p.citations)}</li>" for p in digest.key_points)
    timeline = "".join(
        f'<li><span class="date">{escape(e.date.text[:1].upper() + e.date.text[1:])}</span> '
        f'<span class="meta">({escape(date_note(e.date))})</span>: '
        f"{escape(e.text)} {_cites(e.citations)}</li>" for e in digest.timeline.entries)
    paragraphs = "".join(f'<li id="para-{p.number}" value="{p.number}">{escape(p.text)}</li>'
                         for p in article.paragraphs)
    check = digest.verification
    dropped = "".join(f"<li>{escape(d.section)}: <q>{escape(d.item)}</q> ({escape(d.reason)})</li>"
                      for d in check.dropped)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} — digest</title><style>{_CSS}</style></head><body>
<h1>{title}</h1><p class="meta">{meta}</p>{notes}
{_section("Digest hub", points, "ul")}
{_section("Summary", _summary(digest))}
{_section("Entities", "".join(_card(c) for c in digest.entities) + _also_named(digest.mentioned))}
{_section("Timeline", timeline, "ul")}
<h2>Checks</h2><p>Citations verified: {check.citations_verified}/{check.citations_checked}.</p>{_wrap(dropped, "ul")}
<h2>Article</h2><ol class="article">{paragraphs}</ol>
</body></html>
"""
