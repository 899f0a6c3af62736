-- The words of the names stored before 0003.
INSERT INTO entity_name_words (word, entity_id)
SELECT DISTINCT word, entity_id
FROM entity_names, regexp_split_to_table(name, ' ') AS word
WHERE position(' ' in name) > 0 AND word <> ''
ON CONFLICT DO NOTHING;
