"""Writing one digested article into the corpus (call inside a transaction).

Each entity card is resolved against the corpus entities that share a
blocking key with it (:mod:`digesthub.corpus.linking`), so "Zhipu AI" in one
article and "Zhipu" in the next end up as one entity with both names.
"""

from __future__ import annotations

import datetime as dt

from digesthub.corpus.db import Database
from digesthub.corpus.gazetteer import link_known_names
from digesthub.corpus.linking import NameRecord, best_match, compatible_aliases
from digesthub.corpus.names import name_key
from digesthub.digester.cards import card_type
from digesthub.digester.timeline import entry_sentences
from digesthub.types import Citation, Digest, EntityCard, Fact, NamedEntity, Quantity, TimelineEntry

CONTEXT_LIMIT = 300  # co-occurring names read per candidate: enough to decide, bounded for big corpora
CARD_LABELS = {"organization": "ORG", "person": "PERSON", "place": "GPE", "product": "PRODUCT"}


def card_label(card: EntityCard) -> str:
    """The NER label of a card (cards built without one get it from their type)."""
    return card.label or CARD_LABELS.get(card.type, "OTHER")


def delete_article(db: Database, article_id: str) -> None:
    """Remove an article and everything derived from it (a changed article is replaced)."""
    entity_ids = [row[0] for row in db.query(
        "SELECT entity_id FROM article_entities WHERE article_id = ?", (article_id,))]
    if db.dialect == "sqlite":
        db.execute("DELETE FROM paragraph_fts WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    for entity_id in entity_ids:  # entities no other article mentions go with it
        db.execute("DELETE FROM entities WHERE id = ? AND NOT EXISTS"
                   " (SELECT 1 FROM article_entities WHERE entity_id = ?)", (entity_id, entity_id))


def store_digest(db: Database, digest: Digest, content_hash: str) -> None:
    """Insert the article, its paragraphs, entities, facts and events."""
    article = digest.article
    db.execute(
        "INSERT INTO articles (id, content_hash, title, published, url, source, summary, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, content_hash, article.title,
         article.published.isoformat() if article.published else None, article.url, article.source,
         " ".join(s.text for s in digest.summary), dt.datetime.now(dt.timezone.utc).isoformat()),
    )
    for para in article.paragraphs:
        db.execute("INSERT INTO paragraphs (article_id, number, text) VALUES (?, ?, ?)",
                   (article.id, para.number, para.text))
        if db.dialect == "sqlite":
            db.execute("INSERT INTO paragraph_fts (text, article_id, number) VALUES (?, ?, ?)",
                       (para.text, article.id, para.number))
    cards = digest.entities + [_index_card(named) for named in digest.mentioned]
    keys = {card.name: name_key(card.name, card_label(card)) for card in cards}
    entity_ids: dict[str, int] = {}
    newest_before = int(db.scalar("SELECT COALESCE(MAX(id), 0) FROM entities") or 0)
    for card in cards:
        context = set(keys.values()) - {keys[card.name]}
        entity_id = resolve_entity(db, card, context)
        entity_ids[card.name] = entity_id
        _store_card(db, article.id, entity_id, card)
    _store_events(db, digest, entity_ids)
    link_known_names(db, article, {entity_id for entity_id in entity_ids.values() if entity_id > newest_before})


def _index_card(named: NamedEntity) -> EntityCard:
    """A name the digest gave no card, stored like a card: its first sentence, no facts."""
    return EntityCard(name=named.name, type=card_type(named.label), aliases=named.aliases,  # type: ignore[arg-type]
                      description=named.context, facts=[], salience=named.salience, label=named.label,
                      citations=[Citation(number) for number in named.paragraphs])


def resolve_entity(db: Database, card: EntityCard, context: set[str]) -> int:
    """The corpus entity ``card`` names: an existing one when it matches, else a new one."""
    label = card_label(card)
    names = [card.name, *compatible_aliases(card.name, card.aliases, label)]
    record = NameRecord(list(dict.fromkeys(names)), label, context)
    keys = sorted(record.keys())
    candidate_ids: list[int] = []
    if keys:
        marks = ", ".join("?" * len(keys))
        candidate_ids = [row[0] for row in db.query(
            f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({marks}) ORDER BY entity_id", keys)]
    candidates = [load_record(db, entity_id) for entity_id in candidate_ids]
    choice = best_match(record, candidates) if candidates else None
    if choice is None:
        entity_id = db.insert("INSERT INTO entities (name, label, card_type) VALUES (?, ?, ?)",
                              (card.name, record.label, card.type))
    else:
        entity_id = candidate_ids[choice]
    for name in record.names:
        db.execute("INSERT INTO entity_names (entity_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   (entity_id, name))
        for word in set(name.split()) if " " in name else ():
            db.execute("INSERT INTO entity_name_words (word, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                       (word, entity_id))
    for key in keys:
        db.execute("INSERT INTO entity_keys (entity_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                   (entity_id, key))
    return entity_id


def load_record(db: Database, entity_id: int) -> NameRecord:
    """A stored entity as a resolver record: its names and the keys of entities seen with it."""
    label = db.scalar("SELECT label FROM entities WHERE id = ?", (entity_id,))
    names = [row[0] for row in db.query("SELECT name FROM entity_names WHERE entity_id = ?", (entity_id,))]
    rows = db.query(
        "SELECT DISTINCT e.name, e.label FROM article_entities a1"
        " JOIN article_entities a2 ON a1.article_id = a2.article_id AND a2.entity_id <> a1.entity_id"
        " JOIN entities e ON e.id = a2.entity_id WHERE a1.entity_id = ? LIMIT ?", (entity_id, CONTEXT_LIMIT))
    return NameRecord(names, str(label), {name_key(name, lab) for name, lab in rows})


def _store_card(db: Database, article_id: str, entity_id: int, card: EntityCard) -> None:
    paragraphs = ",".join(str(n) for n in sorted({c.paragraph for c in card.citations}))
    db.execute(
        "INSERT INTO article_entities (article_id, entity_id, name, description, salience, paragraphs)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (article_id, entity_id, card.name, card.description, float(card.salience), paragraphs),
    )
    names = {card.name, *card.aliases}
    for fact in card.facts:
        date = fact.date
        # a forecast is its own kind: never compared with (or contradicting) a reported figure
        kind, value = " ".join(filter(None, (fact.kind, fact.details.get("status")))), fact_value(fact)
        if fact.value in names and fact.subject not in names:  # on the CEO's own card: "ceo of" the company
            kind, value = f"{fact.kind} of", fact.subject
        db.execute(
            "INSERT INTO facts (entity_id, article_id, kind, value, date_value, date_first, paragraph, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (entity_id, article_id, kind, value, date.value if date else None,
             date.first_day.isoformat() if date and date.first_day else None, fact.paragraph, fact.text),
        )


def fact_value(fact: Fact) -> str:
    """A fact's value as one comparable string (amounts normalized, qualifier kept)."""
    if fact.quantity is not None and fact.kind == "profit" and fact.details.get("measure"):
        return f"{fact.details['measure']} {format_quantity(fact.quantity)}"  # "net loss 1.2 billion CNY"
    if fact.quantity is not None:
        return format_quantity(fact.quantity)
    if fact.value and "estimated" in fact.details:  # a founding year counted back from an age
        return f"about {fact.value}"
    return fact.value or fact.text


def format_quantity(quantity: Quantity) -> str:
    amount = quantity.amount
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            text = f"{amount / size:g} {word} {quantity.unit}"
            break
    else:
        text = f"{amount:g} {quantity.unit}"
    return f"{quantity.qualifier} {text}" if quantity.qualifier else text


def _store_events(db: Database, digest: Digest, entity_ids: dict[str, int]) -> None:
    """One row per event sentence, linked to the entities it names.

    A digest entry joins a date's sentences ("A; B"); the corpus keeps them
    apart so that an entity's timeline shows only the sentences that name it,
    each with its own paragraph.
    """
    names = {card.name: [card.name, *card.aliases] for card in digest.entities}
    for entry in digest.timeline.entries:
        date = entry.date
        for text, paragraphs in _event_sentences(digest, entry):
            event_id = db.insert(
                "INSERT INTO events (article_id, date_value, date_text, date_type, date_first, date_last,"
                " text, paragraphs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (digest.article.id, date.value, date.text, date.type,
                 date.first_day.isoformat() if date.first_day else None,
                 date.last_day.isoformat() if date.last_day else None, text,
                 ",".join(str(number) for number in paragraphs)),
            )
            lowered = text.lower()
            for card_name, aliases in names.items():
                if any(alias.lower() in lowered for alias in aliases if alias):
                    db.execute("INSERT INTO event_entities (event_id, entity_id) VALUES (?, ?)"
                               " ON CONFLICT DO NOTHING", (event_id, entity_ids[card_name]))


def _event_sentences(digest: Digest, entry: TimelineEntry) -> list[tuple[str, list[int]]]:
    """The entry's sentences, each with the cited paragraph that holds it; the whole entry with
    all its citations when a sentence cannot be placed (a semicolon of the article itself). The digest
    joins a date's sentences with "; " or keeps their full stops (:func:`entry_sentences`)."""
    paragraphs = {p.number: p.text.lower() for p in digest.article.paragraphs}
    cited = [c.paragraph for c in entry.citations if c.paragraph in paragraphs]
    placed = []
    for part in entry_sentences(entry.text):
        home = next((number for number in cited if _holds(paragraphs[number], part)), None)
        if home is None:
            return [(entry.text, [c.paragraph for c in entry.citations])]
        placed.append((part if part.endswith((".", "!", "?", '"', "”")) else part + ".", [home]))
    return placed


def _holds(paragraph: str, sentence: str) -> bool:
    """Whether lower-cased ``paragraph`` holds ``sentence`` as the digest wrote it: its opening words may
    have been recapitalized or rewritten ("He" -> "Liang Wenfeng", "The company" -> "StepFun")."""
    words = sentence.rstrip(".").lower().split()
    for dropped in range(0, 4):
        rest = " ".join(words[dropped:])
        if len(words) - dropped < 4 and dropped:
            return False
        if (rest[1:] if dropped == 0 and len(rest) > 1 else rest) in paragraph:
            return True
    return False