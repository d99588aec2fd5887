-- Each action's states, audiences and partners, also written on the action
-- itself, for the coordination analysis at scale (issue 5). Keep in step
-- with ../../sqlite/2026-12-19-000000_action_part_codes/up.sql, which says
-- why.
ALTER TABLE actions ADD COLUMN state_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN audience_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN partner_ids TEXT NOT NULL DEFAULT '';

UPDATE actions SET
    state_codes = coalesce((SELECT string_agg(state, ' ' ORDER BY state)
        FROM action_states WHERE action_id = actions.id), ''),
    audience_codes = coalesce((SELECT string_agg(audience, ' ' ORDER BY audience)
        FROM action_audiences WHERE action_id = actions.id), ''),
    partner_ids = coalesce((SELECT string_agg(org_id::text, ' ' ORDER BY org_id)
        FROM action_partners WHERE action_id = actions.id), '');

CREATE INDEX actions_open ON actions (id) INCLUDE (lead_org, action_type, phase, level,
    start_date, end_date, due_date, status, visibility, state_codes, audience_codes, partner_ids)
    WHERE status NOT IN ('done', 'cancelled');
