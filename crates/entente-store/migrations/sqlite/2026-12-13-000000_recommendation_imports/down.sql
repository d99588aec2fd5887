CREATE TABLE import_mappings_old (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('actions', 'organisations', 'contacts')),
    header TEXT NOT NULL CHECK (header <> ''),
    field TEXT NOT NULL,
    PRIMARY KEY (org_id, record_kind, header)
);
INSERT INTO import_mappings_old (org_id, record_kind, header, field)
    SELECT org_id, record_kind, header, field FROM import_mappings
    WHERE record_kind <> 'recommendations';
DROP TABLE import_mappings;
ALTER TABLE import_mappings_old RENAME TO import_mappings;
