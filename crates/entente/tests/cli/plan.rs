//! `entente import actions|organisations|contacts` and `entente export` as
//! a coordinator meets them: a French spreadsheet previewed then imported,
//! every bad row of a file listed with nothing written, headers mapped
//! with `--map` and remembered for the organisation's next file, and an
//! export that imports back unchanged.

use entente_core::access::{AccessScope, UserId};
use entente_store::{ActionFilter, PageRequest};

use crate::run::{Instance, on_each_backend};

const SITE_ADMIN: AccessScope = AccessScope::SiteAdmin(UserId(0));

/// A French coalition's plan: semicolons, a byte order mark, its own
/// headers and words.
const FRENCH_PLAN: &str = "\u{feff}Titre;Type d'action;Phase;Niveau;Pays;Public cible;\
Organisation responsable;Partenaires;Date de début;Date de fin;Statut;Montant;Devise\r\n\
Rencontre au ministère;Rencontre avec l’exécutif;Ratification;national;France;exécutif;\
apt;acat;31/01/2025;15.03.2025;en cours;1 500,50;EUR\r\n\
Séminaire régional;seminar;mise en œuvre;régional;Sénégal|Côte d’Ivoire;NPM;;;1/2/2025;;prévue;12000;XOF\r\n";

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
fn a_french_spreadsheet_is_previewed_then_imported() {
    on_each_backend("a_french_spreadsheet_is_previewed_then_imported", |db| {
        coalition(db);
        let file = db.write("plan.csv", FRENCH_PLAN);
        let file = file.to_str().unwrap();
        let preview = db
            .run(&["import", "actions", file, "--org", "apt", "--dry-run"])
            .ok();
        for expected in [
            "2 rows of actions for apt",
            "\"Pays\" -> states",
            "\"Date de début\" -> start",
            "\"Organisation responsable\" -> lead",
            "No problem found: 2 actions would be imported. Nothing was written (--dry-run).",
        ] {
            assert!(
                preview.stdout.contains(expected),
                "{expected}: {}",
                preview.stdout
            );
        }
        assert_eq!(stored_actions(db), 0, "a dry run writes nothing");

        let import = db.run(&["import", "actions", file, "--org", "apt"]).ok();
        assert!(
            import.stdout.contains("2 actions (2 new, 0 updated)"),
            "{}",
            import.stdout
        );
        let actions = db
            .store()
            .list_actions(&SITE_ADMIN, &ActionFilter::default(), PageRequest::ALL)
            .unwrap()
            .actions;
        assert_eq!(actions.len(), 2);
        let seminar = actions
            .iter()
            .find(|a| a.content.title == "Séminaire régional")
            .expect("the seminar is stored");
        let states: Vec<&str> = seminar.content.states.iter().map(|s| s.as_str()).collect();
        assert_eq!(states, ["CIV", "SEN"], "stored in code order");
        let apt = db
            .store()
            .organisation_by_short_name(&SITE_ADMIN, "apt")
            .unwrap()
            .unwrap();
        assert_eq!(
            seminar.content.lead, apt.id,
            "a row without a lead is the importer's"
        );
    });
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
fn headers_mapped_with_map_are_remembered_for_the_organisation() {
    on_each_backend("headers_mapped_with_map_are_remembered", |db| {
        coalition(db);
        let file = db.write(
            "own_words.csv",
            "Intitulé,Genre,Phase,Niveau,Territoire,Cible,Commentaire interne\n\
             Lettre,letter,ratification,national,Mexique,executive,à ne pas importer\n",
        );
        let file = file.to_str().unwrap();
        let refused = db
            .run(&["import", "actions", file, "--org", "apt"])
            .failed();
        for expected in [
            "the header \"Genre\" names no field",
            "the header \"Territoire\" names no field",
            "no column gives the required field \"states\"",
            "--map \"Header=field\"",
        ] {
            assert!(
                refused.stderr.contains(expected),
                "{expected}: {}",
                refused.stderr
            );
        }
        let mapped = [
            "import",
            "actions",
            file,
            "--org",
            "apt",
            "--map",
            "Genre=type",
            "--map",
            "Territoire=state",
            "--map",
            "Commentaire interne=-",
        ];
        let run = db.run(&mapped).ok();
        assert!(
            run.stdout.contains("\"Territoire\" -> states (--map)"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("\"Commentaire interne\" -> ignored (--map)"),
            "{}",
            run.stdout
        );
        let again = db
            .run(&["import", "actions", file, "--org", "apt", "--dry-run"])
            .ok();
        assert!(
            again
                .stdout
                .contains("\"Genre\" -> action_type (remembered)"),
            "{}",
            again.stdout
        );
        let other = db
            .run(&["import", "actions", file, "--org", "acat", "--dry-run"])
            .failed();
        assert!(
            other.stderr.contains("\"Genre\" names no field"),
            "remembered per organisation"
        );
    });
}

#[test]
fn an_exported_csv_imports_back_unchanged() {
    on_each_backend("an_exported_csv_imports_back_unchanged", |db| {
        coalition(db);
        let file = db.write("plan.csv", FRENCH_PLAN);
        db.run(&["import", "actions", file.to_str().unwrap(), "--org", "apt"])
            .ok();
        let first = db
            .run(&["export", "actions", "--format", "csv"])
            .ok()
            .stdout;
        assert!(
            first.starts_with("\u{feff}title,description,action_type,"),
            "{first}"
        );
        let exported = db.write("export.csv", &first);
        db.run(&[
            "import",
            "actions",
            exported.to_str().unwrap(),
            "--org",
            "acat",
        ])
        .ok();
        let second = db
            .run(&["export", "actions", "--format", "csv"])
            .ok()
            .stdout;
        let mut once: Vec<&str> = first.lines().skip(1).collect();
        let mut twice: Vec<&str> = second.lines().skip(1).collect();
        once.extend(once.clone());
        once.sort_unstable();
        twice.sort_unstable();
        assert_eq!(twice, once, "each exported row is back as it was");

        let json = db
            .run(&["export", "actions", "--format", "json", "--org", "acat"])
            .ok();
        let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        // The copies keep their lead (apt, as the file says): acat is the
        // partner of the meeting and of its copy.
        assert_eq!(value.as_array().map(Vec::len), Some(2), "{}", json.stdout);
        let xlsx = db.run(&["export", "actions", "--format", "xlsx"]).ok();
        assert!(xlsx.stdout.starts_with("PK\u{3}\u{4}"));
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

#[test]
fn an_xlsx_workbook_is_imported_like_a_csv_file() {
    on_each_backend("an_xlsx_workbook_is_imported_like_a_csv_file", |db| {
        coalition(db);
        let csv = std::fs::read(db.write("plan.csv", FRENCH_PLAN)).unwrap();
        let sheet = entente_io::plan::read_sheet(&csv, "plan.csv").unwrap();
        let rows: Vec<&Vec<String>> = std::iter::once(&sheet.headers)
            .chain(sheet.rows.iter().map(|row| &row.cells))
            .collect();
        let xlsx = db.dir.path().join("plan.xlsx");
        std::fs::write(&xlsx, xlsx_of(&rows)).unwrap();
        let run = db
            .run(&["import", "actions", xlsx.to_str().unwrap(), "--org", "apt"])
            .ok();
        assert!(
            run.stdout.contains("2 actions (2 new, 0 updated)"),
            "{}",
            run.stdout
        );
        assert_eq!(stored_actions(db), 2);
    });
}

/// A workbook whose first worksheet holds `rows` as text cells.
fn xlsx_of(rows: &[&Vec<String>]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32, c as u16, cell.as_str())
                .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}
