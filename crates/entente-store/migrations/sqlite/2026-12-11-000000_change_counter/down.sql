-- SQLite cannot drop the triggers the store added (one set per table, named
-- <table>_count_insert, _count_update and _count_delete) from plain SQL, and
-- a write to a table whose trigger names a missing table fails: drop them
-- first, listed by
--   SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\_count\_%' ESCAPE '\';
-- The product never reverts a migration.
DROP TABLE change_counter;
