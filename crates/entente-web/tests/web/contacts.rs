//! Contacts over HTTP on each backend, through the API and the pages:
//! editors add them, only admins share them with an alliance, allies read
//! what is shared with them (and the owner's audit log says so), a hidden
//! contact answers exactly as a missing one, and bad fields are refused
//! naming the field.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{AccessScope, Role, TokenScope, UserId, Visibility};
use entente_store::{AuditAction, AuditFilter, NewAlliance};
use serde_json::json;

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

fn token(app: &TestApp, user: UserId, scope: TokenScope) -> String {
    let token = Secret::generate_api_token();
    app.store
        .create_api_token(user, "script", &token.hash(), scope, Utc::now().naive_utc())
        .unwrap();
    token.as_str().to_owned()
}

/// "npm-watch" (public) with an admin, an editor and a viewer; "friends"
/// (public) allied with it through "OPCAT now"; "quiet" in no alliance.
struct Cast {
    alliance: i64,
    admin: String,
    editor: String,
    viewer: String,
    ally: String,
    stranger: String,
    read_only: String,
}

fn cast(app: &TestApp) -> Cast {
    let owner = organisation(app, "npm-watch", Visibility::Public);
    let friends = organisation(app, "friends", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
    let editor = person(app, "ed@example.org", "Ed Ito", owner, Role::Editor);
    let viewer = person(app, "bo@example.org", "Bo Lund", owner, Role::Viewer);
    let ally = person(app, "fe@example.org", "Fe Amigo", friends, Role::Admin);
    let stranger = person(app, "cy@example.org", "Cy Ode", quiet, Role::Admin);
    let root = AccessScope::SiteAdmin(UserId(0));
    let new = NewAlliance {
        owner,
        name: "OPCAT now".to_owned(),
        purpose: String::new(),
        visibility: Visibility::Alliance,
        area: entente_store::Area::default(),
    };
    let alliance = app.store.create_alliance(&root, &new).unwrap();
    app.store
        .add_alliance_member(&root, alliance, friends)
        .unwrap();
    Cast {
        alliance: alliance.0,
        admin: token(app, admin, TokenScope::ReadWrite),
        editor: token(app, editor, TokenScope::ReadWrite),
        viewer: token(app, viewer, TokenScope::ReadWrite),
        ally: token(app, ally, TokenScope::ReadWrite),
        stranger: token(app, stranger, TokenScope::ReadWrite),
        read_only: token(app, editor, TokenScope::Read),
    }
}

const LIST: &str = "/api/v1/orgs/npm-watch/contacts";

fn contact(name: &str, visibility: &str, shared_with: &[i64]) -> serde_json::Value {
    json!({
        "name": name, "role": "Director", "email": "paz@example.org", "phone": "+52 55 1234",
        "languages": ["es", "EN"], "consent": true, "notes": "Met in Geneva",
        "visibility": visibility, "shared_with": shared_with,
    })
}

fn names(answer: &Answer) -> Vec<String> {
    let list = answer.json();
    let list = list.as_array().expect("a list");
    list.iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn get(app: &TestApp, token: &str, path: &str) -> Answer {
    send(reqwest::Client::new().get(app.url(path)).bearer_auth(token)).await
}

#[tokio::test]
async fn the_api_creates_reads_shares_updates_and_deletes_contacts_as_the_rules_say() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let client = reqwest::Client::new();
        let post = |token: &str, body: serde_json::Value| {
            client
                .post(app.url(LIST))
                .bearer_auth(token.to_owned())
                .json(&body)
        };
        let created = send(post(&cast.editor, contact("Paz Ruiz", "private", &[]))).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let paz = created.json();
        assert_eq!(paz["languages"], json!(["es", "en"]));
        assert_eq!(paz["org"], "npm-watch");
        let shared = contact("Sam Shared", "alliance", &[cast.alliance]);
        let refused = send(post(&cast.editor, shared.clone())).await;
        assert_eq!(
            refused.status, 403,
            "an editor may not share: {}",
            refused.body
        );
        let refused = send(post(&cast.read_only, contact("X", "private", &[]))).await;
        assert_eq!(refused.json()["error"]["code"], "token_read_only");
        let public = send(post(&cast.admin, contact("Pat Public", "public", &[]))).await;
        assert_eq!(public.status, 422, "{}", public.body);
        assert_eq!(public.json()["error"]["code"], "invalid_field");
        assert!(public.body.contains("visibility"), "{}", public.body);
        let viewer_add = send(post(&cast.viewer, contact("Vi", "private", &[]))).await;
        assert_eq!(viewer_add.status, 403);
        let sam = send(post(&cast.admin, shared)).await;
        assert_eq!(sam.status, 201, "{}", sam.body);
        let sam_id = sam.json()["id"].as_i64().unwrap();

        assert_eq!(
            names(&get(app, &cast.viewer, LIST).await),
            ["Paz Ruiz", "Sam Shared"]
        );
        assert_eq!(names(&get(app, &cast.ally, LIST).await), ["Sam Shared"]);
        assert_eq!(
            names(&get(app, &cast.stranger, LIST).await),
            Vec::<String>::new()
        );
        let anonymous = send(client.get(app.url(LIST))).await;
        assert_eq!((anonymous.status, anonymous.body.as_str()), (200, "[]"));

        // A hidden contact answers exactly as a missing one.
        let paz_id = paz["id"].as_i64().unwrap();
        let hidden = get(app, &cast.ally, &format!("{LIST}/{paz_id}")).await;
        let missing = get(app, &cast.ally, &format!("{LIST}/987654")).await;
        assert_eq!(hidden.status, 404);
        assert_eq!(
            hidden.body.replace(&paz_id.to_string(), "987654"),
            missing.body
        );
        let elsewhere = get(
            app,
            &cast.admin,
            &format!("/api/v1/orgs/friends/contacts/{paz_id}"),
        )
        .await;
        assert_eq!(elsewhere.json()["error"]["code"], "contact_not_found");

        // The ally's read is in the owner's audit log, without the name.
        let read = get(app, &cast.ally, &format!("{LIST}/{sam_id}")).await;
        assert_eq!(read.json()["name"], "Sam Shared");
        let root = AccessScope::SiteAdmin(UserId(0));
        let filter = AuditFilter {
            action: Some(AuditAction::RecordReadByAlliance),
            ..AuditFilter::default()
        };
        let logged = app.store.audit_entries(&root, &filter).unwrap();
        let about_sam = logged
            .iter()
            .filter(|l| l.entry.record_id == Some(sam_id))
            .count();
        assert_eq!(about_sam, 2, "the ally's list and read");

        let path = format!("{LIST}/{paz_id}");
        let mut changed = contact("Paz Ruiz", "private", &[]);
        changed["role"] = json!("Legal officer");
        let put = send(
            client
                .put(app.url(&path))
                .bearer_auth(&cast.editor)
                .json(&changed),
        )
        .await;
        assert_eq!(
            (put.status, put.json()["role"].clone()),
            (200, json!("Legal officer"))
        );
        let put = send(
            client
                .put(app.url(&path))
                .bearer_auth(&cast.ally)
                .json(&changed),
        )
        .await;
        assert_eq!(put.status, 404, "hidden from the ally: {}", put.body);
        let mut bad = changed.clone();
        bad["email"] = json!("paz at example");
        let put = send(
            client
                .put(app.url(&path))
                .bearer_auth(&cast.editor)
                .json(&bad),
        )
        .await;
        assert_eq!(put.status, 422);
        assert!(put.body.contains("email"), "{}", put.body);
        let gone = send(client.delete(app.url(&path)).bearer_auth(&cast.viewer)).await;
        assert_eq!(gone.status, 403);
        let gone = send(client.delete(app.url(&path)).bearer_auth(&cast.editor)).await;
        assert_eq!(gone.status, 204);
        assert_eq!(get(app, &cast.editor, &path).await.status, 404);
    })
    .await;
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

#[tokio::test]
async fn the_pages_list_add_change_and_delete_contacts_with_field_messages() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let editor = signed_in(app, "ed@example.org").await;
        let page = send(editor.get(app.url("/orgs/npm-watch/contacts?lang=fr"))).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Ajouter un contact"), "{}", page.body);
        let csrf = csrf_field(&page.body);
        let form = |name: &str, email: &str| {
            vec![
                ("csrf", csrf.clone()),
                ("name", name.to_owned()),
                ("role", "Juriste".to_owned()),
                ("email", email.to_owned()),
                ("languages", "fr, es".to_owned()),
                ("consent", "yes".to_owned()),
                ("visibility", "private".to_owned()),
            ]
        };
        let bad = send(
            editor
                .post(app.url("/orgs/npm-watch/contacts?lang=fr"))
                .form(&form("Lou", "lou at example")),
        )
        .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(
            bad.body.contains("Indiquez une adresse électronique"),
            "{}",
            bad.body
        );
        assert!(
            bad.body.contains("value=\"Lou\""),
            "what was typed comes back"
        );
        let saved = send(
            editor
                .post(app.url("/orgs/npm-watch/contacts?lang=fr"))
                .form(&form("Lou Martin", "lou@example.org")),
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(
            saved.headers["location"],
            "/orgs/npm-watch/contacts?lang=fr"
        );
        let mut shared = form("Sam Partagé", "sam@example.org");
        shared[6].1 = "alliance".to_owned();
        shared.push(("shared_with", cast.alliance.to_string()));
        let refused = send(
            editor
                .post(app.url("/orgs/npm-watch/contacts?lang=fr"))
                .form(&shared),
        )
        .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(
            refused.body.contains("Seul un administrateur"),
            "{}",
            refused.body
        );
        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch/contacts"))).await;
        let admin_csrf = csrf_field(&page.body);
        shared[0].1 = admin_csrf.clone();
        let saved = send(
            admin
                .post(app.url("/orgs/npm-watch/contacts"))
                .form(&shared),
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);

        let ally = signed_in(app, "fe@example.org").await;
        let seen = send(ally.get(app.url("/orgs/npm-watch/contacts"))).await;
        assert!(
            seen.body.contains("Sam Partagé") && !seen.body.contains("Lou Martin"),
            "{}",
            seen.body
        );
        assert!(
            !seen.body.contains("Add a contact"),
            "an ally does not write"
        );
        let anonymous = send(app.browser().get(app.url("/orgs/npm-watch/contacts"))).await;
        assert!(!anonymous.body.contains("Sam Partagé"));

        let list = send(editor.get(app.url("/orgs/npm-watch/contacts"))).await;
        let start = list.body.find("/orgs/npm-watch/contacts/").unwrap();
        let link: String = list.body[start..]
            .chars()
            .take_while(|c| *c != '"' && *c != '?')
            .collect();
        let one = send(editor.get(app.url(&link))).await;
        assert_eq!(one.status, 200);
        assert!(one.body.contains("Lou Martin"), "the first by name");
        let hidden = send(ally.get(app.url(&link))).await;
        assert_eq!(
            hidden.status, 404,
            "a private contact is hidden from the ally"
        );
        assert!(
            one.body.contains(&format!("{link}/delete")),
            "the contact's page links to the question before deleting"
        );
        let question = send(editor.get(app.url(&format!("{link}/delete")))).await;
        assert_eq!(question.status, 200);
        assert!(
            question.body.contains("Delete the contact “Lou Martin”?")
                && question.body.contains("No, keep it"),
            "{}",
            question.body
        );
        assert_eq!(
            send(ally.get(app.url(&format!("{link}/delete"))))
                .await
                .status,
            404,
            "the question is hidden like the contact"
        );
        assert_eq!(
            send(editor.get(app.url(&link))).await.status,
            200,
            "asking deletes nothing"
        );
        let delete = send(
            editor
                .post(app.url(&format!("{link}/delete")))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(delete.status, 303, "{}", delete.body);
        assert_eq!(send(editor.get(app.url(&link))).await.status, 404);
        let forged = send(
            editor
                .post(app.url("/orgs/npm-watch/contacts"))
                .form(&[("csrf", "forged"), ("name", "X")]),
        )
        .await;
        assert_eq!(forged.status, 403);
    })
    .await;
}
