//! NPM profiles and assessments in the store: written and read back whole,
//! seen by each scope as the access rules say, refused field by field
//! without writing anything, compared by viewpoint, and turned into the
//! stage events of stages 6 and 7 from what the reader may see only.

use entente_core::access::{AccessScope, OrgId, UserId, Visibility};
use entente_core::monitoring::{
    AnnualReport, AssessmentDraft, Criterion, CriterionRating, NpmBody, NpmModel, ProfileDraft,
    ProfileId, Rating, Viewpoint,
};
use entente_core::opcat::{self, Stage};
use entente_core::plan::Budget;
use entente_core::{EventKind, Iso3, TreatyId};
use entente_store::{AuditAction, AuditFilter, EventFilter, Store, StoreError};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

const ROOT: AccessScope = AccessScope::SiteAdmin(UserId(0));

fn profile(owner: OrgId, visibility: Visibility) -> ProfileDraft {
    ProfileDraft {
        state: iso3("FRA"),
        owner,
        visibility,
        shared_with: Vec::new(),
        bodies: vec![
            NpmBody {
                name: "Contrôleur général des lieux de privation de liberté".into(),
                role: "NPM".into(),
            },
            NpmBody {
                name: "Regional office".into(),
                role: "Overseas territories".into(),
            },
        ],
        model: NpmModel::SpecialisedBody,
        legal_basis: "Loi n° 2007-1545 du 30 octobre 2007".into(),
        law_date: Some(day("2007-10-30")),
        designation_date: Some(day("2008-06-13")),
        operation_start: Some(day("2009-01-01")),
        website: Some("https://www.cglpl.fr".into()),
        staff: Some(31),
        budget: Some(Budget::parse("5 100 000", "EUR").unwrap()),
        notes: "Visits every kind of place.".into(),
        annual_reports: vec![AnnualReport {
            year: 2009,
            url: "https://www.cglpl.fr/rapport-2009".into(),
            title: "Rapport annuel 2009".into(),
            published: Some(day("2010-04-01")),
        }],
    }
}

fn assessment(
    owner: OrgId,
    viewpoint: Viewpoint,
    date: &str,
    rating: Rating,
    visibility: Visibility,
) -> AssessmentDraft {
    AssessmentDraft {
        state: iso3("FRA"),
        profile: None,
        viewpoint,
        assessor: format!("{viewpoint} assessor"),
        date: day(date),
        source: "Report".into(),
        owner,
        visibility,
        shared_with: Vec::new(),
        ratings: Criterion::ALL
            .iter()
            .map(|c| CriterionRating {
                criterion: *c,
                rating,
                evidence: format!("{c}: evidence"),
            })
            .collect(),
    }
}

fn setup(store: &Store) -> World {
    store.load_reference(fixture().data()).unwrap();
    World::build(store)
}

fn field_codes<T: std::fmt::Debug>(
    result: Result<T, StoreError>,
) -> Vec<(&'static str, &'static str)> {
    match result {
        Err(StoreError::Fields { errors }) => errors.iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

/// The OPCAT stage of France as `scope` sees it on `as_of`.
fn stage(store: &Store, scope: &AccessScope, as_of: &str) -> Stage {
    let as_of = day(as_of);
    let fra: Iso3 = iso3("FRA");
    let events = store
        .events(&EventFilter {
            state: Some(fra),
            treaties: None,
            as_of: Some(as_of),
        })
        .unwrap();
    let mut opcat_events: Vec<_> = events
        .iter()
        .filter(|e| e.treaty == TreatyId::opcat())
        .cloned()
        .collect();
    opcat_events.extend(store.npm_stage_events(scope, Some(&[fra]), as_of).unwrap());
    let cat: Vec<_> = events
        .iter()
        .filter(|e| e.treaty == TreatyId::cat())
        .collect();
    opcat::derive(cat, &opcat_events, as_of).stage
}

#[test]
fn a_profile_and_an_assessment_are_read_back_as_written_with_their_audit() {
    on_each_backend("npm_round_trip", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let written = profile(world.owner, Visibility::Private);
        let id = store.create_npm_profile(&editor, &written).unwrap();
        let read = store.npm_profile(&editor, id).unwrap().unwrap();
        assert_eq!(read.content, written);
        assert_eq!(read.created_by, Some(world.editor));
        assert_eq!(
            store
                .npm_profiles_of_state(&editor, iso3("FRA"))
                .unwrap()
                .len(),
            1
        );

        let mut changed = written.clone();
        changed.bodies.pop();
        changed.visibility = Visibility::Alliance;
        changed.shared_with = vec![world.shared_alliance];
        changed.budget = None;
        store.update_npm_profile(&editor, id, &changed).unwrap();
        assert_eq!(
            store.npm_profile(&editor, id).unwrap().unwrap().content,
            changed
        );

        let mut judged = assessment(
            world.owner,
            Viewpoint::CivilSociety,
            "2020-05-01",
            Rating::Partly,
            Visibility::Public,
        );
        judged.profile = Some(id);
        judged.ratings.truncate(3);
        let assessment_id = store.create_assessment(&editor, &judged).unwrap();
        let back = store.assessment(&editor, assessment_id).unwrap().unwrap();
        assert_eq!(
            back.content.ratings.len(),
            Criterion::ALL.len(),
            "the others are not_known"
        );
        assert_eq!(back.content.ratings[..3], judged.ratings[..]);
        assert_eq!(back.content.ratings[5].rating, Rating::NotKnown);

        store.delete_npm_profile(&editor, id).unwrap();
        assert!(store.npm_profile(&ROOT, id).unwrap().is_none());
        let orphan = store.assessment(&editor, assessment_id).unwrap().unwrap();
        assert_eq!(orphan.content.profile, None, "the assessment stays");
        store.delete_assessment(&editor, assessment_id).unwrap();
        assert!(store.assessment(&ROOT, assessment_id).unwrap().is_none());

        let kinds: Vec<(AuditAction, Option<String>)> = store
            .audit_entries(&ROOT, &AuditFilter::default())
            .unwrap()
            .into_iter()
            .filter(|l| {
                l.entry
                    .record_kind
                    .as_deref()
                    .is_some_and(|k| k.starts_with("npm_"))
            })
            .map(|l| (l.entry.action, l.entry.record_kind))
            .collect();
        assert_eq!(kinds.len(), 5, "{kinds:?}");
    });
}

#[test]
fn each_scope_sees_what_the_access_rules_say_and_hidden_is_missing() {
    on_each_backend("npm_visibility", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let private = store
            .create_npm_profile(&editor, &profile(world.owner, Visibility::Private))
            .unwrap();
        let mut shared_draft = profile(world.owner, Visibility::Alliance);
        shared_draft.shared_with = vec![world.shared_alliance];
        let shared = store.create_npm_profile(&editor, &shared_draft).unwrap();
        let public = store
            .create_npm_profile(&editor, &profile(world.owner, Visibility::Public))
            .unwrap();
        for (who, scope) in world.scopes(store) {
            let seen: Vec<ProfileId> = store
                .npm_profiles_of_state(&scope, iso3("FRA"))
                .unwrap()
                .into_iter()
                .map(|p| p.id)
                .collect();
            let expected = match who {
                "anonymous" | "outsider" => vec![public],
                "allied member" => vec![shared, public],
                _ => vec![private, shared, public],
            };
            assert_eq!(seen, expected, "{who}");
        }
        let outsider = store.member_scope(world.outsider).unwrap();
        let hidden = store.update_npm_profile(
            &outsider,
            private,
            &profile(world.owner, Visibility::Private),
        );
        let missing = store.update_npm_profile(
            &outsider,
            ProfileId(9999),
            &profile(world.owner, Visibility::Private),
        );
        assert!(
            matches!(hidden, Err(StoreError::NotFound { .. })),
            "{hidden:?}"
        );
        assert_eq!(
            format!("{:?}", hidden).replace(&private.to_string(), "N"),
            format!("{:?}", missing).replace("9999", "N")
        );
        let viewer = store.member_scope(world.viewer).unwrap();
        let forbidden = store.delete_npm_profile(&viewer, public);
        assert!(
            matches!(forbidden, Err(StoreError::Forbidden { .. })),
            "{forbidden:?}"
        );
        let allied = store.member_scope(world.allied_member).unwrap();
        assert!(matches!(
            store.delete_npm_profile(&allied, shared),
            Err(StoreError::Forbidden { .. })
        ));
    });
}

#[test]
fn bad_records_are_refused_field_by_field_and_nothing_is_written() {
    on_each_backend("npm_refused", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let mut bad = profile(world.owner, Visibility::Alliance);
        bad.state = iso3("XXX");
        bad.bodies.clear();
        bad.shared_with = vec![entente_core::access::AllianceId(9999)];
        assert_eq!(
            field_codes(store.create_npm_profile(&editor, &bad)),
            vec![
                ("bodies", "required"),
                ("state", "unknown_state"),
                ("shared_with", "not_in_alliance"),
            ]
        );
        assert!(store.npm_profiles(&ROOT).unwrap().is_empty());
        let outsider = store.member_scope(world.outsider).unwrap();
        let theirs = store
            .create_npm_profile(&outsider, &profile(world.unrelated, Visibility::Private))
            .unwrap();
        let mut wrong = assessment(
            world.owner,
            Viewpoint::Spt,
            "2020-01-01",
            Rating::Meets,
            Visibility::Private,
        );
        wrong.profile = Some(theirs);
        wrong.ratings[0].evidence = String::new();
        assert_eq!(
            field_codes(store.create_assessment(&editor, &wrong)),
            vec![
                ("ratings", "evidence_required"),
                ("profile", "unknown_profile")
            ]
        );
        assert!(store.assessments(&ROOT).unwrap().is_empty());
        let stranger = store.create_assessment(
            &editor,
            &assessment(
                world.unrelated,
                Viewpoint::Spt,
                "2020-01-01",
                Rating::Meets,
                Visibility::Public,
            ),
        );
        assert!(
            matches!(stranger, Err(StoreError::NotFound { .. })),
            "{stranger:?}"
        );
    });
}

#[test]
fn the_comparison_shows_each_viewpoint_the_reader_may_see() {
    on_each_backend("npm_comparison", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let state_view = assessment(
            world.owner,
            Viewpoint::State,
            "2019-01-01",
            Rating::Meets,
            Visibility::Public,
        );
        let mut ngo = assessment(
            world.owner,
            Viewpoint::CivilSociety,
            "2020-01-01",
            Rating::Meets,
            Visibility::Private,
        );
        ngo.ratings[2].rating = Rating::DoesNotMeet;
        store.create_assessment(&editor, &state_view).unwrap();
        store.create_assessment(&editor, &ngo).unwrap();
        let mine = store
            .assessment_comparison(&editor, iso3("FRA"), day("2024-01-01"))
            .unwrap();
        assert_eq!(
            mine.disagreements().collect::<Vec<_>>(),
            vec![Criterion::Resources]
        );
        let cell = mine
            .cell(Criterion::Resources, Viewpoint::CivilSociety)
            .unwrap();
        assert_eq!(
            (cell.rating, cell.date, cell.evidence.as_str()),
            (
                Rating::DoesNotMeet,
                day("2020-01-01"),
                "resources: evidence"
            )
        );
        let public = store
            .assessment_comparison(&AccessScope::Public, iso3("FRA"), day("2024-01-01"))
            .unwrap();
        assert_eq!(
            public.disagreements().count(),
            0,
            "the private dissent is not public"
        );
        assert!(
            public
                .cell(Criterion::Resources, Viewpoint::CivilSociety)
                .is_none()
        );
        let before = store
            .assessment_comparison(&editor, iso3("FRA"), day("2019-06-01"))
            .unwrap();
        assert_eq!(
            before.disagreements().count(),
            0,
            "as of a day before the dissent"
        );
    });
}

#[test]
fn stages_six_and_seven_come_from_records_the_reader_may_see() {
    on_each_backend("npm_stages", |db| {
        let store = &db.store;
        let world = setup(store);
        let editor = store.member_scope(world.editor).unwrap();
        let public = AccessScope::Public;
        // France ratified in 2008; with no designation event in the fixture it is a party.
        assert_eq!(stage(store, &public, "2012-01-01"), Stage::PartyNpmPending);
        let mut draft = profile(world.owner, Visibility::Public);
        draft.operation_start = Some(day("2010-01-01"));
        draft.annual_reports.clear();
        store.create_npm_profile(&editor, &draft).unwrap();
        assert_eq!(stage(store, &public, "2009-12-31"), Stage::PartyNpmPending);
        assert_eq!(stage(store, &public, "2010-01-01"), Stage::NpmOperating);

        // An SPT assessment, private: it moves the stage for its readers only.
        let spt = store
            .create_assessment(
                &editor,
                &assessment(
                    world.owner,
                    Viewpoint::Spt,
                    "2015-06-01",
                    Rating::Meets,
                    Visibility::Private,
                ),
            )
            .unwrap();
        assert_eq!(stage(store, &editor, "2016-01-01"), Stage::NpmMeetsCriteria);
        assert_eq!(stage(store, &editor, "2015-05-31"), Stage::NpmOperating);
        assert_eq!(stage(store, &public, "2016-01-01"), Stage::NpmOperating);
        let outsider = store.member_scope(world.outsider).unwrap();
        assert_eq!(stage(store, &outsider, "2016-01-01"), Stage::NpmOperating);

        // Made public, it counts on the public portal; a public dissent stops it.
        let mut published = store.assessment(&editor, spt).unwrap().unwrap().content;
        published.visibility = Visibility::Public;
        store.update_assessment(&editor, spt, &published).unwrap();
        assert_eq!(stage(store, &public, "2016-01-01"), Stage::NpmMeetsCriteria);
        let mut dissent = assessment(
            world.owner,
            Viewpoint::Npm,
            "2017-01-01",
            Rating::Meets,
            Visibility::Public,
        );
        dissent.ratings[4].rating = Rating::DoesNotMeet;
        store.create_assessment(&editor, &dissent).unwrap();
        assert_eq!(stage(store, &public, "2016-12-31"), Stage::NpmMeetsCriteria);
        assert_eq!(stage(store, &public, "2017-01-01"), Stage::NpmOperating);
        let events = store
            .npm_stage_events(&public, None, day("2016-06-01"))
            .unwrap();
        assert_eq!(
            events.iter().map(|e| (e.kind, e.date)).collect::<Vec<_>>(),
            vec![
                (EventKind::NpmOperation, day("2010-01-01")),
                (EventKind::NpmMeetsCriteria, day("2015-06-01"))
            ]
        );
    });
}
