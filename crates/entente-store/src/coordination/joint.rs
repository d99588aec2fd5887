//! Joint actions proposed from an overlap. An editor of one of the two
//! organisations drafts an action joining both (led by its organisation,
//! the other as partner), may change it like any action of its own, then
//! sends it: the invited organisation's members read it from then on, and
//! its editors accept (the action becomes planned, with both) or decline.
//! The proposer may withdraw until it is decided. A declined or withdrawn
//! draft stays the proposer's private idea, without the other as partner.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use entente_core::access::{AccessScope, OrgId, Role, Visibility};
use entente_core::coordination::{self, OverlapSettings, PlannedAction};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, TITLE_MAX};

use super::load;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::connection::DbConnection;
use crate::plan::scope::visible_actions;
use crate::plan::write::{check_draft, insert_new_action};
use crate::schema::{
    action_partners, action_states, action_status_changes, actions, joint_proposals,
};
use crate::{Action, Store, StoreError, transaction};

/// The statuses in which the invited organisation's members read the
/// proposed action.
pub(crate) const SHARED_PROPOSALS: [&str; 2] = ["pending", "accepted"];

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProposalStatus {
    /// Drafted, not yet sent: only the proposer's members know of it.
    Draft,
    /// Sent: the invited organisation decides.
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 5] = [
        ProposalStatus::Draft,
        ProposalStatus::Pending,
        ProposalStatus::Accepted,
        ProposalStatus::Declined,
        ProposalStatus::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::Draft => "draft",
            ProposalStatus::Pending => "pending",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Declined => "declined",
            ProposalStatus::Withdrawn => "withdrawn",
        }
    }

    fn parse(id: i64, code: &str) -> Result<Self, StoreError> {
        Self::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| StoreError::corrupt(format!("joint proposal {id}: status {code:?}")))
    }
}

/// A proposal as a member of either organisation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointProposal {
    pub id: i64,
    pub action: ActionId,
    /// The proposed action's title, when the reader may read it (the
    /// invited organisation no longer does once declined or withdrawn).
    pub title: Option<String>,
    pub proposer: OrgId,
    /// The organisations' names and short names, when the reader sees
    /// their directory entries.
    pub proposer_name: Option<(String, String)>,
    pub invited: OrgId,
    pub invited_name: Option<(String, String)>,
    /// The actions it joins that the reader may read.
    pub joins: Vec<ActionId>,
    pub status: ProposalStatus,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
}

impl JointProposal {
    /// Whether `scope` may send or withdraw it (an editor of the proposer).
    pub fn proposer_may_act(&self, scope: &AccessScope) -> bool {
        edits_for(scope, self.proposer)
    }

    /// Whether `scope` may accept or decline it (an editor of the invited).
    pub fn invited_may_act(&self, scope: &AccessScope) -> bool {
        edits_for(scope, self.invited)
    }
}

/// The words of a proposed action, in the proposer's language, from the
/// titles of the two actions it joins.
pub struct JointWording {
    pub title: String,
    pub description: String,
}

type ProposalRow = (
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

fn edits_for(scope: &AccessScope, org: OrgId) -> bool {
    scope.is_site_admin() || scope.role_in(org).is_some_and(|r| r >= Role::Editor)
}

impl Store {
    /// Drafts a joint action from the overlap of `first` and `second`,
    /// which `scope` must see as an overlap ([`StoreError::NotFound`]
    /// otherwise, as for a missing one) and write for one of their leads
    /// ([`StoreError::Forbidden`]). The draft is a private idea of that
    /// organisation with the other as partner, the kind, phase and level of
    /// `first`, the states and audiences of both and dates spanning both.
    /// Returns the proposal and the drafted action.
    pub fn propose_joint_action(
        &self,
        scope: &AccessScope,
        first: ActionId,
        second: ActionId,
        wording: impl FnOnce(&Action, &Action) -> JointWording,
    ) -> Result<(i64, ActionId), StoreError> {
        let missing = || StoreError::not_found(format!("overlap of actions {first} and {second}"));
        let a = self.action(scope, first)?.ok_or_else(missing)?;
        let b = self.action(scope, second)?.ok_or_else(missing)?;
        if !self.overlap_seen(scope, &a, &b)? {
            return Err(missing());
        }
        let (proposer, invited) = if edits_for(scope, a.content.lead) {
            (a.content.lead, b.content.lead)
        } else if edits_for(scope, b.content.lead) {
            (b.content.lead, a.content.lead)
        } else {
            return Err(StoreError::forbidden(format!(
                "only editors of organisation {} or {} may propose a joint action",
                a.content.lead, b.content.lead
            )));
        };
        let words = wording(&a, &b);
        let draft = joint_draft(&a.content, &b.content, proposer, invited, words);
        self.check_writes_for(scope, &draft)?;
        let mut conn = self.connection()?;
        check_draft(&mut conn, scope, &draft)?;
        let now = Utc::now().naive_utc();
        transaction::write(&mut conn, |conn| {
            // No signal: a proposal emits one only once accepted.
            let action = insert_new_action(conn, scope, &draft, now)?;
            let id: i64 = diesel::insert_into(joint_proposals::table)
                .values((
                    joint_proposals::action_id.eq(action.0),
                    joint_proposals::proposer_org.eq(proposer.0),
                    joint_proposals::invited_org.eq(invited.0),
                    joint_proposals::first_action.eq(Some(first.0)),
                    joint_proposals::second_action.eq(Some(second.0)),
                    joint_proposals::status.eq(ProposalStatus::Draft.code()),
                    joint_proposals::proposed_by.eq(scope.user().map(|u| u.0)),
                    joint_proposals::created_at.eq(now),
                ))
                .returning(joint_proposals::id)
                .get_result(conn)?;
            let detail = format!("joint action {action} drafted from actions {first} and {second}");
            audit::append(
                conn,
                &entry(scope, now, AuditAction::RecordCreated, proposer, id, detail),
            )?;
            Ok((id, action))
        })
    }

    /// Sends a draft to the invited organisation, whose members read the
    /// action from then on.
    pub fn send_joint_proposal(&self, scope: &AccessScope, id: i64) -> Result<(), StoreError> {
        self.move_proposal(scope, id, Move::Send)
    }

    /// The invited organisation accepts: the action becomes planned, with
    /// both organisations, and emits a signal if the lead's default says so.
    pub fn accept_joint_proposal(&self, scope: &AccessScope, id: i64) -> Result<(), StoreError> {
        self.move_proposal(scope, id, Move::Accept)
    }

    /// The invited organisation declines: the proposer is told (the
    /// proposal's status), and the action stays the proposer's private
    /// idea, without the invited organisation as partner.
    pub fn decline_joint_proposal(&self, scope: &AccessScope, id: i64) -> Result<(), StoreError> {
        self.move_proposal(scope, id, Move::Decline)
    }

    /// The proposer withdraws a draft or a pending proposal: the action
    /// stays its private idea, without the invited organisation as partner.
    pub fn withdraw_joint_proposal(&self, scope: &AccessScope, id: i64) -> Result<(), StoreError> {
        self.move_proposal(scope, id, Move::Withdraw)
    }

    /// The proposals of the scope's organisations, newest first: those they
    /// made, and those sent to them (never one another organisation has not
    /// sent).
    pub fn joint_proposals(&self, scope: &AccessScope) -> Result<Vec<JointProposal>, StoreError> {
        self.read_proposals(scope, Which::All)
    }

    /// One proposal, or `None` when missing or not the scope's to see.
    pub fn joint_proposal(
        &self,
        scope: &AccessScope,
        id: i64,
    ) -> Result<Option<JointProposal>, StoreError> {
        Ok(self.read_proposals(scope, Which::Id(id))?.pop())
    }

    /// The proposal that made action `action`, as `scope` sees it: for the
    /// "joined from" of the action's page.
    pub fn joint_proposal_of(
        &self,
        scope: &AccessScope,
        action: ActionId,
    ) -> Result<Option<JointProposal>, StoreError> {
        Ok(self.read_proposals(scope, Which::Action(action))?.pop())
    }

    /// Whether `a` and `b` are an overlap among what `scope` sees.
    fn overlap_seen(
        &self,
        scope: &AccessScope,
        a: &Action,
        b: &Action,
    ) -> Result<bool, StoreError> {
        let profiles = load::profiles(self, scope)?;
        let planned = [a, b].map(|action| PlannedAction::from_draft(action.id, &action.content));
        let found = coordination::overlaps(&planned, &profiles, OverlapSettings::default());
        Ok(found.total > 0)
    }

    fn read_proposals(
        &self,
        scope: &AccessScope,
        which: Which,
    ) -> Result<Vec<JointProposal>, StoreError> {
        let mut query = joint_proposals::table.into_boxed();
        match which {
            Which::All => {}
            Which::Id(id) => query = query.filter(joint_proposals::id.eq(id)),
            Which::Action(action) => query = query.filter(joint_proposals::action_id.eq(action.0)),
        }
        match scope {
            AccessScope::Public => return Ok(Vec::new()),
            AccessScope::SiteAdmin(_) => {}
            AccessScope::Member(member) => {
                let orgs: Vec<i64> = member.memberships.keys().map(|o| o.0).collect();
                query = query.filter(
                    joint_proposals::proposer_org.eq_any(orgs.clone()).or(
                        joint_proposals::invited_org
                            .eq_any(orgs)
                            .and(joint_proposals::sent_at.is_not_null()),
                    ),
                );
            }
        }
        let mut conn = self.connection()?;
        let rows: Vec<ProposalRow> = query
            .order(joint_proposals::id.desc())
            .select((
                joint_proposals::id,
                joint_proposals::action_id,
                joint_proposals::proposer_org,
                joint_proposals::invited_org,
                joint_proposals::first_action,
                joint_proposals::second_action,
                joint_proposals::status,
                joint_proposals::created_at,
                joint_proposals::sent_at,
                joint_proposals::decided_at,
            ))
            .load(&mut *conn)?;
        let mut wanted: Vec<i64> = Vec::new();
        let mut orgs: Vec<i64> = Vec::new();
        for row in &rows {
            wanted.extend([Some(row.1), row.4, row.5].into_iter().flatten());
            orgs.extend([row.2, row.3]);
        }
        let readable = readable_titles(&mut conn, scope, &wanted)?;
        drop(conn);
        let mut names: std::collections::HashMap<i64, Option<(String, String)>> =
            Default::default();
        for org in orgs {
            if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(org) {
                let name = (self.organisation(scope, OrgId(org))?).map(|o| (o.name, o.short_name));
                slot.insert(name);
            }
        }
        let name = |org: i64| names.get(&org).cloned().flatten();
        rows.into_iter()
            .map(
                |(
                    id,
                    action,
                    proposer,
                    invited,
                    first,
                    second,
                    status,
                    created_at,
                    sent_at,
                    decided_at,
                )| {
                    Ok(JointProposal {
                        id,
                        action: ActionId(action),
                        title: readable.get(&action).cloned(),
                        proposer: OrgId(proposer),
                        proposer_name: name(proposer),
                        invited: OrgId(invited),
                        invited_name: name(invited),
                        joins: [first, second]
                            .into_iter()
                            .flatten()
                            .filter(|a| readable.contains_key(a))
                            .map(ActionId)
                            .collect(),
                        status: ProposalStatus::parse(id, &status)?,
                        created_at,
                        sent_at,
                        decided_at,
                    })
                },
            )
            .collect()
    }

    /// One step of a proposal, checked and audited in one transaction.
    fn move_proposal(&self, scope: &AccessScope, id: i64, step: Move) -> Result<(), StoreError> {
        let proposal = self
            .joint_proposal(scope, id)?
            .ok_or_else(|| StoreError::not_found(format!("joint proposal {id}")))?;
        let (allowed, from, to): (bool, &[ProposalStatus], ProposalStatus) = match step {
            Move::Send => (
                proposal.proposer_may_act(scope),
                &[ProposalStatus::Draft],
                ProposalStatus::Pending,
            ),
            Move::Withdraw => (
                proposal.proposer_may_act(scope),
                &[ProposalStatus::Draft, ProposalStatus::Pending],
                ProposalStatus::Withdrawn,
            ),
            Move::Accept => (
                proposal.invited_may_act(scope),
                &[ProposalStatus::Pending],
                ProposalStatus::Accepted,
            ),
            Move::Decline => (
                proposal.invited_may_act(scope),
                &[ProposalStatus::Pending],
                ProposalStatus::Declined,
            ),
        };
        if !allowed {
            return Err(StoreError::forbidden(format!(
                "only editors of the {} organisation may {} joint proposal {id}",
                if matches!(step, Move::Send | Move::Withdraw) {
                    "proposing"
                } else {
                    "invited"
                },
                step.verb()
            )));
        }
        let now = Utc::now().naive_utc();
        let mut conn = self.connection()?;
        transaction::write(&mut conn, |conn| {
            // Read again under the write lock: a concurrent step wins once.
            let (current, lead): (String, i64) = joint_proposals::table
                .inner_join(actions::table)
                .filter(joint_proposals::id.eq(id))
                .select((joint_proposals::status, actions::lead_org))
                .first(conn)?;
            let current = ProposalStatus::parse(id, &current)?;
            if !from.contains(&current) {
                return Err(StoreError::conflict(format!(
                    "joint proposal {id} is {}: it cannot be {}",
                    current.code(),
                    to.code()
                )));
            }
            if lead != proposal.proposer.0 {
                return Err(StoreError::conflict(format!(
                    "the action of joint proposal {id} is no longer led by organisation {}",
                    proposal.proposer
                )));
            }
            let decided = matches!(to, ProposalStatus::Accepted | ProposalStatus::Declined);
            diesel::update(joint_proposals::table.find(id))
                .set((
                    joint_proposals::status.eq(to.code()),
                    joint_proposals::sent_at.eq(if step == Move::Send {
                        Some(now)
                    } else {
                        proposal.sent_at
                    }),
                    joint_proposals::decided_at.eq(if decided || to == ProposalStatus::Withdrawn {
                        Some(now)
                    } else {
                        None
                    }),
                    joint_proposals::decided_by.eq(if decided {
                        scope.user().map(|u| u.0)
                    } else {
                        None
                    }),
                ))
                .execute(conn)?;
            let action = proposal.action.0;
            match to {
                ProposalStatus::Accepted => {
                    accept_action(conn, scope, action, proposal.invited, now)?
                }
                ProposalStatus::Declined | ProposalStatus::Withdrawn => {
                    diesel::delete(
                        action_partners::table
                            .filter(action_partners::action_id.eq(action))
                            .filter(action_partners::org_id.eq(proposal.invited.0)),
                    )
                    .execute(conn)?;
                    touch(conn, action, now)?;
                }
                ProposalStatus::Draft | ProposalStatus::Pending => {}
            }
            let detail = format!("joint proposal {} (action {action})", to.code());
            // A draft withdrawn was never the invited organisation's business.
            let told_invited =
                !(current == ProposalStatus::Draft && to == ProposalStatus::Withdrawn);
            for org in [
                Some(proposal.proposer),
                told_invited.then_some(proposal.invited),
            ]
            .into_iter()
            .flatten()
            {
                audit::append(
                    conn,
                    &entry(
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    Send,
    Accept,
    Decline,
    Withdraw,
}

impl Move {
    fn verb(self) -> &'static str {
        match self {
            Move::Send => "send",
            Move::Accept => "accept",
            Move::Decline => "decline",
            Move::Withdraw => "withdraw",
        }
    }
}

enum Which {
    All,
    Id(i64),
    Action(ActionId),
}

/// The action becomes planned, with the invited organisation as partner,
/// and a signal if the lead's default says so.
fn accept_action(
    conn: &mut DbConnection,
    scope: &AccessScope,
    action: i64,
    invited: OrgId,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    let status: String = actions::table
        .find(action)
        .select(actions::status)
        .first(conn)?;
    if status == ActionStatus::Idea.code() {
        diesel::update(actions::table.find(action))
            .set(actions::status.eq(ActionStatus::Planned.code()))
            .execute(conn)?;
        // Its state rows carry its status for the states' lists.
        diesel::update(action_states::table.filter(action_states::action_id.eq(action)))
            .set(action_states::status.eq(ActionStatus::Planned.code()))
            .execute(conn)?;
        diesel::insert_into(action_status_changes::table)
            .values((
                action_status_changes::action_id.eq(action),
                action_status_changes::status.eq(ActionStatus::Planned.code()),
                action_status_changes::changed_at.eq(now),
                action_status_changes::changed_by.eq(scope.user().map(|u| u.0)),
            ))
            .execute(conn)?;
    }
    let partnered: i64 = action_partners::table
        .filter(action_partners::action_id.eq(action))
        .filter(action_partners::org_id.eq(invited.0))
        .count()
        .get_result(conn)?;
    if partnered == 0 {
        diesel::insert_into(action_partners::table)
            .values((
                action_partners::action_id.eq(action),
                action_partners::org_id.eq(invited.0),
            ))
            .execute(conn)?;
        crate::plan::part_codes::rewrite_partners(conn, action)?;
    }
    let (lead, visibility): (i64, String) = actions::table
        .find(action)
        .select((actions::lead_org, actions::visibility))
        .first(conn)?;
    if visibility != Visibility::Public.code() && super::signals::read_default(conn, OrgId(lead))? {
        super::signals::set_emits(conn, action, true)?;
    }
    touch(conn, action, now)
}

fn touch(conn: &mut DbConnection, action: i64, now: NaiveDateTime) -> Result<(), StoreError> {
    diesel::update(actions::table.find(action))
        .set(actions::updated_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// The titles of those of `ids` that `scope` may read.
fn readable_titles(
    conn: &mut DbConnection,
    scope: &AccessScope,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, String>, StoreError> {
    let mut query = actions::table.filter(actions::id.eq_any(ids)).into_boxed();
    if let Some(condition) = visible_actions(scope) {
        query = query.filter(condition);
    }
    Ok(query
        .select((actions::id, actions::title))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// The draft joining `a` and `b`: led by `proposer`, `invited` as partner,
/// private, an idea until accepted.
fn joint_draft(
    a: &ActionDraft,
    b: &ActionDraft,
    proposer: OrgId,
    invited: OrgId,
    words: JointWording,
) -> ActionDraft {
    let mut states = a.states.clone();
    states.extend(b.states.iter().copied());
    states.sort();
    states.dedup();
    let mut audiences = a.audiences.clone();
    audiences.extend(b.audiences.iter().copied());
    audiences.sort();
    audiences.dedup();
    let start = [a.start, b.start].into_iter().flatten().min();
    let end = [a.end.or(a.start), b.end.or(b.start)]
        .into_iter()
        .flatten()
        .max();
    let due = [a.due, b.due].into_iter().flatten().max();
    ActionDraft {
        title: words.title.trim().chars().take(TITLE_MAX).collect(),
        description: words.description,
        action_type: a.action_type.clone(),
        phase: a.phase,
        level: a.level,
        states,
        audiences,
        lead: proposer,
        partners: vec![invited],
        start,
        end: end.filter(|e| Some(*e) != start),
        due,
        status: ActionStatus::Idea,
        budget: None,
        staff_days: None,
        expected_outcome: String::new(),
        actual_outcome: String::new(),
        outcome_event: None,
        documents: Vec::new(),
        visibility: Visibility::Private,
        shared_with: Vec::new(),
    }
}

fn entry(
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
        record_kind: Some("joint_proposal".to_owned()),
        record_id: Some(id),
        detail,
        ..AuditEntry::new(at, action)
    }
}
