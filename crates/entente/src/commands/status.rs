//! `entente status ISO3`: a state's standing under a treaty, as of a day, in the terminal.

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use entente_core::{Iso3, TreatyId, opcat};
use entente_store::EventFilter;

use crate::config::{Settings, parse_date};

#[derive(Args)]
pub struct StatusArgs {
    /// The state's ISO 3166-1 alpha-3 code, e.g. FRA.
    #[arg(value_parser = |s: &str| s.parse::<Iso3>().map_err(|e| e.to_string()))]
    state: Iso3,
    /// The treaty: opcat, cat, iccpr, ...
    #[arg(long, default_value = "opcat", value_parser = |s: &str| s.parse::<TreatyId>().map_err(|e| e.to_string()))]
    treaty: TreatyId,
    /// The day to look at (YYYY-MM-DD); today by default.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(settings: &Settings, args: StatusArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let Some(state) = store.state(args.state)? else {
        bail!("no state with the code {} in the dataset", args.state)
    };
    let Some(treaty) = store.treaty(&args.treaty)? else {
        let known: Vec<String> = store
            .treaties()?
            .into_iter()
            .map(|t| t.id.to_string())
            .collect();
        bail!(
            "no treaty {}; known treaties: {}",
            args.treaty,
            known.join(", ")
        )
    };
    let treaties = vec![TreatyId::cat(), args.treaty.clone()];
    let mut events = store
        .events(&EventFilter {
            state: Some(args.state),
            treaties: Some(treaties),
            as_of: Some(as_of),
        })
        .context("cannot read the state's events")?;
    // Stages 6 and 7 as the public portal shows them: from public NPM records.
    events.extend(
        store
            .npm_stage_events(
                &entente_core::access::AccessScope::Public,
                Some(&[args.state]),
                as_of,
            )
            .context("cannot read the state's NPM records")?,
    );
    let of = |id: TreatyId| events.iter().filter(move |e| e.treaty == id);
    let status = entente_core::TreatyStatus::from_events(of(args.treaty.clone()), as_of);

    if args.treaty == TreatyId::opcat() {
        let derived = opcat::derive(of(TreatyId::cat()), of(TreatyId::opcat()), as_of);
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&derived)?),
            Format::Text => print_opcat(&state.names.en, &derived),
        }
    } else {
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&status)?),
            Format::Text => {
                println!(
                    "{} under {} ({}) on {as_of}",
                    state.names.en, treaty.name_en, treaty.id
                );
                print_participation(&status);
            }
        }
    }
    Ok(())
}

fn print_participation(status: &entente_core::TreatyStatus) {
    println!("  participation:     {:?}", status.participation());
    if let Some(date) = status.signed {
        println!("  signed:            {date}");
    }
    if let Some((kind, date)) = status.consent {
        println!("  consent:           {date} ({kind:?})");
    }
    if let Some(date) = status.denounced {
        println!("  denounced:         {date}");
    }
}

fn print_opcat(name: &str, s: &opcat::OpcatStatus) {
    println!("{name} under OPCAT on {}", s.as_of);
    println!(
        "  stage:             {} ({})",
        s.stage.number(),
        s.stage.code()
    );
    print_participation(&s.opcat);
    if let Some(date) = s.entry_into_force {
        println!("  in force since:    {date}");
    }
    if let (Some(part), Some(end)) = (s.postponement, s.postponement_end) {
        println!("  Art. 24:           {part:?} postponed until {end}");
    }
    if let Some(due) = s.npm_due {
        let overdue = if s.npm_overdue { " (OVERDUE)" } else { "" };
        println!("  NPM due (Art. 17): {due}{overdue}");
    }
    if let Some(date) = s.npm_designated {
        println!("  NPM designated:    {date}");
    }
    for violation in &s.violations {
        println!("  Art. 27 breach in the data: {violation:?}");
    }
}
