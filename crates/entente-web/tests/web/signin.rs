//! Signing in and out over HTTP on each backend: the session cookie and
//! its rotation, the same answer for a wrong password and an unknown
//! e-mail, the lockout shared by two servers, expiry, CSRF, and API tokens
//! on `/api/v1/me`.

use chrono::{NaiveDateTime, TimeDelta, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgKind, Role, TokenScope, UserId, Visibility};
use entente_store::{NewOrganisation, NewSession};

use super::app::{Answer, TestApp};
use super::fixture;

const PASSWORD: &str = "correct horse battery staple 42";
const EMAIL: &str = "ana@example.org";

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// An account with a password, editor of one organisation.
fn account(app: &TestApp) -> UserId {
    let user = app.store.create_user(EMAIL, "Ana Pérez").unwrap();
    let hash = entente_auth::password::hash(PASSWORD).unwrap();
    app.store.set_password_hash(user, &hash).unwrap();
    let org = app
        .store
        .create_organisation(&NewOrganisation {
            short_name: "apt".into(),
            name: "Association for the Prevention of Torture".into(),
            kind: OrgKind::InternationalNgo,
            website: None,
            description: None,
            visibility: Visibility::Public,
            profile: entente_store::OrganisationProfile::default(),
        })
        .unwrap();
    app.store
        .add_membership(&AccessScope::SiteAdmin(user), user, org, Role::Editor)
        .unwrap();
    user
}

/// The last hidden `csrf` field of a page: the page's own form, after the
/// header's sign-out button.
pub fn csrf_field(body: &str) -> String {
    body.rsplit(r#"name="csrf" value=""#)
        .next()
        .filter(|_| body.contains(r#"name="csrf""#))
        .unwrap_or_else(|| panic!("no csrf field in {body}"))
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

/// Fetches the sign-in form, then posts it.
pub async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> Answer {
    let form = send(client.get(app.url("/login"))).await;
    assert_eq!(form.status, 200);
    let csrf = csrf_field(&form.body);
    let fields = [
        ("email", email),
        ("password", password),
        ("csrf", &csrf),
        ("next", ""),
    ];
    send(client.post(app.url("/login")).form(&fields)).await
}

/// The session token a sign-in answer set.
fn session_token(answer: &Answer) -> String {
    answer
        .set_cookies()
        .iter()
        .find_map(|c| c.strip_prefix("entente_session="))
        .and_then(|c| c.split(';').next())
        .filter(|token| !token.is_empty())
        .unwrap_or_else(|| panic!("no session cookie in {:?}", answer.set_cookies()))
        .to_owned()
}

/// `/api/v1/me` with only this session cookie.
async fn me_with_cookie(app: &TestApp, token: &str) -> Answer {
    let request = reqwest::Client::new()
        .get(app.url("/api/v1/me"))
        .header("cookie", format!("entente_session={token}"));
    send(request).await
}

#[tokio::test]
async fn signing_in_sets_an_http_only_cookie_and_rotates_the_session() {
    fixture::on_each_backend(async |app| {
        account(app);
        let browser = app.browser();
        let first = sign_in(app, &browser, EMAIL, PASSWORD).await;
        assert_eq!(first.status, 303, "{}", first.body);
        assert_eq!(first.headers["location"], "/account");
        let cookie = first
            .set_cookies()
            .into_iter()
            .find(|c| c.starts_with("entente_session="))
            .unwrap();
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
            assert!(cookie.contains(attribute), "{cookie} has {attribute}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
        let old = session_token(&first);
        let me = send(browser.get(app.url("/api/v1/me"))).await;
        assert_eq!(me.status, 200);
        assert_eq!(me.json()["email"], EMAIL);
        assert_eq!(me.json()["authenticated_by"], "session");
        assert_eq!(me.json()["memberships"][0]["role"], "editor");

        // Signing in again with the old cookie ends the old session.
        let second = sign_in(app, &browser, EMAIL, PASSWORD).await;
        assert_eq!(second.status, 303, "{}", second.body);
        let new = session_token(&second);
        assert_ne!(old, new);
        assert_eq!(me_with_cookie(app, &old).await.status, 401);
        assert_eq!(me_with_cookie(app, &new).await.status, 200);

        // Over TLS (as the proxy says) the cookie is Secure.
        let tls = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let form = send(tls.get(app.url("/login"))).await;
        let csrf = csrf_field(&form.body);
        let fields = [("email", EMAIL), ("password", PASSWORD), ("csrf", &csrf)];
        let secure = send(
            tls.post(app.url("/login"))
                .header("x-forwarded-proto", "https")
                .form(&fields),
        )
        .await;
        assert!(
            secure
                .set_cookies()
                .iter()
                .any(|c| c.starts_with("entente_session=") && c.ends_with("; Secure"))
        );
    })
    .await;
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_answer_alike() {
    fixture::on_each_backend(async |app| {
        account(app);
        let browser = app.browser();
        let wrong = sign_in(app, &browser, EMAIL, "not the password at all").await;
        let unknown = sign_in(
            app,
            &browser,
            "nobody@example.org",
            "not the password at all",
        )
        .await;
        assert_eq!(wrong.status, 422);
        assert_eq!(wrong.status, unknown.status);
        // The form keeps the e-mail typed; apart from it the pages are the same.
        assert_eq!(
            wrong.body.replace(EMAIL, "E"),
            unknown.body.replace("nobody@example.org", "E")
        );
        assert!(
            wrong
                .body
                .contains("The e-mail address or the password is wrong.")
        );
        assert!(
            wrong
                .set_cookies()
                .iter()
                .all(|c| !c.starts_with("entente_session="))
        );
        // The next page is the one asked for, if it is on this site.
        for (next, expected) in [("/treaties", "/treaties"), ("//evil.example/", "/account")] {
            let form = send(browser.get(app.url(&format!("/login?next={next}")))).await;
            assert!(
                form.body
                    .contains(&format!(r#"name="next" value="{next}""#))
            );
            let csrf = csrf_field(&form.body);
            let fields = [
                ("email", EMAIL),
                ("password", PASSWORD),
                ("csrf", &csrf),
                ("next", next),
            ];
            let answer = send(browser.post(app.url("/login")).form(&fields)).await;
            assert_eq!(answer.headers["location"], expected, "next={next}");
        }
    })
    .await;
}

#[tokio::test]
async fn five_failures_lock_the_address_on_every_server() {
    fixture::on_each_backend(async |app| {
        account(app);
        let browser = app.browser();
        for _ in 0..5 {
            let answer = sign_in(app, &browser, EMAIL, "not the password at all").await;
            assert_eq!(answer.status, 422);
        }
        let other = app.second_server().await;
        let locked = sign_in(&other, &other.browser(), EMAIL, PASSWORD).await;
        assert_eq!(locked.status, 429, "{}", locked.body);
        assert!(
            locked.body.contains("Try again in 15 minutes"),
            "{}",
            locked.body
        );
        assert!(
            locked
                .set_cookies()
                .iter()
                .all(|c| !c.starts_with("entente_session="))
        );
        // An address without an account locks the same way.
        for _ in 0..5 {
            sign_in(app, &browser, "nobody@example.org", "guess guess guess").await;
        }
        let unknown = sign_in(&other, &other.browser(), "nobody@example.org", "guess").await;
        assert_eq!(unknown.status, 429);
    })
    .await;
}

#[tokio::test]
async fn signing_out_ends_the_session_and_needs_its_csrf_token() {
    fixture::on_each_backend(async |app| {
        account(app);
        let browser = app.browser();
        let token = session_token(&sign_in(app, &browser, EMAIL, PASSWORD).await);
        let page = send(browser.get(app.url("/treaties"))).await;
        assert!(page.body.contains("Ana Pérez"), "the header names the user");
        let csrf = csrf_field(&page.body);

        let missing = send(browser.post(app.url("/logout?lang=fr"))).await;
        assert_eq!(missing.status, 403);
        assert!(
            missing.body.contains("Ce formulaire a expiré"),
            "{}",
            missing.body
        );
        let wrong = send(browser.post(app.url("/logout")).form(&[("csrf", "forged")])).await;
        assert_eq!(wrong.status, 403);
        assert_eq!(me_with_cookie(app, &token).await.status, 200);

        let out = send(browser.post(app.url("/logout")).form(&[("csrf", &csrf)])).await;
        assert_eq!(out.status, 303);
        assert!(
            out.set_cookies()
                .iter()
                .any(|c| c.starts_with("entente_session=;"))
        );
        let after = me_with_cookie(app, &token).await;
        assert_eq!(after.status, 401);
        assert_eq!(after.json()["error"]["code"], "unauthenticated");
        assert!(
            after
                .set_cookies()
                .iter()
                .any(|c| c.starts_with("entente_session=; Max-Age=0"))
        );
        let anonymous = send(reqwest::Client::new().get(app.url("/treaties"))).await;
        assert!(
            anonymous.body.contains(">Sign in</a>"),
            "{}",
            anonymous.body
        );
        assert!(!anonymous.body.contains("Ana Pérez"));
    })
    .await;
}

#[tokio::test]
async fn sessions_end_when_idle_or_at_their_absolute_end() {
    fixture::on_each_backend(async |app| {
        let user = account(app);
        let open = |started: NaiveDateTime, idle: TimeDelta, absolute: TimeDelta| {
            let secret = Secret::generate();
            app.store
                .create_session(&NewSession {
                    user,
                    id_hash: &secret.hash(),
                    csrf_token: "csrf",
                    user_agent: None,
                    now: started,
                    idle,
                    absolute,
                })
                .unwrap();
            secret.as_str().to_owned()
        };
        let fresh = open(now(), TimeDelta::hours(2), TimeDelta::hours(12));
        let idle = open(
            now() - TimeDelta::hours(3),
            TimeDelta::hours(2),
            TimeDelta::hours(12),
        );
        let past_end = open(
            now() - TimeDelta::hours(13),
            TimeDelta::hours(24),
            TimeDelta::hours(12),
        );
        assert_eq!(me_with_cookie(app, &fresh).await.status, 200);
        assert_eq!(me_with_cookie(app, &idle).await.status, 401);
        assert_eq!(me_with_cookie(app, &past_end).await.status, 401);
    })
    .await;
}

#[tokio::test]
async fn api_tokens_authenticate_until_revoked_and_read_only_ones_only_read() {
    fixture::on_each_backend(async |app| {
        let user = account(app);
        let token = Secret::generate_api_token();
        let id = app
            .store
            .create_api_token(user, "script", &token.hash(), TokenScope::Read, now())
            .unwrap();
        let client = reqwest::Client::new();
        let bearer = |request: reqwest::RequestBuilder| request.bearer_auth(token.as_str());

        let anonymous = send(client.get(app.url("/api/v1/me"))).await;
        assert_eq!(anonymous.status, 401);
        assert_eq!(anonymous.json()["error"]["code"], "unauthenticated");
        let me = send(bearer(client.get(app.url("/api/v1/me")))).await;
        assert_eq!(me.status, 200);
        assert_eq!(me.json()["token_scope"], "read");
        assert_eq!(me.json()["memberships"][0]["short_name"], "apt");

        // No API route writes yet: the refusal comes before routing, so any
        // non-GET request shows it.
        let write = send(bearer(client.post(app.url("/api/v1/states")))).await;
        assert_eq!(write.status, 403);
        assert_eq!(write.json()["error"]["code"], "token_read_only");

        assert!(app.store.revoke_api_token(user, id, now()).unwrap());
        let revoked = send(bearer(client.get(app.url("/api/v1/me")))).await;
        assert_eq!(revoked.status, 401);
        assert_eq!(revoked.json()["error"]["code"], "invalid_token");
        let garbage = send(
            client
                .get(app.url("/api/v1/states"))
                .bearer_auth("ent_nope"),
        )
        .await;
        assert_eq!(garbage.status, 401);
    })
    .await;
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_of_the_user() {
    fixture::on_each_backend(async |app| {
        account(app);
        let laptop = app.browser();
        let phone = app.browser();
        let laptop_token = session_token(&sign_in(app, &laptop, EMAIL, PASSWORD).await);
        let phone_token = session_token(&sign_in(app, &phone, EMAIL, PASSWORD).await);
        let page = send(laptop.get(app.url("/treaties"))).await;
        let csrf = csrf_field(&page.body);
        let path = "/account/sessions/logout-everywhere";
        let forged = send(laptop.post(app.url(path)).form(&[("csrf", "forged")])).await;
        assert_eq!(forged.status, 403);
        assert_eq!(me_with_cookie(app, &phone_token).await.status, 200);
        let out = send(laptop.post(app.url(path)).form(&[("csrf", &csrf)])).await;
        assert_eq!(out.status, 303);
        assert_eq!(me_with_cookie(app, &laptop_token).await.status, 401);
        assert_eq!(me_with_cookie(app, &phone_token).await.status, 401);
    })
    .await;
}
