//! Routes of implementation monitoring (NPM profiles, assessments, their
//! comparison): lists and pages name exactly the records the reader may
//! read, the comparison draws only on those, one record answers as missing
//! to everyone else, and changes are done for editors of the owner,
//! refused (403) to its other readers, answered as missing to the rest.
//! The records are planted for each check and removed after it.

use std::collections::BTreeSet;

use entente_core::access::{AccessScope, AllianceId, OrgId, RecordAccess, Visibility, can_read};
use entente_core::monitoring::{
    AssessmentDraft, AssessmentFacts, AssessmentId, Criterion, CriterionRating, NpmBody, NpmModel,
    ProfileDraft, ProfileId, Rating, Viewpoint, compare,
};
use serde_json::json;

use super::{MISSING_ID, assert_like_missing, fill, is_api, probe, probe_asking, request};
use crate::app::TestApp;
use crate::authorisation::routes::Route;
use crate::authorisation::world::{Actor, World};

const STATE: &str = "FRA";

fn what(route: &Route, path: &str, actor: &Actor) -> String {
    format!("{} {path} as {:?}", route.method, actor.persona)
}

/// A planted record: its id, who owns it and who may see it, its marker.
#[derive(Debug, Clone)]
struct Planted {
    id: i64,
    access: RecordAccess,
    marker: String,
    viewpoint: Viewpoint,
    date: chrono::NaiveDate,
}

#[derive(Default)]
pub(super) struct Records {
    profiles: Vec<Planted>,
    assessments: Vec<Planted>,
}

fn curator(world: &World) -> AccessScope {
    AccessScope::SiteAdmin(world.curator())
}

fn profile_draft(
    owner: OrgId,
    visibility: Visibility,
    shared: &[AllianceId],
    marker: &str,
) -> ProfileDraft {
    ProfileDraft {
        state: STATE.parse().unwrap(),
        owner,
        visibility,
        shared_with: shared.to_vec(),
        bodies: vec![NpmBody {
            name: format!("Body {marker}"),
            role: String::new(),
        }],
        model: NpmModel::SpecialisedBody,
        legal_basis: String::new(),
        law_date: None,
        designation_date: None,
        operation_start: None,
        website: None,
        staff: None,
        budget: None,
        notes: String::new(),
        annual_reports: Vec::new(),
    }
}

fn assessment_draft(
    owner: OrgId,
    visibility: Visibility,
    shared: &[AllianceId],
    marker: &str,
    viewpoint: Viewpoint,
    date: chrono::NaiveDate,
) -> AssessmentDraft {
    AssessmentDraft {
        state: STATE.parse().unwrap(),
        profile: None,
        viewpoint,
        assessor: format!("Assessor {marker}"),
        date,
        source: String::new(),
        owner,
        visibility,
        shared_with: shared.to_vec(),
        ratings: vec![CriterionRating {
            criterion: Criterion::Access,
            rating: Rating::Partly,
            evidence: "Seen".to_owned(),
        }],
    }
}

/// A private, an alliance and a public profile and assessment at each
/// organisation of the world (alliance ones when it is in an alliance).
pub(super) fn plant(app: &TestApp, world: &mut World) -> Records {
    let scope = curator(world);
    let mut records = Records::default();
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    let mut day = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    for (n, owner) in orgs.into_iter().enumerate() {
        let alliance = world
            .model
            .alliances
            .iter()
            .find(|(_, a)| a.members.contains(&owner))
            .map(|(id, _)| *id);
        for visibility in Visibility::ALL {
            let shared: Vec<AllianceId> = match visibility {
                Visibility::Alliance => match alliance {
                    Some(a) => vec![a],
                    None => continue,
                },
                _ => Vec::new(),
            };
            let access = RecordAccess {
                owner,
                visibility: *visibility,
                shared_with: shared.clone(),
                personal: false,
            };
            let marker = world.marker();
            let draft = profile_draft(owner, *visibility, &shared, &marker);
            let mut id = app.store.create_npm_profile(&scope, &draft).unwrap().0;
            while looks_like_page_text(id) {
                app.store.delete_npm_profile(&scope, ProfileId(id)).unwrap();
                id = app.store.create_npm_profile(&scope, &draft).unwrap().0;
            }
            records.profiles.push(Planted {
                id,
                access: access.clone(),
                marker,
                viewpoint: Viewpoint::Npm,
                date: day,
            });
            let marker = world.marker();
            let viewpoint = Viewpoint::ALL[n % Viewpoint::ALL.len()];
            day = day.succ_opt().unwrap();
            let draft = assessment_draft(owner, *visibility, &shared, &marker, viewpoint, day);
            let mut id = app.store.create_assessment(&scope, &draft).unwrap().0;
            while looks_like_page_text(id) {
                app.store
                    .delete_assessment(&scope, AssessmentId(id))
                    .unwrap();
                id = app.store.create_assessment(&scope, &draft).unwrap().0;
            }
            records.assessments.push(Planted {
                id,
                access,
                marker,
                viewpoint,
                date: day,
            });
        }
    }
    records
}

/// A number that the pages also show as an attribute value (the search
/// box's `maxlength="200"`): a record with that id could not be told apart
/// from the page around it when the answers are compared with a missing
/// record's, so it is not used.
fn looks_like_page_text(id: i64) -> bool {
    id == 200
}

pub(super) fn clear(app: &TestApp, world: &World, records: &Records) {
    let scope = curator(world);
    for p in &records.profiles {
        let _ = app.store.delete_npm_profile(&scope, ProfileId(p.id));
    }
    for a in &records.assessments {
        let _ = app.store.delete_assessment(&scope, AssessmentId(a.id));
    }
}

fn reads(world: &World, actor: &Actor, access: &RecordAccess) -> bool {
    can_read(&world.model.scope(actor.user), access)
}

fn writes(world: &World, actor: &Actor, owner: OrgId) -> bool {
    world.model.writes_for(actor.user, owner)
}

/// The comparison by viewpoint in `body` names exactly the assessors of the
/// latest assessments the reader may read, of each viewpoint and criterion.
pub(super) fn assert_comparison(
    world: &World,
    actor: &Actor,
    records: &Records,
    body: &str,
    what: &str,
) {
    let readable: Vec<AssessmentFacts> = records
        .assessments
        .iter()
        .filter(|a| reads(world, actor, &a.access))
        .map(|a| AssessmentFacts {
            id: AssessmentId(a.id),
            viewpoint: a.viewpoint,
            assessor: format!("Assessor {}", a.marker),
            date: a.date,
            ratings: [(Criterion::Access, (Rating::Partly, "Seen".to_owned()))]
                .into_iter()
                .collect(),
        })
        .collect();
    let expected: BTreeSet<String> = compare(&readable, chrono::Utc::now().date_naive())
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .map(|c| c.assessor.clone())
        .collect();
    let shown: BTreeSet<String> = records
        .assessments
        .iter()
        .map(|a| format!("Assessor {}", a.marker))
        .filter(|m| body.contains(m))
        .collect();
    assert_eq!(shown, expected, "{what}");
}

/// The lists, the NPM page and the comparison: exactly what the reader may read.
pub async fn list(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let records = plant(app, world);
    let path = fill(route.path, &[("iso3", STATE)]);
    let (profiles, assessments) = match route.path {
        "/api/v1/npm-profiles" => (true, false),
        "/api/v1/assessments" => (false, true),
        _ => (true, true),
    };
    let comparison = route.path.ends_with("/assessments") && route.path.contains("/states/");
    let mut checks = 0;
    for actor in &world.actors {
        let what = what(route, &path, actor);
        let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
        assert_eq!(answer.status, 200, "{what}: {}", answer.body);
        checks += 1;
        if comparison {
            assert_comparison(world, actor, &records, &answer.body, &what);
            continue;
        }
        if profiles {
            for p in &records.profiles {
                let shown = answer.body.contains(&p.marker);
                assert_eq!(
                    shown,
                    reads(world, actor, &p.access),
                    "{what}: {}",
                    p.marker
                );
            }
        }
        if assessments {
            for a in &records.assessments {
                let shown = answer.body.contains(&a.marker);
                assert_eq!(
                    shown,
                    reads(world, actor, &a.access),
                    "{what}: {}",
                    a.marker
                );
            }
        }
    }
    clear(app, world, &records);
    checks
}

fn planted_of<'a>(records: &'a Records, route: &Route) -> &'a [Planted] {
    if route.path.contains("assessments") {
        &records.assessments
    } else {
        &records.profiles
    }
}

/// One record: for its readers; to everyone else, as a missing one.
pub async fn entry(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let records = plant(app, world);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for actor in &world.actors {
        let other = fill(route.path, &[("id", &missing_id)]);
        let missing = probe(world, actor, request(app, actor, route, &other), "missing").await;
        for p in planted_of(&records, route) {
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            checks += 1;
            if reads(world, actor, &p.access) {
                assert_eq!(answer.status, 200, "{what}: {}", answer.body);
                assert!(answer.body.contains(&p.marker), "{what}");
            } else {
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            }
        }
    }
    clear(app, world, &records);
    checks
}

/// A change's request with its body: the record's content as JSON on the
/// API, as a form with the actor's token on the portal.
fn sent(
    app: &TestApp,
    actor: &Actor,
    route: &Route,
    path: &str,
    owner_short: &str,
    marker: &str,
) -> reqwest::RequestBuilder {
    let builder = request(app, actor, route, path);
    if route.method == "GET" || route.method == "DELETE" || route.path.ends_with("/delete") {
        return if route.method == "POST" {
            builder.form(&[("csrf", actor.csrf.clone())])
        } else {
            builder
        };
    }
    let assessment = route.path.contains("assessments");
    match (is_api(route.path), assessment) {
        (true, false) => builder.json(&json!({
            "state": STATE, "owner": owner_short, "model": "specialised_body",
            "visibility": "private", "bodies": [{"name": format!("Body {marker}")}],
        })),
        (true, true) => builder.json(&json!({
            "state": STATE, "owner": owner_short, "viewpoint": "spt",
            "assessor": format!("Assessor {marker}"), "date": "2020-01-01",
            "visibility": "private",
            "ratings": [{"criterion": "access", "rating": "partly", "evidence": "Seen"}],
        })),
        (false, false) => builder.form(&[
            ("csrf", actor.csrf.clone()),
            ("owner", owner_short.to_owned()),
            ("visibility", "private".to_owned()),
            ("model", "specialised_body".to_owned()),
            ("body_name", format!("Body {marker}")),
            ("body_role", String::new()),
        ]),
        (false, true) => builder.form(&[
            ("csrf", actor.csrf.clone()),
            ("owner", owner_short.to_owned()),
            ("visibility", "private".to_owned()),
            ("viewpoint", "spt".to_owned()),
            ("assessor", format!("Assessor {marker}")),
            ("date", "01/01/2020".to_owned()),
            ("rating_access", "partly".to_owned()),
            ("evidence_access", "Seen".to_owned()),
        ]),
    }
}

fn writes_somewhere(world: &World, actor: &Actor) -> bool {
    world.model.orgs.keys().any(|o| writes(world, actor, *o))
}

/// Creating, as every persona for every organisation: done for its
/// editors alone; the records made are counted and removed.
pub async fn create(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let path = fill(route.path, &[("iso3", STATE)]);
    let api = is_api(route.path);
    let mut checks = 0;
    let orgs: Vec<OrgId> = world.model.orgs.keys().copied().collect();
    for i in 0..world.actors.len() {
        if route.method == "GET" {
            let actor = &world.actors[i];
            let what = what(route, &path, actor);
            let answer = probe(world, actor, request(app, actor, route, &path), &what).await;
            let expected = if actor.user.is_none() {
                401
            } else if writes_somewhere(world, actor) {
                200
            } else {
                403
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            checks += 1;
            continue;
        }
        for org in &orgs {
            let marker = world.marker();
            let actor = &world.actors[i];
            let short = world.model.orgs[org].short.clone();
            let what = what(route, &path, actor);
            let answer = probe_asking(
                world,
                actor,
                sent(app, actor, route, &path, &short, &marker),
                &short,
                &what,
            )
            .await;
            checks += 1;
            let seen = world.model.reads_org(actor.user, *org);
            let allowed = writes(world, actor, *org);
            let expected = match (actor.user.is_some(), api) {
                (false, true) => 401,
                (false, false) => 403,
                (true, _) if allowed => {
                    if api {
                        201
                    } else {
                        303
                    }
                }
                (true, false) if !writes_somewhere(world, actor) => 403,
                (true, true) if seen => 403,
                (true, _) => 422,
            };
            assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            let scope = curator(world);
            let made_profiles: Vec<ProfileId> = app
                .store
                .npm_profiles(&scope)
                .unwrap()
                .into_iter()
                .filter(|p| p.content.bodies.iter().any(|b| b.name.contains(&marker)))
                .map(|p| p.id)
                .collect();
            let made_assessments: Vec<AssessmentId> = app
                .store
                .assessments(&scope)
                .unwrap()
                .into_iter()
                .filter(|a| a.content.assessor.contains(&marker))
                .map(|a| a.id)
                .collect();
            assert_eq!(
                made_profiles.len() + made_assessments.len(),
                usize::from(allowed),
                "{what}: records made"
            );
            for id in made_profiles {
                app.store.delete_npm_profile(&scope, id).unwrap();
            }
            for id in made_assessments {
                app.store.delete_assessment(&scope, id).unwrap();
            }
        }
    }
    checks
}

/// Changing or deleting each record, as every persona.
pub async fn change(app: &TestApp, world: &mut World, route: &Route) -> usize {
    let api = is_api(route.path);
    let missing_id = MISSING_ID.to_string();
    let mut checks = 0;
    for i in 0..world.actors.len() {
        let records = plant(app, world);
        for p in planted_of(&records, route) {
            let actor = &world.actors[i];
            let id = p.id.to_string();
            let path = fill(route.path, &[("id", &id)]);
            let what = what(route, &path, actor);
            let short = world.model.orgs[&p.access.owner].short.clone();
            let answer = probe_asking(
                world,
                actor,
                sent(app, actor, route, &path, &short, &p.marker),
                &short,
                &what,
            )
            .await;
            checks += 1;
            if actor.user.is_none() {
                let expected = if api || route.method == "GET" {
                    401
                } else {
                    403
                };
                assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            } else if !reads(world, actor, &p.access) {
                let other = fill(route.path, &[("id", &missing_id)]);
                let sent_missing = sent(app, actor, route, &other, &short, &p.marker);
                let missing = probe(world, actor, sent_missing, "missing").await;
                assert_like_missing(&answer, &missing, &id, &missing_id, &what);
            } else if !writes(world, actor, p.access.owner) {
                assert_eq!(answer.status, 403, "{what}: {}", answer.body);
            } else {
                let expected = match (api, route.method) {
                    (true, "DELETE") => 204,
                    (true, _) => 200,
                    (false, "GET") => 200,
                    (false, _) => 303,
                };
                assert_eq!(answer.status, expected, "{what}: {}", answer.body);
            }
        }
        clear(app, world, &records);
    }
    checks
}
