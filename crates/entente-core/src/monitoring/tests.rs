use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::access::{AllianceId, OrgId, Visibility};
use crate::event::{ConsentKind, EventKind, TreatyEvent};
use crate::opcat::{self, Stage};
use crate::{Iso3, TreatyId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn facts(id: i64, viewpoint: Viewpoint, date: &str, rating: Rating) -> AssessmentFacts {
    AssessmentFacts {
        id: AssessmentId(id),
        viewpoint,
        assessor: format!("assessor {id}"),
        date: d(date),
        ratings: Criterion::ALL
            .iter()
            .map(|c| (*c, (rating, format!("evidence {id}"))))
            .collect(),
    }
}

fn with(mut a: AssessmentFacts, criterion: Criterion, rating: Rating) -> AssessmentFacts {
    a.ratings.insert(criterion, (rating, "specific".into()));
    a
}

fn profile(start: Option<&str>, reports: &[(i32, Option<&str>)]) -> ProfileFacts {
    ProfileFacts {
        id: ProfileId(1),
        operation_start: start.map(d),
        reports: reports.iter().map(|(y, p)| (*y, p.map(d))).collect(),
    }
}

fn profile_draft() -> ProfileDraft {
    ProfileDraft {
        state: "FRA".parse().unwrap(),
        owner: OrgId(1),
        visibility: Visibility::Public,
        shared_with: vec![],
        bodies: vec![NpmBody {
            name: "Contrôleur général".into(),
            role: "NPM".into(),
        }],
        model: NpmModel::SpecialisedBody,
        legal_basis: "Loi n° 2007-1545".into(),
        law_date: Some(d("2007-10-30")),
        designation_date: Some(d("2008-06-13")),
        operation_start: Some(d("2008-07-01")),
        website: Some("https://www.cglpl.fr".into()),
        staff: Some(30),
        budget: None,
        notes: String::new(),
        annual_reports: vec![AnnualReport {
            year: 2009,
            url: "https://www.cglpl.fr/2009".into(),
            title: "Rapport 2009".into(),
            published: Some(d("2010-03-01")),
        }],
    }
}

fn assessment_draft() -> AssessmentDraft {
    AssessmentDraft {
        state: "FRA".parse().unwrap(),
        profile: None,
        viewpoint: Viewpoint::CivilSociety,
        assessor: "An NGO".into(),
        date: d("2020-01-01"),
        source: "Shadow report".into(),
        owner: OrgId(1),
        visibility: Visibility::Private,
        shared_with: vec![],
        ratings: vec![CriterionRating {
            criterion: Criterion::Resources,
            rating: Rating::Partly,
            evidence: "Budget cut by a third".into(),
        }],
    }
}

fn codes(result: Result<(), Vec<crate::plan::FieldError>>) -> Vec<(&'static str, &'static str)> {
    result
        .err()
        .unwrap_or_default()
        .iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn vocabularies_round_trip_and_have_the_domain_sizes() {
    assert_eq!(NpmModel::ALL.len(), 5);
    assert_eq!(Criterion::ALL.len(), 10);
    assert_eq!(Rating::ALL.len(), 4);
    assert_eq!(Viewpoint::ALL.len(), 4);
    for c in Criterion::ALL {
        assert_eq!(c.code().parse::<Criterion>(), Ok(*c));
    }
    assert!("average".parse::<Rating>().is_err());
}

#[test]
fn a_good_profile_and_assessment_pass() {
    assert_eq!(codes(profile_draft().validate()), vec![]);
    assert_eq!(codes(assessment_draft().validate()), vec![]);
}

#[test]
fn a_profile_names_every_broken_field() {
    let mut draft = profile_draft();
    draft.bodies.clear();
    draft.operation_start = Some(d("2008-01-01"));
    draft.website = Some("javascript:alert(1)".into());
    draft.annual_reports.push(AnnualReport {
        year: 2009,
        url: "ftp://x".into(),
        title: String::new(),
        published: Some(d("2008-12-31")),
    });
    draft.visibility = Visibility::Alliance;
    assert_eq!(
        codes(draft.validate()),
        vec![
            ("bodies", "required"),
            ("operation_start", "start_before_designation"),
            ("website", "not_a_web_address"),
            ("annual_reports", "duplicate"),
            ("annual_reports", "not_a_web_address"),
            ("annual_reports", "published_before_year"),
            ("visibility", "invalid_visibility"),
        ]
    );
    let mut shared = profile_draft();
    shared.visibility = Visibility::Alliance;
    shared.shared_with = vec![AllianceId(3)];
    assert_eq!(codes(shared.validate()), vec![]);
}

#[test]
fn an_assessment_needs_an_assessor_evidence_and_one_judgement() {
    let mut draft = assessment_draft();
    draft.assessor = " ".into();
    draft.ratings[0].evidence = String::new();
    draft.ratings.push(draft.ratings[0].clone());
    assert_eq!(
        codes(draft.validate()),
        vec![
            ("assessor", "required"),
            ("ratings", "evidence_required"),
            ("ratings", "duplicate"),
            ("ratings", "evidence_required"),
        ]
    );
    let mut unknown = assessment_draft();
    unknown.ratings[0].rating = Rating::NotKnown;
    unknown.ratings[0].evidence = String::new();
    assert_eq!(
        codes(unknown.validate()),
        vec![("ratings", "nothing_rated")]
    );
    assert_eq!(unknown.full_ratings().len(), Criterion::ALL.len());
}

#[test]
fn the_comparison_keeps_each_viewpoint_and_flags_disagreement() {
    let state = facts(1, Viewpoint::State, "2019-01-01", Rating::Meets);
    let ngo = with(
        facts(2, Viewpoint::CivilSociety, "2020-01-01", Rating::Meets),
        Criterion::Resources,
        Rating::DoesNotMeet,
    );
    let newer_state = with(
        facts(3, Viewpoint::State, "2021-01-01", Rating::NotKnown),
        Criterion::Access,
        Rating::Partly,
    );
    let all = [state, ngo, newer_state];
    let comparison = compare(&all, d("2022-01-01"));
    assert_eq!(
        comparison.disagreements().collect::<Vec<_>>(),
        vec![Criterion::Resources, Criterion::Access]
    );
    let resources = comparison
        .cell(Criterion::Resources, Viewpoint::State)
        .unwrap();
    assert_eq!(
        (resources.rating, resources.date),
        (Rating::Meets, d("2019-01-01")),
        "a later not_known does not erase an earlier judgement"
    );
    let access = comparison
        .cell(Criterion::Access, Viewpoint::State)
        .unwrap();
    assert_eq!(
        (access.rating, access.assessment),
        (Rating::Partly, AssessmentId(3))
    );
    assert!(comparison.cell(Criterion::Access, Viewpoint::Spt).is_none());
    // On an earlier day, only what was known then.
    let before = compare(&all, d("2019-06-01"));
    assert_eq!(before.disagreements().count(), 0);
    assert!(compare(&all, d("2018-01-01")).is_empty());
}

#[test]
fn operation_comes_from_the_start_or_a_report() {
    let as_of = d("2015-01-01");
    assert_eq!(operating_since(&[profile(None, &[])], as_of), None);
    assert_eq!(
        operating_since(&[profile(Some("2010-05-01"), &[])], as_of),
        Some(d("2010-05-01"))
    );
    assert_eq!(
        operating_since(&[profile(Some("2016-05-01"), &[])], as_of),
        None,
        "a start after the day does not count"
    );
    assert_eq!(
        operating_since(&[profile(None, &[(2012, None)])], as_of),
        Some(d("2013-12-31")),
        "an undated report counts from the end of the following year"
    );
    assert_eq!(
        operating_since(&[profile(None, &[(2012, Some("2013-04-02"))])], as_of),
        Some(d("2013-04-02"))
    );
    assert_eq!(
        operating_since(&[profile(None, &[(2014, None)])], as_of),
        None
    );
}

#[test]
fn meeting_the_criteria_needs_an_independent_viewpoint_and_no_dissent() {
    let as_of = d("2024-01-01");
    let spt = facts(1, Viewpoint::Spt, "2021-03-01", Rating::Meets);
    let state = facts(2, Viewpoint::State, "2020-01-01", Rating::Meets);
    let npm = facts(3, Viewpoint::Npm, "2022-01-01", Rating::Meets);
    assert_eq!(
        meets_criteria_since(std::slice::from_ref(&spt), as_of),
        Some(d("2021-03-01"))
    );
    assert_eq!(
        meets_criteria_since(&[state.clone(), npm.clone()], as_of),
        None,
        "the state and the NPM cannot certify themselves"
    );
    assert_eq!(
        meets_criteria_since(&[spt.clone(), state.clone(), npm.clone()], as_of),
        Some(d("2022-01-01"))
    );
    let ngo_dissents = with(
        facts(4, Viewpoint::CivilSociety, "2023-01-01", Rating::Meets),
        Criterion::FreeChoice,
        Rating::DoesNotMeet,
    );
    assert_eq!(
        meets_criteria_since(&[spt.clone(), ngo_dissents], as_of),
        None
    );
    let state_partly = with(state.clone(), Criterion::Resources, Rating::Partly);
    assert_eq!(
        meets_criteria_since(&[spt.clone(), state_partly], as_of),
        Some(d("2021-03-01")),
        "partly is a disagreement, not a refusal"
    );
    let spt_later_partly = with(
        facts(5, Viewpoint::Spt, "2023-06-01", Rating::Meets),
        Criterion::Resources,
        Rating::Partly,
    );
    assert_eq!(
        meets_criteria_since(&[spt.clone(), spt_later_partly.clone()], as_of),
        None,
        "the independent viewpoint's latest assessment decides"
    );
    assert_eq!(
        meets_criteria_since(&[spt, spt_later_partly], d("2023-01-01")),
        Some(d("2021-03-01")),
        "before the later assessment, the earlier one stood"
    );
}

fn fra() -> Iso3 {
    "FRA".parse().unwrap()
}

fn opcat_party() -> (Vec<TreatyEvent>, Vec<TreatyEvent>) {
    let ev = |treaty: TreatyId, kind, date: &str| TreatyEvent {
        state: fra(),
        treaty,
        kind,
        date: d(date),
        source: "test".into(),
        note: None,
    };
    let ratify = EventKind::Consent(ConsentKind::Ratification);
    (
        vec![ev(TreatyId::cat(), ratify, "1986-02-18")],
        vec![
            ev(TreatyId::opcat(), ratify, "2008-11-11"),
            ev(TreatyId::opcat(), EventKind::NpmDesignation, "2008-06-13"),
        ],
    )
}

fn stage_with(profiles: &[ProfileFacts], assessments: &[AssessmentFacts], as_of: &str) -> Stage {
    let (cat, mut opcat) = opcat_party();
    opcat.extend(npm_events(fra(), profiles, assessments, d(as_of)));
    opcat::derive(&cat, &opcat, d(as_of)).stage
}

#[test]
fn the_records_move_the_stage_as_of_each_day() {
    let profiles = [profile(Some("2009-01-01"), &[])];
    let spt = [facts(1, Viewpoint::Spt, "2016-01-01", Rating::Meets)];
    assert_eq!(stage_with(&[], &[], "2012-01-01"), Stage::NpmDesignated);
    assert_eq!(
        stage_with(&profiles, &[], "2008-12-31"),
        Stage::NpmDesignated
    );
    assert_eq!(
        stage_with(&profiles, &[], "2009-01-01"),
        Stage::NpmOperating
    );
    assert_eq!(
        stage_with(&profiles, &spt, "2015-12-31"),
        Stage::NpmOperating
    );
    assert_eq!(
        stage_with(&profiles, &spt, "2016-01-01"),
        Stage::NpmMeetsCriteria
    );
    let events = npm_events(fra(), &profiles, &spt, d("2020-01-01"));
    assert_eq!(
        events.iter().map(|e| (e.kind, e.date)).collect::<Vec<_>>(),
        vec![
            (EventKind::NpmOperation, d("2009-01-01")),
            (EventKind::NpmMeetsCriteria, d("2016-01-01"))
        ]
    );
}

fn any_assessment() -> impl Strategy<Value = AssessmentFacts> {
    let rating = prop::sample::select(Rating::ALL.to_vec());
    (
        0i64..1000,
        prop::sample::select(Viewpoint::ALL.to_vec()),
        0u32..3000,
        prop::collection::vec(rating, Criterion::ALL.len()),
    )
        .prop_map(|(id, viewpoint, day, ratings)| AssessmentFacts {
            id: AssessmentId(id),
            viewpoint,
            assessor: String::new(),
            date: d("2015-01-01") + chrono::Days::new(u64::from(day)),
            ratings: Criterion::ALL
                .iter()
                .copied()
                .zip(ratings.into_iter().map(|r| (r, String::new())))
                .collect::<BTreeMap<_, _>>(),
        })
}

proptest! {
    #[test]
    fn the_rules_ignore_order_and_later_records(
        mut assessments in prop::collection::vec(any_assessment(), 0..12),
        later in prop::collection::vec(any_assessment(), 0..4),
        day in 0u32..3000,
    ) {
        let as_of = d("2015-01-01") + chrono::Days::new(u64::from(day));
        let since = meets_criteria_since(&assessments, as_of);
        let comparison = compare(&assessments, as_of);
        let later: Vec<AssessmentFacts> = later
            .into_iter()
            .map(|mut a| { a.date = as_of + chrono::Days::new(1 + u64::from(chrono::Datelike::ordinal(&a.date))); a })
            .collect();
        let mut more = assessments.clone();
        more.extend(later);
        prop_assert_eq!(meets_criteria_since(&more, as_of), since);
        prop_assert_eq!(&compare(&more, as_of), &comparison);
        assessments.reverse();
        prop_assert_eq!(meets_criteria_since(&assessments, as_of), since);
        if let Some(since) = since {
            prop_assert!(since <= as_of);
            prop_assert_eq!(meets_criteria_since(&assessments, since), Some(since));
            let unmet = comparison.rows.iter().flat_map(|r| r.cells.iter().flatten())
                .any(|c| c.rating == Rating::DoesNotMeet);
            prop_assert!(!unmet, "stage 7 with a criterion found unmet");
        }
        for row in &comparison.rows {
            let mut judged: Vec<Rating> = row.cells.iter().flatten()
                .map(|c| c.rating).filter(|r| r.is_known()).collect();
            judged.dedup();
            judged.sort();
            judged.dedup();
            prop_assert_eq!(row.disagreement, judged.len() > 1);
        }
    }

    #[test]
    fn the_npm_never_moves_a_state_that_is_not_a_party(
        assessments in prop::collection::vec(any_assessment(), 0..6),
        day in 0u32..3000,
    ) {
        let as_of = d("2015-01-01") + chrono::Days::new(u64::from(day));
        let profiles = [profile(Some("2015-01-01"), &[(2015, None)])];
        let opcat = npm_events(fra(), &profiles, &assessments, as_of);
        let stage = opcat::derive(&[], &opcat, as_of).stage;
        prop_assert_eq!(stage, Stage::NotCatParty);
    }
}
