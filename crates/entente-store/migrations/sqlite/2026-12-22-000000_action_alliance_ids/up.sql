-- The alliances each action is shared with, also written on the action
-- itself, for a member's lists at scale (issue 7). Keep in step with
-- ../../postgres/2026-12-22-000000_action_alliance_ids/up.sql.
--
-- The table action_alliances stays the record: an action's page, the
-- filter by alliance and the checks read it. But every list a member
-- reads tests each action it walks against the visibility rule, and an
-- action of 'alliance' visibility is visible when it is shared with one of
-- the member's alliances. Asked of action_alliances, that is one more
-- index probe per such action: at a million actions, a member's month on
-- PostgreSQL probed it 2,457 times, and the count took 15 to 18 ms where
-- it takes 10 without them. Written on the row as alliance ids separated
-- by one space, in ascending order (as partner_ids), and held by the
-- indexes the lists walk, the test reads the entry the walk already holds.
ALTER TABLE actions ADD COLUMN alliance_ids TEXT NOT NULL DEFAULT '';

UPDATE actions SET alliance_ids = (SELECT group_concat(alliance_id, ' ' ORDER BY alliance_id)
    FROM action_alliances WHERE action_id = actions.id)
WHERE id IN (SELECT action_id FROM action_alliances);

-- The lists' index holds them too, as it holds every column the visibility
-- rule reads, so that a page or a count walks it without reading the
-- table row of each action shared with an alliance.
DROP INDEX actions_listed;
CREATE INDEX actions_listed ON actions ((coalesce(start_date, due_date) IS NULL),
    (coalesce(start_date, due_date)), id, visibility, lead_org, status, phase, level,
    action_type, end_date, start_date, due_date, alliance_ids);
