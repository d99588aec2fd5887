//! Reading consultations as a scope may see them: one, its positions
//! matrix, a filtered page, a state's.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use entente_core::Iso3;
use entente_core::access::{AccessScope, AllianceId, OrgId, UserId, Visibility};
use entente_core::consultation::{ConsultationDraft, ConsultationId};

use super::{
    Consultation, ConsultationFilter, ConsultationOption, ConsultationPage, Participant,
    PositionsMatrix,
};
use crate::accounts::rows::stored_code;
use crate::accounts::{Condition, alliance_ids, org_ids};
use crate::connection::{Db, DbConnection};
use crate::plan::PageRequest;
use crate::schema::{
    consultation_alliances, consultation_options, consultation_participants,
    consultation_positions, consultations,
};
use crate::{Store, StoreError};

type ConsultationQuery<'a> = consultations::BoxedQuery<'a, Db>;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = consultations)]
pub(crate) struct ConsultationRow {
    pub id: i64,
    pub owner_org: i64,
    pub state: String,
    pub title: String,
    pub kind: String,
    pub start_date: Option<chrono::NaiveDate>,
    pub end_date: Option<chrono::NaiveDate>,
    pub outcome: String,
    pub visibility: String,
    pub demo: bool,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ConsultationRow {
    fn into_consultation(self, alliances: Vec<i64>) -> Result<Consultation, StoreError> {
        let id = self.id;
        Ok(Consultation {
            id: ConsultationId(id),
            content: ConsultationDraft {
                state: stored_code("consultation", id, "state", &self.state)?,
                title: self.title,
                kind: stored_code("consultation", id, "kind", &self.kind)?,
                start: self.start_date,
                end: self.end_date,
                outcome: self.outcome,
                owner: OrgId(self.owner_org),
                visibility: stored_code("consultation", id, "visibility", &self.visibility)?,
                shared_with: alliances.into_iter().map(AllianceId).collect(),
                demo: self.demo,
            },
            created_by: self.created_by.map(UserId),
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Consultations the scope may read: public ones; for members, those their
/// organisations own and those shared with their alliances. `None`: no
/// condition (the site admin).
fn visible_consultations(scope: &AccessScope) -> Option<Condition<consultations::table>> {
    let public = consultations::visibility.eq(Visibility::Public.code());
    match scope {
        AccessScope::SiteAdmin(_) => None,
        AccessScope::Public => Some(Box::new(public)),
        AccessScope::Member(member) => {
            let shared = consultation_alliances::table
                .filter(consultation_alliances::alliance_id.eq_any(alliance_ids(member)))
                .select(consultation_alliances::consultation_id);
            let allied = consultations::visibility
                .eq(Visibility::Alliance.code())
                .and(consultations::id.eq_any(shared));
            Some(Box::new(
                public
                    .or(consultations::owner_org.eq_any(org_ids(member)))
                    .or(allied),
            ))
        }
    }
}

impl Store {
    /// One consultation, or `None` when it is missing or `scope` may not
    /// read it.
    pub fn consultation(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
    ) -> Result<Option<Consultation>, StoreError> {
        let mut conn = self.connection()?;
        let rows = visible(scope)
            .filter(consultations::id.eq(id.0))
            .select(ConsultationRow::as_select())
            .load(&mut *conn)?;
        Ok(with_alliances(&mut conn, rows)?.pop())
    }

    /// A consultation's participants, options and positions; `None` when
    /// it is missing or `scope` may not read it.
    pub fn positions_matrix(
        &self,
        scope: &AccessScope,
        id: ConsultationId,
    ) -> Result<Option<PositionsMatrix>, StoreError> {
        if self.consultation(scope, id)?.is_none() {
            return Ok(None);
        }
        let mut conn = self.connection()?;
        load_matrix(&mut conn, id.0).map(Some)
    }

    /// The consultations `scope` may read that `filter` selects, latest
    /// start first (undated last), `page` of them, and how many in all.
    pub fn list_consultations(
        &self,
        scope: &AccessScope,
        filter: &ConsultationFilter,
        page: PageRequest,
    ) -> Result<ConsultationPage, StoreError> {
        let mut conn = self.connection()?;
        let total = filtered(scope, filter)
            .count()
            .get_result::<i64>(&mut *conn)?;
        let limit = if page == PageRequest::ALL {
            i64::MAX
        } else {
            i64::from(page.limit.min(PageRequest::MAX_LIMIT))
        };
        let rows = filtered(scope, filter)
            .order((
                consultations::start_date.is_null(),
                consultations::start_date.desc(),
                consultations::id.desc(),
            ))
            .limit(limit)
            .offset(i64::try_from(page.offset).unwrap_or(i64::MAX))
            .select(ConsultationRow::as_select())
            .load(&mut *conn)?;
        Ok(ConsultationPage {
            consultations: with_alliances(&mut conn, rows)?,
            total: u64::try_from(total).unwrap_or(0),
        })
    }

    /// Every consultation on `state` that `scope` may read, latest first:
    /// what the state page lists.
    pub fn state_consultations(
        &self,
        scope: &AccessScope,
        state: Iso3,
    ) -> Result<Vec<Consultation>, StoreError> {
        let filter = ConsultationFilter {
            states: vec![state],
            ..ConsultationFilter::default()
        };
        Ok(self
            .list_consultations(scope, &filter, PageRequest::ALL)?
            .consultations)
    }
}

fn visible<'a>(scope: &AccessScope) -> ConsultationQuery<'a> {
    let mut query = consultations::table.into_boxed();
    if let Some(condition) = visible_consultations(scope) {
        query = query.filter(condition);
    }
    query
}

fn filtered<'a>(scope: &AccessScope, filter: &'a ConsultationFilter) -> ConsultationQuery<'a> {
    let mut query = visible(scope);
    if !filter.states.is_empty() {
        let codes: Vec<String> = filter
            .states
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        query = query.filter(consultations::state.eq_any(codes));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(consultations::kind.eq(kind.code()));
    }
    if let Some(owner) = filter.owner {
        query = query.filter(consultations::owner_org.eq(owner.0));
    }
    query
}

/// The rows with the alliances each is shared with.
fn with_alliances(
    conn: &mut DbConnection,
    rows: Vec<ConsultationRow>,
) -> Result<Vec<Consultation>, StoreError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut shared: HashMap<i64, Vec<i64>> = HashMap::new();
    for chunk in ids.chunks(crate::batch::ROWS_PER_STATEMENT) {
        let pairs: Vec<(i64, i64)> = consultation_alliances::table
            .filter(consultation_alliances::consultation_id.eq_any(chunk))
            .order((
                consultation_alliances::consultation_id,
                consultation_alliances::alliance_id,
            ))
            .select((
                consultation_alliances::consultation_id,
                consultation_alliances::alliance_id,
            ))
            .load(conn)?;
        for (id, alliance) in pairs {
            shared.entry(id).or_default().push(alliance);
        }
    }
    rows.into_iter()
        .map(|row| {
            let alliances = shared.remove(&row.id).unwrap_or_default();
            row.into_consultation(alliances)
        })
        .collect()
}

/// The matrix of a consultation the caller may read.
pub(crate) fn load_matrix(conn: &mut DbConnection, id: i64) -> Result<PositionsMatrix, StoreError> {
    let participants: Vec<(i64, Option<i64>, String, String)> = consultation_participants::table
        .filter(consultation_participants::consultation_id.eq(id))
        .order(consultation_participants::id)
        .select((
            consultation_participants::id,
            consultation_participants::org_id,
            consultation_participants::name,
            consultation_participants::sector,
        ))
        .load(conn)?;
    let participants = participants
        .into_iter()
        .map(|(pid, org, name, sector)| {
            Ok(Participant {
                id: pid,
                org: org.map(OrgId),
                name,
                sector: stored_code("consultation participant", pid, "sector", &sector)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let options: Vec<(i64, String, String)> = consultation_options::table
        .filter(consultation_options::consultation_id.eq(id))
        .order(consultation_options::id)
        .select((
            consultation_options::id,
            consultation_options::label,
            consultation_options::description,
        ))
        .load(conn)?;
    let options = options
        .into_iter()
        .map(|(oid, label, description)| ConsultationOption {
            id: oid,
            label,
            description,
        })
        .collect();
    let of_consultation = consultation_participants::table
        .filter(consultation_participants::consultation_id.eq(id))
        .select(consultation_participants::id);
    let stored: Vec<(i64, i64, String)> = consultation_positions::table
        .filter(consultation_positions::participant_id.eq_any(of_consultation))
        .select((
            consultation_positions::participant_id,
            consultation_positions::option_id,
            consultation_positions::position,
        ))
        .load(conn)?;
    let mut positions = HashMap::with_capacity(stored.len());
    for (participant, option, position) in stored {
        let key = format!("{participant}/{option}");
        positions.insert(
            (participant, option),
            stored_code("consultation position", key, "position", &position)?,
        );
    }
    Ok(PositionsMatrix {
        participants,
        options,
        positions,
    })
}
