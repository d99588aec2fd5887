//! Alliances as the reader may see them: each member organisation named
//! only when its directory entry is visible to the reader, and the reach
//! figures counted over those members only, so an alliance never reveals
//! who is hidden in it.

use std::collections::BTreeMap;

use entente_core::access::{AccessScope, AllianceId, OrgId, can_administer};
use entente_store::{Alliance, AllianceReach, Store, StoreError};
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
    /// The states it campaigns in, by ISO 3166-1 alpha-3 code.
    #[schema(example = json!(["FRA", "TUR"]))]
    pub states: Vec<String>,
    /// The UN regional groups it campaigns in as a whole.
    #[schema(example = json!(["weog"]))]
    pub regions: Vec<String>,
    /// Its reach over the members the reader sees; given for one alliance,
    /// not in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reach: Option<ReachView>,
}

/// How many counted members are in one sector, level or regional group.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Count {
    #[schema(example = "legal")]
    pub code: String,
    pub count: usize,
}

/// An alliance's members by sector, level and UN regional group, and the
/// states they work in: whether it spans sectors and regions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReachView {
    /// The members counted: those whose directory entries the reader sees.
    pub members: usize,
    /// Every sector, with the members that name it.
    pub by_sector: Vec<Count>,
    pub by_level: Vec<Count>,
    /// Every regional group, with the members that work in it as a whole
    /// or in one of its states.
    pub by_region: Vec<Count>,
    /// The states at least one counted member works in.
    #[schema(example = json!(["FRA", "TUR"]))]
    pub states_covered: Vec<String>,
}

impl From<AllianceReach> for ReachView {
    fn from(reach: AllianceReach) -> Self {
        fn counts<K: Copy>(
            figures: impl Iterator<Item = (K, usize)>,
            code: fn(K) -> &'static str,
        ) -> Vec<Count> {
            figures
                .map(|(key, count)| Count {
                    code: code(key).to_owned(),
                    count,
                })
                .collect()
        }
        ReachView {
            members: reach.members,
            by_sector: counts(reach.by_sector.into_iter(), |s| s.code()),
            by_level: counts(reach.by_level.into_iter(), |l| l.code()),
            by_region: counts(reach.by_region.into_iter(), |r| r.code()),
            states_covered: reach.states.iter().map(|s| s.as_str().to_owned()).collect(),
        }
    }
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
        states: alliance
            .area
            .states
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect(),
        regions: alliance
            .area
            .regions
            .iter()
            .map(|r| r.code().to_owned())
            .collect(),
        reach: None,
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
    let reach = store.alliance_reach(scope, found.id)?.map(ReachView::from);
    Ok(Some(AllianceView {
        reach,
        ..view(found, &visible, scope)
    }))
}

/// The alliance id in an address; anything else names no alliance.
pub fn parse_id(raw: &str) -> Option<AllianceId> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).map(AllianceId)
}
