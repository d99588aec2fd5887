DROP TABLE pending_logins;
ALTER TABLE users DROP COLUMN totp_last_step;
