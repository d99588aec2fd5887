//! Treaties on one day: party and signatory counts for each, and a treaty's
//! participants, filtered by M49 region or regional group and sorted.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::NaiveDate;
use entente_core::{
    ConsentKind, Iso3, Participation, RegionalGroup, State, Treaty, TreatyEvent, TreatyId,
    TreatyStatus,
};
use serde::Serialize;
use utoipa::ToSchema;

use super::StateRef;
use super::order::collation_key;

/// A treaty with its counts on the day asked for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TreatySummary {
    #[schema(value_type = String, example = "opcat")]
    pub id: TreatyId,
    /// The UN depositary number, e.g. IV-9-b.
    pub mtdsg_no: String,
    pub name_en: String,
    pub opened_year: Option<i32>,
    /// The UN Treaty Collection status page.
    pub status_url: String,
    pub parties: usize,
    /// Signatories that are not (yet) parties.
    pub signatories: usize,
    pub as_of: NaiveDate,
}

/// Per-state statuses under each treaty, from events of any treaty.
fn statuses(events: &[TreatyEvent], as_of: NaiveDate) -> HashMap<(&TreatyId, Iso3), TreatyStatus> {
    let mut grouped: HashMap<(&TreatyId, Iso3), Vec<&TreatyEvent>> = HashMap::new();
    for e in events.iter().filter(|e| e.known_on(as_of)) {
        grouped.entry((&e.treaty, e.state)).or_default().push(e);
    }
    grouped
        .into_iter()
        .map(|(key, evs)| (key, TreatyStatus::from_events(evs, as_of)))
        .collect()
}

impl TreatySummary {
    /// A summary for each treaty, counting only the listed states.
    pub fn list(
        treaties: &[Treaty],
        states: &[State],
        events: &[TreatyEvent],
        as_of: NaiveDate,
    ) -> Vec<TreatySummary> {
        let known: std::collections::HashSet<Iso3> = states.iter().map(|s| s.iso3).collect();
        let statuses = statuses(events, as_of);
        treaties
            .iter()
            .map(|t| {
                let count = |p: Participation| {
                    statuses
                        .iter()
                        .filter(|((id, iso3), st)| {
                            **id == t.id && known.contains(iso3) && st.participation() == p
                        })
                        .count()
                };
                TreatySummary {
                    id: t.id.clone(),
                    mtdsg_no: t.mtdsg_no.clone(),
                    name_en: t.name_en.clone(),
                    opened_year: t.opened_year,
                    status_url: t.status_url.clone(),
                    parties: count(Participation::Party),
                    signatories: count(Participation::Signatory),
                    as_of,
                }
            })
            .collect()
    }
}

/// How participants are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Signature,
    Consent,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Signature, SortKey::Consent];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Signature => "signature",
            SortKey::Consent => "consent",
        }
    }
}

impl FromStr for SortKey {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        SortKey::ALL.into_iter().find(|k| k.code() == s).ok_or(())
    }
}

/// Which participants to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParticipantFilter {
    /// An M49 region or sub-region code.
    pub region: Option<u16>,
    pub regional_group: Option<RegionalGroup>,
    pub sort: SortKey,
}

/// A state that has signed or joined the treaty.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Participant {
    #[serde(flatten)]
    pub state: StateRef,
    /// `signatory`, `party` or `withdrawn`.
    #[schema(value_type = String, example = "party")]
    pub participation: Participation,
    pub signature: Option<NaiveDate>,
    pub consent: Option<NaiveDate>,
    #[schema(value_type = Option<String>, example = "accession")]
    pub consent_kind: Option<ConsentKind>,
}

/// A treaty's participants on one day, with counts after filtering.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Participants {
    #[schema(value_type = String, example = "opcat")]
    pub treaty: TreatyId,
    pub as_of: NaiveDate,
    pub parties: usize,
    pub signatories: usize,
    pub participants: Vec<Participant>,
}

impl Participants {
    /// The participants of `treaty` among `states`, `events` being that
    /// treaty's; names sort in `lang` (the API sorts in English).
    pub fn build(
        treaty: &TreatyId,
        states: &[State],
        events: &[TreatyEvent],
        as_of: NaiveDate,
        filter: ParticipantFilter,
        lang: &str,
    ) -> Participants {
        let statuses = statuses(events, as_of);
        let in_area = |s: &State| {
            filter.region.is_none_or(|code| {
                [&s.region, &s.subregion]
                    .into_iter()
                    .flatten()
                    .any(|a| a.code == code)
            })
        };
        let mut participants: Vec<Participant> = states
            .iter()
            .filter(|s| {
                in_area(s)
                    && filter
                        .regional_group
                        .is_none_or(|g| s.regional_group == Some(g))
            })
            .filter_map(|s| {
                let status = statuses.get(&(treaty, s.iso3))?;
                let participation = status.participation();
                (participation != Participation::NoAction).then(|| Participant {
                    state: s.into(),
                    participation,
                    signature: status.signed,
                    consent: status.consent.map(|(_, d)| d),
                    consent_kind: status.consent.map(|(k, _)| k),
                })
            })
            .collect();
        sort(&mut participants, filter.sort, lang);
        let count = |p| participants.iter().filter(|x| x.participation == p).count();
        Participants {
            treaty: treaty.clone(),
            as_of,
            parties: count(Participation::Party),
            signatories: count(Participation::Signatory),
            participants,
        }
    }
}

/// Dated sorts put states without the date last; ties keep the name order
/// (the sorts are stable).
fn sort(participants: &mut [Participant], key: SortKey, lang: &str) {
    participants.sort_by_cached_key(|p| collation_key(p.state.name(lang), lang));
    let date: fn(&Participant) -> Option<NaiveDate> = match key {
        SortKey::Name => return,
        SortKey::Signature => |p| p.signature,
        SortKey::Consent => |p| p.consent,
    };
    participants.sort_by_key(|p| (date(p).is_none(), date(p)));
}
