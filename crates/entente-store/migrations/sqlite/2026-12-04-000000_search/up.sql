-- Search across actions, organisations and alliances. Entente normalises
-- the text in Rust (lower case, accents folded, stop words out, en/fr/es
-- stems) and writes the terms here in the same transaction as the record;
-- an FTS5 index over them (external content, kept in step by triggers)
-- finds and ranks. The application fills the table for records that
-- exist when this migration runs. Keep in step with
-- ../../postgres/2026-12-04-000000_search/up.sql (a test compares them).

CREATE TABLE search_entries (
    id INTEGER NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('action', 'organisation', 'alliance')),
    record_id BIGINT NOT NULL,
    title_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    UNIQUE (kind, record_id)
);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title_terms,
    body_terms,
    content = 'search_entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER search_entries_inserted AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts (rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
END;

CREATE TRIGGER search_entries_deleted AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
END;

CREATE TRIGGER search_entries_updated AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, title_terms, body_terms)
        VALUES ('delete', old.id, old.title_terms, old.body_terms);
    INSERT INTO search_fts (rowid, title_terms, body_terms)
        VALUES (new.id, new.title_terms, new.body_terms);
END;
