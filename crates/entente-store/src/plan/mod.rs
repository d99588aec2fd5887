//! The coalition's shared plan: campaign actions and the catalogue of
//! their kinds. Every read takes an [`AccessScope`] and filters in SQL (a
//! hidden action answers exactly like a missing one); every write checks
//! the rules of [`ActionDraft::validate`] and those that need the
//! database, then writes the action, its parts, its status history and an
//! audit entry in one transaction.
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod catalogue;
mod import;
mod mappings;
pub(crate) mod part_codes;
mod read;
mod references;
pub(crate) mod rows;
pub(crate) mod scope;
mod state_rows;
pub(crate) mod write;

use chrono::{NaiveDate, NaiveDateTime};
use entente_core::access::{AllianceId, OrgId, UserId};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Level, Phase};
use entente_core::{Iso3, RegionalGroup};

use crate::connection::Backend;

pub(crate) use catalogue::sync_builtin_action_types;

/// A stored action: its content, as written, and what the store adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: ActionId,
    pub content: ActionDraft,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

/// One step of an action's status history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub status: ActionStatus,
    /// UTC.
    pub at: NaiveDateTime,
    pub by: Option<UserId>,
}

/// Which actions a list holds. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFilter {
    /// Actions targeting any of these states.
    pub states: Vec<Iso3>,
    /// Actions targeting at least one state of this UN regional group.
    pub region: Option<RegionalGroup>,
    pub action_type: Option<String>,
    pub phase: Option<Phase>,
    pub level: Option<Level>,
    pub status: Option<ActionStatus>,
    /// Actions this organisation leads or takes part in.
    pub org: Option<OrgId>,
    /// Actions shared with this alliance.
    pub alliance: Option<AllianceId>,
    /// Actions whose dates reach this day or later: the end, or else the
    /// start, or else the due date.
    pub from: Option<NaiveDate>,
    /// Actions whose dates begin on this day or earlier: the start, or
    /// else the due date.
    pub to: Option<NaiveDate>,
}

impl ActionFilter {
    /// Whether the list is read from the state rows of `action_states`,
    /// which carry what it needs (migration
    /// `2026-12-23-000000_action_state_listings`): the filter names states
    /// or a region (not both), and else at most a status, a type, a phase,
    /// a level and dates: not an organisation or an alliance.
    ///
    /// Through the actions' rows, at a million actions, Malawi's 9,467
    /// took 30 to 45 ms on either backend, with a phase 37 to 41, its first
    /// quarter of 2027 26 to 50; on SQLite the African group took about
    /// 400 ms, two states 59 to 71.
    /// PostgreSQL reads a page of several
    /// states' rows by sorting all their matches (its index gives each
    /// state's in order, not their merge): for two states, 10 ms where the
    /// walk of the list's order took 143 to 148; for the five with the most
    /// actions, 26 ms; for the African group's half million rows, 160 ms
    /// where the walk takes 38 to 48. So on PostgreSQL a region, or more
    /// than [`STATE_ROWS_MAX_STATES`] states, keeps the walk.
    pub(crate) fn state_rows(&self, backend: Backend) -> bool {
        let ActionFilter {
            states,
            region,
            action_type: _,
            phase: _,
            level: _,
            status: _,
            org,
            alliance,
            from: _,
            to: _,
        } = self;
        let only = org.is_none() && alliance.is_none();
        let places = match (states.len(), region) {
            (1, None) => true,
            (2..=STATE_ROWS_MAX_STATES, None) => true,
            (0, Some(_)) | (2.., None) => backend == Backend::Sqlite,
            _ => false,
        };
        only && places
    }

    /// Whether the filter finds its matches through a part table (the
    /// actions' states, the states of a region, an organisation's
    /// partnerships, an alliance's shares) rather than along the list's
    /// order. Such matches come out of that order. On PostgreSQL the page
    /// among them is then cut from the counted matches, sorted by their
    /// dates, rather than found by walking the order until enough match:
    /// 124 to 145 ms for a state's 9,467 actions among a million, 31 to 37
    /// cut from the count. SQLite's walk costs less than decoding the
    /// dates (its dates are text), so it keeps the walk. The other lists
    /// count ids alone: decoding ten thousand dates for a count that stops
    /// at the cap costs 2 to 3 ms for nothing.
    pub(crate) fn finds_through_parts(&self) -> bool {
        !self.states.is_empty()
            || self.region.is_some()
            || self.org.is_some()
            || self.alliance.is_some()
    }
}

/// The most states of a list that PostgreSQL reads from the states' rows
/// (see [`ActionFilter::state_rows`]).
const STATE_ROWS_MAX_STATES: usize = 5;

/// Which slice of a list to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// At most [`PageRequest::MAX_LIMIT`].
    pub limit: u32,
    pub offset: u64,
}

impl PageRequest {
    pub const MAX_LIMIT: u32 = 500;
    pub const DEFAULT_LIMIT: u32 = 50;

    /// How far a total is counted: past this many matches (or past the
    /// end of the page asked for, when that is further), a list or a
    /// search says "more than" instead of counting on. An exact count
    /// reads every matching entry, which at a million actions is a tenth
    /// of a second or more; nobody pages through ten thousand actions.
    pub const COUNTED: u64 = 10_000;

    /// Everything, for exports and calendars: they stream what the scope
    /// may see without a page size.
    pub const ALL: PageRequest = PageRequest {
        limit: u32::MAX,
        offset: 0,
    };
}

impl PageRequest {
    /// How many matches to count for this page, counting up to `counted`:
    /// one more than `counted` or than the end of the page, so that the
    /// count tells "more than" from "exactly", and whether anything
    /// follows the page.
    pub(crate) fn count_limit(self, counted: u64) -> i64 {
        let end = self
            .offset
            .saturating_add(u64::from(self.limit.min(Self::MAX_LIMIT)));
        i64::try_from(end.max(counted).saturating_add(1)).unwrap_or(i64::MAX)
    }

    /// The total from a count made with [`PageRequest::count_limit`]
    /// rows at most: the count, or the limit less one and "more than".
    pub(crate) fn total(self, counted_to: u64, counted: usize) -> (u64, bool) {
        let counted = u64::try_from(counted).unwrap_or(u64::MAX);
        let limit = u64::try_from(self.count_limit(counted_to)).unwrap_or(u64::MAX);
        if counted >= limit {
            (limit - 1, true)
        } else {
            (counted, false)
        }
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            limit: PageRequest::DEFAULT_LIMIT,
            offset: 0,
        }
    }
}

/// A page of actions, dated ones first by start date, and how many match
/// in all.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionPage {
    pub actions: Vec<Action>,
    /// How many match; when `total_is_lower_bound`, more than this many
    /// match and counting stopped there (see [`PageRequest::COUNTED`]).
    pub total: u64,
    /// More than `total` match; at least one follows the page.
    pub total_is_lower_bound: bool,
}

/// A kind of action in the instance's catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionType {
    pub code: String,
    pub label_en: String,
    pub label_fr: String,
    pub label_es: String,
    /// Shipped with Entente (and kept up to date at start-up), as opposed
    /// to added by the instance.
    pub builtin: bool,
}

impl ActionType {
    /// The label in a language ("en", "fr", "es"; English otherwise).
    pub fn label(&self, lang: &str) -> &str {
        match lang {
            "fr" => &self.label_fr,
            "es" => &self.label_es,
            _ => &self.label_en,
        }
    }
}
