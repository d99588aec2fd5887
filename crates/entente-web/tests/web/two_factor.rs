//! Two-factor sign-in over HTTP on each backend: enrolment from the shown
//! secret, the second step of signing in (TOTP codes used once, recovery
//! codes used once, wrong codes counted toward the lockout), turning it
//! off, and the instance's requirement for administrators.

use chrono::Utc;
use entente_auth::TotpSecret;
use entente_core::access::{AccessScope, Role, UserId};
use entente_store::{AuditAction, AuditFilter};

use super::account::{PASSWORD, member, send, signed_in};
use super::app::{Answer, TestApp};
use super::fixture;
use super::signin::{csrf_field, sign_in};

const EMAIL: &str = "ana@example.org";

/// The code of the app `steps` time steps from now.
fn code(secret: &str, steps: u64) -> String {
    let now = u64::try_from(Utc::now().timestamp()).unwrap();
    let secret = TotpSecret::from_base32(secret).unwrap();
    secret.code_at_step(TotpSecret::step_at(now) + steps)
}

/// The text between `start` and the next `<`.
fn after(body: &str, start: &str) -> String {
    let at = body
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {body}"))
        + start.len();
    body[at..].split('<').next().unwrap().to_owned()
}

/// Turns two-factor sign-in on from the page; returns the secret and the
/// recovery codes shown.
async fn enrol(app: &TestApp, browser: &reqwest::Client) -> (String, Vec<String>) {
    let page = send(browser.get(app.url("/account/2fa"))).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let secret = after(&page.body, r#"id="totp-secret">"#);
    assert!(
        page.body
            .contains("otpauth://totp/Entente:ana%40example.org?secret=")
    );
    // A reload shows the same pending secret.
    let again = send(browser.get(app.url("/account/2fa"))).await;
    assert_eq!(after(&again.body, r#"id="totp-secret">"#), secret);
    let csrf = csrf_field(&page.body);
    let wrong = post(
        app,
        browser,
        "/account/2fa/enable",
        &[("csrf", &csrf), ("code", "12")],
    )
    .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("This code is not right"));
    let fields = [("csrf", csrf.as_str()), ("code", &code(&secret, 0))];
    let enabled = post(app, browser, "/account/2fa/enable", &fields).await;
    assert_eq!(enabled.status, 200, "{}", enabled.body);
    assert_eq!(enabled.headers["cache-control"], "no-store");
    let codes: Vec<String> = enabled
        .body
        .split("<li><code>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> Answer {
    send(browser.post(app.url(path)).form(fields)).await
}

/// Signs in with the password, then posts `code` as the second step.
async fn second_step(app: &TestApp, code: &str) -> (reqwest::Client, Answer) {
    let browser = app.browser();
    let first = sign_in(app, &browser, EMAIL, PASSWORD).await;
    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(first.headers["location"], "/login/2fa?lang=en&next=");
    assert!(
        first
            .set_cookies()
            .iter()
            .all(|c| !c.starts_with("entente_session="))
    );
    let form = send(browser.get(app.url("/login/2fa"))).await;
    assert_eq!(form.status, 200, "{}", form.body);
    let csrf = csrf_field(&form.body);
    let fields = [("csrf", csrf.as_str()), ("code", code), ("next", "")];
    let answer = post(app, &browser, "/login/2fa", &fields).await;
    (browser, answer)
}

fn audited(app: &TestApp, user: UserId, action: AuditAction) -> usize {
    let filter = AuditFilter {
        action: Some(action),
        ..AuditFilter::default()
    };
    let entries = app
        .store
        .audit_entries(&AccessScope::SiteAdmin(user), &filter);
    entries.unwrap().len()
}

#[tokio::test]
async fn sign_in_needs_a_fresh_code_or_an_unused_recovery_code() {
    fixture::on_each_backend(async |app| {
        let user = member(app, EMAIL, "apt", Role::Editor);
        let browser = signed_in(app, EMAIL).await;
        let (secret, codes) = enrol(app, &browser).await;
        assert_eq!(audited(app, user, AuditAction::TotpEnabled), 1);
        let account = send(browser.get(app.url("/account"))).await;
        assert!(
            account
                .body
                .contains("Two-factor sign-in is on. 10 recovery codes are left.")
        );

        let (_, wrong) = second_step(app, "000000").await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("This code is not right"));
        // The enrolment spent this step's code: the next one works, once.
        let next_code = code(&secret, 1);
        let (signed, right) = second_step(app, &next_code).await;
        assert_eq!(right.status, 303, "{}", right.body);
        assert_eq!(right.headers["location"], "/account");
        assert!(
            right
                .set_cookies()
                .iter()
                .any(|c| c.starts_with("entente_session=") && c.contains("HttpOnly"))
        );
        assert_eq!(send(signed.get(app.url("/api/v1/me"))).await.status, 200);
        let (_, replayed) = second_step(app, &next_code).await;
        assert_eq!(replayed.status, 422, "a TOTP step is accepted once");

        let (_, recovered) = second_step(app, &codes[0].to_uppercase()).await;
        assert_eq!(recovered.status, 303, "{}", recovered.body);
        assert_eq!(audited(app, user, AuditAction::RecoveryCodeUsed), 1);
        let (_, reused) = second_step(app, &codes[0]).await;
        assert_eq!(reused.status, 422, "a recovery code works once");

        // Without a pending sign-in there is no second step to take.
        let stray = send(app.browser().get(app.url("/login/2fa"))).await;
        assert_eq!(stray.status, 303);
        assert_eq!(stray.headers["location"], "/login?lang=en");
    })
    .await;
}

#[tokio::test]
async fn wrong_codes_count_toward_the_lockout() {
    fixture::on_each_backend(async |app| {
        member(app, EMAIL, "apt", Role::Viewer);
        let browser = signed_in(app, EMAIL).await;
        let (secret, _) = enrol(app, &browser).await;
        let (browser, first) = second_step(app, "000000").await;
        assert_eq!(first.status, 422);
        for _ in 1..5 {
            let form = send(browser.get(app.url("/login/2fa"))).await;
            let csrf = csrf_field(&form.body);
            let fields = [("csrf", csrf.as_str()), ("code", "000000")];
            let answer = post(app, &browser, "/login/2fa", &fields).await;
            assert_eq!(answer.status, 422);
        }
        // Locked now: even the right code is refused, and so is the password.
        let form = send(browser.get(app.url("/login/2fa"))).await;
        let csrf = csrf_field(&form.body);
        let fields = [("csrf", csrf.as_str()), ("code", &code(&secret, 1))];
        let locked = post(app, &browser, "/login/2fa", &fields).await;
        assert_eq!(locked.status, 429, "{}", locked.body);
        let password = sign_in(app, &app.browser(), EMAIL, PASSWORD).await;
        assert_eq!(password.status, 429);
    })
    .await;
}

#[tokio::test]
async fn turning_it_off_needs_the_password_and_a_code() {
    fixture::on_each_backend(async |app| {
        let user = member(app, EMAIL, "apt", Role::Viewer);
        let browser = signed_in(app, EMAIL).await;
        let (secret, old_codes) = enrol(app, &browser).await;
        let page = send(browser.get(app.url("/account/2fa"))).await;
        let csrf = csrf_field(&page.body);

        // New recovery codes replace the old ones.
        let fields = [("csrf", csrf.as_str()), ("code", &code(&secret, 1))];
        let renewed = post(app, &browser, "/account/2fa/recovery-codes", &fields).await;
        assert_eq!(renewed.status, 200, "{}", renewed.body);
        let new_code = after(&renewed.body, "<li><code>");
        assert_eq!(audited(app, user, AuditAction::RecoveryCodesReplaced), 1);

        let browser = &browser;
        let disable = |password: &'static str, code: String| {
            let csrf = csrf.clone();
            async move {
                let fields = [
                    ("csrf", csrf.as_str()),
                    ("password", password),
                    ("code", &code),
                ];
                post(app, browser, "/account/2fa/disable", &fields).await
            }
        };
        let no_password = disable("not my password", new_code.clone()).await;
        assert_eq!(no_password.status, 422);
        assert!(no_password.body.contains("The password is wrong."));
        let old = disable(PASSWORD, old_codes[1].clone()).await;
        assert_eq!(old.status, 422);
        assert!(old.body.contains("This code is not right"));
        let done = disable(PASSWORD, new_code).await;
        assert_eq!(done.status, 303, "{}", done.body);
        assert_eq!(audited(app, user, AuditAction::TotpDisabled), 1);
        // Signing in is one step again.
        let again = sign_in(app, &app.browser(), EMAIL, PASSWORD).await;
        assert_eq!(again.headers["location"], "/account");
    })
    .await;
}

#[tokio::test]
async fn an_instance_can_require_it_of_administrators_only() {
    fixture::on_each_backend(async |app| {
        let admin = member(app, EMAIL, "apt", Role::Admin);
        member(app, "bea@example.org", "omct", Role::Editor);
        let strict = app
            .configured_server(|state| state.with_require_admin_2fa(true))
            .await;
        let browser = signed_in(&strict, EMAIL).await;

        // Workspace pages send the administrator to turn it on, with a reason.
        let account = send(browser.get(strict.url("/account"))).await;
        assert_eq!(account.status, 303);
        assert_eq!(account.headers["location"], "/account/2fa?required=1");
        let page = send(browser.get(strict.url("/account/2fa?required=1"))).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("you must turn on two-factor sign-in"));
        // Public pages stay open; the API refuses, by session or by token.
        assert_eq!(send(browser.get(strict.url("/treaties"))).await.status, 200);
        let me = send(browser.get(strict.url("/api/v1/me"))).await;
        assert_eq!(me.status, 403);
        assert_eq!(me.json()["error"]["code"], "two_factor_required");
        let token = entente_auth::Secret::generate_api_token();
        let now = Utc::now().naive_utc();
        let scope = entente_core::access::TokenScope::Read;
        app.store
            .create_api_token(admin, "script", &token.hash(), scope, now)
            .unwrap();
        let by_token = send(
            reqwest::Client::new()
                .get(strict.url("/api/v1/me"))
                .bearer_auth(token.as_str()),
        )
        .await;
        assert_eq!(by_token.status, 403);

        // Someone who administers nothing is not held up.
        let editor = signed_in(&strict, "bea@example.org").await;
        assert_eq!(send(editor.get(strict.url("/account"))).await.status, 200);
        assert_eq!(send(editor.get(strict.url("/api/v1/me"))).await.status, 200);

        // Once it is on, the administrator gets through.
        enrol(&strict, &browser).await;
        let signed = signed_in_with_code(&strict).await;
        assert_eq!(send(signed.get(strict.url("/account"))).await.status, 200);
        assert_eq!(send(signed.get(strict.url("/api/v1/me"))).await.status, 200);
        // The default instance does not ask.
        app.store.set_totp(admin, None, false).unwrap();
        let relaxed = signed_in(app, EMAIL).await;
        assert_eq!(send(relaxed.get(app.url("/account"))).await.status, 200);
    })
    .await;
}

/// Signs in as the enrolled administrator with the code of the next step.
async fn signed_in_with_code(app: &TestApp) -> reqwest::Client {
    let user = app.store.user_by_email(EMAIL).unwrap().unwrap();
    let secret = user.totp_secret.unwrap();
    let (browser, answer) = second_step(app, &code(&secret, 1)).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
}
