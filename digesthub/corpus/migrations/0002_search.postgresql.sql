-- Full-text index over paragraphs (English tsvector kept by the server, GIN index).
ALTER TABLE paragraphs ADD COLUMN tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
CREATE INDEX paragraphs_tsv ON paragraphs USING GIN (tsv);
