//! The action list's filters over HTTP on each backend: every filter, its
//! repeatable and comma-separated forms, paging, and every bad value
//! refused with the parameter it names.

use entente_core::access::{Role, TokenScope, Visibility};
use entente_core::plan::{ActionDraft, ActionStatus, Budget, Level, Phase};
use serde_json::json;

use super::{alliance, draft, send, stored, token};
use crate::app::TestApp;
use crate::fixture::{self, day};
use crate::orgs::{organisation, person};

/// Titles of a list's items, sorted.
async fn titles(app: &TestApp, query: &str) -> Vec<String> {
    let answer = app.get(&format!("/api/v1/actions?{query}")).await;
    assert_eq!(answer.status, 200, "{query}: {}", answer.body);
    let mut titles: Vec<String> = answer.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    titles
}

#[tokio::test]
async fn lists_filter_by_every_field_and_page() {
    fixture::on_each_backend(async |app| {
        let a = organisation(app, "npm-watch", Visibility::Public);
        let b = organisation(app, "friends", Visibility::Public);
        let mex = |d: ActionDraft| ActionDraft {
            states: vec!["MEX".parse().unwrap()],
            ..d
        };
        stored(app, &draft(a, "france letter"));
        stored(
            app,
            &mex(ActionDraft {
                phase: Phase::Implementation,
                level: Level::Regional,
                status: ActionStatus::Idea,
                action_type: "seminar".into(),
                start: Some(day("2026-06-01")),
                end: None,
                ..draft(b, "mexico seminar")
            }),
        );
        stored(
            app,
            &ActionDraft {
                partners: vec![b],
                states: vec!["FRA".parse().unwrap(), "BRA".parse().unwrap()],
                start: None,
                end: None,
                due: Some(day("2026-09-30")),
                budget: Some(Budget::parse("10", "EUR").unwrap()),
                ..draft(a, "brazil and france joint")
            },
        );
        stored(
            app,
            &ActionDraft {
                visibility: Visibility::Public,
                ..draft(b, "friends public")
            },
        );
        let all = [
            "brazil and france joint",
            "france letter",
            "friends public",
            "mexico seminar",
        ];
        assert_eq!(titles(app, "").await, all);
        assert_eq!(titles(app, "state=MEX").await, ["mexico seminar"]);
        assert_eq!(
            titles(app, "state=BRA&state=MEX").await,
            ["brazil and france joint", "mexico seminar"]
        );
        assert_eq!(
            titles(app, "state=bra,mex").await,
            ["brazil and france joint", "mexico seminar"]
        );
        assert_eq!(
            titles(app, "region=grulac").await,
            ["brazil and france joint", "mexico seminar"]
        );
        assert_eq!(titles(app, "type=seminar").await, ["mexico seminar"]);
        assert_eq!(
            titles(app, "phase=implementation").await,
            ["mexico seminar"]
        );
        assert_eq!(titles(app, "level=regional").await, ["mexico seminar"]);
        assert_eq!(titles(app, "status=idea").await, ["mexico seminar"]);
        assert_eq!(
            titles(app, "org=friends").await,
            [
                "brazil and france joint",
                "friends public",
                "mexico seminar"
            ]
        );
        assert_eq!(
            titles(app, "from=2026-05-01").await,
            ["brazil and france joint", "mexico seminar"]
        );
        assert_eq!(
            titles(app, "to=2026-04-01").await,
            ["france letter", "friends public"]
        );
        assert_eq!(
            titles(app, "from=2026-05-01&to=2026-07-01").await,
            ["mexico seminar"]
        );

        let page = app.get("/api/v1/actions?limit=2&offset=1").await.json();
        assert_eq!(
            (
                page["total"].as_u64(),
                page["limit"].as_u64(),
                page["offset"].as_u64()
            ),
            (Some(4), Some(2), Some(1))
        );
        assert_eq!(page["items"].as_array().unwrap().len(), 2);
        let beyond = app.get("/api/v1/actions?offset=10").await.json();
        assert_eq!(
            (
                beyond["total"].as_u64(),
                beyond["items"].as_array().unwrap().len()
            ),
            (Some(4), 0)
        );
    })
    .await;
}

#[tokio::test]
async fn lists_filter_by_alliance() {
    fixture::on_each_backend(async |app| {
        let a = organisation(app, "npm-watch", Visibility::Public);
        let b = organisation(app, "friends", Visibility::Public);
        let coalition = alliance(app, a, "OPCAT now", &[b]);
        let member = person(app, "bo@example.org", "Bo Lund", b, Role::Viewer);
        stored(
            app,
            &ActionDraft {
                visibility: Visibility::Alliance,
                shared_with: vec![coalition],
                ..draft(a, "shared plan")
            },
        );
        stored(app, &draft(a, "public plan"));
        let read = token(app, member, TokenScope::Read);
        let listed = send(
            reqwest::Client::new()
                .get(app.url(&format!("/api/v1/actions?alliance={}", coalition.0)))
                .bearer_auth(&read),
        )
        .await;
        assert_eq!(listed.status, 200, "{}", listed.body);
        let items = listed.json()["items"].clone();
        assert_eq!(items.as_array().unwrap().len(), 1);
        assert_eq!(items[0]["title"], "shared plan");
        assert_eq!(
            items[0]["shared_with"],
            json!([{"id": coalition.0, "name": "OPCAT now"}])
        );
        // The anonymous does not see the alliance: the filter names nothing.
        let refused = app
            .get(&format!("/api/v1/actions?alliance={}", coalition.0))
            .await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("alliance"), "{}", refused.body);
    })
    .await;
}

#[tokio::test]
async fn bad_filter_values_name_their_parameter() {
    fixture::on_each_backend(async |app| {
        organisation(app, "quiet", Visibility::Private);
        for (query, parameter) in [
            ("state=F1", "state"),
            ("state=XXX", "state"),
            ("state=FRA,XXX", "state"),
            ("region=mars", "region"),
            ("type=smoke_signals", "type"),
            ("phase=later", "phase"),
            ("level=galactic", "level"),
            ("status=lost", "status"),
            ("org=nosuch", "org"),
            ("org=quiet", "org"),
            ("alliance=abc", "alliance"),
            ("alliance=999", "alliance"),
            ("from=01/03/2026", "from"),
            ("from=2026-05-01&to=2026-04-01", "to"),
            ("limit=0", "limit"),
            ("limit=501", "limit"),
            ("limit=ten", "limit"),
            ("offset=-1", "offset"),
            ("phase=ratification&phase=implementation", "phase"),
            ("states=FRA", "query"),
        ] {
            let answer = app.get(&format!("/api/v1/actions?{query}")).await;
            assert_eq!(answer.status, 422, "{query}: {}", answer.body);
            let error = &answer.json()["error"];
            assert_eq!(error["code"], "invalid_parameter", "{query}");
            assert!(
                error["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("parameter {parameter}:")),
                "{query}: {}",
                answer.body
            );
        }
        let hidden = app.get("/api/v1/actions?org=quiet").await.body;
        let missing = app.get("/api/v1/actions?org=nosuch").await.body;
        assert_eq!(
            hidden.replace("quiet", "nosuch"),
            missing,
            "a hidden organisation is a missing one"
        );
    })
    .await;
}
