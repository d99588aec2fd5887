-- Each action's state rows also carry what a state's list reads of the
-- action. Keep in step with
-- ../../sqlite/2026-12-23-000000_action_state_listings/up.sql, which says
-- why.
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
ALTER TABLE action_states ADD COLUMN listed_on DATE;
ALTER TABLE action_states ADD COLUMN lasts_until DATE;

UPDATE action_states SET visibility = actions.visibility, lead_org = actions.lead_org,
    status = actions.status, alliance_ids = actions.alliance_ids,
    action_type = actions.action_type, phase = actions.phase, level = actions.level,
    listed_on = coalesce(actions.start_date, actions.due_date),
    lasts_until = coalesce(actions.end_date, actions.start_date, actions.due_date)
FROM actions WHERE actions.id = action_states.action_id;

-- Its first column serves what the old index did (the actions of some
-- states, for a region, the coordination analysis and the filters).
DROP INDEX action_states_state;
CREATE INDEX action_states_listed ON action_states (state, (listed_on IS NULL), listed_on,
    action_id) INCLUDE (visibility, lead_org, status, phase, level, action_type, lasts_until,
        alliance_ids);
