//! Routes about the signed-in user alone (the account page, sessions, two
//! factors, API tokens), the sign-in forms and one-time links: each acts on
//! the requester's own account only, never on anyone else's.

use chrono::{TimeDelta, Utc};
use entente_auth::Secret;
use entente_core::access::{AccessScope, Role, UserId};
use entente_store::{LinkPurpose, NewLink};

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe, request};
use crate::app::{Answer, TestApp};
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World, api_token, send};

/// Every field any of the portal's forms reads, so one body fits them all.
fn fields(csrf: &str) -> Vec<(&'static str, String)> {
    let values = [
        ("csrf", csrf),
        ("name", "probe"),
        ("scope", "read"),
        ("email", "nobody@example.org"),
        ("password", "not the password at all"),
        ("confirm", "not the password at all"),
        ("code", "000000"),
        ("role", "viewer"),
        ("next", ""),
    ];
    values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
}

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// `/api/v1/me` through the actor's browser: whether their session lives.
async fn session_status(app: &TestApp, actor: &Actor) -> u16 {
    send(actor.browser.get(app.url("/api/v1/me"))).await.status
}

async fn token_status(app: &TestApp, token: &str) -> u16 {
    let me = reqwest::Client::new().get(app.url("/api/v1/me"));
    send(me.bearer_auth(token)).await.status
}

fn session_expected(actor: &Actor) -> u16 {
    if actor.user.is_some() { 200 } else { 401 }
}

/// The anonymous asking for an own-account page are sent to sign in; the
/// API tells them they are not signed in.
fn assert_sent_to_sign_in(answer: &Answer, route: &Route, what: &str) {
    if is_api(route.path) {
        assert_eq!(answer.status, 401, "{what}: {}", answer.body);
        return;
    }
    assert_eq!(answer.status, 303, "{what}: {}", answer.body);
    let location = answer.headers["location"].to_str().unwrap();
    assert!(location.starts_with("/login"), "{what}: sent to {location}");
}

/// Sign-in forms and steps: never a marker, never a server error, and the
/// requester's session survives a wrong attempt.
pub async fn form(app: &TestApp, world: &mut World, route: &Route) -> usize {
    for actor in &world.actors {
        let what = what(route, route.path, actor);
        let sent = request(app, actor, route, route.path).form(&fields(&actor.csrf));
        probe(world, actor, sent, &what).await;
        assert_eq!(
            session_status(app, actor).await,
            session_expected(actor),
            "{what}"
        );
    }
    world.actors.len()
}

/// What an account route may change, for every user: API tokens,
/// whether two factors are on, recovery codes left.
fn accounts_of_everyone(app: &TestApp, world: &World) -> Vec<(usize, bool, u32)> {
    let users = world.model.users.keys();
    users
        .map(|u| {
            let tokens = app.store.api_tokens_of(*u).unwrap().len();
            let totp = app.store.user(*u).unwrap().unwrap().totp_enabled;
            (tokens, totp, app.store.recovery_codes_left(*u).unwrap())
        })
        .collect()
}

/// Own-account routes. Reading: 401 for the anonymous, the requester's own
/// account for everyone else. Changing: refused without the session's
/// form token, and when allowed, nobody else's account changes.
pub async fn own(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let actor = &world.actors[i];
        let what = what(route, route.path, actor);
        if route.method == "GET" {
            let answer = probe(world, actor, request(app, actor, route, route.path), &what).await;
            let Some(user) = actor.user else {
                assert_sent_to_sign_in(&answer, route, &what);
                checks += 1;
                continue;
            };
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            let email = world.model.users[&user].email.as_str();
            if is_api(route.path) {
                assert_eq!(answer.json()["email"], email, "{what}");
            } else if route.path == "/account" {
                assert!(answer.body.contains(email), "{what}: the account's e-mail");
            }
            checks += 1;
            continue;
        }
        let accounts = accounts_of_everyone(app, world);
        let forged = request(app, actor, route, route.path).form(&fields("forged"));
        let answer = probe(world, actor, forged, &what).await;
        // Signing out without a session has nothing to end: it only clears
        // the cookie and goes home.
        let refused = match (route.path, actor.user) {
            ("/logout", None) => 303,
            _ => 403,
        };
        assert_eq!(
            answer.status, refused,
            "{what} with a forged form token: {}",
            answer.body
        );
        assert_eq!(
            session_status(app, actor).await,
            session_expected(actor),
            "{what}"
        );
        assert_eq!(
            accounts_of_everyone(app, world),
            accounts,
            "{what}: accounts"
        );
        checks += 1;
        if actor.user.is_some() {
            checks += own_change(app, world, route, i).await;
        }
    }
    checks
}

/// The allowed change of an own-account route, made with the right form
/// token: a token is added to the requester only; a sign-out ends the
/// requester's session only (and they sign in again).
async fn own_change(app: &TestApp, world: &mut World, route: &Route, i: usize) -> usize {
    let actor = &world.actors[i];
    let what = what(route, route.path, actor);
    let before = accounts_of_everyone(app, world);
    let sent = request(app, actor, route, route.path).form(&fields(&actor.csrf));
    let answer = probe(world, actor, sent, &what).await;
    let me = world
        .model
        .users
        .keys()
        .position(|u| Some(*u) == actor.user)
        .unwrap();
    match route.path {
        "/account/tokens" => {
            assert_eq!(answer.status, 200, "{what}: {}", answer.body);
            let tokens = accounts_of_everyone(app, world)[me].0;
            assert_eq!(tokens, before[me].0 + 1, "{what}: a new token");
        }
        "/logout" | "/account/sessions/logout-everywhere" => {
            assert_eq!(answer.status, 303, "{what}: {}", answer.body);
            assert_eq!(session_status(app, actor).await, 401, "{what}: signed out");
            for other in world
                .actors
                .iter()
                .filter(|a| a.user.is_some() && a.user != actor.user)
            {
                assert_eq!(
                    session_status(app, other).await,
                    200,
                    "{what}: {:?} stays",
                    other.persona
                );
            }
            world.sign_in_again(app, i).await;
        }
        // Two-factor changes need a code the test cannot know; whatever
        // they do, they do to the requester alone.
        _ => {}
    }
    let mut after = accounts_of_everyone(app, world);
    after[me] = before[me];
    assert_eq!(after, before, "{what}: nobody else's account changes");
    1
}

/// Revoking a token: another user's token id answers as a missing one and
/// the token keeps working; one's own is revoked.
pub async fn own_token(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let mut checks = 0;
    let missing_id = MISSING_ID.to_string();
    for actor in &world.actors {
        let post = |id: &str, csrf: &str| {
            let path = fill(route.path, &[("id", id)]);
            request(app, actor, route, &path).form(&fields(csrf))
        };
        let missing = probe(world, actor, post(&missing_id, &actor.csrf), "missing").await;
        for other in world.actors.iter().filter(|o| o.user != actor.user) {
            let (Some(id), Some(token)) = (other.token_id, &other.token) else {
                continue;
            };
            let key = id.to_string();
            let what = format!(
                "{} revoking {:?}'s token",
                what(route, route.path, actor),
                other.persona
            );
            let answer = probe(world, actor, post(&key, &actor.csrf), &what).await;
            if actor.user.is_some() {
                assert_like_missing(&answer, &missing, &key, &missing_id, &what);
            } else {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            }
            assert_eq!(token_status(app, token).await, 200, "{what}: still valid");
            checks += 1;
        }
        let Some(user) = actor.user else { continue };
        let (token, id) = api_token(app, user);
        let what = format!("{} revoking its own token", what(route, route.path, actor));
        let forged = probe(world, actor, post(&id.to_string(), "forged"), &what).await;
        assert_eq!(forged.status, 403, "{what} with a forged form token");
        assert_eq!(token_status(app, &token).await, 200, "{what}: still valid");
        let revoked = probe(world, actor, post(&id.to_string(), &actor.csrf), &what).await;
        assert_eq!(revoked.status, 303, "{what}: {}", revoked.body);
        assert_eq!(token_status(app, &token).await, 401, "{what}: revoked");
        checks += 2;
    }
    checks
}

/// One-time links: an unknown one is a missing page for everyone; an
/// invitation is accepted by its invited address only.
pub async fn link(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let unknown = Secret::generate();
    let path = fill(route.path, &[("token", unknown.as_str())]);
    for actor in &world.actors {
        let what = format!("{} (an unknown link)", what(route, route.path, actor));
        let sent = request(app, actor, route, &path).form(&fields(&actor.csrf));
        let answer = probe(world, actor, sent, &what).await;
        // A form posted without the token its page would have set may be
        // refused before the link is looked up.
        let refusals: &[u16] = if route.method == "GET" {
            &[404]
        } else {
            &[403, 404]
        };
        assert!(refusals.contains(&answer.status), "{what}: {}", answer.body);
    }
    if !route.path.starts_with("/invitations/") {
        return world.actors.len();
    }
    world.actors.len() + invitation_for_someone_else(app, world, route).await
}

/// An invitation to A's private entry for an address none of the actors
/// has: shown to the anonymous (who may sign in as the invitee), refused
/// to every signed-in actor, and nobody joins.
async fn invitation_for_someone_else(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let org = world.owner[0];
    let secret = Secret::generate();
    let now = Utc::now().naive_utc();
    let link = NewLink {
        token_hash: &secret.hash(),
        purpose: LinkPurpose::Invitation,
        user: None,
        org: Some(org),
        role: Some(Role::Admin),
        email: "invitee@example.org",
        now,
        expires_at: now + TimeDelta::days(1),
    };
    app.store
        .create_link(&AccessScope::SiteAdmin(UserId(0)), &link)
        .unwrap();
    let path = fill(route.path, &[("token", secret.as_str())]);
    // Whoever holds the link may learn which organisation it is for.
    let short = world.model.orgs[&org].short.clone();
    for actor in &world.actors {
        let what = format!(
            "{} (someone else's invitation)",
            what(route, route.path, actor)
        );
        let sent = request(app, actor, route, &path).form(&fields(&actor.csrf));
        let answer: Answer = send(sent).await;
        world
            .model
            .assert_no_leak(actor.user, &answer.body.replace(&short, ""), &what);
        let expected = match (route.method, actor.user) {
            ("GET", None) => 200,
            _ => 403,
        };
        assert_eq!(answer.status, expected, "{what}: {}", answer.body);
        for (user, model) in &world.model.users {
            let stored = app.store.memberships_of(*user).unwrap();
            assert_eq!(
                stored.len(),
                model.memberships.len(),
                "{what}: nobody joins"
            );
        }
    }
    world.actors.len()
}
