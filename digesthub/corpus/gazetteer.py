"""Names the corpus already knows, found where an article's recognizer read past them.

The recognizer reads one article at a time, and a one-word company opening a sentence
("Tencent also holds shares.") is easy to miss there. Across a corpus the name is known:
some other article named it as a company. After an article is stored, every capitalized
run of its text that is the name of a stored company, product or person (a full name,
not a bare surname) links the article to that entity; and an entity first seen in this
article is looked for in the articles stored before it. The match is exact and
case-sensitive; a one-word name the article also writes in lower case ("meta" beside
"Meta") is not trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from digesthub.corpus.db import Database
from digesthub.corpus.names import COMPANY_SUFFIXES as COMPANY_ENDINGS
from digesthub.types import Article

# Capitalized runs of up to four words: "Tencent", "Geely Capital", "Alibaba Group Holding".
_CAPITALIZED_RUN = re.compile(r"\b[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}")
_WORD_AFTER = re.compile(r"\s+([\w&'’.-]+)")
_WORD_BEFORE = re.compile(r"([\w&'’.-]+)\s+$")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\n][\"'”’)]?)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“'(]*[A-Z0-9])")
_LINKABLE = ("ORG", "PRODUCT", "PERSON")
LINKED_SALIENCE = 0.05  # named, not described: below every entity the article's own analysis found
_CHUNK = 500  # names per IN (...) query


def link_known_names(db: Database, article: Article, new_entity_ids: Iterable[int]) -> None:
    """Link ``article`` to the stored entities it names, and the articles stored before it to
    the entities first seen in it (``new_entity_ids``)."""
    linked = {row[0] for row in db.query("SELECT entity_id FROM article_entities WHERE article_id = ?",
                                         (article.id,))}
    lower_words = _lower_words(article.text)
    for entity_id, name in _known_names_in(db, article):
        if entity_id not in linked and _trusted(name, lower_words):
            linked.add(entity_id)
            _link(db, article.id, entity_id, name, _paragraphs_naming(article, name))
    for entity_id in new_entity_ids:
        for name in (n for n in _names_of(db, entity_id) if not _ambiguous(db, n)):
            for other in _stored_articles_naming(db, name, exclude=article.id):
                if _trusted(name, _lower_words(other.text)):
                    _link(db, other.id, entity_id, name, _paragraphs_naming(other, name))


def _known_names_in(db: Database, article: Article) -> list[tuple[int, str]]:
    """Stored names that are a whole capitalized run of the article ("Tencent", "Tencent Holdings
    Ltd."; not "York" of "New York" nor "Global Live" of "Global Live Events"), give or take a
    sentence's first word ("Earlier Tencent said") and a company's closing words."""
    grams: set[str] = set()
    for match in _CAPITALIZED_RUN.finditer(article.text):
        words = match[0].rstrip(".").split()
        opening = _at_sentence_start(article.text, match.start())
        for first in (0, 1) if opening and len(words) > 1 else (0,):
            kept = words[first:]
            grams.add(" ".join(kept))
            while len(kept) > 1 and kept[-1].lower().rstrip(".,") in COMPANY_ENDINGS:
                kept = kept[:-1]
                grams.add(" ".join(kept))
    found: list[tuple[int, str]] = []
    for start in range(0, len(grams), _CHUNK):
        chunk = sorted(grams)[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.extend((int(row[0]), str(row[1])) for row in db.query(
            "SELECT n.entity_id, n.name, e.label FROM entity_names n JOIN entities e ON e.id = n.entity_id"
            f" WHERE n.name IN ({marks})", chunk) if _linkable(str(row[1]), str(row[2])))
    return [(entity_id, name) for entity_id, name in found if not _ambiguous(db, name)]


def _ambiguous(db: Database, name: str) -> bool:
    """A name of two stored entities, or one word of another entity's longer name ("Murray" beside
    "Conrad Murray", "York" beside "New York"): which one the article means is not plain."""
    owners = {row[0] for row in db.query("SELECT entity_id FROM entity_names WHERE name = ?", (name,))}
    if len(owners) != 1 or " " in name:
        return len(owners) > 1
    longer = db.query("SELECT entity_id FROM entity_name_words WHERE word = ?", (name,))  # words of longer names
    return any(row[0] not in owners for row in longer)


def _names_of(db: Database, entity_id: int) -> list[str]:
    label = str(db.scalar("SELECT label FROM entities WHERE id = ?", (entity_id,)))
    return [str(row[0]) for row in db.query("SELECT name FROM entity_names WHERE entity_id = ?", (entity_id,))
            if _linkable(str(row[0]), label)]


def _linkable(name: str, label: str) -> bool:
    """A company's or product's name, or a person's full name (a bare surname names many)."""
    if label not in _LINKABLE or len(name) < 3 or not name[:1].isupper():
        return False
    return label != "PERSON" or len(name.split()) >= 2


def _lower_words(text: str) -> set[str]:
    return set(re.findall(r"\b[a-z][\w'-]*", text))


def _trusted(name: str, lower_words: set[str]) -> bool:
    return " " in name or name.lower() not in lower_words


def _stored_articles_naming(db: Database, name: str, *, exclude: str) -> list[Article]:
    """Articles in the corpus whose paragraphs hold ``name`` (the full-text index narrows, an exact
    match decides)."""
    from digesthub.types import Paragraph

    if db.dialect == "sqlite":
        rows = db.query("SELECT article_id, number, text FROM paragraph_fts WHERE paragraph_fts MATCH ?",
                        ('"' + name.replace('"', '""') + '"',))
    else:
        rows = db.query("SELECT article_id, number, text FROM paragraphs WHERE tsv @@ phraseto_tsquery('english', ?)",
                        (name,))
    paragraphs: dict[str, list[Paragraph]] = {}
    for article_id, number, text in rows:
        if str(article_id) != exclude:
            paragraphs.setdefault(str(article_id), []).append(Paragraph(int(number), str(text)))
    articles = [Article(article_id, None, sorted(items, key=lambda p: p.number))
                for article_id, items in paragraphs.items()]
    return [article for article in articles if _paragraphs_naming(article, name)]


def _paragraphs_naming(article: Article, name: str) -> list[tuple[int, str]]:
    """(paragraph number, first sentence naming ``name``) of each paragraph that names it."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    found = []
    for paragraph in article.paragraphs:
        if _opens_a_run(pattern, paragraph.text):
            sentence = next((s for s in _SENTENCE_END.split(paragraph.text) if _opens_a_run(pattern, s)),
                            paragraph.text)
            found.append((paragraph.number, sentence))
    return found


def _at_sentence_start(text: str, index: int) -> bool:
    return index == 0 or bool(_OPENS_SENTENCE.search(text, max(0, index - 3), index))


def _opens_a_run(pattern: re.Pattern[str], text: str) -> bool:
    """A match that is a whole capitalized run: no capitalized word right before it (but a
    sentence's first word) nor right after it (but a company's closing word: "Tencent Holdings")."""
    for match in pattern.finditer(text):
        before = _WORD_BEFORE.search(text, 0, match.start())
        after = _WORD_AFTER.match(text, match.end())
        free_before = before is None or not before[1][:1].isupper() or _at_sentence_start(text, before.start(1))
        free_after = after is None or not after[1][:1].isupper() or after[1].lower().rstrip(".,") in COMPANY_ENDINGS
        if free_before and free_after:
            return True
    return False


def _link(db: Database, article_id: str, entity_id: int, name: str, naming: list[tuple[int, str]]) -> None:
    if not naming:
        return
    db.execute(
        "INSERT INTO article_entities (article_id, entity_id, name, description, salience, paragraphs)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (article_id, entity_id, name, naming[0][1], LINKED_SALIENCE, ",".join(str(n) for n, _ in naming)))
