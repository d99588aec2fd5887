//! The account page over HTTP on each backend: memberships, API tokens
//! created (shown once, usable as a bearer token) and revoked.

use entente_core::access::{AccessScope, OrgKind, Role, UserId, Visibility};
use entente_store::{AuditAction, AuditFilter, NewOrganisation};

use super::app::{Answer, TestApp};
use super::fixture;
use super::signin::{csrf_field, sign_in};

pub const PASSWORD: &str = "correct horse battery staple 42";

pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

/// An account with a password, with `role` in a new organisation `short`.
pub fn member(app: &TestApp, email: &str, short: &str, role: Role) -> UserId {
    let user = app.store.create_user(email, "Ana Pérez").unwrap();
    let hash = entente_auth::password::hash(PASSWORD).unwrap();
    app.store.set_password_hash(user, &hash).unwrap();
    let org = app
        .store
        .create_organisation(&NewOrganisation {
            short_name: short.into(),
            name: format!("Organisation {short}"),
            kind: OrgKind::NationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: entente_store::OrganisationProfile::default(),
        })
        .unwrap();
    app.store
        .add_membership(&AccessScope::SiteAdmin(user), user, org, role)
        .unwrap();
    user
}

/// A browser signed in as `email`.
pub async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    let answer = sign_in(app, &browser, email, PASSWORD).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
}

/// Creates a token from the account page; returns the creation page.
async fn create_token(app: &TestApp, browser: &reqwest::Client, name: &str, scope: &str) -> Answer {
    let page = send(browser.get(app.url("/account"))).await;
    let csrf = csrf_field(&page.body);
    let fields = [("csrf", csrf.as_str()), ("name", name), ("scope", scope)];
    send(browser.post(app.url("/account/tokens")).form(&fields)).await
}

/// The raw token shown on its creation page.
fn shown_token(page: &Answer) -> String {
    let start = page.body.find("ent_").expect("a token on the page");
    page.body[start..]
        .split('<')
        .next()
        .unwrap()
        .trim()
        .to_owned()
}

async fn me_with_token(app: &TestApp, token: &str) -> Answer {
    send(
        reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .bearer_auth(token),
    )
    .await
}

fn audited(app: &TestApp, user: UserId, action: AuditAction) -> usize {
    let filter = AuditFilter {
        action: Some(action),
        ..AuditFilter::default()
    };
    app.store
        .audit_entries(&AccessScope::SiteAdmin(user), &filter)
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_account_page_needs_a_session_and_shows_memberships() {
    fixture::on_each_backend(async |app| {
        member(app, "ana@example.org", "apt", Role::Editor);
        let anonymous = send(app.browser().get(app.url("/account"))).await;
        assert_eq!(anonymous.status, 303);
        assert_eq!(anonymous.headers["location"], "/login?next=%2Faccount");

        let browser = signed_in(app, "ana@example.org").await;
        let page = send(browser.get(app.url("/account"))).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("ana@example.org"));
        assert!(page.body.contains("Organisation apt (apt)"));
        assert!(page.body.contains("<td>Editor</td>"));
        assert!(page.body.contains("You have no active API tokens."));
        assert!(page.body.contains("Two-factor sign-in is off"));
        let french = send(browser.get(app.url("/account?lang=fr"))).await;
        assert!(french.body.contains("<td>Rédacteur</td>"));
    })
    .await;
}

#[tokio::test]
async fn a_token_is_shown_once_works_and_stops_working_when_revoked() {
    fixture::on_each_backend(async |app| {
        let user = member(app, "ana@example.org", "apt", Role::Viewer);
        let browser = signed_in(app, "ana@example.org").await;
        let created = create_token(app, &browser, "my script", "read_write").await;
        assert_eq!(created.status, 200, "{}", created.body);
        assert!(created.body.contains("it is shown only once"));
        assert_eq!(created.headers["cache-control"], "no-store");
        let token = shown_token(&created);
        assert_eq!(audited(app, user, AuditAction::TokenCreated), 1);

        let me = me_with_token(app, &token).await;
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.json()["email"], "ana@example.org");
        assert_eq!(me.json()["authenticated_by"], "token");

        // The account page lists it, without the token itself.
        let page = send(browser.get(app.url("/account"))).await;
        assert!(page.body.contains("my script"));
        assert!(page.body.contains("Read and write"));
        assert!(!page.body.contains(&token));

        let id = app.store.api_tokens_of(user).unwrap()[0].id;
        let csrf = csrf_field(&page.body);
        let revoke = |csrf: String| {
            browser
                .post(app.url(&format!("/account/tokens/{id}/revoke")))
                .form(&[("csrf", csrf)])
        };
        assert_eq!(send(revoke("forged".into())).await.status, 403);
        assert_eq!(me_with_token(app, &token).await.status, 200);
        let revoked = send(revoke(csrf.clone())).await;
        assert_eq!(revoked.status, 303, "{}", revoked.body);
        assert_eq!(me_with_token(app, &token).await.status, 401);
        assert_eq!(audited(app, user, AuditAction::TokenRevoked), 1);
        // Revoked already: nothing left to revoke.
        assert_eq!(send(revoke(csrf)).await.status, 404);
        let page = send(browser.get(app.url("/account"))).await;
        assert!(!page.body.contains("my script"));
    })
    .await;
}

#[tokio::test]
async fn a_blank_token_name_is_a_field_error_and_nobody_revokes_anothers_token() {
    fixture::on_each_backend(async |app| {
        member(app, "ana@example.org", "apt", Role::Viewer);
        let bea = member(app, "bea@example.org", "omct", Role::Viewer);
        let ana = signed_in(app, "ana@example.org").await;
        let blank = create_token(app, &ana, "   ", "read").await;
        assert_eq!(blank.status, 422);
        assert!(blank.body.contains("Give the token a name."));
        assert!(blank.body.contains(r#"aria-invalid="true""#));

        let theirs = signed_in(app, "bea@example.org").await;
        let created = create_token(app, &theirs, "bea's", "read").await;
        let token = shown_token(&created);
        let id = app.store.api_tokens_of(bea).unwrap()[0].id;
        let page = send(ana.get(app.url("/account"))).await;
        let csrf = csrf_field(&page.body);
        let url = app.url(&format!("/account/tokens/{id}/revoke"));
        let answer = send(ana.post(url).form(&[("csrf", csrf)])).await;
        assert_eq!(answer.status, 404);
        assert_eq!(me_with_token(app, &token).await.status, 200);
        // A read-only token cannot change anything.
        let write = send(
            reqwest::Client::new()
                .post(app.url("/logout"))
                .bearer_auth(&token),
        )
        .await;
        assert_eq!(write.status, 403);
    })
    .await;
}
