//! Routes that read: reference data for everyone, the directory, member
//! lists, alliances and the audit log as far as each reader may see them.

use std::collections::BTreeSet;

use entente_core::access::{AllianceId, OrgId, UserId};

use super::{
    MISSING_ID, MISSING_SHORT, assert_like_missing, fill, is_api, probe, probe_asking, request,
};
use crate::app::TestApp;
use crate::authorisation::model::Model;
use crate::authorisation::routes::Route;
use crate::authorisation::world::World;

fn what(route: &Route, path: &str, actor: &crate::authorisation::world::Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// Reference data: the same 200 for everyone, and no marker in it.
pub async fn reference(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let path = fill(route.path, &[("iso3", "FRA"), ("id", "opcat")]);
    for actor in &world.actors {
        let what = what(route, &path, actor);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
    }
    world.actors.len()
}

/// The short names a JSON list names under `field`.
fn listed(body: &serde_json::Value, field: &str) -> BTreeSet<String> {
    let items = body.as_array().unwrap_or_else(|| panic!("a list: {body}"));
    items
        .iter()
        .map(|item| match &item[field] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// The directory names exactly the entries the reader may see.
pub async fn org_list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    // Exports are files: CSV, a workbook read back, JSON records.
    let file = route.path.ends_with(".csv") || route.path.ends_with(".xlsx");
    for actor in &world.actors {
        let what = what(route, route.path, actor);
        let answer = if file {
            let (status, body) = super::actions::text_of(app, actor, route, route.path).await;
            model.assert_no_leak(actor.user, &body, &what);
            crate::app::Answer {
                status,
                headers: Default::default(),
                body,
            }
        } else {
            probe(world, actor, request(app, actor, route, route.path), &what).await
        };
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        let expected: BTreeSet<String> = model
            .orgs
            .iter()
            .filter(|(id, _)| model.reads_org(actor.user, **id))
            .map(|(_, org)| org.short.clone())
            .collect();
        if is_api(route.path) && !file {
            assert_eq!(listed(&answer.json(), "short_name"), expected, "{what}");
        } else {
            for org in model.orgs.values() {
                let shown = answer.body.contains(&org.short);
                assert_eq!(
                    shown,
                    expected.contains(&org.short),
                    "{what}: {}",
                    org.short
                );
            }
        }
    }
    world.actors.len()
}

/// An entry: shown to its readers (its members to members), answered as a
/// missing one to everyone else.
pub async fn org_entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
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
        for (id, org) in &model.orgs {
            let path = fill(route.path, &[("short", &org.short)]);
            let what = what(route, &path, actor);
            let answer = probe_asking(
                world,
                actor,
                request(app, actor, route, &path),
                &org.short,
                &what,
            )
            .await;
            checks += 1;
            if !model.reads_org(actor.user, *id) {
                assert_like_missing(&answer, &missing, &org.short, MISSING_SHORT, &what);
                continue;
            }
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            assert!(answer.body.contains(&org.short), "{what}");
            if !is_api(route.path) {
                let members_shown = model.reads_members(actor.user, *id);
                for email in member_emails(world, *id) {
                    assert_eq!(
                        answer.body.contains(&email),
                        members_shown,
                        "{what}: {email}"
                    );
                }
            }
        }
    }
    checks
}

fn member_emails(world: &World, org: OrgId) -> BTreeSet<String> {
    let users = world.model.users.values();
    users
        .filter(|u| u.memberships.contains_key(&org))
        .map(|u| u.email.clone())
        .collect()
}

/// A member list: for members, refused to other readers of the entry,
/// missing for the rest.
pub async fn org_members(app: &TestApp, world: &mut World, route: &Route) -> usize {
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
        for (id, org) in &model.orgs {
            let path = fill(route.path, &[("short", &org.short)]);
            let what = what(route, &path, actor);
            let answer = probe_asking(
                world,
                actor,
                request(app, actor, route, &path),
                &org.short,
                &what,
            )
            .await;
            checks += 1;
            if model.reads_members(actor.user, *id) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert_eq!(
                    listed(&answer.json(), "email"),
                    member_emails(world, *id),
                    "{what}"
                );
            } else if model.reads_org(actor.user, *id) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else {
                assert_like_missing(&answer, &missing, &org.short, MISSING_SHORT, &what);
            }
        }
    }
    checks
}

/// The alliances the reader may see, each naming only the members and
/// owner whose entries the reader may see.
pub async fn alliance_list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    for actor in &world.actors {
        let what = what(route, route.path, actor);
        let answer = probe(world, actor, request(app, actor, route, route.path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        if !is_api(route.path) {
            for alliance in model.alliances.iter() {
                let (id, alliance) = alliance;
                let shown = answer.body.contains(&alliance.name);
                let readable = model.reads_alliance(actor.user, *id);
                assert_eq!(shown, readable, "{what}: {}", alliance.name);
            }
            continue;
        }
        let expected: BTreeSet<String> = model
            .alliances
            .keys()
            .filter(|id| model.reads_alliance(actor.user, **id))
            .map(|id| id.0.to_string())
            .collect();
        assert_eq!(listed(&answer.json(), "id"), expected, "{what}");
        for alliance in answer.json().as_array().unwrap() {
            check_alliance_view(model, actor.user, alliance, &what);
        }
    }
    world.actors.len()
}

/// An alliance as the API shows it: its owner and members named when the
/// reader sees their entries, the others only counted.
pub fn check_alliance_view(
    model: &Model,
    user: Option<UserId>,
    view: &serde_json::Value,
    what: &str,
) {
    let id = AllianceId(view["id"].as_i64().unwrap());
    let owner = model.alliances[&id].owner;
    let owner_named = !view["owner"].is_null();
    assert_eq!(owner_named, model.reads_org(user, owner), "{what}: {view}");
    let named = model.alliance_members_seen(user, id);
    assert_eq!(
        listed(&view["members"], "short_name"),
        named,
        "{what}: {view}"
    );
    assert!(
        view.get("unnamed_members").is_none(),
        "{what}: no count of hidden members: {view}"
    );
}

/// One alliance: for its readers, missing for everyone else.
pub async fn alliance(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    let mut checks = 0;
    let missing_id = MISSING_ID.to_string();
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("id", &missing_id)]);
        let missing = probe(
            world,
            actor,
            request(app, actor, route, &missing_path),
            "missing",
        )
        .await;
        for (id, alliance) in &model.alliances {
            let key = id.0.to_string();
            let path = fill(route.path, &[("id", &key)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            checks += 1;
            if model.reads_alliance(actor.user, *id) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&alliance.name), "{what}");
                assert!(answer.body.contains(&alliance.purpose), "{what}");
                if is_api(route.path) {
                    check_alliance_view(model, actor.user, &answer.json(), &what);
                }
            } else {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
            }
        }
    }
    checks
}

/// How many pages of a filtered audit log the check reads: 100 entries
/// each, more than a whole run of the route table writes of one kind.
const PAGES_READ: u32 = 6;

/// The audit log: entries about the organisations the reader administers,
/// all of them for the site admin; refused to signed-in users who
/// administer nothing, and to the anonymous.
pub async fn audit(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    // The planted entries, and the invitations made, each kind on its own
    // so that the log's first page holds them all however many sign-ins
    // and changes came before.
    let planted: Vec<(OrgId, &str)> = model
        .audit
        .iter()
        .map(|e| (e.org, e.detail.as_str()))
        .collect();
    let invited: Vec<(OrgId, &str)> = model
        .invitations
        .iter()
        .map(|(o, e)| (*o, e.as_str()))
        .collect();
    let mut checks = 0;
    // The whole first page too (reads from outside, sign-ins, changes):
    // only for the leak check of every answer.
    let filters = [
        ("?action=record_updated", planted),
        ("?action=invitation_created", invited),
        ("", Vec::new()),
    ];
    for (filter, entries) in filters {
        let path = format!("{}{filter}", route.path);
        for actor in &world.actors {
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            let administers_any = model
                .orgs
                .keys()
                .any(|org| model.administers(actor.user, *org));
            let expected = match (actor.user, administers_any) {
                (None, _) => 401,
                (Some(_), false) => 403,
                (Some(_), true) => 200,
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            // The planted entries are among the oldest: later routes' own
            // changes can push them past the first page, so the later
            // pages are read (and checked for leaks) too.
            let mut read = answer.body.clone();
            if answer.status == 200 && !entries.is_empty() {
                for page in 2..=PAGES_READ {
                    let paged = format!("{path}&page={page}");
                    let more = probe(world, actor, request(app, actor, route, &paged), &what).await;
                    assert_eq!(more.status, 200, "{what} page {page}: {}", more.body);
                    read.push_str(&more.body);
                }
            }
            for (org, marker) in &entries {
                let shown = read.contains(marker);
                assert_eq!(
                    shown,
                    model.administers(actor.user, *org),
                    "{what}: {marker}"
                );
            }
            checks += 1;
        }
    }
    checks
}
