//! Consultations: a process (typically national, on the design of the NPM)
//! with its participants, the options discussed and each participant's
//! position on each option. Reads take an [`AccessScope`] and filter in SQL
//! (a hidden consultation answers exactly like a missing one); every write
//! is one transaction with its audit entry, and is done by editors of the
//! consultation's owner.
//!
//! [`AccessScope`]: entente_core::access::AccessScope

mod parts;
mod read;
mod write;

use std::collections::HashMap;

use chrono::NaiveDateTime;
use entente_core::Iso3;
use entente_core::access::{OrgId, UserId};
use entente_core::consultation::{
    Consensus, ConsultationDraft, ConsultationId, ConsultationKind, ParticipantSector, Position,
    consensus, consensus_by_sector,
};

/// A stored consultation: its content and what the store adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub id: ConsultationId,
    pub content: ConsultationDraft,
    pub created_by: Option<UserId>,
    /// UTC.
    pub created_at: NaiveDateTime,
    /// UTC.
    pub updated_at: NaiveDateTime,
}

/// A participant of a consultation: an organisation of the directory or a
/// body outside it, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: i64,
    pub org: Option<OrgId>,
    /// Empty for an organisation of the directory.
    pub name: String,
    pub sector: ParticipantSector,
}

/// An option discussed in a consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationOption {
    pub id: i64,
    pub label: String,
    pub description: String,
}

/// The positions matrix: participants (in the order they were added) by
/// options (likewise), and each position taken.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionsMatrix {
    pub participants: Vec<Participant>,
    pub options: Vec<ConsultationOption>,
    positions: HashMap<(i64, i64), Position>,
}

impl PositionsMatrix {
    /// The position `participant` took on `option`; `None` when they said
    /// nothing.
    pub fn position(&self, participant: i64, option: i64) -> Option<Position> {
        self.positions.get(&(participant, option)).copied()
    }

    fn column(&self, option: i64) -> Vec<(ParticipantSector, Option<Position>)> {
        self.participants
            .iter()
            .map(|p| (p.sector, self.position(p.id, option)))
            .collect()
    }

    /// Where `option` stands among all the participants.
    pub fn consensus(&self, option: i64) -> Consensus {
        let column: Vec<Option<Position>> =
            self.column(option).into_iter().map(|(_, p)| p).collect();
        consensus(&column)
    }

    /// Where `option` stands in each sector that has participants.
    pub fn consensus_by_sector(&self, option: i64) -> Vec<(ParticipantSector, Consensus)> {
        consensus_by_sector(&self.column(option))
    }
}

/// Which consultations a list holds. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsultationFilter {
    pub states: Vec<Iso3>,
    pub kind: Option<ConsultationKind>,
    pub owner: Option<OrgId>,
}

/// A page of consultations, latest start first, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationPage {
    pub consultations: Vec<Consultation>,
    pub total: u64,
}
