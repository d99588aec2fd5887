-- Undoes up.sql.
DROP INDEX actions_dated;
