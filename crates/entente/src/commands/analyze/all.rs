//! `entente analyze all`: the overlaps, gaps and deadlines, and the
//! partners one organisation could seek somewhere, from one read of the
//! plan, as a table per finding or as one JSON object.

use anyhow::Context;
use chrono::NaiveDate;
use entente_core::access::OrgId;
use entente_core::coordination::Place;
use entente_core::{Iso3, RegionalGroup};
use entente_store::{CoordinationFilter, Store};
use serde_json::{Map, Value};

use super::report::{Report, objects, pretty, table};
use super::{
    AnalyzeArgs, Format, Names, deadlines_report, gaps_report, overlap_settings, overlaps_report,
    partners_report,
};
use crate::commands::COMMAND_LINE_SCOPE;

/// The findings written in `args.format`, each list cut to `--limit`.
pub(super) fn run(
    store: &Store,
    names: &Names,
    filter: &CoordinationFilter,
    org: Option<OrgId>,
    as_of: NaiveDate,
    args: &AnalyzeArgs,
) -> anyhow::Result<Vec<u8>> {
    if matches!(args.format, Format::Csv) {
        anyhow::bail!("all writes several tables: choose --format table or json");
    }
    let partners_of = match (&args.partners_of, &args.partners_at) {
        (Some(short_name), Some(at)) => Some((names.org_id(short_name)?, place(names, at)?)),
        _ => None,
    };
    let mut found = store.analysis(
        &COMMAND_LINE_SCOPE,
        filter,
        as_of,
        overlap_settings(org, args),
        partners_of,
    )?;
    // Cut before writing: a million actions have as many due dates.
    if let Some(limit) = args.limit {
        found.gaps.truncate(limit);
        found.deadlines.truncate(limit);
    }
    let mut sections: Vec<(&str, Report)> = vec![
        ("overlaps", overlaps_report(store, names, &found.overlaps)?),
        ("gaps", gaps_report(names, &found.gaps)),
        ("deadlines", deadlines_report(names, &found.deadlines)),
    ];
    if let (Some(found), Some((org, _))) = (found.partners, partners_of) {
        sections.push(("partners", partners_report(names, org, found)?));
    }
    for (_, report) in &mut sections {
        if let Some(limit) = args.limit {
            report.rows.truncate(limit);
        }
    }
    let total = found.overlaps.total;
    if matches!(args.format, Format::Json) {
        let mut object = Map::new();
        object.insert("overlaps_total".to_owned(), Value::from(total));
        for (name, report) in &sections {
            object.insert((*name).to_owned(), objects(report));
        }
        return pretty(&Value::Object(object));
    }
    let mut out = String::new();
    for (name, report) in &sections {
        if !out.is_empty() {
            out.push('\n');
        }
        match *name {
            "overlaps" => out.push_str(&format!("overlaps ({total} in all)\n")),
            name => out.push_str(&format!("{name}\n")),
        }
        out.push_str(&table(report));
    }
    Ok(out.into_bytes())
}

/// A state's ISO 3166 alpha-3 code or a UN regional group (--partners-at).
fn place(names: &Names, at: &str) -> anyhow::Result<Place> {
    if let Ok(region) = at.parse::<RegionalGroup>() {
        return Ok(Place::Region(region));
    }
    let state: Iso3 = at
        .to_uppercase()
        .parse()
        .map_err(|e| anyhow::anyhow!("--partners-at: neither a state nor a region: {e}"))?;
    names
        .states
        .contains_key(&state)
        .then_some(Place::State(state))
        .with_context(|| format!("--partners-at: no state has the code {state}"))
}
