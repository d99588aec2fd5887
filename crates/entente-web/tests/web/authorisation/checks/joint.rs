//! Joint action proposals: one planted between A's private entry (the
//! proposer) and the ally B (invited), sent and then withdrawn so that no
//! check changes it and its action is again A's private idea. Its members
//! and B's read the proposal (B without the action's title, which it no
//! longer reads, and without A's name when B does not see A's entry);
//! anyone else finds nothing. Each step is for the editors of the
//! organisation whose step it is: on a withdrawn proposal they get a
//! conflict, other readers are refused, the rest find nothing. Proposing
//! from an overlap the reader does not see answers as missing.

use entente_core::access::{AccessScope, OrgId, Visibility};
use entente_core::plan::ActionId;
use entente_store::JointWording;

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe_asking, request};
use crate::app::{Answer, TestApp};
use crate::authorisation::model::ActionModel;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

/// The planted proposal's number, its action, and the two actions it joins.
struct Planted {
    id: i64,
    joins: (i64, i64),
}

/// The action of `lead` with `visibility` in the world.
fn action_of(world: &World, lead: OrgId, visibility: Visibility) -> i64 {
    *(world.model.actions.iter())
        .find(|(_, a)| a.lead == lead && a.visibility == visibility && a.partner.is_none())
        .map(|(id, _)| id)
        .expect("the world's action")
}

/// Plants the proposal once (the site admin proposes for A, sends and
/// withdraws), recording its action in the model.
fn plant(app: &TestApp, world: &mut World) -> Planted {
    let first = action_of(world, world.owner[0], Visibility::Private);
    let second = action_of(world, world.ally, Visibility::Alliance);
    let site = AccessScope::SiteAdmin(world.curator());
    if let Some(found) = app.store.joint_proposals(&site).unwrap().first() {
        return Planted {
            id: found.id,
            joins: (first, second),
        };
    }
    let title = world.marker();
    let wording = |_: &entente_store::Action, _: &entente_store::Action| JointWording {
        title: format!("Action {title}"),
        description: String::new(),
    };
    let (id, action) = app
        .store
        .propose_joint_action(&site, ActionId(first), ActionId(second), wording)
        .unwrap();
    app.store.send_joint_proposal(&site, id).unwrap();
    app.store.withdraw_joint_proposal(&site, id).unwrap();
    world.model.actions.insert(
        action.0,
        ActionModel {
            lead: world.owner[0],
            visibility: Visibility::Private,
            shared_with: Vec::new(),
            partner: None,
            title,
            dated: true,
        },
    );
    Planted {
        id,
        joins: (first, second),
    }
}

fn member_of(world: &World, actor: &Actor, org: OrgId) -> bool {
    actor
        .user
        .is_some_and(|u| world.model.users[&u].memberships.contains_key(&org))
}

fn site_admin(world: &World, actor: &Actor) -> bool {
    world.model.scope(actor.user).is_site_admin()
}

/// Whether `actor` reads the planted proposal: the two organisations'
/// members and the site admin.
fn reads(world: &World, actor: &Actor) -> bool {
    site_admin(world, actor)
        || member_of(world, actor, world.owner[0])
        || member_of(world, actor, world.ally)
}

fn unauthenticated(route: &Route) -> u16 {
    match (route.method, is_api(route.path)) {
        (_, true) => 401,
        ("GET", false) => 303,
        _ => 403,
    }
}

/// The list (API) and a proposal's page.
pub async fn read(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let key = planted.id.to_string();
    let missing_key = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        let ask = |id: &str| request(app, actor, route, &fill(route.path, &[("id", id)]));
        let answer = probe_asking(world, actor, ask(&key), &key, &what).await;
        checks += 1;
        if actor.user.is_none() {
            assert_eq!(answer.status, unauthenticated(route), "{what}");
            continue;
        }
        if route.path.contains("{id}") {
            if reads(world, actor) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            } else {
                let missing =
                    probe_asking(world, actor, ask(&missing_key), &missing_key, &what).await;
                assert_like_missing(&answer, &missing, &key, &missing_key, &what);
            }
        } else {
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            let listed = answer
                .json()
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"].as_i64() == Some(planted.id) && p["status"] == "withdrawn");
            assert_eq!(listed, reads(world, actor), "{what}: {}", answer.body);
        }
    }
    checks
}

/// Drafting from an overlap, and each step.
pub async fn write(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let mut checks = 0;
    for actor in &world.actors {
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        let answer_for = |path: &str, first: i64, second: i64| {
            let request = request(app, actor, route, path);
            let csrf = actor.csrf.as_str();
            match (is_api(route.path), route.path.ends_with("/proposals")) {
                (true, true) => {
                    request.json(&serde_json::json!({ "first": first, "second": second }))
                }
                (true, false) => request,
                (false, true) => request.form(&[
                    ("csrf", csrf),
                    ("first", first.to_string().as_str()),
                    ("second", second.to_string().as_str()),
                ]),
                (false, false) => request.form(&[("csrf", csrf)]),
            }
        };
        if route.path.ends_with("/proposals") {
            checks += propose(world, actor, route, &planted, &what, answer_for).await;
            continue;
        }
        let step = route.path.rsplit('/').next().unwrap();
        let step = if step == "{step}" { "withdraw" } else { step };
        for step in if route.path.ends_with("{step}") {
            vec![step, "accept"]
        } else {
            vec![step]
        } {
            let path_for = |id: &str| fill(route.path, &[("id", id), ("step", step)]);
            let key = planted.id.to_string();
            let missing_key = MISSING_ID.to_string();
            let what = format!("{what} ({step})");
            let answer: Answer =
                probe_asking(world, actor, answer_for(&path_for(&key), 0, 0), &key, &what).await;
            checks += 1;
            if actor.user.is_none() {
                let refused = if is_api(route.path) { 401 } else { 403 };
                assert_eq!(answer.status, refused, "{what}: {}", answer.body);
                continue;
            }
            let party = match step {
                "send" | "withdraw" => world.owner[0],
                _ => world.ally,
            };
            if !reads(world, actor) {
                let missing = probe_asking(
                    world,
                    actor,
                    answer_for(&path_for(&missing_key), 0, 0),
                    &missing_key,
                    &what,
                )
                .await;
                assert_like_missing(&answer, &missing, &key, &missing_key, &what);
            } else if world.model.writes_for(actor.user, party) {
                assert_eq!(answer.status, 409, "{what}: withdrawn: {}", answer.body);
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            }
        }
    }
    checks
}

/// Proposing from the planted pair (A's private action and B's): those who
/// do not see both find nothing, as for a missing action; readers who may
/// not write for either lead are refused. Those who may are not asked, so
/// that nothing is added.
async fn propose(
    world: &World,
    actor: &Actor,
    route: &Route,
    planted: &Planted,
    what: &str,
    answer_for: impl Fn(&str, i64, i64) -> reqwest::RequestBuilder,
) -> usize {
    let (first, second) = planted.joins;
    let key = first.to_string();
    let missing_key = MISSING_ID.to_string();
    let missing = probe_asking(
        world,
        actor,
        answer_for(route.path, MISSING_ID, second),
        &missing_key,
        what,
    )
    .await;
    if actor.user.is_none() {
        let refused = if is_api(route.path) { 401 } else { 403 };
        assert_eq!(missing.status, refused, "{what}: {}", missing.body);
        return 1;
    }
    assert_eq!(missing.status, 404, "{what}: {}", missing.body);
    let sees_both =
        world.model.reads_action(actor.user, first) && world.model.reads_action(actor.user, second);
    let writes = world.model.writes_for(actor.user, world.owner[0])
        || world.model.writes_for(actor.user, world.ally);
    if !sees_both {
        let answer = probe_asking(
            world,
            actor,
            answer_for(route.path, first, second),
            &key,
            what,
        )
        .await;
        assert_like_missing(&answer, &missing, &key, &missing_key, what);
        2
    } else if !writes {
        let answer = probe_asking(
            world,
            actor,
            answer_for(route.path, first, second),
            &key,
            what,
        )
        .await;
        assert_eq!(answer.status, 403, "{what}: {}", answer.body);
        2
    } else {
        1
    }
}
