//! `entente status`, `migrate`, `serve` and `data build` as an administrator
//! meets them: the facts of the shipped dataset, repeatable migrations, and
//! wrong settings stopped with the setting named.

use crate::run::{entente, on_each_backend};

#[test]
fn status_reads_the_shipped_facts() {
    on_each_backend("status_reads_the_shipped_facts", |db| {
        let france = db.run(&["status", "FRA", "--as-of", "2008-01-01"]).ok();
        assert!(
            france.stdout.contains("France under OPCAT on 2008-01-01"),
            "{}",
            france.stdout
        );
        assert!(
            france.stdout.contains("(signatory)"),
            "{}: {}",
            db.backend(),
            france.stdout
        );
        assert!(
            france.stdout.contains("signed:            2005-09-16"),
            "{}",
            france.stdout
        );
        assert!(
            !france.stdout.contains("consent:"),
            "France ratified in November 2008: {}",
            france.stdout
        );

        let uk = db.run(&["status", "GBR"]).ok();
        assert!(
            uk.stdout
                .contains("consent:           2003-12-10 (Ratification)"),
            "{}",
            uk.stdout
        );

        let json = db
            .run(&["status", "FRA", "--as-of", "2008-01-01", "--format", "json"])
            .ok();
        let status: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(status["as_of"], "2008-01-01", "{status}");
    });
}

#[test]
fn status_names_an_unknown_state() {
    on_each_backend("status_names_an_unknown_state", |db| {
        let run = db.run(&["status", "ATL"]).failed();
        assert!(
            run.stderr.contains("no state with the code ATL"),
            "{}",
            run.stderr
        );
    });
}

#[test]
fn migrate_twice_succeeds() {
    on_each_backend("migrate_twice_succeeds", |db| {
        for _ in 0..2 {
            let run = db.run(&["migrate"]).ok();
            assert!(run.stdout.contains("is up to date"), "{}", run.stdout);
        }
    });
}

#[test]
fn serve_stops_on_a_wrong_listen_address_naming_the_setting() {
    let run = entente(["serve", "--listen", "nowhere"], &[]).failed();
    assert!(
        run.stderr.contains("ENTENTE_LISTEN / --listen"),
        "{}",
        run.stderr
    );
    let run = entente(["serve"], &[("ENTENTE_LISTEN", "127.0.0.1")]).failed();
    assert!(
        run.stderr.contains("ENTENTE_LISTEN / --listen"),
        "{}",
        run.stderr
    );
}

#[test]
fn serve_stops_on_a_wrong_database_url_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap();
    let run = entente(
        ["--data-dir", data_dir, "serve", "--listen", "127.0.0.1:0"],
        &[("DATABASE_URL", "mysql://db/entente")],
    )
    .failed();
    assert!(
        run.stderr
            .contains("DATABASE_URL / --database-url must start with postgres://"),
        "{}",
        run.stderr
    );
    // Port 1 refuses connections: the server stops at start-up instead of serving without a database.
    let refused = "postgres://entente:s3cret@127.0.0.1:1/entente";
    let run = entente(
        ["--data-dir", data_dir, "serve", "--listen", "127.0.0.1:0"],
        &[("DATABASE_URL", refused)],
    )
    .failed();
    assert!(
        run.stderr.contains("(DATABASE_URL / --database-url)"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("s3cret"),
        "the password never shows: {}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn data_build_names_a_missing_sources_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let out = dir.path().join("out");
    let run = entente(
        [
            "data",
            "build",
            "--from",
            missing.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
    )
    .failed();
    assert!(
        run.stderr.contains(&format!(
            "the raw sources folder {} does not exist (--from)",
            missing.display()
        )),
        "{}",
        run.stderr
    );
    assert!(!out.exists(), "nothing is written");
}
