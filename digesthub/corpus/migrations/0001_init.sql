-- Articles, their paragraphs, corpus entities and what articles say about them.
-- {{ID}} is the auto-increment primary key of the dialect.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    published TEXT,
    url TEXT,
    source TEXT,
    summary TEXT,
    ingested_at TEXT NOT NULL
);

CREATE TABLE paragraphs (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, number)
);

CREATE TABLE entities (
    id {{ID}},
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    card_type TEXT NOT NULL
);

CREATE TABLE entity_names (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
);

CREATE TABLE entity_keys (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (entity_id, key)
);
CREATE INDEX entity_keys_key ON entity_keys (key);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    salience REAL NOT NULL DEFAULT 0,
    paragraphs TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);

CREATE TABLE facts (
    id {{ID}},
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    date_value TEXT,
    date_first TEXT,
    paragraph INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX facts_entity ON facts (entity_id);

CREATE TABLE events (
    id {{ID}},
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date_value TEXT NOT NULL,
    date_text TEXT NOT NULL,
    date_type TEXT NOT NULL,
    date_first TEXT,
    date_last TEXT,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_entities (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, entity_id)
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);
