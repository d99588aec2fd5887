//! `entente demo`: a made-up coalition on top of the real treaty data, so
//! the product can be tried at once, or large volumes of actions for
//! benchmarks (`--scale`), into the database or as an Entente CSV file
//! (`--csv`). Everything comes from the seed: the same seed gives the same
//! data. The demo runs once per database; a second run is refused.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use chrono::{NaiveDate, Utc};
use clap::Args;
use entente_core::TreatyId;
use entente_core::access::{AccessScope, AllianceId, OrgId};
use entente_io::demo::{Coalition, DEFAULT_ACTIONS, DemoState, demo_states};
use entente_io::plan::{ActionRecord, Exportable, field_names, guard};
use entente_store::{Area, EventFilter, ImportError, NewAlliance, Store};
use indicatif::{ProgressBar, ProgressStyle};

use super::{COMMAND_LINE_SCOPE, ensure_reference_data, open_store};
use crate::config::Settings;

/// The password of every demo account, as the README says.
pub const DEMO_PASSWORD: &str = "entente-demo-password";

/// Actions written per transaction (and held in memory) at a time.
const CHUNK: u64 = 5_000;

#[derive(Args)]
pub struct DemoArgs {
    /// The seed everything is drawn from: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many actions to make (a few hundred by default; a million for a benchmark).
    #[arg(long)]
    scale: Option<u64>,
    /// Write the actions to this CSV file, as `entente export` writes them, instead of the
    /// database (for the import benchmark; import it for the demo's organisations).
    #[arg(long)]
    csv: Option<PathBuf>,
}

pub fn run(settings: &Settings, args: DemoArgs) -> anyhow::Result<()> {
    let count = args.scale.unwrap_or(DEFAULT_ACTIONS);
    match &args.csv {
        Some(path) => write_csv(path, args.seed, count),
        None => into_database(settings, args.seed, count),
    }
}

/// The coalition over the shipped dataset, for a file that needs no database.
fn shipped_coalition(seed: u64) -> anyhow::Result<Coalition> {
    let data =
        entente_io::dataset::shipped().context("the dataset shipped in the binary is damaged")?;
    let states = demo_states(&data.states, &data.events, data.as_of);
    Ok(Coalition::new(seed, &states, data.as_of))
}

/// The coalition over the treaty data in the database.
fn stored_coalition(store: &Store, seed: u64) -> anyhow::Result<Coalition> {
    let states = store.states()?;
    let filter = EventFilter {
        treaties: Some(vec![TreatyId::cat(), TreatyId::opcat()]),
        ..EventFilter::default()
    };
    let events = store.events(&filter)?;
    let today: NaiveDate = store
        .dataset_as_of()?
        .unwrap_or_else(|| Utc::now().date_naive());
    let states: Vec<DemoState> = demo_states(&states, &events, today);
    Ok(Coalition::new(seed, &states, today))
}

fn write_csv(path: &PathBuf, seed: u64, count: u64) -> anyhow::Result<()> {
    let coalition = shipped_coalition(seed)?;
    let file = std::fs::File::create(path)
        .with_context(|| format!("cannot create {} (--csv)", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(field_names(ActionRecord::KIND))?;
    let started = Instant::now();
    let bar = progress_bar(count, "writing");
    let mut from = 0;
    while from < count {
        let to = (from + CHUNK).min(count);
        for record in coalition.actions(from, to) {
            writer.write_record(record.cells().iter().map(|cell| guard(cell)))?;
        }
        from = to;
        if let Some(bar) = &bar {
            bar.set_position(from);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), e.error()))?
        .flush()?;
    report_rate("written to the file", count, started);
    eprintln!(
        "Import it into a database that has the demo's organisations (`entente demo --seed {seed}` first) with \
         `entente import actions {} --org gdw-demo`.",
        path.display()
    );
    Ok(())
}

/// A bar on standard error while more than one chunk is made, when it is
/// a terminal.
fn progress_bar(count: u64, message: &'static str) -> Option<ProgressBar> {
    if count <= CHUNK || !std::io::stderr().is_terminal() {
        return None;
    }
    let style = ProgressStyle::with_template(
        "{msg} {wide_bar} {human_pos}/{human_len} actions, {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    let bar = ProgressBar::new(count).with_style(style);
    bar.set_message(message);
    Some(bar)
}

fn report_rate(what: &str, count: u64, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    let rate = if seconds > 0.0 {
        count as f64 / seconds
    } else {
        f64::INFINITY
    };
    eprintln!("{count} actions {what} in {seconds:.1} s: {rate:.0} rows/second.");
}

fn into_database(settings: &Settings, seed: u64, count: u64) -> anyhow::Result<()> {
    let store = open_store(settings)?;
    ensure_reference_data(&store)?;
    let coalition = stored_coalition(&store, seed)?;
    let first = &coalition.organisations[0].record.short_name;
    if store
        .organisation_by_short_name(&COMMAND_LINE_SCOPE, first)?
        .is_some()
    {
        bail!(
            "this database holds the demo already (the organisation {first} exists): the demo is made \
             once per database; for another, give another --data-dir or --database-url"
        );
    }
    let curator = people(&store, &coalition)?;
    let scope = AccessScope::SiteAdmin(curator);
    let orgs = organisation_ids(&store, &coalition)?;
    alliances(&store, &scope, &coalition, &orgs)?;
    actions(&store, &scope, &coalition, &orgs, count)?;
    npm_records(&store, &scope, &coalition, &orgs)?;
    recommendation_records(&store, &scope, &coalition, &orgs)?;
    consultation_records(&store, &scope, &coalition, &orgs)?;
    introduce(settings, &coalition, count);
    Ok(())
}

/// The organisations and people; returns the demo's site admin.
fn people(store: &Store, coalition: &Coalition) -> anyhow::Result<entente_core::access::UserId> {
    let records: Vec<_> = coalition
        .organisations
        .iter()
        .map(|o| o.record.clone())
        .collect();
    store
        .import_organisations(&COMMAND_LINE_SCOPE, &records)
        .map_err(|e| import_failure("organisations", e))?;
    let hash =
        entente_auth::password::hash(DEMO_PASSWORD).context("cannot hash the demo password")?;
    let mut site_admin = None;
    for person in &coalition.users {
        let user = store.create_user(&person.email, &person.name)?;
        store.set_password_hash(user, &hash)?;
        match &person.org {
            Some(short) => {
                let org = organisation(store, short)?;
                store.add_membership(&COMMAND_LINE_SCOPE, user, org, person.role)?;
            }
            None => {
                store.set_site_admin(user, true)?;
                site_admin = Some(user);
            }
        }
    }
    site_admin.context("the demo has no site administrator")
}

fn organisation(store: &Store, short: &str) -> anyhow::Result<OrgId> {
    Ok(store
        .organisation_by_short_name(&COMMAND_LINE_SCOPE, short)?
        .with_context(|| format!("the demo organisation {short} was not stored"))?
        .id)
}

fn organisation_ids(store: &Store, coalition: &Coalition) -> anyhow::Result<Vec<(String, OrgId)>> {
    coalition
        .organisations
        .iter()
        .map(|o| {
            Ok((
                o.record.short_name.clone(),
                organisation(store, &o.record.short_name)?,
            ))
        })
        .collect()
}

fn id_of(orgs: &[(String, OrgId)], short: &str) -> anyhow::Result<OrgId> {
    orgs.iter()
        .find(|(s, _)| s == short)
        .map(|(_, id)| *id)
        .with_context(|| format!("the demo names an organisation it did not make: {short}"))
}

fn alliances(
    store: &Store,
    scope: &AccessScope,
    coalition: &Coalition,
    orgs: &[(String, OrgId)],
) -> anyhow::Result<()> {
    for alliance in &coalition.alliances {
        let new = NewAlliance {
            owner: id_of(orgs, &alliance.owner)?,
            name: alliance.name.clone(),
            purpose: alliance.purpose.clone(),
            visibility: alliance.visibility,
            area: Area {
                states: alliance.states.clone(),
                regions: alliance.regions.clone(),
            },
        };
        let id: AllianceId = store
            .create_alliance(scope, &new)
            .with_context(|| format!("cannot create the alliance {}", alliance.name))?;
        for member in &alliance.members {
            store.add_alliance_member(scope, id, id_of(orgs, member)?)?;
        }
    }
    Ok(())
}

/// The actions, a chunk per transaction, with the rate at the end.
fn actions(
    store: &Store,
    scope: &AccessScope,
    coalition: &Coalition,
    orgs: &[(String, OrgId)],
    count: u64,
) -> anyhow::Result<()> {
    let default_lead = id_of(orgs, &coalition.organisations[0].record.short_name)?;
    let started = Instant::now();
    let bar = progress_bar(count, "storing");
    let mut from = 0;
    while from < count {
        let to = (from + CHUNK).min(count);
        let chunk = coalition.actions(from, to);
        store
            .import_actions(scope, default_lead, &chunk, |_| {})
            .map_err(|e| import_failure("actions", e))?;
        from = to;
        if let Some(bar) = &bar {
            bar.set_position(from);
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    report_rate("stored", count, started);
    Ok(())
}

fn import_failure(what: &str, error: ImportError) -> anyhow::Error {
    match error {
        ImportError::Rows(rows) => {
            let first: Vec<String> = rows
                .iter()
                .take(5)
                .map(|r| format!("line {}, {}: {}", r.line, r.field, r.reason))
                .collect();
            anyhow::anyhow!("the demo's {what} were refused: {}", first.join("; "))
        }
        ImportError::Store(e) => {
            anyhow::Error::new(e).context(format!("cannot store the demo's {what}"))
        }
    }
}

/// What was made and how to sign in.
fn introduce(settings: &Settings, coalition: &Coalition, count: u64) {
    eprintln!(
        "Demo data (seed {}): {} organisations, {} alliances, {count} actions on {} states.",
        coalition.seed,
        coalition.organisations.len(),
        coalition.alliances.len(),
        coalition.campaign().len()
    );
    eprintln!(
        "Sign in at {} with one of these e-mails and the password {DEMO_PASSWORD}:",
        settings.public_url.join("/login")
    );
    for person in &coalition.users {
        let role = match &person.org {
            Some(org) => format!("{} of {org}", person.role),
            None => "site administrator".to_owned(),
        };
        println!("{}\t{role}", person.email);
    }
}

/// The demo NPM profiles and assessments (see `entente_io::demo::npm`).
fn npm_records(
    store: &Store,
    scope: &AccessScope,
    coalition: &Coalition,
    orgs: &[(String, OrgId)],
) -> anyhow::Result<()> {
    for record in coalition.npm_records() {
        let mut profile = record.profile;
        profile.owner = id_of(orgs, &record.owner)?;
        let state = profile.state;
        let id = store
            .create_npm_profile(scope, &profile)
            .with_context(|| format!("cannot store the demo NPM profile of {state}"))?;
        for (owner, mut assessment) in record.assessments {
            assessment.owner = id_of(orgs, &owner)?;
            assessment.profile = Some(id);
            store
                .create_assessment(scope, &assessment)
                .with_context(|| format!("cannot store a demo assessment of {state}"))?;
        }
    }
    Ok(())
}

/// The demo recommendations (see `entente_io::demo::recommendations`), their
/// follow-up events, and links to the first demo action on their state for
/// those the demo pushes.
fn recommendation_records(
    store: &Store,
    scope: &AccessScope,
    coalition: &Coalition,
    orgs: &[(String, OrgId)],
) -> anyhow::Result<()> {
    for record in coalition.recommendation_records() {
        let mut draft = record.draft;
        draft.owner = id_of(orgs, &record.owner)?;
        let state = draft.state;
        let id = store
            .create_recommendation(scope, &draft)
            .with_context(|| format!("cannot store a demo recommendation on {state}"))?;
        for event in record.follow_ups {
            let follow_up = entente_store::NewFollowUp {
                event,
                recorded_by: draft.owner,
            };
            store
                .add_follow_up(scope, id, &follow_up)
                .with_context(|| format!("cannot store a demo follow-up on {state}"))?;
        }
        if record.pushed {
            let on_state = entente_store::ActionFilter {
                states: vec![state],
                ..entente_store::ActionFilter::default()
            };
            let page = entente_store::PageRequest {
                limit: 1,
                offset: 0,
            };
            if let Some(action) = store.list_actions(scope, &on_state, page)?.actions.first() {
                store.link_action(scope, id, action.id)?;
            }
        }
    }
    Ok(())
}

/// The demo consultations (see `entente_io::demo::consultations`) with
/// their participants, options and positions.
fn consultation_records(
    store: &Store,
    scope: &AccessScope,
    coalition: &Coalition,
    orgs: &[(String, OrgId)],
) -> anyhow::Result<()> {
    for record in coalition.consultation_records() {
        let mut draft = record.draft;
        draft.owner = id_of(orgs, &record.owner)?;
        let state = draft.state;
        let failed = || format!("cannot store the demo consultation on {state}");
        let id = store
            .create_consultation(scope, &draft)
            .with_context(failed)?;
        let mut participants = Vec::with_capacity(record.participants.len());
        for participant in record.participants {
            let org = match &participant.org {
                Some(short) => Some(id_of(orgs, short)?),
                None => None,
            };
            let draft = entente_core::consultation::ParticipantDraft {
                org,
                name: participant.name,
                sector: participant.sector,
            };
            participants.push(
                store
                    .add_participant(scope, id, &draft)
                    .with_context(failed)?,
            );
        }
        let mut options = Vec::with_capacity(record.options.len());
        for option in &record.options {
            options.push(store.add_option(scope, id, option).with_context(failed)?);
        }
        let positions: Vec<_> = record
            .positions
            .iter()
            .map(|(p, o, position)| (participants[*p], options[*o], Some(*position)))
            .collect();
        store
            .set_positions(scope, id, &positions)
            .with_context(failed)?;
    }
    Ok(())
}
