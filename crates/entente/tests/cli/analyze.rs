//! `entente analyze`: the coordination engine's findings on the demo
//! coalition, as a table, JSON and CSV, narrowed by the filters, with
//! clear errors for what cannot be analysed.

use entente_core::access::{AccessScope, UserId};
use entente_core::plan::ActionId;
use entente_store::CoordinationFilter;
use serde_json::Value;

use crate::run::{Instance, on_each_backend};

const AS_OF: &str = "2026-11-01";

fn demo(db: &Instance) {
    db.run(&["demo", "--seed", "5"]).ok();
}

fn findings(db: &Instance, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["analyze"];
    all.extend(args);
    all.extend(["--format", "json", "--as-of", AS_OF]);
    let run = db.run(&all).ok();
    match serde_json::from_str(&run.stdout) {
        Ok(Value::Array(rows)) => rows,
        other => panic!("not a JSON array: {other:?}\n{}", run.stdout),
    }
}

#[test]
fn the_demo_shows_overlaps_gaps_and_deadlines() {
    on_each_backend("analyze_demo", |db| {
        demo(db);
        let overlaps = findings(db, &["overlaps", "--limit", "5"]);
        assert!(!overlaps.is_empty() && overlaps.len() <= 5, "{overlaps:?}");
        let first = &overlaps[0];
        assert_ne!(first["first_lead"], first["second_lead"], "{first}");
        assert!(first["state"].as_str().unwrap().ends_with(')'), "{first}");
        let gaps = findings(db, &["gaps"]);
        assert!(!gaps.is_empty());
        assert!(
            gaps.iter().any(|g| g["npm_overdue"] == "yes"),
            "overdue NPMs"
        );
        let deadlines = findings(db, &["deadlines", "--state", "lbr"]);
        assert!(
            deadlines
                .iter()
                .any(|d| d["deadline"] == "npm_due" && d["state"] == "Liberia (LBR)"),
            "{deadlines:?}"
        );
        assert!(deadlines.iter().all(|d| d["state"] == "Liberia (LBR)"));

        let table = db
            .run(&["analyze", "gaps", "--as-of", AS_OF, "--limit", "3"])
            .ok();
        let lines: Vec<&str> = table.stdout.lines().collect();
        assert_eq!(lines.len(), 4, "{}", table.stdout);
        assert!(lines[0].starts_with("state  "), "{}", lines[0]);
        let csv = db
            .run(&["analyze", "deadlines", "--format", "csv", "--as-of", AS_OF])
            .ok();
        assert!(
            csv.stdout
                .starts_with("date,deadline,state,action,overdue\n"),
            "{}",
            csv.stdout
        );
    });
}

#[test]
fn the_overlaps_match_the_store_and_honour_the_filters() {
    on_each_backend("analyze_filters", |db| {
        demo(db);
        let scope = AccessScope::SiteAdmin(UserId::NOBODY);
        let stored = db
            .store()
            .overlaps(&scope, &CoordinationFilter::default(), Default::default())
            .unwrap();
        let all = findings(db, &["overlaps", "--limit", "100000"]);
        assert_eq!(all.len(), stored.total);
        let state = all[0]["state"].as_str().unwrap();
        let code = &state[state.len() - 4..state.len() - 1];
        let narrowed = findings(db, &["overlaps", "--state", code, "--limit", "100000"]);
        assert!(!narrowed.is_empty() && narrowed.len() < all.len());
        assert!(narrowed.iter().all(|o| o["state"] == state), "{narrowed:?}");
        let lead = all[0]["first_lead"].as_str().unwrap();
        let involving = findings(db, &["overlaps", "--org", lead, "--limit", "100000"]);
        assert!(!involving.is_empty());
        let store = db.store();
        let org = store
            .organisation_by_short_name(&scope, lead)
            .unwrap()
            .unwrap()
            .id;
        for found in &involving {
            let id = |key: &str| ActionId(found[key].as_str().unwrap().parse().unwrap());
            let takes_part = [id("first"), id("second")].into_iter().any(|action| {
                let action = store.action(&scope, action).unwrap().unwrap().content;
                action.lead == org || action.partners.contains(&org)
            });
            assert!(takes_part, "{lead} in {found}");
        }
        let same_day = findings(db, &["overlaps", "--window-days", "0", "--limit", "100000"]);
        assert!(same_day.len() < all.len());
        assert!(same_day.iter().all(|o| o["days_apart"] == "0"));
        let no_org = db.run(&["analyze", "gaps", "--org", lead]).failed();
        assert!(
            no_org
                .stderr
                .contains("--org applies to overlaps and partners only")
        );
        let partners = findings(db, &["partners", "--org", lead, "--state", code]);
        assert!(partners.iter().all(|p| p["organisation"] != lead));
    });
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    on_each_backend("analyze_csv_guard", |db| {
        demo(db);
        let store = db.store();
        let scope = AccessScope::SiteAdmin(UserId::NOBODY);
        let overlaps = store
            .overlaps(&scope, &CoordinationFilter::default(), Default::default())
            .unwrap();
        let first = overlaps.ranked[0];
        let mut action = store.action(&scope, first.first).unwrap().unwrap();
        action.content.title = "=HYPERLINK(\"http://evil.example\")".to_owned();
        store
            .update_action(&scope, first.first, &action.content)
            .unwrap();
        let code = first.state.to_string();
        let csv = db
            .run(&[
                "analyze", "overlaps", "--format", "csv", "--state", &code, "--as-of", AS_OF,
            ])
            .ok();
        assert!(csv.stdout.contains("'=HYPERLINK"), "{}", csv.stdout);
    });
}

#[test]
fn what_cannot_be_analysed_is_refused_by_name() {
    on_each_backend("analyze_errors", |db| {
        db.load_shipped_dataset();
        let unknown = db
            .run(&["analyze", "overlaps", "--org", "nobody-here"])
            .failed();
        assert!(
            unknown.stderr.contains("\"nobody-here\" (--org)"),
            "{}",
            unknown.stderr
        );
        let no_org = db.run(&["analyze", "partners", "--state", "FRA"]).failed();
        assert!(no_org.stderr.contains("--org"), "{}", no_org.stderr);
        let bad_state = db.run(&["analyze", "gaps", "--state", "france"]).failed();
        assert!(bad_state.stderr.contains("--state"), "{}", bad_state.stderr);
        let unknown_state = db.run(&["analyze", "gaps", "--state", "XYZ"]).failed();
        assert!(
            unknown_state
                .stderr
                .contains("--state: no state has the code XYZ"),
            "{}",
            unknown_state.stderr
        );
        let bad_region = db.run(&["analyze", "gaps", "--region", "europe"]).failed();
        assert!(
            bad_region.stderr.contains("--region"),
            "{}",
            bad_region.stderr
        );
        let empty = db.run(&["analyze", "overlaps"]).ok();
        assert_eq!(empty.stdout, "nothing found\n");
    });
}
