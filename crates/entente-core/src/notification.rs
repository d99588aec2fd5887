//! What a member is told of: the coordination findings that concern the
//! organisations they belong to (overlaps with their actions, gaps in the
//! states they work in, deadlines of those states and of their actions),
//! each with a key that names it, so that a finding is new to a member once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::OrgId;
use crate::coordination::{
    self, Deadline, DeadlineKind, Gap, GapKind, GapSettings, Overlap, OverlapSettings,
    PlannedAction, Playbook, Profiles, StateAtStage,
};
use crate::event::Art24Part;
use crate::plan::ActionId;
use crate::{Iso3, RegionalGroup};

/// One finding brought to a member's notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum Finding {
    Overlap(Overlap),
    Gap(Gap),
    Deadline(Deadline),
}

/// The three kinds of finding, as stored and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Overlap,
    Gap,
    Deadline,
}

impl FindingKind {
    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Overlap => "overlap",
            FindingKind::Gap => "gap",
            FindingKind::Deadline => "deadline",
        }
    }
}

impl Finding {
    pub fn kind(&self) -> FindingKind {
        match self {
            Finding::Overlap(_) => FindingKind::Overlap,
            Finding::Gap(_) => FindingKind::Gap,
            Finding::Deadline(_) => FindingKind::Deadline,
        }
    }

    /// What names the finding for good: the same overlap, gap or deadline
    /// found again tomorrow has the same key, and a deadline moved to
    /// another day is a new one.
    pub fn key(&self) -> String {
        match self {
            Finding::Overlap(o) => format!("overlap:{}:{}", o.first, o.second),
            Finding::Gap(g) => format!("gap:{}:{}", g.state, gap_kind_key(&g.kind)),
            Finding::Deadline(d) => {
                let kind = match d.kind {
                    DeadlineKind::NpmDue => "npm_due".to_owned(),
                    DeadlineKind::PostponementEnd { part } => match part {
                        Art24Part::PartIii => "postponement_end_part_iii".to_owned(),
                        Art24Part::PartIv => "postponement_end_part_iv".to_owned(),
                    },
                    DeadlineKind::ActionDue => "action_due".to_owned(),
                    DeadlineKind::SptReplyDue { visit } => format!("spt_reply_due_{visit}"),
                };
                let action = d.action.map_or_else(|| "-".to_owned(), |a| a.to_string());
                format!("deadline:{}:{kind}:{action}:{}", d.state, d.date)
            }
        }
    }

    /// The actions the finding names, which a reader must still be allowed
    /// to read for it to be shown.
    pub fn actions(&self) -> Vec<ActionId> {
        match self {
            Finding::Overlap(o) => vec![o.first, o.second],
            Finding::Gap(_) => Vec::new(),
            Finding::Deadline(d) => d.action.into_iter().collect(),
        }
    }
}

fn gap_kind_key(kind: &GapKind) -> String {
    match kind {
        GapKind::MissingAction { action_type } => format!("missing_action:{action_type}"),
        GapKind::UntouchedAudience { audience } => format!("untouched_audience:{audience}"),
        GapKind::NoNationalPartner => "no_national_partner".to_owned(),
        GapKind::NoInternationalLeverage => "no_international_leverage".to_owned(),
        GapKind::OneSectorOnly { sector } => format!("one_sector_only:{sector}"),
    }
}

/// What the rules read to find what concerns a member, as the member's
/// scope sees it.
#[derive(Debug, Clone, Copy)]
pub struct Plan<'a> {
    /// The open actions the member may see.
    pub actions: &'a [PlannedAction],
    pub profiles: &'a Profiles,
    /// Every state as of the day of the analysis.
    pub states: &'a [StateAtStage],
    /// Each state's UN regional group.
    pub groups: &'a BTreeMap<Iso3, RegionalGroup>,
}

/// The states `orgs` work in: those of their directory profiles, the
/// states of the regional groups the profiles name, and the states of the
/// actions they lead or take part in.
pub fn states_of(orgs: &BTreeSet<OrgId>, plan: Plan<'_>) -> BTreeSet<Iso3> {
    let mut states = BTreeSet::new();
    let mut regions = BTreeSet::new();
    for org in orgs {
        if let Some(profile) = plan.profiles.get(org) {
            states.extend(profile.states.iter().copied());
            regions.extend(profile.regions.iter().copied());
        }
    }
    states.extend(
        plan.groups
            .iter()
            .filter(|(_, group)| regions.contains(*group))
            .map(|(state, _)| *state),
    );
    for action in plan.actions.iter().filter(|a| involves(a, orgs)) {
        states.extend(action.states.iter().copied());
    }
    states
}

fn involves(action: &PlannedAction, orgs: &BTreeSet<OrgId>) -> bool {
    action.organisations().any(|org| orgs.contains(&org))
}

/// How many overlaps of each organisation, and how many deadlines of the
/// member's own actions, one look keeps: the best ranked and the nearest.
/// A coalition of a million actions has millions of overlaps and a
/// deadline a day for each member; nobody reads past the first screens,
/// and what is left out comes up in a later look once it ranks or falls
/// due among the first.
pub const KEPT_PER_LOOK: usize = 200;

/// Everything that concerns a member of `orgs` as of `as_of`: the
/// overlaps of their organisations' actions with others' (within
/// `window_days`; the [`KEPT_PER_LOOK`] best ranked of each
/// organisation), the gaps of the states they work in against
/// `playbook`, the deadlines of those states and those of their own open
/// actions that fall within `window_days` before or after `as_of` (the
/// [`KEPT_PER_LOOK`] nearest). Overlaps first (best ranked first), then
/// gaps (most urgent first), then deadlines (by date).
pub fn concerning(
    orgs: &BTreeSet<OrgId>,
    plan: Plan<'_>,
    playbook: &Playbook,
    as_of: NaiveDate,
    window_days: u32,
) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut pairs = BTreeSet::new();
    for org in orgs {
        let settings = OverlapSettings {
            window_days,
            limit: Some(KEPT_PER_LOOK),
            involving: Some(*org),
        };
        for overlap in coordination::overlaps(plan.actions, plan.profiles, settings).ranked {
            if pairs.insert((overlap.first, overlap.second)) {
                found.push(Finding::Overlap(overlap));
            }
        }
    }
    let worked_in = states_of(orgs, plan);
    let states: Vec<StateAtStage> = plan
        .states
        .iter()
        .filter(|s| worked_in.contains(&s.state))
        .cloned()
        .collect();
    found.extend(
        coordination::gaps(
            &states,
            plan.actions,
            plan.profiles,
            playbook,
            as_of,
            GapSettings::default(),
        )
        .into_iter()
        .map(Finding::Gap),
    );
    let window = chrono::Days::new(u64::from(window_days));
    let from = as_of.checked_sub_days(window).unwrap_or(NaiveDate::MIN);
    let to = as_of.checked_add_days(window).unwrap_or(NaiveDate::MAX);
    let mut own: Vec<PlannedAction> = plan
        .actions
        .iter()
        .filter(|a| a.due.is_some_and(|due| from <= due && due <= to) && involves(a, orgs))
        .cloned()
        .collect();
    // The nearest to `as_of` are kept; `deadlines` orders them by date.
    own.sort_unstable_by_key(|a| (a.due.map(|due| due.abs_diff(as_of)), a.id));
    own.truncate(KEPT_PER_LOOK);
    found.extend(
        coordination::deadlines(&states, &own, as_of)
            .into_iter()
            .map(Finding::Deadline),
    );
    found
}

#[cfg(test)]
mod tests;

/// How often a member wants the digest of what is new by e-mail.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digest {
    /// No e-mail: the in-app list only.
    #[default]
    Off,
    Daily,
    Weekly,
}

impl Digest {
    pub const ALL: [Digest; 3] = [Digest::Off, Digest::Daily, Digest::Weekly];

    pub fn code(self) -> &'static str {
        match self {
            Digest::Off => "off",
            Digest::Daily => "daily",
            Digest::Weekly => "weekly",
        }
    }

    pub fn parse(code: &str) -> Option<Digest> {
        Digest::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The period a digest sent on `day` covers, named so that every server
    /// names it alike: the day (`2027-03-01`) or the ISO week (`2027-W09`).
    /// `None` when the digest is off.
    pub fn period(self, day: NaiveDate) -> Option<String> {
        use chrono::Datelike;
        match self {
            Digest::Off => None,
            Digest::Daily => Some(day.to_string()),
            Digest::Weekly => {
                let week = day.iso_week();
                Some(format!("{}-W{:02}", week.year(), week.week()))
            }
        }
    }
}
