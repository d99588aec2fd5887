//! What the test believes is stored: organisations, alliances, users and
//! their roles, kept beside the database and judged with the reference
//! rules of `entente_core::access`, so the expected answer of every request
//! comes from those rules and not from the store under test.

use std::collections::{BTreeMap, BTreeSet};

use entente_core::access::{
    AccessScope, AllianceId, MemberScope, OrgId, RecordAccess, Role, UserId, Visibility,
    can_administer, can_read, can_write,
};

/// An organisation's directory entry.
#[derive(Debug, Clone)]
pub struct OrgModel {
    /// Also the entry's marker: a string found nowhere else.
    pub short: String,
    pub visibility: Visibility,
}

#[derive(Debug, Clone)]
pub struct AllianceModel {
    pub owner: OrgId,
    pub visibility: Visibility,
    pub members: BTreeSet<OrgId>,
    /// Markers planted in the alliance's name and purpose.
    pub name: String,
    pub purpose: String,
}

#[derive(Debug, Clone)]
pub struct UserModel {
    /// A marker too: personal data of the user.
    pub email: String,
    pub site_admin: bool,
    pub memberships: BTreeMap<OrgId, Role>,
}

/// A campaign action: led by an organisation, of a visibility, shared with
/// alliances; its title a marker.
#[derive(Debug, Clone)]
pub struct ActionModel {
    pub lead: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    /// A partner organisation, whose short name the reader may not know.
    pub partner: Option<OrgId>,
    pub title: String,
    /// Whether it has dates, so calendar feeds show it.
    pub dated: bool,
}

/// A contact (a person, personal data) of an organisation; its name a marker.
#[derive(Debug, Clone)]
pub struct ContactModel {
    pub owner: OrgId,
    pub visibility: Visibility,
    pub shared_with: Vec<AllianceId>,
    pub name: String,
}

/// An audit entry about an organisation's records, its detail a marker.
#[derive(Debug, Clone)]
pub struct AuditModel {
    pub org: OrgId,
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub orgs: BTreeMap<OrgId, OrgModel>,
    pub alliances: BTreeMap<AllianceId, AllianceModel>,
    pub users: BTreeMap<UserId, UserModel>,
    pub audit: Vec<AuditModel>,
    /// Invitations made, by organisation and invited e-mail (a marker):
    /// personal data for the organisation's admins, in its audit log.
    pub invitations: Vec<(OrgId, String)>,
    /// Campaign actions, by id.
    pub actions: BTreeMap<i64, ActionModel>,
    /// Contacts, by id.
    pub contacts: BTreeMap<i64, ContactModel>,
}

/// A string planted in a record, and whether a reader may see it.
pub struct Marker<'a> {
    pub text: &'a str,
    pub readable: bool,
}

impl Model {
    /// The scope the reference rules give `user` (`None`: anonymous):
    /// their roles, and every alliance one of their organisations is in.
    pub fn scope(&self, user: Option<UserId>) -> AccessScope {
        let Some(user) = user else {
            return AccessScope::Public;
        };
        let account = &self.users[&user];
        if account.site_admin {
            return AccessScope::SiteAdmin(user);
        }
        let alliances = self
            .alliances
            .iter()
            .filter(|(_, a)| {
                a.members
                    .iter()
                    .any(|o| account.memberships.contains_key(o))
            })
            .map(|(id, _)| *id)
            .collect();
        AccessScope::Member(MemberScope {
            user,
            memberships: account.memberships.clone(),
            alliances,
        })
    }

    /// A directory entry as a record: owned by the organisation itself and,
    /// when of `alliance` visibility, shared with every alliance it is in.
    pub fn org_access(&self, org: OrgId) -> RecordAccess {
        let visibility = self.orgs[&org].visibility;
        let shared_with = match visibility {
            Visibility::Alliance => self
                .alliances
                .iter()
                .filter(|(_, a)| a.members.contains(&org))
                .map(|(id, _)| *id)
                .collect(),
            Visibility::Private | Visibility::Public => Vec::new(),
        };
        RecordAccess {
            owner: org,
            visibility,
            shared_with,
            personal: false,
        }
    }

    /// An alliance as a record: an `alliance` alliance is shared with itself.
    pub fn alliance_access(&self, id: AllianceId) -> RecordAccess {
        let alliance = &self.alliances[&id];
        RecordAccess {
            owner: alliance.owner,
            visibility: alliance.visibility,
            shared_with: match alliance.visibility {
                Visibility::Alliance => vec![id],
                Visibility::Private | Visibility::Public => Vec::new(),
            },
            personal: false,
        }
    }

    /// An action as a record: owned by its lead.
    pub fn action_access(&self, id: i64) -> RecordAccess {
        let action = &self.actions[&id];
        RecordAccess {
            owner: action.lead,
            visibility: action.visibility,
            shared_with: action.shared_with.clone(),
            personal: false,
        }
    }

    pub fn reads_action(&self, user: Option<UserId>, id: i64) -> bool {
        can_read(&self.scope(user), &self.action_access(id))
    }

    pub fn writes_action(&self, user: Option<UserId>, id: i64) -> bool {
        can_write(&self.scope(user), &self.action_access(id))
    }

    /// Editors and admins of `org` (and the site admin) write its records.
    pub fn writes_for(&self, user: Option<UserId>, org: OrgId) -> bool {
        can_write(&self.scope(user), &RecordAccess::private(org))
    }

    /// A contact as a record: personal data of its owner.
    pub fn reads_contact(&self, user: Option<UserId>, id: i64) -> bool {
        let contact = &self.contacts[&id];
        let access = RecordAccess {
            owner: contact.owner,
            visibility: contact.visibility,
            shared_with: contact.shared_with.clone(),
            personal: true,
        };
        can_read(&self.scope(user), &access)
    }

    pub fn reads_org(&self, user: Option<UserId>, org: OrgId) -> bool {
        can_read(&self.scope(user), &self.org_access(org))
    }

    pub fn reads_alliance(&self, user: Option<UserId>, id: AllianceId) -> bool {
        can_read(&self.scope(user), &self.alliance_access(id))
    }

    /// An alliance's members as `reader` may know them: the short names of
    /// those whose entries they see, and how many others there are.
    pub fn alliance_members_seen(
        &self,
        reader: Option<UserId>,
        id: AllianceId,
    ) -> BTreeSet<String> {
        let members = &self.alliances[&id].members;
        let named: BTreeSet<String> = members
            .iter()
            .filter(|org| self.reads_org(reader, **org))
            .map(|org| self.orgs[org].short.clone())
            .collect();
        named
    }

    /// Member lists are personal data: for the organisation's own members
    /// and the site admin.
    pub fn reads_members(&self, user: Option<UserId>, org: OrgId) -> bool {
        let scope = self.scope(user);
        scope.is_site_admin() || scope.role_in(org).is_some()
    }

    pub fn administers(&self, user: Option<UserId>, org: OrgId) -> bool {
        can_administer(&self.scope(user), org)
    }

    /// A user's e-mail: for themselves, the site admin, and whoever reads a
    /// member list they are on.
    pub fn reads_email(&self, reader: Option<UserId>, of: UserId) -> bool {
        reader == Some(of)
            || self.scope(reader).is_site_admin()
            || self.users[&of]
                .memberships
                .keys()
                .any(|org| self.reads_members(reader, *org))
    }

    /// Every marker of the model, with whether `reader` may see it.
    pub fn markers(&self, reader: Option<UserId>) -> Vec<Marker<'_>> {
        let orgs = self.orgs.iter().map(|(id, org)| Marker {
            text: &org.short,
            readable: self.reads_org(reader, *id),
        });
        let alliances = self.alliances.iter().flat_map(|(id, a)| {
            let readable = self.reads_alliance(reader, *id);
            [
                Marker {
                    text: &a.name,
                    readable,
                },
                Marker {
                    text: &a.purpose,
                    readable,
                },
            ]
        });
        let emails = self.users.iter().map(|(id, u)| Marker {
            text: &u.email,
            readable: self.reads_email(reader, *id),
        });
        let audit = self.audit.iter().map(|entry| Marker {
            text: &entry.detail,
            readable: self.administers(reader, entry.org),
        });
        let invited = self.invitations.iter().map(|(_, email)| Marker {
            text: email,
            readable: self
                .invitations
                .iter()
                .any(|(org, e)| e == email && self.administers(reader, *org)),
        });
        let actions = self.actions.iter().map(|(id, action)| Marker {
            text: &action.title,
            readable: self.reads_action(reader, *id),
        });
        let contacts = self.contacts.iter().map(|(id, contact)| Marker {
            text: &contact.name,
            readable: self.reads_contact(reader, *id),
        });
        orgs.chain(alliances)
            .chain(actions)
            .chain(contacts)
            .chain(emails)
            .chain(audit)
            .chain(invited)
            .collect()
    }

    /// Panics, naming the marker and `what` was requested, when `body`
    /// holds a marker `reader` may not see.
    pub fn assert_no_leak(&self, reader: Option<UserId>, body: &str, what: &str) {
        for marker in self.markers(reader) {
            assert!(
                marker.readable || !body.contains(marker.text),
                "{what} leaks {:?}, which this reader may not see:\n{body}",
                marker.text
            );
        }
    }
}
