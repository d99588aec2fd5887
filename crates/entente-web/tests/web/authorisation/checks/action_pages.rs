//! The portal's pages of campaign actions: the month calendar names
//! exactly the actions the reader may see; the creation form offers as
//! lead only the organisations the user writes for and creates for those
//! alone; the edit and delete pages (and their forms, with the session's
//! CSRF token) are done for editors of the lead, refused (403) to its
//! other readers, answered as missing to the rest. The world is put back
//! after every change.

use entente_core::access::AccessScope;
use entente_core::plan::{ActionDraft, ActionId};
use entente_store::{ActionFilter, PageRequest};

use super::{
    MISSING_ID, MISSING_SHORT, assert_like_missing, assert_same_answer, fill, probe, probe_asking,
    request,
};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

/// The month the world's dated actions fall in.
const MONTH: &str = "2026-03";

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// `GET /actions/calendar`: the world's month names every action the
/// reader may see that has dates, and no other.
pub async fn calendar(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let path = format!("{}?month={MONTH}", route.path);
    let model = &world.model;
    for actor in &world.actors {
        let what = what(route, &path, actor);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        for (id, action) in &model.actions {
            assert_eq!(
                answer.body.contains(&action.title),
                action.dated && model.reads_action(actor.user, *id),
                "{what}: {}",
                action.title
            );
        }
    }
    world.actors.len()
}

/// Whether the user leads actions for some organisation of the world.
fn writes_somewhere(world: &World, actor: &Actor) -> bool {
    let model = &world.model;
    model
        .orgs
        .keys()
        .any(|org| model.writes_for(actor.user, *org))
}

/// The options of the form's lead selector.
fn lead_options(body: &str) -> &str {
    let from = body.find(r#"name="lead""#).expect("a lead selector");
    let rest = &body[from..];
    &rest[..rest.find("</select>").expect("the selector's end")]
}

/// `GET /actions/new`: the form for those who write for an organisation,
/// offering those organisations alone as lead.
pub async fn new_form(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    for actor in &world.actors {
        let what = what(route, route.path, actor);
        let answer = probe(world, actor, request(app, actor, route, route.path), &what).await;
        if actor.user.is_none() {
            assert_eq!(answer.status, 401, "{what}");
        } else if !writes_somewhere(world, actor) {
            assert_eq!(answer.status, 403, "{what}: {}", answer.body);
        } else {
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            let leads = lead_options(&answer.body);
            for (org, entry) in &model.orgs {
                let offered = leads.contains(&format!(r#"value="{}""#, entry.short));
                assert_eq!(
                    offered,
                    model.writes_for(actor.user, *org),
                    "{what}: {}",
                    entry.short
                );
            }
        }
    }
    world.actors.len()
}

/// The fields of the action form describing `content`, led by `lead`.
fn form_of(
    world: &World,
    actor: &Actor,
    content: &ActionDraft,
    lead: &str,
) -> Vec<(String, String)> {
    let mut pairs = vec![
        ("csrf", actor.csrf.clone()),
        ("title", content.title.clone()),
        ("description", content.description.clone()),
        ("action_type", content.action_type.clone()),
        ("phase", content.phase.code().to_owned()),
        ("level", content.level.code().to_owned()),
        ("status", content.status.code().to_owned()),
        ("lead", lead.to_owned()),
        (
            "start",
            content.start.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "end",
            content.end.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("visibility", content.visibility.code().to_owned()),
    ];
    pairs.extend(content.states.iter().map(|s| ("states", s.to_string())));
    pairs.extend(
        content
            .audiences
            .iter()
            .map(|a| ("audiences", a.code().to_owned())),
    );
    pairs.extend(
        content
            .partners
            .iter()
            .map(|p| ("partners", world.model.orgs[p].short.clone())),
    );
    pairs.extend(
        content
            .shared_with
            .iter()
            .map(|a| ("shared_with", a.0.to_string())),
    );
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn stored(app: &TestApp, world: &World, id: i64) -> ActionDraft {
    let curator = AccessScope::SiteAdmin(world.curator());
    app.store
        .action(&curator, ActionId(id))
        .unwrap()
        .expect("a planted action")
        .content
}

fn action_count(app: &TestApp, world: &World) -> u64 {
    let curator = AccessScope::SiteAdmin(world.curator());
    let all = app
        .store
        .list_actions(&curator, &ActionFilter::default(), PageRequest::ALL);
    all.unwrap().total
}

/// `POST /actions`: an action led by each of A's entries, as every
/// persona; one made is deleted again.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let template = stored(
        app,
        world,
        *world.model.actions.keys().next().expect("an action"),
    );
    // Its own title: the planted one is a marker not every actor may read.
    let template = ActionDraft {
        title: "An action the test creates".to_owned(),
        partners: Vec::new(),
        shared_with: Vec::new(),
        visibility: entente_core::access::Visibility::Private,
        ..template
    };
    let mut checks = 0;
    for actor in &world.actors {
        let post = |lead: &str| {
            request(app, actor, route, route.path).form(&form_of(world, actor, &template, lead))
        };
        let missing = probe(world, actor, post(MISSING_SHORT), "missing").await;
        for org in world.owner {
            let short = world.model.orgs[&org].short.clone();
            let what = format!("{} for {short}", what(route, route.path, actor));
            let before = action_count(app, world);
            let answer = probe_asking(world, actor, post(&short), &short, &what).await;
            checks += 1;
            let model = &world.model;
            let made = if actor.user.is_none() {
                assert_eq!(answer.status, 403, "{what}: the form's token");
                false
            } else if !writes_somewhere(world, actor) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
                false
            } else if !model.reads_org(actor.user, org) {
                assert_same_answer(&answer, &missing, &short, MISSING_SHORT, &what);
                false
            } else if model.writes_for(actor.user, org) {
                assert_eq!(answer.status, 303, "{what}: {}", answer.body);
                true
            } else {
                assert_eq!(answer.status, 422, "{what}: {}", answer.body);
                assert!(answer.body.contains(r#"id="lead-problem""#), "{what}");
                false
            };
            assert_eq!(action_count(app, world), before + u64::from(made), "{what}");
            if made {
                let location = answer.headers["location"].to_str().unwrap();
                let id = location["/actions/".len()..].split('?').next().unwrap();
                let curator = AccessScope::SiteAdmin(world.curator());
                app.store
                    .delete_action(&curator, ActionId(id.parse().unwrap()))
                    .unwrap();
            }
        }
    }
    checks
}

/// What a change page must answer `actor` about action `id`.
enum Expected {
    Allowed,
    Status(u16),
    LikeMissing,
}

fn expected(world: &World, actor: &Actor, id: i64, post: bool) -> Expected {
    let model = &world.model;
    if actor.user.is_none() {
        // A form without the session's token is refused before anything
        // is looked up; a page asks to sign in.
        Expected::Status(if post { 403 } else { 401 })
    } else if !model.reads_action(actor.user, id) {
        Expected::LikeMissing
    } else if !model.writes_action(actor.user, id) {
        Expected::Status(403)
    } else {
        Expected::Allowed
    }
}

/// `GET/POST /actions/{id}/edit` and `.../delete`, on every action as
/// every persona: a form posted back unchanged is saved, a deleted action
/// is planted again.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let post = route.method == "POST";
    let deletes = route.path.ends_with("/delete");
    let missing_id = MISSING_ID.to_string();
    for i in 0..world.actors.len() {
        let ids: Vec<i64> = world.model.actions.keys().copied().collect();
        for id in ids {
            let actor = &world.actors[i];
            let key = id.to_string();
            let path = fill(route.path, &[("id", &key)]);
            let what = what(route, &path, actor);
            let before = stored(app, world, id);
            let lead = world.model.orgs[&before.lead].short.clone();
            let body = form_of(world, actor, &before, &lead);
            let send = |path: &str| {
                let sent = request(app, actor, route, path);
                if post { sent.form(&body) } else { sent }
            };
            let missing_path = fill(route.path, &[("id", &missing_id)]);
            let missing = probe(world, actor, send(&missing_path), "missing").await;
            let answer = probe(world, actor, send(&path), &what).await;
            checks += 1;
            let done = match expected(world, actor, id, post) {
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    false
                }
                Expected::LikeMissing => {
                    assert_like_missing(&answer, &missing, &key, &missing_id, &what);
                    false
                }
                Expected::Allowed if !post => {
                    assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                    false
                }
                Expected::Allowed => {
                    let partner_hidden = before
                        .partners
                        .iter()
                        .any(|p| !world.model.reads_org(actor.user, *p));
                    let status = if partner_hidden && !deletes { 422 } else { 303 };
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    status == 303
                }
            };
            if done && deletes {
                replant(app, world, id);
            } else {
                assert_eq!(stored(app, world, id).partners, before.partners, "{what}");
                assert_eq!(stored(app, world, id).title, before.title, "{what}");
            }
        }
    }
    checks
}

/// Plants a deleted action again, as it was, under a new id.
fn replant(app: &TestApp, world: &mut World, id: i64) {
    let gone = world.model.actions.remove(&id).expect("a planted action");
    let curator = AccessScope::SiteAdmin(world.curator());
    assert!(
        app.store.action(&curator, ActionId(id)).unwrap().is_none(),
        "deleted"
    );
    world.action(app, gone.lead, gone.visibility, gone.partner);
}
