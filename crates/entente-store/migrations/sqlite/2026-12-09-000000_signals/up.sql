-- Anonymous signals of private and alliance actions, each organisation's
-- default for new actions, and the contact requests members send from a
-- signal, relayed to the owning organisation's admins.
-- Keep in step with ../../postgres/2026-12-09-000000_signals/up.sql (a test
-- compares them).

-- Whether an organisation's new actions emit a signal unless the form says
-- otherwise. No row: they do not.
CREATE TABLE organisation_signal_defaults (
    org_id BIGINT NOT NULL PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    signals_by_default BOOLEAN NOT NULL CHECK (signals_by_default IN (0, 1))
);

-- An action's signal: its opaque key (random, never the action's id,
-- stable once made) and whether it is on. No row: no signal.
CREATE TABLE action_signals (
    action_id BIGINT NOT NULL PRIMARY KEY REFERENCES actions (id) ON DELETE CASCADE,
    signal_key TEXT NOT NULL UNIQUE CHECK (length(signal_key) = 32),
    emits BOOLEAN NOT NULL CHECK (emits IN (0, 1))
);

-- A member's request to be put in touch with whoever emits a signal. The
-- requester learns the owner only once one of its admins answers.
CREATE TABLE contact_requests (
    id INTEGER NOT NULL PRIMARY KEY,
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    requester_user BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    requester_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    message TEXT NOT NULL CHECK (message <> ''),
    -- How the requester may be reached: shared with the owner's admins.
    contact TEXT NOT NULL CHECK (contact <> ''),
    status TEXT NOT NULL CHECK (status IN ('pending', 'answered', 'declined')),
    answered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    -- The answering admin's words to the requester.
    reply TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    decided_at TIMESTAMP CHECK (decided_at IS NULL OR julianday(decided_at) IS NOT NULL)
);

CREATE INDEX contact_requests_action ON contact_requests (action_id);
CREATE INDEX contact_requests_requester ON contact_requests (requester_org);
