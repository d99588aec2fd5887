//! Setting a password through a one-time link over HTTP on each backend:
//! translated policy messages, the confirmation, single use, expiry, and
//! the old sessions ended.

use chrono::{TimeDelta, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, Role, UserId};
use entente_store::{LinkPurpose, NewLink};

use super::account::{PASSWORD, member, send, signed_in};
use super::app::{Answer, TestApp};
use super::fixture;
use super::signin::{csrf_field, sign_in};

const NEW_PASSWORD: &str = "a long phrase nobody else would think of";

/// A password link for `user`, valid for `valid`; returns its raw token.
fn link(app: &TestApp, user: UserId, email: &str, valid: TimeDelta) -> String {
    let token = Secret::generate();
    let now = Utc::now().naive_utc() - TimeDelta::minutes(1);
    app.store
        .create_link(
            &AccessScope::SiteAdmin(user),
            &NewLink {
                token_hash: &token.hash(),
                purpose: LinkPurpose::PasswordSet,
                user: Some(user),
                org: None,
                role: None,
                email,
                now,
                expires_at: now + valid,
            },
        )
        .unwrap();
    let peeked = app
        .store
        .peek_link(&token.hash(), Utc::now().naive_utc())
        .unwrap();
    eprintln!("DEBUG peek {peeked:?} {:?}", app.store.user(user).unwrap());
    token.as_str().to_owned()
}

async fn post_password(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    password: &str,
    confirm: &str,
) -> Answer {
    let form = send(browser.get(app.url(path))).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = csrf_field(&form.body);
    let fields = [
        ("csrf", csrf.as_str()),
        ("password", password),
        ("confirm", confirm),
    ];
    send(browser.post(app.url(path)).form(&fields)).await
}

#[tokio::test]
async fn the_policy_and_the_confirmation_are_checked_in_the_readers_language() {
    fixture::on_each_backend(async |app| {
        let user = member(app, "ana@example.org", "apt", Role::Viewer);
        let path = format!(
            "/set-password/{}",
            link(app, user, "ana@example.org", TimeDelta::hours(1))
        );
        let browser = app.browser();
        let short = post_password(app, &browser, &path, "too short", "too short").await;
        assert_eq!(short.status, 422);
        assert!(
            short.body.contains("use at least 12 characters"),
            "{}",
            short.body
        );
        let french = format!("{path}?lang=fr");
        let common = post_password(app, &browser, &french, "password1234", "password1234").await;
        assert_eq!(common.status, 422);
        assert!(
            common.body.contains("Ce mot de passe est trop courant"),
            "{}",
            common.body
        );
        let personal = post_password(
            app,
            &browser,
            &path,
            "pérez rocks the house",
            "pérez rocks the house",
        )
        .await;
        assert!(personal.body.contains("must not contain your name"));
        let mismatch = post_password(app, &browser, &path, NEW_PASSWORD, "something else").await;
        assert_eq!(mismatch.status, 422);
        assert!(
            mismatch
                .body
                .contains("The two passwords are not the same.")
        );
        // None of these used the link up, and the old password still works.
        let answer = sign_in(app, &app.browser(), "ana@example.org", PASSWORD).await;
        assert_eq!(answer.status, 303);
        assert_eq!(send(browser.get(app.url(&path))).await.status, 200);
    })
    .await;
}

#[tokio::test]
async fn a_link_sets_the_password_once_and_ends_the_old_sessions() {
    fixture::on_each_backend(async |app| {
        let user = member(app, "ana@example.org", "apt", Role::Viewer);
        let old_session = signed_in(app, "ana@example.org").await;
        assert_eq!(send(old_session.get(app.url("/account"))).await.status, 200);
        let path = format!(
            "/set-password/{}",
            link(app, user, "ana@example.org", TimeDelta::hours(1))
        );
        let browser = app.browser();
        let set = post_password(app, &browser, &path, NEW_PASSWORD, NEW_PASSWORD).await;
        assert_eq!(set.status, 303, "{}", set.body);
        assert_eq!(
            set.headers["location"],
            "/login?notice=password_set&lang=en"
        );
        let login = send(browser.get(app.url("/login?notice=password_set"))).await;
        assert!(login.body.contains("Your password is set."));

        // The old session is over; the old password no longer works, the new one does.
        assert_eq!(send(old_session.get(app.url("/account"))).await.status, 303);
        let old = sign_in(app, &app.browser(), "ana@example.org", PASSWORD).await;
        assert_eq!(old.status, 422);
        let new = sign_in(app, &app.browser(), "ana@example.org", NEW_PASSWORD).await;
        assert_eq!(new.status, 303);

        // Used up: the link answers like a missing page.
        let again = send(browser.get(app.url(&path))).await;
        assert_eq!(again.status, 404);
    })
    .await;
}

#[tokio::test]
async fn an_expired_or_unknown_link_is_a_missing_page() {
    fixture::on_each_backend(async |app| {
        let user = member(app, "ana@example.org", "apt", Role::Viewer);
        let expired = link(app, user, "ana@example.org", TimeDelta::seconds(30));
        let browser = app.browser();
        let answer = send(browser.get(app.url(&format!("/set-password/{expired}")))).await;
        assert_eq!(answer.status, 404);
        let unknown = send(browser.get(app.url("/set-password/nothing-like-a-token"))).await;
        assert_eq!(unknown.status, 404);
        // Alike but for the path, which the page's links repeat.
        assert_eq!(
            answer.body.replace(&expired, "T"),
            unknown.body.replace("nothing-like-a-token", "T")
        );
    })
    .await;
}
