//! Recommendations from a spreadsheet on the portal, on each backend: the
//! preview with an unknown header mapped, every refused value listed and
//! nothing written, then every row written at once; and the open
//! recommendations no action pushes, on the board and in the API, only
//! for those who may see them.

use entente_core::access::{AccessScope, OrgId, Role, UserId, Visibility};
use entente_core::recommendation::{Body, RecommendationDraft};
use entente_store::{PageRequest, RecommendationFilter};

use crate::app::{Answer, TestApp};
use crate::fixture;
use crate::imports::{Part, hidden, post, signed_in};
use crate::orgs::{organisation, person};

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

/// A French coalition's sheet: its own headers, one of them unknown
/// ("Auteur"), its words for bodies, statuses and themes, a date written
/// day first.
const SHEET: &str = "Pays;Auteur;Cote;Date;Paragraphe;Recommandation;Thèmes;Statut\n\
France;Sous-comité pour la prévention de la torture;CAT/OP/FRA/R.1;15/03/2024;57 (b);Garantir l’accès à un avocat.;garanties;en cours\n\
Mexique;EPU;A/HRC/40/8;;118.4;Tipificar la tortura.;cadre juridique;pas commencée\n";

fn texts(app: &TestApp) -> Vec<String> {
    let page = app
        .store
        .list_recommendations(&ROOT, &RecommendationFilter::default(), PageRequest::ALL)
        .unwrap();
    let mut texts: Vec<String> = page
        .recommendations
        .into_iter()
        .map(|r| r.content.text)
        .collect();
    texts.sort();
    texts
}

#[tokio::test]
async fn editors_preview_map_and_import_every_row_of_a_sheet() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let (browser, csrf) = signed_in(app, "ana@example.org").await;
        let list = Answer::from(
            browser
                .get(app.url("/recommendations?lang=en"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(
            list.body
                .contains("href=\"/orgs/npm-watch/recommendations/import"),
            "the list links editors to the import: {}",
            list.body
        );
        let path = "/orgs/npm-watch/recommendations/import?lang=en";
        let form = Answer::from(browser.get(app.url(path)).send().await.unwrap()).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(
            form.body
                .contains("Import recommendations from a spreadsheet")
        );
        assert!(
            form.body
                .contains("action=\"/orgs/npm-watch/recommendations/import?lang=en\"")
        );

        let first = post(
            app,
            &browser,
            path,
            &[
                Part::Text("csrf", &csrf),
                Part::File("recommandations.csv", SHEET.as_bytes()),
            ],
        )
        .await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert!(first.body.contains("unknown header"), "{}", first.body);
        assert_eq!(hidden(&first.body, "header_1"), "Auteur");
        assert!(!first.body.contains("name=\"confirm\""));
        let data = hidden(&first.body, "data");
        let mapped = [
            Part::Text("csrf", &csrf),
            Part::Text("file_name", "recommandations.csv"),
            Part::Text("data", &data),
            Part::Text("header_1", "Auteur"),
            Part::Text("map_1", "body"),
        ];
        let preview = post(app, &browser, path, &mapped).await;
        assert!(
            preview.body.contains("Import all 2 rows"),
            "{}",
            preview.body
        );
        assert!(texts(app).is_empty(), "a preview records nothing");

        let mut confirmed: Vec<Part<'_>> = mapped.into_iter().collect();
        confirmed.push(Part::Text("confirm", "1"));
        let done = post(app, &browser, path, &confirmed).await;
        assert_eq!(done.status, 200, "{}", done.body);
        assert!(
            done.body.contains("2 recommendations were imported"),
            "{}",
            done.body
        );
        assert_eq!(
            texts(app),
            ["Garantir l’accès à un avocat.", "Tipificar la tortura."]
        );
        let all = app
            .store
            .list_recommendations(&ROOT, &RecommendationFilter::default(), PageRequest::ALL)
            .unwrap()
            .recommendations;
        let spt = all.iter().find(|r| r.content.body == Body::Spt).unwrap();
        assert_eq!(spt.content.owner, org);
        assert_eq!(spt.content.visibility, Visibility::Private);
        assert_eq!(spt.status.code(), "in_progress");
        let remembered = app
            .store
            .import_mapping(&ROOT, org, "recommendations")
            .unwrap();
        assert_eq!(
            remembered.get("auteur").map(String::as_str),
            Some("body"),
            "{remembered:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_refused_sheet_lists_every_bad_value_and_writes_nothing() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "quiet", Visibility::Private);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        let (browser, csrf) = signed_in(app, "ana@example.org").await;
        let path = "/orgs/npm-watch/recommendations/import?lang=en";
        let sheet = "state,body,document_symbol,document_date,text,status,visibility,shared_with\n\
            FRA,spt,CAT/OP/FRA/1,2024-03-15,A good row.,in_progress,public,\n\
            Atlantis,spt,X/1,,Unknown state.,,,\n\
            FRA,Tribunal,X/2,31/02/2024,Two bad values.,,,\n";
        let parts = [
            Part::Text("csrf", &csrf),
            Part::File("recs.csv", sheet.as_bytes()),
            Part::Text("confirm", "1"),
        ];
        let answer = post(app, &browser, path, &parts).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        for expected in [
            "Atlantis",
            "Tribunal",
            "31/02/2024",
            "document_date",
            "<td>3</td>",
            "<td>4</td>",
        ] {
            assert!(
                answer.body.contains(expected),
                "{expected}: {}",
                answer.body
            );
        }
        assert!(!answer.body.contains("<td>2</td>"), "the good row is good");
        assert!(!answer.body.contains("name=\"confirm\""));
        assert!(texts(app).is_empty(), "all or nothing");

        // Values only the database can check are refused on import, whole.
        let store_refused = "state,body,document_symbol,text,visibility,shared_with\n\
            FRA,spt,CAT/OP/FRA/1,A good row.,public,\n\
            FRA,cat,X/3,Shared with an alliance we are not in.,alliance,Nobody\n";
        let parts = [
            Part::Text("csrf", &csrf),
            Part::File("recs.csv", store_refused.as_bytes()),
            Part::Text("confirm", "1"),
        ];
        let answer = post(app, &browser, path, &parts).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        for expected in ["shared_with", "Nobody", "<td>3</td>"] {
            assert!(
                answer.body.contains(expected),
                "{expected}: {}",
                answer.body
            );
        }
        assert!(texts(app).is_empty(), "the good row is not written either");

        let (viewer, viewer_csrf) = signed_in(app, "bo@example.org").await;
        let refused = post(
            app,
            &viewer,
            path,
            &[
                Part::Text("csrf", &viewer_csrf),
                Part::File("recs.csv", sheet.as_bytes()),
            ],
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let hidden = Answer::from(
            viewer
                .get(app.url("/orgs/quiet/recommendations/import"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        let missing = Answer::from(
            viewer
                .get(app.url("/orgs/nosuch/recommendations/import"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(hidden.status, 404);
        assert_eq!(hidden.body.replace("quiet", "nosuch"), missing.body);
    })
    .await;
}

fn recommendation(owner: OrgId, text: &str, visibility: Visibility) -> RecommendationDraft {
    RecommendationDraft {
        state: "FRA".parse().unwrap(),
        body: Body::Cat,
        document_symbol: "CAT/C/FRA/CO/8".to_owned(),
        document_title: String::new(),
        document_url: None,
        document_date: None,
        addressed_to: String::new(),
        paragraph: "12".to_owned(),
        text: text.to_owned(),
        themes: Vec::new(),
        tags: Vec::new(),
        owner,
        visibility,
        shared_with: Vec::new(),
        demo: false,
    }
}

#[tokio::test]
async fn unpushed_recommendations_are_findings_only_for_their_readers() {
    fixture::on_each_backend(async |app| {
        let watch = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", watch, Role::Editor);
        let open = app
            .store
            .create_recommendation(
                &ROOT,
                &recommendation(
                    watch,
                    "Open and public, nobody pushes it.",
                    Visibility::Public,
                ),
            )
            .unwrap();
        app.store
            .create_recommendation(
                &ROOT,
                &recommendation(watch, "Private marker 7Q2.", Visibility::Private),
            )
            .unwrap();

        let api = app
            .get("/api/v1/coordination/unpushed-recommendations?state=FRA")
            .await;
        assert_eq!(api.status, 200, "{}", api.body);
        let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        assert_eq!(json["total"], 1, "{json}");
        assert_eq!(json["recommendations"][0]["id"], open.0);
        assert!(!api.body.contains("7Q2"), "a private one stays hidden");
        let refused = app
            .get("/api/v1/coordination/unpushed-recommendations?colour=red")
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);

        let board = app.get("/board?lang=en").await;
        assert!(
            board.body.contains("Recommendations no action pushes"),
            "{}",
            board.body
        );
        assert!(
            board
                .body
                .contains(&format!("href=\"/recommendations/{open}"))
        );
        assert!(!board.body.contains("7Q2"));

        let (browser, _) = signed_in(app, "ana@example.org").await;
        let own = Answer::from(browser.get(app.url("/board?lang=fr")).send().await.unwrap()).await;
        assert!(
            own.body
                .contains("Recommandations qu’aucune action ne porte")
        );
        assert!(
            own.body.contains("7Q2"),
            "its owner sees its own: {}",
            own.body
        );
    })
    .await;
}
