-- Public reference data: states, treaties, sources, dated treaty events, the
-- world map and the dataset's as-of day. Keep in step with
-- ../../postgres/2026-11-28-000000_reference/up.sql (a test compares them).
--
-- SQLite has no date type: diesel writes dates as ISO 8601 text (YYYY-MM-DD).
-- The DATE declaration states the intent, the CHECK keeps anything else out.
-- Booleans are 0/1 integers, also guarded by a CHECK.

CREATE TABLE states (
    iso3 TEXT NOT NULL PRIMARY KEY CHECK (length(iso3) = 3 AND iso3 = upper(iso3)),
    iso2 TEXT NOT NULL,
    m49 INTEGER NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_es TEXT NOT NULL,
    formal_name_en TEXT NOT NULL,
    formal_name_fr TEXT NOT NULL,
    formal_name_es TEXT NOT NULL,
    region_code INTEGER,
    region_name TEXT,
    subregion_code INTEGER,
    subregion_name TEXT,
    regional_group TEXT,
    un_member BOOLEAN NOT NULL CHECK (un_member IN (0, 1)),
    CHECK ((region_code IS NULL) = (region_name IS NULL)),
    CHECK ((subregion_code IS NULL) = (subregion_name IS NULL))
);

CREATE TABLE treaties (
    id TEXT NOT NULL PRIMARY KEY,
    mtdsg_no TEXT NOT NULL,
    name_en TEXT NOT NULL,
    opened_year INTEGER,
    status_url TEXT NOT NULL
);

CREATE TABLE sources (
    id TEXT NOT NULL PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    url TEXT NOT NULL,
    as_of DATE NOT NULL CHECK (as_of = date(as_of))
);

CREATE TABLE treaty_events (
    id INTEGER NOT NULL PRIMARY KEY,
    state TEXT NOT NULL REFERENCES states (iso3),
    treaty TEXT NOT NULL REFERENCES treaties (id),
    kind TEXT NOT NULL,
    date DATE NOT NULL CHECK (date = date(date)),
    source TEXT NOT NULL REFERENCES sources (id),
    note TEXT,
    -- Its index, led by state, also serves the per-state reads.
    UNIQUE (state, treaty, kind, date)
);

CREATE INDEX treaty_events_treaty_date ON treaty_events (treaty, date);

-- The map is drawn whole and never queried by part, so its shapes and markers
-- are JSON arrays in a single row.
CREATE TABLE world_map (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    shapes TEXT NOT NULL,
    markers TEXT NOT NULL
);

CREATE TABLE dataset_meta (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    as_of DATE NOT NULL CHECK (as_of = date(as_of))
);
