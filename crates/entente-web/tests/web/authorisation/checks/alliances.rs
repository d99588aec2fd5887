//! Routes that create alliances and change their members, on the portal
//! (forms with the session's token) and the API (JSON with a token): done
//! for admins of the owner (or, to take a member out, of the member),
//! refused to others who see the alliance, answered as missing to the
//! rest; after every request the stored alliances are read back as the
//! site admin.

use std::collections::BTreeSet;

use entente_core::access::{AllianceId, OrgId, Visibility};

use super::writing::site_admin;
use super::{
    MISSING_ID, MISSING_SHORT, assert_like_missing, assert_same_answer, fill, is_api, probe_asking,
    request,
};
use crate::app::{Answer, TestApp};
use crate::authorisation::model::AllianceModel;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

/// Sends `fields` as the route expects them: JSON on the API, a form with
/// the session's token on the portal. On the API, the same request with
/// the user's read-only token is refused first, whatever the record (the
/// checks after it find the record unchanged).
async fn change(
    app: &TestApp,
    world: &World,
    actor: &Actor,
    route: &Route,
    path: &str,
    fields: &[(&str, &str)],
    asked: &str,
) -> Answer {
    let what = format!("{} {path} as {:?}", route.method, actor.persona);
    let sent = request(app, actor, route, path);
    let sent = if is_api(path) {
        let body: serde_json::Map<String, serde_json::Value> = fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).into()))
            .collect();
        if let Some(read_only) = &actor.read_token {
            let what = format!("{what}, with a read-only token");
            let method = reqwest::Method::from_bytes(route.method.as_bytes()).unwrap();
            let refused = reqwest::Client::new().request(method, app.url(path));
            let refused = refused.bearer_auth(read_only).json(&body);
            let answer = probe_asking(world, actor, refused, asked, &what).await;
            assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            assert_eq!(answer.json()["error"]["code"], "token_read_only", "{what}");
        }
        sent.json(&body)
    } else {
        let mut form = fields.to_vec();
        form.push(("csrf", &actor.csrf));
        sent.form(&form)
    };
    probe_asking(world, actor, sent, asked, &what).await
}

/// A change that was made: the API says so with a status, the portal
/// sends the browser to the alliance's page.
fn done_status(route: &Route) -> u16 {
    match (is_api(route.path), route.path.ends_with("/alliances")) {
        (true, true) => 201,
        (true, false) => 200,
        (false, _) => 303,
    }
}

/// The anonymous: the API asks them to sign in; the portal refuses their
/// form, which no session's token can match.
fn anonymous_status(route: &Route) -> u16 {
    if is_api(route.path) { 401 } else { 403 }
}

/// The new alliance's id: in the API's answer, or in the address the
/// portal sends the browser to.
fn created_id(route: &Route, answer: &Answer) -> AllianceId {
    let id = if is_api(route.path) {
        answer.json()["id"].as_i64().unwrap()
    } else {
        let location = answer.headers["location"].to_str().unwrap();
        let rest = location.strip_prefix("/alliances/").unwrap();
        rest.split('?').next().unwrap().parse().unwrap()
    };
    AllianceId(id)
}

/// Creating an alliance owned by each of A's entries, as every persona;
/// the alliances made join the world, so later checks look for them too.
/// The portal's form answers an owner the user may not administer as it
/// answers an unknown one (422), seen or not; the API refuses readers of
/// the entry with 403.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for i in 0..world.actors.len() {
        for org in world.owner {
            create_one(app, world, route, i, org).await;
            checks += 1;
        }
    }
    checks
}

/// The `i`th actor creates an alliance owned by `org`, and the same for an
/// owner that does not exist.
async fn create_one(app: &TestApp, world: &mut World, route: &Route, i: usize, org: OrgId) {
    let (name, purpose) = (world.marker(), world.marker());
    let (actor, model) = (&world.actors[i], &world.model);
    let short = model.orgs[&org].short.clone();
    let what = format!(
        "{} {} for {short} as {:?}",
        route.method, route.path, actor.persona
    );
    let (name_field, purpose_field) = (format!("Alliance {name}"), format!("Purpose {purpose}"));
    let fields = |owner| {
        [
            ("owner", owner),
            ("name", name_field.as_str()),
            ("purpose", purpose_field.as_str()),
            ("visibility", "private"),
        ]
    };
    let post = async |owner, asked| {
        change(app, world, actor, route, route.path, &fields(owner), asked).await
    };
    let missing = post(MISSING_SHORT, "").await;
    let answer = post(&short, &short).await;
    let user = actor.user;
    if user.is_none() {
        assert_eq!(
            answer.status,
            anonymous_status(route),
            "{what}: {}",
            answer.body
        );
    } else if model.administers(user, org) {
        assert_eq!(answer.status, done_status(route), "{what}: {}", answer.body);
        let id = created_id(route, &answer);
        let (members, visibility) = ([org].into(), Visibility::Private);
        let made = AllianceModel {
            owner: org,
            visibility,
            members,
            name,
            purpose,
        };
        world.model.alliances.insert(id, made);
    } else if is_api(route.path) && model.reads_org(user, org) {
        assert_eq!(answer.status, 403, "{what}: {}", answer.body);
    } else {
        assert_same_answer(&answer, &missing, &short, MISSING_SHORT, &what);
        let status = if is_api(route.path) { 404 } else { 422 };
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
    }
    let stored = app.store.alliances(&site_admin()).unwrap().len();
    assert_eq!(
        stored,
        world.model.alliances.len(),
        "{what}: alliances stored"
    );
}

/// Adding the public `joiner` to every alliance, or taking B out of every
/// alliance it is in, as every persona; a change that was made is undone
/// through the store.
pub async fn membership(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let removing = route.path.ends_with("/remove");
    let target = if removing { world.ally } else { world.joiner };
    let short = world.model.orgs[&target].short.clone();
    let fields: Vec<(&str, &str)> = if removing {
        Vec::new()
    } else {
        vec![("org", &short)]
    };
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("id", &missing_id), ("org", &short)]);
        let missing = change(app, world, actor, route, &missing_path, &fields, &short).await;
        for (id, alliance) in &world.model.alliances {
            if removing && !alliance.members.contains(&target) {
                continue;
            }
            let key = id.0.to_string();
            let path = fill(route.path, &[("id", &key), ("org", &short)]);
            let what = format!("{} {path} as {:?}", route.method, actor.persona);
            let answer = change(app, world, actor, route, &path, &fields, &short).await;
            checks += 1;
            let model = &world.model;
            let user = actor.user;
            let allowed = model.administers(user, alliance.owner)
                || (removing && model.administers(user, target));
            let done = if user.is_none() {
                assert_eq!(
                    answer.status,
                    anonymous_status(route),
                    "{what}: {}",
                    answer.body
                );
                false
            } else if !model.reads_alliance(user, *id) {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
                false
            } else if allowed {
                assert_eq!(answer.status, done_status(route), "{what}: {}", answer.body);
                true
            } else {
                // A member the user cannot see is unknown to them.
                let status = if model.reads_org(user, target) {
                    403
                } else {
                    422
                };
                assert_eq!(answer.status, status, "{what}: {}", answer.body);
                false
            };
            let change = Change {
                target,
                done,
                removing,
            };
            settle(app, *id, &alliance.members, &change, &what);
        }
    }
    checks
}

/// What a request to change an alliance's members came to.
struct Change {
    target: OrgId,
    /// Whether the change was made.
    done: bool,
    removing: bool,
}

/// Checks the alliance's stored members against what it had and the
/// change, then undoes a change that was made.
fn settle(app: &TestApp, id: AllianceId, had: &BTreeSet<OrgId>, change: &Change, what: &str) {
    let mut expected = had.clone();
    match (change.done, change.removing) {
        (false, _) => {}
        (true, true) => {
            expected.remove(&change.target);
        }
        (true, false) => {
            expected.insert(change.target);
        }
    }
    let stored = app.store.alliance(&site_admin(), id).unwrap().unwrap();
    let stored: BTreeSet<OrgId> = stored.members.into_iter().collect();
    assert_eq!(stored, expected, "{what}: the alliance's members");
    let admin = site_admin();
    match (change.done, change.removing) {
        (false, _) => {}
        (true, true) => app
            .store
            .add_alliance_member(&admin, id, change.target)
            .unwrap(),
        (true, false) => {
            app.store
                .remove_alliance_member(&admin, id, change.target)
                .unwrap();
        }
    }
}
