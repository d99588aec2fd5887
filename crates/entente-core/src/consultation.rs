//! Consultations: a process (typically national, on the design of the
//! NPM) where actors say which of the options discussed they support. The
//! positions matrix, participants by options, shows where consensus stands;
//! [`consensus`] sums it up per option.

use serde::{Deserialize, Serialize};

use crate::Iso3;
use crate::access::{AllianceId, OrgId, RecordAccess, Visibility};
use crate::codes::coded_enum;
use crate::plan::FieldError;

coded_enum!(
    /// What a consultation is about.
    ConsultationKind, "kind of consultation" {
        /// The design of the National Preventive Mechanism.
        NpmDesign => "npm_design",
        /// A draft law (implementing legislation).
        Legislation => "legislation",
        Ratification => "ratification",
        Other => "other",
    }
);

coded_enum!(
    /// The side a participant speaks for.
    ParticipantSector, "participant sector" {
        Government => "government",
        Parliament => "parliament",
        /// A national human rights institution or ombuds.
        Nhri => "nhri",
        CivilSociety => "civil_society",
        Academia => "academia",
        /// Bar and medical associations.
        Professional => "professional",
        /// UN, regional bodies, international NGOs.
        International => "international",
        Other => "other",
    }
);

coded_enum!(
    /// A participant's position on an option.
    Position, "position" {
        Supports => "supports",
        /// Would go along with it.
        Accepts => "accepts",
        Opposes => "opposes",
        NoPosition => "no_position",
    }
);

/// A consultation's database identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConsultationId(pub i64);

impl std::fmt::Display for ConsultationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The longest participant name or option label, in characters.
pub const NAME_MAX: usize = 300;
/// The longest option description, in characters.
pub const DESCRIPTION_MAX: usize = 5_000;

/// Who takes part: an organisation of the directory, or a body outside it
/// named in full (a ministry, a parliamentary committee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantDraft {
    pub org: Option<OrgId>,
    /// Empty when `org` is given.
    pub name: String,
    pub sector: ParticipantSector,
}

impl ParticipantDraft {
    /// Exactly one of an organisation and a name, the name not too long.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let name = self.name.trim();
        let error = match (self.org, name.is_empty()) {
            (None, true) => Some(FieldError::new(
                "name",
                "required",
                "choose an organisation of the directory or name the body",
            )),
            (Some(_), false) => Some(FieldError::new(
                "name",
                "org_and_name",
                "give either an organisation of the directory or a name, not both",
            )),
            _ if name.chars().count() > NAME_MAX => Some(FieldError::new(
                "name",
                "too_long",
                format!("at most {NAME_MAX} characters"),
            )),
            _ => None,
        };
        error.map_or(Ok(()), |e| Err(vec![e]))
    }
}

/// An option discussed: an NPM model, a draft clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDraft {
    pub label: String,
    pub description: String,
}

impl OptionDraft {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let label = self.label.trim();
        if label.is_empty() {
            errors.push(FieldError::new("label", "required", "must not be blank"));
        } else if label.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                "label",
                "too_long",
                format!("at most {NAME_MAX} characters"),
            ));
        }
        if self.description.chars().count() > DESCRIPTION_MAX {
            errors.push(FieldError::new(
                "description",
                "too_long",
                format!("at most {DESCRIPTION_MAX} characters"),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A consultation to create, or the whole of one's new content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationDraft {
    pub state: Iso3,
    pub title: String,
    pub kind: ConsultationKind,
    pub start: Option<chrono::NaiveDate>,
    pub end: Option<chrono::NaiveDate>,
    pub outcome: String,
    pub owner: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    pub demo: bool,
}

impl ConsultationDraft {
    pub fn access(&self) -> RecordAccess {
        RecordAccess {
            owner: self.owner,
            visibility: self.visibility,
            shared_with: self.shared_with.clone(),
            personal: false,
        }
    }

    /// Every rule that needs nothing but the draft, in the order of the
    /// fields.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push(FieldError::new("title", "required", "must not be blank"));
        } else if self.title.chars().count() > 300 {
            errors.push(FieldError::new(
                "title",
                "too_long",
                "at most 300 characters",
            ));
        }
        if let (Some(start), Some(end)) = (self.start, self.end) {
            if end < start {
                errors.push(FieldError::new(
                    "end",
                    "end_before_start",
                    format!("the end ({end}) is before the start ({start})"),
                ));
            }
        }
        if self.outcome.chars().count() > 20_000 {
            errors.push(FieldError::new(
                "outcome",
                "too_long",
                "at most 20000 characters",
            ));
        }
        if let Err(invalid) = self.access().validate() {
            errors.push(FieldError::new(
                "visibility",
                "invalid_visibility",
                invalid.to_string(),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Where one option stands among the participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Consensus {
    pub supports: usize,
    pub accepts: usize,
    pub opposes: usize,
    /// Participants who said they have no position, or said nothing.
    pub no_position: usize,
}

impl Consensus {
    /// Participants who took a position: for, accepting or against.
    pub fn took_position(&self) -> usize {
        self.supports + self.accepts + self.opposes
    }

    /// The share, in whole per cent rounded half up, of those who took a
    /// position who support or accept the option; `None` when nobody took
    /// one (there is no consensus to measure, which is not 0 %).
    pub fn percent(&self) -> Option<u32> {
        let took = self.took_position();
        (took > 0).then(|| {
            let favourable = (self.supports + self.accepts) * 100;
            u32::try_from((favourable * 2 + took) / (took * 2)).unwrap_or(100)
        })
    }
}

/// The consensus figures of one option from each participant's position on
/// it (`None`: the participant said nothing, counted as no position).
pub fn consensus(positions: &[Option<Position>]) -> Consensus {
    let mut figures = Consensus::default();
    for position in positions {
        match position {
            Some(Position::Supports) => figures.supports += 1,
            Some(Position::Accepts) => figures.accepts += 1,
            Some(Position::Opposes) => figures.opposes += 1,
            Some(Position::NoPosition) | None => figures.no_position += 1,
        }
    }
    figures
}

/// The consensus figures of one option per sector, in the order of
/// [`ParticipantSector::ALL`], for the sectors that have participants:
/// each participant's sector and position on the option.
pub fn consensus_by_sector(
    positions: &[(ParticipantSector, Option<Position>)],
) -> Vec<(ParticipantSector, Consensus)> {
    ParticipantSector::ALL
        .iter()
        .filter_map(|sector| {
            let of_sector: Vec<Option<Position>> = positions
                .iter()
                .filter(|(s, _)| s == sector)
                .map(|(_, p)| *p)
                .collect();
            (!of_sector.is_empty()).then(|| (*sector, consensus(&of_sector)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_counts_only_those_who_took_a_position() {
        use Position::*;
        let figures = consensus(&[
            Some(Supports),
            Some(Accepts),
            Some(Opposes),
            Some(NoPosition),
            None,
        ]);
        assert_eq!(
            figures,
            Consensus {
                supports: 1,
                accepts: 1,
                opposes: 1,
                no_position: 2
            }
        );
        assert_eq!(figures.took_position(), 3);
        assert_eq!(figures.percent(), Some(67), "2 of 3, rounded");
    }

    #[test]
    fn with_no_position_taken_there_is_no_figure() {
        let figures = consensus(&[Some(Position::NoPosition), None]);
        assert_eq!(figures.percent(), None);
        assert_eq!(consensus(&[]).percent(), None);
    }

    #[test]
    fn halves_round_up_and_unanimity_is_a_hundred() {
        use Position::*;
        let eight = [
            Some(Supports),
            Some(Opposes),
            Some(Opposes),
            Some(Opposes),
            Some(Opposes),
            Some(Opposes),
            Some(Opposes),
            Some(Opposes),
        ];
        assert_eq!(consensus(&eight).percent(), Some(13), "12.5 rounds up");
        assert_eq!(
            consensus(&[Some(Accepts), Some(Supports)]).percent(),
            Some(100)
        );
        assert_eq!(consensus(&[Some(Opposes)]).percent(), Some(0));
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 1, d).unwrap();
        let draft = ConsultationDraft {
            state: "TUN".parse().unwrap(),
            title: "NPM design".to_owned(),
            kind: ConsultationKind::NpmDesign,
            start: Some(day(10)),
            end: Some(day(2)),
            outcome: String::new(),
            owner: OrgId(1),
            visibility: Visibility::Public,
            shared_with: Vec::new(),
            demo: false,
        };
        let errors = draft.validate().unwrap_err();
        assert_eq!(
            (errors[0].field, errors[0].code),
            ("end", "end_before_start")
        );
    }
    #[test]
    fn by_sector_keeps_only_sectors_with_participants() {
        use ParticipantSector::*;
        use Position::*;
        let figures = consensus_by_sector(&[
            (CivilSociety, Some(Supports)),
            (Government, Some(Opposes)),
            (CivilSociety, None),
            (CivilSociety, Some(Accepts)),
        ]);
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].0, Government, "in the order of the vocabulary");
        assert_eq!(figures[0].1.percent(), Some(0));
        assert_eq!(figures[1].0, CivilSociety);
        assert_eq!(
            figures[1].1,
            Consensus {
                supports: 1,
                accepts: 1,
                opposes: 0,
                no_position: 1
            }
        );
    }

    #[test]
    fn a_participant_is_an_organisation_or_a_name() {
        let outside = ParticipantDraft {
            org: None,
            name: "Ministry of Justice".to_owned(),
            sector: ParticipantSector::Government,
        };
        assert!(outside.validate().is_ok());
        let neither = ParticipantDraft {
            name: "  ".to_owned(),
            ..outside.clone()
        };
        assert_eq!(neither.validate().unwrap_err()[0].code, "required");
        let both = ParticipantDraft {
            org: Some(OrgId(3)),
            ..outside
        };
        assert_eq!(both.validate().unwrap_err()[0].code, "org_and_name");
        let option = OptionDraft {
            label: String::new(),
            description: String::new(),
        };
        assert_eq!(option.validate().unwrap_err()[0].field, "label");
    }
}
