//! The open recommendations no action pushes: every reader's list names
//! exactly the recommendations it may read that no action it may read
//! pushes, so a private recommendation never reaches another organisation
//! and a private action never hides a gap from those who cannot see it.
//! The records are planted for the check and removed after it.

use entente_core::access::{OrgId, RecordAccess, Visibility, can_read};
use entente_core::plan::ActionId;
use entente_core::recommendation::RecommendationId;

use super::recommendations::{STATE, curator, draft};
use super::{probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::World;

/// A planted recommendation, and whether a reader finds it unpushed.
struct Planted {
    id: RecommendationId,
    marker: String,
    access: RecordAccess,
    /// The private action of the owner that pushes it, if any: only its
    /// readers see it pushed.
    pushed_by: Option<(ActionId, RecordAccess)>,
}

fn private(owner: OrgId) -> RecordAccess {
    RecordAccess {
        owner,
        visibility: Visibility::Private,
        shared_with: Vec::new(),
        personal: false,
    }
}

/// At each organisation, a private, an alliance (when it is in one) and a
/// public recommendation no action pushes, and a public one pushed by a
/// private action of the owner.
fn plant(app: &TestApp, world: &mut World) -> Vec<Planted> {
    let scope = curator(world);
    let store = &app.store;
    let mut planted = Vec::new();
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    for owner in orgs {
        let alliance = world
            .model
            .alliances
            .iter()
            .find(|(_, a)| a.members.contains(&owner))
            .map(|(id, _)| *id);
        for visibility in Visibility::ALL {
            let shared = match (visibility, alliance) {
                (Visibility::Alliance, Some(a)) => vec![a],
                (Visibility::Alliance, None) => continue,
                _ => Vec::new(),
            };
            let marker = world.marker();
            let id = store
                .create_recommendation(&scope, &draft(owner, *visibility, &shared, &marker))
                .unwrap();
            planted.push(Planted {
                id,
                marker,
                access: RecordAccess {
                    owner,
                    visibility: *visibility,
                    shared_with: shared,
                    personal: false,
                },
                pushed_by: None,
            });
        }
        let marker = world.marker();
        let id = store
            .create_recommendation(&scope, &draft(owner, Visibility::Public, &[], &marker))
            .unwrap();
        let action = store
            .create_action(
                &scope,
                &crate::fixture::letter(owner, "Private push", STATE, Visibility::Private),
            )
            .unwrap();
        store.link_action(&scope, id, action).unwrap();
        planted.push(Planted {
            id,
            marker,
            access: RecordAccess {
                visibility: Visibility::Public,
                ..private(owner)
            },
            pushed_by: Some((action, private(owner))),
        });
    }
    planted
}

fn clear(app: &TestApp, world: &World, planted: &[Planted]) {
    let scope = curator(world);
    for p in planted {
        let _ = app.store.delete_recommendation(&scope, p.id);
        if let Some((action, _)) = p.pushed_by {
            let _ = app.store.delete_action(&scope, action);
        }
    }
}

/// Each reader's list: exactly the recommendations it reads and sees no
/// action push.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let planted = plant(app, world);
    let path = format!("{}?state={STATE}&limit=500", route.path);
    let mut checks = 0;
    for actor in &world.actors {
        let what = format!("GET {path} as {:?}", actor.persona);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        let scope = world.model.scope(actor.user);
        for p in &planted {
            let pushed = p
                .pushed_by
                .as_ref()
                .is_some_and(|(_, access)| can_read(&scope, access));
            let expected = can_read(&scope, &p.access) && !pushed;
            assert_eq!(
                answer.body.contains(&p.marker),
                expected,
                "{what}: {}",
                p.marker
            );
            checks += 1;
        }
    }
    clear(app, world, &planted);
    checks
}
