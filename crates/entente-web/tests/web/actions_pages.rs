//! The campaign action pages over HTTP on each backend: the list and its
//! filters, one action, the month calendar, the state page's section,
//! and creating, editing and deleting through the forms (CSRF, field
//! errors for every bad input, hidden actions answering as missing ones).
//! This file holds the world the tests meet; each part is a module.

use entente_core::access::{AccessScope, OrgId, Role, UserId, Visibility};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Budget, DocumentLink, Level, Phase};

mod calendar;
mod forms;
mod reading;
mod signal_switch;

use super::app::{Answer, TestApp};
use super::fixture::{self, day};
use super::orgs::{organisation, person};
use super::signin::sign_in;

const PASSWORD: &str = "a long enough passphrase 7";

async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

/// Who and what the tests meet: "npm-watch" (Ana admin, Eve editor, Bo
/// viewer), "friends" (public), "quiet" (private, nobody here in it), and
/// four actions.
struct World {
    watch: OrgId,
    friends: OrgId,
    eve: UserId,
    /// Public, on France, 10–12 March 2026, led by npm-watch with friends.
    meeting: ActionId,
    /// Public, on Mexico, due 5 April 2026, led by friends, done.
    letter: ActionId,
    /// Private to npm-watch, on France, under way since 20 March 2026.
    inner: ActionId,
    /// Private to quiet, on the United Kingdom.
    hidden: ActionId,
}

/// An undated planned meeting with the executive of `state`.
fn draft(title: &str, lead: OrgId, state: &str, visibility: Visibility) -> ActionDraft {
    ActionDraft {
        action_type: "meeting_executive".into(),
        start: None,
        end: None,
        ..fixture::letter(lead, title, state, visibility)
    }
}

fn world(app: &TestApp) -> World {
    let watch = organisation(app, "npm-watch", Visibility::Public);
    let friends = organisation(app, "friends", Visibility::Public);
    let quiet = organisation(app, "quiet", Visibility::Private);
    let ana = person(app, "ana@example.org", "Ana Pérez", watch, Role::Admin);
    let eve = person(app, "eve@example.org", "Eve Moreau", watch, Role::Editor);
    person(app, "bo@example.org", "Bo Lund", watch, Role::Viewer);
    let admin = AccessScope::SiteAdmin(ana);
    let create = |d: &ActionDraft| app.store.create_action(&admin, d).unwrap();
    let meeting = create(&ActionDraft {
        start: Some(day("2026-03-10")),
        end: Some(day("2026-03-12")),
        partners: vec![friends],
        budget: Some(Budget::parse("1234.50", "EUR").unwrap()),
        staff_days: Some(2.5),
        description: "Meet the Minister of Justice about OPCAT.".into(),
        documents: vec![DocumentLink {
            title: "Briefing".into(),
            url: "https://example.org/briefing.pdf".into(),
        }],
        ..draft(
            "Meeting the Justice Minister",
            watch,
            "FRA",
            Visibility::Public,
        )
    });
    let letter = create(&ActionDraft {
        action_type: "letter".into(),
        phase: Phase::Implementation,
        level: Level::Regional,
        due: Some(day("2026-04-05")),
        status: ActionStatus::Done,
        ..draft("Letter to the Senate", friends, "MEX", Visibility::Public)
    });
    let inner = create(&ActionDraft {
        start: Some(day("2026-03-20")),
        status: ActionStatus::UnderWay,
        ..draft("Inner strategy session", watch, "FRA", Visibility::Private)
    });
    let hidden = create(&draft("Quiet lobbying", quiet, "GBR", Visibility::Private));
    World {
        watch,
        friends,
        eve,
        meeting,
        letter,
        inner,
        hidden,
    }
}

async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let browser = app.browser();
    assert_eq!(sign_in(app, &browser, email, PASSWORD).await.status, 303);
    browser
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> Answer {
    send(client.get(app.url(path))).await
}

/// The titles of the actions a list page shows, in order.
fn titles(body: &str) -> Vec<String> {
    body.split("<li class=\"action-card\">")
        .skip(1)
        .map(|card| {
            let link = card.split("</a>").next().unwrap();
            link.rsplit('>').next().unwrap().to_owned()
        })
        .collect()
}
