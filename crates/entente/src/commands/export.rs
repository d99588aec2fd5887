//! `entente export actions|organisations|contacts --format csv|xlsx|json
//! [--org ORG]`: the shared plan written to standard output in the format
//! the import reads back, cells guarded against formula injection.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Context;
use clap::{Args, ValueEnum};
use entente_core::access::{AllianceId, OrgId};
use entente_io::plan::{
    ActionRecord, ContactRecord, Exportable, OrganisationRecord, write_csv, write_json, write_xlsx,
};
use entente_store::{Action, ActionFilter, PageRequest, Store};

use super::COMMAND_LINE_SCOPE;
use crate::config::Settings;

/// What to export.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportKind {
    Actions,
    Organisations,
    Contacts,
}

/// The file format.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
}

#[derive(Args)]
pub struct ExportArgs {
    /// What to export: actions, organisations or contacts.
    #[arg(value_enum)]
    kind: ExportKind,
    /// csv (UTF-8, comma-separated), xlsx or json.
    #[arg(long, value_enum, default_value = "csv")]
    format: ExportFormat,
    /// Only this organisation's: the actions it leads or takes part in, its
    /// directory entry, its contacts. Everything by default.
    #[arg(long)]
    org: Option<String>,
}

pub fn run(settings: &Settings, args: ExportArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    let org = match &args.org {
        Some(short_name) => Some(
            store
                .organisation_by_short_name(&COMMAND_LINE_SCOPE, short_name)?
                .with_context(|| {
                    format!("no organisation has the short name {short_name:?} (--org)")
                })?,
        ),
        None => None,
    };
    let org_id = org.as_ref().map(|org| org.id);
    let bytes = match args.kind {
        ExportKind::Actions => encode(&actions(&store, org_id)?, args.format)?,
        ExportKind::Organisations => encode(&organisations(&store, org_id)?, args.format)?,
        ExportKind::Contacts => encode(&contacts(&store, org_id)?, args.format)?,
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")
}

fn encode<R: Exportable>(records: &[R], format: ExportFormat) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        ExportFormat::Csv => write_csv(records)?,
        ExportFormat::Xlsx => write_xlsx(records)?,
        ExportFormat::Json => write_json(records),
    })
}

fn organisations(store: &Store, org: Option<OrgId>) -> anyhow::Result<Vec<OrganisationRecord>> {
    let mut records = store.export_organisations(&COMMAND_LINE_SCOPE)?;
    if let Some(org) = org {
        let short_names: Vec<String> = store
            .organisations(&COMMAND_LINE_SCOPE)?
            .into_iter()
            .filter(|o| o.id == org)
            .map(|o| o.short_name)
            .collect();
        records.retain(|record| short_names.contains(&record.short_name));
    }
    Ok(records)
}

fn contacts(store: &Store, org: Option<OrgId>) -> anyhow::Result<Vec<ContactRecord>> {
    let orgs: Vec<OrgId> = match org {
        Some(org) => vec![org],
        None => store
            .organisations(&COMMAND_LINE_SCOPE)?
            .into_iter()
            .map(|o| o.id)
            .collect(),
    };
    let mut records = Vec::new();
    for org in orgs {
        records.extend(store.export_contacts(&COMMAND_LINE_SCOPE, org)?);
    }
    Ok(records)
}

fn actions(store: &Store, org: Option<OrgId>) -> anyhow::Result<Vec<ActionRecord>> {
    let filter = ActionFilter {
        org,
        ..ActionFilter::default()
    };
    let page = store.list_actions(&COMMAND_LINE_SCOPE, &filter, PageRequest::ALL)?;
    let short_names: HashMap<OrgId, String> = store
        .organisations(&COMMAND_LINE_SCOPE)?
        .into_iter()
        .map(|o| (o.id, o.short_name))
        .collect();
    let alliance_names: HashMap<AllianceId, String> = store
        .alliances(&COMMAND_LINE_SCOPE)?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let org_name = |id: &OrgId| {
        short_names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let ids: Vec<_> = page.actions.iter().map(|a| a.id).collect();
    let switches = store.signal_switches(&COMMAND_LINE_SCOPE, &ids)?;
    Ok(page
        .actions
        .into_iter()
        .enumerate()
        .map(|(index, action)| {
            let signal = switches.get(&action.id).copied();
            record_of(index + 2, action, &org_name, &alliance_names, signal)
        })
        .collect())
}

/// A stored action as a file row: organisations by short name, alliances
/// by name.
fn record_of(
    line: usize,
    action: Action,
    org_name: &impl Fn(&OrgId) -> String,
    alliance_names: &HashMap<AllianceId, String>,
    signal: Option<bool>,
) -> ActionRecord {
    let draft = action.content;
    ActionRecord {
        line,
        signal,
        lead: Some(org_name(&draft.lead)),
        partners: draft.partners.iter().map(org_name).collect(),
        shared_with: draft
            .shared_with
            .iter()
            .map(|id| {
                alliance_names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.to_string())
            })
            .collect(),
        title: draft.title,
        description: draft.description,
        action_type: draft.action_type,
        phase: draft.phase,
        level: draft.level,
        states: draft.states,
        audiences: draft.audiences,
        start: draft.start,
        end: draft.end,
        due: draft.due,
        status: draft.status,
        budget: draft.budget,
        staff_days: draft.staff_days,
        expected_outcome: draft.expected_outcome,
        actual_outcome: draft.actual_outcome,
        outcome_event: draft.outcome_event,
        documents: draft.documents,
        visibility: draft.visibility,
    }
}
