-- The entries' titles apart, for the search of titles on PostgreSQL
-- (issue 7). When a common word's newest matches reach the count limit,
-- the search also looks for the newest entries with every word in their
-- title. The GIN index over `document` holds no weights, so a test of
-- title words (`word:A`) had to read each entry with the word to check
-- where it stands, or the planner walked the entries newest first to the
-- end when few titles matched: 760 ms at a million actions for a word in
-- one body in twelve and no title. This index finds the titles at once.
-- SQLite's FTS5 table has the title as a column of its own already.
ALTER TABLE search_entries
    ADD COLUMN title_document tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title_terms)) STORED;
CREATE INDEX search_entries_title_document ON search_entries USING gin (title_document);
