//! `entente import recommendations` and `entente analyze recommendations`:
//! a French spreadsheet in Windows-1252 previewed then imported, a bad one
//! refused whole, and the open recommendations no action pushes listed.

use entente_core::access::{AccessScope, UserId};
use entente_core::recommendation::FollowUpStatus;
use entente_store::{PageRequest, RecommendationFilter};
use serde_json::Value;

use crate::run::{Instance, on_each_backend};

const SITE_ADMIN: AccessScope = AccessScope::SiteAdmin(UserId(0));

/// The French `;` sheet of entente-io's tests, in Windows-1252.
const FRENCH_SHEET: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../entente-io/tests/fixtures/plan/recommendations_fr_cp1252.csv"
);

fn stored(db: &Instance) -> Vec<(String, FollowUpStatus)> {
    let mut found: Vec<(String, FollowUpStatus)> = db
        .store()
        .list_recommendations(
            &SITE_ADMIN,
            &RecommendationFilter::default(),
            PageRequest::ALL,
        )
        .expect("the recommendations read")
        .recommendations
        .into_iter()
        .map(|r| (r.content.state.to_string(), r.status))
        .collect();
    found.sort();
    found
}

#[test]
fn a_french_sheet_is_previewed_imported_and_its_open_rows_analysed() {
    on_each_backend("recommendations_cli", |db| {
        db.run(&[
            "org",
            "add",
            "apt",
            "--name",
            "APT",
            "--kind",
            "international_ngo",
        ])
        .ok();
        let preview = db
            .run(&[
                "import",
                "recommendations",
                FRENCH_SHEET,
                "--org",
                "apt",
                "--dry-run",
            ])
            .ok();
        for expected in [
            "3 rows of recommendations for apt",
            "\"Pays\" -> state",
            "\"Organe\" -> body",
            "\"Statut\" -> status",
            "No problem found: 3 recommendations would be imported. Nothing was written (--dry-run).",
        ] {
            assert!(
                preview.stdout.contains(expected),
                "{expected}: {}",
                preview.stdout
            );
        }
        assert!(stored(db).is_empty(), "a dry run writes nothing");

        let bad = db.write(
            "bad.csv",
            "Pays;Organe;Cote;Recommandation\nFrance;SPT;X/1;Good.\nAtlantide;Tribunal;X/2;Bad.\n",
        );
        let refused = db
            .run(&[
                "import",
                "recommendations",
                bad.to_str().unwrap(),
                "--org",
                "apt",
            ])
            .failed();
        assert!(
            refused.stdout.contains("row 3, state (\"Atlantide\")"),
            "{}",
            refused.stdout
        );
        assert!(
            refused.stdout.contains("row 3, body (\"Tribunal\")"),
            "{}",
            refused.stdout
        );
        assert!(
            refused.stderr.contains("nothing was written"),
            "{}",
            refused.stderr
        );
        assert!(stored(db).is_empty());

        let import = db
            .run(&["import", "recommendations", FRENCH_SHEET, "--org", "apt"])
            .ok();
        assert!(
            import
                .stdout
                .contains("3 recommendations (3 new, 0 updated)"),
            "{}",
            import.stdout
        );
        assert_eq!(
            stored(db),
            [
                ("FRA".to_owned(), FollowUpStatus::InProgress),
                ("MEX".to_owned(), FollowUpStatus::Implemented),
                ("SEN".to_owned(), FollowUpStatus::NotStarted),
            ]
        );

        let run = db
            .run(&["analyze", "recommendations", "--format", "json"])
            .ok();
        let Ok(Value::Array(rows)) = serde_json::from_str::<Value>(&run.stdout) else {
            panic!("not a JSON array: {}", run.stdout);
        };
        let states: Vec<&str> = rows.iter().map(|r| r["state"].as_str().unwrap()).collect();
        assert_eq!(
            states,
            ["France (FRA)", "Senegal (SEN)"],
            "the implemented one is no gap: {rows:?}"
        );
        assert_eq!(rows[0]["body"], "spt");
        assert_eq!(rows[0]["owner"], "apt");
        let narrowed = db
            .run(&["analyze", "recommendations", "--state", "SEN"])
            .ok();
        assert!(
            narrowed.stdout.contains("Senegal (SEN)"),
            "{}",
            narrowed.stdout
        );
        assert!(!narrowed.stdout.contains("France"), "{}", narrowed.stdout);
    });
}
