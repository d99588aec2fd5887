//! The country brief: for every reader, a page drawn only from what the
//! reader may read. The comparison by viewpoint names exactly the latest
//! readable assessments, the open recommendations are counted over the
//! readable ones and none other is quoted, no action, organisation or
//! alliance the reader may not see is named (the probe), and a state
//! Entente does not know has no brief, for anyone.

use entente_core::access::can_read;

use super::{fill, probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::World;

pub async fn brief(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let assessments = super::npm::plant(app, world);
    let recommendations = super::recommendations::plant(app, world);
    let path = format!("{}?lang=en", fill(route.path, &[("iso3", "FRA")]));
    let unknown = fill(route.path, &[("iso3", "ZZZ")]);
    let mut checks = 0;
    for actor in &world.actors {
        let what = format!("GET {path} as {:?}", actor.persona);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        super::npm::assert_comparison(world, actor, &assessments, &answer.body, &what);
        let scope = world.model.scope(actor.user);
        let mut readable = 0;
        for planted in &recommendations {
            let reads = can_read(&scope, &planted.access);
            readable += usize::from(reads);
            assert!(
                reads || !answer.body.contains(&planted.marker),
                "{what} quotes {}, which the reader may not see",
                planted.marker
            );
            checks += 1;
        }
        // Each planted recommendation has a public, open, related one.
        let open = readable + recommendations.len();
        assert!(
            answer
                .body
                .contains(&format!("{open} open recommendations.")),
            "{what}: {open} open recommendations expected: {}",
            answer.body
        );
        let missing = probe(world, actor, request(app, actor, route, &unknown), &what).await;
        assert_eq!(missing.status, 404, "{what}: {}", missing.body);
        checks += 2;
    }
    super::recommendations::clear(app, world, &recommendations);
    super::npm::clear(app, world, &assessments);
    checks
}
