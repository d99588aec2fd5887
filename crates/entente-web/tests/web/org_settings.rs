//! Changing an organisation's settings over HTTP on each backend: its
//! admins may, its viewers are refused, a hidden organisation answers like
//! a missing one, and a bad field comes back with its own message.

use entente_core::access::{AccessScope, OrgId, OrgKind, Role, UserId, Visibility};
use entente_store::{AuditAction, AuditFilter, Organisation};

use super::app::{Answer, TestApp};
use super::fixture;
use super::orgs::{organisation, person};
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

fn stored(app: &TestApp, org: OrgId) -> Organisation {
    let root = AccessScope::SiteAdmin(UserId(0));
    app.store.organisation(&root, org).unwrap().unwrap()
}

fn updates(app: &TestApp, org: OrgId) -> usize {
    let filter = AuditFilter {
        org: Some(org),
        action: Some(AuditAction::OrganisationUpdated),
        ..AuditFilter::default()
    };
    let root = AccessScope::SiteAdmin(UserId(0));
    app.store.audit_entries(&root, &filter).unwrap().len()
}

/// Posts the settings form to `/orgs/{short}` as `browser`, with the form
/// token of the organisation's public page "npm-watch".
async fn post_settings(
    app: &TestApp,
    browser: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> Answer {
    let page = send(browser.get(app.url("/orgs/npm-watch"))).await;
    let csrf = csrf_field(&page.body);
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    send(browser.post(app.url(path)).form(&form)).await
}

const GOOD: &[(&str, &str)] = &[
    ("name", "NPM Watch Coalition"),
    ("kind", "nhri"),
    ("website", "https://npm-watch.example.org"),
    ("description", "Follows the national preventive mechanism."),
    ("visibility", "alliance"),
];

#[tokio::test]
async fn an_admin_edits_the_settings_and_a_viewer_is_refused() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        person(app, "bo@example.org", "Bo Lund", org, Role::Viewer);
        let before = stored(app, org);

        let viewer = signed_in(app, "bo@example.org").await;
        let page = send(viewer.get(app.url("/orgs/npm-watch"))).await;
        assert!(!page.body.contains("Save the settings"), "{}", page.body);
        let refused = post_settings(app, &viewer, "/orgs/npm-watch", GOOD).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert_eq!(stored(app, org), before);

        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch?lang=es"))).await;
        assert!(
            page.body.contains("Guardar la configuración"),
            "{}",
            page.body
        );
        assert!(page.body.contains("value=\"Organisation npm-watch\""));
        let saved = post_settings(app, &admin, "/orgs/npm-watch?lang=fr", GOOD).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(saved.headers["location"], "/orgs/npm-watch?lang=fr");
        let after = stored(app, org);
        assert_eq!(after.name, "NPM Watch Coalition");
        assert_eq!(after.kind, OrgKind::Nhri);
        assert_eq!(
            after.website.as_deref(),
            Some("https://npm-watch.example.org")
        );
        assert_eq!(
            after.description.as_deref(),
            Some("Follows the national preventive mechanism.")
        );
        assert_eq!(after.visibility, Visibility::Alliance);
        assert_eq!(updates(app, org), 1);

        // Blank optional fields clear them.
        let cleared = [
            ("name", "NPM Watch"),
            ("kind", "nhri"),
            ("website", " "),
            ("description", ""),
            ("visibility", "public"),
        ];
        let saved = post_settings(app, &admin, "/orgs/npm-watch", &cleared).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let after = stored(app, org);
        assert_eq!((after.website, after.description), (None, None));
    })
    .await;
}

#[tokio::test]
async fn a_hidden_organisation_answers_like_a_missing_one() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        let quiet = organisation(app, "quiet", Visibility::Private);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let admin = signed_in(app, "ana@example.org").await;
        let hidden = post_settings(app, &admin, "/orgs/quiet", GOOD).await;
        let missing = post_settings(app, &admin, "/orgs/nosuch", GOOD).await;
        assert_eq!(hidden.status, 404, "{}", hidden.body);
        assert_eq!(hidden.body.replace("quiet", "nosuch"), missing.body);
        assert_eq!(stored(app, quiet).name, "Organisation quiet");
        assert_eq!(updates(app, quiet), 0);
    })
    .await;
}

#[tokio::test]
async fn bad_fields_come_back_with_their_own_messages_and_change_nothing() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let before = stored(app, org);
        let admin = signed_in(app, "ana@example.org").await;

        let mut fields = GOOD.to_vec();
        fields[2] = ("website", "javascript:alert(1)");
        let bad = post_settings(app, &admin, "/orgs/npm-watch", &fields).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(
            bad.body
                .contains("id=\"org-website-problem\">Website: give an address"),
            "{}",
            bad.body
        );
        assert!(bad.body.contains("aria-invalid"), "{}", bad.body);
        assert!(!bad.body.contains("org-name-problem"), "{}", bad.body);
        // What was typed comes back, to correct.
        assert!(bad.body.contains("value=\"NPM Watch Coalition\""));

        fields[0] = ("name", "  ");
        fields[2] = ("website", "https://npm-watch.example.org");
        fields[4] = ("visibility", "everyone");
        let bad = post_settings(app, &admin, "/orgs/npm-watch?lang=fr", &fields).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(
            bad.body.contains("Nom\u{a0}: donnez un nom"),
            "{}",
            bad.body
        );
        assert!(
            bad.body.contains("Fiche visible par\u{a0}: choisissez"),
            "{}",
            bad.body
        );
        assert!(!bad.body.contains("org-website-problem"), "{}", bad.body);

        assert_eq!(stored(app, org), before);
        assert_eq!(updates(app, org), 0);
    })
    .await;
}
