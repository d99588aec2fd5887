//! Who may change actions over the API, on each backend: editors of the
//! lead with read-write tokens only; hidden actions answer exactly as
//! missing ones, for reading and for changing.

use entente_core::access::{Role, TokenScope, Visibility};
use entente_core::plan::ActionDraft;

use super::{draft, full_body, send, stored, token};
use crate::fixture;
use crate::orgs::{organisation, person};

#[tokio::test]
async fn only_editors_of_the_lead_with_read_write_tokens_change_actions() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let editor = person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let viewer = person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        let id = stored(app, &draft(org, "Seminar"));
        let path = format!("/api/v1/actions/{id}");
        let client = reqwest::Client::new();
        let read_only = token(app, editor, TokenScope::Read);
        let viewing = token(app, viewer, TokenScope::ReadWrite);
        let body = full_body();

        for (what, request) in [
            ("POST", client.post(app.url("/api/v1/actions")).json(&body)),
            ("PUT", client.put(app.url(&path)).json(&body)),
            ("DELETE", client.delete(app.url(&path))),
        ] {
            let refused = send(request.try_clone().unwrap().bearer_auth(&read_only)).await;
            assert_eq!(
                (refused.status, refused.json()["error"]["code"].as_str()),
                (403, Some("token_read_only")),
                "{what}"
            );
            let anonymous = send(request.try_clone().unwrap()).await;
            assert_eq!(
                (anonymous.status, anonymous.json()["error"]["code"].as_str()),
                (401, Some("unauthenticated")),
                "{what}"
            );
            let forbidden = send(request.bearer_auth(&viewing)).await;
            assert_eq!(
                (forbidden.status, forbidden.json()["error"]["code"].as_str()),
                (403, Some("forbidden")),
                "{what}: {}",
                forbidden.body
            );
        }
        let still = app.get(&path).await.json();
        assert_eq!(still["title"], "Seminar", "nothing changed");
    })
    .await;
}

#[tokio::test]
async fn hidden_actions_answer_as_missing_ones() {
    fixture::on_each_backend(async |app| {
        let own = organisation(app, "npm-watch", Visibility::Public);
        let quiet = organisation(app, "quiet", Visibility::Private);
        let stranger = person(app, "cy@example.org", "Cy Ode", own, Role::Admin);
        let hidden = stored(
            app,
            &ActionDraft {
                visibility: Visibility::Private,
                ..draft(quiet, "Secret talks")
            },
        );
        let missing = hidden + 1000;
        let write = token(app, stranger, TokenScope::ReadWrite);
        let client = reqwest::Client::new();
        for suffix in ["", "/history"] {
            let a = app.get(&format!("/api/v1/actions/{hidden}{suffix}")).await;
            let b = app.get(&format!("/api/v1/actions/{missing}{suffix}")).await;
            assert_eq!(a.status, 404, "{suffix}");
            assert_eq!(
                a.body.replace(&hidden.to_string(), &missing.to_string()),
                b.body,
                "{suffix}"
            );
        }
        for (hidden_path, missing_path) in [(hidden, missing), (hidden, missing)].map(|(h, m)| {
            (
                format!("/api/v1/actions/{h}"),
                format!("/api/v1/actions/{m}"),
            )
        }) {
            let a = send(
                client
                    .put(app.url(&hidden_path))
                    .bearer_auth(&write)
                    .json(&full_body()),
            )
            .await;
            let b = send(
                client
                    .put(app.url(&missing_path))
                    .bearer_auth(&write)
                    .json(&full_body()),
            )
            .await;
            assert_eq!(
                (
                    a.status,
                    a.body.replace(&hidden.to_string(), &missing.to_string())
                ),
                (404, b.body)
            );
            let a = send(client.delete(app.url(&hidden_path)).bearer_auth(&write)).await;
            let b = send(client.delete(app.url(&missing_path)).bearer_auth(&write)).await;
            assert_eq!(
                (
                    a.status,
                    a.body.replace(&hidden.to_string(), &missing.to_string())
                ),
                (404, b.body)
            );
        }
        let word = app.get("/api/v1/actions/first").await;
        assert_eq!(
            (word.status, word.json()["error"]["code"].as_str()),
            (404, Some("action_not_found"))
        );
        let listed = send(client.get(app.url("/api/v1/actions")).bearer_auth(&write))
            .await
            .json();
        assert_eq!(listed["total"], 0);
        assert!(!listed.to_string().contains("Secret"));
    })
    .await;
}

#[tokio::test]
async fn a_partner_the_editor_cannot_see_is_kept_not_dropped() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let quiet = organisation(app, "quiet", Visibility::Private);
        let editor = person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let id = stored(
            app,
            &ActionDraft {
                partners: vec![quiet],
                ..draft(org, "Joint visit")
            },
        );
        let write = token(app, editor, TokenScope::ReadWrite);
        let client = reqwest::Client::new();
        let path = app.url(&format!("/api/v1/actions/{id}"));
        let shown = send(client.get(&path).bearer_auth(&write)).await.json();
        assert_eq!(
            shown["partners"],
            serde_json::json!([]),
            "the hidden partner is not shown"
        );
        let mut changed = shown.clone();
        changed["title"] = "Renamed".into();
        let refused = send(client.put(&path).bearer_auth(&write).json(&changed)).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let field = &refused.json()["error"]["fields"][0];
        assert_eq!(
            (field["field"].as_str(), field["code"].as_str()),
            (Some("partners"), Some("unknown_organisation"))
        );
        assert!(
            !refused.body.contains("quiet") && !refused.body.contains(&format!(" {}", quiet.0)),
            "{}",
            refused.body
        );
        let scope = entente_core::access::AccessScope::SiteAdmin(entente_core::access::UserId(0));
        let stored = app
            .store
            .action(&scope, entente_core::plan::ActionId(id))
            .unwrap()
            .unwrap();
        assert_eq!(stored.content.partners, [quiet], "the partner is kept");
        assert_eq!(stored.content.title, "Joint visit");
    })
    .await;
}
