//! entente-io's integration tests, one binary: the importers on small
//! fixtures written for the tests (always run) and on the raw sources in
//! ../shared/data (skipped when that folder is absent).

mod common;
mod fixture_dataset;
mod fixture_map;
mod fixture_status_page;
mod fixture_tables;
mod imports;
mod never_panics;
mod plan_mapping;
mod plan_read;
mod plan_recommendations;
mod plan_sheet;
mod plan_support;
mod plan_write;
mod shared_npm_facts;
mod shared_sources;
mod untc_status_page;
