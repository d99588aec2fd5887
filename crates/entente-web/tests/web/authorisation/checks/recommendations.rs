//! Routes of recommendations: lists and pages name exactly the
//! recommendations the reader may read, one answers as missing to everyone
//! else, changes (the record, its follow-up, its links) are done for
//! editors of the owner, refused (403) to its other readers and answered
//! as missing to the rest; a follow-up event is recorded by any reader on
//! behalf of an organisation they edit for. The records are planted for
//! each check and removed after it.

use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, Visibility, can_read};
use entente_core::recommendation::{
    Body, FollowUpDraft, FollowUpKind, FollowUpStatus, RecommendationDraft, RecommendationId, Theme,
};
use entente_store::{NewFollowUp, PageRequest, RecommendationFilter};
use serde_json::json;

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

pub(super) const STATE: &str = "FRA";

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

#[derive(Debug, Clone)]
pub(super) struct Planted {
    id: i64,
    pub(super) access: RecordAccess,
    pub(super) marker: String,
    /// A follow-up event recorded for the owner.
    event: i64,
    /// A public action linked to it.
    action: i64,
    /// A public recommendation related to it.
    related: i64,
}

pub(super) fn curator(world: &World) -> AccessScope {
    AccessScope::SiteAdmin(world.curator())
}

pub(super) fn draft(
    owner: OrgId,
    visibility: Visibility,
    shared: &[AllianceId],
    marker: &str,
) -> RecommendationDraft {
    RecommendationDraft {
        state: STATE.parse().unwrap(),
        body: Body::Spt,
        document_symbol: "CAT/OP/FRA/1".to_owned(),
        document_title: String::new(),
        document_url: None,
        document_date: None,
        addressed_to: String::new(),
        paragraph: "12".to_owned(),
        text: format!("Text {marker}"),
        themes: vec![Theme::Npm],
        tags: Vec::new(),
        owner,
        visibility,
        shared_with: shared.to_vec(),
        demo: false,
    }
}

/// A private, an alliance and a public recommendation at each organisation,
/// each with a follow-up event, a linked public action and a related
/// public recommendation.
pub(super) fn plant(app: &TestApp, world: &mut World) -> Vec<Planted> {
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
                .create_recommendation(&scope, &draft(owner, *visibility, &shared, &marker))
                .unwrap();
            let related_marker = world.marker();
            let related = store
                .create_recommendation(
                    &scope,
                    &RecommendationDraft {
                        body: Body::Cat,
                        ..draft(owner, Visibility::Public, &[], &related_marker)
                    },
                )
                .unwrap();
            store.link_related(&scope, id, related).unwrap();
            let action = store
                .create_action(
                    &scope,
                    &crate::fixture::letter(owner, "Letter on the NPM", STATE, Visibility::Public),
                )
                .unwrap();
            store.link_action(&scope, id, action).unwrap();
            // One on the related recommendation first, so that an event's
            // number is never its recommendation's (an address holds both).
            let event_on = |on| {
                store.add_follow_up(
                    &scope,
                    on,
                    &NewFollowUp {
                        event: FollowUpDraft {
                            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                            kind: FollowUpKind::StateReply,
                            status: FollowUpStatus::InProgress,
                            note: String::new(),
                        },
                        recorded_by: owner,
                    },
                )
            };
            event_on(related).unwrap();
            let event = store
                .add_follow_up(
                    &scope,
                    id,
                    &NewFollowUp {
                        event: FollowUpDraft {
                            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                            kind: FollowUpKind::StateReply,
                            status: FollowUpStatus::InProgress,
                            note: String::new(),
                        },
                        recorded_by: owner,
                    },
                )
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
                event,
                action: action.0,
                related: related.0,
            });
        }
    }
    planted
}

pub(super) fn clear(app: &TestApp, world: &World, planted: &[Planted]) {
    let scope = curator(world);
    for p in planted {
        let _ = app
            .store
            .delete_recommendation(&scope, RecommendationId(p.id));
        let _ = app
            .store
            .delete_recommendation(&scope, RecommendationId(p.related));
        let _ = app
            .store
            .delete_action(&scope, entente_core::plan::ActionId(p.action));
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

/// An organisation the actor edits for, by short name.
fn own_org(world: &World, actor: &Actor) -> Option<String> {
    world
        .model
        .orgs
        .iter()
        .find(|(id, _)| writes(world, actor, **id))
        .map(|(_, o)| o.short.clone())
}

/// The lists: exactly the recommendations the reader may read.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let path = if is_api(route.path) {
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

/// One recommendation or its parts: for its readers; to everyone else, as
/// a missing one.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let missing_id = MISSING_ID.to_string();
    let whole = !route.path.ends_with("/follow-ups")
        && !route.path.ends_with("/actions")
        && !route.path.ends_with("/related");
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
                if whole {
                    assert!(answer.body.contains(&p.marker), "{what}");
                }
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
    if route.method == "GET"
        || route.method == "DELETE"
        || (api && route.method == "PUT" && !route.path.ends_with("{id}"))
    {
        return builder;
    }
    if route.path.ends_with("/delete") {
        return builder.form(&[("csrf", actor.csrf.clone())]);
    }
    if route.path.ends_with("/actions") {
        let action = planted.map_or(0, |p| p.action).to_string();
        return builder.form(&[("csrf", actor.csrf.clone()), ("action", action)]);
    }
    if route.path.ends_with("/related") {
        let related = planted.map_or(0, |p| p.related).to_string();
        return builder.form(&[("csrf", actor.csrf.clone()), ("related", related)]);
    }
    if api {
        builder.json(&json!({
            "state": STATE, "body": "spt", "owner": owner_short,
            "document": {"symbol": "CAT/OP/FRA/1"}, "text": format!("Text {marker}"),
            "visibility": "private",
        }))
    } else {
        builder.form(&[
            ("csrf", actor.csrf.clone()),
            ("state", STATE.to_owned()),
            ("body", "spt".to_owned()),
            ("document_symbol", "CAT/OP/FRA/1".to_owned()),
            ("text", format!("Text {marker}")),
            ("owner", owner_short.to_owned()),
            ("visibility", "private".to_owned()),
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
            let made: Vec<_> = app
                .store
                .list_recommendations(&scope, &RecommendationFilter::default(), PageRequest::ALL)
                .unwrap()
                .recommendations
                .into_iter()
                .filter(|r| r.content.text.contains(&marker))
                .map(|r| r.id)
                .collect();
            assert_eq!(made.len(), usize::from(allowed), "{what}: records made");
            for id in made {
                app.store.delete_recommendation(&scope, id).unwrap();
            }
        }
    }
    checks
}

/// Changing, deleting or linking each record, as every persona.
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
                        ("event", &p.event.to_string()),
                        ("action", &p.action.to_string()),
                        ("other", &p.related.to_string()),
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
                    (true, "PUT") if !route.path.ends_with("{id}") => 204,
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

/// Recording a follow-up event: any reader who edits for an organisation
/// may, on its behalf; a reader who edits for none is told which field is
/// wrong; everyone else finds nothing.
pub async fn follow_up(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let api = is_api(route.path);
    let missing_id = MISSING_ID.to_string();
    let planted = plant(app, world);
    let mut checks = 0;
    for actor in &world.actors {
        let recorder = own_org(world, actor).unwrap_or_else(|| "nosuch-org".to_owned());
        let body = |path: &str| {
            let builder = request(app, actor, route, path);
            if api {
                builder.json(&json!({
                    "date": "2024-02-01", "kind": "ngo_assessment", "status": "in_progress",
                    "recorded_by": recorder,
                }))
            } else {
                builder.form(&[
                    ("csrf", actor.csrf.clone()),
                    ("date", "01/02/2024".to_owned()),
                    ("kind", "ngo_assessment".to_owned()),
                    ("status", "in_progress".to_owned()),
                    ("recorded_by", recorder.clone()),
                ])
            }
        };
        for p in &planted {
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, body(&path), &what).await;
            checks += 1;
            if actor.user.is_none() {
                assert_eq!(
                    answer.status,
                    if api { 401 } else { 403 },
                    "{what}: {}",
                    answer.body
                );
            } else if !reads(world, actor, &p.access) {
                let other = fill(route.path, &[("id", &missing_id)]);
                let missing = probe(world, actor, body(&other), "missing").await;
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            } else if writes_somewhere(world, actor) {
                assert_eq!(
                    answer.status,
                    if api { 201 } else { 303 },
                    "{what}: {}",
                    answer.body
                );
            } else {
                assert_eq!(answer.status, 422, "{what}: {}", answer.body);
            }
        }
    }
    clear(app, world, &planted);
    checks
}
