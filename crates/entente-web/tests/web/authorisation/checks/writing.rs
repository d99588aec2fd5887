//! Routes that change an organisation's memberships or alliances: done for
//! those who administer the owner, refused (403) to others who see the
//! record, answered as missing to the rest, and in every refusal the
//! stored record is read back unchanged as the site admin.

use entente_core::access::{AccessScope, AllianceId, OrgId, Role, UserId, Visibility};
use entente_store::AuditAction;
use serde_json::json;

use super::{MISSING_ID, MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::{Answer, TestApp};
use crate::authorisation::model::AllianceModel;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

fn site_admin() -> AccessScope {
    AccessScope::SiteAdmin(UserId(0))
}

/// The spare viewer's role in `org`, as stored.
fn spare_role(app: &TestApp, world: &World, org: OrgId) -> Option<Role> {
    let members = app.store.members_of(&site_admin(), org).unwrap();
    members
        .into_iter()
        .find(|m| m.user == world.spare)
        .map(|m| m.role)
}

fn invitations_made(app: &TestApp) -> usize {
    let log = app.store.audit_export_as_site_admin().unwrap();
    log.iter()
        .filter(|line| line.entry.action == AuditAction::InvitationCreated)
        .count()
}

/// What an anonymous visitor or a refused reader must get, or `None` when
/// the change is allowed; `hidden` answers as a missing record.
enum Expected {
    Allowed,
    Status(u16),
    LikeMissing,
}

fn expected(world: &World, actor: &Actor, org: OrgId, unauthenticated: u16) -> Expected {
    let model = &world.model;
    if actor.user.is_none() {
        Expected::Status(unauthenticated)
    } else if !model.reads_org(actor.user, org) {
        Expected::LikeMissing
    } else if model.administers(actor.user, org) {
        Expected::Allowed
    } else {
        Expected::Status(403)
    }
}

/// Changing a role, removing a member, inviting someone: each of A's
/// entries, as every persona. The anonymous visitor has no session whose
/// form token could match, so the portal refuses them with 403.
pub async fn membership(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let spare = world.spare.0.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let form = |actor: &Actor| -> Vec<(&str, String)> {
            vec![
                ("csrf", actor.csrf.clone()),
                ("role", "editor".to_owned()),
                ("email", "invitee@example.org".to_owned()),
            ]
        };
        let missing_path = fill(route.path, &[("short", MISSING_SHORT), ("user", &spare)]);
        let missing_request = request(app, actor, route, &missing_path).form(&form(actor));
        let missing = probe(world, actor, missing_request, "missing").await;
        for org in world.owner {
            let short = &world.model.orgs[&org].short;
            let path = fill(route.path, &[("short", short), ("user", &spare)]);
            let what = format!("{} {path} as {:?}", route.method, actor.persona);
            let invitations = invitations_made(app);
            let sent = request(app, actor, route, &path).form(&form(actor));
            let answer = probe_asking(world, actor, sent, short, &what).await;
            checks += 1;
            let done = match expected(world, actor, org, 403) {
                Expected::Allowed => {
                    let status = if route.path.ends_with("/invitations") {
                        200
                    } else {
                        303
                    };
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    true
                }
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    false
                }
                Expected::LikeMissing => {
                    assert_like_missing(&answer, &missing, short, MISSING_SHORT, &what);
                    false
                }
            };
            let stored = spare_role(app, world, org);
            let made = invitations_made(app) - invitations;
            if route.path.ends_with("/role") {
                let role = if done { Role::Editor } else { Role::Viewer };
                assert_eq!(stored, Some(role), "{what}: the spare viewer's role");
                app.store
                    .set_role(&site_admin(), world.spare, org, Role::Viewer)
                    .unwrap();
            } else if route.path.ends_with("/remove") {
                assert_eq!(
                    stored.is_none(),
                    done,
                    "{what}: the spare viewer's membership"
                );
                if done {
                    let anyone = AccessScope::SiteAdmin(world.spare);
                    app.store
                        .add_membership(&anyone, world.spare, org, Role::Viewer)
                        .unwrap();
                }
            } else {
                assert_eq!(made, usize::from(done), "{what}: invitations made");
            }
        }
    }
    checks
}

async fn post_json(
    app: &TestApp,
    world: &World,
    actor: &Actor,
    route: &Route,
    path: &str,
    body: &serde_json::Value,
    asked: &str,
) -> Answer {
    let what = format!("{} {path} as {:?}", route.method, actor.persona);
    let sent = request(app, actor, route, path).json(body);
    probe_asking(world, actor, sent, asked, &what).await
}

/// Creating an alliance owned by each of A's entries, as every persona;
/// the alliances made join the world, so later checks look for them too.
pub async fn create_alliance(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let actor = &world.actors[i];
        let body = |owner: &str| json!({"owner": owner, "name": "x", "visibility": "private"});
        let missing = post_json(
            app,
            world,
            actor,
            route,
            route.path,
            &body(MISSING_SHORT),
            "",
        )
        .await;
        for org in world.owner {
            let (name, purpose) = (world.marker(), world.marker());
            let actor = &world.actors[i];
            let short = world.model.orgs[&org].short.clone();
            let what = format!(
                "{} {} for {short} as {:?}",
                route.method, route.path, actor.persona
            );
            let new = json!({
                "owner": short,
                "name": format!("Alliance {name}"),
                "purpose": format!("Purpose {purpose}"),
                "visibility": "private",
            });
            let answer = post_json(app, world, actor, route, route.path, &new, &short).await;
            checks += 1;
            match expected(world, actor, org, 401) {
                Expected::Allowed => {
                    assert_eq!(answer.status, 201, "{what}: {}", answer.body);
                    let id = AllianceId(answer.json()["id"].as_i64().unwrap());
                    let members = [org].into();
                    let made = AllianceModel {
                        owner: org,
                        visibility: Visibility::Private,
                        members,
                        name,
                        purpose,
                    };
                    world.model.alliances.insert(id, made);
                }
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body)
                }
                Expected::LikeMissing => {
                    assert_like_missing(&answer, &missing, &short, MISSING_SHORT, &what);
                }
            }
            let stored = app.store.alliances(&site_admin()).unwrap().len();
            assert_eq!(
                stored,
                world.model.alliances.len(),
                "{what}: alliances stored"
            );
        }
    }
    checks
}

/// Adding the public `joiner` to every alliance, as every persona; an
/// addition that was allowed is undone through the store.
pub async fn add_ally(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let joiner = world.model.orgs[&world.joiner].short.clone();
    let body = json!({"org": joiner});
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("id", &missing_id)]);
        let missing = post_json(app, world, actor, route, &missing_path, &body, "").await;
        for (id, alliance) in &world.model.alliances {
            let key = id.0.to_string();
            let path = fill(route.path, &[("id", &key)]);
            let what = format!("{} {path} as {:?}", route.method, actor.persona);
            let answer = post_json(app, world, actor, route, &path, &body, "").await;
            checks += 1;
            let model = &world.model;
            let done = if actor.user.is_none() {
                assert_eq!(answer.status, 401, "{what}: {}", answer.body);
                false
            } else if !model.reads_alliance(actor.user, *id) {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
                false
            } else if model.administers(actor.user, alliance.owner) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                true
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
                false
            };
            let stored = app.store.alliance(&site_admin(), *id).unwrap().unwrap();
            let expected: Vec<OrgId> = alliance
                .members
                .iter()
                .copied()
                .chain(done.then_some(world.joiner))
                .collect();
            let mut members = stored.members.clone();
            members.sort();
            let mut expected = expected;
            expected.sort();
            assert_eq!(members, expected, "{what}: the alliance's members");
            if done {
                app.store
                    .remove_alliance_member(&site_admin(), *id, world.joiner)
                    .unwrap();
            }
        }
    }
    checks
}
