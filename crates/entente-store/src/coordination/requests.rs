//! Contact requests: a member asks, from a signal, to be put in touch with
//! whoever emits it. The request goes to the admins of the action's lead,
//! who answer (the requester then learns who answered, and the owner the
//! requester's contact details) or decline (the requester learns only
//! that). Until answered the requester never learns the owner.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, Role, UserId, can_administer};
use entente_core::plan::{ActionId, FieldError};

use super::signals::signal_action;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::notifications::jobs::{JobKind, insert_job};
use crate::plan::write::fields_result;
use crate::schema::{
    action_signals, actions, contact_requests, memberships, notification_preferences,
    organisations, users,
};
use crate::{Store, StoreError, transaction};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Pending,
    Answered,
    Declined,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Answered => "answered",
            RequestStatus::Declined => "declined",
        }
    }

    fn parse(id: i64, code: &str) -> Result<Self, StoreError> {
        match code {
            "pending" => Ok(RequestStatus::Pending),
            "answered" => Ok(RequestStatus::Answered),
            "declined" => Ok(RequestStatus::Declined),
            other => Err(StoreError::corrupt(format!(
                "contact request {id}: status {other:?}"
            ))),
        }
    }
}

/// What a member writes to ask for contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContactRequest {
    /// The requester's organisation, one of the scope's.
    pub requester_org: OrgId,
    pub message: String,
    /// How the owner may reach the requester: shared once answered.
    pub contact: String,
}

/// Longest message and contact details accepted, in characters.
pub const MESSAGE_MAX: usize = 2000;
pub const CONTACT_MAX: usize = 300;

/// A request as the owning organisation's admins see it: the message, and
/// who sent it with how to reach them only once answered (the answer is
/// what shares them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedRequest {
    pub id: i64,
    pub action: ActionId,
    pub action_title: String,
    pub requester: Option<Requester>,
    pub message: String,
    pub status: RequestStatus,
    pub reply: String,
    pub created_at: NaiveDateTime,
}

/// Who asked, and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requester {
    pub org: OrgId,
    pub org_name: String,
    pub contact: String,
}

/// A request as its requester sees it: the owner only once answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRequest {
    pub id: i64,
    pub signal: String,
    pub message: String,
    pub status: RequestStatus,
    /// Who answered, once answered: the organisation, the admin's name and
    /// e-mail, and their reply.
    pub answer: Option<Answer>,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub org_name: String,
    pub org_short_name: String,
    pub admin_name: String,
    pub admin_email: String,
    pub reply: String,
}

/// A contact request as its mail to one admin tells it: never who asked
/// (the admins learn that by answering, in the instance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestMail {
    pub email: String,
    /// The admin's digest language, when they chose one.
    pub language: Option<String>,
    pub org_short_name: String,
    pub org_name: String,
    pub action: ActionId,
    pub action_title: String,
    pub message: String,
}

/// The active admins of `org`, with their e-mails, by user number.
fn active_admins(
    conn: &mut crate::connection::DbConnection,
    org: OrgId,
) -> Result<Vec<(UserId, String)>, StoreError> {
    let admins: Vec<(i64, String)> = memberships::table
        .inner_join(users::table)
        .filter(memberships::org_id.eq(org.0))
        .filter(memberships::role.eq(Role::Admin.code()))
        .filter(users::disabled.eq(false))
        .order(users::id)
        .select((users::id, users::email))
        .load(conn)?;
    Ok(admins.into_iter().map(|(u, e)| (UserId(u), e)).collect())
}

/// Whom to tell of a new request: the owning organisation's admins, for a
/// mailer to write to. The request itself stays in the instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestNotice {
    pub request: i64,
    pub org: OrgId,
    pub admins: Vec<(UserId, String)>,
}

type Row = (
    i64,
    i64,
    i64,
    String,
    String,
    String,
    Option<i64>,
    String,
    NaiveDateTime,
);

impl Store {
    /// Asks for contact through the signal `key`, which `scope` must see as
    /// a signal ([`StoreError::NotFound`] otherwise, as for a missing one).
    /// Every bad field is a [`StoreError::Fields`].
    pub fn request_contact(
        &self,
        scope: &AccessScope,
        key: &str,
        request: &NewContactRequest,
    ) -> Result<i64, StoreError> {
        let mut conn = self.connection()?;
        let (action, owner) = signal_action(&mut conn, scope, key)?
            .ok_or_else(|| StoreError::not_found(format!("signal {key}")))?;
        let user = scope
            .user()
            .ok_or_else(|| StoreError::not_found(format!("signal {key}")))?;
        check_request(scope, request)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let id: i64 = diesel::insert_into(contact_requests::table)
                .values((
                    contact_requests::action_id.eq(action),
                    contact_requests::requester_user.eq(user.0),
                    contact_requests::requester_org.eq(request.requester_org.0),
                    contact_requests::message.eq(request.message.trim()),
                    contact_requests::contact.eq(request.contact.trim()),
                    contact_requests::status.eq(RequestStatus::Pending.code()),
                    contact_requests::reply.eq(""),
                    contact_requests::created_at.eq(now),
                ))
                .returning(contact_requests::id)
                .get_result(conn)?;
            // Each of the owner's admins is mailed, once, by the job queue.
            for (admin, _) in active_admins(conn, owner)? {
                let key = format!("contact_request:{id}:{}", admin.0);
                insert_job(conn, JobKind::ContactRequest, &key, Some(admin), now, now)?;
            }
            for (org, detail) in [
                (owner, format!("contact requested on action {action}")),
                (
                    request.requester_org,
                    format!("contact requested through signal {key}"),
                ),
            ] {
                audit::append(
                    conn,
                    &request_entry(scope, now, AuditAction::RecordCreated, org, id, detail),
                )?;
            }
            Ok(id)
        })
    }

    /// Whom to tell of request `id`: the hook a mailer calls after
    /// [`Store::request_contact`]. Read as the instance itself.
    pub fn contact_request_notice(&self, id: i64) -> Result<RequestNotice, StoreError> {
        let mut conn = self.connection()?;
        let org: i64 = contact_requests::table
            .inner_join(actions::table)
            .filter(contact_requests::id.eq(id))
            .select(actions::lead_org)
            .first(&mut conn)
            .optional()?
            .ok_or_else(|| StoreError::not_found(format!("contact request {id}")))?;
        Ok(RequestNotice {
            request: id,
            org: OrgId(org),
            admins: active_admins(&mut conn, OrgId(org))?,
        })
    }

    /// What the mail of request `id` to admin `user` says, read as the
    /// instance (the job queue's worker): `None` when there is nothing to
    /// send any more (the request answered or declined, the user no longer
    /// an active admin of the organisation it was sent to).
    pub fn contact_request_mail(
        &self,
        id: i64,
        user: UserId,
    ) -> Result<Option<RequestMail>, StoreError> {
        let mut conn = self.connection()?;
        let found: Option<(i64, i64, String, String)> = contact_requests::table
            .inner_join(actions::table)
            .filter(contact_requests::id.eq(id))
            .filter(contact_requests::status.eq(RequestStatus::Pending.code()))
            .select((
                actions::id,
                actions::lead_org,
                actions::title,
                contact_requests::message,
            ))
            .first(&mut conn)
            .optional()?;
        let Some((action, org, action_title, message)) = found else {
            return Ok(None);
        };
        let Some((_, email)) = active_admins(&mut conn, OrgId(org))?
            .into_iter()
            .find(|(admin, _)| *admin == user)
        else {
            return Ok(None);
        };
        let (org_short_name, org_name): (String, String) = organisations::table
            .find(org)
            .select((organisations::short_name, organisations::name))
            .first(&mut conn)?;
        let language: Option<String> = notification_preferences::table
            .find(user.0)
            .select(notification_preferences::language)
            .first(&mut conn)
            .optional()?;
        Ok(Some(RequestMail {
            email,
            language,
            org_short_name,
            org_name,
            action: ActionId(action),
            action_title,
            message,
        }))
    }

    /// The requests on `org`'s actions, newest first: its admins only.
    pub fn received_contact_requests(
        &self,
        scope: &AccessScope,
        org: OrgId,
    ) -> Result<Vec<ReceivedRequest>, StoreError> {
        self.check_admin(scope, org)?;
        let mut conn = self.connection()?;
        let rows: Vec<(Row, String, String)> = contact_requests::table
            .inner_join(actions::table)
            .inner_join(organisations::table)
            .filter(actions::lead_org.eq(org.0))
            .order(contact_requests::id.desc())
            .select((row_columns(), actions::title, organisations::name))
            .load(&mut conn)?;
        rows.into_iter()
            .map(|(row, action_title, requester_org_name)| {
                let (id, action, requester_org, message, contact, status, _, reply, created_at) =
                    row;
                let status = RequestStatus::parse(id, &status)?;
                let requester = (status == RequestStatus::Answered).then_some(Requester {
                    org: OrgId(requester_org),
                    org_name: requester_org_name,
                    contact,
                });
                Ok(ReceivedRequest {
                    id,
                    action: ActionId(action),
                    action_title,
                    requester,
                    message,
                    status,
                    reply,
                    created_at,
                })
            })
            .collect()
    }

    /// The requests the scope's organisations sent, newest first, each
    /// naming its owner only once answered.
    pub fn sent_contact_requests(
        &self,
        scope: &AccessScope,
    ) -> Result<Vec<SentRequest>, StoreError> {
        let AccessScope::Member(member) = scope else {
            return Ok(Vec::new());
        };
        let orgs: Vec<i64> = member.memberships.keys().map(|o| o.0).collect();
        let mut conn = self.connection()?;
        let rows: Vec<(Row, String, i64)> = contact_requests::table
            .inner_join(actions::table)
            .inner_join(action_signals::table.on(action_signals::action_id.eq(actions::id)))
            .filter(contact_requests::requester_org.eq_any(orgs))
            .order(contact_requests::id.desc())
            .select((row_columns(), action_signals::signal_key, actions::lead_org))
            .load(&mut conn)?;
        let mut found = Vec::with_capacity(rows.len());
        for (row, signal, lead) in rows {
            let (id, _, _, message, _, status, answered_by, reply, created_at) = row;
            let status = RequestStatus::parse(id, &status)?;
            let answer = match (status, answered_by) {
                (RequestStatus::Answered, Some(admin)) => {
                    let (org_name, org_short_name): (String, String) = organisations::table
                        .find(lead)
                        .select((organisations::name, organisations::short_name))
                        .first(&mut conn)?;
                    let (admin_name, admin_email): (String, String) = users::table
                        .find(admin)
                        .select((users::display_name, users::email))
                        .first(&mut conn)?;
                    Some(Answer {
                        org_name,
                        org_short_name,
                        admin_name,
                        admin_email,
                        reply,
                    })
                }
                _ => None,
            };
            found.push(SentRequest {
                id,
                signal,
                message,
                status,
                answer,
                created_at,
            });
        }
        Ok(found)
    }

    /// An admin of the owner answers a pending request: the requester
    /// learns who answered, with `reply`.
    pub fn answer_contact_request(
        &self,
        scope: &AccessScope,
        org: OrgId,
        id: i64,
        reply: &str,
    ) -> Result<(), StoreError> {
        if reply.chars().count() > MESSAGE_MAX {
            return fields_result(vec![FieldError::new(
                "reply",
                "too_long",
                format!("at most {MESSAGE_MAX} characters"),
            )]);
        }
        self.decide(scope, org, id, RequestStatus::Answered, reply.trim())
    }

    /// An admin of the owner declines a pending request: the requester
    /// learns only that.
    pub fn decline_contact_request(
        &self,
        scope: &AccessScope,
        org: OrgId,
        id: i64,
    ) -> Result<(), StoreError> {
        self.decide(scope, org, id, RequestStatus::Declined, "")
    }

    fn decide(
        &self,
        scope: &AccessScope,
        org: OrgId,
        id: i64,
        status: RequestStatus,
        reply: &str,
    ) -> Result<(), StoreError> {
        self.check_admin(scope, org)?;
        let user = scope.user();
        let mut conn = self.connection()?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            let current: Option<(String, i64)> = contact_requests::table
                .inner_join(actions::table)
                .filter(contact_requests::id.eq(id))
                .filter(actions::lead_org.eq(org.0))
                .select((contact_requests::status, contact_requests::requester_org))
                .first(conn)
                .optional()?;
            let Some((current, requester)) = current else {
                return Err(StoreError::not_found(format!("contact request {id}")));
            };
            if RequestStatus::parse(id, &current)? != RequestStatus::Pending {
                return Err(StoreError::conflict(format!(
                    "contact request {id} is already {current}"
                )));
            }
            diesel::update(contact_requests::table.find(id))
                .set((
                    contact_requests::status.eq(status.code()),
                    contact_requests::answered_by.eq(user.map(|u| u.0)),
                    contact_requests::reply.eq(reply),
                    contact_requests::decided_at.eq(Some(now)),
                ))
                .execute(conn)?;
            let detail = format!("contact request {}", status.code());
            for org in [org, OrgId(requester)] {
                audit::append(
                    conn,
                    &request_entry(
                        scope,
                        now,
                        AuditAction::RecordUpdated,
                        org,
                        id,
                        detail.clone(),
                    ),
                )?;
            }
            Ok(())
        })
    }

    /// Refuses a scope that does not administer `org`: as missing when it
    /// cannot see it, forbidden when it can.
    fn check_admin(&self, scope: &AccessScope, org: OrgId) -> Result<(), StoreError> {
        if can_administer(scope, org) {
            return Ok(());
        }
        match self.organisation(scope, org)? {
            None => Err(StoreError::not_found(format!("organisation {org}"))),
            Some(_) => Err(StoreError::forbidden(format!(
                "only admins of organisation {org} read its contact requests"
            ))),
        }
    }
}

/// The columns of [`Row`].
type RowColumns = (
    contact_requests::id,
    contact_requests::action_id,
    contact_requests::requester_org,
    contact_requests::message,
    contact_requests::contact,
    contact_requests::status,
    contact_requests::answered_by,
    contact_requests::reply,
    contact_requests::created_at,
);

fn row_columns() -> RowColumns {
    (
        contact_requests::id,
        contact_requests::action_id,
        contact_requests::requester_org,
        contact_requests::message,
        contact_requests::contact,
        contact_requests::status,
        contact_requests::answered_by,
        contact_requests::reply,
        contact_requests::created_at,
    )
}

fn request_entry(
    scope: &AccessScope,
    at: NaiveDateTime,
    action: AuditAction,
    org: OrgId,
    id: i64,
    detail: String,
) -> AuditEntry {
    AuditEntry {
        actor_user: scope.user(),
        org: Some(org),
        record_kind: Some("contact_request".to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(at, action)
    }
}

/// Every bad field of a request, named.
fn check_request(scope: &AccessScope, request: &NewContactRequest) -> Result<(), StoreError> {
    let mut errors = Vec::new();
    if scope.role_in(request.requester_org).is_none() {
        errors.push(FieldError::new(
            "requester_org",
            "not_member",
            "you may ask only on behalf of an organisation you belong to",
        ));
    }
    for (field, value, max) in [
        ("message", &request.message, MESSAGE_MAX),
        ("contact", &request.contact, CONTACT_MAX),
    ] {
        if value.trim().is_empty() {
            errors.push(FieldError::new(field, "required", "required"));
        } else if value.chars().count() > max {
            errors.push(FieldError::new(
                field,
                "too_long",
                format!("at most {max} characters"),
            ));
        }
    }
    fields_result(errors)
}
