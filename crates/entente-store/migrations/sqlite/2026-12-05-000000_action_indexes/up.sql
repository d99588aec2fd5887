-- Indexes for the workspace's action lists at scale (issue 7). Keep in step
-- with ../../postgres/2026-12-05-000000_action_indexes/up.sql.
--
-- The list's order as a key: dated actions first, by start date or else due
-- date, then the undated ones, then id. The columns after the key are those
-- the visibility condition and the list's filters read (the dates too, for
-- the range's lower bound on coalesce(end_date, start_date, due_date)), so
-- that a page walks this index in order and tests each entry without
-- reading the table row, and a date range (whose upper bound is a bound on
-- the second key) is counted from the index alone.
CREATE INDEX actions_listed ON actions ((coalesce(start_date, due_date) IS NULL),
    (coalesce(start_date, due_date)), id, visibility, lead_org, status, phase, level,
    action_type, end_date, start_date, due_date);

-- The status, phase and level filters and the visibility condition, from
-- the index alone; replaces the index on status, which is its prefix.
DROP INDEX actions_status;
CREATE INDEX actions_filtered ON actions (status, phase, level, visibility, lead_org);
