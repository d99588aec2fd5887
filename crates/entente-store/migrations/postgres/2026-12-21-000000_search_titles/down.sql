-- Undoes up.sql.
DROP INDEX search_entries_title_document;
ALTER TABLE search_entries DROP COLUMN title_document;
