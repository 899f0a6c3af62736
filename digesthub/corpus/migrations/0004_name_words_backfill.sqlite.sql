-- The words of the names stored before 0003 (a recursive split on spaces).
INSERT INTO entity_name_words (word, entity_id)
WITH RECURSIVE split(entity_id, word, rest) AS (
    SELECT entity_id, '', name || ' ' FROM entity_names WHERE instr(name, ' ') > 0
    UNION ALL
    SELECT entity_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM split WHERE rest <> ''
)
SELECT DISTINCT word, entity_id FROM split WHERE word <> ''
ON CONFLICT DO NOTHING;
