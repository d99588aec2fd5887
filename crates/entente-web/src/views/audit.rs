//! The audit log as its readers may see it: organisation admins the
//! entries about their organisations, the site admin all; filtered by
//! organisation and action, newest first, a page of 100 at a time.
//!
//! Reading the log is not itself logged; exports are, and there are none here.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use chrono::NaiveDateTime;
use entente_core::access::{AccessScope, OrgId, Role, UserId};
use entente_store::{AuditAction, AuditFilter, Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::extract::Params;

/// Entries on a page.
pub const PAGE_SIZE: u32 = 100;

/// Which entries the reader asked for.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// An organisation's short name.
    pub org: Option<String>,
    pub action: Option<AuditAction>,
    /// From 1.
    pub page: u32,
}

impl AuditQuery {
    /// Reads `org`, `action` and `page`; a malformed one is a 422 naming it.
    pub fn parse(params: &Params) -> Result<Self, AppError> {
        let page = params
            .parse::<u32>("page", "a page number from 1")?
            .unwrap_or(1);
        if page == 0 || page > 1000 {
            return Err(AppError::InvalidParameter {
                name: "page",
                reason: format!("{page} is not a page number from 1 to 1000"),
            });
        }
        Ok(AuditQuery {
            org: params.get("org").map(str::to_owned),
            action: params.parse("action", "an audit action code")?,
            page,
        })
    }
}

/// One entry, names resolved where the reader may know them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: i64,
    /// UTC.
    pub at: NaiveDateTime,
    /// The acting user's display name, when a user acted.
    pub actor: Option<String>,
    /// The short name of the organisation concerned.
    pub org: Option<String>,
    #[schema(example = "membership_changed")]
    pub action: String,
    pub record_kind: Option<String>,
    pub record_id: Option<i64>,
    pub detail: String,
}

/// A page of the log.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AuditPage {
    pub page: u32,
    /// Whether an older page follows.
    pub more: bool,
    pub entries: Vec<AuditEntryView>,
}

/// Whether `scope` may read any of the log: an admin somewhere, or the site admin.
pub fn may_read(scope: &AccessScope) -> bool {
    match scope {
        AccessScope::Public => false,
        AccessScope::SiteAdmin(_) => true,
        AccessScope::Member(member) => member.memberships.values().any(|r| *r == Role::Admin),
    }
}

/// The page `query` asks for; `Ok(Err(..))` when its organisation is unknown
/// or hidden from the reader.
pub fn read(
    store: &Store,
    scope: &AccessScope,
    query: &AuditQuery,
) -> Result<Result<AuditPage, AppError>, StoreError> {
    let org = match &query.org {
        Some(short) => match store.organisation_by_short_name(scope, short)? {
            Some(org) => Some(org.id),
            None => {
                return Ok(Err(AppError::InvalidParameter {
                    name: "org",
                    reason: format!("no organisation you can see has the short name {short:?}"),
                }));
            }
        },
        None => None,
    };
    // The store reads the newest first; a page skips those of the pages before.
    let skip = (query.page - 1) * PAGE_SIZE;
    let filter = AuditFilter {
        org,
        action: query.action,
        since: None,
        limit: Some(skip + PAGE_SIZE + 1),
    };
    let lines = store.audit_entries(scope, &filter)?;
    let more = lines.len() > (skip + PAGE_SIZE) as usize;
    let shorts: BTreeMap<OrgId, String> = store
        .organisations(scope)?
        .into_iter()
        .map(|o| (o.id, o.short_name))
        .collect();
    let mut names: BTreeMap<UserId, Option<String>> = BTreeMap::new();
    let mut entries = Vec::new();
    for line in lines
        .into_iter()
        .skip(skip as usize)
        .take(PAGE_SIZE as usize)
    {
        let actor = match line.entry.actor_user {
            Some(user) => match names.entry(user) {
                Entry::Occupied(known) => known.get().clone(),
                Entry::Vacant(slot) => slot
                    .insert(store.user(user)?.map(|u| u.display_name))
                    .clone(),
            },
            None => None,
        };
        entries.push(AuditEntryView {
            id: line.id,
            at: line.entry.at,
            actor,
            org: line.entry.org.and_then(|o| shorts.get(&o).cloned()),
            action: line.entry.action.code().to_owned(),
            record_kind: line.entry.record_kind,
            record_id: line.entry.record_id,
            detail: line.entry.detail,
        });
    }
    Ok(Ok(AuditPage {
        page: query.page,
        more,
        entries,
    }))
}
