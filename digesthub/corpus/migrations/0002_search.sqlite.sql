-- Full-text index over paragraphs (FTS5, Porter stemming); filled by the store.
CREATE VIRTUAL TABLE paragraph_fts USING fts5(
    text, article_id UNINDEXED, number UNINDEXED, tokenize = 'porter unicode61'
);
