//! Exports and calendar feeds over HTTP on each backend: only what the
//! reader may see, formulas guarded, the right content type and file name,
//! every export in the audit log; iCalendar feeds that parse, one event per
//! visible dated action with a stable UID, subscribed to with a token in
//! the address.

use entente_core::access::{AccessScope, Role, TokenScope, Visibility};
use entente_core::plan::ActionDraft;
use entente_store::{AuditAction, ContactDetails};

use super::actions_api::{alliance, draft, send, stored, token};
use super::app::TestApp;
use super::fixture::{self, day};
use super::orgs::{organisation, person};

/// Two organisations with a public, a private and an undated action, one
/// titled like a formula; a member of the private side, with tokens.
struct Plan {
    public_id: i64,
    private_id: i64,
    read: String,
}

fn plan(app: &TestApp) -> Plan {
    let open = organisation(app, "npm-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let member = person(app, "cy@example.org", "Cy Ode", quiet, Role::Viewer);
    let public_id = stored(app, &draft(open, "=HYPERLINK(\"http://evil.example\")"));
    let private_id = stored(
        app,
        &ActionDraft {
            visibility: Visibility::Private,
            ..draft(quiet, "Quiet preparations")
        },
    );
    stored(
        app,
        &ActionDraft {
            start: None,
            end: None,
            ..draft(open, "Someday maybe")
        },
    );
    Plan {
        public_id,
        private_id,
        read: token(app, member, TokenScope::Read),
    }
}

fn exports(app: &TestApp) -> usize {
    let log = app.store.audit_export_as_site_admin().unwrap();
    log.iter()
        .filter(|l| l.entry.action == AuditAction::Export)
        .count()
}

#[tokio::test]
async fn action_exports_hold_only_what_the_reader_sees_with_formulas_guarded() {
    fixture::on_each_backend(async |app| {
        let plan = plan(app);
        let csv = app.get("/api/v1/actions/export.csv").await;
        assert_eq!(csv.status, 200, "{}", csv.body);
        assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
        assert_eq!(
            csv.headers["content-disposition"],
            "attachment; filename=\"actions.csv\""
        );
        assert!(
            csv.body.starts_with('\u{feff}'),
            "a byte order mark for Excel"
        );
        assert!(
            csv.body
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""),
            "{}",
            csv.body
        );
        assert!(csv.body.contains("Someday maybe"));
        assert!(!csv.body.contains("Quiet"), "{}", csv.body);
        assert_eq!(csv.body.lines().count(), 3, "a header and two actions");
        assert!(csv.body.lines().next().unwrap().contains("title"));

        let client = reqwest::Client::new();
        let member = send(
            client
                .get(app.url("/api/v1/actions/export.csv"))
                .bearer_auth(&plan.read),
        )
        .await;
        assert!(
            member.body.contains("Quiet preparations"),
            "{}",
            member.body
        );
        assert!(
            member.body.contains(",quiet,"),
            "the lead by short name: {}",
            member.body
        );

        let response = client
            .get(app.url("/api/v1/actions/export.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        let bytes = response.bytes().await.unwrap();
        let sheet = entente_io::plan::read_sheet(&bytes, "actions.xlsx").unwrap();
        assert_eq!(sheet.rows.len(), 2);
        let cells: Vec<&String> = sheet.rows.iter().flat_map(|r| &r.cells).collect();
        // The reader takes off the guard the writer put on (the CSV above
        // shows it): the title comes back as it was.
        assert_eq!(cells[0], "=HYPERLINK(\"http://evil.example\")");
        assert!(!cells.iter().any(|c| c.contains("Quiet")));

        let json = app.get("/api/v1/actions/export.json").await;
        assert_eq!(json.headers["content-type"], "application/json");
        let records = json.json();
        assert_eq!(records.as_array().unwrap().len(), 2);
        assert_eq!(
            records[0]["title"], "=HYPERLINK(\"http://evil.example\")",
            "JSON is not guarded"
        );
        assert_eq!(records[0]["lead"], "npm-watch");

        let filtered = app
            .get("/api/v1/actions/export.json?status=idea")
            .await
            .json();
        assert_eq!(filtered.as_array().unwrap().len(), 0);
        let bad = app.get("/api/v1/actions/export.csv?state=XXX").await;
        assert_eq!(
            (bad.status, bad.json()["error"]["code"].as_str()),
            (422, Some("invalid_parameter"))
        );
        assert_eq!(exports(app), 5, "every export that was made is logged");
    })
    .await;
}

#[tokio::test]
async fn an_exported_csv_imports_back_unchanged() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        stored(
            app,
            &ActionDraft {
                description: "Line one\nline two, with a comma; and \"quotes\"".into(),
                budget: Some(entente_core::plan::Budget::parse("1500.50", "EUR").unwrap()),
                staff_days: Some(2.5),
                ..draft(org, "-5 ideas for the NPM")
            },
        );
        let csv = app.get("/api/v1/actions/export.csv").await;
        let sheet = entente_io::plan::read_sheet(csv.body.as_bytes(), "actions.csv").unwrap();
        let mapping = entente_io::plan::resolve_headers(
            entente_io::plan::RecordKind::Actions,
            &sheet.headers,
            &Default::default(),
            &[],
        )
        .unwrap();
        let states = app.store.states().unwrap();
        let records = entente_io::plan::read_actions(&sheet, &mapping, &states).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].title, "-5 ideas for the NPM");
        assert_eq!(
            records[0].description,
            "Line one\nline two, with a comma; and \"quotes\""
        );
        assert_eq!(records[0].budget.unwrap().amount_text(), "1500.50");
        assert_eq!(records[0].lead.as_deref(), Some("npm-watch"));
    })
    .await;
}

#[tokio::test]
async fn directory_and_contact_exports_hold_only_what_the_reader_sees() {
    fixture::on_each_backend(async |app| {
        let open = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "quiet", Visibility::Private);
        let admin = person(app, "ana@example.org", "Ana Pérez", open, Role::Admin);
        let orgs = app.get("/api/v1/orgs/export.csv").await;
        assert_eq!(orgs.status, 200);
        assert_eq!(
            orgs.headers["content-disposition"],
            "attachment; filename=\"organisations.csv\""
        );
        assert!(
            orgs.body.contains("npm-watch") && !orgs.body.contains("quiet"),
            "{}",
            orgs.body
        );
        let json = app.get("/api/v1/orgs/export.json").await.json();
        assert_eq!(json.as_array().unwrap().len(), 1);

        let scope = AccessScope::SiteAdmin(admin);
        let details = ContactDetails {
            name: "@Dana Roe".into(),
            role: "Director".into(),
            email: Some("dana@example.org".into()),
            phone: None,
            languages: vec!["fr".into()],
            consent: true,
            notes: String::new(),
            visibility: Visibility::Private,
            shared_with: Vec::new(),
        };
        app.store.create_contact(&scope, open, &details).unwrap();
        let anonymous = app.get("/api/v1/orgs/npm-watch/contacts/export.csv").await;
        assert_eq!(anonymous.status, 200);
        assert!(
            !anonymous.body.contains("Dana"),
            "personal data is never public"
        );
        let read = token(app, admin, TokenScope::Read);
        let client = reqwest::Client::new();
        let own = send(
            client
                .get(app.url("/api/v1/orgs/npm-watch/contacts/export.csv"))
                .bearer_auth(&read),
        )
        .await;
        assert!(own.body.contains("'@Dana Roe"), "guarded: {}", own.body);
        assert!(own.body.contains("dana@example.org"));
        let hidden = app.get("/api/v1/orgs/quiet/contacts/export.csv").await;
        let missing = app.get("/api/v1/orgs/nosuch/contacts/export.csv").await;
        assert_eq!(
            (hidden.status, hidden.body.replace("quiet", "nosuch")),
            (404, missing.body)
        );
    })
    .await;
}

/// The UIDs of a feed's events, in order.
fn uids(feed: &str) -> Vec<String> {
    feed.lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|u| u.trim().to_owned())
        .collect()
}

fn check_calendar(feed: &str) {
    assert!(feed.starts_with("BEGIN:VCALENDAR\r\n"), "{feed}");
    assert!(feed.trim_end().ends_with("END:VCALENDAR"), "{feed}");
    assert_eq!(
        feed.matches("BEGIN:VEVENT").count(),
        feed.matches("END:VEVENT").count()
    );
}

#[tokio::test]
async fn calendar_feeds_show_what_their_token_may_see() {
    fixture::on_each_backend(async |app| {
        let plan = plan(app);
        let feed = app.get("/api/v1/calendar/states/FRA.ics").await;
        assert_eq!(feed.status, 200, "{}", feed.body);
        assert_eq!(feed.headers["content-type"], "text/calendar; charset=utf-8");
        check_calendar(&feed.body);
        assert_eq!(
            uids(&feed.body),
            [format!("action-{}@entente", plan.public_id)],
            "the undated one is left out"
        );
        let again = app.get("/api/v1/calendar/states/fra.ics").await;
        assert_eq!(uids(&again.body), uids(&feed.body), "UIDs are stable");

        let subscribed = app
            .get(&format!(
                "/api/v1/calendar/states/FRA.ics?token={}",
                plan.read
            ))
            .await;
        assert_eq!(subscribed.status, 200);
        let mut seen = uids(&subscribed.body);
        seen.sort();
        let mut expected = [plan.public_id, plan.private_id]
            .map(|id| format!("action-{id}@entente"))
            .to_vec();
        expected.sort();
        assert_eq!(seen, expected);
        assert!(subscribed.body.contains("SUMMARY:Quiet preparations"));

        let org = app
            .get(&format!(
                "/api/v1/calendar/orgs/quiet.ics?token={}",
                plan.read
            ))
            .await;
        assert_eq!(
            uids(&org.body),
            [format!("action-{}@entente", plan.private_id)]
        );
        let hidden = app.get("/api/v1/calendar/orgs/quiet.ics").await;
        let missing = app.get("/api/v1/calendar/orgs/nosuch.ics").await;
        assert_eq!(
            (hidden.status, hidden.body.replace("quiet", "nosuch")),
            (404, missing.body)
        );
        let bad = app
            .get("/api/v1/calendar/states/FRA.ics?token=ent_not_a_real_token")
            .await;
        assert_eq!(
            (bad.status, bad.json()["error"]["code"].as_str()),
            (401, Some("invalid_token"))
        );
        let unknown = app.get("/api/v1/calendar/states/XXX.ics").await;
        assert_eq!(
            (unknown.status, unknown.json()["error"]["code"].as_str()),
            (404, Some("state_not_found"))
        );
        let no_suffix = app.get("/api/v1/calendar/states/FRA").await;
        assert_eq!(no_suffix.status, 404);
    })
    .await;
}

#[tokio::test]
async fn alliance_feeds_show_the_actions_shared_with_them() {
    fixture::on_each_backend(async |app| {
        let a = organisation(app, "npm-watch", Visibility::Public);
        let b = organisation(app, "friends", Visibility::Public);
        let coalition = alliance(app, a, "OPCAT now", &[b]);
        let member = person(app, "bo@example.org", "Bo Lund", b, Role::Viewer);
        let shared = stored(
            app,
            &ActionDraft {
                visibility: Visibility::Alliance,
                shared_with: vec![coalition],
                due: Some(day("2026-04-15")),
                ..draft(a, "Joint letter")
            },
        );
        stored(app, &draft(a, "Not shared"));
        let read = token(app, member, TokenScope::Read);
        let path = format!(
            "/api/v1/calendar/alliances/{}.ics?token={read}",
            coalition.0
        );
        let feed = app.get(&path).await;
        assert_eq!(feed.status, 200, "{}", feed.body);
        check_calendar(&feed.body);
        assert_eq!(uids(&feed.body), [format!("action-{shared}@entente")]);
        assert!(
            feed.body.contains("DTSTART;VALUE=DATE:20260301"),
            "{}",
            feed.body
        );
        assert!(
            feed.body.contains("DTEND;VALUE=DATE:20260401"),
            "the day after the end: {}",
            feed.body
        );
        let anonymous = app
            .get(&format!("/api/v1/calendar/alliances/{}.ics", coalition.0))
            .await;
        assert_eq!(
            (anonymous.status, anonymous.json()["error"]["code"].as_str()),
            (404, Some("alliance_not_found"))
        );
    })
    .await;
}
