//! The import preview on the portal over HTTP on each backend: a coalition's
//! spreadsheet with its own headers is read, an unknown header mapped in
//! the preview, every bad row listed, the rows imported all or none, and
//! the mapping remembered for the organisation; only its editors may.

use entente_core::access::{AccessScope, Role, Visibility};
use entente_store::ActionFilter;

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";
pub const BOUNDARY: &str = "entente-test-boundary-7MA4YWxkTrZu0gW";

/// A part of a multipart form: a text field, or a file with its name.
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a [u8]),
}

pub fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(file_name, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                         Content-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

pub async fn post(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    parts: &[Part<'_>],
) -> Answer {
    let request = browser
        .post(app.url(path))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(multipart(parts));
    Answer::from(request.send().await.unwrap()).await
}

pub async fn signed_in(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    let page = Answer::from(browser.get(app.url("/account")).send().await.unwrap()).await;
    (browser, csrf_field(&page.body))
}

/// The value of the hidden field `name` of a page.
pub fn hidden(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        + marker.len();
    body[start..].split('"').next().unwrap().to_owned()
}

/// A French coalition's sheet: its own headers, one of them unknown to
/// Entente ("Pays visé"), dates written day first, amounts with a comma.
const SHEET: &str = "Titre;Type d'action;Phase;Niveau;Pays visé;Public cible;Date de début;Date de fin;Budget;Devise\n\
Lettre au ministre;letter;ratification;national;France;executive;01/03/2026;31/03/2026;1 500,50;EUR\n\
Séminaire à Mexico;seminar;implementation;regional;MEX;legislature;;;;\n";

fn titles(app: &TestApp) -> Vec<String> {
    let page = app
        .store
        .list_actions(
            &AccessScope::SiteAdmin(entente_core::access::UserId(0)),
            &ActionFilter::default(),
            entente_store::PageRequest::ALL,
        )
        .unwrap();
    let mut titles: Vec<String> = page.actions.into_iter().map(|a| a.content.title).collect();
    titles.sort();
    titles
}

#[tokio::test]
async fn editors_map_their_own_headers_preview_and_import_all_rows() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let (browser, csrf) = signed_in(app, "ana@example.org").await;
        let path = "/orgs/npm-watch/import?lang=en";
        let form = Answer::from(browser.get(app.url(path)).send().await.unwrap()).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("enctype=\"multipart/form-data\""));

        let first = post(
            app,
            &browser,
            path,
            &[
                Part::Text("csrf", &csrf),
                Part::File("plan.csv", SHEET.as_bytes()),
            ],
        )
        .await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert!(first.body.contains("unknown header"), "{}", first.body);
        assert!(first.body.contains("Pays visé"));
        assert!(
            !first.body.contains("name=\"confirm\""),
            "nothing to import yet"
        );
        let data = hidden(&first.body, "data");
        let column = hidden(&first.body, "header_4");
        assert_eq!(column, "Pays visé");

        let mapped = [
            Part::Text("csrf", &csrf),
            Part::Text("file_name", "plan.csv"),
            Part::Text("data", &data),
            Part::Text("header_4", "Pays visé"),
            Part::Text("map_4", "states"),
        ];
        let preview = post(app, &browser, path, &mapped).await;
        assert_eq!(preview.status, 200, "{}", preview.body);
        assert!(preview.body.contains("2 rows read"), "{}", preview.body);
        assert!(
            preview.body.contains("Import all 2 rows"),
            "{}",
            preview.body
        );
        assert!(titles(app).is_empty(), "a preview records nothing");

        let mut confirmed: Vec<Part<'_>> = mapped.into_iter().collect();
        confirmed.push(Part::Text("confirm", "1"));
        let done = post(app, &browser, path, &confirmed).await;
        assert_eq!(done.status, 200, "{}", done.body);
        assert!(
            done.body.contains("2 actions were imported"),
            "{}",
            done.body
        );
        assert_eq!(titles(app), ["Lettre au ministre", "Séminaire à Mexico"]);

        let remembered = app
            .store
            .import_mapping(
                &AccessScope::SiteAdmin(entente_core::access::UserId(0)),
                org,
                "actions",
            )
            .unwrap();
        assert_eq!(
            remembered.get("pays vise").map(String::as_str),
            Some("states"),
            "{remembered:?}"
        );
        // The next file with the same headers is read at once.
        let again = post(
            app,
            &browser,
            path,
            &[
                Part::Text("csrf", &csrf),
                Part::File("plan.csv", SHEET.as_bytes()),
            ],
        )
        .await;
        assert!(again.body.contains("Import all 2 rows"), "{}", again.body);
    })
    .await;
}

#[tokio::test]
async fn every_bad_row_is_listed_and_nothing_is_written() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let (browser, csrf) = signed_in(app, "ana@example.org").await;
        let path = "/orgs/npm-watch/import?lang=en";
        let sheet = "title,action_type,phase,level,states,audiences,start,end,budget,budget_currency\n\
            Good one,letter,ratification,national,FRA,executive,2026-03-01,2026-03-31,,\n\
            Backwards,letter,ratification,national,FRA,executive,2026-03-31,2026-03-01,,\n\
            Nowhere,letter,ratification,national,Atlantis,executive,,,,\n\
            Too cheap,letter,ratification,national,FRA,executive,,,-5,EUR\n\
            Short row,letter\n";
        let parts = [Part::Text("csrf", &csrf), Part::File("plan.csv", sheet.as_bytes()), Part::Text("confirm", "1")];
        let answer = post(app, &browser, path, &parts).await;
        assert_eq!(answer.status, 200, "{}", answer.body);
        for expected in ["Atlantis", "states", "end", "budget", "<td>3</td>", "<td>4</td>", "<td>5</td>", "<td>6</td>"] {
            assert!(answer.body.contains(expected), "{expected}: {}", answer.body);
        }
        assert!(!answer.body.contains("name=\"confirm\""), "no import with refused rows");
        assert!(titles(app).is_empty(), "all or nothing: the good row is not written either");

        let junk = post(app, &browser, path, &[Part::Text("csrf", &csrf), Part::File("plan.csv", b"\x00\x01\x02PK\x03garbage")]).await;
        assert_eq!(junk.status, 200);
        assert!(junk.body.contains("The file cannot be read"), "{}", junk.body);
        let empty = post(app, &browser, path, &[Part::Text("csrf", &csrf)]).await;
        assert!(empty.body.contains("Choose a file to read"), "{}", empty.body);
    })
    .await;
}

#[tokio::test]
async fn only_editors_of_the_organisation_import() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "quiet", Visibility::Private);
        person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Editor);
        let file = Part::File("plan.csv", SHEET.as_bytes());
        let anonymous = app.browser();
        let page = Answer::from(
            anonymous
                .get(app.url("/orgs/npm-watch/import"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(page.status, 401);
        let (viewer, csrf) = signed_in(app, "bo@example.org").await;
        let refused = post(
            app,
            &viewer,
            "/orgs/npm-watch/import",
            &[Part::Text("csrf", &csrf), file],
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let hidden = Answer::from(
            viewer
                .get(app.url("/orgs/quiet/import"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        let missing = Answer::from(
            viewer
                .get(app.url("/orgs/nosuch/import"))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(hidden.status, 404);
        assert_eq!(hidden.body.replace("quiet", "nosuch"), missing.body);
        let link = "href=\"/orgs/npm-watch/import";
        let entry = |client: &reqwest::Client| client.get(app.url("/orgs/npm-watch")).send();
        let seen_by_viewer = Answer::from(entry(&viewer).await.unwrap()).await;
        assert!(
            !seen_by_viewer.body.contains(link),
            "viewers are not offered the import"
        );
        let (editor, _) = signed_in(app, "ana@example.org").await;
        let seen_by_editor = Answer::from(entry(&editor).await.unwrap()).await;
        assert!(
            seen_by_editor.body.contains(link),
            "the entry links editors to the import"
        );
        let forged = post(
            app,
            &editor,
            "/orgs/npm-watch/import",
            &[
                Part::Text("csrf", "forged"),
                Part::File("plan.csv", SHEET.as_bytes()),
                Part::Text("confirm", "1"),
            ],
        )
        .await;
        assert_eq!(forged.status, 403, "a form without the session's token");
        assert!(titles(app).is_empty());
    })
    .await;
}
