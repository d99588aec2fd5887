-- Spreadsheets of recommendations are imported too: their remembered
-- header mappings need their own record kind. SQLite cannot change a
-- CHECK constraint, so the table is built again with its rows.
CREATE TABLE import_mappings_new (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('actions', 'organisations', 'contacts', 'recommendations')),
    header TEXT NOT NULL CHECK (header <> ''),
    field TEXT NOT NULL,
    PRIMARY KEY (org_id, record_kind, header)
);
INSERT INTO import_mappings_new (org_id, record_kind, header, field)
    SELECT org_id, record_kind, header, field FROM import_mappings;
DROP TABLE import_mappings;
ALTER TABLE import_mappings_new RENAME TO import_mappings;
