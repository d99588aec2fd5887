-- Accounts, organisations, alliances, sessions, API tokens, login attempts,
-- one-time links, recovery codes and the append-only audit log. Keep in step
-- with ../../postgres/2026-12-01-000000_accounts/up.sql (a test compares them).
--
-- SQLite has no timestamp type: diesel writes UTC timestamps as text
-- (YYYY-MM-DD HH:MM:SS[.fraction]), which sorts and compares in time order.
-- The TIMESTAMP declaration states the intent, the CHECK keeps anything else
-- out. Secrets (session tokens, API tokens, link tokens, recovery codes) are
-- stored only as hashes.

CREATE TABLE organisations (
    id INTEGER NOT NULL PRIMARY KEY,
    short_name TEXT NOT NULL UNIQUE CHECK (length(short_name) BETWEEN 1 AND 40
        AND short_name NOT GLOB '*[^a-z0-9-]*'
        AND short_name NOT GLOB '-*' AND short_name NOT GLOB '*-'),
    name TEXT NOT NULL CHECK (name <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('government_body', 'parliament', 'nhri', 'national_ngo',
        'international_ngo', 'regional_body', 'un_body', 'professional_association', 'academia',
        'media', 'donor', 'supportive_state', 'other')),
    website TEXT,
    description TEXT,
    -- Who sees the organisation's entry in the directory.
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL)
);

CREATE TABLE users (
    id INTEGER NOT NULL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '_%@_%'),
    display_name TEXT NOT NULL,
    -- NULL until the user follows a password-setting link.
    password_hash TEXT,
    site_admin BOOLEAN NOT NULL CHECK (site_admin IN (0, 1)),
    totp_secret TEXT,
    totp_enabled BOOLEAN NOT NULL CHECK (totp_enabled IN (0, 1)),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    disabled BOOLEAN NOT NULL CHECK (disabled IN (0, 1)),
    CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);

CREATE TABLE memberships (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    PRIMARY KEY (user_id, org_id)
);

CREATE INDEX memberships_org ON memberships (org_id);

CREATE TABLE alliances (
    id INTEGER NOT NULL PRIMARY KEY,
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name <> ''),
    purpose TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL)
);

CREATE TABLE alliance_members (
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (alliance_id, org_id)
);

CREATE INDEX alliance_members_org ON alliance_members (org_id);

CREATE TABLE sessions (
    -- SHA-256 (hex) of the cookie's token; the token itself is never stored.
    id_hash TEXT NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    last_seen_at TIMESTAMP NOT NULL CHECK (julianday(last_seen_at) IS NOT NULL),
    -- The session ends this long after it was last seen...
    idle_seconds BIGINT NOT NULL CHECK (idle_seconds > 0),
    -- ...and at this moment whatever happens.
    expires_at TIMESTAMP NOT NULL CHECK (julianday(expires_at) IS NOT NULL),
    csrf_token TEXT NOT NULL,
    user_agent TEXT
);

CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL CHECK (scope IN ('read', 'read_write')),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    last_used_at TIMESTAMP CHECK (last_used_at IS NULL OR julianday(last_used_at) IS NOT NULL),
    revoked_at TIMESTAMP CHECK (revoked_at IS NULL OR julianday(revoked_at) IS NOT NULL)
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Shared by all servers, so rate limits and lockouts hold across them. The
-- e-mail is not a foreign key: attempts on unknown addresses count too.
CREATE TABLE login_attempts (
    id INTEGER NOT NULL PRIMARY KEY,
    email TEXT NOT NULL CHECK (email = lower(email)),
    at TIMESTAMP NOT NULL CHECK (julianday(at) IS NOT NULL),
    succeeded BOOLEAN NOT NULL CHECK (succeeded IN (0, 1)),
    ip TEXT
);

CREATE INDEX login_attempts_email_at ON login_attempts (email, at);

CREATE TABLE one_time_links (
    token_hash TEXT NOT NULL PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('password_set', 'invitation')),
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT CHECK (role IN ('viewer', 'editor', 'admin')),
    email TEXT NOT NULL CHECK (email = lower(email)),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    expires_at TIMESTAMP NOT NULL CHECK (julianday(expires_at) IS NOT NULL),
    used_at TIMESTAMP CHECK (used_at IS NULL OR julianday(used_at) IS NOT NULL),
    CHECK (purpose <> 'password_set' OR user_id IS NOT NULL),
    CHECK (purpose <> 'invitation' OR (org_id IS NOT NULL AND role IS NOT NULL))
);

CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP CHECK (used_at IS NULL OR julianday(used_at) IS NOT NULL),
    PRIMARY KEY (user_id, code_hash)
);

-- No foreign keys: the log outlives the users and organisations it names.
CREATE TABLE audit_log (
    id INTEGER NOT NULL PRIMARY KEY,
    at TIMESTAMP NOT NULL CHECK (julianday(at) IS NOT NULL),
    actor_user BIGINT,
    actor_org BIGINT,
    -- The organisation that owns the record concerned: its admins see the entry.
    org_id BIGINT,
    action TEXT NOT NULL CHECK (length(action) > 0 AND action NOT GLOB '*[^a-z_]*'),
    record_kind TEXT,
    record_id BIGINT,
    detail TEXT NOT NULL
);

CREATE INDEX audit_log_org_at ON audit_log (org_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: DELETE refused');
END;
