//! Demo data: a realistic coalition on top of the real treaty data, made up
//! from a seed and nothing else, so the same seed gives the same records.
//! Pure: the states' OPCAT stages come in, records come out; the command
//! line writes them. Every name and description says it is demo data.
//!
//! Actions are drawn one by one from (seed, number), so any range of them
//! can be made without the others: a million are written in chunks, in
//! bounded memory, and are the same however they are chunked.

mod actions;
mod cast;
pub mod consultations;
pub mod npm;
mod playbook;
pub mod recommendations;

use chrono::NaiveDate;
use entente_core::access::{Role, Visibility};
use entente_core::coordination::Playbook;
use entente_core::opcat;
use entente_core::{Iso3, RegionalGroup, Stage, State, TreatyEvent, TreatyId};
use fastrand::Rng;

pub use cast::DemoOrganisation;

use crate::plan::ActionRecord;

/// How many actions `entente demo` makes without `--scale`.
pub const DEFAULT_ACTIONS: u64 = 300;

/// A state as the demo sees it: its names and where it stands under OPCAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoState {
    pub iso3: Iso3,
    /// The English short name.
    pub name: String,
    pub name_fr: String,
    pub name_es: String,
    pub group: Option<RegionalGroup>,
    pub stage: Stage,
    /// A party whose NPM is past its Art. 17 (or Art. 24) due date.
    pub npm_overdue: bool,
}

/// A person of the demo, with a role in an organisation (none: the site
/// admin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoUser {
    pub email: String,
    pub name: String,
    /// The organisation's short name.
    pub org: Option<String>,
    pub role: Role,
}

/// An alliance of the demo, its organisations named by short name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAlliance {
    pub name: String,
    pub purpose: String,
    pub owner: String,
    /// Members besides the owner.
    pub members: Vec<String>,
    pub visibility: Visibility,
    pub states: Vec<Iso3>,
    pub regions: Vec<RegionalGroup>,
}

/// The UN member states' OPCAT stages on `as_of`, from the CAT and OPCAT
/// events, sorted by ISO code.
pub fn demo_states(states: &[State], events: &[TreatyEvent], as_of: NaiveDate) -> Vec<DemoState> {
    let (cat, opcat_id) = (TreatyId::cat(), TreatyId::opcat());
    let mut out: Vec<DemoState> = states
        .iter()
        .filter(|s| s.un_member)
        .map(|s| {
            let of = |treaty: &TreatyId| -> Vec<&TreatyEvent> {
                events
                    .iter()
                    .filter(|e| e.state == s.iso3 && &e.treaty == treaty)
                    .collect()
            };
            let status = opcat::derive(of(&cat), of(&opcat_id), as_of);
            DemoState {
                iso3: s.iso3,
                name: s.names.en.clone(),
                name_fr: s.names.fr.clone(),
                name_es: s.names.es.clone(),
                group: s.regional_group,
                stage: status.stage,
                npm_overdue: status.npm_overdue,
            }
        })
        .collect();
    out.sort_by_key(|s| s.iso3);
    out
}

/// The demo's organisations, people and alliances, and the states its
/// actions are about.
#[derive(Debug, Clone, PartialEq)]
pub struct Coalition {
    pub seed: u64,
    /// The day the actions are planned around: the data's as-of day.
    pub today: NaiveDate,
    pub organisations: Vec<DemoOrganisation>,
    pub users: Vec<DemoUser>,
    pub alliances: Vec<DemoAlliance>,
    /// The states the coalition works on, each with a play; the others
    /// get no action.
    pub(crate) campaign: Vec<DemoState>,
    /// What each stage calls for: the core's default playbook.
    pub(crate) playbook: Playbook,
}

impl Coalition {
    /// The coalition for `seed` over the states' stages on `today`.
    pub fn new(seed: u64, states: &[DemoState], today: NaiveDate) -> Coalition {
        let mut rng = Rng::with_seed(seed);
        let book = Playbook::default();
        let eligible: Vec<&DemoState> = states
            .iter()
            .filter(|s| playbook::play(&book, s.stage, s.npm_overdue).is_some())
            .collect();
        let organisations = cast::organisations(&mut rng, &eligible);
        // About two in three eligible states are campaigned on (all those a
        // national member works in): the rest show as gaps.
        let campaign: Vec<DemoState> = eligible
            .iter()
            .filter(|s| {
                let member_state = organisations.iter().any(|o| o.state == Some(s.iso3));
                let drawn = rng.u8(..3) > 0;
                member_state || drawn
            })
            .map(|s| (*s).clone())
            .collect();
        let users = cast::users(&organisations);
        let in_campaign: Vec<&DemoState> = campaign.iter().collect();
        let alliances = cast::alliances(&organisations, &in_campaign);
        Coalition {
            seed,
            today,
            organisations,
            users,
            alliances,
            campaign,
            playbook: book,
        }
    }

    /// The states the coalition works on; the others get no action.
    pub fn campaign(&self) -> &[DemoState] {
        &self.campaign
    }

    /// Action number `index` (from 0): the same for the same seed, states
    /// and index, whatever else is drawn.
    pub fn action(&self, index: u64) -> ActionRecord {
        actions::action(self, index)
    }

    /// Actions `from` to `to` (excluded), in order.
    pub fn actions(&self, from: u64, to: u64) -> Vec<ActionRecord> {
        (from..to).map(|i| self.action(i)).collect()
    }

    /// The alliances `org` (a short name) is in, as owner or member.
    pub(crate) fn alliances_of(&self, org: &str) -> Vec<&DemoAlliance> {
        self.alliances
            .iter()
            .filter(|a| a.owner == org || a.members.iter().any(|m| m == org))
            .collect()
    }
}

/// A generator for one action, independent of every other action's.
pub(crate) fn rng_for(seed: u64, index: u64) -> Rng {
    // SplitMix64's finaliser: neighbouring indexes give unrelated seeds.
    let mut z = seed ^ index.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    Rng::with_seed(z ^ (z >> 31))
}

#[cfg(test)]
mod tests;
