//! Joint actions proposed from an overlap: drafted by an editor of one
//! organisation, sent, accepted, declined or withdrawn, each step audited
//! for both, and never seen by a third organisation.

use entente_core::access::{AccessScope, OrgId, Visibility};
use entente_core::plan::{ActionDraft, ActionId, ActionStatus, Audience, Level, Phase};
use entente_store::{
    Action, AuditFilter, CoordinationFilter, JointWording, ProposalStatus, Store, StoreError,
};

use crate::accounts::World;
use crate::fixtures::{day, fixture, iso3};
use crate::support::on_each_backend;

fn briefing(lead: OrgId, title: &str, start: &str, end: &str) -> ActionDraft {
    ActionDraft {
        title: title.to_owned(),
        description: String::new(),
        action_type: "parliamentary_briefing".to_owned(),
        phase: Phase::Ratification,
        level: Level::National,
        states: vec![iso3("TUR")],
        audiences: vec![Audience::Legislature],
        lead,
        partners: Vec::new(),
        start: Some(day(start)),
        end: Some(day(end)),
        due: None,
        status: ActionStatus::Planned,
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

fn wording(a: &Action, b: &Action) -> JointWording {
    JointWording {
        title: format!("Joint action: {} + {}", a.content.title, b.content.title),
        description: "Drafted from an overlap".to_owned(),
    }
}

/// The owner's private briefing and the ally's, shared with the alliance
/// both belong to, a week apart: the owner's members see the overlap.
fn overlap(store: &Store, world: &World) -> (ActionId, ActionId) {
    store.load_reference(fixture().data()).unwrap();
    let editor = store.member_scope(world.editor).unwrap();
    let ally = store.member_scope(world.allied_member).unwrap();
    let own = briefing(world.owner, "Owner briefing", "2027-03-01", "2027-03-02");
    let own = store.create_action(&editor, &own).unwrap();
    let theirs = ActionDraft {
        visibility: Visibility::Alliance,
        shared_with: vec![world.shared_alliance],
        ..briefing(world.ally, "Ally briefing", "2027-03-09", "2027-03-20")
    };
    let theirs = store.create_action(&ally, &theirs).unwrap();
    (own, theirs)
}

fn audit_count(store: &Store, world: &World, org: OrgId, id: i64) -> usize {
    let root = store.member_scope(world.site_admin).unwrap();
    store
        .audit_entries(
            &root,
            &AuditFilter {
                org: Some(org),
                ..AuditFilter::default()
            },
        )
        .unwrap()
        .into_iter()
        .filter(|l| {
            l.entry.record_kind.as_deref() == Some("joint_proposal")
                && l.entry.record_id == Some(id)
        })
        .count()
}

#[test]
fn a_proposal_is_drafted_sent_and_accepted_with_both_organisations() {
    on_each_backend("joint_accept", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (own, theirs) = overlap(store, &world);
        let editor = store.member_scope(world.editor).unwrap();
        let ally = store.member_scope(world.allied_member).unwrap();
        let outsider = store.member_scope(world.outsider).unwrap();
        let (id, action) = store
            .propose_joint_action(&editor, own, theirs, wording)
            .unwrap();
        let drafted = store.action(&editor, action).unwrap().unwrap().content;
        assert_eq!(
            drafted.title,
            "Joint action: Owner briefing + Ally briefing"
        );
        assert_eq!(drafted.lead, world.owner);
        assert_eq!(drafted.partners, vec![world.ally]);
        assert_eq!(drafted.status, ActionStatus::Idea);
        assert_eq!(drafted.visibility, Visibility::Private);
        assert_eq!(drafted.start, Some(day("2027-03-01")));
        assert_eq!(drafted.end, Some(day("2027-03-20")));
        assert_eq!(drafted.states, vec![iso3("TUR")]);
        // A draft is the proposer's alone.
        assert!(store.action(&ally, action).unwrap().is_none());
        assert!(store.joint_proposal(&ally, id).unwrap().is_none());
        assert!(matches!(
            store.accept_joint_proposal(&ally, id),
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(audit_count(store, &world, world.ally, id), 0);
        // The invited organisation may not send it.
        store.send_joint_proposal(&editor, id).unwrap();
        let seen = store.joint_proposal(&ally, id).unwrap().unwrap();
        assert_eq!(seen.status, ProposalStatus::Pending);
        assert_eq!(seen.proposer, world.owner);
        assert!(seen.invited_may_act(&ally) && !seen.proposer_may_act(&ally));
        // The ally reads its own action and the draft, not the owner's private one.
        assert_eq!(seen.joins, vec![theirs]);
        assert!(store.action(&ally, action).unwrap().is_some());
        assert!(matches!(
            store.send_joint_proposal(&editor, id),
            Err(StoreError::Conflict { .. })
        ));
        assert!(matches!(
            store.accept_joint_proposal(&editor, id),
            Err(StoreError::Forbidden { .. })
        ));
        // A third organisation sees nothing of it.
        assert!(store.action(&outsider, action).unwrap().is_none());
        assert!(store.joint_proposals(&outsider).unwrap().is_empty());
        assert!(matches!(
            store.accept_joint_proposal(&outsider, id),
            Err(StoreError::NotFound { .. })
        ));
        store.accept_joint_proposal(&ally, id).unwrap();
        let joint = store.action(&ally, action).unwrap().unwrap().content;
        assert_eq!(joint.status, ActionStatus::Planned);
        assert_eq!(
            (joint.lead, joint.partners.clone()),
            (world.owner, vec![world.ally])
        );
        let history = store.action_history(&editor, action).unwrap();
        let statuses: Vec<_> = history.iter().map(|h| h.status).collect();
        assert_eq!(statuses, vec![ActionStatus::Idea, ActionStatus::Planned]);
        let of = store.joint_proposal_of(&editor, action).unwrap().unwrap();
        assert_eq!(of.joins, vec![own, theirs]);
        assert_eq!(of.status, ProposalStatus::Accepted);
        // Created and sent for the proposer, sent and accepted for both.
        assert_eq!(audit_count(store, &world, world.owner, id), 3);
        assert_eq!(audit_count(store, &world, world.ally, id), 2);
        // The accepted action is in the ally's list and on its board.
        let listed = store
            .list_actions(
                &ally,
                &entente_store::ActionFilter {
                    org: Some(world.ally),
                    ..Default::default()
                },
                entente_store::PageRequest::default(),
            )
            .unwrap();
        assert!(listed.actions.iter().any(|a| a.id == action));
        // Planned, in its state's list too, which reads the status its
        // state rows carry.
        for (status, listed) in [(ActionStatus::Planned, true), (ActionStatus::Idea, false)] {
            let of_state = entente_store::ActionFilter {
                states: vec![iso3("TUR")],
                status: Some(status),
                ..Default::default()
            };
            let page = store
                .list_actions(&ally, &of_state, entente_store::PageRequest::default())
                .unwrap();
            assert_eq!(
                page.actions.iter().any(|a| a.id == action),
                listed,
                "{status:?}"
            );
        }
        let board = store
            .coordination_inputs(&ally, &CoordinationFilter::default(), day("2027-01-01"))
            .unwrap();
        let planned = board.actions.iter().find(|a| a.id == action).unwrap();
        assert_eq!(
            (planned.lead, &planned.partners[..], planned.status),
            (world.owner, &[world.ally][..], ActionStatus::Planned)
        );
        let inputs = store
            .coordination_inputs(&outsider, &CoordinationFilter::default(), day("2027-01-01"))
            .unwrap();
        assert!(inputs.actions.iter().all(|a| a.id != action));
        assert!(matches!(
            store.decline_joint_proposal(&ally, id),
            Err(StoreError::Conflict { .. })
        ));
    });
}

#[test]
fn a_declined_or_withdrawn_proposal_leaves_a_private_idea() {
    on_each_backend("joint_decline", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (own, theirs) = overlap(store, &world);
        let editor = store.member_scope(world.editor).unwrap();
        let ally = store.member_scope(world.allied_member).unwrap();
        let (declined, action) = store
            .propose_joint_action(&editor, own, theirs, wording)
            .unwrap();
        store.send_joint_proposal(&editor, declined).unwrap();
        store.decline_joint_proposal(&ally, declined).unwrap();
        let kept = store.action(&editor, action).unwrap().unwrap().content;
        assert!(kept.partners.is_empty(), "{kept:?}");
        assert_eq!(kept.status, ActionStatus::Idea);
        assert!(store.action(&ally, action).unwrap().is_none());
        let told = store.joint_proposal(&editor, declined).unwrap().unwrap();
        assert_eq!(told.status, ProposalStatus::Declined);
        // The ally still sees that it declined, not the action's title.
        let theirs_view = store.joint_proposal(&ally, declined).unwrap().unwrap();
        assert_eq!(theirs_view.title, None);
        assert_eq!(audit_count(store, &world, world.ally, declined), 2);

        let (withdrawn, second) = store
            .propose_joint_action(&editor, own, theirs, wording)
            .unwrap();
        store.send_joint_proposal(&editor, withdrawn).unwrap();
        assert!(matches!(
            store.withdraw_joint_proposal(&ally, withdrawn),
            Err(StoreError::Forbidden { .. })
        ));
        store.withdraw_joint_proposal(&editor, withdrawn).unwrap();
        assert!(store.action(&ally, second).unwrap().is_none());
        assert!(matches!(
            store.accept_joint_proposal(&ally, withdrawn),
            Err(StoreError::Conflict { .. })
        ));
        // A draft withdrawn before sending never reaches the ally's log.
        let (quiet, _) = store
            .propose_joint_action(&editor, own, theirs, wording)
            .unwrap();
        store.withdraw_joint_proposal(&editor, quiet).unwrap();
        assert_eq!(audit_count(store, &world, world.ally, quiet), 0);
        assert_eq!(audit_count(store, &world, world.owner, quiet), 2);
    });
}

#[test]
fn a_proposal_needs_an_overlap_the_proposer_sees_and_may_write_for() {
    on_each_backend("joint_refused", |db| {
        let store = &db.store;
        let world = World::build(store);
        let (own, theirs) = overlap(store, &world);
        let outsider = store.member_scope(world.outsider).unwrap();
        let viewer = store.member_scope(world.viewer).unwrap();
        let editor = store.member_scope(world.editor).unwrap();
        // The outsider sees neither action: missing, as for no action at all.
        for (a, b) in [(own, theirs), (own, ActionId(999_999))] {
            assert!(matches!(
                store.propose_joint_action(&outsider, a, b, wording),
                Err(StoreError::NotFound { .. })
            ));
        }
        assert!(matches!(
            store.propose_joint_action(&AccessScope::Public, own, theirs, wording),
            Err(StoreError::NotFound { .. })
        ));
        // A viewer sees the overlap but may not write.
        assert!(matches!(
            store.propose_joint_action(&viewer, own, theirs, wording),
            Err(StoreError::Forbidden { .. })
        ));
        // Two actions that do not overlap (months apart) are no overlap.
        let later = briefing(world.owner, "Later", "2028-01-01", "2028-01-02");
        let later = store.create_action(&editor, &later).unwrap();
        assert!(matches!(
            store.propose_joint_action(&editor, later, theirs, wording),
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.joint_proposals(&editor).unwrap().is_empty());
    });
}
