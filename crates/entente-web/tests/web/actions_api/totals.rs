//! Totals past what the store counts: the list and the search say "more
//! than" in the API (`total_is_lower_bound`) and in words on the pages, in
//! English, French and Spanish, and the next page is still offered.

use entente_core::access::{AccessScope, UserId, Visibility};
use entente_io::plan::ActionRecord;
use entente_store::{PageRequest, SearchPage};

use crate::app::TestApp;
use crate::fixture;
use crate::orgs::organisation;

/// More public letters than a list counts, all with "parliament" in
/// their description.
fn many_letters(app: &TestApp) -> u64 {
    let org = organisation(app, "npm-watch", Visibility::Public);
    let many = PageRequest::COUNTED + 5;
    let records: Vec<ActionRecord> = (0..many)
        .map(|n| {
            let d = fixture::letter(org, &format!("Letter {n}"), "FRA", Visibility::Public);
            ActionRecord {
                line: usize::try_from(n).unwrap() + 2,
                signal: None,
                title: d.title,
                description: "A letter to parliament.".to_owned(),
                action_type: d.action_type,
                phase: d.phase,
                level: d.level,
                states: d.states,
                audiences: d.audiences,
                lead: None,
                partners: Vec::new(),
                start: d.start,
                end: d.end,
                due: d.due,
                status: d.status,
                budget: None,
                staff_days: None,
                expected_outcome: String::new(),
                actual_outcome: String::new(),
                outcome_event: None,
                documents: Vec::new(),
                visibility: Visibility::Public,
                shared_with: Vec::new(),
            }
        })
        .collect();
    app.store
        .import_actions(&AccessScope::SiteAdmin(UserId(0)), org, &records, |_| {})
        .unwrap();
    many
}

#[tokio::test]
async fn totals_past_the_count_say_more_than_in_the_api_and_in_words() {
    fixture::on_each_backend(async |app| {
        let many = many_letters(app);
        let first = app.get("/api/v1/actions?limit=50").await;
        assert_eq!(first.status, 200, "{}", first.body);
        let body = first.json();
        assert_eq!(body["total"], PageRequest::COUNTED);
        assert_eq!(body["total_is_lower_bound"], true);
        let last = app
            .get(&format!(
                "/api/v1/actions?limit=50&offset={}",
                PageRequest::COUNTED
            ))
            .await
            .json();
        assert_eq!(last["total"], many);
        assert_eq!(last["total_is_lower_bound"], false);

        for (lang, range) in [
            ("en", "1–50 of more than 10000"),
            ("fr", "1–50 sur plus de 10000"),
            ("es", "1–50 de más de 10000"),
        ] {
            let page = app.get(&format!("/actions?lang={lang}")).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains(range), "{lang}: {}", page.body);
            assert!(
                page.body.contains("page=2"),
                "{lang}: the next page is offered"
            );
        }

        let found = app.get("/api/v1/search?q=parliament").await.json();
        assert_eq!(found["total"], SearchPage::RANKED);
        assert_eq!(found["total_is_lower_bound"], true);
        for (lang, heading, all) in [
            (
                "en",
                "More than 1000 actions",
                "See all the actions (more than 1000)",
            ),
            (
                "fr",
                "Plus de 1000 actions",
                "Voir toutes les actions (plus de 1000)",
            ),
            (
                "es",
                "Más de 1000 acciones",
                "Ver todas las acciones (más de 1000)",
            ),
        ] {
            let page = app.get(&format!("/search?q=parliament&lang={lang}")).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains(heading), "{lang}: {}", page.body);
            assert!(page.body.contains(all), "{lang}: {}", page.body);
        }
    })
    .await;
}
