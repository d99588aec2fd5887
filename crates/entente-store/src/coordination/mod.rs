//! The coordination engine over the stored plan: the rules of
//! `entente_core::coordination` fed with what a scope may see. A private
//! action of another organisation never reaches the rules for a reader who
//! may not read it, so no finding can reveal it.

mod columns;
mod joint;
mod load;
mod requests;
mod signals;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_core::coordination::{
    self, Deadline, Gap, GapSettings, OverlapSettings, Overlaps, PartnerSuggestion, Place,
    PlannedAction, Playbook, Profiles, StateAtStage,
};
use entente_core::plan::{ActionId, Phase};
use entente_core::{Iso3, RegionalGroup};

use load::Places;

pub(crate) use joint::SHARED_PROPOSALS;
pub use joint::{JointProposal, JointWording, ProposalStatus};
pub use requests::{
    Answer, CONTACT_MAX, MESSAGE_MAX, NewContactRequest, ReceivedRequest, RequestMail,
    RequestNotice, RequestStatus, Requester, SentRequest,
};
pub use signals::ActionSignal;
pub(crate) use signals::{emit_by_default, emit_imported, emits, set_emits};

use crate::{Recommendation, Store, StoreError};

/// Which part of the plan an analysis looks at. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoordinationFilter {
    /// Actions led by or partnered with a member of this alliance; nothing
    /// when the reader may not see the alliance.
    pub alliance: Option<AllianceId>,
    /// States of this UN regional group.
    pub region: Option<RegionalGroup>,
    /// These states.
    pub states: Vec<Iso3>,
    pub phase: Option<Phase>,
}

/// What a finding shows of an action it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionLabel {
    pub title: String,
    pub lead: OrgId,
}

/// The findings of one analysis of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub overlaps: Overlaps,
    /// Most urgent first.
    pub gaps: Vec<Gap>,
    /// By date.
    pub deadlines: Vec<Deadline>,
    /// The partners asked for, best first; `None` when none were asked,
    /// `Some(None)` when the scope may not read the organisation.
    pub partners: Option<Option<Vec<PartnerSuggestion>>>,
}

/// The findings of an analysis beside its overlaps.
type GapsDeadlinesPartners = (
    Vec<Gap>,
    Vec<Deadline>,
    Option<Option<Vec<PartnerSuggestion>>>,
);

/// Everything the rules read, as one scope may see it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoordinationInputs {
    /// The open actions (not done or cancelled) the filter keeps, each with
    /// only the filter's states when it names states or a region.
    pub actions: Vec<PlannedAction>,
    /// The profiles of the directory entries the scope reads.
    pub profiles: Profiles,
    /// The members of the alliances the scope reads.
    pub alliances: BTreeMap<AllianceId, BTreeSet<OrgId>>,
    /// The filter's states (all by default) on the day of the analysis.
    pub states: Vec<StateAtStage>,
    /// Each state's UN regional group.
    pub groups: BTreeMap<Iso3, RegionalGroup>,
}

impl Store {
    /// What the rules need to analyse the plan `scope` may see, narrowed by
    /// `filter`, with the states as they stood on `as_of`.
    pub fn coordination_inputs(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        as_of: NaiveDate,
    ) -> Result<CoordinationInputs, StoreError> {
        let (places, actions) = self.visible_plan(scope, filter)?;
        Ok(CoordinationInputs {
            actions,
            profiles: load::profiles(self, scope)?,
            alliances: load::memberships(self, scope)?,
            states: load::standings(self, scope, &places.wanted, as_of)?,
            groups: places.groups,
        })
    }

    /// The overlaps among the actions `scope` may see that `filter` keeps,
    /// best first.
    pub fn overlaps(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        settings: OverlapSettings,
    ) -> Result<Overlaps, StoreError> {
        let (_, actions) = self.visible_plan(scope, filter)?;
        let profiles = load::profiles(self, scope)?;
        Ok(coordination::overlaps(&actions, &profiles, settings))
    }

    /// The gaps of the filter's states on `as_of` against the default
    /// playbook, given the actions `scope` may see, most urgent first.
    pub fn gaps(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        as_of: NaiveDate,
        settings: GapSettings,
    ) -> Result<Vec<Gap>, StoreError> {
        let inputs = self.coordination_inputs(scope, filter, as_of)?;
        Ok(coordination::gaps(
            &inputs.states,
            &inputs.actions,
            &inputs.profiles,
            &Playbook::default(),
            as_of,
            settings,
        ))
    }

    /// The open recommendations `scope` may read on the filter's states
    /// that no action it may see pushes, by state then number: only the
    /// actions of the filter's phase and alliance count (none when it names
    /// an alliance `scope` may not read).
    pub fn unpushed_recommendations(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
    ) -> Result<Vec<Recommendation>, StoreError> {
        let hidden_alliance = match filter.alliance {
            Some(alliance) => self.alliance(scope, alliance)?.is_none(),
            None => false,
        };
        let places = Places::load(&mut *self.connection()?, filter)?;
        let states = if Places::narrowed(filter) {
            if places.wanted.is_empty() {
                return Ok(Vec::new());
            }
            places.wanted
        } else {
            Vec::new()
        };
        self.unpushed_among(scope, &states, |query| {
            (!hidden_alliance).then(|| load::narrowed_to(query, filter))
        })
    }

    /// The partners `org` could seek at `place`, among the organisations
    /// and actions `scope` may see, best first; `None` when `scope` may not
    /// read `org`'s directory entry.
    pub fn partners(
        &self,
        scope: &AccessScope,
        org: OrgId,
        place: Place,
    ) -> Result<Option<Vec<PartnerSuggestion>>, StoreError> {
        let filter = match place {
            Place::State(state) => CoordinationFilter {
                states: vec![state],
                ..CoordinationFilter::default()
            },
            Place::Region(region) => CoordinationFilter {
                region: Some(region),
                ..CoordinationFilter::default()
            },
        };
        let (places, actions) = self.visible_plan(scope, &filter)?;
        let profiles = load::profiles(self, scope)?;
        let Some(profile) = profiles.get(&org) else {
            return Ok(None);
        };
        let alliances = load::memberships(self, scope)?;
        Ok(Some(coordination::partners(
            profile,
            place,
            &actions,
            &profiles,
            &alliances,
            &places.groups,
        )))
    }

    /// The deadlines of the filter's states and of the open actions `scope`
    /// may see, as of `as_of`, by date.
    pub fn deadlines(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        as_of: NaiveDate,
    ) -> Result<Vec<Deadline>, StoreError> {
        let (places, actions) = self.visible_plan(scope, filter)?;
        let states = load::standings(self, scope, &places.wanted, as_of)?;
        self.all_deadlines(scope, filter, &states, &actions, as_of)
    }

    /// The four findings from one read of the plan `scope` may see, narrowed
    /// by `filter`: the overlaps, the gaps and the deadlines as
    /// [`Store::overlaps`], [`Store::gaps`] and [`Store::deadlines`] find
    /// them, and, when asked, the partners as [`Store::partners`] finds
    /// them (from the same read when the filter keeps the whole plan).
    pub fn analysis(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        as_of: NaiveDate,
        overlap_settings: OverlapSettings,
        partners_of: Option<(OrgId, Place)>,
    ) -> Result<Analysis, StoreError> {
        let inputs = self.coordination_inputs(scope, filter, as_of)?;
        // The overlaps on a thread of their own, the rest beside them.
        let (overlaps, rest) = std::thread::scope(|threads| {
            let overlaps = threads.spawn(|| {
                coordination::overlaps(&inputs.actions, &inputs.profiles, overlap_settings)
            });
            let rest = self.gaps_deadlines_partners(scope, filter, as_of, &inputs, partners_of);
            let overlaps = overlaps
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (overlaps, rest)
        });
        let (gaps, deadlines, partners) = rest?;
        Ok(Analysis {
            overlaps,
            gaps,
            deadlines,
            partners,
        })
    }

    /// The gaps, the deadlines and, when asked, the partners of
    /// [`Store::analysis`], from its read of the plan.
    fn gaps_deadlines_partners(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        as_of: NaiveDate,
        inputs: &CoordinationInputs,
        partners_of: Option<(OrgId, Place)>,
    ) -> Result<GapsDeadlinesPartners, StoreError> {
        let gaps = coordination::gaps(
            &inputs.states,
            &inputs.actions,
            &inputs.profiles,
            &Playbook::default(),
            as_of,
            GapSettings::default(),
        );
        let deadlines =
            self.all_deadlines(scope, filter, &inputs.states, &inputs.actions, as_of)?;
        let partners = match partners_of {
            None => None,
            // The read kept every visible action with all its states: the
            // same as the partners' own read of the place.
            Some((org, place)) if *filter == CoordinationFilter::default() => {
                Some(inputs.profiles.get(&org).map(|profile| {
                    coordination::partners(
                        profile,
                        place,
                        &inputs.actions,
                        &inputs.profiles,
                        &inputs.alliances,
                        &inputs.groups,
                    )
                }))
            }
            Some((org, place)) => Some(self.partners(scope, org, place)?),
        };
        Ok((gaps, deadlines, partners))
    }

    /// The deadlines of `states` and `actions`, and the SPT's follow-up of
    /// the visits `scope` may see in those states unless the filter keeps
    /// only ratification, by date.
    fn all_deadlines(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
        states: &[StateAtStage],
        actions: &[PlannedAction],
        as_of: NaiveDate,
    ) -> Result<Vec<Deadline>, StoreError> {
        let mut found = coordination::deadlines(states, actions, as_of);
        // The SPT's follow-up belongs to implementation: none in a ratification-only view.
        if filter.phase != Some(entente_core::plan::Phase::Ratification) {
            let visits: Vec<coordination::SptFollowUp> = self
                .spt_visits_awaiting_reply(scope, as_of)?
                .into_iter()
                .filter(|v| states.iter().any(|s| s.state == v.content.state))
                .filter_map(|v| {
                    Some(coordination::SptFollowUp {
                        visit: v.id,
                        state: v.content.state,
                        report_sent_on: v.content.report_sent_on?,
                        reply_received_on: v.content.reply_received_on,
                    })
                })
                .collect();
            found.extend(coordination::spt_reply_deadlines(&visits, as_of));
            found.sort_by_key(|d| (d.date, d.kind, d.state, d.action));
        }
        Ok(found)
    }

    /// The title and lead of each of `ids` that `scope` may read, for
    /// showing the actions findings name: one query per ten thousand.
    pub fn action_labels(
        &self,
        scope: &AccessScope,
        ids: &[ActionId],
    ) -> Result<BTreeMap<ActionId, ActionLabel>, StoreError> {
        load::labels(&mut *self.connection()?, scope, ids)
    }

    /// The filter's places, and the open actions `scope` may see that
    /// `filter` keeps: none when it names an alliance `scope` may not read.
    fn visible_plan(
        &self,
        scope: &AccessScope,
        filter: &CoordinationFilter,
    ) -> Result<(Places, Vec<PlannedAction>), StoreError> {
        let hidden_alliance = match filter.alliance {
            Some(alliance) => self.alliance(scope, alliance)?.is_none(),
            None => false,
        };
        let mut conn = self.connection()?;
        let places = Places::load(&mut conn, filter)?;
        if hidden_alliance {
            return Ok((places, Vec::new()));
        }
        let actions = load::planned_actions(self, &mut conn, scope, filter, &places)?;
        Ok((places, actions))
    }
}
