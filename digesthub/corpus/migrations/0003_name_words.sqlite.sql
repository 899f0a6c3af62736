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
WITH RECURSIVE split(entity_id, word, rest) AS (
    SELECT entity_id, '', name || ' ' FROM entity_names WHERE instr(name, ' ') > 0
    UNION ALL
    SELECT entity_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> ''
)
SELECT DISTINCT word, entity_id FROM split WHERE word <> '';
