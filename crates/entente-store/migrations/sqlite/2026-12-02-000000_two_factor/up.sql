-- Two-factor sign-in: the replay guard and the pending second step. Keep in
-- step with ../../postgres/2026-12-02-000000_two_factor/up.sql.

-- The last TOTP time step accepted for the user: a code of that step or an
-- older one is refused, so a code seen over a shoulder cannot be replayed.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT CHECK (totp_last_step >= 0);

-- A sign-in whose password was right and whose second step is awaited; the
-- browser holds the token in a cookie. In the database, so any server can
-- finish it.
CREATE TABLE pending_logins (
    -- SHA-256 (hex) of the cookie's token.
    token_hash TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    expires_at TIMESTAMP NOT NULL CHECK (julianday(expires_at) IS NOT NULL)
);

CREATE INDEX pending_logins_user ON pending_logins (user_id);
