-- Spreadsheets of recommendations are imported too: their remembered
-- header mappings need their own record kind.
ALTER TABLE import_mappings DROP CONSTRAINT import_mappings_record_kind_check;
ALTER TABLE import_mappings ADD CONSTRAINT import_mappings_record_kind_check
    CHECK (record_kind IN ('actions', 'organisations', 'contacts', 'recommendations'));
