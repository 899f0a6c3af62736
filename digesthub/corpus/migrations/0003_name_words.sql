-- The words of each stored name of two or more words: the gazetteer asks whether a one-word name is
-- part of another entity's longer name ("York" of "New York") by an index lookup, not a LIKE scan;
-- and stored names are looked up by name (an article's capitalized runs), so they get an index too.
-- 0004 fills the table from the names stored before it (the one step the two dialects word apart).
CREATE INDEX entity_names_name ON entity_names (name);

CREATE TABLE entity_name_words (
    word TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (word, entity_id)
);
