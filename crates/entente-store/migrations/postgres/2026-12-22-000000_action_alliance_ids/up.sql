-- The alliances each action is shared with, also written on the action
-- itself, for a member's lists at scale (issue 7). Keep in step with
-- ../../sqlite/2026-12-22-000000_action_alliance_ids/up.sql, which says
-- why.
ALTER TABLE actions ADD COLUMN alliance_ids TEXT NOT NULL DEFAULT '';

UPDATE actions SET alliance_ids = shared.ids
FROM (SELECT action_id, string_agg(alliance_id::text, ' ' ORDER BY alliance_id) AS ids
    FROM action_alliances GROUP BY action_id) AS shared
WHERE actions.id = shared.action_id;

-- A member's date range walks this index and tests each entry against
-- the visibility rule; with the shares in the index, the walk reads no
-- other table for an action shared with an alliance.
DROP INDEX actions_dated;
CREATE INDEX actions_dated ON actions ((coalesce(start_date, due_date)), id)
    INCLUDE (visibility, lead_org, status, phase, level, action_type, end_date, start_date,
        due_date, alliance_ids)
    WHERE coalesce(start_date, due_date) IS NOT NULL;

-- The lists' index holds them too, as it holds every column the visibility
-- rule reads, so that a page or a count walks it without reading the
-- table row of each action shared with an alliance.
DROP INDEX actions_listed;
CREATE INDEX actions_listed ON actions ((coalesce(start_date, due_date) IS NULL),
    (coalesce(start_date, due_date)), id, visibility, lead_org, status, phase, level,
    action_type, end_date, start_date, due_date, alliance_ids);
