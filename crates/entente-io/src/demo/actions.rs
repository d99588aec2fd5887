//! One demo action from (seed, number): a campaign state, what the
//! playbook calls for at its stage, an organisation that would lead it,
//! dates around the data's day with a status that fits them, a budget
//! now and then, and who sees it. Every eighth action shadows the one
//! before it (same state and audience, a few days apart, another lead),
//! so the coordination engine finds overlaps.

use chrono::{Days, NaiveDate};
use entente_core::RegionalGroup;
use entente_core::access::Visibility;
use entente_core::plan::{ActionStatus, Audience, Budget, Level};
use fastrand::Rng;

use super::playbook::{self, Language, Play};
use super::{Coalition, DemoOrganisation, DemoState, rng_for};
use crate::plan::ActionRecord;

/// Actions are spread from this many days before the data's day...
const DAYS_BEFORE: u64 = 360;
/// ... to this many after it.
const DAYS_AFTER: u64 = 540;
/// Every this many actions, one overlaps the one before it.
const OVERLAP_EVERY: u64 = 8;

/// The choices an action starts from, which an overlapping one repeats.
struct Draw<'a> {
    state: &'a DemoState,
    play: Play<'a>,
    audience: Audience,
    lead: &'a DemoOrganisation,
    start: NaiveDate,
}

pub(super) fn action(coalition: &Coalition, index: u64) -> ActionRecord {
    let mut rng = rng_for(coalition.seed, index);
    let mut drawn = draw(coalition, &mut rng);
    if index % OVERLAP_EVERY == OVERLAP_EVERY - 1 {
        let before = draw(coalition, &mut rng_for(coalition.seed, index - 1));
        let others: Vec<&DemoOrganisation> = leads(coalition, before.state, before.play)
            .into_iter()
            .filter(|o| o.record.short_name != before.lead.record.short_name)
            .collect();
        if !others.is_empty() {
            let shift = rng.i64(-5..=5);
            drawn = Draw {
                lead: others[rng.usize(..others.len())],
                start: shifted(before.start, shift),
                ..before
            };
        }
    }
    record(coalition, &mut rng, drawn, index)
}

fn shifted(day: NaiveDate, days: i64) -> NaiveDate {
    let by = Days::new(days.unsigned_abs());
    if days < 0 { day - by } else { day + by }
}

fn draw<'a>(coalition: &'a Coalition, rng: &mut Rng) -> Draw<'a> {
    let state = &coalition.campaign[rng.usize(..coalition.campaign.len())];
    // Coalition::new keeps only the states its playbook has a play for.
    let play = playbook::play(&coalition.playbook, state.stage, state.npm_overdue)
        .unwrap_or_else(|| unreachable!("campaign states all have a play"));
    let audience = play.audiences[rng.usize(..play.audiences.len())];
    let candidates = leads(coalition, state, play);
    let lead = candidates[rng.usize(..candidates.len())];
    let start = shifted(
        coalition.today,
        rng.i64(-(DAYS_BEFORE as i64)..=DAYS_AFTER as i64),
    );
    Draw {
        state,
        play,
        audience,
        lead,
        start,
    }
}

/// The organisations that would lead an action on `state`: those of the
/// kinds the play names that work there (national ones in their state,
/// regional ones in their region, international ones everywhere); any
/// that works there when none of those does.
fn leads<'a>(
    coalition: &'a Coalition,
    state: &DemoState,
    play: Play<'_>,
) -> Vec<&'a DemoOrganisation> {
    let works_there = |o: &&DemoOrganisation| match (o.state, o.record.level) {
        (Some(iso3), _) => iso3 == state.iso3,
        (None, Level::Regional) => o.record.regions.iter().any(|r| Some(*r) == state.group),
        (None, _) => true,
    };
    let fitting: Vec<&DemoOrganisation> = coalition
        .organisations
        .iter()
        .filter(works_there)
        .filter(|o| play.actors.contains(&o.record.kind))
        .collect();
    if fitting.is_empty() {
        coalition.organisations.iter().filter(works_there).collect()
    } else {
        fitting
    }
}

fn language(rng: &mut Rng, group: Option<RegionalGroup>) -> Language {
    match (group, rng.u8(..10)) {
        (Some(RegionalGroup::Grulac), 0..=6) => Language::Es,
        (Some(RegionalGroup::African), 0..=3) => Language::Fr,
        (_, 9) => Language::Fr,
        (_, 8) => Language::Es,
        _ => Language::En,
    }
}

fn status(rng: &mut Rng, start: NaiveDate, end: NaiveDate, today: NaiveDate) -> ActionStatus {
    if end < today {
        if rng.u8(..7) == 0 {
            ActionStatus::Cancelled
        } else {
            ActionStatus::Done
        }
    } else if start <= today {
        ActionStatus::UnderWay
    } else if rng.u8(..4) == 0 {
        ActionStatus::Idea
    } else {
        ActionStatus::Planned
    }
}

fn budget(rng: &mut Rng) -> Option<Budget> {
    if rng.u8(..5) >= 2 {
        return None;
    }
    let currency = ["EUR", "USD", "CHF", "GBP"][rng.usize(..4)];
    let amount = rng.u32(5..=400) * 100;
    Budget::parse(&amount.to_string(), currency).ok()
}

fn record(coalition: &Coalition, rng: &mut Rng, drawn: Draw<'_>, index: u64) -> ActionRecord {
    let Draw {
        state,
        play,
        audience,
        lead,
        start,
    } = drawn;
    let action_type = play.types[rng.usize(..play.types.len())].as_str();
    let language = language(rng, state.group);
    let state_name = match language {
        Language::En => &state.name,
        Language::Fr => &state.name_fr,
        Language::Es => &state.name_es,
    };
    let end = shifted(start, rng.i64(0..=45));
    let status = status(rng, start, end, coalition.today);
    let mut audiences = vec![audience];
    let second = play.audiences[rng.usize(..play.audiences.len())];
    if second != audience && rng.bool() {
        audiences.push(second);
    }
    let lead_name = lead.record.short_name.clone();
    let partners: Vec<String> = if rng.u8(..3) == 0 {
        let others: Vec<&DemoOrganisation> = leads(coalition, state, play)
            .into_iter()
            .filter(|o| o.record.short_name != lead_name)
            .collect();
        (!others.is_empty())
            .then(|| others[rng.usize(..others.len())].record.short_name.clone())
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };
    let alliances = coalition.alliances_of(&lead_name);
    let (visibility, shared_with) = match rng.u8(..10) {
        0..=4 => (Visibility::Public, Vec::new()),
        5..=7 if !alliances.is_empty() => {
            let alliance = alliances[rng.usize(..alliances.len())];
            (Visibility::Alliance, vec![alliance.name.clone()])
        }
        _ => (Visibility::Private, Vec::new()),
    };
    ActionRecord {
        signal: None,
        line: usize::try_from(index).map_or(usize::MAX, |i| i.saturating_add(2)),
        title: format!("{} — {state_name}", playbook::title(action_type, language)),
        description: playbook::description(language).to_owned(),
        action_type: action_type.to_owned(),
        phase: play.phase,
        level: lead.record.level,
        states: vec![state.iso3],
        audiences,
        lead: Some(lead_name),
        partners,
        start: Some(start),
        end: (rng.u8(..6) > 0).then_some(end),
        due: None,
        status,
        budget: budget(rng),
        staff_days: (rng.u8(..3) > 0).then(|| f64::from(rng.u8(1..=40)) / 2.0),
        expected_outcome: format!("Demo data: {}", play.outcome),
        actual_outcome: if status == ActionStatus::Done {
            "Demo data: done as planned.".to_owned()
        } else {
            String::new()
        },
        outcome_event: None,
        documents: Vec::new(),
        visibility,
        shared_with,
    }
}
