//! Changing an organisation's settings (`POST /orgs/{short}`): done for
//! those who administer it, refused (403) to others who see its entry,
//! answered as missing to the rest; who may is decided before the form is
//! read, so a refused reader learns nothing from a field's message either.
//! After every request the stored entry is read back as the site admin.

use entente_core::access::OrgId;
use entente_store::{AuditAction, Organisation, OrganisationChanges};

use super::writing::{Expected, expected, site_admin};
use super::{MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

fn entry(app: &TestApp, org: OrgId) -> Organisation {
    app.store.organisation(&site_admin(), org).unwrap().unwrap()
}

fn updates_made(app: &TestApp) -> usize {
    let log = app.store.audit_export_as_site_admin().unwrap();
    log.iter()
        .filter(|line| line.entry.action == AuditAction::OrganisationUpdated)
        .count()
}

/// The settings form as `actor` sends it for `org`: its stored name, kind
/// and visibility (so the model's view of who reads it holds) and a new
/// description, or a blank name when `valid` is false.
fn form(
    actor: &Actor,
    org: &Organisation,
    description: &str,
    valid: bool,
) -> Vec<(&'static str, String)> {
    vec![
        ("csrf", actor.csrf.clone()),
        (
            "name",
            if valid {
                org.name.clone()
            } else {
                " ".to_owned()
            },
        ),
        ("kind", org.kind.code().to_owned()),
        ("website", String::new()),
        ("description", description.to_owned()),
        ("visibility", org.visibility.code().to_owned()),
    ]
}

/// Puts back what an allowed change altered.
fn restore(app: &TestApp, before: &Organisation) {
    let changes = OrganisationChanges {
        name: before.name.clone(),
        kind: before.kind,
        website: before.website.clone(),
        description: before.description.clone(),
        visibility: before.visibility,
        profile: entente_store::OrganisationProfile::default(),
    };
    app.store
        .update_organisation(&site_admin(), before.id, &changes)
        .unwrap();
}

/// Each of A's entries, as every persona, with a valid form and with one
/// whose name is blank.
pub async fn update(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for i in 0..world.actors.len() {
        for valid in [true, false] {
            let description = format!("Settings changed {}", world.marker());
            let actor = &world.actors[i];
            let template = entry(app, world.owner[0]);
            let missing_path = fill(route.path, &[("short", MISSING_SHORT)]);
            let missing_request = request(app, actor, route, &missing_path).form(&form(
                actor,
                &template,
                &description,
                valid,
            ));
            let missing = probe(world, actor, missing_request, "missing").await;
            for org in world.owner {
                let before = entry(app, org);
                let short = &world.model.orgs[&org].short;
                let path = fill(route.path, &[("short", short)]);
                let what = format!(
                    "{} {path} (valid form: {valid}) as {:?}",
                    route.method, actor.persona
                );
                let updates = updates_made(app);
                let sent = request(app, actor, route, &path).form(&form(
                    actor,
                    &before,
                    &description,
                    valid,
                ));
                let answer = probe_asking(world, actor, sent, short, &what).await;
                checks += 1;
                let done = match expected(world, actor, org, 403) {
                    Expected::Allowed => {
                        let status = if valid { 303 } else { 422 };
                        assert_eq!(answer.status, status, "{what}: {}", answer.body);
                        valid
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
                let after = entry(app, org);
                assert_eq!(
                    after.description.as_deref() == Some(description.as_str()),
                    done,
                    "{what}: the stored description"
                );
                assert_eq!(
                    updates_made(app) - updates,
                    usize::from(done),
                    "{what}: audit"
                );
                if done {
                    restore(app, &before);
                }
            }
        }
    }
    checks
}
