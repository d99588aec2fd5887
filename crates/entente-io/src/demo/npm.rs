//! Demo NPM profiles and assessments for some of the coalition's states
//! that have designated their NPM: several viewpoints that disagree on
//! some criteria, one state whose independent assessment finds every
//! criterion met (stage 7), one private civil-society assessment. Every
//! body and assessor name says "(demo)" and every text "Demo data", so
//! they are never taken for facts about the real mechanisms.

use chrono::{Datelike, Days, NaiveDate};
use entente_core::Stage;
use entente_core::access::{OrgId, Visibility};
use entente_core::monitoring::{
    AnnualReport, AssessmentDraft, Criterion, CriterionRating, NpmBody, NpmModel, ProfileDraft,
    Rating, Viewpoint,
};
use entente_core::plan::Level;
use fastrand::Rng;

use super::{Coalition, DemoState};

/// How many states get an NPM profile.
const STATES: usize = 6;

/// A demo record and the short name of the organisation that owns it; the
/// drafts name `OrgId(0)` until the caller sets the stored owner.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoNpm {
    pub owner: String,
    pub profile: ProfileDraft,
    /// Each with its owner's short name.
    pub assessments: Vec<(String, AssessmentDraft)>,
}

impl Coalition {
    /// The demo's NPM records: the same for the same seed and states.
    pub fn npm_records(&self) -> Vec<DemoNpm> {
        let mut rng = Rng::with_seed(self.seed ^ 0x6e70_6d00);
        let designated: Vec<&DemoState> = self
            .campaign
            .iter()
            .filter(|s| s.stage >= Stage::NpmDesignated)
            .take(STATES)
            .collect();
        designated
            .iter()
            .enumerate()
            .filter_map(|(n, state)| self.npm_of(&mut rng, state, n == 0))
            .collect()
    }

    fn npm_of(&self, rng: &mut Rng, state: &DemoState, meets: bool) -> Option<DemoNpm> {
        let international = self
            .organisations
            .iter()
            .find(|o| o.record.level == Level::International)?;
        let national = self
            .organisations
            .iter()
            .find(|o| o.state == Some(state.iso3))
            .unwrap_or(international);
        let model = NpmModel::ALL[rng.usize(..NpmModel::ALL.len())];
        let started = self.today.year() - rng.i32(3..10);
        let reports: Vec<AnnualReport> = (started..self.today.year() - 1)
            .filter(|_| rng.bool())
            .map(|year| AnnualReport {
                year,
                url: format!("https://example.org/demo/npm/{}/{year}", state.iso3),
                title: format!("Annual report {year} (demo)"),
                published: None,
            })
            .collect();
        let profile = ProfileDraft {
            state: state.iso3,
            owner: OrgId(0),
            visibility: Visibility::Public,
            shared_with: Vec::new(),
            bodies: vec![NpmBody {
                name: format!("National Preventive Mechanism of {} (demo)", state.name),
                role: "Demo data: the designated body".to_owned(),
            }],
            model,
            legal_basis: "Demo data: no real law is cited".to_owned(),
            law_date: None,
            designation_date: None,
            operation_start: NaiveDate::from_ymd_opt(started, 1 + rng.u32(0..12), 1),
            website: Some(format!("https://example.org/demo/npm/{}", state.iso3)),
            staff: Some(rng.u32(4..60)),
            budget: None,
            notes: "Demo data, made up by the entente demo command.".to_owned(),
            annual_reports: reports,
        };
        let day = |rng: &mut Rng| self.today - Days::new(rng.u64(30..900));
        let mut assessments = vec![
            (
                international.record.short_name.clone(),
                assessment(
                    state,
                    Viewpoint::Spt,
                    day(rng),
                    meets,
                    rng,
                    Visibility::Public,
                ),
            ),
            (
                national.record.short_name.clone(),
                assessment(
                    state,
                    Viewpoint::State,
                    day(rng),
                    true,
                    rng,
                    Visibility::Public,
                ),
            ),
        ];
        if !meets {
            let visibility = if rng.bool() {
                Visibility::Public
            } else {
                Visibility::Private
            };
            assessments.push((
                national.record.short_name.clone(),
                assessment(
                    state,
                    Viewpoint::CivilSociety,
                    day(rng),
                    false,
                    rng,
                    visibility,
                ),
            ));
        }
        Some(DemoNpm {
            owner: international.record.short_name.clone(),
            profile,
            assessments,
        })
    }
}

/// An assessment from `viewpoint`: every criterion met when `favourable`,
/// otherwise a mix in which some criteria are found unmet.
fn assessment(
    state: &DemoState,
    viewpoint: Viewpoint,
    date: NaiveDate,
    favourable: bool,
    rng: &mut Rng,
    visibility: Visibility,
) -> AssessmentDraft {
    let ratings = Criterion::ALL
        .iter()
        .map(|criterion| {
            let rating = if favourable {
                Rating::Meets
            } else {
                [Rating::Meets, Rating::Partly, Rating::DoesNotMeet][rng.usize(..3)]
            };
            CriterionRating {
                criterion: *criterion,
                rating,
                evidence: "Demo data: made-up evidence for this criterion.".to_owned(),
            }
        })
        .collect();
    AssessmentDraft {
        state: state.iso3,
        profile: None,
        viewpoint,
        assessor: format!(
            "{} assessment of {} (demo)",
            viewpoint_name(viewpoint),
            state.name
        ),
        date,
        source: "Demo data".to_owned(),
        owner: OrgId(0),
        visibility,
        shared_with: Vec::new(),
        ratings,
    }
}

fn viewpoint_name(viewpoint: Viewpoint) -> &'static str {
    match viewpoint {
        Viewpoint::State => "Government",
        Viewpoint::Npm => "NPM self",
        Viewpoint::CivilSociety => "Civil-society",
        Viewpoint::Spt => "SPT",
    }
}

#[cfg(test)]
mod tests {
    use super::super::demo_states;
    use super::*;
    use crate::dataset;

    #[test]
    fn demo_npm_records_are_valid_labelled_and_disagree() {
        let data = dataset::shipped().unwrap();
        let states = demo_states(&data.states, &data.events, data.as_of);
        let coalition = Coalition::new(1, &states, data.as_of);
        let records = coalition.npm_records();
        assert!(!records.is_empty());
        assert_eq!(
            records,
            Coalition::new(1, &states, data.as_of).npm_records()
        );
        for record in &records {
            assert_eq!(record.profile.validate(), Ok(()));
            assert!(record.profile.bodies[0].name.contains("(demo)"));
            for (_, a) in &record.assessments {
                assert_eq!(a.validate(), Ok(()));
                assert!(a.assessor.contains("(demo)"));
            }
        }
        assert!(records.iter().any(|r| r.assessments.len() == 3));
    }
}
