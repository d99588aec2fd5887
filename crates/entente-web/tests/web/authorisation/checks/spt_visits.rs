//! Routes of SPT visit records (and a state's implementation facts, which
//! carry the records): lists name exactly the records the reader may read,
//! one record answers as missing to everyone else, and changes are done for
//! editors of the owner, refused (403) to its other readers, answered as
//! missing to the rest. The records are planted for each check and removed
//! after it.

use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, Visibility, can_read};
use entente_core::implementation::{ReportPublished, SptVisitDraft, SptVisitId, SptVisitType};
use serde_json::json;

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

const STATE: &str = "FRA";

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// A planted record: its id, who owns it and who may see it, its marker (in its notes).
#[derive(Debug, Clone)]
struct Planted {
    id: i64,
    access: RecordAccess,
    marker: String,
}

fn curator(world: &World) -> AccessScope {
    AccessScope::SiteAdmin(world.curator())
}

fn draft(
    owner: OrgId,
    visibility: Visibility,
    shared: &[AllianceId],
    marker: &str,
) -> SptVisitDraft {
    SptVisitDraft {
        state: STATE.parse().unwrap(),
        start: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
        end: None,
        visit_type: SptVisitType::Regular,
        report_sent_on: chrono::NaiveDate::from_ymd_opt(2024, 9, 30),
        report_published: ReportPublished::Unknown,
        report_published_on: None,
        report_url: None,
        reply_received_on: None,
        notes: format!("Visit {marker}"),
        owner,
        visibility,
        shared_with: shared.to_vec(),
    }
}

/// A private, an alliance and a public record at each organisation of the
/// world (alliance ones when it is in an alliance).
fn plant(app: &TestApp, world: &mut World) -> Vec<Planted> {
    let scope = curator(world);
    let mut records = Vec::new();
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    for owner in orgs {
        let alliance = world
            .model
            .alliances
            .iter()
            .find(|(_, a)| a.members.contains(&owner))
            .map(|(id, _)| *id);
        for visibility in Visibility::ALL {
            let shared: Vec<AllianceId> = match visibility {
                Visibility::Alliance => match alliance {
                    Some(a) => vec![a],
                    None => continue,
                },
                _ => Vec::new(),
            };
            let marker = world.marker();
            let id = app
                .store
                .create_spt_visit(&scope, &draft(owner, *visibility, &shared, &marker))
                .unwrap()
                .0;
            records.push(Planted {
                id,
                access: RecordAccess {
                    owner,
                    visibility: *visibility,
                    shared_with: shared,
                    personal: false,
                },
                marker,
            });
        }
    }
    records
}

fn clear(app: &TestApp, world: &World, records: &[Planted]) {
    let scope = curator(world);
    for p in records {
        let _ = app.store.delete_spt_visit(&scope, SptVisitId(p.id));
    }
}

fn reads(world: &World, actor: &Actor, access: &RecordAccess) -> bool {
    can_read(&world.model.scope(actor.user), access)
}

fn writes(world: &World, actor: &Actor, owner: OrgId) -> bool {
    world.model.writes_for(actor.user, owner)
}

/// The list and the state's implementation: exactly what the reader may read.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let records = plant(app, world);
    let path = fill(route.path, &[("iso3", STATE)]);
    let mut checks = 0;
    for actor in &world.actors {
        let what = what(route, &path, actor);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        checks += 1;
        for p in &records {
            assert_eq!(
                answer.body.contains(&p.marker),
                reads(world, actor, &p.access),
                "{what}: {}",
                p.marker
            );
        }
    }
    clear(app, world, &records);
    checks
}

/// One record: for its readers; to everyone else, as a missing one.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let records = plant(app, world);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let other = fill(route.path, &[("id", &missing_id)]);
        let missing = probe(world, actor, request(app, actor, route, &other), "missing").await;
        for p in &records {
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            checks += 1;
            if reads(world, actor, &p.access) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&p.marker), "{what}");
            } else {
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            }
        }
    }
    clear(app, world, &records);
    checks
}

/// A change's request with its body: JSON on the API, a form with the
/// actor's token on the portal.
fn sent(
    app: &TestApp,
    actor: &Actor,
    route: &Route,
    path: &str,
    owner_short: &str,
    marker: &str,
) -> reqwest::RequestBuilder {
    let builder = request(app, actor, route, path);
    if route.method == "GET" || route.method == "DELETE" || route.path.ends_with("/delete") {
        return if route.method == "POST" {
            builder.form(&[("csrf", actor.csrf.clone())])
        } else {
            builder
        };
    }
    if is_api(route.path) {
        builder.json(&json!({
            "state": STATE, "owner": owner_short, "visibility": "private",
            "visit_type": "regular", "notes": format!("Visit {marker}"),
        }))
    } else {
        builder.form(&[
            ("csrf", actor.csrf.clone()),
            ("state", STATE.to_owned()),
            ("owner", owner_short.to_owned()),
            ("visibility", "private".to_owned()),
            ("visit_type", "regular".to_owned()),
            ("report_published", "unknown".to_owned()),
            ("notes", format!("Visit {marker}")),
        ])
    }
}

fn writes_somewhere(world: &World, actor: &Actor) -> bool {
    world.model.orgs.keys().any(|o| writes(world, actor, *o))
}

/// Creating, as every persona for every organisation: done for its
/// editors alone; the records made are counted and removed.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let path = fill(route.path, &[("iso3", STATE)]);
    let api = is_api(route.path);
    let mut checks = 0;
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    for i in 0..world.actors.len() {
        if route.method == "GET" {
            let actor = &world.actors[i];
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            let expected = if actor.user.is_none() {
                401
            } else if writes_somewhere(world, actor) {
                200
            } else {
                403
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            checks += 1;
            continue;
        }
        for org in &orgs {
            let marker = world.marker();
            let actor = &world.actors[i];
            let short = world.model.orgs[org].short.clone();
            let what = what(route, &path, actor);
            let answer = probe(
                world,
                actor,
                sent(app, actor, route, &path, &short, &marker),
                &what,
            )
            .await;
            checks += 1;
            let seen = world.model.reads_org(actor.user, *org);
            let allowed = writes(world, actor, *org);
            let expected = match (actor.user.is_some(), api) {
                (false, true) => 401,
                (false, false) => 403,
                (true, _) if allowed => {
                    if api {
                        201
                    } else {
                        303
                    }
                }
                (true, false) if !writes_somewhere(world, actor) => 403,
                (true, true) if seen => 403,
                (true, _) => 422,
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            let scope = curator(world);
            let made: Vec<SptVisitId> = app
                .store
                .spt_visits(&scope)
                .unwrap()
                .into_iter()
                .filter(|v| v.content.notes.contains(&marker))
                .map(|v| v.id)
                .collect();
            assert_eq!(made.len(), usize::from(allowed), "{what}: records made");
            for id in made {
                app.store.delete_spt_visit(&scope, id).unwrap();
            }
        }
    }
    checks
}

/// Changing or deleting each record, as every persona.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let api = is_api(route.path);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let records = plant(app, world);
        for p in &records {
            let actor = &world.actors[i];
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let short = world.model.orgs[&p.access.owner].short.clone();
            let answer = probe(
                world,
                actor,
                sent(app, actor, route, &path, &short, &p.marker),
                &what,
            )
            .await;
            checks += 1;
            if actor.user.is_none() {
                let expected = if api || route.method == "GET" {
                    401
                } else {
                    403
                };
                assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            } else if !reads(world, actor, &p.access) {
                let other = fill(route.path, &[("id", &missing_id)]);
                let sent_missing = sent(app, actor, route, &other, &short, &p.marker);
                let missing = probe(world, actor, sent_missing, "missing").await;
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            } else if !writes(world, actor, p.access.owner) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else {
                let expected = match (api, route.method) {
                    (true, "DELETE") => 204,
                    (true, _) => 200,
                    (false, "GET") => 200,
                    (false, _) => 303,
                };
                assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            }
        }
        clear(app, world, &records);
    }
    checks
}

/// The SPT visit routes alone, on each backend, so they are checked even
/// while another part of the route table is being worked on.
#[tokio::test]
async fn the_spt_visit_routes_answer_every_persona_as_the_rules_say() {
    use crate::authorisation::routes::{Exposes, ROUTES};
    crate::fixture::on_each_backend(async |app| {
        let mut world = World::build(app).await;
        let mut checked = 0;
        for route in ROUTES
            .iter()
            .filter(|r| matches!(r.exposes, Exposes::SptVisitList | Exposes::SptVisit))
        {
            checked += super::check(app, &mut world, route).await;
        }
        assert!(checked > 0);
    })
    .await;
}
