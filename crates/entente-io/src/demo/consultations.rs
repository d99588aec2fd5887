//! Demo consultations: on one or two states that are parties with their
//! NPM still to be set up, a national consultation on the NPM model with
//! the coalition's organisations there and bodies outside the directory,
//! three options and a positions matrix where consensus is partial: one
//! option gathers most participants, one splits them, one is opposed by
//! several. Every title, name and option says it is demo data.

use chrono::Days;
use entente_core::Stage;
use entente_core::access::{OrgId, Visibility};
use entente_core::consultation::{
    ConsultationDraft, ConsultationKind, OptionDraft, ParticipantSector, Position,
};

use super::{Coalition, DemoState};

/// How many states get a consultation.
const STATES: usize = 2;

/// A participant of a demo consultation: a demo organisation by short name,
/// or a body outside the directory, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoParticipant {
    pub org: Option<String>,
    pub name: String,
    pub sector: ParticipantSector,
}

/// A demo consultation, the short name of its owner, its participants, its
/// options and the positions taken, by position in those lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoConsultation {
    pub owner: String,
    /// Names `OrgId(0)` until the caller sets the stored owner.
    pub draft: ConsultationDraft,
    pub participants: Vec<DemoParticipant>,
    pub options: Vec<OptionDraft>,
    /// (participant, option, position); a pair not listed said nothing.
    pub positions: Vec<(usize, usize, Position)>,
}

/// The bodies outside the directory that take part.
const OUTSIDE: [(&str, ParticipantSector); 4] = [
    ("Ministry of Justice (demo)", ParticipantSector::Government),
    (
        "Parliamentary human rights committee (demo)",
        ParticipantSector::Parliament,
    ),
    (
        "National human rights commission (demo)",
        ParticipantSector::Nhri,
    ),
    ("Bar association (demo)", ParticipantSector::Professional),
];

const OPTIONS: [(&str, &str); 3] = [
    (
        "Demo data: the NPM within the national human rights commission",
        "A distinct unit of the commission, with its own staff and budget line.",
    ),
    (
        "Demo data: a new specialised NPM body",
        "A body set up by law for the NPM alone, its members chosen after a public call.",
    ),
    (
        "Demo data: several bodies coordinated by the ombudsman",
        "Existing visiting bodies designated together, the ombudsman coordinating them.",
    ),
];

/// Each row's positions on the three options, by participant in turn: the
/// first option is broadly accepted, the second splits, the third is
/// opposed by several. `None`: the participant said nothing.
const ROWS: [[Option<Position>; 3]; 6] = {
    use Position::*;
    [
        [Some(Supports), Some(Opposes), Some(Accepts)],
        [Some(Accepts), Some(NoPosition), Some(Supports)],
        [Some(Supports), Some(Opposes), None],
        [Some(Opposes), Some(Supports), Some(Opposes)],
        [Some(Accepts), Some(Supports), Some(Opposes)],
        [None, Some(Supports), Some(Opposes)],
    ]
};

impl Coalition {
    /// The demo's consultations: the same for the same seed and states.
    pub fn consultation_records(&self) -> Vec<DemoConsultation> {
        let Some(owner) = self.organisations.first() else {
            return Vec::new();
        };
        let pending: Vec<&DemoState> = self
            .campaign
            .iter()
            .filter(|s| s.stage == Stage::PartyNpmPending)
            .take(STATES)
            .collect();
        let states = if pending.is_empty() {
            self.campaign
                .iter()
                .filter(|s| s.stage >= Stage::PartyNpmPending)
                .take(STATES)
                .collect()
        } else {
            pending
        };
        states
            .iter()
            .enumerate()
            .map(|(n, state)| self.consultation(state, &owner.record.short_name, n))
            .collect()
    }

    fn consultation(&self, state: &DemoState, owner: &str, n: usize) -> DemoConsultation {
        let mut participants = vec![DemoParticipant {
            org: Some(owner.to_owned()),
            name: String::new(),
            sector: ParticipantSector::International,
        }];
        participants.extend(
            self.organisations
                .iter()
                .filter(|o| o.state == Some(state.iso3) && o.record.short_name != owner)
                .map(|o| DemoParticipant {
                    org: Some(o.record.short_name.clone()),
                    name: String::new(),
                    sector: ParticipantSector::CivilSociety,
                }),
        );
        participants.extend(OUTSIDE.iter().map(|(name, sector)| DemoParticipant {
            org: None,
            name: (*name).to_owned(),
            sector: *sector,
        }));
        let positions = (0..participants.len())
            .flat_map(|p| {
                let row = ROWS[(p + n) % ROWS.len()];
                row.into_iter()
                    .enumerate()
                    .filter_map(move |(o, position)| position.map(|position| (p, o, position)))
            })
            .collect();
        let start = self.today.checked_sub_days(Days::new(200 + 90 * n as u64));
        // The second one is over, with an outcome; the first still runs.
        let (end, outcome) = if n == 0 {
            (None, String::new())
        } else {
            (
                self.today.checked_sub_days(Days::new(30)),
                "Demo data: no option gathered every sector; the ministry will table a draft \
                 law on the first."
                    .to_owned(),
            )
        };
        DemoConsultation {
            owner: owner.to_owned(),
            draft: ConsultationDraft {
                state: state.iso3,
                title: format!(
                    "Demo data: national consultation on the NPM model of {}",
                    state.name
                ),
                kind: ConsultationKind::NpmDesign,
                start,
                end,
                outcome,
                owner: OrgId(0),
                visibility: Visibility::Public,
                shared_with: Vec::new(),
                demo: true,
            },
            participants,
            options: OPTIONS
                .iter()
                .map(|(label, description)| OptionDraft {
                    label: (*label).to_owned(),
                    description: format!("Demo data: {description}"),
                })
                .collect(),
            positions,
        }
    }
}
