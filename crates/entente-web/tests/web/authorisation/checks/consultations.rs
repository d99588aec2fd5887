//! Routes of consultations: lists and pages name exactly the consultations
//! the reader may read, one answers as missing to everyone else, changes
//! (the record, its participants, options and positions) are done for
//! editors of the owner, refused (403) to its other readers and answered
//! as missing to the rest. The records are planted for each check and
//! removed after it.

use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, Visibility, can_read};
use entente_core::consultation::{
    ConsultationDraft, ConsultationId, ConsultationKind, OptionDraft, ParticipantDraft,
    ParticipantSector, Position,
};
use entente_store::{ConsultationFilter, PageRequest};
use serde_json::json;

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

const STATE: &str = "FRA";

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

#[derive(Debug, Clone)]
struct Planted {
    id: i64,
    access: RecordAccess,
    marker: String,
    participant: i64,
    option: i64,
}

fn curator(world: &World) -> AccessScope {
    AccessScope::SiteAdmin(world.curator())
}

fn draft(
    owner: OrgId,
    visibility: Visibility,
    shared: &[AllianceId],
    marker: &str,
) -> ConsultationDraft {
    ConsultationDraft {
        state: STATE.parse().unwrap(),
        title: format!("Consultation {marker}"),
        kind: ConsultationKind::NpmDesign,
        start: None,
        end: None,
        outcome: String::new(),
        owner,
        visibility,
        shared_with: shared.to_vec(),
        demo: false,
    }
}

/// A private, an alliance and a public consultation at each organisation,
/// each with a participant, an option and a position.
fn plant(app: &TestApp, world: &mut World) -> Vec<Planted> {
    let scope = curator(world);
    let mut planted = Vec::new();
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
            let store = &app.store;
            let id = store
                .create_consultation(&scope, &draft(owner, *visibility, &shared, &marker))
                .unwrap();
            // A part's number is never its consultation's, so that an
            // address holding both tells them apart.
            let participant = loop {
                let added = store
                    .add_participant(
                        &scope,
                        id,
                        &ParticipantDraft {
                            org: None,
                            name: "Ministry of Justice".to_owned(),
                            sector: ParticipantSector::Government,
                        },
                    )
                    .unwrap();
                if added != id.0 {
                    break added;
                }
            };
            let option = loop {
                let added = store
                    .add_option(
                        &scope,
                        id,
                        &OptionDraft {
                            label: "Ombudsman model".to_owned(),
                            description: String::new(),
                        },
                    )
                    .unwrap();
                if added != id.0 {
                    break added;
                }
            };
            store
                .set_position(&scope, id, participant, option, Position::Supports)
                .unwrap();
            planted.push(Planted {
                id: id.0,
                access: RecordAccess {
                    owner,
                    visibility: *visibility,
                    shared_with: shared,
                    personal: false,
                },
                marker,
                participant,
                option,
            });
        }
    }
    planted
}

fn clear(app: &TestApp, world: &World, planted: &[Planted]) {
    let scope = curator(world);
    for p in planted {
        let _ = app.store.delete_consultation(&scope, ConsultationId(p.id));
    }
}

fn reads(world: &World, actor: &Actor, access: &RecordAccess) -> bool {
    can_read(&world.model.scope(actor.user), access)
}

fn writes(world: &World, actor: &Actor, owner: OrgId) -> bool {
    world.model.writes_for(actor.user, owner)
}

fn writes_somewhere(world: &World, actor: &Actor) -> bool {
    world.model.orgs.keys().any(|o| writes(world, actor, *o))
}

/// The lists (all, and a state's): exactly the consultations the reader
/// may read.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let path = if route.path.contains("{iso3}") {
        fill(route.path, &[("iso3", STATE)])
    } else if is_api(route.path) {
        format!("{}?state={STATE}&limit=500", route.path)
    } else {
        format!("{}?state={STATE}", route.path)
    };
    let mut checks = 0;
    for actor in &world.actors {
        let what = what(route, &path, actor);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        for p in &planted {
            assert_eq!(
                answer.body.contains(&p.marker),
                reads(world, actor, &p.access),
                "{what}: {}",
                p.marker
            );
            checks += 1;
        }
    }
    clear(app, world, &planted);
    checks
}

/// One consultation with its matrix: for its readers; to everyone else,
/// as a missing one.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let other = fill(route.path, &[("id", &missing_id)]);
        let missing = probe(world, actor, request(app, actor, route, &other), "missing").await;
        for p in &planted {
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            checks += 1;
            if reads(world, actor, &p.access) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&p.marker), "{what}");
                assert!(
                    answer.body.contains("Ombudsman model"),
                    "{what}: the matrix"
                );
            } else {
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            }
        }
    }
    clear(app, world, &planted);
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
    planted: Option<&Planted>,
) -> reqwest::RequestBuilder {
    let builder = request(app, actor, route, path);
    let api = is_api(route.path);
    if route.method == "GET" || route.method == "DELETE" {
        return builder;
    }
    let csrf = ("csrf".to_owned(), actor.csrf.clone());
    if route.path.ends_with("/delete") {
        return builder.form(&[csrf]);
    }
    if route.path.ends_with("/participants") {
        return if api {
            builder.json(&json!({"name": "Bar association", "sector": "professional"}))
        } else {
            builder.form(&[
                csrf,
                ("name".to_owned(), "Bar association".to_owned()),
                ("sector".to_owned(), "professional".to_owned()),
            ])
        };
    }
    if route.path.ends_with("/options") {
        return if api {
            builder.json(&json!({"label": "A new body"}))
        } else {
            builder.form(&[csrf, ("label".to_owned(), "A new body".to_owned())])
        };
    }
    if route.path.ends_with("/positions") {
        let (participant, option) = planted.map_or((0, 0), |p| (p.participant, p.option));
        return if api {
            builder.json(&json!({
                "participant": participant, "option": option, "position": "opposes",
            }))
        } else {
            builder.form(&[
                csrf,
                (
                    format!("position-{participant}-{option}"),
                    "opposes".to_owned(),
                ),
            ])
        };
    }
    if api {
        builder.json(&json!({
            "state": STATE, "title": format!("Consultation {marker}"), "kind": "npm_design",
            "owner": owner_short, "visibility": "private",
        }))
    } else {
        builder.form(&[
            csrf,
            ("state".to_owned(), STATE.to_owned()),
            ("title".to_owned(), format!("Consultation {marker}")),
            ("kind".to_owned(), "npm_design".to_owned()),
            ("owner".to_owned(), owner_short.to_owned()),
            ("visibility".to_owned(), "private".to_owned()),
        ])
    }
}

/// Creating, as every persona for every organisation: done for its
/// editors alone; the records made are counted and removed.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let path = route.path.to_owned();
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
                sent(app, actor, route, &path, &short, &marker, None),
                &what,
            )
            .await;
            checks += 1;
            let seen = world.model.reads_org(actor.user, *org);
            let allowed = writes(world, actor, *org);
            let expected = match (actor.user.is_some(), api) {
                (false, true) => 401,
                (false, false) => 403,
                (true, true) if allowed => 201,
                (true, false) if allowed => 303,
                (true, false) if !writes_somewhere(world, actor) => 403,
                (true, true) if seen => 403,
                (true, _) => 422,
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            let scope = curator(world);
            let made: Vec<_> = app
                .store
                .list_consultations(&scope, &ConsultationFilter::default(), PageRequest::ALL)
                .unwrap()
                .consultations
                .into_iter()
                .filter(|c| c.content.title.contains(&marker))
                .map(|c| c.id)
                .collect();
            assert_eq!(made.len(), usize::from(allowed), "{what}: records made");
            for id in made {
                app.store.delete_consultation(&scope, id).unwrap();
            }
        }
    }
    checks
}

/// Changing, deleting, or changing the parts of each record, as every
/// persona.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let api = is_api(route.path);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let planted = plant(app, world);
        for p in &planted {
            let actor = &world.actors[i];
            let id = p.id.to_string();
            let fill_all = |id: &str| {
                fill(
                    route.path,
                    &[
                        ("id", id),
                        ("participant", &p.participant.to_string()),
                        ("option", &p.option.to_string()),
                    ],
                )
            };
            let path = fill_all(&id);
            let what = what(route, &path, actor);
            let short = world.model.orgs[&p.access.owner].short.clone();
            let answer = probe(
                world,
                actor,
                sent(app, actor, route, &path, &short, &p.marker, Some(p)),
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
                let other = fill_all(&missing_id);
                let sent_missing = sent(app, actor, route, &other, &short, &p.marker, Some(p));
                let missing = probe(world, actor, sent_missing, "missing").await;
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            } else if !writes(world, actor, p.access.owner) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else {
                let expected = match (api, route.method) {
                    (true, "DELETE") => 204,
                    (true, "POST") => 201,
                    (true, _) => 200,
                    (false, "GET") => 200,
                    (false, _) => 303,
                };
                assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            }
        }
        clear(app, world, &planted);
    }
    checks
}
