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
        // then sees two names and one unnamed member.
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
        assert_eq!(public["unnamed_members"], 1);
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
