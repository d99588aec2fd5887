//! `entente demo`: a coalition made once per database on top of the real
//! treaty data, people who can sign in with the documented password, as
//! many actions as `--scale` asks, the same data for the same seed, and
//! the actions as an Entente CSV file for the import benchmark.

use entente_core::access::{AccessScope, UserId, Visibility};
use entente_store::{ActionFilter, PageRequest, SearchKind};

use crate::run::{Instance, entente, on_each_backend};

const SITE_ADMIN: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn stored_actions(db: &Instance) -> Vec<entente_store::Action> {
    db.store()
        .list_actions(&SITE_ADMIN, &ActionFilter::default(), PageRequest::ALL)
        .expect("the actions read")
        .actions
}

#[test]
fn the_demo_makes_a_coalition_once_per_database() {
    on_each_backend("the_demo_makes_a_coalition_once_per_database", |db| {
        let made = db.run(&["demo", "--seed", "5"]).ok();
        assert!(
            made.stderr.contains("password entente-demo-password"),
            "{}",
            made.stderr
        );
        assert!(
            made.stdout
                .contains("site-admin@demo.example.org\tsite administrator")
        );
        assert!(
            made.stdout
                .contains("admin.gdw@demo.example.org\tadmin of gdw-demo")
        );
        let store = db.store();
        let orgs = store.organisations(&SITE_ADMIN).unwrap();
        assert!(orgs.len() >= 10, "{} organisations", orgs.len());
        assert!(orgs.iter().all(|o| o.name.ends_with("(demo)")));
        assert_eq!(store.alliances(&SITE_ADMIN).unwrap().len(), 3);
        let actions = stored_actions(db);
        assert_eq!(actions.len(), 300);
        assert!(actions.iter().all(|a| {
            let text = &a.content.description;
            [
                "Demo data",
                "Données de démonstration",
                "Datos de demostración",
            ]
            .iter()
            .any(|mark| text.starts_with(mark))
        }));
        let visibilities: std::collections::BTreeSet<Visibility> =
            actions.iter().map(|a| a.content.visibility).collect();
        assert_eq!(
            visibilities.len(),
            3,
            "private, alliance and public actions"
        );

        let admin = store
            .user_by_email("admin.hrn@demo.example.org")
            .unwrap()
            .unwrap();
        let hash = admin.password_hash.expect("a password is set");
        assert!(entente_auth::password::verify(
            "entente-demo-password",
            &hash
        ));
        let found = store
            .search(
                &AccessScope::Public,
                "demo",
                &[SearchKind::Alliance],
                PageRequest::default(),
            )
            .unwrap();
        assert!(found.total >= 1, "the demo is indexed for search");

        let again = db.run(&["demo", "--seed", "5"]).failed();
        assert!(
            again.stderr.contains("holds the demo already"),
            "{}",
            again.stderr
        );
        assert_eq!(stored_actions(db).len(), 300, "nothing more was written");
    });
}

#[test]
fn scale_stores_that_many_actions_in_chunks() {
    on_each_backend("scale_stores_that_many_actions_in_chunks", |db| {
        let made = db.run(&["demo", "--scale", "6001", "--seed", "2"]).ok();
        assert!(
            made.stderr.contains("6001 actions stored in"),
            "{}",
            made.stderr
        );
        assert!(made.stderr.contains("rows/second"));
        assert_eq!(stored_actions(db).len(), 6001);
    });
}

#[test]
fn the_same_seed_writes_the_same_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    for (name, seed) in [("a.csv", "9"), ("b.csv", "9"), ("c.csv", "10")] {
        let data = path("data");
        let args = [
            "--data-dir",
            &data,
            "demo",
            "--csv",
            &path(name),
            "--scale",
            "700",
            "--seed",
            seed,
        ];
        let wrote = entente(args, &[]).ok();
        assert!(
            wrote.stderr.contains("700 actions written to the file"),
            "{}",
            wrote.stderr
        );
    }
    let read = |name: &str| std::fs::read(path(name)).unwrap();
    assert_eq!(read("a.csv"), read("b.csv"));
    assert_ne!(read("a.csv"), read("c.csv"));
    let sheet = entente_io::plan::read_sheet(&read("a.csv"), "a.csv").unwrap();
    assert_eq!(sheet.rows.len(), 700);
    assert_eq!(sheet.headers[0], "title");
    let refused = entente(["demo", "--csv", "/nonexistent/dir/x.csv"], &[]).failed();
    assert!(refused.stderr.contains("--csv"), "{}", refused.stderr);
    assert!(
        !dir.path().join("data").exists(),
        "a file needs no database"
    );
}
