//! Signals and contact requests: a signal shows only the kind, audiences,
//! states and month of an action the reader may not read, never its
//! organisation or title (the probe finds no marker), nothing at all when
//! its signal is off or the reader reads the action; contact requests go
//! only through a signal the reader sees (any other key answers as a
//! missing one); an organisation's requests and signal default are its
//! admins' (its members' to read the default); an action's switch is its
//! editors'.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::plan::ActionId;
use serde_json::Value;

use super::writing::{Expected, expected};
use super::{
    MISSING_ID, MISSING_SHORT, assert_like_missing, fill, is_api, probe, probe_asking, request,
};
use crate::app::{Answer, TestApp};
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

/// A key no signal has.
const MISSING_KEY: &str = "00000000000000000000000000000000";

/// The fields a signal may show, and nothing else.
const SIGNAL_FIELDS: [&str; 5] = ["key", "action_type", "audiences", "states", "month"];

/// Whether the world's action `id` emits a signal: the non-public actions
/// of A's private entry and of the ally. Those of the stranger keep theirs
/// off, so they must show nowhere.
fn emits(world: &World, id: i64) -> bool {
    let action = &world.model.actions[&id];
    action.visibility != Visibility::Public
        && (action.lead == world.owner[0] || action.lead == world.ally)
}

/// Turns the signals of [`emits`] on (again: idempotent).
fn plant(app: &TestApp, world: &World) {
    let site = AccessScope::SiteAdmin(UserId::NOBODY);
    for id in world.model.actions.keys() {
        if emits(world, *id) {
            app.store
                .set_action_signal(&site, ActionId(*id), true)
                .unwrap();
        }
    }
}

/// How many signals `actor` must see: those on, of actions it may not
/// read; none for the anonymous and the site admin.
fn expected_signals(world: &World, actor: &Actor) -> usize {
    let member = matches!(world.model.scope(actor.user), AccessScope::Member(_));
    if !member {
        return 0;
    }
    (world.model.actions.keys())
        .filter(|id| emits(world, **id) && !world.model.reads_action(actor.user, **id))
        .count()
}

/// The signals `actor` sees through the API, checked field by field.
async fn signals_of(app: &TestApp, world: &World, actor: &Actor) -> Vec<Value> {
    let path = "/api/v1/coordination/signals?limit=500";
    let what = format!("GET {path} as {:?}", actor.persona);
    let answer = probe(
        world,
        actor,
        actor.api(app, reqwest::Method::GET, path),
        &what,
    )
    .await;
    assert_eq!(answer.status, 200, "{what}: {}", answer.body);
    let list = answer.json()["signals"].as_array().unwrap().clone();
    for signal in &list {
        let fields: Vec<&str> = signal
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert!(
            fields.iter().all(|f| SIGNAL_FIELDS.contains(f)),
            "{what}: a signal shows only its kind, audiences, states and month: {signal}"
        );
        assert_eq!(signal["key"].as_str().unwrap().len(), 32, "{what}");
        assert_eq!(signal["states"], serde_json::json!(["FRA"]), "{what}");
        assert_eq!(signal["month"], "2026-03", "{what}");
    }
    list
}

/// `GET /api/v1/coordination/signals`: the count the model gives, only the
/// allowed fields, no marker.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    plant(app, world);
    let mut checks = 0;
    for actor in &world.actors {
        assert_eq!(route.path, "/api/v1/coordination/signals");
        let seen = signals_of(app, world, actor).await;
        assert_eq!(
            seen.len(),
            expected_signals(world, actor),
            "{:?}: the signals of the actions it may not read, whose signal is on",
            actor.persona
        );
        checks += 1;
    }
    checks
}

/// The short name of `actor`'s first organisation.
fn own_short(world: &World, actor: &Actor) -> Option<String> {
    let user = actor.user?;
    let org = world.model.users[&user].memberships.keys().next()?;
    Some(world.model.orgs[org].short.clone())
}

/// Contact from a signal (the API's post, the page's form and its post):
/// through a signal the actor sees, it works; a key of an action the actor
/// reads answers as a missing key; the anonymous are refused.
pub async fn contact(app: &TestApp, world: &mut World, route: &Route) -> usize {
    plant(app, world);
    let mut keys_by_actor = Vec::new();
    for actor in &world.actors {
        let keys: Vec<String> = signals_of(app, world, actor)
            .await
            .iter()
            .map(|s| s["key"].as_str().unwrap().to_owned())
            .collect();
        keys_by_actor.push(keys);
    }
    let every_key: Vec<String> = keys_by_actor.iter().flatten().cloned().collect();
    let mut checks = 0;
    for (i, actor) in world.actors.iter().enumerate() {
        let send_for = |key: &str| {
            let path = fill(route.path, &[("key", key)]);
            let short = own_short(world, actor).unwrap_or_default();
            let request = request(app, actor, route, &path);
            if route.method == "GET" {
                request
            } else if is_api(route.path) {
                request.json(&serde_json::json!({
                    "org": short, "message": "Shall we coordinate?", "contact": "me@example.org"
                }))
            } else {
                request.form(&[
                    ("csrf", actor.csrf.as_str()),
                    ("org", short.as_str()),
                    ("message", "Shall we coordinate?"),
                    ("contact", "me@example.org"),
                ])
            }
        };
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        let missing = probe_asking(world, actor, send_for(MISSING_KEY), MISSING_KEY, &what).await;
        checks += 1;
        if actor.user.is_none() {
            let refused = match (route.method, is_api(route.path)) {
                (_, true) => 401,
                ("GET", false) => 303,
                _ => 403,
            };
            assert_eq!(missing.status, refused, "{what}: {}", missing.body);
            continue;
        }
        assert_eq!(missing.status, 404, "{what}: {}", missing.body);
        let mine = &keys_by_actor[i];
        if let Some(key) = mine.first() {
            let answer = probe_asking(world, actor, send_for(key), key, &what).await;
            let allowed = match (route.method, is_api(route.path)) {
                (_, true) => 201,
                ("GET", false) => 200,
                _ => 303,
            };
            assert_eq!(answer.status, allowed, "{what} {key}: {}", answer.body);
            checks += 1;
        }
        for key in every_key.iter().filter(|k| !mine.contains(k)) {
            let answer = probe_asking(world, actor, send_for(key), key, &what).await;
            assert_like_missing(&answer, &missing, key, MISSING_KEY, &what);
            checks += 1;
        }
    }
    checks
}

/// What a persona must get for `org` on the signal default and contact
/// request routes.
fn rule_for(world: &World, actor: &Actor, route: &Route, org: OrgId) -> Expected {
    let unauthenticated = match (route.method, is_api(route.path)) {
        (_, true) => 401,
        ("GET", false) => 303,
        _ => 403,
    };
    let reading_default = route.method == "GET" && route.path.ends_with("/signal-default");
    match expected(world, actor, org, unauthenticated) {
        Expected::Status(403) if reading_default => {
            let member = actor
                .user
                .is_some_and(|u| world.model.users[&u].memberships.contains_key(&org));
            if member {
                Expected::Allowed
            } else {
                Expected::Status(403)
            }
        }
        other => other,
    }
}

/// An organisation's contact requests (list, answer, decline) and its
/// signal default (read, set), on the API and the pages: as
/// [`super::writing::expected`] says, with a request number no request
/// has so that nothing changes (its admins then find no such request).
pub async fn org_routes(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let orgs: Vec<(OrgId, String)> = (world.model.orgs.iter())
        .map(|(id, o)| (*id, o.short.clone()))
        .collect();
    let id = MISSING_ID.to_string();
    for actor in &world.actors {
        let send_for = |short: &str| {
            let path = fill(route.path, &[("short", short), ("id", id.as_str())]);
            let request = request(app, actor, route, &path);
            match (route.method, is_api(route.path)) {
                ("GET", _) => request,
                (_, true) if route.path.ends_with("/signal-default") => {
                    request.json(&serde_json::json!({ "on": false }))
                }
                (_, true) if route.path.ends_with("/answer") => {
                    request.json(&serde_json::json!({ "reply": "Gladly" }))
                }
                (_, true) => request,
                (_, false) => request.form(&[("csrf", actor.csrf.as_str()), ("reply", "Gladly")]),
            }
        };
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        let missing =
            probe_asking(world, actor, send_for(MISSING_SHORT), MISSING_SHORT, &what).await;
        for (org, short) in &orgs {
            let answer = probe_asking(world, actor, send_for(short), short, &what).await;
            checks += 1;
            let what = format!("{what} on {short}");
            match rule_for(world, actor, route, *org) {
                Expected::Allowed => {
                    let fine =
                        if route.path.ends_with("/answer") || route.path.ends_with("/decline") {
                            answer.status == 404 && answer.body.contains("contact request")
                        } else {
                            matches!(answer.status, 200 | 303)
                        };
                    assert!(fine, "{what}: {} {}", answer.status, answer.body);
                }
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                }
                Expected::LikeMissing => {
                    assert_like_missing(&answer, &missing, short, MISSING_SHORT, &what);
                }
            }
        }
    }
    checks
}

/// An action's signal switch: its editors may, other readers are refused,
/// the rest find nothing; each allowed request sends the switch as it is.
pub async fn action_switch(app: &TestApp, world: &mut World, route: &Route) -> usize {
    plant(app, world);
    let mut checks = 0;
    let ids: Vec<i64> = world.model.actions.keys().copied().collect();
    for actor in &world.actors {
        let send_for = |id: i64, on: bool| {
            let path = fill(route.path, &[("id", &id.to_string())]);
            let request = request(app, actor, route, &path);
            if is_api(route.path) {
                request.json(&serde_json::json!({ "on": on }))
            } else if on {
                request.form(&[("csrf", actor.csrf.as_str()), ("on", "1")])
            } else {
                request.form(&[("csrf", actor.csrf.as_str())])
            }
        };
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        let missing_key = MISSING_ID.to_string();
        let missing = probe_asking(
            world,
            actor,
            send_for(MISSING_ID, false),
            &missing_key,
            &what,
        )
        .await;
        for id in &ids {
            let on = emits(world, *id);
            let key = id.to_string();
            let answer = probe_asking(world, actor, send_for(*id, on), &key, &what).await;
            checks += 1;
            let what = format!("{what} on action {id}");
            if actor.user.is_none() {
                let refused = if is_api(route.path) { 401 } else { 403 };
                assert_eq!(answer.status, refused, "{what}: {}", answer.body);
            } else if !world.model.reads_action(actor.user, *id) {
                assert_like_missing(&answer, &missing, &key, &missing_key, &what);
            } else if world.model.writes_action(actor.user, *id) {
                let allowed = if is_api(route.path) { 200 } else { 303 };
                assert_eq!(answer.status, allowed, "{what}: {}", answer.body);
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            }
        }
    }
    checks
}

/// The contact requests one's organisations sent: one's own, never the
/// owner before it answers (no marker), refused to the anonymous.
pub async fn sent(app: &TestApp, world: &mut World, route: &Route) -> usize {
    for actor in &world.actors {
        let what = format!("GET {} as {:?}", route.path, actor.persona);
        let answer: Answer =
            probe(world, actor, request(app, actor, route, route.path), &what).await;
        let status = if actor.user.is_none() { 401 } else { 200 };
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
    }
    world.actors.len()
}
