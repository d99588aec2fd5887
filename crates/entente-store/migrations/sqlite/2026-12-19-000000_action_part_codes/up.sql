-- Each action's states, audiences and partners, also written on the action
-- itself, for the coordination analysis at scale (issue 5). Keep in step
-- with ../../postgres/2026-12-19-000000_action_part_codes/up.sql.
--
-- The tables action_states, action_audiences and action_partners stay the
-- record: lists, filters and checks read them. The analysis reads every
-- open action at once, and joining a million actions to their 2.6 million
-- parts row by row costs more than the analysis itself. So the store
-- writes the same parts here, as codes separated by one space (ISO 3166
-- alpha-3 codes, audience codes and organisation ids, each in ascending
-- order), in the same statement as the action and its parts, and the
-- analysis reads open actions from one index: `actions_open`, ordered by
-- id so that two connections can each read half.
ALTER TABLE actions ADD COLUMN state_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN audience_codes TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN partner_ids TEXT NOT NULL DEFAULT '';

UPDATE actions SET
    state_codes = coalesce((SELECT group_concat(state, ' ' ORDER BY state)
        FROM action_states WHERE action_id = actions.id), ''),
    audience_codes = coalesce((SELECT group_concat(audience, ' ' ORDER BY audience)
        FROM action_audiences WHERE action_id = actions.id), ''),
    partner_ids = coalesce((SELECT group_concat(org_id, ' ' ORDER BY org_id)
        FROM action_partners WHERE action_id = actions.id), '');

-- The open actions (neither done nor cancelled) with every column the
-- analysis reads; the condition is written as the store's query writes it.
CREATE INDEX actions_open ON actions (id, lead_org, action_type, phase, level, start_date,
    end_date, due_date, status, visibility, state_codes, audience_codes, partner_ids)
    WHERE status NOT IN ('done', 'cancelled');
