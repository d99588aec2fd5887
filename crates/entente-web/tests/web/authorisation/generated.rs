//! Property-based worlds on top of the route table: random organisations,
//! alliances (random owners, visibilities and members) and users with
//! random roles, some site admins. For every user and the anonymous
//! visitor, what the API and the pages say about every organisation and
//! alliance must be what `can_read` of the reference rules says.
//!
//! Each case does HTTP, so there are few of them, all in the application
//! of one backend; each case's records carry the case's number, so a case
//! looks only at its own among those of earlier ones.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeDelta, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, OrgId, OrgKind, Role, UserId, Visibility};
use entente_store::{NewAlliance, NewOrganisation, NewSession};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use super::checks::reading::check_alliance_view;
use super::checks::{assert_like_missing, swap_key};
use super::model::{AllianceModel, Model, OrgModel, UserModel};
use super::world::{api_token, send};
use crate::app::{Answer, TestApp};

const CASES: u32 = 16;
const MISSING_SHORT: &str = "nosuch-org";
const MISSING_ID: i64 = 987_654_321;

/// A world to build: organisations by visibility; alliances by owner,
/// visibility and other members; users by site-admin flag and roles.
/// Organisations are named by their place in `orgs`.
#[derive(Debug, Clone)]
struct Spec {
    orgs: Vec<Visibility>,
    alliances: Vec<(usize, Visibility, BTreeSet<usize>)>,
    users: Vec<(bool, BTreeMap<usize, Role>)>,
}

fn visibility() -> impl Strategy<Value = Visibility> {
    prop::sample::select(Visibility::ALL)
}

fn spec() -> impl Strategy<Value = Spec> {
    prop::collection::vec(visibility(), 2..=5).prop_flat_map(|orgs| {
        let n = orgs.len();
        let alliance = (0..n, visibility(), prop::collection::btree_set(0..n, 0..n));
        let roles = prop::collection::btree_map(0..n, prop::sample::select(Role::ALL), 0..=2);
        let user = (prop::bool::weighted(0.15), roles);
        (
            Just(orgs),
            prop::collection::vec(alliance, 0..=3),
            prop::collection::vec(user, 1..=4),
        )
            .prop_map(|(orgs, alliances, users)| Spec {
                orgs,
                alliances,
                users,
            })
    })
}

/// A user of a case, or the anonymous visitor: a session cookie for the
/// pages, a token for the API.
struct Reader {
    user: Option<UserId>,
    cookie: Option<String>,
    token: Option<String>,
}

impl Reader {
    async fn page(&self, app: &TestApp, path: &str) -> Answer {
        let request = reqwest::Client::new().get(app.url(path));
        match &self.cookie {
            Some(cookie) => send(request.header("cookie", cookie)).await,
            None => send(request).await,
        }
    }

    async fn api(&self, app: &TestApp, path: &str) -> Answer {
        let request = reqwest::Client::new().get(app.url(path));
        match &self.token {
            Some(token) => send(request.bearer_auth(token)).await,
            None => send(request).await,
        }
    }
}

/// A session in the store, as signing in makes one, without the cost of
/// a password hash per generated user.
fn session_cookie(app: &TestApp, user: UserId) -> String {
    let secret = Secret::generate();
    let now = Utc::now().naive_utc();
    let csrf = Secret::generate();
    app.store
        .create_session(&NewSession {
            user,
            id_hash: &secret.hash(),
            csrf_token: csrf.as_str(),
            user_agent: None,
            now,
            idle: TimeDelta::hours(1),
            absolute: TimeDelta::hours(2),
        })
        .unwrap();
    format!("entente_session={}", secret.as_str())
}

/// Stores the world of `spec` as case `case`; returns its model and readers.
fn build(app: &TestApp, case: usize, spec: &Spec) -> (Model, Vec<Reader>) {
    let admin = AccessScope::SiteAdmin(UserId(0));
    let mut model = Model::default();
    let mut orgs = Vec::new();
    for (i, visibility) in spec.orgs.iter().enumerate() {
        let short = format!("gq{case}o{i}zx");
        let new = NewOrganisation {
            short_name: short.clone(),
            name: format!("Organisation {short}"),
            kind: OrgKind::Other,
            website: None,
            description: None,
            visibility: *visibility,
            profile: entente_store::OrganisationProfile::default(),
        };
        let id = app.store.create_organisation(&new).unwrap();
        let visibility = *visibility;
        model.orgs.insert(id, OrgModel { short, visibility });
        orgs.push(id);
    }
    for (i, (owner, visibility, others)) in spec.alliances.iter().enumerate() {
        let (name, purpose) = (format!("gq{case}a{i}zx"), format!("gq{case}p{i}zx"));
        let new = NewAlliance {
            owner: orgs[*owner],
            name: format!("Alliance {name}"),
            purpose: format!("Purpose {purpose}"),
            visibility: *visibility,
            area: entente_store::Area::default(),
        };
        let id = app.store.create_alliance(&admin, &new).unwrap();
        let mut members: BTreeSet<OrgId> = others.iter().map(|o| orgs[*o]).collect();
        for org in &members {
            if *org != new.owner {
                app.store.add_alliance_member(&admin, id, *org).unwrap();
            }
        }
        members.insert(new.owner);
        let (owner, visibility) = (new.owner, new.visibility);
        let alliance = AllianceModel {
            owner,
            visibility,
            members,
            name,
            purpose,
        };
        model.alliances.insert(id, alliance);
    }
    let mut readers = vec![Reader {
        user: None,
        cookie: None,
        token: None,
    }];
    for (i, (site_admin, roles)) in spec.users.iter().enumerate() {
        let email = format!("gq{case}u{i}zx@example.org");
        let user = app.store.create_user(&email, "Someone").unwrap();
        app.store.set_site_admin(user, *site_admin).unwrap();
        let memberships: BTreeMap<OrgId, Role> =
            roles.iter().map(|(o, r)| (orgs[*o], *r)).collect();
        for (org, role) in &memberships {
            let anyone = AccessScope::SiteAdmin(user);
            app.store
                .add_membership(&anyone, user, *org, *role)
                .unwrap();
        }
        let site_admin = *site_admin;
        model.users.insert(
            user,
            UserModel {
                email,
                site_admin,
                memberships,
            },
        );
        let cookie = Some(session_cookie(app, user));
        let token = Some(api_token(app, user).0);
        readers.push(Reader {
            user: Some(user),
            cookie,
            token,
        });
    }
    (model, readers)
}

/// The names a JSON list gives under `field`, among `ours`.
fn listed_among(answer: &Answer, field: &str, ours: &BTreeSet<String>) -> BTreeSet<String> {
    let items = answer.json();
    let items = items
        .as_array()
        .unwrap_or_else(|| panic!("a list: {}", answer.body));
    let names = items.iter().map(|item| match &item[field] {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    names.filter(|name| ours.contains(name)).collect()
}

/// Checks that `answer` holds no marker `user` may not see, once what was
/// asked is taken out of it.
fn assert_no_leak(model: &Model, user: Option<UserId>, answer: &Answer, asked: &str, what: &str) {
    let said = if asked.is_empty() {
        answer.body.clone()
    } else {
        swap_key(&answer.body, asked, "")
    };
    model.assert_no_leak(user, &said, what);
}

/// The directory as `reader` gets it from the API and the pages: the lists
/// name exactly the readable entries of the case, each entry answers 200
/// or as a missing one. Returns how many answers were checked.
async fn check_orgs(app: &TestApp, model: &Model, reader: &Reader) -> usize {
    let user = reader.user;
    let ours: BTreeSet<String> = model.orgs.values().map(|o| o.short.clone()).collect();
    let readable: BTreeSet<String> = model
        .orgs
        .iter()
        .filter(|(id, _)| model.reads_org(user, **id))
        .map(|(_, o)| o.short.clone())
        .collect();
    let what = format!("GET /api/v1/orgs as {user:?}");
    let list = reader.api(app, "/api/v1/orgs").await;
    assert_no_leak(model, user, &list, "", &what);
    assert_eq!(listed_among(&list, "short_name", &ours), readable, "{what}");
    let page = reader.page(app, "/orgs").await;
    assert_no_leak(model, user, &page, "", "GET /orgs");
    for short in &ours {
        let shown = page.body.contains(short.as_str());
        assert_eq!(
            shown,
            readable.contains(short),
            "GET /orgs as {user:?}: {short}"
        );
    }
    let mut checks = 2;
    for path in ["/api/v1/orgs/{short}", "/orgs/{short}"] {
        let get = async |short: &str| {
            let path = path.replace("{short}", short);
            if path.starts_with("/api/") {
                reader.api(app, &path).await
            } else {
                reader.page(app, &path).await
            }
        };
        let missing = get(MISSING_SHORT).await;
        for short in &ours {
            let what = format!("GET {path} for {short} as {user:?}");
            let answer = get(short).await;
            assert_no_leak(model, user, &answer, short, &what);
            if readable.contains(short) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            } else {
                assert_like_missing(&answer, &missing, short, MISSING_SHORT, &what);
            }
            checks += 1;
        }
    }
    checks
}

/// The alliances as `reader` gets them from the API and the pages.
async fn check_alliances(app: &TestApp, model: &Model, reader: &Reader) -> usize {
    let user = reader.user;
    let ours: BTreeSet<String> = model.alliances.keys().map(|id| id.0.to_string()).collect();
    let what = format!("GET /api/v1/alliances as {user:?}");
    let list = reader.api(app, "/api/v1/alliances").await;
    assert_no_leak(model, user, &list, "", &what);
    let readable: BTreeSet<String> = model
        .alliances
        .keys()
        .filter(|id| model.reads_alliance(user, **id))
        .map(|id| id.0.to_string())
        .collect();
    assert_eq!(listed_among(&list, "id", &ours), readable, "{what}");
    for view in list.json().as_array().unwrap() {
        if ours.contains(&view["id"].to_string()) {
            check_alliance_view(model, user, view, &what);
        }
    }
    let page = reader.page(app, "/alliances").await;
    assert_no_leak(model, user, &page, "", "GET /alliances");
    for (id, alliance) in &model.alliances {
        let shown = page.body.contains(&alliance.name);
        let what = format!("GET /alliances as {user:?}: {}", alliance.name);
        assert_eq!(shown, model.reads_alliance(user, *id), "{what}");
    }
    let mut checks = 2;
    let missing_id = MISSING_ID.to_string();
    for path in ["/api/v1/alliances/{id}", "/alliances/{id}"] {
        let get = async |id: &str| {
            let path = path.replace("{id}", id);
            if path.starts_with("/api/") {
                reader.api(app, &path).await
            } else {
                reader.page(app, &path).await
            }
        };
        let missing = get(&missing_id).await;
        for (id, alliance) in &model.alliances {
            let key = id.0.to_string();
            let what = format!("GET {path} for {key} as {user:?}");
            let answer = get(&key).await;
            assert_no_leak(model, user, &answer, "", &what);
            if model.reads_alliance(user, *id) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&alliance.name), "{what}");
            } else {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
            }
            checks += 1;
        }
    }
    checks
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_worlds_answer_as_the_reference_rules_say() {
    crate::fixture::on_each_backend(async |app| {
        let cases = AtomicUsize::new(0);
        let checks = AtomicUsize::new(0);
        let config = Config {
            cases: CASES,
            failure_persistence: None,
            // Each step of shrinking builds a world and asks it again.
            max_shrink_iters: 64,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        let handle = tokio::runtime::Handle::current();
        // Proptest drives the cases synchronously; each one's requests
        // run on the runtime that also serves the application.
        let outcome = tokio::task::block_in_place(|| {
            runner.run(&spec(), |spec| {
                let case = cases.fetch_add(1, Ordering::Relaxed);
                let (model, readers) = build(app, case, &spec);
                handle.block_on(async {
                    for reader in &readers {
                        let done = check_orgs(app, &model, reader).await
                            + check_alliances(app, &model, reader).await;
                        checks.fetch_add(done, Ordering::Relaxed);
                    }
                });
                Ok(())
            })
        });
        if let Err(failure) = outcome {
            panic!("{failure}");
        }
        eprintln!(
            "{} generated worlds, {} answers checked",
            cases.load(Ordering::Relaxed),
            checks.load(Ordering::Relaxed)
        );
    })
    .await;
}
