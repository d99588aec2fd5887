//! Campaign actions over the JSON API on each backend: create, read,
//! update, delete and history with read-write tokens only; every bad value
//! refused by field; every filter of the list and every bad filter value;
//! hidden actions answering exactly as missing ones.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{AccessScope, AllianceId, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionId};
use entente_store::NewAlliance;
use serde_json::{Value, json};

mod access;
mod filters;
mod totals;

use super::app::{Answer, TestApp};
use super::fixture::{self};
use super::orgs::{organisation, person};

pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

pub fn token(app: &TestApp, user: UserId, scope: TokenScope) -> String {
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(user, "script", &token.hash(), scope, Utc::now().naive_utc())
        .unwrap();
    token.as_str().to_owned()
}

/// A planned national public letter to France led by `lead`.
pub fn draft(lead: OrgId, title: &str) -> ActionDraft {
    fixture::letter(lead, title, "FRA", Visibility::Public)
}

/// A site admin who sets up what tests read.
fn curator(app: &TestApp) -> UserId {
    let email = "curator@example.org";
    match app.store.user_by_email(email).unwrap() {
        Some(account) => account.id,
        None => {
            let user = app.store.create_user(email, "Curator").unwrap();
            app.store.set_site_admin(user, true).unwrap();
            user
        }
    }
}

/// Stores `draft` as the site admin would.
pub fn stored(app: &TestApp, draft: &ActionDraft) -> i64 {
    app.store
        .create_action(&AccessScope::SiteAdmin(curator(app)), draft)
        .unwrap_or_else(|e| panic!("store {draft:?}: {e}"))
        .0
}

/// An alliance owned by `owner` with `members`.
pub fn alliance(app: &TestApp, owner: OrgId, name: &str, members: &[OrgId]) -> AllianceId {
    let admin = AccessScope::SiteAdmin(UserId(0));
    let id = app
        .store
        .create_alliance(
            &admin,
            &NewAlliance {
                owner,
                name: name.to_owned(),
                purpose: String::new(),
                visibility: Visibility::Alliance,
                area: entente_store::Area::default(),
            },
        )
        .unwrap();
    for member in members {
        app.store.add_alliance_member(&admin, id, *member).unwrap();
    }
    id
}

/// A body with every field of an action.
pub fn full_body() -> Value {
    json!({
        "title": "Letter to the Minister of Justice",
        "description": "Ask for the NPM law to be tabled.",
        "action_type": "letter",
        "phase": "implementation",
        "level": "national",
        "states": ["fra"],
        "audiences": ["executive", "legislature"],
        "lead": "npm-watch",
        "partners": ["friends"],
        "start": "2026-03-01",
        "end": "2026-03-31",
        "due": "2026-03-15",
        "status": "planned",
        "budget": {"amount": "1 500,50", "currency": "eur"},
        "staff_days": 2.5,
        "expected_outcome": "A reply",
        "documents": [{"title": "Draft", "url": "https://example.org/draft.pdf"}],
        "visibility": "public"
    })
}

fn codes(answer: &Answer) -> Vec<(String, String)> {
    answer.json()["error"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no fields: {}", answer.body))
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn editors_create_read_change_and_delete_actions() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let friends = organisation(app, "friends", Visibility::Public);
        let editor = person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let write = token(app, editor, TokenScope::ReadWrite);
        let client = reqwest::Client::new();

        let created = send(
            client
                .post(app.url("/api/v1/actions"))
                .bearer_auth(&write)
                .json(&full_body()),
        )
        .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let location = created.headers["location"].to_str().unwrap().to_owned();
        let json = created.json();
        let id = json["id"].as_i64().unwrap();
        assert_eq!(location, format!("/api/v1/actions/{id}"));
        assert_eq!(
            json["lead"],
            json!({"id": org.0, "short_name": "npm-watch"})
        );
        assert_eq!(
            json["partners"],
            json!([{"id": friends.0, "short_name": "friends"}])
        );
        assert_eq!(json["states"], json!(["FRA"]));
        assert_eq!(json["audiences"], json!(["executive", "legislature"]));
        assert_eq!(
            json["budget"],
            json!({"amount": "1500.50", "currency": "EUR"})
        );
        assert_eq!(json["staff_days"], 2.5);
        assert_eq!(
            (json["start"].as_str(), json["due"].as_str()),
            (Some("2026-03-01"), Some("2026-03-15"))
        );
        assert_eq!(json["editable"], true);

        let read = app.get(&location).await;
        assert_eq!(read.status, 200);
        assert_eq!(read.json()["title"], "Letter to the Minister of Justice");
        assert_eq!(
            read.json()["editable"],
            false,
            "the anonymous may not change it"
        );

        // What GET answers goes back changed.
        let mut changed = json.clone();
        changed["status"] = json!("under_way");
        changed["partners"] = json!([]);
        let updated = send(
            client
                .put(app.url(&location))
                .bearer_auth(&write)
                .json(&changed),
        )
        .await;
        assert_eq!(updated.status, 200, "{}", updated.body);
        assert_eq!(updated.json()["status"], "under_way");
        assert_eq!(updated.json()["partners"], json!([]));
        let history = app.get(&format!("{location}/history")).await.json();
        let steps: Vec<&str> = history
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["status"].as_str().unwrap())
            .collect();
        assert_eq!(steps, ["planned", "under_way"]);

        let deleted = send(client.delete(app.url(&location)).bearer_auth(&write)).await;
        assert_eq!(deleted.status, 204, "{}", deleted.body);
        let gone = app.get(&location).await;
        assert_eq!(gone.status, 404);
        assert_eq!(gone.json()["error"]["code"], "action_not_found");
        assert!(
            app.store
                .action(&AccessScope::SiteAdmin(editor), ActionId(id))
                .unwrap()
                .is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn every_bad_value_is_refused_with_its_field() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let editor = person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let write = token(app, editor, TokenScope::ReadWrite);
        let client = reqwest::Client::new();
        let post = async |body: &Value| {
            send(
                client
                    .post(app.url("/api/v1/actions"))
                    .bearer_auth(&write)
                    .json(body),
            )
            .await
        };
        let cases: [(&str, Value, &str, &str); 10] = [
            (
                "unknown state",
                json!(["states", ["XXX"]]),
                "states",
                "unknown_state",
            ),
            (
                "not a state code",
                json!(["states", ["F1"]]),
                "states",
                "unknown_state",
            ),
            (
                "end before start",
                json!(["end", "2026-02-01"]),
                "end",
                "end_before_start",
            ),
            (
                "negative budget",
                json!(["budget", {"amount": "-5", "currency": "EUR"}]),
                "budget",
                "negative",
            ),
            (
                "unknown currency",
                json!(["budget", {"amount": "5", "currency": "EUX"}]),
                "budget_currency",
                "unknown_currency",
            ),
            (
                "partner is the lead",
                json!(["partners", ["npm-watch"]]),
                "partners",
                "partner_is_lead",
            ),
            (
                "unknown kind",
                json!(["action_type", "smoke_signals"]),
                "action_type",
                "unknown_action_type",
            ),
            (
                "unknown phase",
                json!(["phase", "later"]),
                "phase",
                "unknown_code",
            ),
            (
                "bad date",
                json!(["start", "01/03/2026"]),
                "start",
                "not_a_date",
            ),
            (
                "unknown partner",
                json!(["partners", ["nosuch"]]),
                "partners",
                "unknown_organisation",
            ),
        ];
        for (what, change, field, code) in cases {
            let mut body = full_body();
            body["partners"] = json!([]);
            body[change[0].as_str().unwrap()] = change[1].clone();
            let refused = post(&body).await;
            assert_eq!(refused.status, 422, "{what}: {}", refused.body);
            assert_eq!(refused.json()["error"]["code"], "invalid_fields", "{what}");
            assert!(
                codes(&refused).contains(&(field.to_owned(), code.to_owned())),
                "{what}: {}",
                refused.body
            );
        }
        // All at once: every refusal of the action's own rules comes back
        // (those that need the database, such as unknown states, follow).
        let mut body = full_body();
        body["states"] = json!(["XXX"]);
        body["end"] = json!("2026-02-01");
        body["budget"] = json!({"amount": "-5", "currency": "EUR"});
        body["partners"] = json!(["npm-watch"]);
        body["title"] = json!(" ");
        let refused = post(&body).await;
        let fields: Vec<String> = codes(&refused).into_iter().map(|(f, _)| f).collect();
        for field in ["end", "budget", "partners", "title"] {
            assert!(
                fields.contains(&field.to_owned()),
                "{field}: {}",
                refused.body
            );
        }
        let unreadable = send(
            client
                .post(app.url("/api/v1/actions"))
                .bearer_auth(&write)
                .header("content-type", "application/json")
                .body("{"),
        )
        .await;
        assert_eq!(
            (
                unreadable.status,
                unreadable.json()["error"]["code"].as_str()
            ),
            (422, Some("invalid_field"))
        );
        let mut typo = full_body();
        typo["titel"] = json!("x");
        let typo = post(&typo).await;
        assert_eq!(
            typo.json()["error"]["code"],
            "invalid_field",
            "an unknown field is not ignored"
        );
        assert!(typo.body.contains("titel"));
        assert_eq!(
            app.get("/api/v1/actions").await.json()["total"],
            0,
            "nothing half-written"
        );
    })
    .await;
}

#[tokio::test]
async fn the_catalogue_names_every_kind_in_three_languages() {
    let app = fixture::fixture_app().await;
    let kinds = app.get("/api/v1/action-types").await.json();
    let letter = kinds
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["code"] == "letter")
        .expect("letter");
    assert_eq!(letter["builtin"], true);
    for label in ["label_en", "label_fr", "label_es"] {
        assert!(!letter[label].as_str().unwrap().is_empty(), "{label}");
    }
    assert_eq!(
        kinds.as_array().unwrap().len(),
        entente_core::plan::BUILTIN_ACTION_TYPES.len()
    );
}
