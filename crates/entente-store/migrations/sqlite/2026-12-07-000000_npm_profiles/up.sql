-- Implementation monitoring: NPM profiles (bodies, annual reports, sharing)
-- and assessments of an NPM against the OPCAT criteria from one viewpoint,
-- with one rating and its evidence per criterion.
-- Keep in step with ../../postgres/2026-12-07-000000_npm_profiles/up.sql (a
-- test compares them).

CREATE TABLE npm_profiles (
    id INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    model TEXT NOT NULL CHECK (model IN ('nhri_or_ombuds', 'specialised_body', 'several_bodies',
        'ombuds_plus_civil_society', 'other')),
    legal_basis TEXT NOT NULL,
    law_date DATE CHECK (law_date IS NULL OR law_date = date(law_date)),
    designation_date DATE CHECK (designation_date IS NULL
        OR designation_date = date(designation_date)),
    operation_start DATE CHECK (operation_start IS NULL OR operation_start = date(operation_start)),
    website TEXT,
    -- Full-time equivalents, when known.
    staff INTEGER CHECK (staff IS NULL OR staff >= 0),
    -- Yearly, in the currency's minor unit (cents).
    budget_minor BIGINT CHECK (budget_minor IS NULL OR budget_minor >= 0),
    budget_currency TEXT CHECK (budget_currency IS NULL OR length(budget_currency) = 3),
    notes TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL),
    CHECK ((budget_minor IS NULL) = (budget_currency IS NULL))
);

CREATE INDEX npm_profiles_state ON npm_profiles (state);
CREATE INDEX npm_profiles_owner ON npm_profiles (owner_org);

CREATE TABLE npm_profile_bodies (
    profile_id BIGINT NOT NULL REFERENCES npm_profiles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    role TEXT NOT NULL,
    PRIMARY KEY (profile_id, position)
);

CREATE TABLE npm_annual_reports (
    profile_id BIGINT NOT NULL REFERENCES npm_profiles (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    published DATE CHECK (published IS NULL OR published = date(published)),
    PRIMARY KEY (profile_id, year)
);

CREATE TABLE npm_profile_alliances (
    profile_id BIGINT NOT NULL REFERENCES npm_profiles (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (profile_id, alliance_id)
);

CREATE INDEX npm_profile_alliances_alliance ON npm_profile_alliances (alliance_id);

CREATE TABLE npm_assessments (
    id INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    -- The profile assessed, when the assessment is about one.
    profile_id BIGINT REFERENCES npm_profiles (id) ON DELETE SET NULL,
    viewpoint TEXT NOT NULL CHECK (viewpoint IN ('state', 'npm', 'civil_society', 'spt')),
    assessor TEXT NOT NULL CHECK (assessor <> ''),
    assessed_on DATE NOT NULL CHECK (assessed_on = date(assessed_on)),
    source TEXT NOT NULL,
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL)
);

CREATE INDEX npm_assessments_state ON npm_assessments (state, assessed_on);
CREATE INDEX npm_assessments_owner ON npm_assessments (owner_org);

CREATE TABLE npm_assessment_ratings (
    assessment_id BIGINT NOT NULL REFERENCES npm_assessments (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL CHECK (criterion IN ('functional_independence',
        'expertise_and_diversity', 'resources', 'paris_principles', 'mandate_all_places', 'access',
        'free_choice', 'recommendations_and_dialogue', 'annual_reports_published',
        'contact_with_spt')),
    rating TEXT NOT NULL CHECK (rating IN ('meets', 'partly', 'does_not_meet', 'not_known')),
    evidence TEXT NOT NULL,
    PRIMARY KEY (assessment_id, criterion)
);

CREATE TABLE npm_assessment_alliances (
    assessment_id BIGINT NOT NULL REFERENCES npm_assessments (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, alliance_id)
);

CREATE INDEX npm_assessment_alliances_alliance ON npm_assessment_alliances (alliance_id);
