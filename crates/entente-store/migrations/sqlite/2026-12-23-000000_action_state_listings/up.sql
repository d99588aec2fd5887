-- Each action's state rows also carry what a list of states reads of the
-- action: who may see it (visibility, lead, alliances), what the list's
-- filters ask of it besides (status, type, phase, level, the last day it
-- runs: its end, or else its start, or else its due date) and its place in
-- the list's order (the start, or else the due date). Keep in step with
-- ../../postgres/2026-12-23-000000_action_state_listings/up.sql.
--
-- actions stays the record; these columns are written with the state rows,
-- which every write of an action replaces (and a joint action's acceptance
-- updates for its status). A state's list used to find the state's actions
-- in action_states, then read each one's row to test who may see it and
-- to place it in order: at a million actions, Malawi's 9,467 took 30 to 44
-- ms on SQLite, Albania's planned ones 84 to 109, the African group's
-- about 400. With these columns in the index below, a state's list is one
-- range of it, walked in order: the count reads only index entries, and
-- the page is the first entries that match (for several states, the
-- first of their ranges' matches).
ALTER TABLE action_states ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility IN ('private', 'alliance', 'public'));
ALTER TABLE action_states ADD COLUMN lead_org BIGINT NOT NULL DEFAULT 0;
ALTER TABLE action_states ADD COLUMN status TEXT NOT NULL DEFAULT 'idea'
    CHECK (status IN ('idea', 'planned', 'under_way', 'done', 'cancelled'));
ALTER TABLE action_states ADD COLUMN alliance_ids TEXT NOT NULL DEFAULT '';
ALTER TABLE action_states ADD COLUMN action_type TEXT NOT NULL DEFAULT '';
ALTER TABLE action_states ADD COLUMN phase TEXT NOT NULL DEFAULT 'ratification'
    CHECK (phase IN ('ratification', 'implementation'));
ALTER TABLE action_states ADD COLUMN level TEXT NOT NULL DEFAULT 'national'
    CHECK (level IN ('international', 'regional', 'national'));
ALTER TABLE action_states ADD COLUMN listed_on DATE
    CHECK (listed_on IS NULL OR listed_on = date(listed_on));
ALTER TABLE action_states ADD COLUMN lasts_until DATE
    CHECK (lasts_until IS NULL OR lasts_until = date(lasts_until));

UPDATE action_states SET (visibility, lead_org, status, alliance_ids, action_type, phase,
        level, listed_on, lasts_until) =
    (SELECT visibility, lead_org, status, alliance_ids, action_type, phase, level,
        coalesce(start_date, due_date), coalesce(end_date, start_date, due_date)
        FROM actions WHERE actions.id = action_states.action_id);

-- Its first column serves what the old index did (the actions of some
-- states, for a region, the coordination analysis and the filters).
DROP INDEX action_states_state;
CREATE INDEX action_states_listed ON action_states (state, (listed_on IS NULL), listed_on,
    action_id, visibility, lead_org, status, phase, level, action_type, lasts_until,
    alliance_ids);
