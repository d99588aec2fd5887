//! The board's findings as table rows in the page's language: states and
//! audiences by name, actions by title and link, organisations by name
//! only when the reader sees their directory entry.

use std::collections::{BTreeMap, HashMap};

use entente_core::Iso3;
use entente_core::coordination::{
    Deadline, DeadlineKind, Gap, GapKind, Opportunity, Overlap, PartnerReason, PartnerSuggestion,
    PlannedAction, Severity,
};
use entente_core::event::Art24Part;
use entente_core::plan::ActionId;
use entente_store::{ActionLabel, Recommendation};

use crate::locale::Locale;
use crate::pages::chrome::{Chrome, stage_label};
use crate::pages::recommendations::list::{excerpt, source_label};
use crate::pages::recommendations::{body_label, status_label};
use crate::views::actions::Lookups;

/// What the rows are translated from: the reader's lookups, and the
/// actions the findings name.
pub struct Sources<'a> {
    pub chrome: &'a Chrome,
    pub lookups: &'a Lookups,
    pub labels: &'a BTreeMap<ActionId, ActionLabel>,
    pub actions: HashMap<ActionId, &'a PlannedAction>,
}

/// An action named on the board.
pub struct ActionCell {
    pub title: String,
    pub href: String,
    /// The lead organisation's name, or that it is not in the reader's directory.
    pub lead: String,
    /// "1 Mar 2026 – 31 Mar 2026".
    pub dates: String,
}

pub struct OverlapRow {
    pub state: String,
    pub audience: String,
    pub first: ActionCell,
    pub second: ActionCell,
    pub days_apart: u32,
    pub opportunity: String,
    /// The two actions' ids, when the reader may propose a joint action
    /// (an editor of either lead).
    pub propose: Option<(i64, i64)>,
}

pub struct GapRow {
    pub state: String,
    pub href: String,
    pub stage: String,
    pub missing: String,
    pub why: String,
    /// `high`, `medium` or `low`: the swatch's class.
    pub severity_code: &'static str,
    pub severity: String,
}

/// An open recommendation no action the reader sees pushes.
pub struct UnpushedRow {
    pub state: String,
    pub body: String,
    /// The source document and the paragraph.
    pub source: String,
    pub excerpt: String,
    pub href: String,
    pub status: String,
}

pub struct DeadlineRow {
    pub date: String,
    pub iso_date: String,
    pub state: String,
    pub what: String,
    pub action: Option<ActionCell>,
    pub overdue: bool,
}

pub struct PartnerRow {
    pub name: String,
    pub href: String,
    pub reasons: Vec<String>,
}

pub fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

impl Sources<'_> {
    fn locale(&self) -> Locale {
        self.chrome.locale
    }

    fn state(&self, iso3: Iso3) -> String {
        self.lookups.state_name(iso3, self.locale())
    }

    fn org(&self, id: entente_core::access::OrgId) -> String {
        self.lookups
            .org(id)
            .map_or_else(|| self.locale().t("board-org-unseen"), |o| o.name.clone())
    }

    fn action(&self, id: ActionId) -> Option<ActionCell> {
        let label = self.labels.get(&id)?;
        let planned = self.actions.get(&id);
        let locale = self.locale();
        let dates = match planned.map(|a| (a.start, a.end)) {
            Some((Some(start), Some(end))) if start != end => {
                format!("{} – {}", locale.date(start), locale.date(end))
            }
            Some((Some(day), _) | (None, Some(day))) => locale.date(day),
            Some((None, None)) | None => String::new(),
        };
        Some(ActionCell {
            title: label.title.clone(),
            href: self.chrome.href(&format!("/actions/{}", id.0)),
            lead: self.org(label.lead),
            dates,
        })
    }

    pub fn overlap(&self, overlap: &Overlap) -> Option<OverlapRow> {
        let locale = self.locale();
        Some(OverlapRow {
            state: self.state(overlap.state),
            audience: self.chrome.code("action-audience", overlap.audience.code()),
            first: self.action(overlap.first)?,
            second: self.action(overlap.second)?,
            days_apart: overlap.days_apart,
            opportunity: locale.t(match overlap.opportunity {
                Opportunity::JointAction => "board-opportunity-joint",
                Opportunity::Sequence => "board-opportunity-sequence",
            }),
            propose: None,
        })
    }

    pub fn unpushed(&self, recommendation: &Recommendation) -> UnpushedRow {
        let locale = self.locale();
        let c = &recommendation.content;
        let mut source = source_label(
            &c.document_symbol,
            &c.document_title,
            c.document_date,
            locale,
        );
        if !c.paragraph.is_empty() {
            source = format!("{source}, § {}", c.paragraph);
        }
        UnpushedRow {
            state: self.lookups.state_name(c.state, locale),
            body: body_label(c.body, locale),
            source,
            excerpt: excerpt(&c.text),
            href: self
                .chrome
                .href(&format!("/recommendations/{}", recommendation.id)),
            status: status_label(recommendation.status, locale),
        }
    }

    pub fn gap(&self, gap: &Gap) -> GapRow {
        let locale = self.locale();
        let missing = match &gap.kind {
            GapKind::MissingAction { action_type } => locale.t_args(
                "board-gap-missing-action",
                &[(
                    "subject",
                    self.lookups.type_label(action_type, locale).into(),
                )],
            ),
            GapKind::UntouchedAudience { audience } => locale.t_args(
                "board-gap-untouched-audience",
                &[(
                    "subject",
                    self.chrome.code("action-audience", audience.code()).into(),
                )],
            ),
            GapKind::NoNationalPartner => locale.t("board-gap-no-national-partner"),
            GapKind::NoInternationalLeverage => locale.t("board-gap-no-international-leverage"),
            GapKind::OneSectorOnly { sector } => locale.t_args(
                "board-gap-one-sector-only",
                &[(
                    "subject",
                    self.chrome.code("dir-sector", sector.code()).into(),
                )],
            ),
        };
        let since = ("date", locale.date(gap.since).into());
        let why = if gap.npm_overdue {
            locale.t_args("board-why-npm-overdue", &[since])
        } else {
            locale.t_args("board-why-stage", &[since])
        };
        let code = severity_code(gap.severity);
        GapRow {
            state: self.state(gap.state),
            href: self.chrome.href(&format!("/states/{}", gap.state)),
            stage: stage_label(locale, gap.stage),
            missing,
            why,
            severity_code: code,
            severity: locale.t(&format!("board-severity-{code}")),
        }
    }

    pub fn deadline(&self, deadline: &Deadline) -> DeadlineRow {
        let locale = self.locale();
        let what = match deadline.kind {
            DeadlineKind::NpmDue => locale.t("board-deadline-npm-due"),
            DeadlineKind::PostponementEnd { part } => locale.t_args(
                "board-deadline-postponement-end",
                &[("subject", locale.t(art24_key(part)).into())],
            ),
            DeadlineKind::ActionDue => locale.t("board-deadline-action-due"),
            DeadlineKind::SptReplyDue { .. } => locale.t("board-deadline-spt-reply-due"),
        };
        DeadlineRow {
            date: locale.date(deadline.date),
            iso_date: deadline.date.to_string(),
            state: self.state(deadline.state),
            what,
            action: deadline.action.and_then(|id| self.action(id)),
            overdue: deadline.overdue,
        }
    }

    pub fn partner(&self, suggestion: &PartnerSuggestion) -> Option<PartnerRow> {
        let org = self.lookups.org(suggestion.org)?;
        Some(PartnerRow {
            name: org.name.clone(),
            href: self.chrome.href(&format!("/orgs/{}", org.short_name)),
            reasons: suggestion.reasons.iter().map(|r| self.reason(r)).collect(),
        })
    }

    fn reason(&self, reason: &PartnerReason) -> String {
        let locale = self.locale();
        match reason {
            PartnerReason::ActsThere { actions } => {
                locale.count("board-reason-acts-there", *actions)
            }
            PartnerReason::WorksThere => locale.t("board-reason-works-there"),
            PartnerReason::WorksInRegion { region } => locale.t_args(
                "board-reason-works-in-region",
                &[("group", self.chrome.code("group", region.code()).into())],
            ),
            PartnerReason::OtherLevel { level } => locale.t_args(
                "board-reason-other-level",
                &[(
                    "subject",
                    self.chrome.code("action-level", level.code()).into(),
                )],
            ),
            PartnerReason::NewSectors { sectors } => {
                let names: Vec<String> = sectors
                    .iter()
                    .map(|s| self.chrome.code("dir-sector", s.code()))
                    .collect();
                locale.t_args(
                    "board-reason-new-sectors",
                    &[("subject", names.join(", ").into())],
                )
            }
        }
    }
}

fn art24_key(part: Art24Part) -> &'static str {
    match part {
        Art24Part::PartIii => "art24-part-iii",
        Art24Part::PartIv => "art24-part-iv",
    }
}
