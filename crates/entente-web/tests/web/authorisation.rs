//! The proof that nobody sees what is not theirs: every route of the route
//! table, as every persona (anonymous, viewer, editor and admin of the
//! owner, an admin of an allied organisation, an admin of an unrelated one,
//! the site admin), against records of every visibility, over real HTTP on
//! each backend. Allowed requests succeed, refused ones get 403, hidden
//! records answer exactly as missing ones, and no answer holds a marker
//! planted in a record its reader may not see.

mod checks;
mod completeness;
mod generated;
mod model;
mod routes;
mod world;

use routes::ROUTES;
use world::World;

use crate::fixture;

#[tokio::test]
async fn every_route_answers_every_persona_as_the_rules_say() {
    fixture::on_each_backend(async |app| {
        let mut world = World::build(app).await;
        let mut checks = 0;
        for route in ROUTES {
            checks += checks::check(app, &mut world, route).await;
        }
        // Printed so a run shows how much was proved.
        eprintln!(
            "{} routes, {} personas, {checks} answers checked",
            ROUTES.len(),
            world.actors.len()
        );
    })
    .await;
}
