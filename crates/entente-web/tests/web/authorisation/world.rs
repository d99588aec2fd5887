//! The world every route is tried in: the owner A (three directory entries,
//! private, alliance and public, with the same viewer, editor and admin), an
//! allied organisation B, an unrelated one C, alliances of every visibility,
//! audit entries, and one signed-in browser and read-write API token for
//! each role, plus the anonymous visitor.

use chrono::Utc;
use entente_auth::Secret;
use entente_core::access::{
    AccessScope, AllianceId, OrgId, OrgKind, Role, TokenScope, UserId, Visibility,
};
use entente_core::plan::{ActionDraft, ActionStatus, Audience, Level, Phase};
use entente_store::{AuditAction, AuditEntry, NewAlliance, NewOrganisation};

use super::model::{ActionModel, AllianceModel, AuditModel, Model, OrgModel, UserModel};
use crate::app::{Answer, TestApp};
use crate::signin::{csrf_field, sign_in};

const PASSWORD: &str = "a long enough passphrase 7";

/// Who makes a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persona {
    Anonymous,
    OwnerViewer,
    OwnerEditor,
    OwnerAdmin,
    /// An admin of B, allied with A: strong at home, a guest at A.
    AllyAdmin,
    /// An admin of C, in no alliance with A.
    StrangerAdmin,
    SiteAdmin,
}

pub struct Actor {
    pub persona: Persona,
    pub user: Option<UserId>,
    /// Keeps the session cookie; does not follow redirects.
    pub browser: reqwest::Client,
    /// The session's form token; a made-up one for the anonymous visitor.
    pub csrf: String,
    /// A read-write API token of the user, and its id.
    pub token: Option<String>,
    pub token_id: Option<i64>,
    /// A read-only API token of the user.
    pub read_token: Option<String>,
}

impl Actor {
    /// A request to the API, with the actor's token when they have one.
    pub fn api(
        &self,
        app: &TestApp,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        let request = reqwest::Client::new().request(method, app.url(path));
        match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    /// A request to the portal, with the actor's session cookie.
    pub fn page(
        &self,
        app: &TestApp,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        self.browser.request(method, app.url(path))
    }
}

pub async fn send(request: reqwest::RequestBuilder) -> Answer {
    Answer::from(request.send().await.unwrap()).await
}

pub struct World {
    pub model: Model,
    pub actors: Vec<Actor>,
    /// A's entries: private, alliance, public.
    pub owner: [OrgId; 3],
    pub ally: OrgId,
    pub stranger: OrgId,
    /// A public organisation in no alliance, for admins to add to theirs.
    pub joiner: OrgId,
    /// A viewer of A who never signs in: the one whose role admins change.
    pub spare: UserId,
    /// Numbers the markers, so each is found in one record only.
    next_marker: usize,
}

impl World {
    /// A string found nowhere but where it is planted.
    pub fn marker(&mut self) -> String {
        self.next_marker += 1;
        format!("mkq{:02}zx", self.next_marker)
    }

    fn organisation(&mut self, app: &TestApp, visibility: Visibility) -> OrgId {
        let short = self.marker();
        let id = app
            .store
            .create_organisation(&NewOrganisation {
                short_name: short.clone(),
                name: format!("Organisation {short}"),
                kind: OrgKind::NationalNgo,
                website: None,
                description: None,
                visibility,
                profile: entente_store::OrganisationProfile::default(),
            })
            .unwrap();
        self.model.orgs.insert(id, OrgModel { short, visibility });
        id
    }

    fn user(&mut self, app: &TestApp, hash: &str, memberships: &[(OrgId, Role)]) -> UserId {
        let email = format!("{}@example.org", self.marker());
        let user = app.store.create_user(&email, "A member").unwrap();
        app.store.set_password_hash(user, hash).unwrap();
        let anyone = AccessScope::SiteAdmin(user);
        for (org, role) in memberships {
            app.store
                .add_membership(&anyone, user, *org, *role)
                .unwrap();
        }
        self.model.users.insert(
            user,
            UserModel {
                email,
                site_admin: false,
                memberships: memberships.iter().copied().collect(),
            },
        );
        user
    }

    /// An alliance of A's three entries and B, owned by `owner`.
    pub fn alliance(&mut self, app: &TestApp, owner: OrgId, visibility: Visibility) -> AllianceId {
        let (name, purpose) = (self.marker(), self.marker());
        let admin = AccessScope::SiteAdmin(UserId(0));
        let new = NewAlliance {
            owner,
            name: format!("Alliance {name}"),
            purpose: format!("Purpose {purpose}"),
            visibility,
            area: entente_store::Area::default(),
        };
        let id = app.store.create_alliance(&admin, &new).unwrap();
        let mut members: std::collections::BTreeSet<OrgId> = self.owner.into();
        members.insert(self.ally);
        for org in &members {
            if *org != owner {
                app.store.add_alliance_member(&admin, id, *org).unwrap();
            }
        }
        let model = AllianceModel {
            owner,
            visibility,
            members,
            name,
            purpose,
        };
        self.model.alliances.insert(id, model);
        id
    }

    fn audit_entry(&mut self, app: &TestApp, org: OrgId) {
        let detail = self.marker();
        let entry = AuditEntry {
            org: Some(org),
            record_kind: Some("note".to_owned()),
            detail: format!("a note {detail}"),
            ..AuditEntry::new(Utc::now().naive_utc(), AuditAction::RecordUpdated)
        };
        app.store.append_audit(&entry).unwrap();
        self.model.audit.push(AuditModel { org, detail });
    }

    /// The site admin's user, who plants records that need an author.
    pub fn curator(&self) -> UserId {
        let admins = self.model.users.iter().filter(|(_, u)| u.site_admin);
        *admins.map(|(id, _)| id).next().expect("the site admin")
    }

    /// Stores an action led by `lead`, with its title a marker; `partner`
    /// takes part.
    pub fn action(
        &mut self,
        app: &TestApp,
        lead: OrgId,
        visibility: Visibility,
        partner: Option<OrgId>,
    ) -> i64 {
        let title = self.marker();
        let shared_with: Vec<AllianceId> = match visibility {
            Visibility::Alliance => self.model.alliances.keys().take(1).copied().collect(),
            Visibility::Private | Visibility::Public => Vec::new(),
        };
        let day = |text: &str| text.parse::<chrono::NaiveDate>().unwrap();
        let draft = ActionDraft {
            title: format!("Action {title}"),
            description: String::new(),
            action_type: "letter".to_owned(),
            phase: Phase::Ratification,
            level: Level::National,
            states: vec!["FRA".parse().unwrap()],
            audiences: vec![Audience::Executive],
            lead,
            partners: partner.into_iter().collect(),
            start: Some(day("2026-03-01")),
            end: Some(day("2026-03-31")),
            due: None,
            status: ActionStatus::Planned,
            budget: None,
            staff_days: None,
            expected_outcome: String::new(),
            actual_outcome: String::new(),
            outcome_event: None,
            documents: Vec::new(),
            visibility,
            shared_with: shared_with.clone(),
        };
        let scope = AccessScope::SiteAdmin(self.curator());
        let id = app.store.create_action(&scope, &draft).unwrap().0;
        let model = ActionModel {
            lead,
            visibility,
            shared_with,
            partner,
            title,
            dated: true,
        };
        self.model.actions.insert(id, model);
        id
    }

    /// An action of every visibility led by each of A's entries; the
    /// public ones name the allied organisation B as a partner, which the
    /// anonymous and C may not see in the directory.
    fn actions(&mut self, app: &TestApp) {
        for lead in self.owner {
            for visibility in Visibility::ALL {
                let partner = (*visibility == Visibility::Public).then_some(self.ally);
                self.action(app, lead, *visibility, partner);
            }
        }
        self.action(app, self.ally, Visibility::Alliance, None);
        self.action(app, self.stranger, Visibility::Private, None);
    }

    /// Signs the `i`th actor in again, in a new browser, after a sign-out.
    pub async fn sign_in_again(&mut self, app: &TestApp, i: usize) {
        let actor = &self.actors[i];
        let user = actor.user.expect("a signed-in actor");
        let email = &self.model.users[&user].email;
        let (browser, csrf) = session(app, actor.persona, email).await;
        let actor = &mut self.actors[i];
        actor.browser = browser;
        actor.csrf = csrf;
    }

    /// Builds the world in `app`'s store and signs everyone in.
    pub async fn build(app: &TestApp) -> World {
        let mut world = World {
            model: Model::default(),
            actors: Vec::new(),
            owner: [OrgId(0); 3],
            ally: OrgId(0),
            stranger: OrgId(0),
            joiner: OrgId(0),
            spare: UserId(0),
            next_marker: 0,
        };
        for (i, visibility) in Visibility::ALL.iter().enumerate() {
            world.owner[i] = world.organisation(app, *visibility);
        }
        world.ally = world.organisation(app, Visibility::Alliance);
        world.stranger = world.organisation(app, Visibility::Private);
        world.joiner = world.organisation(app, Visibility::Public);
        let [private, shared, public] = world.owner;
        // Owners vary so that an alliance's owner may be hidden from a
        // reader of the alliance.
        world.alliance(app, public, Visibility::Private);
        world.alliance(app, shared, Visibility::Alliance);
        world.alliance(app, private, Visibility::Public);
        for org in [private, shared, public, world.ally, world.stranger] {
            world.audit_entry(app, org);
        }
        world.people(app).await;
        world.actions(app);
        world.contacts(app);
        world
    }

    async fn people(&mut self, app: &TestApp) {
        let hash = entente_auth::password::hash(PASSWORD).unwrap();
        let owner_roles = |role| self.owner.map(|org| (org, role));
        let cast = [
            (Persona::OwnerViewer, owner_roles(Role::Viewer).to_vec()),
            (Persona::OwnerEditor, owner_roles(Role::Editor).to_vec()),
            (Persona::OwnerAdmin, owner_roles(Role::Admin).to_vec()),
            (Persona::AllyAdmin, vec![(self.ally, Role::Admin)]),
            (Persona::StrangerAdmin, vec![(self.stranger, Role::Admin)]),
            (Persona::SiteAdmin, Vec::new()),
        ];
        self.spare = self.user(app, &hash, &owner_roles(Role::Viewer));
        self.actors.push(Actor {
            persona: Persona::Anonymous,
            user: None,
            browser: app.browser(),
            csrf: "not-a-session-token".to_owned(),
            token: None,
            token_id: None,
            read_token: None,
        });
        for (persona, memberships) in cast {
            let user = self.user(app, &hash, &memberships);
            if persona == Persona::SiteAdmin {
                app.store.set_site_admin(user, true).unwrap();
                self.model.users.get_mut(&user).unwrap().site_admin = true;
            }
            let actor = signed_in(app, persona, user, &self.model.users[&user].email).await;
            self.actors.push(actor);
        }
    }
}

/// Signs `user` in through the form, and gives them API tokens.
async fn signed_in(app: &TestApp, persona: Persona, user: UserId, email: &str) -> Actor {
    let (browser, csrf) = session(app, persona, email).await;
    let (token, token_id) = api_token(app, user);
    Actor {
        persona,
        user: Some(user),
        browser,
        csrf,
        token: Some(token),
        token_id: Some(token_id),
        read_token: Some(token_of(app, user, TokenScope::Read).0),
    }
}

/// A browser signed in through the form, and its session's form token.
async fn session(app: &TestApp, persona: Persona, email: &str) -> (reqwest::Client, String) {
    let browser = app.browser();
    let answer = sign_in(app, &browser, email, PASSWORD).await;
    assert_eq!(answer.status, 303, "{persona:?} signs in: {}", answer.body);
    let account = send(browser.get(app.url("/account"))).await;
    assert_eq!(account.status, 200, "{persona:?}: {}", account.body);
    let csrf = csrf_field(&account.body);
    (browser, csrf)
}

/// A new read-write API token of `user`, and its id.
pub fn api_token(app: &TestApp, user: UserId) -> (String, i64) {
    token_of(app, user, TokenScope::ReadWrite)
}

fn token_of(app: &TestApp, user: UserId, scope: TokenScope) -> (String, i64) {
    let token = Secret::generate_api_token();
    let now = Utc::now().naive_utc();
    let id = app
        .store
        .create_api_token(user, "authorisation test", &token.hash(), scope, now)
        .unwrap();
    (token.as_str().to_owned(), id)
}
