//! The organisation directory over HTTP on each backend: what each reader
//! sees, hidden entries answering as missing ones, and member management
//! by admins only, the last admin kept.

use entente_core::access::{AccessScope, OrgId, OrgKind, Role, UserId, Visibility};
use entente_store::NewOrganisation;

use super::app::{Answer, TestApp};
use super::fixture;
use super::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

pub fn organisation(app: &TestApp, short: &str, visibility: Visibility) -> OrgId {
    app.store
        .create_organisation(&NewOrganisation {
            short_name: short.into(),
            name: format!("Organisation {short}"),
            kind: OrgKind::NationalNgo,
            website: Some("https://example.org/".into()),
            description: Some("Works for OPCAT ratification.".into()),
            visibility,
            profile: entente_store::OrganisationProfile::default(),
        })
        .unwrap()
}

pub fn person(app: &TestApp, email: &str, name: &str, org: OrgId, role: Role) -> UserId {
    let user = app.store.create_user(email, name).unwrap();
    let hash = entente_auth::password::hash(PASSWORD).unwrap();
    app.store.set_password_hash(user, &hash).unwrap();
    app.store
        .add_membership(&AccessScope::SiteAdmin(user), user, org, role)
        .unwrap();
    user
}

/// A public organisation "npm-watch" with an admin (Ana) and a viewer (Bo),
/// and a private one "quiet" nobody here belongs to.
struct Cast {
    org: OrgId,
    admin: UserId,
    viewer: UserId,
}

fn cast(app: &TestApp) -> Cast {
    let org = organisation(app, "npm-watch", Visibility::Public);
    organisation(app, "quiet", Visibility::Private);
    Cast {
        org,
        admin: person(app, "ana@example.org", "Ana Pérez", org, Role::Admin),
        viewer: person(app, "bo@example.org", "Bo Lund", org, Role::Viewer),
    }
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

fn role_of(app: &TestApp, org: OrgId, user: UserId) -> Option<Role> {
    app.store
        .members_of(&AccessScope::SiteAdmin(user), org)
        .unwrap()
        .into_iter()
        .find(|m| m.user == user)
        .map(|m| m.role)
}

#[tokio::test]
async fn the_directory_shows_visible_entries_and_hides_the_rest_as_missing() {
    fixture::on_each_backend(async |app| {
        cast(app);
        let list = app.get("/orgs").await;
        assert_eq!(list.status, 200);
        assert!(
            list.body.contains("Organisation npm-watch"),
            "{}",
            list.body
        );
        assert!(!list.body.contains("quiet"), "{}", list.body);

        let entry = app.get("/orgs/npm-watch?lang=fr").await;
        assert_eq!(entry.status, 200);
        assert!(entry.body.contains("ONG nationale"), "{}", entry.body);
        assert!(
            !entry.body.contains("ana@example.org"),
            "members are for members"
        );

        let hidden = app.get("/orgs/quiet").await;
        let missing = app.get("/orgs/nosuch").await;
        assert_eq!(hidden.status, 404);
        assert_eq!(missing.status, 404);
        assert_eq!(hidden.body.replace("quiet", "nosuch"), missing.body);
    })
    .await;
}

#[tokio::test]
async fn members_see_the_member_list_and_only_admins_change_it() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let viewer = signed_in(app, "bo@example.org").await;
        let page = send(viewer.get(app.url("/orgs/npm-watch"))).await;
        assert!(page.body.contains("ana@example.org"), "{}", page.body);
        assert!(!page.body.contains("/role?"), "a viewer gets no controls");
        let csrf = csrf_field(&page.body);
        let path = format!("/orgs/npm-watch/members/{}/role", cast.viewer.0);
        let refused = send(
            viewer
                .post(app.url(&path))
                .form(&[("csrf", csrf.as_str()), ("role", "admin")]),
        )
        .await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert_eq!(role_of(app, cast.org, cast.viewer), Some(Role::Viewer));

        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch"))).await;
        let csrf = csrf_field(&page.body);
        let bad = send(
            admin
                .post(app.url(&path))
                .form(&[("csrf", csrf.as_str()), ("role", "owner")]),
        )
        .await;
        assert_eq!(bad.status, 422);
        assert!(bad.body.contains("Role: choose"), "{}", bad.body);
        let forged = send(
            admin
                .post(app.url(&path))
                .form(&[("csrf", "forged"), ("role", "editor")]),
        )
        .await;
        assert_eq!(forged.status, 403);
        assert_eq!(role_of(app, cast.org, cast.viewer), Some(Role::Viewer));

        let changed = send(
            admin
                .post(app.url(&path))
                .form(&[("csrf", csrf.as_str()), ("role", "editor")]),
        )
        .await;
        assert_eq!(changed.status, 303, "{}", changed.body);
        assert_eq!(role_of(app, cast.org, cast.viewer), Some(Role::Editor));

        let remove = format!("/orgs/npm-watch/members/{}/remove", cast.viewer.0);
        let removed = send(
            admin
                .post(app.url(&remove))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(removed.status, 303, "{}", removed.body);
        assert_eq!(role_of(app, cast.org, cast.viewer), None);
    })
    .await;
}

#[tokio::test]
async fn the_last_admin_is_neither_removed_nor_demoted() {
    fixture::on_each_backend(async |app| {
        let cast = cast(app);
        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch?lang=es"))).await;
        let csrf = csrf_field(&page.body);
        let remove = format!("/orgs/npm-watch/members/{}/remove?lang=es", cast.admin.0);
        let refused = send(
            admin
                .post(app.url(&remove))
                .form(&[("csrf", csrf.as_str())]),
        )
        .await;
        assert_eq!(refused.status, 409);
        assert!(
            refused.body.contains("se quedaría sin administrador"),
            "{}",
            refused.body
        );
        let demote = format!("/orgs/npm-watch/members/{}/role", cast.admin.0);
        let refused = send(
            admin
                .post(app.url(&demote))
                .form(&[("csrf", csrf.as_str()), ("role", "viewer")]),
        )
        .await;
        assert_eq!(refused.status, 409);
        assert_eq!(role_of(app, cast.org, cast.admin), Some(Role::Admin));
    })
    .await;
}

#[tokio::test]
async fn the_api_lists_visible_entries_and_members_for_members_only() {
    fixture::on_each_backend(async |app| {
        cast(app);
        let list = app.get("/api/v1/orgs").await;
        assert_eq!(list.status, 200);
        let shorts: Vec<_> = list
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["short_name"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(shorts, ["npm-watch"]);
        let entry = app.get("/api/v1/orgs/npm-watch").await.json();
        assert_eq!(entry["kind"], "national_ngo");
        assert_eq!(entry["visibility"], "public");

        let hidden = app.get("/api/v1/orgs/quiet").await;
        let missing = app.get("/api/v1/orgs/nosuch").await;
        assert_eq!((hidden.status, missing.status), (404, 404));
        assert_eq!(hidden.json()["error"]["code"], "org_not_found");
        assert_eq!(hidden.body.replace("quiet", "nosuch"), missing.body);

        let outsider = app.get("/api/v1/orgs/npm-watch/members").await;
        assert_eq!(outsider.status, 403);
        assert_eq!(outsider.json()["error"]["code"], "forbidden");
        let member = signed_in(app, "bo@example.org").await;
        let members = send(member.get(app.url("/api/v1/orgs/npm-watch/members"))).await;
        assert_eq!(members.status, 200, "{}", members.body);
        let roles: Vec<_> = members
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["role"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(roles, ["admin", "viewer"], "by display name");
    })
    .await;
}
