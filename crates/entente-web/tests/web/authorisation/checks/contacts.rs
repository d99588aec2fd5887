//! Routes of contacts (people, personal data): the list names exactly the
//! contacts the reader may read, one contact answers as missing to everyone
//! else (and a hidden organisation as a missing one), and changes are done
//! for editors of the owner, refused (403) to its other readers, answered
//! as missing to the rest; after every allowed change the world is put
//! back as it was.

use entente_core::access::{AccessScope, AllianceId, OrgId, Visibility};
use entente_store::{ContactDetails, ContactId};
use serde_json::json;

use super::{
    MISSING_ID, MISSING_SHORT, assert_like_missing, fill, is_api, probe, probe_asking, request,
};
use crate::app::{Answer, TestApp};
use crate::authorisation::model::ContactModel;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

fn details(name: &str, visibility: Visibility, shared_with: &[AllianceId]) -> ContactDetails {
    ContactDetails {
        name: name.to_owned(),
        role: "Coordinator".to_owned(),
        email: None,
        phone: None,
        languages: vec!["fr".to_owned()],
        consent: true,
        notes: String::new(),
        visibility,
        shared_with: shared_with.to_vec(),
    }
}

impl World {
    fn curator_scope(&self) -> AccessScope {
        AccessScope::SiteAdmin(self.curator())
    }

    /// Stores a contact of `owner`, its name a marker.
    pub fn contact(&mut self, app: &TestApp, owner: OrgId, visibility: Visibility) -> i64 {
        let name = format!("Contact {}", self.marker());
        let shared_with: Vec<AllianceId> = match visibility {
            Visibility::Alliance => self.model.alliances.keys().take(1).copied().collect(),
            Visibility::Private | Visibility::Public => Vec::new(),
        };
        let stored = details(&name, visibility, &shared_with);
        let id = app
            .store
            .create_contact(&self.curator_scope(), owner, &stored)
            .unwrap()
            .0;
        let model = ContactModel {
            owner,
            visibility,
            shared_with,
            name,
        };
        self.model.contacts.insert(id, model);
        id
    }

    /// A private contact and one shared with an alliance at each of A's
    /// entries and at B, and a private one at C.
    pub fn contacts(&mut self, app: &TestApp) {
        for owner in self.owner.into_iter().chain([self.ally]) {
            self.contact(app, owner, Visibility::Private);
            self.contact(app, owner, Visibility::Alliance);
        }
        self.contact(app, self.stranger, Visibility::Private);
    }
}

/// What a change must get: the anonymous get `unauthenticated`, those who
/// do not see the record find nothing, its owner's editors may, other
/// readers are refused.
enum Expected {
    Allowed,
    Status(u16),
    LikeMissing,
}

fn expected(
    world: &World,
    actor: &Actor,
    route: &Route,
    owner: OrgId,
    contact: Option<i64>,
) -> Expected {
    let model = &world.model;
    let sees = model.reads_org(actor.user, owner)
        && contact.is_none_or(|id| model.reads_contact(actor.user, id));
    if actor.user.is_none() {
        // A page's form is refused for its missing token (403); the API and
        // the question before deleting ask to sign in.
        let signs_in = is_api(route.path) || route.method == "GET";
        Expected::Status(if signs_in { 401 } else { 403 })
    } else if !sees {
        Expected::LikeMissing
    } else if model.writes_for(actor.user, owner) {
        Expected::Allowed
    } else {
        Expected::Status(403)
    }
}

/// The request of a change, with its body: a form with the actor's token
/// on the portal, JSON on the API.
fn change_request(
    app: &TestApp,
    actor: &Actor,
    route: &Route,
    path: &str,
    contact: &ContactModel,
) -> reqwest::RequestBuilder {
    let sent = request(app, actor, route, path);
    if route.method == "DELETE" || route.method == "GET" {
        return sent;
    }
    let shared: Vec<i64> = contact.shared_with.iter().map(|a| a.0).collect();
    if is_api(route.path) {
        let body = json!({"name": contact.name, "visibility": contact.visibility.code(), "shared_with": shared});
        return sent.json(&body);
    }
    let mut form = vec![
        ("csrf", actor.csrf.clone()),
        ("name", contact.name.clone()),
        ("visibility", contact.visibility.code().to_owned()),
    ];
    form.extend(shared.iter().map(|a| ("shared_with", a.to_string())));
    sent.form(&form)
}

fn allowed_status(route: &Route) -> u16 {
    match (is_api(route.path), route.method) {
        (false, "GET") => 200,
        (false, _) => 303,
        (true, "POST") => 201,
        (true, "DELETE") => 204,
        (true, _) => 200,
    }
}

/// The contacts' names in a JSON list.
fn listed(answer: &Answer) -> std::collections::BTreeSet<String> {
    let list = answer.json();
    let items = list
        .as_array()
        .unwrap_or_else(|| panic!("a list: {}", answer.body));
    items
        .iter()
        .map(|c| c["name"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// An organisation's contacts: exactly those the reader may read; a hidden
/// organisation answers as a missing one.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
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
            let readable = model.contacts.iter().filter(|(_, c)| c.owner == *org);
            let expected: std::collections::BTreeSet<String> = readable
                .clone()
                .filter(|(id, _)| model.reads_contact(actor.user, **id))
                .map(|(_, c)| c.name.clone())
                .collect();
            if is_api(route.path) {
                assert_eq!(listed(&answer), expected, "{what}");
            } else {
                for (_, contact) in readable {
                    let shown = answer.body.contains(&contact.name);
                    assert_eq!(
                        shown,
                        expected.contains(&contact.name),
                        "{what}: {}",
                        contact.name
                    );
                }
            }
        }
    }
    checks
}

/// One contact: for its readers; a hidden one answers as a missing
/// contact, a hidden organisation as a missing organisation.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let model = &world.model;
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        for (id, contact) in &model.contacts {
            let short = &model.orgs[&contact.owner].short;
            let id_text = id.to_string();
            let path = fill(route.path, &[("short", short), ("id", &id_text)]);
            let what = what(route, &path, actor);
            let answer = probe_asking(
                world,
                actor,
                request(app, actor, route, &path),
                short,
                &what,
            )
            .await;
            checks += 1;
            if !model.reads_org(actor.user, contact.owner) {
                let other = fill(route.path, &[("short", MISSING_SHORT), ("id", &id_text)]);
                let missing = probe(
                    world,
                    actor,
                    request(app, actor, route, &other),
                    "missing org",
                )
                .await;
                assert_like_missing(&answer, &missing, short, MISSING_SHORT, &what);
            } else if !model.reads_contact(actor.user, *id) {
                let other = fill(route.path, &[("short", short), ("id", &missing_id)]);
                let missing =
                    probe(world, actor, request(app, actor, route, &other), "missing").await;
                assert_like_missing(&answer, &missing, &id_text, &missing_id, &what);
            } else {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&contact.name), "{what}");
            }
        }
    }
    checks
}

/// Adding a contact to each organisation, as every persona; one that was
/// added is deleted again.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    for i in 0..world.actors.len() {
        for org in &orgs {
            let name = format!("Contact {}", world.marker());
            let planned = ContactModel {
                owner: *org,
                visibility: Visibility::Private,
                shared_with: Vec::new(),
                name: name.clone(),
            };
            let (actor, model) = (&world.actors[i], &world.model);
            let short = &model.orgs[org].short;
            let path = fill(route.path, &[("short", short)]);
            let what = what(route, &path, actor);
            let sent = change_request(app, actor, route, &path, &planned);
            let answer = probe_asking(world, actor, sent, short, &what).await;
            checks += 1;
            let done = match expected(world, actor, route, *org, None) {
                Expected::Allowed => {
                    assert_eq!(
                        answer.status,
                        allowed_status(route),
                        "{what}: {}",
                        answer.body
                    );
                    true
                }
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    false
                }
                Expected::LikeMissing => {
                    let other = fill(route.path, &[("short", MISSING_SHORT)]);
                    let sent = change_request(app, actor, route, &other, &planned);
                    let missing = probe(world, actor, sent, "missing").await;
                    assert_like_missing(&answer, &missing, short, MISSING_SHORT, &what);
                    false
                }
            };
            let scope = world.curator_scope();
            let made: Vec<ContactId> = app
                .store
                .contacts_of(&scope, *org)
                .unwrap()
                .into_iter()
                .filter(|c| c.details.name == name)
                .map(|c| c.id)
                .collect();
            assert_eq!(made.len(), usize::from(done), "{what}: contacts added");
            for id in made {
                app.store.delete_contact(&scope, id).unwrap();
            }
        }
    }
    checks
}

/// Changing or deleting each contact, as every persona: the stored contact
/// is read back, and a deleted one planted again with the same details.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let missing_id = MISSING_ID.to_string();
    // `GET …/delete` only asks: nothing is deleted.
    let deleting =
        route.method == "DELETE" || (route.method == "POST" && route.path.ends_with("/delete"));
    for i in 0..world.actors.len() {
        let ids: Vec<i64> = world.model.contacts.keys().copied().collect();
        for id in ids {
            let contact = world.model.contacts[&id].clone();
            let (actor, model) = (&world.actors[i], &world.model);
            let short = model.orgs[&contact.owner].short.clone();
            let id_text = id.to_string();
            let path = fill(route.path, &[("short", &short), ("id", &id_text)]);
            let what = what(route, &path, actor);
            let sent = change_request(app, actor, route, &path, &contact);
            let answer = probe_asking(world, actor, sent, &short, &what).await;
            checks += 1;
            let done = match expected(world, actor, route, contact.owner, Some(id)) {
                Expected::Allowed => {
                    assert_eq!(
                        answer.status,
                        allowed_status(route),
                        "{what}: {}",
                        answer.body
                    );
                    true
                }
                Expected::Status(status) => {
                    assert_eq!(answer.status, status, "{what}: {}", answer.body);
                    false
                }
                Expected::LikeMissing => {
                    let (key, swap, other) = if model.reads_org(actor.user, contact.owner) {
                        (
                            id_text.clone(),
                            missing_id.clone(),
                            fill(route.path, &[("short", &short), ("id", &missing_id)]),
                        )
                    } else {
                        (
                            short.clone(),
                            MISSING_SHORT.to_owned(),
                            fill(route.path, &[("short", MISSING_SHORT), ("id", &id_text)]),
                        )
                    };
                    let sent = change_request(app, actor, route, &other, &contact);
                    let missing = probe(world, actor, sent, "missing").await;
                    assert_like_missing(&answer, &missing, &key, &swap, &what);
                    false
                }
            };
            settle(app, world, id, &contact, done && deleting, &what);
        }
    }
    checks
}

/// Reads contact `id` back as the site admin: unchanged in what the check
/// sent, or gone when `deleted`, and then planted again with the same
/// details under a new id.
fn settle(
    app: &TestApp,
    world: &mut World,
    id: i64,
    contact: &ContactModel,
    deleted: bool,
    what: &str,
) {
    let stored = app
        .store
        .contact(&world.curator_scope(), ContactId(id))
        .unwrap();
    assert_eq!(stored.is_none(), deleted, "{what}: the contact is stored");
    let expected = details(&contact.name, contact.visibility, &contact.shared_with);
    if let Some(stored) = stored {
        assert_eq!(stored.details.name, expected.name, "{what}");
        assert_eq!(stored.details.visibility, expected.visibility, "{what}");
        assert_eq!(stored.details.shared_with, expected.shared_with, "{what}");
        return;
    }
    world.model.contacts.remove(&id);
    let new_id = app
        .store
        .create_contact(&world.curator_scope(), contact.owner, &expected)
        .unwrap()
        .0;
    world.model.contacts.insert(new_id, contact.clone());
}
