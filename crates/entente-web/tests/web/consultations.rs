//! Consultations over HTTP on each backend: the list and its filters, one
//! consultation with its positions matrix (an accessible table, each
//! position in words and with a mark) and the consensus figures of each
//! option overall and by sector, the state page's list, the forms in
//! French (an error summary with the values kept, participants, options,
//! the matrix saved in one go, deletion after confirmation), the JSON API,
//! and hidden consultations answering as missing ones.

use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::consultation::{
    ConsultationDraft, ConsultationId, ConsultationKind, OptionDraft, ParticipantDraft,
    ParticipantSector, Position,
};
use serde_json::json;

use crate::actions_api::{send, token};
use crate::app::TestApp;
use crate::fixture::{self, day};
use crate::orgs::{organisation, person};
use crate::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

struct World {
    eve: UserId,
    /// Public, on France, with three participants, two options and
    /// positions.
    public: ConsultationId,
    /// Private to "quiet", on France.
    hidden: ConsultationId,
    ministry: i64,
}

fn draft(owner: OrgId, title: &str, visibility: Visibility) -> ConsultationDraft {
    ConsultationDraft {
        state: "FRA".parse().unwrap(),
        title: title.to_owned(),
        kind: ConsultationKind::NpmDesign,
        start: Some(day("2024-03-01")),
        end: None,
        outcome: String::new(),
        owner,
        visibility,
        shared_with: Vec::new(),
        demo: false,
    }
}

fn outside(name: &str, sector: ParticipantSector) -> ParticipantDraft {
    ParticipantDraft {
        org: None,
        name: name.to_owned(),
        sector,
    }
}

fn world(app: &TestApp) -> World {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana Pérez", watch, Role::Admin);
    let eve = person(app, "eve@example.org", "Eve Moreau", watch, Role::Editor);
    let admin = AccessScope::SiteAdmin(ana);
    let store = &app.store;
    let public = store
        .create_consultation(
            &admin,
            &draft(watch, "Consultation on the NPM model", Visibility::Public),
        )
        .unwrap();
    let ministry = store
        .add_participant(
            &admin,
            public,
            &outside("Ministry of Justice", ParticipantSector::Government),
        )
        .unwrap();
    let ngo = store
        .add_participant(
            &admin,
            public,
            &ParticipantDraft {
                org: Some(watch),
                name: String::new(),
                sector: ParticipantSector::CivilSociety,
            },
        )
        .unwrap();
    let bar = store
        .add_participant(
            &admin,
            public,
            &outside("Bar association", ParticipantSector::Professional),
        )
        .unwrap();
    let option = |label: &str| OptionDraft {
        label: label.to_owned(),
        description: String::new(),
    };
    let ombuds = store
        .add_option(&admin, public, &option("Within the ombudsman"))
        .unwrap();
    let body = store
        .add_option(&admin, public, &option("A new body"))
        .unwrap();
    store
        .set_positions(
            &admin,
            public,
            &[
                (ministry, ombuds, Some(Position::Supports)),
                (ngo, ombuds, Some(Position::Opposes)),
                (bar, ombuds, Some(Position::Accepts)),
                (ngo, body, Some(Position::Supports)),
                (bar, body, Some(Position::NoPosition)),
            ],
        )
        .unwrap();
    let hidden = store
        .create_consultation(
            &admin,
            &draft(quiet, "Confidential consultation", Visibility::Private),
        )
        .unwrap();
    World {
        eve,
        public,
        hidden,
        ministry,
    }
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

#[tokio::test]
async fn the_matrix_and_the_consensus_figures_are_shown_to_readers_only() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let page = app
            .get(&format!("/consultations/{}?lang=fr", w.public))
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        let body = &page.body;
        assert!(
            body.contains("<table class=\"positions-matrix\">"),
            "{body}"
        );
        assert!(body.contains("<th scope=\"col\">Within the ombudsman</th>"));
        assert!(body.contains("<th scope=\"row\">Ministry of Justice</th>"));
        assert!(body.contains("<span aria-hidden=\"true\">✚</span> Soutient"));
        assert!(body.contains("<span aria-hidden=\"true\">✖</span> S’oppose"));
        assert!(
            body.contains("Non exprimée"),
            "the ministry said nothing on the second"
        );
        // Within the ombudsman: 2 of 3 in favour; a new body: 1 of 1, the
        // bar's "no position" and the ministry's silence not counted.
        assert!(
            body.contains("2 des 3 participants ayant pris position"),
            "{body}"
        );
        assert!(body.contains("<td>67 %</td>"));
        assert!(body.contains("<td>100 %</td>"));
        assert!(body.contains("Gouvernement") && body.contains("Ordres professionnels"));
        assert!(
            !body.contains("Enregistrer les positions"),
            "no form for the public"
        );
        let list = app.get("/consultations?lang=es&state=FRA").await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Consultation on the NPM model"));
        assert!(!list.body.contains("Confidential consultation"));
        let other_kind = app.get("/consultations?kind=legislation").await;
        assert!(!other_kind.body.contains("Consultation on the NPM model"));
        let bad = app.get("/consultations?kind=census").await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let state = app.get("/states/FRA?lang=en").await;
        assert!(state.body.contains("Consultation on the NPM model"));
        assert!(!state.body.contains("Confidential consultation"));
        let hidden = app.get(&format!("/consultations/{}", w.hidden)).await;
        let missing = app.get("/consultations/987654").await;
        assert_eq!(hidden.status, 404);
        assert_eq!(missing.status, 404);
        assert!(!hidden.body.contains("Confidential consultation"));
        assert!(
            hidden
                .body
                .contains(&format!("No consultation has the number “{}”.", w.hidden))
        );
        assert!(
            missing
                .body
                .contains("No consultation has the number “987654”.")
        );
    })
    .await;
}

#[tokio::test]
async fn an_editor_records_a_consultation_and_its_matrix_through_the_french_forms() {
    fixture::on_each_backend(async |app| {
        let _w = world(app);
        let browser = signed_in(app, "eve@example.org").await;
        let form = send(browser.get(app.url("/consultations/new?lang=fr&state=FRA"))).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("<option value=\"FRA\" selected>"));
        let csrf = csrf_field(&form.body);
        let bad = [
            ("csrf", csrf.as_str()),
            ("state", "FRA"),
            ("title", "Consultation sur le MNP"),
            ("kind", "npm_design"),
            ("start", "01/06/2024"),
            ("end", "01/05/2024"),
            ("owner", "npm-watch"),
            ("visibility", "private"),
        ];
        let refused = send(browser.post(app.url("/consultations?lang=fr")).form(&bad)).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("error-summary"));
        assert!(refused.body.contains("href=\"#field-end\""), "{}", refused.body);
        assert!(refused.body.contains("La fin précède le début."));
        assert!(refused.body.contains("value=\"Consultation sur le MNP\""));
        let mut good = bad.to_vec();
        good.retain(|(k, _)| *k != "end");
        good.push(("end", "30/09/2024"));
        let created = send(browser.post(app.url("/consultations?lang=fr")).form(&good)).await;
        assert_eq!(created.status, 303, "{}", created.body);
        let location = created.headers["location"].to_str().unwrap().to_owned();
        let path = location.split('?').next().unwrap().to_owned();
        let page = send(browser.get(app.url(&location))).await;
        assert!(page.body.contains("<h1>Consultation sur le MNP</h1>"), "{}", page.body);
        assert!(page.body.contains("30 septembre 2024"), "{}", page.body);
        let post = |to: &str, fields: &[(&str, &str)]| {
            let mut form = vec![("csrf", csrf.as_str())];
            form.extend_from_slice(fields);
            let form: Vec<(String, String)> = form
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
            browser
                .post(app.url(&format!("{path}/{to}?lang=fr")))
                .form(&form)
        };
        // Neither an organisation nor a name: refused beside its field.
        let refused = send(post("participants", &[("sector", "government")])).await;
        assert_eq!(refused.status, 422);
        assert!(refused.body.contains("href=\"#field-name\""), "{}", refused.body);
        let added = send(post(
            "participants",
            &[("name", "Ministère de la Justice"), ("sector", "government")],
        ))
        .await;
        assert_eq!(added.status, 303, "{}", added.body);
        let added = send(post(
            "participants",
            &[("org", "npm-watch"), ("sector", "civil_society")],
        ))
        .await;
        assert_eq!(added.status, 303, "{}", added.body);
        let twice = send(post(
            "participants",
            &[("org", "npm-watch"), ("sector", "civil_society")],
        ))
        .await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("Cette organisation participe déjà."));
        let blank = send(post("options", &[("label", " ")])).await;
        assert_eq!(blank.status, 422);
        assert_eq!(
            send(post("options", &[("label", "MNP au sein du médiateur")]))
                .await
                .status,
            303
        );
        let id = ConsultationId(path.rsplit('/').next().unwrap().parse().unwrap());
        let scope = AccessScope::SiteAdmin(UserId(0));
        let matrix = app.store.positions_matrix(&scope, id).unwrap().unwrap();
        let (ministry, ngo) = (matrix.participants[0].id, matrix.participants[1].id);
        let option = matrix.options[0].id;
        let page = send(browser.get(app.url(&format!("{path}?lang=fr")))).await;
        let cell = format!("position-{ministry}-{option}");
        assert!(
            page.body.contains(&format!("<label class=\"visually-hidden\" for=\"{cell}\">Ministère de la Justice — MNP au sein du médiateur</label>")),
            "{}",
            page.body
        );
        // The whole matrix in one go.
        let saved = send(post(
            "positions",
            &[
                (cell.as_str(), "supports"),
                (format!("position-{ngo}-{option}").as_str(), "opposes"),
            ],
        ))
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = send(browser.get(app.url(&format!("{path}?lang=fr")))).await;
        assert!(page.body.contains("<td>50 %</td>"), "{}", page.body);
        let wrong = send(post("positions", &[(cell.as_str(), "maybe")])).await;
        assert_eq!(wrong.status, 422);
        assert!(wrong.body.contains("Position inconnue."));
        // Clearing a cell: the participant said nothing.
        assert_eq!(
            send(post("positions", &[(cell.as_str(), "")])).await.status,
            303
        );
        let matrix = app.store.positions_matrix(&scope, id).unwrap().unwrap();
        assert_eq!(matrix.position(ministry, option), None);
        assert_eq!(matrix.consensus(option).percent(), Some(0));
        let removed = send(post(&format!("participants/{ngo}/delete"), &[])).await;
        assert_eq!(removed.status, 303);
        let confirm = send(browser.get(app.url(&format!("{path}/delete?lang=fr")))).await;
        assert!(
            confirm
                .body
                .contains("Supprimer «\u{a0}Consultation sur le MNP\u{a0}»\u{a0}?"),
            "{}",
            confirm.body
        );
        let deleted = send(post("delete", &[])).await;
        assert_eq!(deleted.status, 303);
        assert_eq!(app.store.consultation(&scope, id).unwrap(), None);
        let forged = send(
            browser
                .post(app.url("/consultations?lang=fr"))
                .form(&[("csrf", "forged"), ("title", "x")]),
        )
        .await;
        assert_eq!(forged.status, 403);
    })
    .await;
}

#[tokio::test]
async fn the_api_reads_the_matrix_with_its_consensus_and_writes_as_the_rules_say() {
    fixture::on_each_backend(async |app| {
        let w = world(app);
        let read = app
            .get(&format!("/api/v1/consultations/{}", w.public))
            .await;
        assert_eq!(read.status, 200, "{}", read.body);
        let body = read.json();
        let matrix = &body["matrix"];
        assert_eq!(matrix["participants"].as_array().unwrap().len(), 3);
        assert_eq!(matrix["participants"][1]["org"], "npm-watch");
        let ombuds = &matrix["options"][0];
        assert_eq!(ombuds["consensus"]["supports"], 1);
        assert_eq!(ombuds["consensus"]["accepts"], 1);
        assert_eq!(ombuds["consensus"]["opposes"], 1);
        assert_eq!(ombuds["consensus"]["percent_in_favour"], 67);
        assert_eq!(ombuds["by_sector"][0]["sector"], "government");
        assert_eq!(ombuds["by_sector"][0]["percent_in_favour"], 100);
        let new_body = &matrix["options"][1]["consensus"];
        assert_eq!(new_body["no_position"], 2);
        assert_eq!(new_body["percent_in_favour"], 100);
        assert_eq!(matrix["positions"].as_array().unwrap().len(), 5);
        let list = app
            .get("/api/v1/consultations?state=FRA&kind=npm_design")
            .await;
        assert_eq!(list.json()["total"], 1, "{}", list.body);
        assert!(list.json()["items"][0].get("matrix").is_none());
        let state = app.get("/api/v1/states/FRA/consultations").await;
        assert_eq!(state.json().as_array().unwrap().len(), 1);
        assert_eq!(
            app.get("/api/v1/states/XXX/consultations").await.status,
            404
        );
        let hidden = app
            .get(&format!("/api/v1/consultations/{}", w.hidden))
            .await;
        assert_eq!(hidden.status, 404);
        assert_eq!(hidden.json()["error"]["code"], "consultation_not_found");
        let bad_filter = app.get("/api/v1/consultations?colour=red").await;
        assert_eq!(bad_filter.status, 422);

        let key = token(app, w.eve, TokenScope::ReadWrite);
        let api = |method: reqwest::Method, path: &str| {
            app.browser()
                .request(method, app.url(path))
                .bearer_auth(&key)
        };
        let refused = send(
            api(reqwest::Method::POST, "/api/v1/consultations").json(&json!({
                "state": "FRA", "title": " ", "kind": "census", "owner": "npm-watch",
                "start": "2024-05-01", "end": "2024-04-01",
            })),
        )
        .await;
        assert_eq!(refused.status, 422);
        assert_eq!(refused.json()["error"]["code"], "invalid_fields");
        let fields: Vec<String> = refused.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, ["kind"], "unreadable codes first");
        let refused = send(
            api(reqwest::Method::POST, "/api/v1/consultations").json(&json!({
                "state": "FRA", "title": " ", "kind": "legislation", "owner": "npm-watch",
                "start": "2024-05-01", "end": "2024-04-01",
            })),
        )
        .await;
        let fields: Vec<String> = refused.json()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, ["title", "end"]);
        let created = send(
            api(reqwest::Method::POST, "/api/v1/consultations").json(&json!({
                "state": "FRA", "title": "Draft law on the NPM", "kind": "legislation",
                "owner": "npm-watch",
            })),
        )
        .await;
        assert_eq!(created.status, 201, "{}", created.body);
        assert_eq!(created.json()["visibility"], "private");
        let id = created.json()["id"].as_i64().unwrap();
        let at = |rest: &str| format!("/api/v1/consultations/{id}{rest}");
        let participant = send(
            api(reqwest::Method::POST, &at("/participants")).json(&json!({
                "org": "npm-watch", "sector": "civil_society",
            })),
        )
        .await;
        assert_eq!(participant.status, 201, "{}", participant.body);
        assert_eq!(participant.json()["name"], "Organisation npm-watch");
        let p = participant.json()["id"].as_i64().unwrap();
        let hidden_org = send(
            api(reqwest::Method::POST, &at("/participants")).json(&json!({
                "org": "quiet", "sector": "civil_society",
            })),
        )
        .await;
        assert_eq!(hidden_org.status, 422);
        assert_eq!(
            hidden_org.json()["error"]["fields"][0]["code"],
            "unknown_organisation"
        );
        let option = send(api(reqwest::Method::POST, &at("/options")).json(&json!({
            "label": "Article by article",
        })))
        .await;
        assert_eq!(option.status, 201, "{}", option.body);
        let o = option.json()["matrix"]["options"][0]["id"]
            .as_i64()
            .unwrap();
        let set = send(api(reqwest::Method::PUT, &at("/positions")).json(&json!({
            "participant": p, "option": o, "position": "accepts",
        })))
        .await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(
            set.json()["matrix"]["options"][0]["consensus"]["accepts"],
            1
        );
        let foreign = send(api(reqwest::Method::PUT, &at("/positions")).json(&json!({
            "participant": w.ministry, "option": o, "position": "accepts",
        })))
        .await;
        assert_eq!(foreign.status, 422, "a participant of another consultation");
        assert_eq!(foreign.json()["error"]["fields"][0]["field"], "participant");
        let on_hidden = send(
            api(
                reqwest::Method::PUT,
                &format!("/api/v1/consultations/{}/positions", w.hidden),
            )
            .json(&json!({"participant": p, "option": o, "position": "accepts"})),
        )
        .await;
        assert_eq!(on_hidden.status, 404);
        assert_eq!(on_hidden.json()["error"]["code"], "consultation_not_found");
        let replaced = send(api(reqwest::Method::PUT, &at("")).json(&json!({
            "state": "FRA", "title": "Draft law on the NPM", "kind": "legislation",
            "owner": "npm-watch", "visibility": "public", "outcome": "Adopted.",
        })))
        .await;
        assert_eq!(replaced.status, 200, "{}", replaced.body);
        assert_eq!(
            replaced.json()["matrix"]["participants"]
                .as_array()
                .unwrap()
                .len(),
            1,
            "the parts stay"
        );
        assert_eq!(
            send(api(reqwest::Method::DELETE, &at(&format!("/options/{o}"))))
                .await
                .status,
            204
        );
        assert_eq!(
            send(api(
                reqwest::Method::DELETE,
                &at(&format!("/participants/{p}"))
            ))
            .await
            .status,
            204
        );
        assert_eq!(
            send(api(reqwest::Method::DELETE, &at(""))).await.status,
            204
        );
        assert_eq!(app.get(&at("")).await.status, 404);
    })
    .await;
}
