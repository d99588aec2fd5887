-- Implementation facts (issue 6): the sourced public facts of the shipped
-- dataset (NPM statements, SPT visits, the Art. 17 list, published reports),
-- each row with its source, replaced by the reference load; and the SPT
-- visits coalition members record. Keep in step with
-- ../../postgres/2026-12-06-000000_npm_facts/up.sql (a test compares them).
--
-- A fact's `position` is its row in the shipped file, so a second load of
-- the same file changes nothing. Partial dates (a year, a month or a day, as
-- the source gives them) are ISO text of 4, 7 or 10 characters.

CREATE TABLE npm_statements (
    position INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    npm_name TEXT NOT NULL,
    npm_type TEXT NOT NULL,
    npm_type_group TEXT NOT NULL,
    designation_text TEXT NOT NULL,
    designation_date TEXT CHECK (designation_date IS NULL OR length(designation_date) IN (4, 7, 10)),
    designation_precision TEXT CHECK (designation_precision IN ('day', 'month', 'year')),
    designation_note TEXT,
    legal_basis TEXT NOT NULL,
    ratification_date DATE CHECK (ratification_date IS NULL OR ratification_date = date(ratification_date)),
    source_url TEXT NOT NULL,
    source_org TEXT NOT NULL,
    source_as_of TEXT NOT NULL,
    notes TEXT NOT NULL,
    is_primary BOOLEAN NOT NULL CHECK (is_primary IN (0, 1)),
    CHECK ((designation_date IS NULL) = (designation_precision IS NULL))
);

CREATE INDEX npm_statements_state ON npm_statements (state, position);

CREATE TABLE spt_visit_facts (
    position INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    start_date TEXT CHECK (start_date IS NULL OR length(start_date) IN (4, 7, 10)),
    end_date TEXT CHECK (end_date IS NULL OR length(end_date) IN (4, 7, 10)),
    year INTEGER,
    visit_type TEXT NOT NULL,
    report_published TEXT NOT NULL CHECK (report_published IN ('yes', 'no', 'unknown')),
    report_published_detail TEXT NOT NULL,
    source_url TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE INDEX spt_visit_facts_state ON spt_visit_facts (state, position);

CREATE TABLE art17_listings (
    state TEXT NOT NULL PRIMARY KEY REFERENCES states (iso3),
    as_of TEXT NOT NULL,
    source_url TEXT NOT NULL,
    later_status_note TEXT NOT NULL
);

CREATE TABLE published_spt_reports (
    position INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    name_in_source TEXT NOT NULL,
    year_as_listed TEXT NOT NULL,
    category TEXT NOT NULL,
    source_url TEXT NOT NULL,
    as_of TEXT NOT NULL
);

CREATE INDEX published_spt_reports_state ON published_spt_reports (state, position);

CREATE TABLE spt_visits (
    id INTEGER NOT NULL PRIMARY KEY,
    owner_org BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    state TEXT NOT NULL REFERENCES states (iso3),
    start_date DATE CHECK (start_date IS NULL OR start_date = date(start_date)),
    end_date DATE CHECK (end_date IS NULL OR end_date = date(end_date)),
    visit_type TEXT NOT NULL CHECK (visit_type IN ('regular', 'follow_up', 'npm_advisory', 'other')),
    report_sent_on DATE CHECK (report_sent_on IS NULL OR report_sent_on = date(report_sent_on)),
    report_published TEXT NOT NULL CHECK (report_published IN ('yes', 'no', 'unknown')),
    report_published_on DATE CHECK (report_published_on IS NULL OR report_published_on = date(report_published_on)),
    report_url TEXT,
    reply_received_on DATE CHECK (reply_received_on IS NULL OR reply_received_on = date(reply_received_on)),
    notes TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('private', 'alliance', 'public')),
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL CHECK (julianday(created_at) IS NOT NULL),
    updated_at TIMESTAMP NOT NULL CHECK (julianday(updated_at) IS NOT NULL),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);

CREATE INDEX spt_visits_state ON spt_visits (state, start_date);
CREATE INDEX spt_visits_owner ON spt_visits (owner_org);

CREATE TABLE spt_visit_alliances (
    visit_id BIGINT NOT NULL REFERENCES spt_visits (id) ON DELETE CASCADE,
    alliance_id BIGINT NOT NULL REFERENCES alliances (id) ON DELETE CASCADE,
    PRIMARY KEY (visit_id, alliance_id)
);

CREATE INDEX spt_visit_alliances_alliance ON spt_visit_alliances (alliance_id, visit_id);
