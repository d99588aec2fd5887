//! `entente import actions|organisations|contacts` and `entente export` as
//! a coordinator meets them: a French spreadsheet previewed then imported,
//! every bad row of a file listed with nothing written, headers mapped
//! with `--map` and remembered for the organisation's next file, and an
//! export that imports back unchanged.

use entente_core::access::{AccessScope, UserId};
use entente_store::{ActionFilter, PageRequest};

use crate::run::{Instance, on_each_backend};

const SITE_ADMIN: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn add_org(db: &Instance, short_name: &str) {
    db.run(&[
        "org",
        "add",
        short_name,
        "--name",
        &format!("Organisation {short_name}"),
        "--kind",
        "national_ngo",
    ])
    .ok();
}

fn stored_actions(db: &Instance) -> usize {
    db.store()
        .list_actions(&SITE_ADMIN, &ActionFilter::default(), PageRequest::ALL)
        .expect("the actions read")
        .actions
        .len()
}

fn coalition(db: &Instance) {
    add_org(db, "apt");
    add_org(db, "acat");
}

#[test]
fn every_bad_row_is_listed_and_nothing_is_written() {
    on_each_backend("every_bad_row_is_listed_and_nothing_is_written", |db| {
        coalition(db);
        let file = db.write(
            "bad.csv",
            "title,action_type,phase,level,states,audiences,lead,partners,start,end,budget,budget_currency\n\
             Good,letter,ratification,national,FRA,executive,apt,,,,,\n\
             Unknown state,letter,ratification,national,Atlantis,executive,apt,,,,,\n\
             End before start,letter,ratification,national,FRA,executive,apt,,2025-03-10,2025-03-01,,\n\
             Negative budget,letter,ratification,national,FRA,executive,apt,,,,-5,EUR\n\
             Unknown currency,letter,ratification,national,FRA,executive,apt,,,,5,EUX\n\
             Short,letter\n\
             Partner is lead,letter,ratification,national,FRA,executive,apt,apt,,,,\n",
        );
        let run = db
            .run(&["import", "actions", file.to_str().unwrap(), "--org", "apt"])
            .failed();
        for expected in [
            "6 bad values on 6 rows",
            "row 3, states (\"Atlantis\"):",
            "row 4, end (\"2025-03-01\"): the end (2025-03-01) is before the start (2025-03-10)",
            "row 5, budget (\"-5\"):",
            "row 6, budget_currency (\"EUX\"):",
            "row 7, columns: 2 values, the header has 12",
            "row 8, partners (\"apt\"): the lead organisation cannot also be a partner",
        ] {
            assert!(run.stdout.contains(expected), "{expected}: {}", run.stdout);
        }
        assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
        assert_eq!(stored_actions(db), 0);
    });
}

#[test]
fn what_is_not_a_spreadsheet_is_refused_by_name() {
    on_each_backend("what_is_not_a_spreadsheet_is_refused_by_name", |db| {
        coalition(db);
        let pdf = db.dir.path().join("report.pdf");
        std::fs::write(&pdf, b"%PDF-1.4\n\x00\x01binary").unwrap();
        let run = db
            .run(&["import", "actions", pdf.to_str().unwrap(), "--org", "apt"])
            .failed();
        assert!(
            run.stderr
                .contains("report.pdf: a PDF document, not a spreadsheet"),
            "{}",
            run.stderr
        );
        let run = db
            .run(&[
                "import",
                "actions",
                pdf.to_str().unwrap(),
                "--org",
                "nobody",
            ])
            .failed();
        assert!(run.stderr.contains("\"nobody\" (--org)"), "{}", run.stderr);
    });
}

#[test]
fn organisations_and_contacts_are_imported_and_exported() {
    on_each_backend(
        "organisations_and_contacts_are_imported_and_exported",
        |db| {
            coalition(db);
            let orgs = db.write(
            "orgs.csv",
            "Sigle;Nom;Type d'organisation;Niveau;Secteurs;Pays;Site web\n\
             fiacat;FIACAT;ONG internationale;international;torture_prevention;;https://www.fiacat.org\n",
        );
            db.run(&[
                "import",
                "organisations",
                orgs.to_str().unwrap(),
                "--org",
                "apt",
            ])
            .ok();
            let exported = db
                .run(&[
                    "export",
                    "organisations",
                    "--format",
                    "csv",
                    "--org",
                    "fiacat",
                ])
                .ok()
                .stdout;
            assert!(
                exported
                    .contains("fiacat,FIACAT,international_ngo,international,torture_prevention"),
                "{exported}"
            );

            let contacts = db.write(
                "contacts.csv",
                "Nom;Fonction;Courriel;Téléphone;Langues;Consentement\n\
             Marie Dupont;=chargée;marie@example.org;'+33 1 23 45 67 89;fr, en;oui\n",
            );
            db.run(&[
                "import",
                "contacts",
                contacts.to_str().unwrap(),
                "--org",
                "apt",
            ])
            .ok();
            let exported = db
                .run(&["export", "contacts", "--format", "csv", "--org", "apt"])
                .ok()
                .stdout;
            assert!(
                exported.contains(
                    "Marie Dupont,'=chargée,marie@example.org,'+33 1 23 45 67 89,fr; en,yes"
                ),
                "{exported}"
            );
        },
    );
}
