//! Signals over HTTP on each backend: what a member sees of another
//! organisation's private action that emits one (kind, audiences, states,
//! month; never who, what or when exactly), nothing when the signal is off,
//! the action closed or readable; contact requests relayed to the owner's
//! admins, who answer or decline; the organisation's default; the pages.

use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::plan::{ActionId, ActionStatus};
use serde_json::{Value, json};

use super::actions_api::token;
use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

/// Quiet (private) with its admin Quinn and its private letters on France;
/// npm-watch (public) with its editor Ana. Returns the tokens of Ana and
/// Quinn and the ids of quiet's letters: emitting, silent, cancelled.
struct Cast {
    ana: String,
    quinn: String,
    quiet: OrgId,
    emitting: ActionId,
    silent: ActionId,
    cancelled: ActionId,
}

/// A browser signed in as `email`, with the password `person` gives.
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    let answer = sign_in(app, &browser, email, "a long enough passphrase 7").await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    browser
}

fn site() -> AccessScope {
    AccessScope::SiteAdmin(UserId::NOBODY)
}

fn cast(app: &TestApp) -> Cast {
    let quiet = organisation(app, "quiet", Visibility::Private);
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let quinn = person(app, "quinn@example.org", "Quinn Admin", quiet, Role::Admin);
    let ana = person(app, "ana@example.org", "Ana Editor", watch, Role::Editor);
    let create = |title: &str| {
        let draft = fixture::letter(quiet, title, "FRA", Visibility::Private);
        app.store.create_action(&site(), &draft).unwrap()
    };
    let emitting = create("Secret letter of quiet");
    let silent = create("Silent letter of quiet");
    let cancelled = create("Cancelled letter of quiet");
    for id in [emitting, cancelled] {
        app.store.set_action_signal(&site(), id, true).unwrap();
    }
    let mut closed = app
        .store
        .action(&site(), cancelled)
        .unwrap()
        .unwrap()
        .content;
    closed.status = ActionStatus::Cancelled;
    app.store
        .update_action(&site(), cancelled, &closed)
        .unwrap();
    Cast {
        ana: token(app, ana, TokenScope::ReadWrite),
        quinn: token(app, quinn, TokenScope::ReadWrite),
        quiet,
        emitting,
        silent,
        cancelled,
    }
}

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    bearer: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let mut request = reqwest::Client::new().request(method, app.url(path));
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    Answer::from(request.send().await.unwrap()).await
}

async fn signals(app: &TestApp, bearer: Option<&str>) -> Vec<Value> {
    let answer = call(
        app,
        reqwest::Method::GET,
        "/api/v1/coordination/signals",
        bearer,
        None,
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()["signals"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_signal_shows_only_kind_audiences_states_and_month() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let seen = signals(app, Some(&cast.ana)).await;
        assert_eq!(
            seen.len(),
            1,
            "the silent and the cancelled letters show nothing: {seen:?}"
        );
        let signal = &seen[0];
        let mut fields: Vec<&str> = signal
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            ["action_type", "audiences", "key", "month", "states"]
        );
        assert_eq!(signal["action_type"], "letter");
        assert_eq!(signal["audiences"], json!(["executive"]));
        assert_eq!(signal["states"], json!(["FRA"]));
        assert_eq!(signal["month"], "2026-03");
        let key = signal["key"].as_str().unwrap();
        assert_eq!(key.len(), 32);
        assert!(key.chars().all(|c| c.is_ascii_hexdigit()));
        // The same key each time: stable per action.
        assert_eq!(signals(app, Some(&cast.ana)).await[0]["key"], signal["key"]);
        // The owner reads the action whole, the public sees no signal.
        assert!(signals(app, Some(&cast.quinn)).await.is_empty());
        assert!(signals(app, None).await.is_empty());
        // The board names neither the organisation nor the title.
        let ana = signed_in(app, "ana@example.org").await;
        let board = Answer::from(ana.get(app.url("/board?lang=en")).send().await.unwrap()).await;
        assert_eq!(board.status, 200);
        assert!(board.body.contains("Signals"), "{}", board.body);
        assert!(
            board
                .body
                .contains(&format!("/board/signals/{key}/contact"))
        );
        for secret in [
            "quiet",
            "Secret letter",
            "Silent letter",
            "Cancelled letter",
        ] {
            assert!(!board.body.contains(secret), "the board shows {secret:?}");
        }
        // The silent letter, turned on, shows too.
        app.store
            .set_action_signal(&site(), cast.silent, true)
            .unwrap();
        assert_eq!(signals(app, Some(&cast.ana)).await.len(), 2);
        app.store
            .set_action_signal(&site(), cast.silent, false)
            .unwrap();
        // The cancelled letter, planned again, emits again.
        let mut reopened = app
            .store
            .action(&site(), cast.cancelled)
            .unwrap()
            .unwrap()
            .content;
        reopened.status = ActionStatus::Planned;
        app.store
            .update_action(&site(), cast.cancelled, &reopened)
            .unwrap();
        assert_eq!(signals(app, Some(&cast.ana)).await.len(), 2);
        reopened.status = ActionStatus::Done;
        app.store
            .update_action(&site(), cast.cancelled, &reopened)
            .unwrap();
        assert_eq!(signals(app, Some(&cast.ana)).await.len(), 1, "done: gone");
        // Turned off, it is gone.
        app.store
            .set_action_signal(&site(), cast.emitting, false)
            .unwrap();
        assert!(signals(app, Some(&cast.ana)).await.is_empty());
        app.store
            .set_action_signal(&site(), cast.emitting, true)
            .unwrap();
        assert_eq!(
            signals(app, Some(&cast.ana)).await[0]["key"],
            signal["key"],
            "the key stays"
        );
    })
    .await;
}

#[tokio::test]
async fn a_contact_request_reaches_the_owner_s_admins_who_answer_or_decline() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let key = signals(app, Some(&cast.ana)).await[0]["key"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/coordination/signals/{key}/contact-requests");
        let ask = |message: &str| json!({"org": "npm-watch", "message": message, "contact": "ana@example.org"});
        let bad = call(app, reqwest::Method::POST, &path, Some(&cast.ana), Some(json!({"org": "npm-watch", "message": " ", "contact": ""}))).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.body.contains("message") && bad.body.contains("contact"), "{}", bad.body);
        let not_mine = call(app, reqwest::Method::POST, &path, Some(&cast.ana), Some(json!({"org": "quiet", "message": "Hi", "contact": "x"}))).await;
        assert_eq!(not_mine.status, 422, "{}", not_mine.body);
        let missing = call(app, reqwest::Method::POST, "/api/v1/coordination/signals/00000000000000000000000000000000/contact-requests", Some(&cast.ana), Some(ask("Hi"))).await;
        assert_eq!(missing.status, 404);
        let anonymous = call(app, reqwest::Method::POST, &path, None, Some(ask("Hi"))).await;
        assert_eq!(anonymous.status, 401);
        // The owner sees no signal of its own action, so cannot ask.
        let own = call(app, reqwest::Method::POST, &path, Some(&cast.quinn), Some(json!({"org": "quiet", "message": "Hi", "contact": "x"}))).await;
        assert_eq!(own.status, 404, "{}", own.body);

        let first = call(app, reqwest::Method::POST, &path, Some(&cast.ana), Some(ask("Shall we write together?"))).await;
        assert_eq!(first.status, 201, "{}", first.body);
        let first = first.json()["id"].as_i64().unwrap();
        let second = call(app, reqwest::Method::POST, &path, Some(&cast.ana), Some(ask("Another idea"))).await;
        let second = second.json()["id"].as_i64().unwrap();

        let sent = call(app, reqwest::Method::GET, "/api/v1/coordination/contact-requests", Some(&cast.ana), None).await;
        assert_eq!(sent.status, 200);
        assert!(!sent.body.contains("quiet") && !sent.body.contains("Quinn"), "{}", sent.body);
        assert!(sent.json().as_array().unwrap().iter().all(|r| r["status"] == "pending" && r.get("answer").is_none()));

        let received = call(app, reqwest::Method::GET, "/api/v1/orgs/quiet/contact-requests", Some(&cast.quinn), None).await;
        assert_eq!(received.status, 200, "{}", received.body);
        let list = received.json();
        assert_eq!(list.as_array().unwrap().len(), 2);
        assert_eq!(list[1]["message"], "Shall we write together?");
        assert!(list[1].get("requester").is_none(), "who asked shows once answered: {list}");
        assert!(!received.body.contains("npm-watch") && !received.body.contains("ana@example.org"));
        assert_eq!(list[1]["action_id"], cast.emitting.0);
        // Ana cannot read quiet's requests: quiet is hidden from her.
        let hidden = call(app, reqwest::Method::GET, "/api/v1/orgs/quiet/contact-requests", Some(&cast.ana), None).await;
        assert_eq!(hidden.status, 404);
        // The hook a mailer calls: quiet's admins.
        let notice = app.store.contact_request_notice(first).unwrap();
        assert_eq!(notice.org, cast.quiet);
        assert_eq!(notice.admins.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>(), ["quinn@example.org"]);

        let answer = |id: i64| format!("/api/v1/orgs/quiet/contact-requests/{id}/answer");
        let answered = call(app, reqwest::Method::POST, &answer(first), Some(&cast.quinn), Some(json!({"reply": "Gladly, write to us."}))).await;
        assert_eq!(answered.status, 204, "{}", answered.body);
        let again = call(app, reqwest::Method::POST, &answer(first), Some(&cast.quinn), Some(json!({"reply": "Twice?"}))).await;
        assert_eq!(again.status, 409, "{}", again.body);
        let received = call(app, reqwest::Method::GET, "/api/v1/orgs/quiet/contact-requests", Some(&cast.quinn), None).await.json();
        let answered_one = received.as_array().unwrap().iter().find(|r| r["id"] == first).unwrap().clone();
        assert_eq!(answered_one["requester"]["contact"], "ana@example.org");
        assert_eq!(answered_one["requester"]["org_name"], "Organisation npm-watch");
        let declined = call(app, reqwest::Method::POST, &format!("/api/v1/orgs/quiet/contact-requests/{second}/decline"), Some(&cast.quinn), None).await;
        assert_eq!(declined.status, 204, "{}", declined.body);

        let sent = call(app, reqwest::Method::GET, "/api/v1/coordination/contact-requests", Some(&cast.ana), None).await.json();
        let by_id = |id: i64| sent.as_array().unwrap().iter().find(|r| r["id"] == id).unwrap().clone();
        let yes = by_id(first);
        assert_eq!(yes["status"], "answered");
        assert_eq!(yes["answer"]["org_short_name"], "quiet");
        assert_eq!(yes["answer"]["admin_email"], "quinn@example.org");
        assert_eq!(yes["answer"]["reply"], "Gladly, write to us.");
        let no = by_id(second);
        assert_eq!(no["status"], "declined");
        assert!(no.get("answer").is_none(), "a decline names nobody: {no}");
        assert!(!serde_json::to_string(&no).unwrap().contains("quiet"));

        // Every step is in the audit log, for both organisations.
        let log = app.store.audit_export_as_site_admin().unwrap();
        let steps = log.iter().filter(|l| l.entry.record_kind.as_deref() == Some("contact_request")).count();
        assert_eq!(steps, 8, "two entries for each request, answer and decline");
    })
    .await;
}

#[tokio::test]
async fn an_organisation_s_default_and_an_action_s_switch() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let default = "/api/v1/orgs/quiet/signal-default";
        let read = call(app, reqwest::Method::GET, default, Some(&cast.quinn), None).await;
        assert_eq!(read.json()["on"], false);
        let set = call(
            app,
            reqwest::Method::PUT,
            default,
            Some(&cast.quinn),
            Some(json!({"on": true})),
        )
        .await;
        assert_eq!(set.status, 200, "{}", set.body);
        let refused = call(
            app,
            reqwest::Method::PUT,
            "/api/v1/orgs/npm-watch/signal-default",
            Some(&cast.ana),
            Some(json!({"on": true})),
        )
        .await;
        assert_eq!(
            refused.status, 403,
            "an editor is not an admin: {}",
            refused.body
        );
        // New private actions of quiet now emit; public ones never do.
        let before = signals(app, Some(&cast.ana)).await.len();
        let create = |title: &str, visibility| {
            let draft = fixture::letter(cast.quiet, title, "MEX", visibility);
            app.store.create_action(&site(), &draft).unwrap()
        };
        let private = create("New private letter", Visibility::Private);
        let public = create("New public letter", Visibility::Public);
        assert_eq!(signals(app, Some(&cast.ana)).await.len(), before + 1);
        let switch = |id: ActionId| format!("/api/v1/actions/{}/signal", id.0);
        let public_on = call(
            app,
            reqwest::Method::PUT,
            &switch(public),
            Some(&cast.quinn),
            Some(json!({"on": true})),
        )
        .await;
        assert_eq!(public_on.status, 422, "{}", public_on.body);
        let off = call(
            app,
            reqwest::Method::PUT,
            &switch(private),
            Some(&cast.quinn),
            Some(json!({"on": false})),
        )
        .await;
        assert_eq!(off.status, 200, "{}", off.body);
        assert_eq!(signals(app, Some(&cast.ana)).await.len(), before);
        let hidden = call(
            app,
            reqwest::Method::PUT,
            &switch(private),
            Some(&cast.ana),
            Some(json!({"on": true})),
        )
        .await;
        assert_eq!(hidden.status, 404, "{}", hidden.body);
    })
    .await;
}

#[tokio::test]
async fn the_pages_ask_answer_and_tell() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let key = signals(app, Some(&cast.ana)).await[0]["key"]
            .as_str()
            .unwrap()
            .to_owned();
        let ana = signed_in(app, "ana@example.org").await;
        let form_path = format!("/board/signals/{key}/contact?lang=fr");
        let form = Answer::from(ana.get(app.url(&form_path)).send().await.unwrap()).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(
            form.body.contains("Demander une mise en relation"),
            "{}",
            form.body
        );
        assert!(!form.body.contains("quiet"));
        let csrf = csrf_field(&form.body);
        let post = |message: &'static str| {
            ana.post(app.url(&form_path)).form(&[
                ("csrf", csrf.as_str()),
                ("org", "npm-watch"),
                ("message", message),
                ("contact", "+33 1 23 45 67 89"),
            ])
        };
        let refused = Answer::from(post("").send().await.unwrap()).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.contains("Ce champ est obligatoire."),
            "{}",
            refused.body
        );
        let sent = Answer::from(post("Coordonnons-nous.").send().await.unwrap()).await;
        assert_eq!(sent.status, 303, "{}", sent.body);

        let quinn = signed_in(app, "quinn@example.org").await;
        let list = Answer::from(
            quinn
                .get(app.url("/orgs/quiet/requests?lang=en"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(list.status, 200, "{}", list.body);
        assert!(
            list.body.contains("Coordonnons-nous.") && !list.body.contains("+33 1 23 45 67 89")
        );
        assert!(list.body.contains("Secret letter of quiet"));
        let id = app
            .store
            .received_contact_requests(&site(), cast.quiet)
            .unwrap()[0]
            .id;
        let csrf = csrf_field(&list.body);
        let answered = Answer::from(
            quinn
                .post(app.url(&format!("/orgs/quiet/requests/{id}/answer?lang=en")))
                .form(&[("csrf", csrf.as_str()), ("reply", "Call us on Monday.")])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(answered.status, 303, "{}", answered.body);
        let list = Answer::from(
            quinn
                .get(app.url("/orgs/quiet/requests?lang=en"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(
            list.body.contains("+33 1 23 45 67 89"),
            "shared once answered"
        );
        let board = Answer::from(ana.get(app.url("/board?lang=en")).send().await.unwrap()).await;
        assert!(
            board
                .body
                .contains("Answered by Quinn Admin (quinn@example.org), Organisation quiet:"),
            "{}",
            board.body
        );
        assert!(board.body.contains("Call us on Monday."));
        // Ana is no admin of quiet, which she cannot see.
        let hidden = Answer::from(
            ana.get(app.url("/orgs/quiet/requests"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(hidden.status, 404);
        // Quinn's default, from the page.
        let csrf = csrf_field(&list.body);
        let on = Answer::from(
            quinn
                .post(app.url("/orgs/quiet/signal-default?lang=en"))
                .form(&[("csrf", csrf.as_str()), ("on", "1")])
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(on.status, 303, "{}", on.body);
        assert!(app.store.signal_default(&site(), cast.quiet).unwrap());
    })
    .await;
}
