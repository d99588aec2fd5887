-- Undoes up.sql.
DROP INDEX action_states_listed;
CREATE INDEX action_states_state ON action_states (state, action_id);
ALTER TABLE action_states DROP COLUMN lasts_until;
ALTER TABLE action_states DROP COLUMN listed_on;
ALTER TABLE action_states DROP COLUMN level;
ALTER TABLE action_states DROP COLUMN phase;
ALTER TABLE action_states DROP COLUMN action_type;
ALTER TABLE action_states DROP COLUMN alliance_ids;
ALTER TABLE action_states DROP COLUMN status;
ALTER TABLE action_states DROP COLUMN lead_org;
ALTER TABLE action_states DROP COLUMN visibility;
