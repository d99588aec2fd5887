//! The country brief over HTTP on each backend: its sections in the
//! reader's language, the private recommendation, assessment and action of
//! an organisation shown to its members and to nobody else (anonymous or a
//! member of another organisation), the coordination engine's deadlines
//! drawn from what the reader may see, and an unknown state answered as
//! missing.

use chrono::{Datelike, Utc};
use entente_core::access::{AccessScope, OrgId, Role, Visibility};
use entente_core::monitoring::{AssessmentDraft, Criterion, CriterionRating, Rating, Viewpoint};
use entente_core::recommendation::{Body, RecommendationDraft, Theme};

use crate::app::{Answer, TestApp};
use crate::fixture::{self, letter};
use crate::orgs::{organisation, person};
use crate::signin::sign_in;

const PASSWORD: &str = "a long enough passphrase 7";

const PUBLIC_REC: &str = "Record every arrest in a register.";
const PRIVATE_REC: &str = "Confidential finding of the visit.";
const PUBLIC_ACTION: &str = "Open letter to the Senate";
const PRIVATE_ACTION: &str = "Quiet meeting with the ministry";
const PRIVATE_ASSESSOR: &str = "Internal reviewer of npm-watch";

fn recommendation(owner: OrgId, text: &str, visibility: Visibility) -> RecommendationDraft {
    RecommendationDraft {
        state: "FRA".parse().unwrap(),
        body: Body::Spt,
        document_symbol: "CAT/OP/FRA/1".to_owned(),
        document_title: "Visit to France".to_owned(),
        document_url: None,
        document_date: Some(fixture::day("2021-06-01")),
        addressed_to: "Ministry of Justice".to_owned(),
        paragraph: "41".to_owned(),
        text: text.to_owned(),
        themes: vec![Theme::Safeguards],
        tags: Vec::new(),
        owner,
        visibility,
        shared_with: Vec::new(),
        demo: false,
    }
}

/// "npm-watch" (Ana edits for it) holds a public and a private record of
/// each kind on France; "quiet" (Cy) holds nothing.
fn world(app: &TestApp) {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana Pérez", watch, Role::Editor);
    person(app, "cy@example.org", "Cy Ode", quiet, Role::Admin);
    let scope = AccessScope::SiteAdmin(ana);
    let store = &app.store;
    for (text, visibility) in [
        (PUBLIC_REC, Visibility::Public),
        (PRIVATE_REC, Visibility::Private),
    ] {
        store
            .create_recommendation(&scope, &recommendation(watch, text, visibility))
            .unwrap();
    }
    let today = Utc::now().date_naive();
    let this_month = today.with_day(1).unwrap();
    for (title, visibility) in [
        (PUBLIC_ACTION, Visibility::Public),
        (PRIVATE_ACTION, Visibility::Private),
    ] {
        let mut draft = letter(watch, title, "FRA", visibility);
        draft.start = Some(this_month);
        draft.end = Some(this_month);
        store.create_action(&scope, &draft).unwrap();
    }
    // A private action whose due day has passed: a deadline only its readers see.
    let mut late = letter(watch, "Overdue private dossier", "FRA", Visibility::Private);
    late.start = None;
    late.end = None;
    late.due = Some(this_month.pred_opt().unwrap());
    store.create_action(&scope, &late).unwrap();
    store
        .create_assessment(
            &scope,
            &AssessmentDraft {
                state: "FRA".parse().unwrap(),
                profile: None,
                viewpoint: Viewpoint::CivilSociety,
                assessor: PRIVATE_ASSESSOR.to_owned(),
                date: fixture::day("2025-05-01"),
                source: String::new(),
                owner: watch,
                visibility: Visibility::Private,
                shared_with: Vec::new(),
                ratings: vec![CriterionRating {
                    criterion: Criterion::Access,
                    rating: Rating::DoesNotMeet,
                    evidence: "Doors stay shut.".to_owned(),
                }],
            },
        )
        .unwrap();
}

async fn brief_as(app: &TestApp, email: Option<&str>, query: &str) -> Answer {
    let browser = app.browser();
    if let Some(email) = email {
        assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    }
    let answer = Answer::from(
        browser
            .get(app.url(&format!("/states/FRA/brief{query}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer
}

fn assert_private_hidden(body: &str, who: &str) {
    for private in [
        PRIVATE_REC,
        PRIVATE_ACTION,
        PRIVATE_ASSESSOR,
        "Overdue private dossier",
    ] {
        assert!(!body.contains(private), "{who} sees {private:?}");
    }
}

#[tokio::test]
async fn the_brief_shows_each_reader_what_they_may_see() {
    fixture::on_each_backend(async |app| {
        world(app);
        let public = brief_as(app, None, "?lang=en").await;
        let body = &public.body;
        for section in [
            "Country brief: France",
            "Treaty status and deadlines",
            "National preventive mechanism",
            "Assessment against the OPCAT criteria, by viewpoint",
            "SPT visits and follow-up",
            "What the coalition is doing",
            "Gaps and deadlines",
            "Sources and dates",
            "Public edition",
            "11 November 2008",
            "Status of OPCAT",
        ] {
            assert!(
                body.contains(section),
                "the brief shows {section:?}: {body}"
            );
        }
        assert!(body.contains(PUBLIC_REC), "{body}");
        assert!(body.contains(PUBLIC_ACTION), "{body}");
        assert!(
            !body.contains("<nav class=\"main-nav\""),
            "the brief has no portal navigation"
        );
        assert_private_hidden(body, "the anonymous public");

        let outsider = brief_as(app, Some("cy@example.org"), "?lang=en").await;
        assert!(outsider.body.contains(PUBLIC_ACTION));
        assert_private_hidden(&outsider.body, "a member of another organisation");

        let owner = brief_as(app, Some("ana@example.org"), "?lang=en").await;
        let body = &owner.body;
        for private in [PRIVATE_REC, PRIVATE_ACTION, PRIVATE_ASSESSOR] {
            assert!(body.contains(private), "the owner sees {private:?}: {body}");
        }
        assert!(
            body.contains("Overdue private dossier"),
            "the owner's overdue action is among the deadlines: {body}"
        );
        assert!(body.contains("Does not meet"), "{body}");
        assert!(body.contains("your organisations and alliances may see"));
    })
    .await;
}

#[tokio::test]
async fn the_brief_speaks_spanish_and_is_linked_from_the_state_page() {
    fixture::on_each_backend(async |app| {
        let brief = app.get("/states/FRA/brief?lang=es").await;
        assert_eq!(brief.status, 200, "{}", brief.body);
        assert!(brief.body.contains(r#"<html lang="es">"#));
        for text in [
            "Ficha de país: Francia",
            "Situación de los tratados y plazos",
            "Mecanismo nacional de prevención",
            "Lo que hace la coalición",
            "Carencias y plazos",
            "Fuentes y fechas",
            "11 de noviembre de 2008",
        ] {
            assert!(brief.body.contains(text), "{text:?}: {}", brief.body);
        }
        let french = app.get("/states/FRA/brief?lang=fr").await;
        assert!(french.body.contains("Fiche pays\u{a0}: France"));
        let state = app.get("/states/FRA?lang=es").await;
        assert!(
            state.body.contains(r#"href="/states/FRA/brief?lang=es""#),
            "{}",
            state.body
        );
    })
    .await;
}

#[tokio::test]
async fn an_unknown_state_has_no_brief() {
    fixture::on_each_backend(async |app| {
        for path in ["/states/ZZZ/brief", "/states/france/brief"] {
            let answer = app.get(path).await;
            assert_eq!(answer.status, 404, "{path}: {}", answer.body);
        }
    })
    .await;
}
