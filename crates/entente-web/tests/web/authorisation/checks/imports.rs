//! The pages that import an organisation's actions or recommendations
//! from a spreadsheet: for its editors (the row imported is deleted
//! again), refused to its other readers, missing for everyone else.

use entente_core::access::AccessScope;

use super::{MISSING_SHORT, assert_like_missing, fill, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// What one import page takes and makes.
struct Case {
    /// A one-row sheet that the import reads without a problem.
    sheet: &'static str,
    /// What the page says once the row is imported.
    done: &'static str,
    /// Deletes the record the import made.
    remove: fn(&TestApp, &AccessScope),
}

const TEST_TEXT: &str = "Imported by the authorisation test";

const ACTIONS: Case = Case {
    sheet: "title,action_type,phase,level,states,audiences\n\
        Imported by the authorisation test,letter,ratification,national,FRA,executive\n",
    done: "One action was imported",
    remove: remove_imported,
};

const RECOMMENDATIONS: Case = Case {
    sheet: "state,body,document_symbol,text\n\
        FRA,spt,CAT/OP/FRA/1,Imported by the authorisation test\n",
    done: "One recommendation was imported",
    remove: remove_imported_recommendation,
};

/// The action import page and its form.
pub async fn import(app: &TestApp, world: &mut World, route: &Route) -> usize {
    check(app, world, route, &ACTIONS).await
}

/// The recommendation import page and its form.
pub async fn import_recommendations(app: &TestApp, world: &mut World, route: &Route) -> usize {
    check(app, world, route, &RECOMMENDATIONS).await
}

/// An import page and its form, for each of A's entries and the others:
/// for editors of the organisation (the form imports the row, which is
/// deleted again), refused to its other readers, missing for the rest.
async fn check(app: &TestApp, world: &mut World, route: &Route, case: &Case) -> usize {
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
                    Part::File("plan.csv", case.sheet.as_bytes()),
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
                    assert!(answer.body.contains(case.done), "{what}: {}", answer.body);
                    (case.remove)(app, &curator);
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
    let made = all.actions.iter().filter(|a| a.content.title == TEST_TEXT);
    for action in made.collect::<Vec<_>>() {
        app.store.delete_action(curator, action.id).unwrap();
    }
}

/// Deletes the recommendation an import check made.
fn remove_imported_recommendation(app: &TestApp, curator: &AccessScope) {
    let filter = entente_store::RecommendationFilter::default();
    let all = app
        .store
        .list_recommendations(curator, &filter, entente_store::PageRequest::ALL)
        .unwrap();
    let made = all
        .recommendations
        .iter()
        .filter(|r| r.content.text == TEST_TEXT);
    for recommendation in made.collect::<Vec<_>>() {
        app.store
            .delete_recommendation(curator, recommendation.id)
            .unwrap();
    }
}
