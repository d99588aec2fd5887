//! The search, on the portal and the API: each record's marker finds it
//! for its readers and for no one else (the query said back aside), and
//! a word every record of a kind shares finds (and, in the API, counts)
//! exactly the readable ones.

use super::{is_api, probe, request, swap_key};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World, send};

/// A record as the search must show it: its kind, the text of its marker
/// and whether the actor may read it.
struct Searched<'a> {
    kind: &'static str,
    marker: &'a str,
    readable: bool,
}

fn records<'a>(world: &'a World, actor: &Actor) -> Vec<Searched<'a>> {
    let model = &world.model;
    let actions = model.actions.iter().map(|(id, a)| Searched {
        kind: "action",
        marker: &a.title,
        readable: model.reads_action(actor.user, *id),
    });
    let orgs = model.orgs.iter().map(|(id, o)| Searched {
        kind: "organisation",
        marker: &o.short,
        readable: model.reads_org(actor.user, *id),
    });
    let alliances = model.alliances.iter().map(|(id, a)| Searched {
        kind: "alliance",
        marker: &a.name,
        readable: model.reads_alliance(actor.user, *id),
    });
    actions.chain(orgs).chain(alliances).collect()
}

/// The address of a search of one kind on this route.
fn address(route: &Route, q: &str, kind: &str) -> String {
    format!("{}?q={q}&kind={kind}&limit=500", route.path)
}

/// The answer without the query said back: in the search field, the
/// JSON's `query`, and the links (language switch, kinds, pages) that
/// repeat it, which tell the reader nothing they did not ask.
fn without_query(body: &str, query: &str) -> String {
    swap_key(body, query, "").replace(&format!("q={query}"), "q=")
}

/// Searches each record's marker as `actor`: found for its readers only.
async fn markers(app: &TestApp, world: &World, actor: &Actor, route: &Route) -> usize {
    let records = records(world, actor);
    for record in &records {
        let path = address(route, record.marker, record.kind);
        let what = format!("GET {path} as {:?}", actor.persona);
        let answer = send(request(app, actor, route, &path)).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        let hits = without_query(&answer.body, record.marker);
        world.model.assert_no_leak(actor.user, &hits, &what);
        assert_eq!(
            hits.contains(record.marker),
            record.readable,
            "{what}: {hits}"
        );
        if is_api(&path) {
            let total = u64::from(record.readable);
            assert_eq!(
                answer.json()["total"],
                total,
                "{what}: counts only the readable"
            );
        }
    }
    records.len()
}

/// Every record's marker, then the word all records of a kind share
/// ("Action ...", "Organisation ...", "Alliance ..."), as every persona.
pub async fn search(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for actor in &world.actors {
        checks += markers(app, world, actor, route).await;
        let records = records(world, actor);
        for kind in ["action", "organisation", "alliance"] {
            let path = address(route, kind, kind);
            let what = format!("GET {path} as {:?}", actor.persona);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            let of_kind: Vec<&Searched> = records.iter().filter(|r| r.kind == kind).collect();
            for record in &of_kind {
                let shown = answer.body.contains(record.marker);
                assert_eq!(shown, record.readable, "{what}: {}", record.marker);
            }
            if is_api(&path) {
                let readable = of_kind.iter().filter(|r| r.readable).count();
                assert_eq!(
                    answer.json()["total"],
                    readable,
                    "{what}: counts only the readable"
                );
            }
            checks += 1;
        }
    }
    checks
}
