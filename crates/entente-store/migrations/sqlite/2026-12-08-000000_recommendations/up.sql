-- Implementation monitoring: recommendations of the SPT, treaty bodies,
-- the UPR, regional bodies and NPMs, with their follow-up events, the
-- campaign actions that push them and the related recommendations of other
-- bodies; and consultations (a national process on the design of an NPM)
-- with their participants, the options discussed and each participant's
-- position on each option.
-- Keep in step with ../../postgres/2026-12-08-000000_recommendations/up.sql
-- (a test compares them).

CREATE TABLE recommendations (
    id INTEGER NOT NULL PRIMARY KEY,
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    body TEXT NOT NULL CHECK (body IN ('spt', 'cat', 'upr', 'cpt', 'iachr', 'achpr', 'npm',
        'other')),
    -- The source document: its UN symbol or reference, title, address, date.
    document_symbol TEXT NOT NULL,
    document_title TEXT NOT NULL,
    document_url TEXT,
    document_date DATE CHECK (document_date IS NULL OR document_date = date(document_date)),
    -- The institution the recommendation is addressed to (ministry, NPM).
    addressed_to TEXT NOT NULL,
    paragraph TEXT NOT NULL,
    body_text TEXT NOT NULL CHECK (body_text <> ''),
    -- The status of the latest follow-up event (by date, then by entry),
    -- written with every change of the follow-ups so that lists filter on it.
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'partly_implemented',
        'implemented', 'not_accepted')),
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    -- Written by `entente demo`: shown labelled as demo data.
    demo BOOLEAN NOT NULL CHECK (demo IN (0, 1)),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL)
);

CREATE INDEX recommendations_state ON recommendations (state, id);
CREATE INDEX recommendations_owner ON recommendations (owner_org);

CREATE TABLE recommendation_alliances (
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, alliance_id)
);

CREATE INDEX recommendation_alliances_alliance ON recommendation_alliances (alliance_id);

CREATE TABLE recommendation_themes (
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    theme TEXT NOT NULL CHECK (theme IN ('npm', 'legal_framework', 'safeguards',
        'conditions', 'investigation', 'training', 'complaints', 'vulnerable_groups',
        'cooperation', 'other')),
    PRIMARY KEY (recommendation_id, theme)
);

-- Free tags beside the vocabulary of themes.
CREATE TABLE recommendation_tags (
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    tag TEXT NOT NULL CHECK (tag <> ''),
    PRIMARY KEY (recommendation_id, tag)
);

-- The follow-up history; the latest event (by date, then by entry) gives
-- the recommendation's status.
CREATE TABLE recommendation_follow_ups (
    id INTEGER NOT NULL PRIMARY KEY,
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    event_date DATE NOT NULL CHECK (event_date = date(event_date)),
    kind TEXT NOT NULL CHECK (kind IN ('state_reply', 'ngo_assessment', 'npm_assessment',
        'body_assessment', 'other')),
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'partly_implemented',
        'implemented', 'not_accepted')),
    note TEXT NOT NULL,
    recorded_by_org BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    recorded_by_user BIGINT REFERENCES users (id) ON DELETE SET NULL,
    recorded_at TIMESTAMP NOT NULL CHECK (julianday(recorded_at) IS NOT NULL)
);

CREATE INDEX recommendation_follow_ups_recommendation
    ON recommendation_follow_ups (recommendation_id, event_date, id);

-- The campaign actions that push a recommendation.
CREATE TABLE recommendation_actions (
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, action_id)
);

CREATE INDEX recommendation_actions_action ON recommendation_actions (action_id);

-- Related recommendations (often of other bodies), stored once per pair,
-- the smaller number first.
CREATE TABLE recommendation_links (
    recommendation_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    related_id BIGINT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, related_id),
    CHECK (recommendation_id < related_id)
);

CREATE INDEX recommendation_links_related ON recommendation_links (related_id);

CREATE TABLE consultations (
    id INTEGER NOT NULL PRIMARY KEY,
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('npm_design', 'legislation', 'ratification', 'other')),
    start_date DATE CHECK (start_date IS NULL OR start_date = date(start_date)),
    end_date DATE CHECK (end_date IS NULL OR end_date = date(end_date)),
    outcome TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    demo BOOLEAN NOT NULL CHECK (demo IN (0, 1)),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE INDEX consultations_state ON consultations (state, id);

CREATE TABLE consultation_alliances (
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (consultation_id, alliance_id)
);

-- An organisation of the directory, or a body outside it named in full.
CREATE TABLE consultation_participants (
    id INTEGER NOT NULL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sector TEXT NOT NULL CHECK (sector IN ('government', 'parliament', 'nhri', 'civil_society',
        'academia', 'professional', 'international', 'other')),
    CHECK ((org_id IS NULL) <> (name = ''))
);

CREATE INDEX consultation_participants_consultation ON consultation_participants (consultation_id);

CREATE TABLE consultation_options (
    id INTEGER NOT NULL PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    label TEXT NOT NULL CHECK (label <> ''),
    description TEXT NOT NULL
);

CREATE INDEX consultation_options_consultation ON consultation_options (consultation_id);

CREATE TABLE consultation_positions (
    participant_id BIGINT NOT NULL REFERENCES consultation_participants (id) ON DELETE CASCADE,
    option_id BIGINT NOT NULL REFERENCES consultation_options (id) ON DELETE CASCADE,
    position TEXT NOT NULL CHECK (position IN ('supports', 'accepts', 'opposes', 'no_position')),
    PRIMARY KEY (participant_id, option_id)
);

CREATE INDEX consultation_positions_option ON consultation_positions (option_id);
