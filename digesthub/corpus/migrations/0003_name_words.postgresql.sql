-- The words of each stored name of two or more words: the gazetteer asks whether a one-word name is
-- part of another entity's longer name ("York" of "New York") by an index lookup, not a LIKE scan;
-- and stored names are looked up by name (an article's capitalized runs), so they get an index too.
CREATE INDEX entity_names_name ON entity_names (name);

CREATE TABLE entity_name_words (
    word TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (word, entity_id)
);

INSERT INTO entity_name_words (word, entity_id)
SELECT DISTINCT word, entity_id
FROM entity_names, regexp_split_to_table(name, ' ') AS word
WHERE position(' ' in name) > 0 AND word <> '';
