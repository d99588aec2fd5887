DROP TRIGGER search_entries_updated;
DROP TRIGGER search_entries_deleted;
DROP TRIGGER search_entries_inserted;
DROP TABLE search_fts;
DROP TABLE search_entries;
