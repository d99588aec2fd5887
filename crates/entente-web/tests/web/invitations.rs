//! Invitations over HTTP on each backend: created by admins only, shown
//! once, accepted by the invited address only and only once; expired and
//! used links answer like missing pages.

use chrono::{TimeDelta, Utc};
use entente_core::access::{AccessScope, OrgId, Role, UserId, Visibility};
use entente_store::{LinkPurpose, NewLink};

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

fn account(app: &TestApp, email: &str) -> UserId {
    let user = app.store.create_user(email, "Dee Ng").unwrap();
    let hash = entente_auth::password::hash(PASSWORD).unwrap();
    app.store.set_password_hash(user, &hash).unwrap();
    user
}

fn role_of(app: &TestApp, org: OrgId, user: UserId) -> Option<Role> {
    app.store
        .members_of(&AccessScope::SiteAdmin(user), org)
        .unwrap()
        .into_iter()
        .find(|m| m.user == user)
        .map(|m| m.role)
}

/// Posts the invitation form of `/orgs/npm-watch` as `browser`.
async fn invite(app: &TestApp, browser: &reqwest::Client, email: &str, role: &str) -> Answer {
    let page = send(browser.get(app.url("/orgs/npm-watch"))).await;
    let csrf = csrf_field(&page.body);
    let fields = [("csrf", csrf.as_str()), ("email", email), ("role", role)];
    send(
        browser
            .post(app.url("/orgs/npm-watch/invitations"))
            .form(&fields),
    )
    .await
}

/// The path of the link an invitation page shows.
fn link_path(body: &str) -> String {
    let start = body.find("/invitations/").expect("a link on the page");
    body[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn an_invitation_is_accepted_once_by_the_invited_address() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Private);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        let dee = account(app, "dee@example.org");
        account(app, "eve@example.org");

        let viewer = signed_in(app, "bo@example.org").await;
        let refused = invite(app, &viewer, "dee@example.org", "editor").await;
        assert_eq!(refused.status, 403, "{}", refused.body);

        let admin = signed_in(app, "ana@example.org").await;
        let bad = invite(app, &admin, "not an address", "editor").await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("E-mail: give an address"), "{}", bad.body);
        let created = invite(app, &admin, "Dee@Example.org", "editor").await;
        assert_eq!(created.status, 200, "{}", created.body);
        assert!(created.body.contains("No e-mail has been sent"));
        let link = link_path(&created.body);

        let anonymous = app.get(&link).await;
        assert_eq!(anonymous.status, 200);
        // Signing in from the invitation's link comes back to it.
        let visitor = app.browser();
        let form = send(visitor.get(app.url(&format!("/login?next={link}")))).await;
        let csrf = csrf_field(&form.body);
        let fields = [
            ("email", "dee@example.org"),
            ("password", PASSWORD),
            ("csrf", csrf.as_str()),
            ("next", link.as_str()),
        ];
        let back = send(visitor.post(app.url("/login")).form(&fields)).await;
        assert_eq!(back.status, 303);
        assert_eq!(back.headers["location"], link.as_str());
        assert!(
            anonymous.body.contains("next=%2Finvitations%2F"),
            "{}",
            anonymous.body
        );
        assert!(anonymous.body.contains("Organisation npm-watch"));

        let eve = signed_in(app, "eve@example.org").await;
        let other = send(eve.get(app.url(&link))).await;
        assert_eq!(other.status, 403);
        let csrf = csrf_field(&other.body);
        let taken = send(eve.post(app.url(&link)).form(&[("csrf", csrf.as_str())])).await;
        assert_eq!(taken.status, 403, "another address cannot accept");

        let invited = signed_in(app, "dee@example.org").await;
        let page = send(invited.get(app.url(&link))).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let csrf = csrf_field(&page.body);
        let joined = send(
            invited
                .post(app.url(&link))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(joined.status, 303, "{}", joined.body);
        assert_eq!(role_of(app, org, dee), Some(Role::Editor));

        let again = send(
            invited
                .post(app.url(&link))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(again.status, 404, "a link works once");
        assert_eq!(send(invited.get(app.url(&link))).await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn an_expired_invitation_answers_like_a_missing_page() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let admin = person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let token = entente_auth::Secret::generate();
        let long_ago = Utc::now().naive_utc() - TimeDelta::days(8);
        app.store
            .create_link(
                &AccessScope::SiteAdmin(admin),
                &NewLink {
                    token_hash: &token.hash(),
                    purpose: LinkPurpose::Invitation,
                    user: None,
                    org: Some(org),
                    role: Some(Role::Viewer),
                    email: "dee@example.org",
                    now: long_ago,
                    expires_at: long_ago + TimeDelta::days(7),
                },
            )
            .unwrap();
        let expired = app.get(&format!("/invitations/{}", token.as_str())).await;
        let unknown = entente_auth::Secret::generate();
        let missing = app.get(&format!("/invitations/{}", unknown.as_str())).await;
        assert_eq!((expired.status, missing.status), (404, 404));
        assert_eq!(
            expired.body.replace(token.as_str(), unknown.as_str()),
            missing.body
        );
    })
    .await;
}

#[tokio::test]
async fn invitation_links_start_with_the_public_url_whatever_the_host_header() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Private);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        account(app, "dee@example.org");

        let admin = signed_in(app, "ana@example.org").await;
        let created = invite(app, &admin, "dee@example.org", "viewer").await;
        assert_eq!(created.status, 200, "{}", created.body);
        assert!(
            created.body.contains("http://127.0.0.1:8080/invitations/"),
            "unconfigured, links use the default public URL: {}",
            created.body
        );

        let public = app
            .configured_server(|state| {
                state.with_public_url("https://entente.example.org/campaign/".to_owned())
            })
            .await;
        // The session lives in the shared database, so the admin is signed in there too.
        let page = send(admin.get(public.url("/orgs/npm-watch"))).await;
        let csrf = csrf_field(&page.body);
        let fields = [
            ("csrf", csrf.as_str()),
            ("email", "dee@example.org"),
            ("role", "viewer"),
        ];
        let forged = send(
            admin
                .post(public.url("/orgs/npm-watch/invitations"))
                .header(reqwest::header::HOST, "attacker.example")
                .form(&fields),
        )
        .await;
        assert_eq!(forged.status, 200, "{}", forged.body);
        assert!(
            forged
                .body
                .contains("https://entente.example.org/campaign/invitations/"),
            "{}",
            forged.body
        );
        assert!(!forged.body.contains("attacker.example"), "{}", forged.body);
    })
    .await;
}
