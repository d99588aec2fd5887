//! Sheets of recommendations read into records: the state, the body
//! ("Sous-comité pour la prévention de la torture", "EPU"), the source
//! document, the text, themes, tags, the status as the coalition last
//! assessed it and who may see it; the rules of the core that need no
//! database checked on every line.

use entente_core::access::{AllianceId, OrgId, Visibility};
use entente_core::recommendation::{Body, FollowUpStatus, RecommendationDraft};
use entente_core::{Iso3, State};

use super::row::{Row, read_rows};
use super::sheet::Sheet;
use super::values::{StateLookup, split_list};
use super::{HeaderMapping, RecommendationRecord, RecordKind, RowError};

/// The recommendations of a sheet, or every refused value of every line.
pub fn read_recommendations(
    sheet: &Sheet,
    mapping: &HeaderMapping,
    states: &[State],
) -> Result<Vec<RecommendationRecord>, Vec<RowError>> {
    let lookup = StateLookup::new(states);
    // A refused state leaves a stand-in, so the other rules still run on
    // the line (which is dropped anyway).
    let stand_in = states.first().map(|s| s.iso3);
    read_rows(sheet, mapping, RecordKind::Recommendations, |row| {
        let state = row.state("state", &lookup);
        let record = read_recommendation(row, state.or(stand_in)?);
        check_recommendation(row, &record);
        Some(record)
    })
}

/// The recommendation of a line; a refused value leaves a stand-in.
fn read_recommendation(row: &mut Row<'_>, state: Iso3) -> RecommendationRecord {
    let body = row.code::<Body>("body", None);
    let document_date = row.date("document_date");
    let themes = row.codes("themes");
    let status = row.code("status", Some(FollowUpStatus::NotStarted));
    let visibility = row.code("visibility", Some(Visibility::Private));
    let tags = split_list(row.get("tags"), true)
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    RecommendationRecord {
        line: row.line,
        state,
        body: body.unwrap_or(Body::Other),
        document_symbol: row.text("document_symbol"),
        document_title: row.text("document_title"),
        document_url: row.optional_text("document_url"),
        document_date,
        addressed_to: row.text("addressed_to"),
        paragraph: row.text("paragraph"),
        text: row.text("text"),
        themes,
        tags,
        status: status.unwrap_or(FollowUpStatus::NotStarted),
        visibility: visibility.unwrap_or(Visibility::Private),
        shared_with: row.names("shared_with"),
    }
}

/// The rules of the core, alliances named in the file standing for their
/// numbers (the store resolves them).
fn check_recommendation(row: &mut Row<'_>, record: &RecommendationRecord) {
    let draft = record.to_draft(
        OrgId(0),
        (1..=record.shared_with.len() as i64)
            .map(AllianceId)
            .collect(),
    );
    if let Err(errors) = draft.validate() {
        for error in errors {
            if !row.refused(error.field) {
                row.refuse(error.field, error.message);
            }
        }
    }
}

impl RecommendationRecord {
    /// The recommendation the record describes, owned by `owner`, once its
    /// alliances, named in the file, are known by number.
    pub fn to_draft(&self, owner: OrgId, shared_with: Vec<AllianceId>) -> RecommendationDraft {
        RecommendationDraft {
            state: self.state,
            body: self.body,
            document_symbol: self.document_symbol.clone(),
            document_title: self.document_title.clone(),
            document_url: self.document_url.clone(),
            document_date: self.document_date,
            addressed_to: self.addressed_to.clone(),
            paragraph: self.paragraph.clone(),
            text: self.text.clone(),
            themes: self.themes.clone(),
            tags: self.tags.clone(),
            owner,
            visibility: self.visibility,
            shared_with,
            demo: false,
        }
    }
}
