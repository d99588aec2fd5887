//! Adding and removing a consultation's participants and options, and
//! setting positions: one transaction each with its audit entry, done by
//! editors of the consultation's owner.

use diesel::prelude::*;
use entente_core::access::AccessScope;
use entente_core::consultation::{ConsultationId, OptionDraft, ParticipantDraft, Position};
use entente_core::plan::FieldError;

use super::read::load_matrix;
use super::write::{entry, fields, touch};
use crate::audit::{self, AuditAction};
use crate::schema::{consultation_options, consultation_participants, consultation_positions};
use crate::{Store, StoreError, transaction};

impl Store {
    /// Adds a participant: an organisation of the directory that `scope`
    /// sees (once per consultation), or a body outside it, named.
    pub fn add_participant(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        participant: &ParticipantDraft,
    ) -> Result<i64, StoreError> {
        let consultation = self.writable_consultation(scope, id)?;
        participant.validate().map_err(fields)?;
        if let Some(org) = participant.org {
            if self.organisation(scope, org)?.is_none() {
                return Err(fields(vec![FieldError::new(
                    "org",
                    "unknown_organisation",
                    format!("organisation {org} not found"),
                )]));
            }
        }
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            if let Some(org) = participant.org {
                let already = consultation_participants::table
                    .filter(consultation_participants::consultation_id.eq(id.0))
                    .filter(consultation_participants::org_id.eq(org.0))
                    .count()
                    .get_result::<i64>(conn)?;
                if already > 0 {
                    return Err(fields(vec![FieldError::new(
                        "org",
                        "already_participant",
                        "this organisation already takes part",
                    )]));
                }
            }
            let name = if participant.org.is_some() {
                String::new()
            } else {
                participant.name.trim().to_owned()
            };
            let participant_id = diesel::insert_into(consultation_participants::table)
                .values((
                    consultation_participants::consultation_id.eq(id.0),
                    consultation_participants::org_id.eq(participant.org.map(|o| o.0)),
                    consultation_participants::name.eq(&name),
                    consultation_participants::sector.eq(participant.sector.code()),
                ))
                .returning(consultation_participants::id)
                .get_result::<i64>(conn)?;
            let who = participant
                .org
                .map_or(name, |org| format!("organisation {org}"));
            let detail = format!(
                "participant {participant_id} added: {who} ({})",
                participant.sector
            );
            touch(conn, id.0)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &consultation.content,
                    detail,
                ),
            )?;
            Ok(participant_id)
        })
    }

    /// Removes a participant with its positions.
    pub fn remove_participant(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        participant: i64,
    ) -> Result<(), StoreError> {
        let consultation = self.writable_consultation(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            diesel::delete(
                consultation_positions::table
                    .filter(consultation_positions::participant_id.eq(participant))
                    .filter(
                        consultation_positions::participant_id.eq_any(
                            consultation_participants::table
                                .filter(consultation_participants::consultation_id.eq(id.0))
                                .select(consultation_participants::id),
                        ),
                    ),
            )
            .execute(conn)?;
            let gone = diesel::delete(
                consultation_participants::table
                    .filter(consultation_participants::id.eq(participant))
                    .filter(consultation_participants::consultation_id.eq(id.0)),
            )
            .execute(conn)?;
            if gone == 0 {
                return Err(StoreError::not_found(format!(
                    "participant {participant} of consultation {id}"
                )));
            }
            touch(conn, id.0)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &consultation.content,
                    format!("participant {participant} removed"),
                ),
            )?;
            Ok(())
        })
    }

    /// Adds an option to discuss.
    pub fn add_option(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        option: &OptionDraft,
    ) -> Result<i64, StoreError> {
        let consultation = self.writable_consultation(scope, id)?;
        option.validate().map_err(fields)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let label = option.label.trim();
            let option_id = diesel::insert_into(consultation_options::table)
                .values((
                    consultation_options::consultation_id.eq(id.0),
                    consultation_options::label.eq(label),
                    consultation_options::description.eq(option.description.trim()),
                ))
                .returning(consultation_options::id)
                .get_result::<i64>(conn)?;
            touch(conn, id.0)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &consultation.content,
                    format!("option {option_id} added: {label}"),
                ),
            )?;
            Ok(option_id)
        })
    }

    /// Removes an option with the positions taken on it.
    pub fn remove_option(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        option: i64,
    ) -> Result<(), StoreError> {
        let consultation = self.writable_consultation(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let ours = consultation_options::table
                .filter(consultation_options::id.eq(option))
                .filter(consultation_options::consultation_id.eq(id.0))
                .count()
                .get_result::<i64>(conn)?;
            if ours == 0 {
                return Err(StoreError::not_found(format!(
                    "option {option} of consultation {id}"
                )));
            }
            diesel::delete(
                consultation_positions::table.filter(consultation_positions::option_id.eq(option)),
            )
            .execute(conn)?;
            diesel::delete(consultation_options::table.find(option)).execute(conn)?;
            touch(conn, id.0)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &consultation.content,
                    format!("option {option} removed"),
                ),
            )?;
            Ok(())
        })
    }

    /// Sets a participant's position on an option, replacing the one it
    /// had; both must belong to the consultation (else a field error on
    /// `participant` or `option`).
    pub fn set_position(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        participant: i64,
        option: i64,
        position: Position,
    ) -> Result<(), StoreError> {
        self.set_positions(scope, id, &[(participant, option, Some(position))])
    }

    /// Sets several positions at once, in one transaction with one audit
    /// entry: each `(participant, option, position)`, `None` clearing the
    /// position (the participant said nothing). Unchanged ones are left;
    /// any participant or option not of the consultation refuses them all.
    pub fn set_positions(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
        changes: &[(i64, i64, Option<Position>)],
    ) -> Result<(), StoreError> {
        let consultation = self.writable_consultation(scope, id)?;
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            let matrix = load_matrix(conn, id.0)?;
            let mut errors = Vec::new();
            for (participant, option, _) in changes {
                if !matrix.participants.iter().any(|p| p.id == *participant) {
                    errors.push(FieldError::new(
                        "participant",
                        "unknown_participant",
                        format!(
                            "participant {participant} does not take part in consultation {id}"
                        ),
                    ));
                }
                if !matrix.options.iter().any(|o| o.id == *option) {
                    errors.push(FieldError::new(
                        "option",
                        "unknown_option",
                        format!("option {option} is not discussed in consultation {id}"),
                    ));
                }
            }
            if !errors.is_empty() {
                return Err(fields(errors));
            }
            let mut said = Vec::new();
            for (participant, option, position) in changes {
                let before = matrix.position(*participant, *option);
                if before == *position {
                    continue;
                }
                diesel::delete(
                    consultation_positions::table
                        .filter(consultation_positions::participant_id.eq(*participant))
                        .filter(consultation_positions::option_id.eq(*option)),
                )
                .execute(conn)?;
                if let Some(position) = position {
                    diesel::insert_into(consultation_positions::table)
                        .values((
                            consultation_positions::participant_id.eq(*participant),
                            consultation_positions::option_id.eq(*option),
                            consultation_positions::position.eq(position.code()),
                        ))
                        .execute(conn)?;
                }
                let was = before.map_or("none", Position::code);
                let now = position.map_or("none", Position::code);
                said.push(format!(
                    "participant {participant} on option {option}: {was} -> {now}"
                ));
            }
            if said.is_empty() {
                return Ok(());
            }
            touch(conn, id.0)?;
            audit::append(
                conn,
                &entry(
                    scope,
                    AuditAction::RecordUpdated,
                    id.0,
                    &consultation.content,
                    format!("positions: {}", said.join("; ")),
                ),
            )?;
            Ok(())
        })
    }
}
