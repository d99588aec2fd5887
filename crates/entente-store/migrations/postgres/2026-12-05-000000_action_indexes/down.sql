-- Undoes up.sql.
DROP INDEX actions_filtered;
CREATE INDEX actions_status ON actions (status);
DROP INDEX actions_listed;
