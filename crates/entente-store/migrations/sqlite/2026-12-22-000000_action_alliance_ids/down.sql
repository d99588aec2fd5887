-- Undoes up.sql.
DROP INDEX actions_listed;
CREATE INDEX actions_listed ON actions ((coalesce(start_date, due_date) IS NULL),
    (coalesce(start_date, due_date)), id, visibility, lead_org, status, phase, level,
    action_type, end_date, start_date, due_date);
ALTER TABLE actions DROP COLUMN alliance_ids;
