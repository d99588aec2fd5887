//! The coordination findings as the API shows them: codes for the
//! vocabularies, actions by number and title, organisations by short name
//! when the reader sees their directory entry and by number otherwise.

use std::collections::HashMap;

use chrono::NaiveDate;
use entente_core::access::OrgId;
use entente_core::coordination::{
    Deadline, DeadlineKind, Gap, GapKind, Opportunity, PartnerReason, Severity,
};
use entente_core::event::Art24Part;
use entente_core::plan::ActionId;
use entente_store::ActionLabel;
use serde::Serialize;
use utoipa::ToSchema;

/// An action a finding names, as the reader may read it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionRef {
    pub id: i64,
    pub title: String,
    /// The lead organisation's number.
    pub lead: i64,
    /// Its short name, when the reader sees its directory entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_short_name: Option<String>,
    #[schema(example = "/api/v1/actions/12")]
    pub api_path: String,
}

impl ActionRef {
    pub fn of(id: ActionId, label: &ActionLabel, short_names: &HashMap<OrgId, String>) -> Self {
        ActionRef {
            id: id.0,
            title: label.title.clone(),
            lead: label.lead.0,
            lead_short_name: short_names.get(&label.lead).cloned(),
            api_path: format!("/api/v1/actions/{}", id.0),
        }
    }
}

/// Two actions of different organisations that could be coordinated.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverlapView {
    pub first: ActionRef,
    pub second: ActionRef,
    /// The first state both target (ISO 3166 alpha-3).
    #[schema(example = "FRA")]
    pub state: String,
    /// The first audience both target.
    #[schema(example = "legislature")]
    pub audience: String,
    /// `joint_action` (the same kind of action) or `sequence` (an order to agree).
    #[schema(example = "joint_action")]
    pub opportunity: String,
    /// Days between the end of the earlier and the start of the later; 0 when they share a day.
    pub days_apart: u32,
    /// What each would gain from the other: 2 for another level, 1 per sector one side brings.
    pub gain: u32,
}

/// The overlaps, best first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverlapList {
    /// How many there are in all among the actions the reader may see.
    pub total: usize,
    pub overlaps: Vec<OverlapView>,
}

pub fn opportunity(opportunity: Opportunity) -> &'static str {
    match opportunity {
        Opportunity::JointAction => "joint_action",
        Opportunity::Sequence => "sequence",
    }
}

/// One gap on one state.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GapView {
    #[schema(example = "LBR")]
    pub state: String,
    /// The state's OPCAT stage.
    #[schema(example = "party_npm_pending")]
    pub stage: String,
    /// The day it reached its stage.
    pub since: NaiveDate,
    /// Its NPM is past its Art. 17 due date.
    pub npm_overdue: bool,
    /// `missing_action`, `untouched_audience`, `no_national_partner`,
    /// `no_international_leverage` or `one_sector_only`.
    #[schema(example = "missing_action")]
    pub kind: String,
    /// The kind of action, audience or sector the gap is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "draft_legislation")]
    pub subject: Option<String>,
    /// `low`, `medium` or `high`.
    pub severity: String,
}

impl From<&Gap> for GapView {
    fn from(gap: &Gap) -> Self {
        let (kind, subject) = match &gap.kind {
            GapKind::MissingAction { action_type } => ("missing_action", Some(action_type.clone())),
            GapKind::UntouchedAudience { audience } => {
                ("untouched_audience", Some(audience.code().to_owned()))
            }
            GapKind::NoNationalPartner => ("no_national_partner", None),
            GapKind::NoInternationalLeverage => ("no_international_leverage", None),
            GapKind::OneSectorOnly { sector } => {
                ("one_sector_only", Some(sector.code().to_owned()))
            }
        };
        GapView {
            state: gap.state.to_string(),
            stage: gap.stage.code().to_owned(),
            since: gap.since,
            npm_overdue: gap.npm_overdue,
            kind: kind.to_owned(),
            subject,
            severity: match gap.severity {
                Severity::Low => "low",
                Severity::Medium => "medium",
                Severity::High => "high",
            }
            .to_owned(),
        }
    }
}

/// The gaps, most urgent first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GapList {
    pub as_of: NaiveDate,
    pub gaps: Vec<GapView>,
}

/// Why an organisation is suggested.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReasonView {
    /// `acts_there`, `works_there`, `works_in_region`, `other_level` or `new_sectors`.
    #[schema(example = "other_level")]
    pub reason: String,
    /// For `acts_there`: its open actions there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actions: Option<usize>,
    /// For `works_in_region`: the UN regional group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// For `other_level`: its level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// For `new_sectors`: the sectors it brings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
}

impl From<&PartnerReason> for ReasonView {
    fn from(reason: &PartnerReason) -> Self {
        let empty = ReasonView {
            reason: String::new(),
            actions: None,
            region: None,
            level: None,
            sectors: Vec::new(),
        };
        match reason {
            PartnerReason::ActsThere { actions } => ReasonView {
                reason: "acts_there".to_owned(),
                actions: Some(*actions),
                ..empty
            },
            PartnerReason::WorksThere => ReasonView {
                reason: "works_there".to_owned(),
                ..empty
            },
            PartnerReason::WorksInRegion { region } => ReasonView {
                reason: "works_in_region".to_owned(),
                region: Some(region.code().to_owned()),
                ..empty
            },
            PartnerReason::OtherLevel { level } => ReasonView {
                reason: "other_level".to_owned(),
                level: Some(level.code().to_owned()),
                ..empty
            },
            PartnerReason::NewSectors { sectors } => ReasonView {
                reason: "new_sectors".to_owned(),
                sectors: sectors.iter().map(|s| s.code().to_owned()).collect(),
                ..empty
            },
        }
    }
}

/// An organisation worth approaching.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartnerView {
    pub id: i64,
    #[schema(example = "apt")]
    pub short_name: String,
    pub name: String,
    pub score: u32,
    pub reasons: Vec<ReasonView>,
}

/// The partners an organisation could seek at a state or in a region, best first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartnerList {
    /// The organisation that seeks them.
    pub org: String,
    /// The state (ISO 3166 alpha-3) or the UN regional group.
    pub place: String,
    pub partners: Vec<PartnerView>,
}

/// One date on the timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlineView {
    pub date: NaiveDate,
    /// `npm_due`, `postponement_end` or `action_due`.
    #[schema(example = "npm_due")]
    pub kind: String,
    /// For `postponement_end`: `part_iii` or `part_iv`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[schema(example = "LBR")]
    pub state: String,
    /// For `action_due`: the action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionRef>,
    /// The date has passed and what was due has not happened.
    pub overdue: bool,
}

impl DeadlineView {
    pub fn of(deadline: &Deadline, action: Option<ActionRef>) -> Self {
        let (kind, part) = match deadline.kind {
            DeadlineKind::NpmDue => ("npm_due", None),
            DeadlineKind::PostponementEnd { part } => (
                "postponement_end",
                Some(match part {
                    Art24Part::PartIii => "part_iii",
                    Art24Part::PartIv => "part_iv",
                }),
            ),
            DeadlineKind::ActionDue => ("action_due", None),
            DeadlineKind::SptReplyDue { .. } => ("spt_reply_due", None),
        };
        DeadlineView {
            date: deadline.date,
            kind: kind.to_owned(),
            part: part.map(str::to_owned),
            state: deadline.state.to_string(),
            action,
            overdue: deadline.overdue,
        }
    }
}

/// The deadlines, by date.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlineList {
    pub as_of: NaiveDate,
    pub deadlines: Vec<DeadlineView>,
}

/// The open recommendations (neither implemented nor refused) that no
/// action the reader may see pushes, by state then number.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnpushedList {
    /// How many there are in all.
    pub total: usize,
    pub recommendations: Vec<crate::api::recommendations::RecommendationView>,
}
