//! Alliances over HTTP on each backend: creating one and adding members
//! through the API with read-write tokens only, members named only when
//! the reader sees them in the directory, hidden alliances as missing.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{Role, TokenScope, UserId, Visibility};
use serde_json::json;

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

fn token(app: &TestApp, user: UserId, scope: TokenScope) -> String {
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(user, "script", &token.hash(), scope, Utc::now().naive_utc())
        .unwrap();
    token.as_str().to_owned()
}

#[tokio::test]
async fn admins_create_alliances_and_add_members_with_read_write_tokens() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "friends", Visibility::Public);
        let secret = organisation(app, "quiet", Visibility::Private);
        let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        let quiet_admin = person(app, "cy@example.org", "Cy Ode", secret, Role::Admin);
        let client = reqwest::Client::new();
        let write = token(app, admin, TokenScope::ReadWrite);
        let read = token(app, admin, TokenScope::Read);
        let new = json!({"owner": "npm-watch", "name": "OPCAT now", "purpose": "Ratify", "visibility": "public"});

        let refused = send(client.post(app.url("/api/v1/alliances")).bearer_auth(&read).json(&new)).await;
        assert_eq!(refused.status, 403);
        assert_eq!(refused.json()["error"]["code"], "token_read_only");
        let bad = json!({"owner": "npm-watch", "name": " ", "visibility": "public"});
        let bad = send(client.post(app.url("/api/v1/alliances")).bearer_auth(&write).json(&bad)).await;
        assert_eq!(bad.status, 422);
        assert_eq!(bad.json()["error"]["code"], "invalid_field");
        assert!(bad.json()["error"]["message"].as_str().unwrap().contains("name"));

        let created = send(client.post(app.url("/api/v1/alliances")).bearer_auth(&write).json(&new)).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        let members = format!("/api/v1/alliances/{id}/members");
        let added = send(client.post(app.url(&members)).bearer_auth(&write).json(&json!({"org": "friends"}))).await;
        assert_eq!(added.status, 200, "{}", added.body);
        let again = send(client.post(app.url(&members)).bearer_auth(&write).json(&json!({"org": "friends"}))).await;
        assert_eq!(again.status, 409);
        assert_eq!(again.json()["error"]["code"], "conflict");
        let unseen = send(client.post(app.url(&members)).bearer_auth(&write).json(&json!({"org": "quiet"}))).await;
        assert_eq!(unseen.status, 422);
        assert_eq!(unseen.json()["error"]["code"], "invalid_field");

        // The admin of the hidden organisation brings it in; the public
        // then sees two names and no trace of the third.
        let quiet_write = token(app, quiet_admin, TokenScope::ReadWrite);
        let joined = send(client.post(app.url(&members)).bearer_auth(&quiet_write).json(&json!({"org": "quiet"}))).await;
        assert_eq!(joined.status, 403, "only the owner's admins add members");
        app.store
            .add_alliance_member(
                &entente_core::access::AccessScope::SiteAdmin(admin),
                entente_core::access::AllianceId(id),
                secret,
            )
            .unwrap();
        let public = app.get(&format!("/api/v1/alliances/{id}")).await.json();
        let names: Vec<_> = public["members"].as_array().unwrap().iter().map(|m| m["short_name"].as_str().unwrap().to_owned()).collect();
        assert_eq!(names, ["friends", "npm-watch"], "by name");
        assert!(public.get("unnamed_members").is_none(), "hidden members are not even counted");
        assert!(!public.to_string().contains("quiet"));
        let listed = app.get("/api/v1/alliances").await.json();
        assert_eq!(listed.as_array().unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn hidden_alliances_answer_as_missing_ones() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        let client = reqwest::Client::new();
        let write = token(app, admin, TokenScope::ReadWrite);
        let new = json!({"owner": "npm-watch", "name": "Inner circle", "visibility": "private"});
        let created = send(
            client
                .post(app.url("/api/v1/alliances"))
                .bearer_auth(&write)
                .json(&new),
        )
        .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        let own = send(
            client
                .get(app.url(&format!("/api/v1/alliances/{id}")))
                .bearer_auth(&write),
        )
        .await;
        assert_eq!(own.status, 200);
        let missing_id = id + 1000;
        let hidden = app.get(&format!("/api/v1/alliances/{id}")).await;
        let missing = app.get(&format!("/api/v1/alliances/{missing_id}")).await;
        assert_eq!((hidden.status, missing.status), (404, 404));
        assert_eq!(hidden.json()["error"]["code"], "alliance_not_found");
        assert_eq!(
            hidden
                .body
                .replace(&id.to_string(), &missing_id.to_string()),
            missing.body
        );
        assert!(
            app.get("/api/v1/alliances")
                .await
                .json()
                .as_array()
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

const PASSWORD: &str = "a long enough passphrase 7";

/// A page with the alliance number it names replaced, wherever it says it.
fn anonymise(body: &str, id: i64) -> String {
    body.replace(&format!("alliances/{id}"), "alliances/ID")
        .replace(&format!("alliances%2F{id}"), "alliances%2FID")
        .replace(&format!("“{id}”"), "“ID”")
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    let answer = super::signin::sign_in(app, &browser, email, PASSWORD).await;
    assert_eq!(answer.status, 303);
    browser
}

#[tokio::test]
async fn admins_form_alliances_on_the_portal_and_only_they_manage_members() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        let friends = organisation(app, "friends", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        person(app, "bo@example.org", "Bo Lund", friends, Role::Admin);
        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/alliances"))).await;
        assert_eq!(page.status, 200);
        let csrf = super::signin::csrf_field(&page.body);

        let blank = [
            ("csrf", csrf.as_str()),
            ("owner", "npm-watch"),
            ("name", " "),
            ("purpose", ""),
            ("visibility", "public"),
        ];
        let refused = send(admin.post(app.url("/alliances")).form(&blank)).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused.body.contains("Name: give the alliance a name."),
            "{}",
            refused.body
        );
        let foreign = [
            ("csrf", csrf.as_str()),
            ("owner", "friends"),
            ("name", "Mine"),
            ("purpose", ""),
            ("visibility", "public"),
        ];
        let refused = send(admin.post(app.url("/alliances")).form(&foreign)).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused
                .body
                .contains("choose an organisation you administer")
        );

        let good = [
            ("csrf", csrf.as_str()),
            ("owner", "npm-watch"),
            ("name", "OPCAT now"),
            ("purpose", "Ratify by 2030"),
            ("visibility", "public"),
        ];
        let created = send(admin.post(app.url("/alliances")).form(&good)).await;
        assert_eq!(created.status, 303, "{}", created.body);
        let place = created.headers["location"].to_str().unwrap().to_owned();
        let path = place.split('?').next().unwrap().to_owned();
        let shown = send(admin.get(app.url(&place))).await;
        assert!(shown.body.contains("Ratify by 2030"), "{}", shown.body);

        let unknown = send(
            admin
                .post(app.url(&format!("{path}/members")))
                .form(&[("csrf", csrf.as_str()), ("org", "nosuch")]),
        )
        .await;
        assert_eq!(unknown.status, 422);
        assert!(unknown.body.contains("no organisation you can see"));
        let added = send(
            admin
                .post(app.url(&format!("{path}/members")))
                .form(&[("csrf", csrf.as_str()), ("org", "friends")]),
        )
        .await;
        assert_eq!(added.status, 303);
        let again = send(
            admin
                .post(app.url(&format!("{path}/members")))
                .form(&[("csrf", csrf.as_str()), ("org", "friends")]),
        )
        .await;
        assert_eq!(again.status, 409);

        let other = signed_in(app, "bo@example.org").await;
        let page = send(other.get(app.url(&path))).await;
        assert!(page.body.contains("Organisation friends"));
        assert!(
            !page.body.contains("/members?"),
            "no add form for a member's admin"
        );
        let other_csrf = super::signin::csrf_field(&page.body);
        let forbidden = send(
            other
                .post(app.url(&format!("{path}/members")))
                .form(&[("csrf", other_csrf.as_str()), ("org", "npm-watch")]),
        )
        .await;
        assert_eq!(forbidden.status, 403);
        let owner_out = send(
            other
                .post(app.url(&format!("{path}/members/npm-watch/remove")))
                .form(&[("csrf", other_csrf.as_str())]),
        )
        .await;
        assert_eq!(owner_out.status, 403);
        let left = send(
            other
                .post(app.url(&format!("{path}/members/friends/remove")))
                .form(&[("csrf", other_csrf.as_str())]),
        )
        .await;
        assert_eq!(left.status, 303, "an admin of a member takes it out");
        let stays = send(
            admin
                .post(app.url(&format!("{path}/members/npm-watch/remove")))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(stays.status, 409, "the owner stays");
    })
    .await;
}

#[tokio::test]
async fn a_hidden_alliance_page_answers_as_a_missing_one() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        let id = app
            .store
            .create_alliance(
                &entente_core::access::AccessScope::SiteAdmin(admin),
                &entente_store::NewAlliance {
                    owner,
                    name: "Inner circle".into(),
                    purpose: String::new(),
                    visibility: Visibility::Private,
                    area: entente_store::Area::default(),
                },
            )
            .unwrap();
        let missing_id = id.0 + 1000;
        let hidden = app.get(&format!("/alliances/{}", id.0)).await;
        let missing = app.get(&format!("/alliances/{missing_id}")).await;
        assert_eq!((hidden.status, missing.status), (404, 404));
        assert_eq!(
            anonymise(&hidden.body, id.0),
            anonymise(&missing.body, missing_id)
        );
        assert_eq!(app.get("/alliances/not-a-number").await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn reads_from_outside_the_owner_are_in_the_owners_audit_log() {
    use entente_core::access::AccessScope;
    use entente_store::{AuditAction, AuditFilter, NewAlliance};

    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Alliance);
        let ally = organisation(app, "friends", Visibility::Public);
        let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        let outsider = person(app, "bo@example.org", "Bo Lind", ally, Role::Viewer);
        let site = AccessScope::SiteAdmin(admin);
        let alliance = app
            .store
            .create_alliance(
                &site,
                &NewAlliance {
                    owner,
                    name: "Shared plan".into(),
                    purpose: String::new(),
                    visibility: Visibility::Alliance,
                    area: entente_store::Area::default(),
                },
            )
            .unwrap();
        app.store
            .add_alliance_member(&site, alliance, ally)
            .unwrap();
        let reads = || {
            let filter = AuditFilter {
                org: Some(owner),
                action: Some(AuditAction::RecordReadByAlliance),
                ..AuditFilter::default()
            };
            app.store.audit_entries(&site, &filter).unwrap()
        };
        let client = reqwest::Client::new();
        let own = token(app, admin, TokenScope::Read);
        let allied = token(app, outsider, TokenScope::Read);

        for path in [
            format!("/api/v1/alliances/{}", alliance.0),
            "/api/v1/orgs/npm-watch".to_owned(),
        ] {
            let answer = send(client.get(app.url(&path)).bearer_auth(&own)).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        }
        assert!(reads().is_empty(), "the owner's own members are not logged");

        for path in [
            format!("/api/v1/alliances/{}", alliance.0),
            "/api/v1/orgs/npm-watch".to_owned(),
        ] {
            let answer = send(client.get(app.url(&path)).bearer_auth(&allied)).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        }
        let logged: Vec<_> = reads().into_iter().map(|line| line.entry).collect();
        assert_eq!(logged.len(), 2, "both allied reads are logged: {logged:?}");
        assert!(
            logged
                .iter()
                .all(|e| e.actor_user == Some(outsider) && e.org == Some(owner))
        );
        let kinds: Vec<_> = logged
            .iter()
            .filter_map(|e| e.record_kind.clone())
            .collect();
        assert!(
            kinds.contains(&"alliance".to_owned()) && kinds.contains(&"organisation".to_owned())
        );

        let public = app.get("/api/v1/orgs/friends").await;
        assert_eq!(public.status, 200);
        assert_eq!(
            reads().len(),
            2,
            "public records and anonymous readers are not logged"
        );
    })
    .await;
}
