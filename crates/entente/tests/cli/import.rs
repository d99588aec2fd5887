//! `entente import`: the shipped sources change nothing, new facts go in
//! once, and a damaged file is refused whole, with the file and row named.

use entente_core::{ConsentKind, EventKind};

use crate::run::{Instance, fixture, fixture_text, on_each_backend, shared_file};

const PAGE: &str = "opcat_status_page.html";

/// The fixture page, with Zambia ratifying on a day of the test's invention.
fn page_with_zambia_ratifying() -> String {
    let page = fixture_text(PAGE);
    let zambia = "<td>Zambia<br></td>\n\t\t<td>27 Sep\t 2010 <br></td>\n\t\t<td>&nbsp;</td>";
    assert!(
        page.contains(zambia),
        "the fixture holds Zambia's row as printed"
    );
    page.replacen(
        zambia,
        "<td>Zambia<br></td>\n\t\t<td>27 Sep\t 2010 <br></td>\n\t\t<td>2 Feb\t 2026 <br></td>",
        1,
    )
    .replacen("Parties :   4", "Parties :   5", 1)
}

fn import_page(instance: &Instance, page: &str) -> crate::run::Run {
    instance.run(&["import", "status-page", page])
}

#[test]
fn importing_the_shipped_facts_again_changes_nothing() {
    on_each_backend("importing_the_shipped_facts_again_changes_nothing", |db| {
        let page = fixture(PAGE);
        let page = page.to_str().unwrap();
        let first = import_page(db, page).ok();
        let before = db.events();
        let second = import_page(db, page).ok();
        for run in [&first, &second] {
            assert!(
                run.stdout
                    .contains("as of 2026-02-03: 10 events citing 1 source"),
                "{}",
                run.stdout
            );
            assert!(
                run.stdout.contains("0 inserted, 0 updated, 11 unchanged"),
                "{}: {}",
                db.backend(),
                run.stdout
            );
        }
        assert_eq!(db.events(), before);
    });
}

#[test]
fn a_new_fact_goes_in_once() {
    on_each_backend("a_new_fact_goes_in_once", |db| {
        db.load_shipped_dataset();
        let before = db.events();
        let page = db.write("zambia.html", &page_with_zambia_ratifying());
        let page = page.to_str().unwrap();
        let first = import_page(db, page).ok();
        assert!(
            first.stdout.contains("1 inserted, 0 updated, 11 unchanged"),
            "{}: {}",
            db.backend(),
            first.stdout
        );
        let after = db.events();
        let added: Vec<_> = after.iter().filter(|e| !before.contains(e)).collect();
        assert_eq!(added.len(), 1, "{added:?}");
        assert_eq!(
            (added[0].state.as_str(), added[0].kind),
            ("ZMB", EventKind::Consent(ConsentKind::Ratification))
        );
        assert_eq!(added[0].source, "untc-opcat");
        assert_eq!(after.len(), before.len() + 1);

        let second = import_page(db, page).ok();
        assert!(
            second
                .stdout
                .contains("0 inserted, 0 updated, 12 unchanged"),
            "{}",
            second.stdout
        );
        assert_eq!(db.events(), after);
        let status = db.run(&["status", "ZMB", "--as-of", "2026-06-01"]).ok();
        assert!(
            status.stdout.contains("(party_npm_pending)"),
            "{}",
            status.stdout
        );
    });
}

/// Each fault, planted in a page that also holds a new fact, so a partial write would show.
fn damaged_pages() -> Vec<(&'static str, String, &'static str)> {
    let page = page_with_zambia_ratifying();
    let uk_signature = "<td>26 Jun\t 2003 <br></td>";
    let cut = page.find(uk_signature).expect("the UK's signature") + "<td>26 Jun\t 20".len();
    let chile = "\t<tr class=\"trBGGrey\">\n\t\t<td>Chile<br></td>\n\t\t<td> &nbsp;6 Jun\t 2005 <br></td>\n\t\t<td>12 Dec\t 2008 <br></td>\n\t</tr>\n";
    assert!(
        page.contains(chile),
        "the fixture holds Chile's row as printed"
    );
    vec![
        (
            "truncated",
            page[..cut].to_owned(),
            "participants table row 4: the page ends before </html>",
        ),
        (
            "unknown",
            page.replacen("<td>Chile<br></td>", "<td>Atlantis<br></td>", 1),
            "participants table row 2 (Atlantis), participant: \"Atlantis\" matches no known state",
        ),
        (
            "impossible",
            page.replacen("16 Sep\t 2005", "31 Feb\t 2005", 1),
            "participants table row 3 (France), signature: \"31 Feb 2005\" is not a date (February 2005 has no day 31)",
        ),
        (
            "duplicate",
            page.replacen(chile, &format!("{chile}{chile}"), 1),
            "participants table row 3 (Chile), participant: Chile is listed twice",
        ),
    ]
}

#[test]
fn a_damaged_page_is_refused_whole_naming_file_and_row() {
    on_each_backend(
        "a_damaged_page_is_refused_whole_naming_file_and_row",
        |db| {
            db.run(&["migrate"]).ok();
            db.run(&["status", "FRA"]).ok();
            let before = db.events();
            for (name, page, where_and_why) in damaged_pages() {
                let file = db.write(&format!("{name}.html"), &page);
                let file = file.to_str().unwrap();
                let run = import_page(db, file).failed();
                let expected = format!("error: {file}: {where_and_why}");
                assert!(
                    run.stderr.contains(&expected),
                    "{name} on {}: expected {expected:?}\n{}",
                    db.backend(),
                    run.stderr
                );
                assert!(run.stdout.is_empty(), "{name}: {}", run.stdout);
                assert_eq!(db.events(), before, "{name}: the database is unchanged");
            }
        },
    );
}

#[test]
fn an_unreadable_file_or_an_unknown_treaty_is_named() {
    on_each_backend("an_unreadable_file_or_an_unknown_treaty_is_named", |db| {
        let missing = db.dir.path().join("missing.html");
        let missing = missing.to_str().unwrap();
        let run = import_page(db, missing).failed();
        assert!(
            run.stderr.contains(&format!("cannot read {missing}")),
            "{}",
            run.stderr
        );
        let run = db.run(&["import", "ratifications", missing]).failed();
        assert!(
            run.stderr.contains(&format!("cannot read {missing}")),
            "{}",
            run.stderr
        );

        let page = fixture(PAGE);
        let run = db
            .run(&[
                "import",
                "status-page",
                page.to_str().unwrap(),
                "--treaty",
                "atlantis",
            ])
            .failed();
        assert!(
            run.stderr
                .contains("no treaty atlantis (--treaty); known treaties: cat,"),
            "{}",
            run.stderr
        );
        let run = db
            .run(&[
                "import",
                "status-page",
                page.to_str().unwrap(),
                "--treaty",
                "cat",
            ])
            .failed();
        assert!(
            run.stderr
                .contains("mtdsg_no: the page is the status of treaty IV-9-b, not of cat (IV-9)"),
            "{}",
            run.stderr
        );
    });
}

#[test]
fn the_table_of_instruments_imports_and_reports_what_it_skips() {
    on_each_backend(
        "the_table_of_instruments_imports_and_reports_what_it_skips",
        |db| {
            let table = fixture("ratifications.csv");
            let table = table.to_str().unwrap();
            db.load_shipped_dataset();
            let before = db.events();
            for _ in 0..2 {
                let run = db
                    .run(&["import", "ratifications", table, "--as-of", "2026-02-03"])
                    .ok();
                assert!(
                    run.stdout
                        .contains("as of 2026-02-03: 8 events citing 5 sources"),
                    "{}",
                    run.stdout
                );
                assert!(
                    run.stdout.contains("0 inserted, 0 updated, 13 unchanged"),
                    "{}: {}",
                    db.backend(),
                    run.stdout
                );
                assert!(
                    run.stdout
                        .contains("European Union: a regional integration organisation"),
                    "{}",
                    run.stdout
                );
                assert!(
                    run.stdout
                        .contains("France: OPCAT comes from its status page"),
                    "{}",
                    run.stdout
                );
            }
            assert_eq!(db.events(), before);

            let damaged = fixture_text("ratifications.csv").replacen("1986-02-18", "1986-02-30", 1);
            let file = db.write("damaged.csv", &damaged);
            let file = file.to_str().unwrap();
            let run = db
                .run(&["import", "ratifications", file, "--as-of", "2026-02-03"])
                .failed();
            let expected =
                format!("error: {file}: row 3 (France), action_date: \"1986-02-30\" is not a date");
            assert!(run.stderr.contains(&expected), "{}", run.stderr);
            assert_eq!(db.events(), before);
        },
    );
}

#[test]
fn the_real_pages_of_the_shipped_dataset_change_nothing() {
    let test = "the_real_pages_of_the_shipped_dataset_change_nothing";
    let (Some(page), Some(table)) = (
        shared_file(test, "untc/cat_op.html"),
        shared_file(test, "untc/un_hr_ratifications.csv"),
    ) else {
        return;
    };
    on_each_backend(test, |db| {
        db.load_shipped_dataset();
        let before = db.events();
        for _ in 0..2 {
            let run = import_page(db, page.to_str().unwrap()).ok();
            assert!(
                run.stdout.contains("as of 2026-02-03: 180 events"),
                "{}",
                run.stdout
            );
            assert!(
                run.stdout.contains(" 0 inserted, 0 updated, "),
                "{}: {}",
                db.backend(),
                run.stdout
            );
            assert!(
                run.stdout
                    .contains("Azerbaijan, North Macedonia, Slovenia: a notification"),
                "{}",
                run.stdout
            );
            let run = db
                .run(&[
                    "import",
                    "ratifications",
                    table.to_str().unwrap(),
                    "--as-of",
                    "2026-02-03",
                ])
                .ok();
            assert!(
                run.stdout.contains(" 0 inserted, 0 updated, "),
                "{}: {}",
                db.backend(),
                run.stdout
            );
        }
        assert_eq!(db.events(), before);
    });
}
