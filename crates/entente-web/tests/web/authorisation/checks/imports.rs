//! The page that imports an organisation's actions from a spreadsheet:
//! for its editors (the row imported is deleted again), refused to its
//! other readers, missing for everyone else.

use entente_core::access::AccessScope;

use super::{MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// A one-row sheet that an import reads without a problem.
const ONE_ROW: &str = "title,action_type,phase,level,states,audiences\n\
    Imported by the authorisation test,letter,ratification,national,FRA,executive\n";

/// The import page and its form, for each of A's entries and the others:
/// for editors of the organisation (the form imports the row, which is
/// deleted again), refused to its other readers, missing for the rest.
pub async fn import(app: &TestApp, world: &mut World, route: &Route) -> usize {
    use crate::imports::{BOUNDARY, Part, multipart};
    let model = &world.model;
    let curator = AccessScope::SiteAdmin(world.curator());
    let mut checks = 0;
    for actor in &world.actors {
        let send_as = |path: &str| {
            let sent = request(app, actor, route, path);
            if route.method == "POST" {
                let parts = [
                    Part::Text("csrf", &actor.csrf),
                    Part::File("plan.csv", ONE_ROW.as_bytes()),
                    Part::Text("confirm", "1"),
                ];
                let kind = format!("multipart/form-data; boundary={BOUNDARY}");
                sent.header("content-type", kind).body(multipart(&parts))
            } else {
                sent
            }
        };
        let missing_path = fill(route.path, &[("short", MISSING_SHORT)]);
        let missing = probe(world, actor, send_as(&missing_path), "missing").await;
        for (org, entry) in &model.orgs {
            let path = fill(route.path, &[("short", &entry.short)]);
            let what = what(route, &path, actor);
            let answer = probe_asking(world, actor, send_as(&path), &entry.short, &what).await;
            checks += 1;
            if actor.user.is_none() {
                assert_eq!(answer.status, 401, "{what}: {}", answer.body);
            } else if !model.reads_org(actor.user, *org) {
                assert_like_missing(&answer, &missing, &entry.short, MISSING_SHORT, &what);
            } else if !model.writes_for(actor.user, *org) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                if route.method == "POST" {
                    assert!(
                        answer.body.contains("One action was imported"),
                        "{what}: {}",
                        answer.body
                    );
                    remove_imported(app, &curator);
                }
            }
        }
    }
    checks
}

/// Deletes the action an import check made.
fn remove_imported(app: &TestApp, curator: &AccessScope) {
    let filter = entente_store::ActionFilter::default();
    let all = app
        .store
        .list_actions(curator, &filter, entente_store::PageRequest::ALL)
        .unwrap();
    let made = all
        .actions
        .iter()
        .filter(|a| a.content.title == "Imported by the authorisation test");
    for action in made.collect::<Vec<_>>() {
        app.store.delete_action(curator, action.id).unwrap();
    }
}
