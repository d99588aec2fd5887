//! The audit log over HTTP on each backend: admins read the entries about
//! their organisations, filtered and paged; others are refused; the
//! header shows the workspace links.

use entente_core::access::{Role, Visibility};

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

#[tokio::test]
async fn admins_read_the_log_of_their_organisations_filtered_and_paged() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let other = organisation(app, "elsewhere", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let bo = person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        person(app, "cy@example.org", "Cy Ode", other, Role::Admin);

        assert_eq!(app.get("/audit").await.status, 401);
        let viewer = signed_in(app, "bo@example.org").await;
        let home = send(viewer.get(app.url("/orgs"))).await;
        assert!(
            home.body.contains(r#"href="/orgs?lang=en""#),
            "{}",
            home.body
        );
        assert!(!home.body.contains("/audit?"), "no audit link for a viewer");
        assert_eq!(send(viewer.get(app.url("/audit"))).await.status, 403);
        assert_eq!(send(viewer.get(app.url("/api/v1/audit"))).await.status, 403);

        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch"))).await;
        assert!(page.body.contains(r#"href="/audit?lang=en""#));
        let csrf = csrf_field(&page.body);
        let path = format!("/orgs/npm-watch/members/{}/role", bo.0);
        for role in ["editor", "viewer", "editor"] {
            let changed = send(
                admin
                    .post(app.url(&path))
                    .form(&[("csrf", csrf.as_str()), ("role", role)]),
            )
            .await;
            assert_eq!(changed.status, 303);
        }
        let log = send(admin.get(app.url("/api/v1/audit?action=membership_changed"))).await;
        assert_eq!(log.status, 200, "{}", log.body);
        let entries = log.json()["entries"].as_array().unwrap().clone();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0]["detail"], format!("user {} is now editor", bo.0));
        assert_eq!(entries[0]["actor"], "Ana Pérez");
        assert_eq!(entries[0]["org"], "npm-watch");
        assert!(
            entries[0]["id"].as_i64() > entries[1]["id"].as_i64(),
            "newest first"
        );

        let html = send(admin.get(app.url("/audit?org=npm-watch&action=membership_changed"))).await;
        assert_eq!(html.status, 200);
        assert_eq!(
            html.body.matches("<code>membership_changed</code>").count(),
            3
        );
        let bad = send(admin.get(app.url("/audit?action=everything"))).await;
        assert_eq!(bad.status, 422);
        let hidden = send(admin.get(app.url("/api/v1/audit?org=elsewhere"))).await;
        assert_eq!(
            hidden.json()["entries"].as_array().unwrap().len(),
            0,
            "not theirs"
        );
        let later = send(admin.get(app.url("/api/v1/audit?page=2")))
            .await
            .json();
        assert_eq!(later["entries"].as_array().unwrap().len(), 0);
        assert_eq!(later["more"], false);
    })
    .await;
}

#[tokio::test]
async fn the_log_comes_a_hundred_entries_a_page() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let ana = person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        for n in 0..103 {
            let mut entry = entente_store::AuditEntry::new(
                chrono::Utc::now().naive_utc(),
                entente_store::AuditAction::RecordUpdated,
            );
            entry.actor_user = Some(ana);
            entry.org = Some(org);
            entry.detail = format!("change {n}");
            app.store.append_audit(&entry).unwrap();
        }
        let admin = signed_in(app, "ana@example.org").await;
        let first = send(admin.get(app.url("/api/v1/audit?action=record_updated")))
            .await
            .json();
        assert_eq!(first["entries"].as_array().unwrap().len(), 100);
        assert_eq!(first["entries"][0]["detail"], "change 102");
        assert_eq!(first["more"], true);
        let second = send(admin.get(app.url("/api/v1/audit?action=record_updated&page=2")))
            .await
            .json();
        let rest: Vec<_> = second["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["detail"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(rest, ["change 2", "change 1", "change 0"]);
        assert_eq!(second["more"], false);
        let html = send(admin.get(app.url("/audit?action=record_updated"))).await;
        assert!(html.body.contains("page=2"), "a link to the older entries");
        assert_eq!(
            send(admin.get(app.url("/api/v1/audit?page=0")))
                .await
                .status,
            422
        );
    })
    .await;
}
