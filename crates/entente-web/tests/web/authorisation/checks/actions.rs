//! Routes of campaign actions: lists and exports name exactly the actions
//! the reader may see, one action (or its history) answers as missing to
//! everyone else, calendar feeds of a hidden subject are missing ones, and
//! changes are done for editors of the lead, refused (403) to its other
//! readers, answered as missing to the rest; after every allowed change
//! the world is put back as it was.

use entente_core::access::{AccessScope, OrgId};
use entente_core::plan::ActionId;
use serde_json::{Value, json};

use super::{MISSING_ID, MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::{Answer, TestApp};
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, Persona, World, send};

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// The answer's text: an XLSX workbook's cells, joined; any other body.
pub async fn text_of(app: &TestApp, actor: &Actor, route: &Route, path: &str) -> (u16, String) {
    if !path.ends_with(".xlsx") {
        let answer = send(request(app, actor, route, path)).await;
        return (answer.status, answer.body);
    }
    let response = request(app, actor, route, path).send().await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    if status != 200 {
        return (status, String::from_utf8_lossy(&bytes).into_owned());
    }
    let sheet = entente_io::plan::read_sheet(&bytes, path).unwrap();
    let cells = sheet.rows.into_iter().flat_map(|r| r.cells);
    (
        status,
        sheet
            .headers
            .into_iter()
            .chain(cells)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// A list or an export: every action the reader may see, no other.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    for actor in &world.actors {
        let what = what(route, route.path, actor);
        let (status, text) = text_of(app, actor, route, route.path).await;
        assert_eq!(status, 200, "{what}: {text}");
        model.assert_no_leak(actor.user, &text, &what);
        for (id, action) in &model.actions {
            let shown = text.contains(&action.title);
            assert_eq!(
                shown,
                model.reads_action(actor.user, *id),
                "{what}: {}",
                action.title
            );
        }
    }
    world.actors.len()
}

/// One action: for its readers, missing for everyone else.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("id", &missing_id)]);
        let missing = probe(
            world,
            actor,
            request(app, actor, route, &missing_path),
            "missing",
        )
        .await;
        for (id, action) in &model.actions {
            let key = id.to_string();
            let path = fill(route.path, &[("id", &key)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            checks += 1;
            if !model.reads_action(actor.user, *id) {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
                continue;
            }
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            if !path.ends_with("/history") {
                assert!(answer.body.contains(&action.title), "{what}");
            }
        }
    }
    checks
}

/// The actions a feed of `subject` must show to `actor`.
fn feed_shows(world: &World, actor: &Actor, subject: &Subject, id: i64) -> bool {
    let model = &world.model;
    let action = &model.actions[&id];
    let about = match subject {
        Subject::Org(org) => action.lead == *org || action.partner == Some(*org),
        Subject::Alliance(alliance) => action.shared_with.contains(alliance),
        Subject::State => true,
    };
    about && action.dated && model.reads_action(actor.user, id)
}

enum Subject {
    Org(OrgId),
    Alliance(entente_core::access::AllianceId),
    State,
}

/// A calendar feed: for readers of its subject, the subject's actions the
/// reader may see, one event each; missing for everyone else.
pub async fn feed(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    let (subjects, missing_key): (Vec<(String, Subject)>, String) = if route.path.contains("/orgs/")
    {
        let orgs = model.orgs.iter();
        let orgs = orgs.map(|(id, org)| (org.short.clone(), Subject::Org(*id)));
        (orgs.collect(), MISSING_SHORT.to_owned())
    } else if route.path.contains("/alliances/") {
        let alliances = model.alliances.keys();
        let alliances = alliances.map(|id| (id.0.to_string(), Subject::Alliance(*id)));
        (alliances.collect(), MISSING_ID.to_string())
    } else {
        (vec![("FRA".to_owned(), Subject::State)], "XXX".to_owned())
    };
    let mut checks = 0;
    for actor in &world.actors {
        let missing_feed = format!("{missing_key}.ics");
        let missing_path = fill(route.path, &[("feed", &missing_feed)]);
        let missing = probe(
            world,
            actor,
            request(app, actor, route, &missing_path),
            "missing",
        )
        .await;
        assert_eq!(missing.status, 404, "a feed of nothing");
        for (key, subject) in &subjects {
            let feed = format!("{key}.ics");
            let path = fill(route.path, &[("feed", &feed)]);
            let what = what(route, &path, actor);
            let answer =
                probe_asking(world, actor, request(app, actor, route, &path), key, &what).await;
            checks += 1;
            let readable = match subject {
                Subject::Org(org) => model.reads_org(actor.user, *org),
                Subject::Alliance(id) => model.reads_alliance(actor.user, *id),
                Subject::State => true,
            };
            if !readable {
                assert_like_missing(&answer, &missing, key, &missing_key, &what);
                continue;
            }
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            assert!(answer.body.starts_with("BEGIN:VCALENDAR"), "{what}");
            for (id, action) in &model.actions {
                let shown = answer.body.contains(&action.title);
                assert_eq!(
                    shown,
                    feed_shows(world, actor, subject, *id),
                    "{what}: {}",
                    action.title
                );
            }
        }
    }
    checks
}

/// The body that creates an action led by `lead`.
fn new_action(lead: &str) -> Value {
    json!({
        "title": "An action the test creates",
        "action_type": "letter",
        "phase": "ratification",
        "level": "national",
        "states": ["FRA"],
        "audiences": ["executive"],
        "lead": lead,
        "visibility": "private",
    })
}

/// Sends `body` as the actor; first with their read-only token, which is
/// refused whatever the record.
async fn send_json(
    app: &TestApp,
    world: &World,
    actor: &Actor,
    route: &Route,
    path: &str,
    body: Option<&Value>,
    asked: &str,
) -> Answer {
    let what = what(route, path, actor);
    let method = reqwest::Method::from_bytes(route.method.as_bytes()).unwrap();
    if let Some(read_only) = &actor.read_token {
        let refused = reqwest::Client::new()
            .request(method.clone(), app.url(path))
            .bearer_auth(read_only);
        let refused = match body {
            Some(body) => refused.json(body),
            None => refused,
        };
        let answer =
            probe_asking(world, actor, refused, asked, &format!("{what}, read-only")).await;
        assert_eq!(answer.status, 403, "{what}, read-only: {}", answer.body);
        assert_eq!(answer.json()["error"]["code"], "token_read_only", "{what}");
    }
    let sent = request(app, actor, route, path);
    let sent = match body {
        Some(body) => sent.json(body),
        None => sent,
    };
    probe_asking(world, actor, sent, asked, &what).await
}

/// Creating an action led by each of A's entries, as every persona; an
/// action made is deleted again.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let curator = AccessScope::SiteAdmin(world.curator());
    for actor in &world.actors {
        let missing = send_json(
            app,
            world,
            actor,
            route,
            route.path,
            Some(&new_action(MISSING_SHORT)),
            MISSING_SHORT,
        )
        .await;
        for org in world.owner {
            let short = world.model.orgs[&org].short.clone();
            let what = format!("{} for {short}", what(route, route.path, actor));
            let answer = send_json(
                app,
                world,
                actor,
                route,
                route.path,
                Some(&new_action(&short)),
                &short,
            )
            .await;
            checks += 1;
            let model = &world.model;
            if actor.user.is_none() {
                assert_eq!(answer.status, 401, "{what}: {}", answer.body);
            } else if !model.reads_org(actor.user, org) {
                assert_eq!(answer.status, 422, "{what}: {}", answer.body);
                super::assert_same_answer(&answer, &missing, &short, MISSING_SHORT, &what);
            } else if model.writes_for(actor.user, org) {
                assert_eq!(answer.status, 201, "{what}: {}", answer.body);
                let id = ActionId(answer.json()["id"].as_i64().unwrap());
                app.store.delete_action(&curator, id).unwrap();
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            }
        }
    }
    checks
}

/// Changing (`PUT`, with the action as the actor reads it sent back) or
/// deleting each action, as every persona; a deleted action is planted
/// again.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let missing_id = MISSING_ID.to_string();
    let put = route.method == "PUT";
    for i in 0..world.actors.len() {
        let ids: Vec<i64> = world.model.actions.keys().copied().collect();
        for id in ids {
            let actor = &world.actors[i];
            let key = id.to_string();
            let path = fill(route.path, &[("id", &key)]);
            let what = what(route, &path, actor);
            let body = if put {
                Some(sent_back(app, world, actor, id).await)
            } else {
                None
            };
            let missing_path = fill(route.path, &[("id", &missing_id)]);
            let missing =
                send_json(app, world, actor, route, &missing_path, body.as_ref(), "").await;
            let answer = send_json(app, world, actor, route, &path, body.as_ref(), "").await;
            checks += 1;
            let model = &world.model;
            if actor.user.is_none() {
                assert_eq!(answer.status, 401, "{what}: {}", answer.body);
            } else if !model.reads_action(actor.user, id) {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
            } else if !model.writes_action(actor.user, id) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else if put {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                let stored = app
                    .store
                    .action(&AccessScope::SiteAdmin(world.curator()), ActionId(id))
                    .unwrap()
                    .unwrap();
                let partner = world.model.actions[&id].partner;
                assert_eq!(
                    stored.content.partners,
                    partner.into_iter().collect::<Vec<_>>(),
                    "{what}: unchanged"
                );
            } else {
                assert_eq!(answer.status, 204, "{what}: {}", answer.body);
                replant(app, world, id);
            }
        }
    }
    checks
}

/// The body a `PUT` sends: the action as the actor reads it, or, for one
/// they may not read, as the site admin does (the answer must not depend
/// on it).
async fn sent_back(app: &TestApp, world: &World, actor: &Actor, id: i64) -> Value {
    let reader = if world.model.reads_action(actor.user, id) && actor.token.is_some() {
        actor
    } else {
        let mut actors = world.actors.iter();
        actors
            .find(|a| a.persona == Persona::SiteAdmin)
            .expect("the site admin")
    };
    let path = format!("/api/v1/actions/{id}");
    let answer = send(reader.api(app, reqwest::Method::GET, &path)).await;
    assert_eq!(answer.status, 200, "{path}: {}", answer.body);
    answer.json()
}

/// Plants a deleted action again, as it was, under a new id.
fn replant(app: &TestApp, world: &mut World, id: i64) {
    let gone = world.model.actions.remove(&id).expect("a planted action");
    world.action(app, gone.lead, gone.visibility, gone.partner);
}

/// An organisation's contacts as a file: for readers of its entry, the
/// contacts they may read and no other; missing for everyone else.
pub async fn contacts(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    let mut checks = 0;
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("short", MISSING_SHORT)]);
        let missing = probe(
            world,
            actor,
            request(app, actor, route, &missing_path),
            "missing",
        )
        .await;
        for (org, entry) in &model.orgs {
            let path = fill(route.path, &[("short", &entry.short)]);
            let what = what(route, &path, actor);
            let answer = probe_asking(
                world,
                actor,
                request(app, actor, route, &path),
                &entry.short,
                &what,
            )
            .await;
            checks += 1;
            if !model.reads_org(actor.user, *org) {
                assert_like_missing(&answer, &missing, &entry.short, MISSING_SHORT, &what);
                continue;
            }
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            for (id, contact) in model.contacts.iter().filter(|(_, c)| c.owner == *org) {
                let shown = answer.body.contains(&contact.name);
                assert_eq!(
                    shown,
                    model.reads_contact(actor.user, *id),
                    "{what}: {}",
                    contact.name
                );
            }
        }
    }
    checks
}
