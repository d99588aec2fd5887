//! Routes that set where an alliance campaigns, on the portal (a form with
//! the session's token) and the API (JSON with a token): done for admins of
//! the owner, refused (403) to others who see the alliance, answered as
//! missing to the rest; after every request the stored area is read back
//! as the site admin, and one that was changed is put back.

use entente_core::access::AllianceId;
use entente_store::Area;
use serde_json::json;

use super::writing::site_admin;
use super::{MISSING_ID, assert_like_missing, fill, is_api, probe_asking, request};
use crate::app::{Answer, TestApp};
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

async fn send_area(
    app: &TestApp,
    world: &World,
    actor: &Actor,
    route: &Route,
    path: &str,
    asked: &str,
) -> Answer {
    let what = format!("{} {path} as {:?}", route.method, actor.persona);
    let sent = request(app, actor, route, path);
    let sent = if is_api(path) {
        sent.json(&json!({"states": ["FRA"], "regions": ["weog"]}))
    } else {
        let form = [
            ("csrf", actor.csrf.as_str()),
            ("states", "FRA"),
            ("regions", "weog"),
        ];
        sent.form(&form)
    };
    probe_asking(world, actor, sent, asked, &what).await
}

fn stored(app: &TestApp, id: AllianceId) -> Area {
    app.store.alliance(&site_admin(), id).unwrap().unwrap().area
}

/// Setting each alliance's area, as every persona.
pub async fn set(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let missing_id = MISSING_ID.to_string();
    for actor in &world.actors {
        let missing_path = fill(route.path, &[("id", &missing_id)]);
        let missing = send_area(app, world, actor, route, &missing_path, "").await;
        for (id, alliance) in &world.model.alliances {
            let id_text = id.0.to_string();
            let path = fill(route.path, &[("id", &id_text)]);
            let what = format!("{} {path} as {:?}", route.method, actor.persona);
            let answer = send_area(app, world, actor, route, &path, "").await;
            checks += 1;
            let allowed =
                actor.user.is_some() && world.model.administers(actor.user, alliance.owner);
            if actor.user.is_none() {
                let status = if is_api(route.path) { 401 } else { 403 };
                assert_eq!(answer.status, status, "{what}: {}", answer.body);
            } else if !world.model.reads_alliance(actor.user, *id) {
                assert_like_missing(&answer, &missing, &id_text, &missing_id, &what);
            } else if allowed {
                let status = if is_api(route.path) { 200 } else { 303 };
                assert_eq!(answer.status, status, "{what}: {}", answer.body);
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            }
            let area = stored(app, *id);
            assert_eq!(area.states.is_empty(), !allowed, "{what}: the stored area");
            app.store
                .set_alliance_area(&site_admin(), *id, &Area::default())
                .unwrap();
        }
    }
    checks
}
