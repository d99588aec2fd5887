//! Entente's persistence: one codebase on embedded SQLite (the default) and
//! on PostgreSQL (several servers sharing one database).
//!
//! Everything is synchronous; the web layer calls it inside
//! `tokio::task::spawn_blocking`. Every write is one transaction: a failed
//! write leaves the database as it was.

mod accounts;
mod audit;
mod batch;
mod bulk;
mod changes;
mod connection;
mod consultations;
mod contacts;
mod coordination;
mod credentials;
mod error;
mod implementation;
mod migrate;
mod monitoring;
mod notifications;
mod plan;
mod recommendations;
mod reference;
mod report;
mod schema;
mod search;
mod transaction;

use std::fmt;

use diesel::r2d2::PooledConnection;

pub use accounts::{
    Alliance, AllianceReach, Area, DirectoryFilter, ImportError, ImportSummary, Member, Membership,
    NewAlliance, NewOrganisation, Organisation, OrganisationChanges, OrganisationProfile,
    UserAccount, check_website,
};
pub use audit::{AuditAction, AuditEntry, AuditFilter, AuditLine};
pub use connection::Backend;
pub use consultations::{
    Consultation, ConsultationFilter, ConsultationOption, ConsultationPage, Participant,
    PositionsMatrix,
};
pub use contacts::{Contact, ContactDetails, ContactId};
pub use coordination::{ActionLabel, Analysis, CoordinationFilter, CoordinationInputs};
pub use coordination::{
    ActionSignal, Answer, CONTACT_MAX, MESSAGE_MAX, NewContactRequest, ReceivedRequest,
    RequestMail, RequestNotice, RequestStatus, Requester, SentRequest,
};
pub use coordination::{JointProposal, JointWording, ProposalStatus};
pub use credentials::{ApiToken, Link, LinkPurpose, NewLink, NewSession, Session};
pub use error::StoreError;
pub use implementation::{SptVisit, StateFacts};
pub use monitoring::{Assessment, NpmProfile, assessment_facts};
pub use notifications::{
    Job, JobKind, JobState, MAIL_LANGUAGES, Notification, NotificationList,
    NotificationPreferences, Subscriber,
};
pub use plan::{Action, ActionFilter, ActionPage, ActionType, PageRequest, StatusChange};
pub use recommendations::{
    FollowUp, ImportRefusal, NewFollowUp, PushingAction, Recommendation, RecommendationFilter,
    RecommendationPage,
};
pub use reference::{EventFilter, ReferenceData};
pub use report::ImportReport;
pub use search::{SearchHit, SearchKind, SearchPage, UnknownSearchKind};

use connection::{Connector, DbPool, Target};

/// A handle on the database: cheap to clone, shared by all threads.
#[derive(Clone)]
pub struct Store {
    pool: DbPool,
    backend: Backend,
}

impl Store {
    /// Opens the database a URL names:
    /// `postgres://...` or `postgresql://...` for PostgreSQL; `sqlite://PATH`,
    /// `sqlite:PATH` or a plain path for an SQLite file (its folders are
    /// created). Anything else is a [`StoreError::Config`].
    ///
    /// Connects once straight away, so a wrong URL fails here with the
    /// database's own message.
    pub fn open(url: &str) -> Result<Store, StoreError> {
        let target = Target::parse(url)?;
        let backend = target.backend();
        let pool = connection::pool(target)?;
        tracing::debug!(%backend, "database opened");
        Ok(Store { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    fn connection(&self) -> Result<PooledConnection<Connector>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// A second connection for reading in parallel, if the pool gives one
    /// at once (opening it if need be); `None` when every connection is in
    /// use, so that a reader holding one never waits for another.
    fn spare_connection(&self) -> Option<PooledConnection<Connector>> {
        self.pool
            .get_timeout(std::time::Duration::from_millis(250))
            .ok()
    }
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.pool.state();
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .field("connections", &state.connections)
            .field("idle", &state.idle_connections)
            .finish()
    }
}
