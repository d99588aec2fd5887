//! The notification routes: a user's own list and digest preferences.
//! Reading: the anonymous are sent to sign in (the API says 401), every
//! user gets their own list with no marker of a record they may not see.
//! Changing: refused without the session's form token, and when allowed,
//! nobody else's preferences or read marks change.

use entente_core::access::UserId;
use entente_store::NotificationPreferences;

use super::{is_api, probe, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::World;

/// Every user's preferences and unread count, to see that a change touches
/// the requester's alone.
fn everyone(app: &TestApp, world: &World) -> Vec<(UserId, Option<NotificationPreferences>, usize)> {
    world
        .model
        .users
        .keys()
        .map(|u| {
            let scope = app.store.member_scope(*u).unwrap();
            let unread = app
                .store
                .notifications(&scope, true, usize::MAX)
                .unwrap()
                .items
                .len();
            (*u, app.store.notification_preferences(*u).unwrap(), unread)
        })
        .collect()
}

pub async fn own(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let actor = &world.actors[i];
        let what = format!("{} {} as {:?}", route.method, route.path, actor.persona);
        if route.method == "GET" {
            let answer = probe(world, actor, request(app, actor, route, route.path), &what).await;
            checks += 1;
            match (actor.user, is_api(route.path)) {
                (None, true) => assert_eq!(answer.status, 401, "{what}: {}", answer.body),
                (None, false) => {
                    assert_eq!(answer.status, 303, "{what}: {}", answer.body);
                    let location = answer.headers["location"].to_str().unwrap();
                    assert!(location.starts_with("/login"), "{what}: sent to {location}");
                }
                (Some(_), _) => assert_eq!(answer.status, 200, "{what}: {}", answer.body),
            }
            continue;
        }
        let before = everyone(app, world);
        let me = actor.user;
        let answer = if is_api(route.path) {
            let body = if route.path.ends_with("/read") {
                // Every notification id there is: only the requester's count.
                serde_json::json!({ "ids": (1..=10_000).collect::<Vec<i64>>() })
            } else {
                serde_json::json!({ "digest": "weekly", "language": "es" })
            };
            probe(
                world,
                actor,
                request(app, actor, route, route.path).json(&body),
                &what,
            )
            .await
        } else {
            let forged = [("csrf", "forged"), ("digest", "weekly"), ("language", "es")];
            let refused = probe(
                world,
                actor,
                request(app, actor, route, route.path).form(&forged),
                &what,
            )
            .await;
            assert_eq!(
                refused.status, 403,
                "{what} with a forged form token: {}",
                refused.body
            );
            assert_eq!(everyone(app, world), before, "{what}: forged");
            let fields = [
                ("csrf", actor.csrf.as_str()),
                ("digest", "weekly"),
                ("language", "es"),
            ];
            probe(
                world,
                actor,
                request(app, actor, route, route.path).form(&fields),
                &what,
            )
            .await
        };
        checks += 1;
        let Some(me) = me else {
            assert!(
                matches!(answer.status, 401 | 403),
                "{what}: {}",
                answer.body
            );
            assert_eq!(
                everyone(app, world),
                before,
                "{what}: the anonymous change nothing"
            );
            continue;
        };
        assert!(
            matches!(answer.status, 200 | 303),
            "{what}: {}",
            answer.body
        );
        let after = everyone(app, world);
        for ((user, prefs, unread), (_, prefs_before, unread_before)) in after.iter().zip(&before) {
            if *user != me {
                assert_eq!(
                    (prefs, unread),
                    (prefs_before, unread_before),
                    "{what}: {user:?} changed"
                );
            }
        }
    }
    checks
}
