-- Joint actions proposed from an overlap: the draft is an ordinary action
-- led by the proposing organisation; this row says which organisation it
-- invites, which two actions it joins and where the proposal stands.
-- Keep in step with ../../postgres/2026-12-14-000000_joint_actions/up.sql
-- (a test compares them).
--
-- While pending or once accepted, the invited organisation's members read
-- the action (src/plan/scope.rs); a draft, a declined or a withdrawn
-- proposal leaves it to the proposer's members.
CREATE TABLE joint_proposals (
    id INTEGER NOT NULL PRIMARY KEY,
    action_id BIGINT NOT NULL UNIQUE REFERENCES actions (id) ON DELETE CASCADE,
    proposer_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    invited_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- The two overlapping actions it joins; NULL once deleted.
    first_action BIGINT REFERENCES actions (id) ON DELETE SET NULL,
    second_action BIGINT REFERENCES actions (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'accepted', 'declined', 'withdrawn')),
    proposed_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    sent_at TIMESTAMP CHECK (sent_at IS NULL OR julianday(sent_at) IS NOT NULL),
    decided_at TIMESTAMP CHECK (decided_at IS NULL OR julianday(decided_at) IS NOT NULL),
    CHECK (proposer_org <> invited_org)
);

CREATE INDEX joint_proposals_invited ON joint_proposals (invited_org, status);
CREATE INDEX joint_proposals_proposer ON joint_proposals (proposer_org);

-- The job queue also mails a contact request to each admin of the
-- organisation it is sent to. SQLite cannot change a CHECK: the table is
-- made again with its rows.
CREATE TABLE jobs_new (
    id INTEGER NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('digest', 'contact_request')),
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
INSERT INTO jobs_new (id, kind, unique_key, user_id, run_at, attempts, claimed_by, lease_until, last_error, created_at, done_at)
    SELECT id, kind, unique_key, user_id, run_at, attempts, claimed_by, lease_until, last_error, created_at, done_at FROM jobs;
DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_waiting ON jobs (done_at, run_at, id);
