//! Demo recommendations for the coalition's states that are parties:
//! several bodies, statuses set by dated follow-up events, some to be
//! linked to the demo actions on their state and some left with none (so
//! the board shows them as gaps). Every text says "Demo data" and every
//! document symbol ends in "(demo)", so they are never taken for the real
//! bodies' words.

use chrono::{Days, NaiveDate};
use entente_core::Stage;
use entente_core::access::{OrgId, Visibility};
use entente_core::recommendation::{
    Body, FollowUpDraft, FollowUpKind, FollowUpStatus, RecommendationDraft, Theme,
};
use fastrand::Rng;

use super::{Coalition, DemoState};

/// How many states get recommendations.
const STATES: usize = 8;

/// What a demo recommendation is about, with its theme.
const TEXTS: [(&str, Theme); 6] = [
    (
        "Demo data: guarantee the NPM a budget line of its own, voted by parliament.",
        Theme::Npm,
    ),
    (
        "Demo data: record every deprivation of liberty in a register from its first hour.",
        Theme::Safeguards,
    ),
    (
        "Demo data: define torture in the criminal code in line with article 1 of the Convention.",
        Theme::LegalFramework,
    ),
    (
        "Demo data: end overcrowding in pre-trial detention.",
        Theme::Conditions,
    ),
    (
        "Demo data: investigate every allegation of ill-treatment promptly and impartially.",
        Theme::Investigation,
    ),
    (
        "Demo data: publish the SPT's visit report and reply to it within six months.",
        Theme::Cooperation,
    ),
];

/// A demo recommendation, the short name of its owner, its follow-up
/// events, and whether the demo links it to an action on its state.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoRecommendation {
    pub owner: String,
    /// Names `OrgId(0)` until the caller sets the stored owner.
    pub draft: RecommendationDraft,
    pub follow_ups: Vec<FollowUpDraft>,
    pub pushed: bool,
}

impl Coalition {
    /// The demo's recommendations: the same for the same seed and states.
    pub fn recommendation_records(&self) -> Vec<DemoRecommendation> {
        let mut rng = Rng::with_seed(self.seed ^ 0x7265_6300);
        let parties: Vec<&DemoState> = self
            .campaign
            .iter()
            .filter(|s| s.stage >= Stage::PartyNpmPending)
            .take(STATES)
            .collect();
        let Some(owner) = self.organisations.first() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (n, state) in parties.iter().enumerate() {
            let count = 2 + rng.usize(..3);
            for k in 0..count {
                out.push(self.recommendation(&mut rng, state, &owner.record.short_name, n, k));
            }
        }
        out
    }

    fn recommendation(
        &self,
        rng: &mut Rng,
        state: &DemoState,
        owner: &str,
        n: usize,
        k: usize,
    ) -> DemoRecommendation {
        let body = [Body::Spt, Body::Cat, Body::Upr, Body::Npm][(n + k) % 4];
        let (text, theme) = TEXTS[rng.usize(..TEXTS.len())];
        let issued = self
            .today
            .checked_sub_days(Days::new(rng.u64(400..2500)))
            .unwrap_or(self.today);
        let symbol = match body {
            Body::Spt => format!("CAT/OP/{}/R.1 (demo)", state.iso3),
            Body::Cat => format!("CAT/C/{}/CO/1 (demo)", state.iso3),
            Body::Upr => format!("A/HRC/UPR/{} (demo)", state.iso3),
            _ => format!("NPM annual report {} (demo)", state.iso3),
        };
        // SPT reports stay confidential unless published: the demo keeps
        // them private to their owner.
        let visibility = if body == Body::Spt {
            Visibility::Private
        } else {
            Visibility::Public
        };
        DemoRecommendation {
            owner: owner.to_owned(),
            draft: RecommendationDraft {
                state: state.iso3,
                body,
                document_symbol: symbol,
                document_title: format!("Demo report on {}", state.name),
                document_url: None,
                document_date: Some(issued),
                addressed_to: "Ministry of Justice (demo)".to_owned(),
                paragraph: format!("{}", 10 + rng.u32(..80)),
                text: text.to_owned(),
                themes: vec![theme],
                tags: vec!["demo".to_owned()],
                owner: OrgId(0),
                visibility,
                shared_with: Vec::new(),
                demo: true,
            },
            follow_ups: follow_ups(rng, issued, self.today),
            pushed: rng.bool(),
        }
    }
}

/// None, one or two dated events after the document, ending at any status.
fn follow_ups(rng: &mut Rng, issued: NaiveDate, today: NaiveDate) -> Vec<FollowUpDraft> {
    let steps = rng.usize(..3);
    let mut day = issued;
    (0..steps)
        .filter_map(|step| {
            day = day.checked_add_days(Days::new(rng.u64(60..300)))?;
            (day <= today).then(|| FollowUpDraft {
                date: day,
                kind: if step == 0 {
                    FollowUpKind::StateReply
                } else {
                    FollowUpKind::NgoAssessment
                },
                status: FollowUpStatus::ALL[rng.usize(..FollowUpStatus::ALL.len())],
                note: "Demo data".to_owned(),
            })
        })
        .collect()
}
