DROP INDEX actions_open;
ALTER TABLE actions DROP COLUMN partner_ids;
ALTER TABLE actions DROP COLUMN audience_codes;
ALTER TABLE actions DROP COLUMN state_codes;
