//! Alliances as the reader may see them: each member organisation named
//! only when its directory entry is visible to the reader, the others
//! counted, so an alliance never reveals who is hidden in it.

use std::collections::BTreeMap;

use entente_core::access::{AccessScope, AllianceId, OrgId, can_administer};
use entente_store::{Alliance, Store, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

/// A member organisation the reader may see in the directory.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct NamedMember {
    #[schema(example = "apt")]
    pub short_name: String,
    pub name: String,
}

/// An alliance, its members named as far as the reader may know them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AllianceView {
    pub id: i64,
    pub name: String,
    pub purpose: String,
    /// Who may read the alliance: `private`, `alliance` or `public`.
    #[schema(example = "alliance")]
    pub visibility: String,
    /// The owner's short name; absent when its entry is hidden from the reader.
    pub owner: Option<String>,
    /// The members whose directory entries the reader may see, by name.
    /// Others are left out without a trace: even their number would tell
    /// the reader that hidden organisations exist.
    pub members: Vec<NamedMember>,
    /// Whether the reader may manage its members.
    pub manageable: bool,
}

/// The short names and names of the organisations `scope` may see.
fn directory(
    store: &Store,
    scope: &AccessScope,
) -> Result<BTreeMap<OrgId, NamedMember>, StoreError> {
    Ok(store
        .organisations(scope)?
        .into_iter()
        .map(|o| {
            let named = NamedMember {
                short_name: o.short_name,
                name: o.name,
            };
            (o.id, named)
        })
        .collect())
}

fn view(
    alliance: Alliance,
    visible: &BTreeMap<OrgId, NamedMember>,
    scope: &AccessScope,
) -> AllianceView {
    let mut members: Vec<NamedMember> = alliance
        .members
        .iter()
        .filter_map(|org| visible.get(org).cloned())
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name));
    AllianceView {
        id: alliance.id.0,
        owner: visible.get(&alliance.owner).map(|o| o.short_name.clone()),
        manageable: can_administer(scope, alliance.owner),
        members,
        name: alliance.name,
        purpose: alliance.purpose,
        visibility: alliance.visibility.code().to_owned(),
    }
}

/// The alliances `scope` may read, by name.
pub fn alliances(store: &Store, scope: &AccessScope) -> Result<Vec<AllianceView>, StoreError> {
    let visible = directory(store, scope)?;
    Ok(store
        .alliances(scope)?
        .into_iter()
        .map(|a| view(a, &visible, scope))
        .collect())
}

/// One alliance, or `None` when it is missing or hidden from `scope`.
pub fn alliance(
    store: &Store,
    scope: &AccessScope,
    id: AllianceId,
) -> Result<Option<AllianceView>, StoreError> {
    let Some(found) = store.alliance(scope, id)? else {
        return Ok(None);
    };
    crate::auth::audit_outside_read(
        store,
        scope,
        found.owner,
        found.visibility,
        "alliance",
        found.id.0,
    )?;
    let visible = directory(store, scope)?;
    Ok(Some(view(found, &visible, scope)))
}

/// The alliance id in an address; anything else names no alliance.
pub fn parse_id(raw: &str) -> Option<AllianceId> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).map(AllianceId)
}
