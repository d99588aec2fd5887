//! The whole analysis on a million actions, timed: run with `--release`
//! (in a debug build it is skipped, its figures would mean nothing).

use std::time::{Duration, Instant};

use super::tests_support::{action, d, iso, profile, state_at};
use super::*;
use crate::access::OrgKind;
use crate::event::{ConsentKind, EventKind};

/// A tiny deterministic generator, so every run times the same data.
struct Draw(u64);

impl Draw {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

fn state_codes() -> Vec<Iso3> {
    (0..190u8)
        .map(|i| {
            let code = [b'A' + i / 26 % 26, b'A' + i % 26, b'X'];
            iso(std::str::from_utf8(&code).unwrap())
        })
        .collect()
}

/// A million actions of 1,000 organisations on 190 states: one or two
/// audiences, start dates over five years, a day to a month long, one in
/// four closed, one in five with a due date.
fn million_actions(states: &[Iso3]) -> Vec<PlannedAction> {
    let mut draw = Draw(0x5eed);
    let base = d("2024-01-01");
    (0..1_000_000)
        .map(|id| {
            let mut a = action(id, draw.below(1000) as i64);
            a.states = vec![states[draw.below(190) as usize]];
            a.audiences = vec![Audience::ALL[draw.below(9) as usize]];
            if draw.below(3) == 0 {
                a.audiences.push(Audience::ALL[draw.below(9) as usize]);
            }
            a.action_type =
                ["letter", "seminar", "media_work", "training"][draw.below(4) as usize].into();
            let start = base + chrono::Days::new(draw.below(5 * 365));
            a.start = Some(start);
            a.end = Some(start + chrono::Days::new(draw.below(30)));
            a.status = ActionStatus::ALL[draw.below(4) as usize + 1];
            a.due = (draw.below(5) == 0).then_some(start);
            a
        })
        .collect()
}

fn profiles() -> Profiles {
    let mut draw = Draw(7);
    (0..1000)
        .map(|id| {
            let level = Level::ALL[draw.below(3) as usize];
            let sector = Sector::ALL[draw.below(10) as usize];
            (
                OrgId(id),
                profile(id, OrgKind::NationalNgo, level, &[sector]),
            )
        })
        .collect()
}

fn timed<T>(what: &str, run: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let result = run();
    let took = started.elapsed();
    eprintln!("{what}: {took:?}");
    (result, took)
}

#[test]
#[cfg_attr(debug_assertions, ignore = "a timing: run with --release")]
fn the_whole_analysis_of_a_million_actions_takes_under_a_second() {
    let codes = state_codes();
    let actions = million_actions(&codes);
    let profiles = profiles();
    let as_of = "2026-06-01";
    let ratify = EventKind::Consent(ConsentKind::Ratification);
    let states: Vec<StateAtStage> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let opcat = [(ratify, ["2010-01-01", "2025-01-01", "2026-03-01"][i % 3])];
            state_at(
                code.as_str(),
                &[(ratify, "2000-01-01")],
                &opcat,
                "2010-01-01",
                as_of,
            )
        })
        .collect();
    let best = OverlapSettings {
        limit: Some(1000),
        ..OverlapSettings::default()
    };
    let (all, overlaps_took) = timed("overlaps", || overlaps(&actions, &profiles, best));
    let mine = OverlapSettings {
        involving: Some(OrgId(1)),
        ..best
    };
    let (own, own_took) = timed("overlaps of one organisation", || {
        overlaps(&actions, &profiles, mine)
    });
    let playbook = Playbook::default();
    let (found_gaps, gaps_took) = timed("gaps", || {
        gaps(
            &states,
            &actions,
            &profiles,
            &playbook,
            d(as_of),
            GapSettings::default(),
        )
    });
    let (timeline, deadlines_took) = timed("deadlines", || deadlines(&states, &actions, d(as_of)));
    let groups = codes.iter().map(|c| (*c, RegionalGroup::African)).collect();
    let (suggested, partners_took) = timed("partners", || {
        partners(
            &profiles[&OrgId(1)],
            Place::State(codes[0]),
            &actions,
            &profiles,
            &Default::default(),
            &groups,
        )
    });
    eprintln!(
        "{} overlaps ({} of one organisation), {} gaps, {} deadlines, {} partners",
        all.total,
        own.total,
        found_gaps.len(),
        timeline.len(),
        suggested.len()
    );
    assert_eq!(all.ranked.len(), 1000);
    assert!(own.total > 0 && own.total < all.total);
    assert!(!found_gaps.is_empty() && !timeline.is_empty() && !suggested.is_empty());
    let took = overlaps_took + own_took + gaps_took + deadlines_took + partners_took;
    assert!(took < Duration::from_secs(1), "{took:?}");
}
