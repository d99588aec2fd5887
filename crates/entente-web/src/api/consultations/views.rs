//! The JSON shapes of consultations: what is read (with the positions
//! matrix and the consensus figures of each option) and what is written.

use chrono::{NaiveDate, NaiveDateTime};
use entente_core::access::AccessScope;
use entente_core::consultation::{Consensus, ParticipantSector};
use entente_store::{Consultation, Participant, PositionsMatrix, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::actions::body::{AllianceNumber, OrgName};

/// A consultation as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsultationView {
    pub id: i64,
    #[schema(example = "TUN")]
    pub state: String,
    pub title: String,
    /// `npm_design`, `legislation`, `ratification` or `other`.
    #[schema(example = "npm_design")]
    pub kind: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub outcome: String,
    /// The owner's short name; absent when the reader may not see the
    /// owner's directory entry.
    pub owner: Option<String>,
    pub visibility: String,
    pub shared_with: Vec<i64>,
    /// Written by `entente demo`: demo data, not facts.
    pub demo: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// With one consultation only (not in lists): its participants,
    /// options and positions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matrix: Option<MatrixView>,
}

/// The positions matrix: participants by options.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatrixView {
    pub participants: Vec<ParticipantView>,
    pub options: Vec<OptionView>,
    /// Every position taken; a participant who said nothing on an option
    /// has none here and counts as `no_position`.
    pub positions: Vec<PositionView>,
}

/// A participant.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParticipantView {
    pub id: i64,
    /// The short name of an organisation of the directory; absent for a
    /// body outside it, and for an organisation the reader may not see.
    pub org: Option<String>,
    /// The organisation's name, or the outside body's; empty for an
    /// organisation the reader may not see.
    pub name: String,
    /// `government`, `parliament`, `nhri`, `civil_society`, `academia`,
    /// `professional`, `international` or `other`.
    pub sector: String,
}

/// An option discussed, with where it stands.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OptionView {
    pub id: i64,
    pub label: String,
    pub description: String,
    pub consensus: ConsensusView,
    /// The same figures for each sector that has participants.
    pub by_sector: Vec<SectorConsensusView>,
}

/// Where an option stands among participants.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsensusView {
    pub supports: usize,
    pub accepts: usize,
    pub opposes: usize,
    /// Said they have no position, or said nothing.
    pub no_position: usize,
    /// The share, in whole per cent rounded half up, of those who took a
    /// position who support or accept it; absent when nobody took one.
    pub percent_in_favour: Option<u32>,
}

impl From<Consensus> for ConsensusView {
    fn from(figures: Consensus) -> Self {
        ConsensusView {
            supports: figures.supports,
            accepts: figures.accepts,
            opposes: figures.opposes,
            no_position: figures.no_position,
            percent_in_favour: figures.percent(),
        }
    }
}

/// Where an option stands in one sector.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SectorConsensusView {
    pub sector: String,
    #[serde(flatten)]
    pub consensus: ConsensusView,
}

/// A position taken.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PositionView {
    pub participant: i64,
    pub option: i64,
    /// `supports`, `accepts`, `opposes` or `no_position`.
    pub position: String,
}

/// A page of consultations.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsultationList {
    pub total: u64,
    pub limit: u32,
    pub offset: u64,
    pub items: Vec<ConsultationView>,
}

/// A consultation's whole content, to create or replace it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ConsultationInput {
    #[schema(example = "TUN")]
    pub state: String,
    pub title: String,
    #[schema(example = "npm_design")]
    pub kind: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// YYYY-MM-DD, not before the start.
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub outcome: String,
    pub owner: OrgName,
    /// `private` (the default), `alliance` or `public`.
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub shared_with: Vec<AllianceNumber>,
}

/// A participant to add: an organisation of the directory, or a body
/// outside it named in full.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct ParticipantInput {
    #[serde(default)]
    pub org: Option<OrgName>,
    #[serde(default)]
    pub name: String,
    #[schema(example = "civil_society")]
    pub sector: String,
}

/// An option to discuss.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct OptionInput {
    #[schema(example = "NPM within the ombudsman's office")]
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// A participant's position on an option; it replaces the one they had.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PositionInput {
    pub participant: i64,
    pub option: i64,
    #[schema(example = "supports")]
    pub position: String,
}

/// The filters of the list.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[expect(
    dead_code,
    reason = "documents the list's parameters in the OpenAPI document; the list reads the raw query"
)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// ISO 3166-1 alpha-3 code of the state.
    pub state: Option<String>,
    /// A kind of consultation.
    pub kind: Option<String>,
    /// The owner's short name.
    pub owner: Option<String>,
    /// Page size, 1 to 500; 50 by default.
    pub limit: Option<u32>,
    /// How many to skip.
    pub offset: Option<u64>,
}

/// A consultation as `scope` sees it, with its matrix when given.
pub fn view(
    store: &Store,
    scope: &AccessScope,
    consultation: Consultation,
    matrix: Option<PositionsMatrix>,
) -> Result<ConsultationView, StoreError> {
    let c = consultation.content;
    let owner = store.organisation(scope, c.owner)?.map(|o| o.short_name);
    let matrix = match matrix {
        Some(m) => Some(matrix_view(store, scope, &m)?),
        None => None,
    };
    Ok(ConsultationView {
        id: consultation.id.0,
        state: c.state.to_string(),
        title: c.title,
        kind: c.kind.code().to_owned(),
        start: c.start,
        end: c.end,
        outcome: c.outcome,
        owner,
        visibility: c.visibility.code().to_owned(),
        shared_with: c.shared_with.iter().map(|a| a.0).collect(),
        demo: c.demo,
        created_at: consultation.created_at,
        updated_at: consultation.updated_at,
        matrix,
    })
}

pub fn participant_view(
    store: &Store,
    scope: &AccessScope,
    p: &Participant,
) -> Result<ParticipantView, StoreError> {
    let (org, name) = match p.org {
        Some(id) => match store.organisation(scope, id)? {
            Some(o) => (Some(o.short_name), o.name),
            None => (None, String::new()),
        },
        None => (None, p.name.clone()),
    };
    Ok(ParticipantView {
        id: p.id,
        org,
        name,
        sector: p.sector.code().to_owned(),
    })
}

fn matrix_view(
    store: &Store,
    scope: &AccessScope,
    matrix: &PositionsMatrix,
) -> Result<MatrixView, StoreError> {
    let participants = matrix
        .participants
        .iter()
        .map(|p| participant_view(store, scope, p))
        .collect::<Result<_, _>>()?;
    let options = matrix
        .options
        .iter()
        .map(|o| OptionView {
            id: o.id,
            label: o.label.clone(),
            description: o.description.clone(),
            consensus: matrix.consensus(o.id).into(),
            by_sector: matrix
                .consensus_by_sector(o.id)
                .into_iter()
                .map(
                    |(sector, figures): (ParticipantSector, Consensus)| SectorConsensusView {
                        sector: sector.code().to_owned(),
                        consensus: figures.into(),
                    },
                )
                .collect(),
        })
        .collect();
    let positions = matrix
        .participants
        .iter()
        .flat_map(|p| {
            matrix.options.iter().filter_map(move |o| {
                matrix.position(p.id, o.id).map(|position| PositionView {
                    participant: p.id,
                    option: o.id,
                    position: position.code().to_owned(),
                })
            })
        })
        .collect();
    Ok(MatrixView {
        participants,
        options,
        positions,
    })
}
