//! NPM monitoring over HTTP on each backend: profiles and assessments
//! created, read, changed and deleted through the API; bad fields refused
//! naming the field; the comparison by viewpoint with disagreements; the
//! public portal's stage moved by public records only (a private
//! assessment never changes a public stage), as of each day; and the NPM
//! page and its forms in three languages.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{Role, TokenScope, UserId, Visibility};
use serde_json::json;

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

/// The password `orgs::person` gives everyone.
const PASSWORD: &str = "a long enough passphrase 7";

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

struct Cast {
    editor: String,
    outsider: String,
}

fn cast(app: &TestApp) -> Cast {
    let owner = organisation(app, "npm-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let editor = person(app, "ed@example.org", "Ed Ito", owner, Role::Editor);
    let outsider = person(app, "cy@example.org", "Cy Ode", quiet, Role::Admin);
    Cast {
        editor: token(app, editor),
        outsider: token(app, outsider),
    }
}

fn profile(visibility: &str) -> serde_json::Value {
    json!({
        "state": "FRA", "owner": "npm-watch", "visibility": visibility,
        "model": "specialised_body",
        "bodies": [{"name": "Contrôleur général", "role": "NPM"}],
        "legal_basis": "Loi n° 2007-1545",
        "designation_date": "2008-06-13", "operation_start": "2010-01-01",
        "website": "https://www.cglpl.fr", "staff": 31,
        "budget_amount": "5 100 000", "budget_currency": "EUR",
        "annual_reports": [{"year": 2010, "url": "https://www.cglpl.fr/2010", "title": "Rapport 2010"}],
    })
}

fn assessment(viewpoint: &str, date: &str, rating: &str, visibility: &str) -> serde_json::Value {
    let ratings: Vec<serde_json::Value> = [
        "functional_independence",
        "expertise_and_diversity",
        "resources",
        "paris_principles",
        "mandate_all_places",
        "access",
        "free_choice",
        "recommendations_and_dialogue",
        "annual_reports_published",
        "contact_with_spt",
    ]
    .iter()
    .map(|c| json!({"criterion": c, "rating": rating, "evidence": format!("{viewpoint} on {c}")}))
    .collect();
    json!({
        "state": "FRA", "owner": "npm-watch", "visibility": visibility,
        "viewpoint": viewpoint, "assessor": format!("{viewpoint} assessor"),
        "date": date, "source": "Report", "ratings": ratings,
    })
}

async fn post(app: &TestApp, token: &str, path: &str, body: &serde_json::Value) -> Answer {
    send(
        reqwest::Client::new()
            .post(app.url(path))
            .bearer_auth(token)
            .json(body),
    )
    .await
}

async fn stage(app: &TestApp, as_of: &str) -> String {
    let answer = app.get(&format!("/api/v1/states/FRA?as_of={as_of}")).await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer.json()["opcat"]["stage"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn profiles_and_assessments_go_through_the_api_and_refuse_bad_fields() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let created = post(
            app,
            &cast.editor,
            "/api/v1/npm-profiles",
            &profile("private"),
        )
        .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["id"].as_i64().unwrap();
        assert_eq!(created.json()["budget_amount"], "5100000.00");
        let path = format!("/api/v1/npm-profiles/{id}");
        let read = send(
            reqwest::Client::new()
                .get(app.url(&path))
                .bearer_auth(&cast.editor),
        )
        .await;
        assert_eq!(read.json()["bodies"][0]["name"], "Contrôleur général");
        // Hidden answers exactly like missing.
        let hidden = send(
            reqwest::Client::new()
                .get(app.url(&path))
                .bearer_auth(&cast.outsider),
        )
        .await;
        let missing_path = "/api/v1/npm-profiles/999999";
        let missing = send(
            reqwest::Client::new()
                .get(app.url(missing_path))
                .bearer_auth(&cast.outsider),
        )
        .await;
        assert_eq!(hidden.status, 404);
        assert_eq!(
            hidden
                .body
                .replace(&format!("/npm-profiles/{id}"), "/npm-profiles/N"),
            missing
                .body
                .replace("/npm-profiles/999999", "/npm-profiles/N")
        );
        // A change, then a refusal naming every field.
        let mut changed = profile("public");
        changed["staff"] = json!(40);
        let put = send(
            reqwest::Client::new()
                .put(app.url(&path))
                .bearer_auth(&cast.editor)
                .json(&changed),
        )
        .await;
        assert_eq!(put.status, 200, "{}", put.body);
        assert_eq!(put.json()["staff"], 40);
        let mut bad = profile("public");
        bad["model"] = json!("mixed");
        bad["operation_start"] = json!("2007-01-01");
        bad["law_date"] = json!("31/02/2007");
        bad["website"] = json!("javascript:alert(1)");
        bad["bodies"] = json!([]);
        let refused = post(app, &cast.editor, "/api/v1/npm-profiles", &bad).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let body = refused.json();
        let fields: Vec<&str> = body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        for field in ["model", "law_date", "bodies", "website"] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
        let listed = app.get("/api/v1/npm-profiles?state=FRA").await;
        assert_eq!(
            listed.json().as_array().unwrap().len(),
            1,
            "nothing half-written"
        );

        let judged = post(
            app,
            &cast.editor,
            "/api/v1/assessments",
            &assessment("spt", "2016-01-01", "meets", "public"),
        )
        .await;
        assert_eq!(judged.status, 201, "{}", judged.body);
        let mut unproven = assessment("npm", "2016-01-01", "partly", "public");
        unproven["ratings"][0]["evidence"] = json!("");
        let refused = post(app, &cast.editor, "/api/v1/assessments", &unproven).await;
        assert_eq!(refused.status, 422);
        assert!(
            refused.body.contains("evidence_required"),
            "{}",
            refused.body
        );
        let stranger = post(
            app,
            &cast.outsider,
            "/api/v1/assessments",
            &assessment("spt", "2016-01-01", "meets", "public"),
        )
        .await;
        assert_eq!(
            stranger.status, 403,
            "a visible owner the writer does not edit for: {}",
            stranger.body
        );
        let assessment_path = format!("/api/v1/assessments/{}", judged.json()["id"]);
        let gone = send(
            reqwest::Client::new()
                .delete(app.url(&assessment_path))
                .bearer_auth(&cast.editor),
        )
        .await;
        assert_eq!(gone.status, 204);
        let gone = send(
            reqwest::Client::new()
                .delete(app.url(&path))
                .bearer_auth(&cast.editor),
        )
        .await;
        assert_eq!(gone.status, 204);
        assert_eq!(app.get(&path).await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn the_comparison_flags_disagreement_and_public_stages_use_public_records_only() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        // The fixture's France designated its NPM; stages 6 and 7 come from the records.
        assert_eq!(stage(app, "2012-01-01").await, "npm_designated");
        post(
            app,
            &cast.editor,
            "/api/v1/npm-profiles",
            &profile("public"),
        )
        .await;
        assert_eq!(stage(app, "2009-12-31").await, "npm_designated");
        assert_eq!(stage(app, "2010-01-01").await, "npm_operating");
        // A private SPT assessment finding every criterion met: not public.
        let private = post(
            app,
            &cast.editor,
            "/api/v1/assessments",
            &assessment("spt", "2016-01-01", "meets", "private"),
        )
        .await;
        assert_eq!(private.status, 201);
        assert_eq!(stage(app, "2017-01-01").await, "npm_operating");
        let comparison = app
            .get("/api/v1/states/FRA/assessments?as_of=2017-01-01")
            .await;
        assert!(
            comparison.json()["rows"][0]["cells"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        // Made public, it moves the public stage from its date on.
        let path = format!("/api/v1/assessments/{}", private.json()["id"]);
        let public = assessment("spt", "2016-01-01", "meets", "public");
        let put = send(
            reqwest::Client::new()
                .put(app.url(&path))
                .bearer_auth(&cast.editor)
                .json(&public),
        )
        .await;
        assert_eq!(put.status, 200, "{}", put.body);
        assert_eq!(stage(app, "2015-12-31").await, "npm_operating");
        assert_eq!(stage(app, "2017-01-01").await, "npm_meets_criteria");
        // Civil society disagrees on one criterion: flagged, and stage 7 is lost.
        let mut dissent = assessment("civil_society", "2018-01-01", "meets", "public");
        dissent["ratings"][2]["rating"] = json!("does_not_meet");
        post(app, &cast.editor, "/api/v1/assessments", &dissent).await;
        let comparison = app
            .get("/api/v1/states/FRA/assessments?as_of=2019-01-01")
            .await
            .json();
        let rows = comparison["rows"].as_array().unwrap();
        let flagged: Vec<&str> = rows
            .iter()
            .filter(|r| r["disagreement"] == true)
            .map(|r| r["criterion"].as_str().unwrap())
            .collect();
        assert_eq!(flagged, vec!["resources"]);
        assert_eq!(rows[2]["cells"].as_array().unwrap().len(), 2);
        assert_eq!(stage(app, "2019-01-01").await, "npm_operating");
        assert_eq!(stage(app, "2017-06-01").await, "npm_meets_criteria");
        let page = app.get("/states/FRA/npm?as_of=2019-01-01&lang=fr").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Les points de vue divergent"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Ne satisfait pas"));
        let state_page = app.get("/states/FRA?lang=es").await;
        assert!(state_page.body.contains("Mecanismo nacional de prevención"));
    })
    .await;
}

#[tokio::test]
async fn the_forms_keep_values_and_link_problems_to_fields() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ed@example.org", "Ed Ito", owner, Role::Editor);
        let browser = app.browser();
        sign_in(app, &browser, "ed@example.org", PASSWORD).await;
        let form = send(browser.get(app.url("/states/FRA/npm/profiles/new?lang=fr"))).await;
        assert_eq!(form.status, 200, "{}", form.body);
        let csrf = csrf_field(&form.body);
        let sent = send(
            browser
                .post(app.url("/states/FRA/npm/profiles/new?lang=fr"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("owner", "npm-watch"),
                    ("visibility", "public"),
                    ("model", "specialised_body"),
                    ("body_name", ""),
                    ("body_role", ""),
                    ("designation_date", "13/06/2008"),
                    ("operation_start", "01/01/2008"),
                    ("staff", "beaucoup"),
                ]),
        )
        .await;
        assert_eq!(sent.status, 422, "{}", sent.body);
        assert!(
            sent.body.contains(r##"href="#field-bodies""##),
            "{}",
            sent.body
        );
        assert!(sent.body.contains(r##"href="#field-staff""##));
        assert!(sent.body.contains(r##"href="#field-operation_start""##));
        assert!(sent.body.contains(r#"value="beaucoup""#), "values are kept");
        assert!(sent.body.contains(r#"value="13/06/2008""#));
        let fixed = send(
            browser
                .post(app.url("/states/FRA/npm/profiles/new?lang=fr"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("owner", "npm-watch"),
                    ("visibility", "public"),
                    ("model", "specialised_body"),
                    ("body_name", "Contrôleur général"),
                    ("body_role", ""),
                    ("designation_date", "13/06/2008"),
                    ("operation_start", "01/07/2008"),
                ]),
        )
        .await;
        assert_eq!(fixed.status, 303, "{}", fixed.body);
        let page = app.get("/states/FRA/npm?lang=fr").await;
        assert!(page.body.contains("Contrôleur général"));
        assert!(
            page.body.contains("1 juillet 2008")
                || page.body.contains("01/07/2008")
                || page.body.contains("1er juillet 2008"),
            "{}",
            page.body
        );

        let mine = send(browser.get(app.url("/states/FRA/npm?lang=fr"))).await;
        let start = mine
            .body
            .find("/npm-profiles/")
            .expect("a link to the profile");
        let edit: String = mine.body[start..]
            .chars()
            .take_while(|c| *c != '"' && *c != '?')
            .collect();
        let ask = edit.replace("/edit", "/delete");
        assert!(
            mine.body.contains(&ask),
            "deleting is asked first: {}",
            mine.body
        );
        let question = send(browser.get(app.url(&format!("{ask}?lang=fr")))).await;
        assert_eq!(question.status, 200, "{}", question.body);
        assert!(
            question
                .body
                .contains("Supprimer la fiche du MNP (FRA)\u{202f}?")
                && question.body.contains("Non, la conserver"),
            "{}",
            question.body
        );
        assert_eq!(
            send(app.browser().get(app.url(&ask))).await.status,
            401,
            "an anonymous reader is asked to sign in"
        );
        let csrf = csrf_field(&question.body);
        let gone = send(
            browser
                .post(app.url(&format!("{ask}?lang=fr")))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(gone.status, 303, "{}", gone.body);
        let after = app.get("/states/FRA/npm?lang=fr").await;
        assert!(!after.body.contains("Contrôleur général"));
    })
    .await;
}
