//! Recommendations in files: an organisation's spreadsheet of the
//! recommendations it follows, imported all or nothing, every refused
//! value reported with its line and field.

use chrono::Utc;
use entente_core::access::{AccessScope, OrgId, RecordAccess, can_write};
use entente_core::plan::FieldError;
use entente_core::recommendation::{FollowUpDraft, FollowUpKind, FollowUpStatus};
use entente_io::plan::{RecommendationRecord, RowError};

use super::NewFollowUp;
use super::write::{ImportRefusal, check_drafts};
use crate::accounts::{ImportError, ImportSummary, row_error};
use crate::contacts::{alliances_of, named_alliances};
use crate::{Store, StoreError};

impl Store {
    /// Imports recommendations owned by `org`, which `scope` must edit for
    /// ([`StoreError::NotFound`] when it cannot see it,
    /// [`StoreError::Forbidden`] otherwise). All or nothing, in one
    /// transaction: every refused value (an alliance the organisation is
    /// not in, a state Entente does not know, a broken rule of the core)
    /// comes back as a [`RowError`]. A row whose status is other than
    /// `not_started` gets a follow-up event of that status, dated today,
    /// recorded for `org`. Each recommendation created is logged.
    pub fn import_recommendation_records(
        &self,
        scope: &AccessScope,
        org: OrgId,
        records: &[RecommendationRecord],
    ) -> Result<ImportSummary, ImportError> {
        if self.organisation(scope, org)?.is_none() {
            return Err(StoreError::not_found(format!("organisation {org}")).into());
        }
        if !can_write(scope, &RecordAccess::private(org)) {
            return Err(StoreError::forbidden(format!(
                "only an editor or admin of organisation {org} may import its recommendations"
            ))
            .into());
        }
        let mut conn = self.connection()?;
        let alliances = alliances_of(&mut conn, org)?;
        let mut refused = Vec::new();
        let drafts: Vec<_> = records
            .iter()
            .map(|record| {
                let shared =
                    named_alliances(record.line, &record.shared_with, &alliances, &mut refused);
                record.to_draft(org, shared)
            })
            .collect();
        refused.extend(row_errors(
            records,
            check_drafts(&mut conn, scope, &drafts)?,
        ));
        drop(conn);
        if !refused.is_empty() {
            refused.sort_by_key(|e| e.line);
            return Err(ImportError::Rows(refused));
        }
        let today = Utc::now().date_naive();
        let first_events: Vec<Option<NewFollowUp>> = records
            .iter()
            .map(|record| {
                (record.status != FollowUpStatus::NotStarted).then(|| NewFollowUp {
                    event: FollowUpDraft {
                        date: today,
                        kind: FollowUpKind::Other,
                        status: record.status,
                        note: format!("Status given by line {} of an imported file.", record.line),
                    },
                    recorded_by: org,
                })
            })
            .collect();
        match self.insert_recommendations(scope, &drafts, &first_events) {
            Ok(ids) => Ok(ImportSummary {
                inserted: ids.len(),
                updated: 0,
            }),
            Err(ImportRefusal::Rows(rows)) => Err(ImportError::Rows(row_errors(records, rows))),
            Err(ImportRefusal::Store(error)) => Err(error.into()),
        }
    }
}

/// The broken rules of drafts, by position, as refused values of the
/// records they were made from.
fn row_errors(
    records: &[RecommendationRecord],
    refused: Vec<(usize, Vec<FieldError>)>,
) -> Vec<RowError> {
    refused
        .into_iter()
        .flat_map(|(position, errors)| {
            let record = &records[position];
            errors.into_iter().map(move |error| {
                row_error(
                    record.line,
                    error.field,
                    &value_of(record, error.field),
                    error.message,
                )
            })
        })
        .collect()
}

/// A field's value as the row gave it, for the error that refuses it.
fn value_of(record: &RecommendationRecord, field: &str) -> String {
    match field {
        "state" => record.state.to_string(),
        "document_symbol" => record.document_symbol.clone(),
        "document_title" => record.document_title.clone(),
        "document_url" => record.document_url.clone().unwrap_or_default(),
        "addressed_to" => record.addressed_to.clone(),
        "paragraph" => record.paragraph.clone(),
        "visibility" => record.visibility.to_string(),
        "shared_with" => record.shared_with.join("; "),
        "tags" => record.tags.join("; "),
        _ => String::new(),
    }
}
