//! The directory's profile and alliance reach over HTTP on each backend:
//! admins set level, sectors, states and regions in the settings form
//! (unknown states refused beside their field), the directory is filtered
//! by them on the portal and the API, alliances take the states and regions
//! they campaign in, and their reach counts only the members the reader
//! may see.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgId, Role, TokenScope, UserId, Visibility};
use entente_core::plan::{Level, Sector};
use entente_store::Organisation;
use serde_json::json;

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

fn token(app: &TestApp, user: UserId) -> String {
    let token = Secret::generate_api_token();
    let now = Utc::now().naive_utc();
    app.store
        .create_api_token(user, "script", &token.hash(), TokenScope::ReadWrite, now)
        .unwrap();
    token.as_str().to_owned()
}

/// The settings form with its profile, as `/orgs/npm-watch` holds it.
fn settings(csrf: &str, states: &str) -> Vec<(&'static str, String)> {
    [
        ("csrf", csrf),
        ("name", "NPM Watch"),
        ("kind", "national_ngo"),
        ("visibility", "public"),
        ("profile", "1"),
        ("level", "regional"),
        ("sectors", "legal"),
        ("sectors", "health"),
        ("regions", "grulac"),
        ("states", states),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

#[tokio::test]
async fn admins_set_the_profile_and_the_directory_is_filtered_by_it() {
    fixture::on_each_backend(async |app| {
        let org = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "other", Visibility::Public);
        organisation(app, "quiet", Visibility::Private);
        person(app, "ana@example.org", "Ana Pérez", org, Role::Admin);
        let admin = signed_in(app, "ana@example.org").await;
        let page = send(admin.get(app.url("/orgs/npm-watch"))).await;
        let csrf = csrf_field(&page.body);

        let unknown = send(
            admin
                .post(app.url("/orgs/npm-watch?lang=fr"))
                .form(&settings(&csrf, "MEX, XYZ")),
        )
        .await;
        assert_eq!(unknown.status, 422, "{}", unknown.body);
        let problem = unknown
            .body
            .split("id=\"org-states-problem\">")
            .nth(1)
            .unwrap_or_default();
        let problem = problem.split("</p>").next().unwrap_or_default();
        assert!(
            problem.starts_with("Ces codes ne désignent aucun État"),
            "{}",
            unknown.body
        );
        assert!(
            problem.contains("XYZ") && !problem.contains("MEX"),
            "the unknown code is named: {problem}"
        );
        assert!(
            unknown.body.contains("value=\"MEX, XYZ\""),
            "what was typed comes back"
        );
        let malformed = send(
            admin
                .post(app.url("/orgs/npm-watch"))
                .form(&settings(&csrf, "Mexico")),
        )
        .await;
        assert_eq!(malformed.status, 422, "{}", malformed.body);
        assert!(
            malformed.body.contains("Mexico"),
            "the code that cannot be one is named"
        );
        assert_eq!(
            stored(app, org).profile.level,
            Level::National,
            "nothing saved"
        );

        let saved = send(
            admin
                .post(app.url("/orgs/npm-watch"))
                .form(&settings(&csrf, "mex; BRA")),
        )
        .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let profile = stored(app, org).profile;
        assert_eq!(profile.level, Level::Regional);
        assert_eq!(profile.sectors, [Sector::Legal, Sector::Health]);
        let states: Vec<&str> = profile.area.states.iter().map(|s| s.as_str()).collect();
        assert_eq!(states, ["BRA", "MEX"]);

        let page = send(app.browser().get(app.url("/orgs/npm-watch?lang=es"))).await;
        assert!(
            page.body.contains("Regional") && page.body.contains("Jurídico, Salud"),
            "{}",
            page.body
        );
        assert!(page.body.contains("BRA, MEX"), "{}", page.body);
        // A form without the profile's fields keeps the profile.
        let plain = [
            ("csrf", csrf.as_str()),
            ("name", "NPM Watch"),
            ("kind", "nhri"),
            ("visibility", "public"),
        ];
        let saved = send(admin.post(app.url("/orgs/npm-watch")).form(&plain)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        assert_eq!(stored(app, org).profile, profile);

        let listed = |path: &'static str| async move {
            let answer = send(reqwest::Client::new().get(app.url(path))).await;
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
            let list = answer.json();
            let names: Vec<String> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["short_name"].as_str().unwrap().to_owned())
                .collect();
            names
        };
        assert_eq!(listed("/api/v1/orgs?sector=legal").await, ["npm-watch"]);
        assert_eq!(listed("/api/v1/orgs?level=national").await, ["other"]);
        assert_eq!(listed("/api/v1/orgs?state=MEX").await, ["npm-watch"]);
        assert_eq!(listed("/api/v1/orgs?region=grulac").await, ["npm-watch"]);
        assert_eq!(
            listed("/api/v1/orgs?region=weog").await,
            Vec::<String>::new()
        );
        assert_eq!(
            listed("/api/v1/orgs?sector=&level=").await,
            ["npm-watch", "other"],
            "blank is any"
        );
        let entry = send(reqwest::Client::new().get(app.url("/api/v1/orgs/npm-watch")))
            .await
            .json();
        assert_eq!(entry["level"], "regional");
        assert_eq!(entry["sectors"], json!(["legal", "health"]));
        assert_eq!(entry["states"], json!(["BRA", "MEX"]));
        assert_eq!(entry["regions"], json!(["grulac"]));
        let bad = send(reqwest::Client::new().get(app.url("/api/v1/orgs?sector=plumbing"))).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert_eq!(bad.json()["error"]["code"], "invalid_parameter");

        let page = send(app.browser().get(app.url("/orgs?sector=legal"))).await;
        assert!(
            page.body.contains("/orgs/npm-watch") && !page.body.contains("/orgs/other"),
            "{}",
            page.body
        );
        let page = send(app.browser().get(app.url("/orgs?level=international"))).await;
        assert!(
            page.body.contains("No organisation is listed for you."),
            "{}",
            page.body
        );
    })
    .await;
}

#[tokio::test]
async fn alliances_take_an_area_and_show_their_reach_over_visible_members() {
    fixture::on_each_backend(async |app| {
        let owner = organisation(app, "npm-watch", Visibility::Public);
        organisation(app, "friends", Visibility::Public);
        let quiet = organisation(app, "quiet", Visibility::Private);
        let admin = person(app, "ana@example.org", "Ana Pérez", owner, Role::Admin);
        let viewer = person(app, "bo@example.org", "Bo Lund", owner, Role::Viewer);
        let client = reqwest::Client::new();
        let write = token(app, admin);
        let new = json!({"owner": "npm-watch", "name": "Americas", "visibility": "public", "states": ["MEX", "BRA"], "regions": ["grulac"]});
        let created = send(client.post(app.url("/api/v1/alliances")).bearer_auth(&write).json(&new)).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let alliance = created.json();
        assert_eq!(alliance["states"], json!(["BRA", "MEX"]));
        assert_eq!(alliance["regions"], json!(["grulac"]));
        let id = alliance["id"].as_i64().unwrap();
        let unknown = json!({"owner": "npm-watch", "name": "Nowhere", "visibility": "public", "states": ["XYZ"]});
        let refused = send(client.post(app.url("/api/v1/alliances")).bearer_auth(&write).json(&unknown)).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("XYZ"), "{}", refused.body);

        // Profiles: the owner legal and national in Mexico; the hidden
        // member health and international in Brazil.
        let root = AccessScope::SiteAdmin(UserId(0));
        for (org, level, sector, state) in [(owner, Level::National, Sector::Legal, "MEX"), (quiet, Level::International, Sector::Health, "BRA")] {
            let entry = stored(app, org);
            let changes = entente_store::OrganisationChanges {
                name: entry.name,
                kind: entry.kind,
                website: entry.website,
                description: entry.description,
                visibility: entry.visibility,
                profile: entente_store::OrganisationProfile {
                    level,
                    sectors: vec![sector],
                    area: entente_store::Area { states: vec![state.parse().unwrap()], regions: Vec::new() },
                },
            };
            app.store.update_organisation(&root, org, &changes).unwrap();
        }
        app.store.add_alliance_member(&root, entente_core::access::AllianceId(id), quiet).unwrap();
        let path = format!("/api/v1/alliances/{id}");
        let public = send(client.get(app.url(&path))).await.json();
        assert_eq!(public["reach"]["members"], 1, "the hidden member is not counted: {public}");
        assert_eq!(public["reach"]["states_covered"], json!(["MEX"]));
        let by_level = &public["reach"]["by_level"];
        assert_eq!(by_level, &json!([{"code": "international", "count": 0}, {"code": "regional", "count": 0}, {"code": "national", "count": 1}]));
        let root_token = {
            let user = app.store.create_user("root@example.org", "Root").unwrap();
            app.store.set_site_admin(user, true).unwrap();
            token(app, user)
        };
        let full = send(client.get(app.url(&path)).bearer_auth(&root_token)).await.json();
        assert_eq!(full["reach"]["members"], 2);
        assert_eq!(full["reach"]["states_covered"], json!(["BRA", "MEX"]));
        let list = send(client.get(app.url("/api/v1/alliances"))).await.json();
        assert!(list[0].get("reach").is_none(), "lists leave the reach out");

        // The area changed by the owner's admin, refused to its viewer.
        let area_path = format!("/api/v1/alliances/{id}/area");
        let changed = send(client.put(app.url(&area_path)).bearer_auth(&write).json(&json!({"states": ["FRA"], "regions": []}))).await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.json()["states"], json!(["FRA"]));
        let refused = send(client.put(app.url(&area_path)).bearer_auth(token(app, viewer)).json(&json!({"states": []}))).await;
        assert_eq!(refused.status, 403, "{}", refused.body);
        let bad = send(client.put(app.url(&area_path)).bearer_auth(&write).json(&json!({"regions": ["mars"]}))).await;
        assert_eq!(bad.status, 422, "{}", bad.body);

        // On the portal: the reach, and the area form for the admin.
        let browser = signed_in(app, "ana@example.org").await;
        let page = send(browser.get(app.url(&format!("/alliances/{id}?lang=fr")))).await;
        assert!(page.body.contains("Portée") && page.body.contains("Juridique"), "{}", page.body);
        let csrf = csrf_field(&page.body);
        let form = [("csrf", csrf.as_str()), ("states", "MEX BRA"), ("regions", "grulac"), ("regions", "weog")];
        let saved = send(browser.post(app.url(&format!("/alliances/{id}/area"))).form(&form)).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let read = app.store.alliance(&root, entente_core::access::AllianceId(id)).unwrap().unwrap();
        assert_eq!(read.area.regions.len(), 2);
        let form = [("csrf", csrf.as_str()), ("states", "QQQ")];
        let refused = send(browser.post(app.url(&format!("/alliances/{id}/area?lang=fr"))).form(&form)).await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        let problem = refused.body.split("id=\"area-problem\">").nth(1).unwrap_or_default();
        assert!(problem.split("</p>").next().unwrap_or_default().contains("QQQ"), "{}", refused.body);
        let created = [("csrf", csrf.as_str()), ("owner", "npm-watch"), ("name", "Europe"), ("visibility", "public"), ("states", "FRA"), ("regions", "weog")];
        let made = send(browser.post(app.url("/alliances")).form(&created)).await;
        assert_eq!(made.status, 303, "{}", made.body);
    })
    .await;
}
