//! `entente analyze overlaps|gaps|recommendations|partners|deadlines`: the coordination
//! engine's findings on the whole plan (the command line reads as the site
//! administrator), as a readable table with state names, organisations'
//! short names and dates, or as JSON or CSV (cells guarded against
//! spreadsheet formulas).

use std::collections::HashMap;
use std::io::Write;

use anyhow::Context;
use chrono::{NaiveDate, Utc};
use clap::{Args, ValueEnum};
use entente_core::access::{AllianceId, OrgId};
use entente_core::coordination::{
    Deadline, DeadlineKind, Gap, GapKind, GapSettings, Opportunity, OverlapSettings, Overlaps,
    PartnerReason, PartnerSuggestion, Place, Severity,
};
use entente_core::event::Art24Part;
use entente_core::plan::{ActionId, Phase};
use entente_core::{Iso3, RegionalGroup};
use entente_store::{CoordinationFilter, Store};

use super::COMMAND_LINE_SCOPE;
use crate::config::Settings;
use report::{Report, csv, json, table};

mod all;
mod report;

/// Which finding to list.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Finding {
    /// Actions of different organisations on the same state and audience, close in time.
    Overlaps,
    /// What the playbook calls for at each state's stage and nobody plans.
    Gaps,
    /// Open recommendations (not implemented, not refused) that no action pushes.
    Recommendations,
    /// Organisations to approach for --org at --state or --region.
    Partners,
    /// NPM due dates, Art. 24 postponement ends and action due dates.
    Deadlines,
    /// The overlaps, gaps and deadlines, and the partners of --partners-of at --partners-at,
    /// from one read of the plan (table or JSON).
    All,
}

/// How to write the findings.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON array of objects.
    Json,
    /// A header row, then one row a finding; safe to open in a spreadsheet.
    Csv,
}

#[derive(Args)]
pub struct AnalyzeArgs {
    #[arg(value_enum)]
    finding: Finding,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// The day of the analysis (YYYY-MM-DD); today by default.
    #[arg(long)]
    as_of: Option<NaiveDate>,
    /// An organisation's short name: whose overlaps (also with all), or who seeks partners.
    #[arg(long)]
    org: Option<String>,
    /// Only this state (ISO 3166 alpha-3 code).
    #[arg(long)]
    state: Option<String>,
    /// Only this UN regional group (african, asia_pacific, eeg, grulac, weog).
    #[arg(long)]
    region: Option<String>,
    /// Only the actions of this alliance's members (its number).
    #[arg(long)]
    alliance: Option<i64>,
    /// Only actions of this phase (ratification or implementation).
    #[arg(long)]
    phase: Option<String>,
    /// At most this many findings, the best first.
    #[arg(long)]
    limit: Option<usize>,
    /// Overlaps: the most days between the end of one action and the start of the other.
    #[arg(long, default_value_t = 30)]
    window_days: u32,
    /// With all: an organisation's short name, whose partners to list.
    #[arg(long, requires = "partners_at")]
    partners_of: Option<String>,
    /// With all: where it seeks them (a state's ISO 3166 alpha-3 code or a UN regional group).
    #[arg(long, requires = "partners_of")]
    partners_at: Option<String>,
}

pub fn run(settings: &Settings, args: AnalyzeArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    let as_of = args.as_of.unwrap_or_else(|| Utc::now().date_naive());
    let filter = filter(&args)?;
    let names = Names::load(&store)?;
    if let Some(state) = filter.states.iter().find(|s| !names.states.contains_key(s)) {
        anyhow::bail!("--state: no state has the code {state}");
    }
    let org = match &args.org {
        Some(_)
            if matches!(
                args.finding,
                Finding::Gaps | Finding::Recommendations | Finding::Deadlines
            ) =>
        {
            anyhow::bail!("--org applies to overlaps and partners only")
        }
        Some(short_name) => Some(names.org_id(short_name)?),
        None => None,
    };
    if args.partners_of.is_some() && args.finding != Finding::All {
        anyhow::bail!("--partners-of and --partners-at apply to all only");
    }
    let mut report = match args.finding {
        Finding::Overlaps => overlaps(&store, &names, &filter, org, &args)?,
        Finding::Gaps => gaps(&store, &names, &filter, as_of)?,
        Finding::Recommendations => unpushed(&store, &names, &filter)?,
        Finding::Partners => partners(&store, &names, &args, org)?,
        Finding::Deadlines => deadlines(&store, &names, &filter, as_of)?,
        Finding::All => return print(&all::run(&store, &names, &filter, org, as_of, &args)?),
    };
    if let Some(limit) = args.limit {
        report.rows.truncate(limit);
    }
    print(&match args.format {
        Format::Table => table(&report).into_bytes(),
        Format::Json => json(&report)?,
        Format::Csv => csv(&report)?,
    })
}

/// Writes `bytes` to standard output.
fn print(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

fn filter(args: &AnalyzeArgs) -> anyhow::Result<CoordinationFilter> {
    let state = args
        .state
        .as_deref()
        .map(|code| code.to_uppercase().parse::<Iso3>())
        .transpose()
        .map_err(|e| anyhow::anyhow!("--state: {e}"))?;
    let region = args
        .region
        .as_deref()
        .map(str::parse::<RegionalGroup>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--region: {e}"))?;
    let phase = args
        .phase
        .as_deref()
        .map(str::parse::<Phase>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--phase: {e}"))?;
    Ok(CoordinationFilter {
        alliance: args.alliance.map(AllianceId),
        region,
        states: state.into_iter().collect(),
        phase,
    })
}

/// Short names of organisations, English names of states, titles of actions.
struct Names {
    orgs: HashMap<OrgId, String>,
    states: HashMap<Iso3, String>,
}

impl Names {
    fn load(store: &Store) -> anyhow::Result<Names> {
        Ok(Names {
            orgs: store
                .organisations(&COMMAND_LINE_SCOPE)?
                .into_iter()
                .map(|o| (o.id, o.short_name))
                .collect(),
            states: store
                .states()?
                .into_iter()
                .map(|s| (s.iso3, s.names.en))
                .collect(),
        })
    }

    fn org_id(&self, short_name: &str) -> anyhow::Result<OrgId> {
        self.orgs
            .iter()
            .find(|(_, name)| *name == short_name)
            .map(|(id, _)| *id)
            .with_context(|| format!("no organisation has the short name {short_name:?} (--org)"))
    }

    fn org(&self, id: OrgId) -> String {
        self.orgs
            .get(&id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn state(&self, code: Iso3) -> String {
        match self.states.get(&code) {
            Some(name) => format!("{name} ({code})"),
            None => code.to_string(),
        }
    }
}

fn overlaps(
    store: &Store,
    names: &Names,
    filter: &CoordinationFilter,
    org: Option<OrgId>,
    args: &AnalyzeArgs,
) -> anyhow::Result<Report> {
    let found = store.overlaps(&COMMAND_LINE_SCOPE, filter, overlap_settings(org, args))?;
    overlaps_report(store, names, &found)
}

/// The overlaps' settings from the command line: the best 50 unless
/// `--limit` says otherwise.
fn overlap_settings(org: Option<OrgId>, args: &AnalyzeArgs) -> OverlapSettings {
    OverlapSettings {
        window_days: args.window_days,
        limit: Some(args.limit.unwrap_or(50)),
        involving: org,
    }
}

/// The overlaps with the leads' short names and the actions' titles.
fn overlaps_report(store: &Store, names: &Names, found: &Overlaps) -> anyhow::Result<Report> {
    let ids: Vec<ActionId> = found
        .ranked
        .iter()
        .flat_map(|o| [o.first, o.second])
        .collect();
    let labels = store.action_labels(&COMMAND_LINE_SCOPE, &ids)?;
    let action = |id: ActionId| -> anyhow::Result<(String, String)> {
        let label = labels
            .get(&id)
            .with_context(|| format!("action {id} vanished during the analysis"))?;
        Ok((names.org(label.lead), label.title.clone()))
    };
    let mut rows = Vec::with_capacity(found.ranked.len());
    for overlap in &found.ranked {
        let (first_lead, first_title) = action(overlap.first)?;
        let (second_lead, second_title) = action(overlap.second)?;
        rows.push(vec![
            overlap.days_apart.to_string(),
            opportunity(overlap.opportunity).to_owned(),
            names.state(overlap.state),
            overlap.audience.code().to_owned(),
            overlap.first.to_string(),
            first_lead,
            first_title,
            overlap.second.to_string(),
            second_lead,
            second_title,
            overlap.gain.to_string(),
        ]);
    }
    Ok(Report {
        columns: &[
            "days_apart",
            "opportunity",
            "state",
            "audience",
            "first",
            "first_lead",
            "first_title",
            "second",
            "second_lead",
            "second_title",
            "gain",
        ],
        rows,
    })
}

fn gaps(
    store: &Store,
    names: &Names,
    filter: &CoordinationFilter,
    as_of: NaiveDate,
) -> anyhow::Result<Report> {
    let found = store.gaps(&COMMAND_LINE_SCOPE, filter, as_of, GapSettings::default())?;
    Ok(gaps_report(names, &found))
}

fn gaps_report(names: &Names, found: &[Gap]) -> Report {
    let rows = found
        .iter()
        .map(|gap| {
            let (kind, what) = match &gap.kind {
                GapKind::MissingAction { action_type } => ("missing_action", action_type.clone()),
                GapKind::UntouchedAudience { audience } => {
                    ("untouched_audience", audience.code().to_owned())
                }
                GapKind::NoNationalPartner => ("no_national_partner", String::new()),
                GapKind::NoInternationalLeverage => ("no_international_leverage", String::new()),
                GapKind::OneSectorOnly { sector } => ("one_sector_only", sector.code().to_owned()),
            };
            vec![
                names.state(gap.state),
                gap.stage.code().to_owned(),
                gap.since.to_string(),
                yes_no(gap.npm_overdue),
                kind.to_owned(),
                what,
                severity(gap.severity).to_owned(),
            ]
        })
        .collect();
    Report {
        columns: &[
            "state",
            "stage",
            "since",
            "npm_overdue",
            "gap",
            "what",
            "severity",
        ],
        rows,
    }
}

/// The open recommendations no action pushes, by state.
fn unpushed(store: &Store, names: &Names, filter: &CoordinationFilter) -> anyhow::Result<Report> {
    let found = store.unpushed_recommendations(&COMMAND_LINE_SCOPE, filter)?;
    let rows = found
        .into_iter()
        .map(|r| {
            let c = r.content;
            vec![
                names.state(c.state),
                r.id.to_string(),
                c.body.code().to_owned(),
                c.document_symbol,
                c.paragraph,
                r.status.code().to_owned(),
                names.org(c.owner),
                c.text,
            ]
        })
        .collect();
    Ok(Report {
        columns: &[
            "state",
            "recommendation",
            "body",
            "document",
            "paragraph",
            "status",
            "owner",
            "text",
        ],
        rows,
    })
}

fn partners(
    store: &Store,
    names: &Names,
    args: &AnalyzeArgs,
    org: Option<OrgId>,
) -> anyhow::Result<Report> {
    let org = org.context("partners needs --org, the organisation that seeks them")?;
    let filter = filter(args)?;
    let place = match (filter.states.first(), filter.region) {
        (Some(state), None) => Place::State(*state),
        (None, Some(region)) => Place::Region(region),
        _ => anyhow::bail!("partners needs either --state or --region, not both"),
    };
    let found = store.partners(&COMMAND_LINE_SCOPE, org, place)?;
    partners_report(names, org, found)
}

/// The suggestions for `org`; an error when it is not in the directory.
fn partners_report(
    names: &Names,
    org: OrgId,
    found: Option<Vec<PartnerSuggestion>>,
) -> anyhow::Result<Report> {
    let found = found
        .with_context(|| format!("organisation {} is not in the directory", names.org(org)))?;
    let rows = found
        .iter()
        .map(|suggestion| {
            vec![
                names.org(suggestion.org),
                suggestion.score.to_string(),
                suggestion
                    .reasons
                    .iter()
                    .map(reason)
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    Ok(Report {
        columns: &["organisation", "score", "reasons"],
        rows,
    })
}

/// A reason in words.
fn reason(reason: &PartnerReason) -> String {
    match reason {
        PartnerReason::ActsThere { actions } => format!("acts there ({actions} open actions)"),
        PartnerReason::WorksThere => "works there".to_owned(),
        PartnerReason::WorksInRegion { region } => format!("works in the region {region}"),
        PartnerReason::OtherLevel { level } => format!("works at the {level} level"),
        PartnerReason::NewSectors { sectors } => {
            let codes: Vec<&str> = sectors.iter().map(|s| s.code()).collect();
            format!("brings the sectors {}", codes.join(", "))
        }
    }
}

fn deadlines(
    store: &Store,
    names: &Names,
    filter: &CoordinationFilter,
    as_of: NaiveDate,
) -> anyhow::Result<Report> {
    let found = store.deadlines(&COMMAND_LINE_SCOPE, filter, as_of)?;
    Ok(deadlines_report(names, &found))
}

fn deadlines_report(names: &Names, found: &[Deadline]) -> Report {
    let rows = found
        .iter()
        .map(|deadline| {
            let kind = match deadline.kind {
                DeadlineKind::NpmDue => "npm_due".to_owned(),
                DeadlineKind::PostponementEnd {
                    part: Art24Part::PartIii,
                } => "postponement_end part_iii".to_owned(),
                DeadlineKind::PostponementEnd {
                    part: Art24Part::PartIv,
                } => "postponement_end part_iv".to_owned(),
                DeadlineKind::ActionDue => "action_due".to_owned(),
                DeadlineKind::SptReplyDue { visit } => format!("spt_reply_due visit {visit}"),
            };
            vec![
                deadline.date.to_string(),
                kind,
                names.state(deadline.state),
                deadline.action.map(|a| a.to_string()).unwrap_or_default(),
                yes_no(deadline.overdue),
            ]
        })
        .collect();
    Report {
        columns: &["date", "deadline", "state", "action", "overdue"],
        rows,
    }
}

fn opportunity(opportunity: Opportunity) -> &'static str {
    match opportunity {
        Opportunity::JointAction => "joint_action",
        Opportunity::Sequence => "sequence",
    }
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}
