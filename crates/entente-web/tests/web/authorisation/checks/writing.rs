//! Routes that change an organisation's memberships and invitations: done
//! for those who administer it, refused (403) to others who see its entry,
//! answered as missing to the rest, and after every request the stored
//! memberships are read back as the site admin.

use entente_core::access::{AccessScope, OrgId, Role, UserId};
use entente_store::AuditAction;

use super::{MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

pub fn site_admin() -> AccessScope {
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

/// What a change to an organisation's records must get from a persona.
pub enum Expected {
    Allowed,
    Status(u16),
    LikeMissing,
}

/// The rule for changes to `org`'s records: the anonymous get
/// `unauthenticated`, those who do not see the entry find nothing, its
/// admins may, other readers are refused.
pub fn expected(world: &World, actor: &Actor, org: OrgId, unauthenticated: u16) -> Expected {
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

/// Checks what is stored after a request to change `org`'s memberships
/// (`done`: whether it was allowed), then undoes a change that was made.
fn settle(app: &TestApp, world: &World, route: &Route, org: OrgId, done: bool, what: &str) {
    let stored = spare_role(app, world, org);
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
        assert_eq!(
            stored,
            Some(Role::Viewer),
            "{what}: the spare viewer's role"
        );
    }
}

/// Changing a role, removing a member, inviting someone: each of A's
/// entries, as every persona. The anonymous visitor has no session whose
/// form token could match, so the portal refuses them with 403.
pub async fn membership(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let spare = world.spare.0.to_string();
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let email = format!("{}@example.org", world.marker());
        let mut invited = Vec::new();
        let actor = &world.actors[i];
        let form = |actor: &Actor| -> Vec<(&str, String)> {
            vec![
                ("csrf", actor.csrf.clone()),
                ("role", "editor".to_owned()),
                ("email", email.clone()),
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
            let made = invitations_made(app) - invitations;
            let inviting = route.path.ends_with("/invitations");
            assert_eq!(
                made,
                usize::from(done && inviting),
                "{what}: invitations made"
            );
            if done && inviting {
                invited.push((org, email.clone()));
            }
            settle(app, world, route, org, done, &what);
        }
        world.model.invitations.extend(invited);
    }
    checks
}
