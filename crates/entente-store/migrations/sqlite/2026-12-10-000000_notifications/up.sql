-- Notifications: each user's digest preference and language, the findings
-- (overlaps, gaps, deadlines) already brought to each user's notice, so
-- that a finding is new once, and the job queue shared by every server.
-- Keep in step with ../../postgres/2026-12-10-000000_notifications/up.sql
-- (a test compares them).

CREATE TABLE notification_preferences (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    digest TEXT NOT NULL CHECK (digest IN ('off', 'daily', 'weekly')),
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL)
);

-- One row per finding a user was told of; the key names the finding
-- (`overlap:12:40`, `gap:FRA:missing_action:npm_law`, ...) and the
-- finding itself is kept as JSON to be shown in the reader's language.
CREATE TABLE notifications (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    finding_key TEXT NOT NULL CHECK (finding_key <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('overlap', 'gap', 'deadline')),
    finding TEXT NOT NULL,
    found_at TIMESTAMP NOT NULL CHECK (julianday(found_at) IS NOT NULL),
    read_at TIMESTAMP CHECK (read_at IS NULL OR julianday(read_at) IS NOT NULL),
    mailed_at TIMESTAMP CHECK (mailed_at IS NULL OR julianday(mailed_at) IS NOT NULL),
    UNIQUE (user_id, finding_key)
);

CREATE INDEX notifications_user_found ON notifications (user_id, found_at, id);

-- The job queue. `unique_key` makes scheduling idempotent (two servers
-- scheduling the same digest insert one job); a worker claims a job by
-- writing its name and a lease, and a job whose lease ran out is taken
-- again. A failed job is put back with a later `run_at` and its error;
-- nothing is ever deleted by the queue.
CREATE TABLE jobs (
    id INTEGER NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('digest')),
    unique_key TEXT NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    run_at TIMESTAMP NOT NULL CHECK (julianday(run_at) IS NOT NULL),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    claimed_by TEXT,
    lease_until TIMESTAMP CHECK (lease_until IS NULL OR julianday(lease_until) IS NOT NULL),
    last_error TEXT,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    done_at TIMESTAMP CHECK (done_at IS NULL OR julianday(done_at) IS NOT NULL)
);

CREATE INDEX jobs_waiting ON jobs (done_at, run_at, id);
