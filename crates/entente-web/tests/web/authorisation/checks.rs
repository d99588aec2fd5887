//! Tries one route of the table as every persona of the world against
//! records of every visibility, and compares each answer with the rule the
//! table gives: allowed, refused (403) or not found exactly as a missing
//! record is, never a marker the persona may not see.

mod account;
mod action_pages;
mod actions;
mod alliances;
mod areas;
mod brief;
mod consultations;
mod contacts;
mod coordination;
mod imports;
mod joint;
mod notifications;
mod npm;
pub mod reading;
mod recommendations;
mod search;
mod settings;
mod signals;
mod spt_visits;
mod unpushed;
mod writing;

use reqwest::Method;

use super::routes::{Exposes, Route, Rule};
use super::world::{Actor, World, send};
use crate::app::{Answer, TestApp};

/// A short name no organisation has.
pub const MISSING_SHORT: &str = "nosuch-org";
/// An id no record has.
pub const MISSING_ID: i64 = 987_654_321;

/// Runs every check of `route`; returns how many answers were checked.
pub async fn check(app: &TestApp, world: &mut World, route: &Route) -> usize {
    match (route.exposes, route.rule) {
        (Exposes::Reference, Rule::Public) => reading::reference(app, world, route).await,
        (Exposes::Form, Rule::Public) => account::form(app, world, route).await,
        (Exposes::OrgList, Rule::Read) => reading::org_list(app, world, route).await,
        (Exposes::OrgEntry, Rule::Read) => reading::org_entry(app, world, route).await,
        (Exposes::OrgEntry, Rule::Administer) => settings::update(app, world, route).await,
        (Exposes::OrgMembers, Rule::Members) => reading::org_members(app, world, route).await,
        (Exposes::OrgMembership, Rule::Administer) => writing::membership(app, world, route).await,
        (Exposes::AllianceList, Rule::Read) => reading::alliance_list(app, world, route).await,
        (Exposes::Alliance, Rule::Read) => reading::alliance(app, world, route).await,
        (Exposes::AllianceList, Rule::Administer) => alliances::create(app, world, route).await,
        (Exposes::AllianceMembership, Rule::Administer) => {
            alliances::membership(app, world, route).await
        }
        (Exposes::Audit, Rule::Administer) => reading::audit(app, world, route).await,
        (Exposes::OwnAccount, Rule::OwnAccount) => account::own(app, world, route).await,
        (Exposes::Notifications, Rule::OwnAccount) => notifications::own(app, world, route).await,
        (Exposes::OwnToken, Rule::OwnAccount) => account::own_token(app, world, route).await,
        (Exposes::OneTimeLink, Rule::LinkHolder) => account::link(app, world, route).await,
        (Exposes::Search, Rule::Read) => search::search(app, world, route).await,
        (Exposes::CountryBrief, Rule::Read) => brief::brief(app, world, route).await,
        (Exposes::Coordination, Rule::Read) => coordination::findings(app, world, route).await,
        (Exposes::UnpushedRecommendations, Rule::Read) => unpushed::list(app, world, route).await,
        (Exposes::Signals, Rule::Read) => signals::list(app, world, route).await,
        (Exposes::SignalContact, Rule::Read) => signals::contact(app, world, route).await,
        (Exposes::ContactRequests, Rule::Administer | Rule::Members) => {
            signals::org_routes(app, world, route).await
        }
        (Exposes::ContactRequests, Rule::OwnAccount) => signals::sent(app, world, route).await,
        (Exposes::ActionSignal, Rule::Edit) => signals::action_switch(app, world, route).await,
        (Exposes::JointProposal, Rule::Read) => joint::read(app, world, route).await,
        (Exposes::JointProposal, Rule::Edit) => joint::write(app, world, route).await,
        // The portal's action pages: a month, the forms.
        (Exposes::ActionList, Rule::Read) if route.path == "/actions/calendar" => {
            action_pages::calendar(app, world, route).await
        }
        (Exposes::ActionList, Rule::Edit) if route.path == "/actions/new" => {
            action_pages::new_form(app, world, route).await
        }
        (Exposes::ActionList, Rule::Edit) if !is_api(route.path) => {
            action_pages::create(app, world, route).await
        }
        (Exposes::Action, Rule::Edit) if !is_api(route.path) => {
            action_pages::change(app, world, route).await
        }
        (Exposes::ActionList, Rule::Read) => actions::list(app, world, route).await,
        (Exposes::Action, Rule::Read) => actions::entry(app, world, route).await,
        (Exposes::ActionFeed, Rule::Read) => actions::feed(app, world, route).await,
        (Exposes::ActionList, Rule::Edit) => actions::create(app, world, route).await,
        (Exposes::Action, Rule::Edit) => actions::change(app, world, route).await,
        (Exposes::ContactExport, Rule::Read) => actions::contacts(app, world, route).await,
        (Exposes::ActionImport, Rule::Edit) => imports::import(app, world, route).await,
        (Exposes::RecommendationImport, Rule::Edit) => {
            imports::import_recommendations(app, world, route).await
        }
        (Exposes::AllianceArea, Rule::Administer) => areas::set(app, world, route).await,
        (Exposes::ContactList, Rule::Read) => contacts::list(app, world, route).await,
        (Exposes::Contact, Rule::Read) => contacts::entry(app, world, route).await,
        (Exposes::ContactList, Rule::Edit) => contacts::create(app, world, route).await,
        (Exposes::Contact, Rule::Edit) => contacts::change(app, world, route).await,
        (Exposes::SptVisitList, Rule::Read) => spt_visits::list(app, world, route).await,
        (Exposes::SptVisit, Rule::Read) => spt_visits::entry(app, world, route).await,
        (Exposes::SptVisitList, Rule::Edit) => spt_visits::create(app, world, route).await,
        (Exposes::SptVisit, Rule::Edit) => spt_visits::change(app, world, route).await,
        (Exposes::NpmList, Rule::Read) => npm::list(app, world, route).await,
        (Exposes::NpmRecord, Rule::Read) => npm::entry(app, world, route).await,
        (Exposes::NpmList, Rule::Edit) => npm::create(app, world, route).await,
        (Exposes::NpmRecord, Rule::Edit) => npm::change(app, world, route).await,
        (Exposes::RecommendationList, Rule::Read) => recommendations::list(app, world, route).await,
        (Exposes::Recommendation, Rule::Read) => recommendations::entry(app, world, route).await,
        (Exposes::RecommendationList, Rule::Edit) => {
            recommendations::create(app, world, route).await
        }
        (Exposes::Recommendation, Rule::Edit) => recommendations::change(app, world, route).await,
        (Exposes::RecommendationFollowUp, Rule::Read) => {
            recommendations::follow_up(app, world, route).await
        }
        (Exposes::ConsultationList, Rule::Read) => consultations::list(app, world, route).await,
        (Exposes::Consultation, Rule::Read) => consultations::entry(app, world, route).await,
        (Exposes::ConsultationList, Rule::Edit) => consultations::create(app, world, route).await,
        (Exposes::Consultation, Rule::Edit) => consultations::change(app, world, route).await,
        (exposes, rule) => panic!(
            "{} {}: no check for {exposes:?} under {rule:?}; write one in checks",
            route.method, route.path
        ),
    }
}

/// The route's path with its `{name}` segments filled in.
pub fn fill(path: &str, values: &[(&str, &str)]) -> String {
    let mut filled = path.to_owned();
    for (name, value) in values {
        filled = filled.replace(&format!("{{{name}}}"), value);
    }
    assert!(
        !filled.contains('{'),
        "{path}: a segment is left in {filled}"
    );
    filled
}

pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The route's request as `actor` makes it: with the API token on the
/// API, with the session cookie on the portal.
pub fn request(app: &TestApp, actor: &Actor, route: &Route, path: &str) -> reqwest::RequestBuilder {
    let method = Method::from_bytes(route.method.as_bytes()).unwrap();
    if is_api(path) {
        actor.api(app, method, path)
    } else {
        actor.page(app, method, path)
    }
}

/// Replaces `key` in `body` where it stands for the record asked for: as
/// a segment of an address, or quoted in a message; not
/// where it is only the same digits (a count, a date, a field's size).
pub fn swap_key(body: &str, key: &str, by: &str) -> String {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let opens = |c: char| matches!(c, '/' | '"' | '\'' | ';' | '\u{201c}');
    let mut out = String::with_capacity(body.len());
    let mut done = 0;
    for (at, _) in body.match_indices(key) {
        let before = body[..at].chars().next_back();
        let after = body[at + key.len()..].chars().next();
        // `%2F`: a `/` as a sign-in link's `next` encodes it.
        let opened = before.is_some_and(opens) || body[..at].ends_with("%2F");
        // A size in the page's frame (the search field's `maxlength="200"`)
        // is the same on every page, whatever record was asked for.
        let sized = body[..at].ends_with("length=\"");
        if at < done || !opened || sized || after.is_some_and(word) {
            continue;
        }
        out.push_str(&body[done..at]);
        out.push_str(by);
        done = at + key.len();
    }
    out.push_str(&body[done..]);
    out
}

/// Asserts that the answer about a hidden record is, status and body, the
/// answer about a missing one once the key is swapped, and a 404.
pub fn assert_like_missing(
    hidden: &Answer,
    missing: &Answer,
    key: &str,
    missing_key: &str,
    what: &str,
) {
    assert_same_answer(hidden, missing, key, missing_key, what);
    assert_eq!(hidden.status, 404, "{what}: hidden answers 404");
}

/// Asserts that two answers are the same once the key is swapped: what a
/// request about one record tells is what it tells about the other.
pub fn assert_same_answer(
    hidden: &Answer,
    missing: &Answer,
    key: &str,
    missing_key: &str,
    what: &str,
) {
    assert_eq!(
        (hidden.status, swap_key(&hidden.body, key, missing_key)),
        (missing.status, missing.body.clone()),
        "{what}: must answer as for a missing record"
    );
}

/// Sends `request` and checks that its answer holds nothing `actor` may
/// not see; returns the answer.
pub async fn probe(
    world: &World,
    actor: &Actor,
    request: reqwest::RequestBuilder,
    what: &str,
) -> Answer {
    probe_asking(world, actor, request, "", what).await
}

/// As [`probe`], for a request that names a record by `asked`: the answer
/// may say back what was asked (`no organisation has the short name ...`),
/// which tells the requester nothing new.
pub async fn probe_asking(
    world: &World,
    actor: &Actor,
    request: reqwest::RequestBuilder,
    asked: &str,
    what: &str,
) -> Answer {
    let answer = send(request).await;
    assert!(
        answer.status < 500,
        "{what}: {} {}",
        answer.status,
        answer.body
    );
    let said = if asked.is_empty() {
        answer.body.clone()
    } else {
        swap_key(&answer.body, asked, "")
    };
    world.model.assert_no_leak(actor.user, &said, what);
    answer
}
