//! Notifications over HTTP on each backend: the list of what concerns a
//! user's organisations (once each, only from what the user may read, with
//! read marks), the digest preferences in the API and on the account page,
//! and the iCalendar feed of deadlines with the deadlines API's filters.

use chrono::{Days, NaiveDate, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, Role, TokenScope, UserId, Visibility};
use entente_core::plan::ActionDraft;
use serde_json::{Value, json};

use super::account::send;
use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

/// A browser signed in as `email` (made by `orgs::person`).
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

struct Planted {
    /// Ana, admin of the public npm-watch: read-write and read tokens.
    ana: String,
    ana_read: String,
    /// Vi, viewer of the private quiet.
    vi: String,
    /// When the report on Mexico falls due: in 16 days, within the
    /// window a look tells of.
    report_due: NaiveDate,
}

fn token(app: &TestApp, user: UserId, scope: TokenScope) -> String {
    let token = Secret::generate_api_token();
    let now = Utc::now().naive_utc();
    app.store
        .create_api_token(user, "test", &token.hash(), scope, now)
        .unwrap();
    token.as_str().to_owned()
}

/// npm-watch and rights-now (public) and quiet (private), with letters on
/// France that overlap, and reports on Mexico due in 16 and 21 days.
fn plant(app: &TestApp) -> Planted {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let rights = organisation(app, "rights-now", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana", watch, Role::Admin);
    let vi = person(app, "vi@example.org", "Vi", quiet, Role::Viewer);
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    let store = |draft: ActionDraft| app.store.create_action(&site, &draft).unwrap();
    store(fixture::letter(
        watch,
        "Letter of npm-watch",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        rights,
        "Letter of rights-now",
        "FRA",
        Visibility::Public,
    ));
    store(fixture::letter(
        quiet,
        "Secret letter of quiet",
        "FRA",
        Visibility::Private,
    ));
    let mut due = fixture::letter(watch, "Report on Mexico", "MEX", Visibility::Public);
    let today = Utc::now().date_naive();
    let report_due = today + Days::new(16);
    due.due = Some(report_due);
    store(due);
    let mut hidden = fixture::letter(quiet, "Secret report on Mexico", "MEX", Visibility::Private);
    hidden.due = Some(today + Days::new(21));
    store(hidden);
    Planted {
        ana: token(app, ana, TokenScope::ReadWrite),
        ana_read: token(app, ana, TokenScope::Read),
        vi: token(app, vi, TokenScope::Read),
        report_due,
    }
}

/// What the job worker does before the lists are read: gathers the
/// findings of every member due for it.
fn gather(app: &TestApp) -> usize {
    let now = chrono::Utc::now().naive_utc();
    let due = app.store.users_to_refresh(now.date()).unwrap();
    due.into_iter()
        .filter(|user| {
            app.store
                .refresh_if_due(*user, now.date(), now)
                .unwrap()
                .is_some()
        })
        .count()
}

async fn api(
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
    send(request).await
}

async fn list(app: &TestApp, path: &str, bearer: &str) -> Value {
    let answer = api(app, reqwest::Method::GET, path, Some(bearer), None).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.json()
}

fn keys(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["key"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_list_holds_what_concerns_the_user_once_and_only_what_they_may_read() {
    fixture::on_each_backend(async |app| {
        let planted = plant(app);
        // Reading gathers nothing: the worker does, and the list says when.
        let before = list(app, "/api/v1/notifications", &planted.ana).await;
        assert_eq!(before["items"].as_array().unwrap().len(), 0, "{before}");
        assert!(before["gathered_at"].is_null(), "{before}");
        assert_eq!(gather(app), 2, "Ana and Vi are members");
        assert_eq!(gather(app), 0, "nothing changed since");
        let first = list(app, "/api/v1/notifications", &planted.ana).await;
        assert!(first["gathered_at"].as_str().is_some(), "{first}");
        let items = first["items"].as_array().unwrap();
        let kinds: Vec<&str> = items.iter().map(|n| n["kind"].as_str().unwrap()).collect();
        assert!(
            kinds.contains(&"overlap") && kinds.contains(&"gap") && kinds.contains(&"deadline"),
            "{first}"
        );
        assert!(!first.to_string().contains("Secret"), "{first}");
        let overlap = items.iter().find(|n| n["kind"] == "overlap").unwrap();
        let titles: Vec<&str> = overlap["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Letter of npm-watch", "Letter of rights-now"]);
        assert!(
            items.iter().any(|n| n["key"]
                .as_str()
                .unwrap()
                .starts_with("deadline:MEX:action_due:")
                && n["actions"][0]["title"] == "Report on Mexico"),
            "{first}"
        );
        assert!(
            items
                .iter()
                .all(|n| n["read_at"].is_null() && n["mailed_at"].is_null())
        );
        assert_eq!(first["unread"], items.len());

        // Gathered again after a change: the same findings, not new ones.
        let site = AccessScope::SiteAdmin(UserId::NOBODY);
        let watch = app
            .store
            .organisation_by_short_name(&site, "npm-watch")
            .unwrap()
            .unwrap();
        let elsewhere = fixture::letter(
            watch.id,
            "Second letter on Mexico",
            "MEX",
            Visibility::Public,
        );
        app.store.create_action(&site, &elsewhere).unwrap();
        assert_eq!(gather(app), 2, "a change makes every member due");
        let again = list(app, "/api/v1/notifications", &planted.ana).await;
        assert_eq!(keys(&again), keys(&first));

        // Read marks: one, then the rest; a read-only token may not mark.
        let id = overlap["id"].as_i64().unwrap();
        let body = json!({ "ids": [id] });
        let refused = api(
            app,
            reqwest::Method::POST,
            "/api/v1/notifications/read",
            Some(&planted.ana_read),
            Some(body.clone()),
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let marked = api(
            app,
            reqwest::Method::POST,
            "/api/v1/notifications/read",
            Some(&planted.ana),
            Some(body),
        )
        .await;
        assert_eq!(marked.json()["marked"], 1, "{}", marked.body);
        let unread = list(app, "/api/v1/notifications?unread=true", &planted.ana).await;
        assert_eq!(unread["unread"], items.len() - 1);
        assert!(!keys(&unread).contains(&overlap["key"].as_str().unwrap().to_owned()));
        // Vi's marks do not reach Ana's list.
        let vi = list(app, "/api/v1/notifications", &planted.vi).await;
        assert!(vi.to_string().contains("Secret letter of quiet"), "{vi}");
        let all = api(
            app,
            reqwest::Method::POST,
            "/api/v1/notifications/read",
            Some(&planted.ana),
            Some(json!({})),
        )
        .await;
        assert_eq!(all.json()["marked"], items.len() - 1);
        assert_eq!(
            list(app, "/api/v1/notifications", &planted.ana).await["unread"],
            0
        );

        let anonymous = api(
            app,
            reqwest::Method::GET,
            "/api/v1/notifications",
            None,
            None,
        )
        .await;
        assert_eq!(anonymous.status, 401);
        assert_eq!(anonymous.json()["error"]["code"], "unauthenticated");
    })
    .await;
}

#[tokio::test]
async fn preferences_are_chosen_through_the_api_and_the_account_page() {
    fixture::on_each_backend(async |app| {
        let planted = plant(app);
        let path = "/api/v1/me/notifications";
        let default = list(app, path, &planted.ana).await;
        assert_eq!(default, json!({ "digest": "off", "language": "en" }));
        let put = |body: Value| {
            api(
                app,
                reqwest::Method::PUT,
                path,
                Some(&planted.ana),
                Some(body),
            )
        };
        let saved = put(json!({ "digest": "weekly", "language": "fr" })).await;
        assert_eq!(saved.status, 200, "{}", saved.body);
        assert_eq!(
            list(app, path, &planted.ana).await,
            json!({ "digest": "weekly", "language": "fr" })
        );
        for (body, field) in [
            (json!({ "digest": "hourly", "language": "fr" }), "digest"),
            (json!({ "digest": "daily", "language": "de" }), "language"),
        ] {
            let refused = put(body).await;
            assert_eq!(refused.status, 422, "{}", refused.body);
            assert_eq!(refused.json()["error"]["code"], "invalid_field");
            assert!(refused.body.contains(field), "{}", refused.body);
        }
        assert_eq!(list(app, path, &planted.ana).await["digest"], "weekly");

        // The account page, in French, for a user who never chose.
        let browser = signed_in(app, "vi@example.org").await;
        let page = send(browser.get(app.url("/account/notifications?lang=fr"))).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Récapitulatif par courriel"));
        assert!(
            page.body
                .contains(r#"id="digest-off" name="digest" value="off" checked"#),
            "{}",
            page.body
        );
        assert!(
            page.body.contains(r#"<option value="fr" selected>"#),
            "{}",
            page.body
        );
        let csrf = csrf_field(&page.body);
        let form = [
            ("csrf", csrf.as_str()),
            ("digest", "daily"),
            ("language", "es"),
        ];
        let posted = send(
            browser
                .post(app.url("/account/notifications?lang=fr"))
                .form(&form),
        )
        .await;
        assert_eq!(posted.status, 303, "{}", posted.body);
        let back = send(browser.get(app.url(posted.headers["location"].to_str().unwrap()))).await;
        assert!(
            back.body.contains("Vos réglages sont enregistrés"),
            "{}",
            back.body
        );
        assert_eq!(
            list(app, path, &planted.vi).await,
            json!({ "digest": "daily", "language": "es" })
        );
        let forged = [("csrf", "forged"), ("digest", "off"), ("language", "en")];
        let refused = send(
            browser
                .post(app.url("/account/notifications"))
                .form(&forged),
        )
        .await;
        assert_eq!(refused.status, 403);
        let anonymous = send(app.browser().get(app.url("/account/notifications"))).await;
        assert_eq!(anonymous.status, 303);
    })
    .await;
}

#[tokio::test]
async fn the_notifications_page_lists_and_marks_read() {
    fixture::on_each_backend(async |app| {
        plant(app);
        let browser = signed_in(app, "ana@example.org").await;
        let waiting = send(browser.get(app.url("/notifications?lang=fr"))).await;
        assert!(
            waiting
                .body
                .contains("Vos constats n’ont pas encore été rassemblés\u{a0}:"),
            "{}",
            waiting.body
        );
        gather(app);
        let page = send(browser.get(app.url("/notifications?lang=fr"))).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(
            page.body.contains("Derniers constats rassemblés le "),
            "{}",
            page.body
        );
        assert!(page.body.contains("<h1>Notifications</h1>"));
        assert!(page.body.contains("Chevauchement"), "{}", page.body);
        assert!(page.body.contains("Letter of rights-now"));
        assert!(page.body.contains("Non lue"));
        assert!(!page.body.contains("Secret"));
        assert!(page.body.contains("/api/v1/calendar/deadlines.ics?lang=fr"));
        let csrf = csrf_field(&page.body);
        let all = send(
            browser
                .post(app.url("/notifications/read?lang=fr"))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(all.status, 303, "{}", all.body);
        let unread = send(browser.get(app.url("/notifications?lang=fr&show=unread"))).await;
        assert!(
            unread.body.contains("Rien pour l’instant"),
            "{}",
            unread.body
        );
        let anonymous = send(app.browser().get(app.url("/notifications"))).await;
        assert_eq!(anonymous.status, 303);
        assert!(
            anonymous.headers["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
    })
    .await;
}

fn events(feed: &str) -> Vec<String> {
    feed.split("BEGIN:VEVENT")
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_deadline_feed_takes_the_filters_and_the_readers_token() {
    fixture::on_each_backend(async |app| {
        let planted = plant(app);
        let get = async |path: &str| api(app, reqwest::Method::GET, path, None, None).await;
        let public = get("/api/v1/calendar/deadlines.ics?as_of=2026-11-01").await;
        assert_eq!(public.status, 200, "{}", public.body);
        assert!(
            public.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        assert!(public.body.starts_with("BEGIN:VCALENDAR"));
        assert!(public.body.contains("Report on Mexico"), "{}", public.body);
        assert!(!public.body.contains("Secret"), "{}", public.body);
        let report_start = format!("DTSTART;VALUE=DATE:{}", planted.report_due.format("%Y%m%d"));
        assert!(public.body.contains(&report_start), "{}", public.body);
        let mexico_npm = events(&public.body)
            .into_iter()
            .filter(|e| e.contains("UID:deadline-MEX-npm-due"))
            .count();
        assert_eq!(mexico_npm, 1, "{}", public.body);

        let token = format!(
            "/api/v1/calendar/deadlines.ics?as_of=2026-11-01&token={}",
            planted.vi
        );
        let member = get(&token).await;
        assert!(
            member.body.contains("Secret report on Mexico"),
            "{}",
            member.body
        );

        let france = get("/api/v1/calendar/deadlines.ics?as_of=2026-11-01&state=FRA").await;
        assert!(!france.body.contains("MEX"), "{}", france.body);
        let of_watch = get("/api/v1/calendar/deadlines.ics?as_of=2026-11-01&org=npm-watch").await;
        assert!(
            of_watch.body.contains("Report on Mexico"),
            "{}",
            of_watch.body
        );
        let french = get("/api/v1/calendar/deadlines.ics?as_of=2026-11-01&lang=fr").await;
        assert!(french.body.contains("Mexique"), "{}", french.body);

        let hidden = get("/api/v1/calendar/deadlines.ics?org=quiet").await;
        assert_eq!(hidden.status, 404, "{}", hidden.body);
        assert_eq!(hidden.json()["error"]["code"], "org_not_found");
        let bad = get("/api/v1/calendar/deadlines.ics?lang=de").await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let wrong = get("/api/v1/calendar/deadlines.ics?token=ent_nonsense").await;
        assert_eq!(wrong.status, 401, "{}", wrong.body);
    })
    .await;
}
