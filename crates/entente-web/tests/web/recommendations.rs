//! Recommendations over HTTP on each backend: the list and its filters, one
//! recommendation with its follow-up timeline (the latest event by date
//! gives the status), the forms in French with day-first dates, an error
//! summary with the values kept, linking an action (an unpushed
//! recommendation is shown as a gap), the JSON API, and hidden
//! recommendations answering as missing ones.

use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::recommendation::{Body, RecommendationDraft, RecommendationId, Theme};
use serde_json::json;

use crate::actions_api::{send, token};
use crate::app::TestApp;
use crate::fixture::{self, day};
use crate::orgs::{organisation, person};
use crate::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

struct World {
    watch: OrgId,
    eve: UserId,
    /// Public, SPT, on France.
    public: RecommendationId,
    /// Private to "quiet", on France.
    hidden: RecommendationId,
}

fn draft(owner: OrgId, text: &str, visibility: Visibility) -> RecommendationDraft {
    RecommendationDraft {
        state: "FRA".parse().unwrap(),
        body: Body::Spt,
        document_symbol: "CAT/OP/FRA/1".to_owned(),
        document_title: "Visit to France".to_owned(),
        document_url: None,
        document_date: Some(day("2021-06-01")),
        addressed_to: "Ministry of Justice".to_owned(),
        paragraph: "41".to_owned(),
        text: text.to_owned(),
        themes: vec![Theme::Safeguards],
        tags: vec!["custody".to_owned()],
        owner,
        visibility,
        shared_with: Vec::new(),
        demo: false,
    }
}

fn world(app: &TestApp) -> World {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana Pérez", watch, Role::Admin);
    let eve = person(app, "eve@example.org", "Eve Moreau", watch, Role::Editor);
    let admin = AccessScope::SiteAdmin(ana);
    let public = app
        .store
        .create_recommendation(
            &admin,
            &draft(
                watch,
                "Record every arrest in a register.",
                Visibility::Public,
            ),
        )
        .unwrap();
    let hidden = app
        .store
        .create_recommendation(
            &admin,
            &draft(
                quiet,
                "Confidential finding of the visit.",
                Visibility::Private,
            ),
        )
        .unwrap();
    World {
        watch,
        eve,
        public,
        hidden,
    }
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

#[tokio::test]
async fn the_list_shows_what_the_reader_may_see_filtered() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let page = app.get("/recommendations?lang=fr").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Record every arrest"), "{}", page.body);
        assert!(!page.body.contains("Confidential finding"));
        assert!(page.body.contains("Pas commencée"));
        let filtered = app.get("/recommendations?body=cat").await;
        assert!(!filtered.body.contains("Record every arrest"));
        let themed = app
            .get("/recommendations?theme=safeguards&tag=custody&state=FRA")
            .await;
        assert!(themed.body.contains("Record every arrest"));
        let bad = app.get("/recommendations?status=done").await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let hidden = app.get(&format!("/recommendations/{}", w.hidden)).await;
        let missing = app.get("/recommendations/987654").await;
        assert_eq!(hidden.status, 404);
        assert_eq!(missing.status, 404);
        assert!(!hidden.body.contains("Confidential finding"));
    })
    .await;
}

#[tokio::test]
async fn a_follow_up_sets_the_status_from_the_latest_event_through_the_french_form() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let browser = signed_in(app, "eve@example.org").await;
        let path = format!("/recommendations/{}", w.public);
        let page = send(browser.get(app.url(&format!("{path}?lang=fr")))).await;
        assert!(
            page.body.contains("c’est un manque dans le plan"),
            "an unpushed one is a gap"
        );
        let csrf = csrf_field(&page.body);
        let post = |date: &str, status: &str| {
            let form = [
                ("csrf", csrf.as_str()),
                ("date", date),
                ("kind", "state_reply"),
                ("status", status),
                ("note", "Reply to the SPT"),
                ("recorded_by", "npm-watch"),
            ];
            browser
                .post(app.url(&format!("{path}/follow-ups?lang=fr")))
                .form(&form)
        };
        assert_eq!(
            send(post("15/03/2024", "partly_implemented")).await.status,
            303
        );
        // Recorded later, dated earlier: the status stays.
        assert_eq!(send(post("01/02/2023", "in_progress")).await.status, 303);
        let page = send(browser.get(app.url(&format!("{path}?lang=fr")))).await;
        assert!(
            page.body.contains("Partiellement mise en œuvre"),
            "{}",
            page.body
        );
        assert!(page.body.contains("15 mars 2024"));
        // A bad date and a day in the future: the form comes back with its values.
        let refused = send(post("31/02/2024", "implemented")).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("error-summary"));
        assert!(refused.body.contains("value=\"31/02/2024\""));
        let future = send(post("01/01/2199", "implemented")).await;
        assert_eq!(future.status, 422);
        assert!(
            future
                .body
                .contains("Ce jour est postérieur à aujourd’hui."),
            "{}",
            future.body
        );
        let stored = app
            .store
            .recommendation(&AccessScope::SiteAdmin(w.eve), w.public)
            .unwrap()
            .unwrap();
        assert_eq!(stored.status.code(), "partly_implemented");
    })
    .await;
}

#[tokio::test]
async fn the_form_creates_a_private_recommendation_and_keeps_values_on_errors() {
    fixture::on_each_backend(async |app| {
        let _w = world(app);
        let browser = signed_in(app, "eve@example.org").await;
        let form = send(browser.get(app.url("/recommendations/new?lang=es"))).await;
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains("<option value=\"private\" selected>"),
            "private by default"
        );
        let csrf = csrf_field(&form.body);
        let bad = [
            ("csrf", csrf.as_str()),
            ("state", "FRA"),
            ("body", "cat"),
            ("document_symbol", ""),
            ("document_title", ""),
            ("document_date", "32/13/2020"),
            ("text", "Investigate every allegation."),
            ("owner", "npm-watch"),
            ("visibility", "private"),
            ("tags", "police, custody"),
        ];
        let refused = send(browser.post(app.url("/recommendations?lang=es")).form(&bad)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("error-summary"));
        assert!(
            refused.body.contains("href=\"#field-document_date\""),
            "{}",
            refused.body
        );
        assert!(refused.body.contains("Investigate every allegation."));
        assert!(refused.body.contains("value=\"police, custody\""));
        let mut good = bad.to_vec();
        good.retain(|(k, _)| *k != "document_date" && *k != "document_symbol");
        good.push(("document_date", "02/03/2020"));
        good.push(("document_symbol", "CAT/C/FRA/CO/8"));
        let created = send(
            browser
                .post(app.url("/recommendations?lang=es"))
                .form(&good),
        )
        .await;
        assert_eq!(created.status, 303, "{}", created.body);
        let location = created.headers["location"].to_str().unwrap().to_owned();
        let page = send(browser.get(app.url(&location))).await;
        assert!(page.body.contains("Comité contra la Tortura"));
        assert!(page.body.contains("2 de marzo de 2020"), "{}", page.body);
        let anonymous = app.get(&location).await;
        assert_eq!(anonymous.status, 404, "a new recommendation is private");
    })
    .await;
}

#[tokio::test]
async fn the_api_reads_writes_and_links_as_the_rules_say() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let key = token(app, w.eve, TokenScope::ReadWrite);
        let api = |method: reqwest::Method, path: &str| {
            app.browser()
                .request(method, app.url(path))
                .bearer_auth(&key)
        };
        let created = send(api(reqwest::Method::POST, "/api/v1/recommendations").json(&json!({
            "state": "FRA", "body": "upr", "owner": "npm-watch",
            "document": {"symbol": "A/HRC/54/5", "date": "2023-07-01"},
            "text": "Designate the NPM by law.", "themes": ["npm", "legal_framework"],
        })))
        .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let body = created.json();
        assert_eq!(body["visibility"], "private");
        assert_eq!(body["status"], "not_started");
        let id = body["id"].as_i64().unwrap();
        let refused = send(api(reqwest::Method::POST, "/api/v1/recommendations").json(&json!({
            "state": "FRA", "body": "ohchr", "owner": "npm-watch",
            "document": {}, "text": "", "themes": ["weather"],
        })))
        .await;
        assert_eq!(refused.status, 422);
        let fields: Vec<String> = refused.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, ["body", "themes"], "{}", refused.body);
        let event = send(api(reqwest::Method::POST, &format!("/api/v1/recommendations/{id}/follow-ups")).json(&json!({
            "date": "2024-05-02", "kind": "ngo_assessment", "status": "implemented", "recorded_by": "npm-watch",
        })))
        .await;
        assert_eq!(event.status, 201, "{}", event.body);
        let read = send(api(reqwest::Method::GET, &format!("/api/v1/recommendations/{id}"))).await;
        assert_eq!(read.json()["status"], "implemented");
        let action = app
            .store
            .create_action(
                &AccessScope::SiteAdmin(w.eve),
                &fixture::letter(w.watch, "Letter to the Senate", "FRA", Visibility::Public),
            )
            .unwrap();
        let linked = send(api(reqwest::Method::PUT, &format!("/api/v1/recommendations/{}/actions/{action}", w.public))).await;
        assert_eq!(linked.status, 204, "{}", linked.body);
        let actions = send(api(reqwest::Method::GET, &format!("/api/v1/recommendations/{}/actions", w.public))).await;
        assert_eq!(actions.json()[0]["title"], "Letter to the Senate");
        let related = send(api(reqwest::Method::PUT, &format!("/api/v1/recommendations/{}/related/{id}", w.public))).await;
        assert_eq!(related.status, 204);
        let public_related = send(app.browser().get(app.url(&format!("/api/v1/recommendations/{}/related", w.public)))).await;
        assert_eq!(public_related.json(), json!([]), "the private one stays hidden from the public");
        let hidden = send(api(reqwest::Method::GET, &format!("/api/v1/recommendations/{}", w.hidden))).await;
        assert_eq!(hidden.status, 404);
        let list = send(app.browser().get(app.url("/api/v1/recommendations?state=FRA&open=true"))).await;
        assert_eq!(list.json()["total"], 1, "{}", list.body);
        let deleted = send(api(reqwest::Method::DELETE, &format!("/api/v1/recommendations/{id}"))).await;
        assert_eq!(deleted.status, 204);
    })
    .await;
}
