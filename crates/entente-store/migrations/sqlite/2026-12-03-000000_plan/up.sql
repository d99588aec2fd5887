-- The coalition's shared plan: the organisation directory's fields of work,
-- contacts (personal data), alliance scope, the catalogue of kinds of
-- action, actions with their states, audiences, partners, sharing,
-- documents and status history, and remembered import header mappings.
-- Keep in step with ../../postgres/2026-12-03-000000_plan/up.sql (a test
-- compares them).

ALTER TABLE organisations ADD COLUMN level TEXT NOT NULL DEFAULT 'national'
    CHECK (level IN ('international', 'regional', 'national'));

CREATE TABLE organisation_sectors (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    sector TEXT NOT NULL CHECK (sector IN ('torture_prevention', 'human_rights', 'legal', 'health',
        'detention', 'children', 'women', 'disability', 'migration', 'other')),
    PRIMARY KEY (org_id, sector)
);

-- The states an organisation works in.
CREATE TABLE organisation_states (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    PRIMARY KEY (org_id, state)
);

CREATE INDEX organisation_states_state ON organisation_states (state);

-- The UN regional groups an organisation works in as a whole.
CREATE TABLE organisation_regions (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    region TEXT NOT NULL CHECK (region IN ('african', 'asia_pacific', 'eastern_european', 'grulac',
        'weog')),
    PRIMARY KEY (org_id, region)
);

CREATE TABLE alliance_states (
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    PRIMARY KEY (alliance_id, state)
);

CREATE TABLE alliance_regions (
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    region TEXT NOT NULL CHECK (region IN ('african', 'asia_pacific', 'eastern_european', 'grulac',
        'weog')),
    PRIMARY KEY (alliance_id, region)
);

-- People: personal data, so never public (no 'public' visibility here).
CREATE TABLE contacts (
    id INTEGER NOT NULL PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name <> ''),
    role TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    -- Language codes (en, fr, es, ...) separated by commas.
    languages TEXT NOT NULL,
    -- Whether the person agreed to be contacted by other organisations.
    consent BOOLEAN NOT NULL CHECK (consent IN (0, 1)),
    notes TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance')),
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL)
);

CREATE INDEX contacts_org ON contacts (org_id);

CREATE TABLE contact_alliances (
    contact_id BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, alliance_id)
);

CREATE INDEX contact_alliances_alliance ON contact_alliances (alliance_id);

-- The catalogue of kinds of action: the built-in ones (written at start-up
-- from the core's list) and the instance's own.
CREATE TABLE action_types (
    code TEXT NOT NULL PRIMARY KEY CHECK (length(code) BETWEEN 2 AND 40),
    label_en TEXT NOT NULL CHECK (label_en <> ''),
    label_fr TEXT NOT NULL CHECK (label_fr <> ''),
    label_es TEXT NOT NULL CHECK (label_es <> ''),
    builtin BOOLEAN NOT NULL CHECK (builtin IN (0, 1)),
    position INTEGER NOT NULL
);

CREATE TABLE actions (
    id INTEGER NOT NULL PRIMARY KEY,
    lead_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (title <> ''),
    description TEXT NOT NULL,
    action_type TEXT NOT NULL REFERENCES action_types (code),
    phase TEXT NOT NULL CHECK (phase IN ('ratification', 'implementation')),
    level TEXT NOT NULL CHECK (level IN ('international', 'regional', 'national')),
    start_date DATE CHECK (start_date IS NULL OR start_date = date(start_date)),
    end_date DATE CHECK (end_date IS NULL OR end_date = date(end_date)),
    due_date DATE CHECK (due_date IS NULL OR due_date = date(due_date)),
    status TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'under_way', 'done', 'cancelled')),
    -- In the currency's minor unit (cents).
    budget_minor BIGINT CHECK (budget_minor IS NULL OR budget_minor >= 0),
    budget_currency TEXT CHECK (budget_currency IS NULL OR length(budget_currency) = 3),
    staff_days DOUBLE CHECK (staff_days IS NULL OR staff_days >= 0),
    expected_outcome TEXT NOT NULL,
    actual_outcome TEXT NOT NULL,
    -- The treaty event it contributed to, by its natural key.
    outcome_state TEXT,
    outcome_treaty TEXT,
    outcome_kind TEXT,
    outcome_date DATE CHECK (outcome_date IS NULL OR outcome_date = date(outcome_date)),
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL),
    CHECK ((budget_minor IS NULL) = (budget_currency IS NULL)),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    CHECK ((outcome_state IS NULL) = (outcome_treaty IS NULL)
        AND (outcome_state IS NULL) = (outcome_kind IS NULL)
        AND (outcome_state IS NULL) = (outcome_date IS NULL))
);

CREATE INDEX actions_lead ON actions (lead_org);
CREATE INDEX actions_start ON actions (start_date);
CREATE INDEX actions_status ON actions (status);

CREATE TABLE action_states (
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    PRIMARY KEY (action_id, state)
);

CREATE INDEX action_states_state ON action_states (state, action_id);

CREATE TABLE action_audiences (
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    audience TEXT NOT NULL CHECK (audience IN ('executive', 'legislature', 'nhri', 'npm',
        'judiciary', 'public', 'civil_society', 'un_body', 'regional_body')),
    PRIMARY KEY (action_id, audience)
);

CREATE TABLE action_partners (
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, org_id)
);

CREATE INDEX action_partners_org ON action_partners (org_id, action_id);

-- The alliances an 'alliance'-visible action is shared with.
CREATE TABLE action_alliances (
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, alliance_id)
);

CREATE INDEX action_alliances_alliance ON action_alliances (alliance_id, action_id);

CREATE TABLE action_documents (
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    url TEXT NOT NULL,
    PRIMARY KEY (action_id, position)
);

-- Every status an action has had, oldest first; the first row is its
-- creation.
CREATE TABLE action_status_changes (
    id INTEGER NOT NULL PRIMARY KEY,
    action_id BIGINT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'under_way', 'done', 'cancelled')),
    changed_at TIMESTAMP NOT NULL CHECK (julianday(changed_at) IS NOT NULL),
    changed_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX action_status_changes_action ON action_status_changes (action_id);

-- How an organisation's spreadsheets name the fields of a kind of record:
-- "Pays" is state, "Date de début" is start. Headers are stored folded
-- (lower case, accents removed, spaces collapsed).
CREATE TABLE import_mappings (
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('actions', 'organisations', 'contacts')),
    header TEXT NOT NULL CHECK (header <> ''),
    field TEXT NOT NULL,
    PRIMARY KEY (org_id, record_kind, header)
);
