//! Implementation facts and SPT visit records over HTTP on each backend:
//! the state's facts side by side with the disagreement visible and a gap
//! said as a gap; visit records created, read, changed and deleted through
//! the API, bad fields refused naming the field, hidden records answering
//! exactly like missing ones, the follow-up overdue after six months with no
//! reply; the state page's section in three languages.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{Role, TokenScope, UserId, Visibility};
use entente_core::implementation::{
    Art17Listing, NpmFacts, NpmStatement, PartialDate, PublishedReport, ReportPublished,
    SptVisitFact,
};
use serde_json::json;

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

fn token(app: &TestApp, user: UserId) -> String {
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(
            user,
            "script",
            &token.hash(),
            TokenScope::ReadWrite,
            Utc::now().naive_utc(),
        )
        .unwrap();
    token.as_str().to_owned()
}

fn statement(state: &str, name: &str, date: Option<&str>, org: &str) -> NpmStatement {
    NpmStatement {
        state: state.parse().unwrap(),
        npm_name: name.into(),
        npm_type: "Ombuds Institution".into(),
        npm_type_group: String::new(),
        designation_text: date.map(|d| format!("{d} (law)")).unwrap_or_default(),
        designation: date.map(|d| PartialDate::parse(d).unwrap()),
        designation_note: date.map(|_| "read from the start of the source's text".into()),
        legal_basis: "Law 2(III)/2009".into(),
        ratification_date: None,
        source_url: format!("https://{org}.example/{state}"),
        source_org: org.into(),
        source_as_of: "undated page".into(),
        notes: String::new(),
        is_primary: org == "APT",
    }
}

/// France: two sources disagreeing on the date; Mexico: a source naming no NPM.
fn facts() -> NpmFacts {
    NpmFacts {
        statements: vec![
            statement("FRA", "Commissioner (Ombudsman)", Some("2009-03-27"), "APT"),
            statement("FRA", "Commissioner", Some("2009-07-28"), "OHCHR"),
            statement("MEX", "NO NPM", None, "APT"),
        ],
        visits: vec![SptVisitFact {
            state: "FRA".parse().unwrap(),
            start: Some(PartialDate::parse("2016-05").unwrap()),
            end: Some(PartialDate::parse("2016-09").unwrap()),
            year: Some(2016),
            visit_type: "second visit (suspended, resumed)".into(),
            report_published: ReportPublished::Yes,
            report_published_detail: "yes (report to NPM only)".into(),
            source_url: "https://apt.example/visits".into(),
            notes: String::new(),
        }],
        art17: vec![Art17Listing {
            state: "MEX".parse().unwrap(),
            as_of: "snapshot after June 2016 and before Feb 2019".into(),
            source_url: "https://ohchr.example/art17".into(),
            later_status_note: "still no NPM".into(),
        }],
        published_reports: vec![PublishedReport {
            state: "FRA".parse().unwrap(),
            name_in_source: "France".into(),
            year_as_listed: "2013 and 2019".into(),
            category: "State party published SPT visit report".into(),
            source_url: "https://ohchr.example/fund".into(),
            as_of: "2023 call".into(),
        }],
    }
}

struct Cast {
    editor: String,
    outsider: String,
}

fn cast(app: &TestApp) -> Cast {
    app.store.load_npm_facts(&facts()).unwrap();
    let owner = organisation(app, "spt-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let editor = person(app, "ed@example.org", "Ed Ito", owner, Role::Editor);
    let outsider = person(app, "cy@example.org", "Cy Ode", quiet, Role::Admin);
    Cast {
        editor: token(app, editor),
        outsider: token(app, outsider),
    }
}

fn visit(visibility: &str) -> serde_json::Value {
    json!({
        "state": "FRA", "owner": "spt-watch", "visibility": visibility,
        "visit_type": "regular", "start": "2024-05-06", "end": "2024-05-15",
        "report_sent_on": "2024-09-30", "report_published": "no",
        "notes": "Confidential report",
    })
}

async fn post(app: &TestApp, token: &str, body: &serde_json::Value) -> Answer {
    send(
        reqwest::Client::new()
            .post(app.url("/api/v1/spt-visits"))
            .bearer_auth(token)
            .json(body),
    )
    .await
}

async fn get(app: &TestApp, token: &str, path: &str) -> Answer {
    send(reqwest::Client::new().get(app.url(path)).bearer_auth(token)).await
}

#[tokio::test]
async fn the_facts_of_a_state_stand_side_by_side_with_their_disagreement() {
    fixture::on_each_backend(async |app| {
        app.store.load_npm_facts(&facts()).unwrap();
        // A second load changes nothing.
        assert!(
            app.store
                .load_npm_facts(&facts())
                .unwrap()
                .changed_nothing()
        );
        let answer = app.get("/api/v1/states/FRA/implementation").await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        let body = answer.json();
        assert_eq!(body["statements"].as_array().unwrap().len(), 2);
        assert_eq!(body["statements"][0]["designation_date"], "2009-03-27");
        assert_eq!(body["statements"][0]["source_org"], "APT");
        assert_eq!(body["disagreements"][0]["field"], "designation_date");
        assert_eq!(body["no_npm_named"], false);
        assert_eq!(body["spt_visits"][0]["start"], "2016-05");
        assert_eq!(
            body["published_reports"][0]["year_as_listed"],
            "2013 and 2019"
        );

        let mexico = app.get("/api/v1/states/MEX/implementation").await.json();
        assert_eq!(mexico["no_npm_named"], true, "a gap, not a guess");
        assert_eq!(mexico["art17"]["later_status_note"], "still no NPM");
        assert_eq!(
            app.get("/api/v1/states/XXX/implementation").await.status,
            404
        );

        let page = app.get_in("/states/FRA", "fr").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Les sources divergent"), "{}", page.body);
        assert!(page.body.contains("la date de désignation"));
        assert!(page.body.contains("https://OHCHR.example/FRA"));
        let page = app.get_in("/states/MEX", "es").await;
        assert!(page.body.contains("Vacío"), "{}", page.body);
        assert!(page.body.contains("Una instantánea antigua"));
        let page = app.get_in("/states/FRA", "en").await;
        assert!(page.body.contains("Sources disagree"));
        assert!(page.body.contains("May 2016"), "month precision kept");
    })
    .await;
}

#[tokio::test]
async fn visit_records_go_through_the_api_and_hidden_answers_like_missing() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let created = post(app, &cast.editor, &visit("private")).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        let path = format!("/api/v1/spt-visits/{id}");
        let read = get(app, &cast.editor, &format!("{path}?as_of=2025-04-15")).await;
        assert_eq!(read.status, 200, "{}", read.body);
        let follow = &read.json()["follow_up"];
        assert_eq!(follow["status"], "overdue");
        assert_eq!(follow["due"], "2025-03-30");
        assert_eq!(follow["days_late"], 16);
        let before = get(app, &cast.editor, &format!("{path}?as_of=2025-03-30")).await;
        assert_eq!(before.json()["follow_up"]["status"], "awaiting");

        // The overdue reply is a coordination deadline for those who see the record.
        let deadlines = get(
            app,
            &cast.editor,
            "/api/v1/coordination/deadlines?as_of=2025-04-15&state=FRA",
        )
        .await;
        assert_eq!(deadlines.status, 200, "{}", deadlines.body);
        assert!(
            deadlines.body.contains("\"spt_reply_due\""),
            "{}",
            deadlines.body
        );
        assert!(deadlines.body.contains("2025-03-30"), "{}", deadlines.body);
        let public_deadlines = app
            .get("/api/v1/coordination/deadlines?as_of=2025-04-15&state=FRA")
            .await;
        assert!(
            !public_deadlines.body.contains("spt_reply_due"),
            "a private record's deadline stays private"
        );

        // Hidden answers exactly like missing, to an outsider and the public.
        let hidden = get(app, &cast.outsider, &path).await;
        let missing = get(app, &cast.outsider, "/api/v1/spt-visits/999999").await;
        assert_eq!(hidden.status, 404);
        assert_eq!(
            hidden
                .body
                .replace(&format!("spt-visits/{id}"), "spt-visits/N"),
            missing.body.replace("spt-visits/999999", "spt-visits/N")
        );
        let public = app.get("/api/v1/states/FRA/implementation").await.json();
        assert!(public["visit_records"].as_array().unwrap().is_empty());
        let refused = send(
            reqwest::Client::new()
                .delete(app.url(&path))
                .bearer_auth(&cast.outsider),
        )
        .await;
        assert_eq!(refused.status, 404);

        // The reply recorded, made public: the public sees it, replied.
        let mut changed = visit("public");
        changed["reply_received_on"] = json!("2025-02-01");
        let put = send(
            reqwest::Client::new()
                .put(app.url(&path))
                .bearer_auth(&cast.editor)
                .json(&changed),
        )
        .await;
        assert_eq!(put.status, 200, "{}", put.body);
        let public = app.get("/api/v1/states/FRA/implementation").await.json();
        assert_eq!(public["visit_records"][0]["follow_up"]["status"], "replied");
        // The shipped fact of a visit and a member's record are both shown.
        assert_eq!(public["spt_visits"].as_array().unwrap().len(), 1);

        // Every broken rule at once, nothing written.
        let mut bad = visit("public");
        bad["visit_type"] = json!("surprise");
        bad["end"] = json!("2024-05-01");
        bad["report_url"] = json!("javascript:alert(1)");
        bad["reply_received_on"] = json!("31/02/2025");
        let refused = post(app, &cast.editor, &bad).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let fields: Vec<String> = refused.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        for field in ["visit_type", "reply_received_on"] {
            assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
        }
        let listed = get(app, &cast.editor, "/api/v1/spt-visits?state=FRA").await;
        assert_eq!(
            listed.json().as_array().unwrap().len(),
            1,
            "nothing half-written"
        );

        let deleted = send(
            reqwest::Client::new()
                .delete(app.url(&path))
                .bearer_auth(&cast.editor),
        )
        .await;
        assert_eq!(deleted.status, 204);
        assert_eq!(get(app, &cast.editor, &path).await.status, 404);
    })
    .await;
}
