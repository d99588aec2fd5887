//! The coordination findings of the API: every reader's overlaps, gaps and
//! deadlines come from the actions it may read and never show another
//! record's marker; partners are sought for an organisation the reader
//! sees, and for a hidden one the answer is that of a missing one.

use super::{MISSING_SHORT, assert_like_missing, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::World;

/// Overlaps, gaps and deadlines: 200 for everyone, no marker the reader
/// may not see.
pub async fn findings(app: &TestApp, world: &mut World, route: &Route) -> usize {
    if route.path.ends_with("/partners") {
        return partners(app, world, route).await;
    }
    let path = format!("{}?limit=500", route.path);
    for actor in &world.actors {
        let what = format!("GET {path} as {:?}", actor.persona);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
    }
    world.actors.len()
}

/// Partners of each organisation of the world in France: for the
/// organisation's readers, suggestions they may see; for the rest, the
/// answer about a missing organisation.
async fn partners(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let address = |short: &str| format!("{}?org={short}&state=FRA&limit=500", route.path);
    let mut checks = 0;
    for actor in &world.actors {
        let missing_path = address(MISSING_SHORT);
        let missing = probe_asking(
            world,
            actor,
            request(app, actor, route, &missing_path),
            MISSING_SHORT,
            "missing",
        )
        .await;
        assert_eq!(missing.status, 404, "{}", missing.body);
        for (id, org) in &world.model.orgs {
            let path = address(&org.short);
            let what = format!("GET {path} as {:?}", actor.persona);
            let answer = probe_asking(
                world,
                actor,
                request(app, actor, route, &path),
                &org.short,
                &what,
            )
            .await;
            checks += 1;
            if world.model.reads_org(actor.user, *id) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            } else {
                assert_like_missing(&answer, &missing, &org.short, MISSING_SHORT, &what);
            }
        }
    }
    checks
}
