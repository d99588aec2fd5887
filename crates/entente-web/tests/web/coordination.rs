//! The coordination API over HTTP on each backend: overlaps, gaps,
//! partners and deadlines drawn only from what the reader may see (the
//! anonymous public: public actions), with the board's filters, and bad
//! parameters refused by name.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgKind, Role, TokenScope, UserId, Visibility};
use entente_core::plan::{ActionDraft, Level};
use entente_store::{NewOrganisation, OrganisationProfile};
use serde_json::Value;

use super::app::{Answer, TestApp};
use super::fixture::{self, day};
use super::orgs::{organisation, person};

const AS_OF: &str = "as_of=2026-11-01";

/// Three organisations (two public, "quiet" private) and their actions on
/// France and Mexico; a read token of quiet's viewer.
fn plant(app: &TestApp) -> String {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let international = app
        .store
        .create_organisation(&NewOrganisation {
            short_name: "rights-now".into(),
            name: "Rights Now".into(),
            kind: OrgKind::InternationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: OrganisationProfile {
                level: Level::International,
                ..OrganisationProfile::default()
            },
        })
        .unwrap();
    let quiet = organisation(app, "quiet", Visibility::Private);
    let viewer = person(app, "vi@example.org", "Vi", quiet, Role::Viewer);
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    let store = |draft: ActionDraft| app.store.create_action(&site, &draft).unwrap();
    store(fixture::letter(
        watch,
        "Letter of npm-watch",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        international,
        "Letter of rights-now",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        quiet,
        "Secret letter of quiet",
        "FRA",
        Visibility::Private,
    ));
    let mut due = fixture::letter(watch, "Report on Mexico", "MEX", Visibility::Public);
    due.due = Some(day("2026-12-15"));
    store(due);
    let mut hidden = fixture::letter(quiet, "Secret report on Mexico", "MEX", Visibility::Private);
    hidden.due = Some(day("2026-12-20"));
    store(hidden);
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(
            viewer,
            "script",
            &token.hash(),
            TokenScope::Read,
            Utc::now().naive_utc(),
        )
        .unwrap();
    token.as_str().to_owned()
}

async fn get(app: &TestApp, path: &str, bearer: Option<&str>) -> Answer {
    let request = reqwest::Client::new().get(app.url(path));
    let request = match bearer {
        Some(token) => request.bearer_auth(token),
        None => request,
    };
    Answer::from(request.send().await.unwrap()).await
}

async fn json(app: &TestApp, path: &str, bearer: Option<&str>) -> Value {
    let answer = get(app, path, bearer).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.json()
}

fn titles(overlaps: &Value) -> Vec<String> {
    let mut found: Vec<String> = overlaps["overlaps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| [&o["first"]["title"], &o["second"]["title"]])
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    found.sort();
    found.dedup();
    found
}

#[tokio::test]
async fn overlaps_come_only_from_the_actions_the_reader_may_see() {
    fixture::on_each_backend(async |app| {
        let token = plant(app);
        let public = json(app, "/api/v1/coordination/overlaps", None).await;
        assert_eq!(public["total"], 1, "{public}");
        assert_eq!(
            titles(&public),
            ["Letter of npm-watch", "Letter of rights-now"]
        );
        let overlap = &public["overlaps"][0];
        assert_eq!(overlap["state"], "FRA");
        assert_eq!(overlap["audience"], "executive");
        assert_eq!(overlap["opportunity"], "joint_action");
        assert_eq!(overlap["days_apart"], 0);
        assert_eq!(overlap["first"]["lead_short_name"], "npm-watch");
        let member = json(app, "/api/v1/coordination/overlaps", Some(&token)).await;
        assert_eq!(member["total"], 4, "{member}");
        assert!(titles(&member).contains(&"Secret letter of quiet".to_owned()));
        let involving = json(
            app,
            "/api/v1/coordination/overlaps?org=quiet&limit=1",
            Some(&token),
        )
        .await;
        assert_eq!(involving["total"], 3);
        assert_eq!(involving["overlaps"].as_array().unwrap().len(), 1);
        let mexico = json(app, "/api/v1/coordination/overlaps?state=mex", Some(&token)).await;
        assert_eq!(mexico["total"], 1);
        assert_eq!(mexico["overlaps"][0]["state"], "MEX");
        let public_mexico = json(app, "/api/v1/coordination/overlaps?state=MEX", None).await;
        assert_eq!(public_mexico["total"], 0);
        let path = "/api/v1/coordination/overlaps?window_days=0";
        assert_eq!(json(app, path, None).await["total"], 1);
        let hidden = get(app, "/api/v1/coordination/overlaps?org=quiet", None).await;
        assert_eq!(hidden.status, 404, "{}", hidden.body);
        assert_eq!(hidden.json()["error"]["code"], "org_not_found");
    })
    .await;
}

#[tokio::test]
async fn gaps_and_deadlines_follow_the_treaty_events_and_the_reader() {
    fixture::on_each_backend(async |app| {
        let token = plant(app);
        let path = format!("/api/v1/coordination/gaps?{AS_OF}&state=MEX");
        let gaps = json(app, &path, None).await;
        assert_eq!(gaps["as_of"], "2026-11-01");
        let gaps = gaps["gaps"].as_array().unwrap().clone();
        assert!(!gaps.is_empty());
        assert!(gaps.iter().all(|g| g["state"] == "MEX"), "{gaps:?}");
        assert_eq!(gaps[0]["stage"], "party_npm_pending");
        assert_eq!(gaps[0]["npm_overdue"], true);
        assert_eq!(gaps[0]["since"], "2005-04-11");

        let path = format!("/api/v1/coordination/deadlines?{AS_OF}&state=MEX");
        let public = json(app, &path, None).await["deadlines"].clone();
        let kinds: Vec<&str> = public
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["npm_due", "action_due"], "{public}");
        assert_eq!(public[0]["overdue"], true);
        assert_eq!(public[1]["action"]["title"], "Report on Mexico");
        assert_eq!(public[1]["date"], "2026-12-15");
        let member = json(app, &path, Some(&token)).await["deadlines"].clone();
        assert_eq!(member.as_array().unwrap().len(), 3, "{member}");
        assert_eq!(member[2]["action"]["title"], "Secret report on Mexico");
        assert!(!public.to_string().contains("Secret"));
    })
    .await;
}

#[tokio::test]
async fn partners_are_sought_among_the_organisations_the_reader_sees() {
    fixture::on_each_backend(async |app| {
        let token = plant(app);
        let path = "/api/v1/coordination/partners?org=npm-watch&state=FRA";
        let found = json(app, path, None).await;
        assert_eq!(found["org"], "npm-watch");
        assert_eq!(found["place"], "FRA");
        let partners = found["partners"].as_array().unwrap();
        assert_eq!(partners.len(), 1, "{found}");
        assert_eq!(partners[0]["short_name"], "rights-now");
        let reasons: Vec<&str> = partners[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reason"].as_str().unwrap())
            .collect();
        assert!(reasons.contains(&"acts_there") && reasons.contains(&"other_level"));
        let hidden = get(
            app,
            "/api/v1/coordination/partners?org=quiet&state=FRA",
            None,
        )
        .await;
        assert_eq!(hidden.status, 404);
        let own = json(
            app,
            "/api/v1/coordination/partners?org=quiet&region=weog",
            Some(&token),
        )
        .await;
        assert_eq!(own["place"], "weog");
    })
    .await;
}

#[tokio::test]
async fn bad_parameters_are_refused_by_name() {
    fixture::on_each_backend(async |app| {
        plant(app);
        for (path, name) in [
            ("/api/v1/coordination/gaps?state=france", "state"),
            ("/api/v1/coordination/gaps?region=europe", "region"),
            ("/api/v1/coordination/deadlines?phase=later", "phase"),
            ("/api/v1/coordination/overlaps?limit=0", "limit"),
            ("/api/v1/coordination/overlaps?colour=red", "colour"),
            (
                "/api/v1/coordination/overlaps?window_days=400",
                "window_days",
            ),
            ("/api/v1/coordination/gaps?window_days=3", "window_days"),
            ("/api/v1/coordination/partners?state=FRA", "org"),
            ("/api/v1/coordination/partners?org=npm-watch", "state"),
            ("/api/v1/coordination/gaps?as_of=yesterday", "yesterday"),
        ] {
            let answer = get(app, path, None).await;
            assert_eq!(answer.status, 422, "{path}: {}", answer.body);
            assert!(answer.body.contains(name), "{path}: {}", answer.body);
        }
    })
    .await;
}
