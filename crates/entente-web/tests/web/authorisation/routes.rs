//! The route table: every route of the portal and the API, what kind of
//! record it exposes and the rule that decides who gets it.
//!
//! Every new route (search, exports, feeds, pages to come) must be added
//! here: the completeness check reads the router's source and fails on a
//! route this table does not name, so no route escapes the authorisation
//! test. A route whose record kind and rule have no check yet fails too,
//! until one is written in `checks`.

/// What a route shows or changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposes {
    /// Public reference data (states, treaties, the stylesheet, the API
    /// description): the same for everyone.
    Reference,
    /// A form or a step of signing in, about no record.
    Form,
    /// The directory: every entry the reader may see.
    OrgList,
    /// One directory entry (and, on its page, its members for members).
    OrgEntry,
    /// An organisation's member list.
    OrgMembers,
    /// An organisation's memberships or invitations, to change.
    OrgMembership,
    /// Every alliance the reader may see; posting creates one.
    AllianceList,
    /// One alliance.
    Alliance,
    /// An alliance's member organisations, to change.
    AllianceMembership,
    /// The audit log of the organisations the reader administers.
    Audit,
    /// The signed-in user's own account: page, sessions, two factors.
    OwnAccount,
    /// One of the signed-in user's own API tokens.
    OwnToken,
    /// A one-time link (password setting, invitation), a capability in itself.
    OneTimeLink,
    /// Every campaign action the reader may see (a list, an export);
    /// posting creates one.
    ActionList,
    /// One campaign action (or its history).
    Action,
    /// A calendar feed of the actions of an organisation, an alliance or
    /// a state, itself answered as missing when its subject is hidden.
    ActionFeed,
    /// An organisation's contacts as a file.
    ContactExport,
    /// The page that imports an organisation's actions from a file.
    ActionImport,
    /// The page that imports recommendations an organisation will own
    /// from a file.
    RecommendationImport,
    /// Where an alliance campaigns (its states and regions), to change.
    AllianceArea,
    /// An organisation's contacts (personal data); posting adds one.
    ContactList,
    /// One contact.
    Contact,
    /// Actions, directory entries and alliances found by their words:
    /// only those the reader may see, found and counted.
    Search,
    /// The coordination engine's findings (overlaps, gaps, partners,
    /// deadlines), drawn only from the actions and directory entries the
    /// reader may see.
    Coordination,
    /// The open recommendations the reader may see that no action it may
    /// see pushes.
    UnpushedRecommendations,
    /// The signed-in user's own notifications (the findings that concern
    /// their organisations) and e-mail digest preferences.
    Notifications,
    /// Anonymous signals of actions the reader may not read: only their
    /// kind, audiences, states and month.
    Signals,
    /// Asking for contact through a signal the reader sees.
    SignalContact,
    /// Contact requests: an organisation's received ones and its signal
    /// default (its admins'), or the reader's own sent ones.
    ContactRequests,
    /// An action's signal switch.
    ActionSignal,
    /// Joint actions proposed from an overlap: read by the members of the
    /// proposing organisation and, once sent, of the invited one; each
    /// step taken by the editors of the organisation whose step it is.
    JointProposal,
    /// Every SPT visit record the reader may see (the list, a state's
    /// implementation facts); posting creates one.
    SptVisitList,
    /// One SPT visit record.
    SptVisit,
    /// Every NPM profile and assessment the reader may see (the lists, a
    /// state's NPM page, the comparison by viewpoint); posting creates one.
    NpmList,
    /// One NPM profile or assessment.
    NpmRecord,
    /// Every recommendation the reader may see (the list); posting
    /// creates one.
    RecommendationList,
    /// One recommendation, its follow-up, its linked actions and related
    /// recommendations; changing them.
    Recommendation,
    /// Recording a follow-up event on a recommendation the reader sees, on
    /// behalf of an organisation they edit for.
    RecommendationFollowUp,
    /// A state's country brief: its NPM assessments, open recommendations,
    /// actions, gaps and deadlines as the reader may see them.
    CountryBrief,
    /// Every consultation the reader may see (the list, a state's);
    /// posting creates one.
    ConsultationList,
    /// One consultation with its positions matrix; changing it, its
    /// participants, options and positions.
    Consultation,
}

/// Who may have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Everyone, signed in or not.
    Public,
    /// Signed-in users, each on their own account only.
    OwnAccount,
    /// Readers the reference rule `can_read` allows; the rest find nothing.
    Read,
    /// Members of the organisation and the site admin; others who see the
    /// entry are refused, the rest find nothing.
    Members,
    /// `can_administer` of the owner; others who see the record are
    /// refused, the rest find nothing.
    Administer,
    /// Whoever holds the link; an unknown link is a missing page for all.
    LinkHolder,
    /// `can_write` of the owner (its editors and admins); others who see
    /// the record are refused, the rest find nothing.
    Edit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub method: &'static str,
    /// As written in the router; API routes with their `/api/v1` prefix.
    pub path: &'static str,
    pub exposes: Exposes,
    pub rule: Rule,
}

const fn route(method: &'static str, path: &'static str, exposes: Exposes, rule: Rule) -> Route {
    Route {
        method,
        path,
        exposes,
        rule,
    }
}

use Exposes as E;
use Rule as R;

/// Every route of the application.
pub const ROUTES: &[Route] = &[
    route("GET", "/static/entente.css", E::Reference, R::Public),
    route("GET", "/", E::Reference, R::Public),
    route("GET", "/states/{iso3}", E::Reference, R::Public),
    route("GET", "/spt-visits/new", E::SptVisitList, R::Edit),
    route("POST", "/spt-visits/new", E::SptVisitList, R::Edit),
    route("GET", "/spt-visits/{id}/edit", E::SptVisit, R::Edit),
    route("POST", "/spt-visits/{id}/edit", E::SptVisit, R::Edit),
    route("GET", "/spt-visits/{id}/delete", E::SptVisit, R::Edit),
    route("POST", "/spt-visits/{id}/delete", E::SptVisit, R::Edit),
    route("GET", "/treaties", E::Reference, R::Public),
    route("GET", "/treaties/{id}", E::Reference, R::Public),
    route("GET", "/login", E::Form, R::Public),
    route("POST", "/login", E::Form, R::Public),
    route("GET", "/login/2fa", E::Form, R::Public),
    route("POST", "/login/2fa", E::Form, R::Public),
    route("POST", "/logout", E::OwnAccount, R::OwnAccount),
    route(
        "GET",
        "/set-password/{token}",
        E::OneTimeLink,
        R::LinkHolder,
    ),
    route(
        "POST",
        "/set-password/{token}",
        E::OneTimeLink,
        R::LinkHolder,
    ),
    route("GET", "/account", E::OwnAccount, R::OwnAccount),
    route(
        "GET",
        "/account/notifications",
        E::Notifications,
        R::OwnAccount,
    ),
    route(
        "POST",
        "/account/notifications",
        E::Notifications,
        R::OwnAccount,
    ),
    route("GET", "/notifications", E::Notifications, R::OwnAccount),
    route(
        "POST",
        "/notifications/read",
        E::Notifications,
        R::OwnAccount,
    ),
    route("POST", "/account/tokens", E::OwnAccount, R::OwnAccount),
    route(
        "POST",
        "/account/tokens/{id}/revoke",
        E::OwnToken,
        R::OwnAccount,
    ),
    route("GET", "/account/2fa", E::OwnAccount, R::OwnAccount),
    route("POST", "/account/2fa/enable", E::OwnAccount, R::OwnAccount),
    route("POST", "/account/2fa/disable", E::OwnAccount, R::OwnAccount),
    route(
        "POST",
        "/account/2fa/recovery-codes",
        E::OwnAccount,
        R::OwnAccount,
    ),
    route(
        "POST",
        "/account/sessions/logout-everywhere",
        E::OwnAccount,
        R::OwnAccount,
    ),
    route("GET", "/orgs", E::OrgList, R::Read),
    route("GET", "/orgs/{short}", E::OrgEntry, R::Read),
    route("POST", "/orgs/{short}", E::OrgEntry, R::Administer),
    route(
        "POST",
        "/orgs/{short}/members/{user}/role",
        E::OrgMembership,
        R::Administer,
    ),
    route(
        "POST",
        "/orgs/{short}/members/{user}/remove",
        E::OrgMembership,
        R::Administer,
    ),
    route(
        "POST",
        "/orgs/{short}/invitations",
        E::OrgMembership,
        R::Administer,
    ),
    route("GET", "/orgs/{short}/import", E::ActionImport, R::Edit),
    route("POST", "/orgs/{short}/import", E::ActionImport, R::Edit),
    route(
        "GET",
        "/orgs/{short}/recommendations/import",
        E::RecommendationImport,
        R::Edit,
    ),
    route(
        "POST",
        "/orgs/{short}/recommendations/import",
        E::RecommendationImport,
        R::Edit,
    ),
    route("GET", "/invitations/{token}", E::OneTimeLink, R::LinkHolder),
    route(
        "POST",
        "/invitations/{token}",
        E::OneTimeLink,
        R::LinkHolder,
    ),
    route("GET", "/orgs/{short}/contacts", E::ContactList, R::Read),
    route("POST", "/orgs/{short}/contacts", E::ContactList, R::Edit),
    route("GET", "/orgs/{short}/contacts/{id}", E::Contact, R::Read),
    route("POST", "/orgs/{short}/contacts/{id}", E::Contact, R::Edit),
    route(
        "GET",
        "/orgs/{short}/contacts/{id}/delete",
        E::Contact,
        R::Edit,
    ),
    route(
        "POST",
        "/orgs/{short}/contacts/{id}/delete",
        E::Contact,
        R::Edit,
    ),
    route("GET", "/alliances", E::AllianceList, R::Read),
    route("POST", "/alliances", E::AllianceList, R::Administer),
    route("GET", "/alliances/{id}", E::Alliance, R::Read),
    route(
        "POST",
        "/alliances/{id}/area",
        E::AllianceArea,
        R::Administer,
    ),
    route(
        "POST",
        "/alliances/{id}/members",
        E::AllianceMembership,
        R::Administer,
    ),
    route(
        "POST",
        "/alliances/{id}/members/{org}/remove",
        E::AllianceMembership,
        R::Administer,
    ),
    route("GET", "/audit", E::Audit, R::Administer),
    route("GET", "/actions", E::ActionList, R::Read),
    route("POST", "/actions", E::ActionList, R::Edit),
    route("GET", "/actions/new", E::ActionList, R::Edit),
    route("GET", "/actions/calendar", E::ActionList, R::Read),
    route("GET", "/actions/{id}", E::Action, R::Read),
    route("GET", "/actions/{id}/edit", E::Action, R::Edit),
    route("POST", "/actions/{id}/edit", E::Action, R::Edit),
    route("GET", "/actions/{id}/delete", E::Action, R::Edit),
    route("POST", "/actions/{id}/delete", E::Action, R::Edit),
    route("GET", "/search", E::Search, R::Read),
    route("GET", "/api/v1/states", E::Reference, R::Public),
    route("GET", "/api/v1/states/{iso3}", E::Reference, R::Public),
    route(
        "GET",
        "/api/v1/states/{iso3}/implementation",
        E::SptVisitList,
        R::Read,
    ),
    route("GET", "/api/v1/spt-visits", E::SptVisitList, R::Read),
    route("POST", "/api/v1/spt-visits", E::SptVisitList, R::Edit),
    route("GET", "/api/v1/spt-visits/{id}", E::SptVisit, R::Read),
    route("PUT", "/api/v1/spt-visits/{id}", E::SptVisit, R::Edit),
    route("DELETE", "/api/v1/spt-visits/{id}", E::SptVisit, R::Edit),
    route("GET", "/api/v1/treaties", E::Reference, R::Public),
    route(
        "GET",
        "/api/v1/treaties/opcat/stages",
        E::Reference,
        R::Public,
    ),
    route("GET", "/api/v1/treaties/{id}", E::Reference, R::Public),
    route(
        "GET",
        "/api/v1/treaties/{id}/participants",
        E::Reference,
        R::Public,
    ),
    route("GET", "/api/v1/me", E::OwnAccount, R::OwnAccount),
    route(
        "GET",
        "/api/v1/me/notifications",
        E::Notifications,
        R::OwnAccount,
    ),
    route(
        "PUT",
        "/api/v1/me/notifications",
        E::Notifications,
        R::OwnAccount,
    ),
    route(
        "GET",
        "/api/v1/notifications",
        E::Notifications,
        R::OwnAccount,
    ),
    route(
        "POST",
        "/api/v1/notifications/read",
        E::Notifications,
        R::OwnAccount,
    ),
    route("GET", "/api/v1/orgs", E::OrgList, R::Read),
    route("GET", "/api/v1/orgs/{short}", E::OrgEntry, R::Read),
    route(
        "GET",
        "/api/v1/orgs/{short}/members",
        E::OrgMembers,
        R::Members,
    ),
    route(
        "GET",
        "/api/v1/orgs/{short}/contacts",
        E::ContactList,
        R::Read,
    ),
    route(
        "POST",
        "/api/v1/orgs/{short}/contacts",
        E::ContactList,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/orgs/{short}/contacts/{id}",
        E::Contact,
        R::Read,
    ),
    route(
        "PUT",
        "/api/v1/orgs/{short}/contacts/{id}",
        E::Contact,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/orgs/{short}/contacts/{id}",
        E::Contact,
        R::Edit,
    ),
    route("GET", "/api/v1/alliances", E::AllianceList, R::Read),
    route("POST", "/api/v1/alliances", E::AllianceList, R::Administer),
    route("GET", "/api/v1/alliances/{id}", E::Alliance, R::Read),
    route(
        "PUT",
        "/api/v1/alliances/{id}/area",
        E::AllianceArea,
        R::Administer,
    ),
    route(
        "POST",
        "/api/v1/alliances/{id}/members",
        E::AllianceMembership,
        R::Administer,
    ),
    route("GET", "/api/v1/audit", E::Audit, R::Administer),
    route("GET", "/api/v1/openapi.json", E::Reference, R::Public),
    route("GET", "/api/v1/search", E::Search, R::Read),
    route(
        "GET",
        "/api/v1/coordination/overlaps",
        E::Coordination,
        R::Read,
    ),
    route("GET", "/api/v1/coordination/gaps", E::Coordination, R::Read),
    route(
        "GET",
        "/api/v1/coordination/unpushed-recommendations",
        E::UnpushedRecommendations,
        R::Read,
    ),
    route("GET", "/board", E::Coordination, R::Read),
    route(
        "GET",
        "/api/v1/coordination/proposals",
        E::JointProposal,
        R::Read,
    ),
    route(
        "POST",
        "/api/v1/coordination/proposals",
        E::JointProposal,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/coordination/proposals/{id}/send",
        E::JointProposal,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/coordination/proposals/{id}/accept",
        E::JointProposal,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/coordination/proposals/{id}/decline",
        E::JointProposal,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/coordination/proposals/{id}/withdraw",
        E::JointProposal,
        R::Edit,
    ),
    route("POST", "/board/proposals", E::JointProposal, R::Edit),
    route("GET", "/board/proposals/{id}", E::JointProposal, R::Read),
    route(
        "POST",
        "/board/proposals/{id}/{step}",
        E::JointProposal,
        R::Edit,
    ),
    route("GET", "/api/v1/coordination/signals", E::Signals, R::Read),
    route(
        "POST",
        "/api/v1/coordination/signals/{key}/contact-requests",
        E::SignalContact,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/coordination/contact-requests",
        E::ContactRequests,
        R::OwnAccount,
    ),
    route(
        "GET",
        "/api/v1/orgs/{short}/contact-requests",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "POST",
        "/api/v1/orgs/{short}/contact-requests/{id}/answer",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "POST",
        "/api/v1/orgs/{short}/contact-requests/{id}/decline",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "GET",
        "/api/v1/orgs/{short}/signal-default",
        E::ContactRequests,
        R::Members,
    ),
    route(
        "PUT",
        "/api/v1/orgs/{short}/signal-default",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "PUT",
        "/api/v1/actions/{id}/signal",
        E::ActionSignal,
        R::Edit,
    ),
    route(
        "GET",
        "/board/signals/{key}/contact",
        E::SignalContact,
        R::Read,
    ),
    route(
        "POST",
        "/board/signals/{key}/contact",
        E::SignalContact,
        R::Read,
    ),
    route(
        "GET",
        "/orgs/{short}/requests",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "POST",
        "/orgs/{short}/requests/{id}/answer",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "POST",
        "/orgs/{short}/requests/{id}/decline",
        E::ContactRequests,
        R::Administer,
    ),
    route(
        "POST",
        "/orgs/{short}/signal-default",
        E::ContactRequests,
        R::Administer,
    ),
    route("POST", "/actions/{id}/signal", E::ActionSignal, R::Edit),
    route(
        "GET",
        "/api/v1/coordination/partners",
        E::Coordination,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/coordination/deadlines",
        E::Coordination,
        R::Read,
    ),
    route("GET", "/api/v1/actions", E::ActionList, R::Read),
    route("POST", "/api/v1/actions", E::ActionList, R::Edit),
    route("GET", "/api/v1/actions/{id}", E::Action, R::Read),
    route("PUT", "/api/v1/actions/{id}", E::Action, R::Edit),
    route("DELETE", "/api/v1/actions/{id}", E::Action, R::Edit),
    route("GET", "/api/v1/actions/{id}/history", E::Action, R::Read),
    route("GET", "/api/v1/action-types", E::Reference, R::Public),
    route("GET", "/api/v1/actions/export.csv", E::ActionList, R::Read),
    route("GET", "/api/v1/actions/export.xlsx", E::ActionList, R::Read),
    route("GET", "/api/v1/actions/export.json", E::ActionList, R::Read),
    route("GET", "/api/v1/orgs/export.csv", E::OrgList, R::Read),
    route("GET", "/api/v1/orgs/export.xlsx", E::OrgList, R::Read),
    route("GET", "/api/v1/orgs/export.json", E::OrgList, R::Read),
    route(
        "GET",
        "/api/v1/orgs/{short}/contacts/export.csv",
        E::ContactExport,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/calendar/orgs/{feed}",
        E::ActionFeed,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/calendar/alliances/{feed}",
        E::ActionFeed,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/calendar/states/{feed}",
        E::ActionFeed,
        R::Read,
    ),
    route(
        "GET",
        "/api/v1/calendar/deadlines.ics",
        E::Coordination,
        R::Read,
    ),
    // Implementation monitoring, last: its changes write audit entries
    // that would push the audit checks' planted entries off their page.
    route("GET", "/states/{iso3}/npm", E::NpmList, R::Read),
    route("GET", "/states/{iso3}/brief", E::CountryBrief, R::Read),
    route(
        "GET",
        "/states/{iso3}/npm/profiles/new",
        E::NpmList,
        R::Edit,
    ),
    route(
        "POST",
        "/states/{iso3}/npm/profiles/new",
        E::NpmList,
        R::Edit,
    ),
    route("GET", "/npm-profiles/{id}/edit", E::NpmRecord, R::Edit),
    route("POST", "/npm-profiles/{id}/edit", E::NpmRecord, R::Edit),
    route("GET", "/npm-profiles/{id}/delete", E::NpmRecord, R::Edit),
    route("POST", "/npm-profiles/{id}/delete", E::NpmRecord, R::Edit),
    route(
        "GET",
        "/states/{iso3}/npm/assessments/new",
        E::NpmList,
        R::Edit,
    ),
    route(
        "POST",
        "/states/{iso3}/npm/assessments/new",
        E::NpmList,
        R::Edit,
    ),
    route("GET", "/npm-assessments/{id}/edit", E::NpmRecord, R::Edit),
    route("POST", "/npm-assessments/{id}/edit", E::NpmRecord, R::Edit),
    route("GET", "/npm-assessments/{id}/delete", E::NpmRecord, R::Edit),
    route(
        "POST",
        "/npm-assessments/{id}/delete",
        E::NpmRecord,
        R::Edit,
    ),
    route("GET", "/api/v1/npm-profiles", E::NpmList, R::Read),
    route("POST", "/api/v1/npm-profiles", E::NpmList, R::Edit),
    route("GET", "/api/v1/npm-profiles/{id}", E::NpmRecord, R::Read),
    route("PUT", "/api/v1/npm-profiles/{id}", E::NpmRecord, R::Edit),
    route("DELETE", "/api/v1/npm-profiles/{id}", E::NpmRecord, R::Edit),
    route("GET", "/api/v1/assessments", E::NpmList, R::Read),
    route("POST", "/api/v1/assessments", E::NpmList, R::Edit),
    route("GET", "/api/v1/assessments/{id}", E::NpmRecord, R::Read),
    route("PUT", "/api/v1/assessments/{id}", E::NpmRecord, R::Edit),
    route("DELETE", "/api/v1/assessments/{id}", E::NpmRecord, R::Edit),
    route(
        "GET",
        "/api/v1/states/{iso3}/assessments",
        E::NpmList,
        R::Read,
    ),
    route("GET", "/recommendations", E::RecommendationList, R::Read),
    route("POST", "/recommendations", E::RecommendationList, R::Edit),
    route(
        "GET",
        "/recommendations/new",
        E::RecommendationList,
        R::Edit,
    ),
    route("GET", "/recommendations/{id}", E::Recommendation, R::Read),
    route(
        "GET",
        "/recommendations/{id}/edit",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/edit",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "GET",
        "/recommendations/{id}/delete",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/delete",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/follow-ups",
        E::RecommendationFollowUp,
        R::Read,
    ),
    route(
        "POST",
        "/recommendations/{id}/follow-ups/{event}/delete",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/actions",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/actions/{action}/delete",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/related",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "POST",
        "/recommendations/{id}/related/{other}/delete",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/recommendations",
        E::RecommendationList,
        R::Read,
    ),
    route(
        "POST",
        "/api/v1/recommendations",
        E::RecommendationList,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/recommendations/{id}",
        E::Recommendation,
        R::Read,
    ),
    route(
        "PUT",
        "/api/v1/recommendations/{id}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/recommendations/{id}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/recommendations/{id}/follow-ups",
        E::Recommendation,
        R::Read,
    ),
    route(
        "POST",
        "/api/v1/recommendations/{id}/follow-ups",
        E::RecommendationFollowUp,
        R::Read,
    ),
    route(
        "DELETE",
        "/api/v1/recommendations/{id}/follow-ups/{event}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/recommendations/{id}/actions",
        E::Recommendation,
        R::Read,
    ),
    route(
        "PUT",
        "/api/v1/recommendations/{id}/actions/{action}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/recommendations/{id}/actions/{action}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/recommendations/{id}/related",
        E::Recommendation,
        R::Read,
    ),
    route(
        "PUT",
        "/api/v1/recommendations/{id}/related/{other}",
        E::Recommendation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/recommendations/{id}/related/{other}",
        E::Recommendation,
        R::Edit,
    ),
    route("GET", "/consultations", E::ConsultationList, R::Read),
    route("POST", "/consultations", E::ConsultationList, R::Edit),
    route("GET", "/consultations/new", E::ConsultationList, R::Edit),
    route("GET", "/consultations/{id}", E::Consultation, R::Read),
    route("GET", "/consultations/{id}/edit", E::Consultation, R::Edit),
    route("POST", "/consultations/{id}/edit", E::Consultation, R::Edit),
    route(
        "GET",
        "/consultations/{id}/delete",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/delete",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/participants",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/participants/{participant}/delete",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/options",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/options/{option}/delete",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/consultations/{id}/positions",
        E::Consultation,
        R::Edit,
    ),
    route("GET", "/api/v1/consultations", E::ConsultationList, R::Read),
    route(
        "POST",
        "/api/v1/consultations",
        E::ConsultationList,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/consultations/{id}",
        E::Consultation,
        R::Read,
    ),
    route(
        "PUT",
        "/api/v1/consultations/{id}",
        E::Consultation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/consultations/{id}",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/consultations/{id}/participants",
        E::Consultation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/consultations/{id}/participants/{participant}",
        E::Consultation,
        R::Edit,
    ),
    route(
        "POST",
        "/api/v1/consultations/{id}/options",
        E::Consultation,
        R::Edit,
    ),
    route(
        "DELETE",
        "/api/v1/consultations/{id}/options/{option}",
        E::Consultation,
        R::Edit,
    ),
    route(
        "PUT",
        "/api/v1/consultations/{id}/positions",
        E::Consultation,
        R::Edit,
    ),
    route(
        "GET",
        "/api/v1/states/{iso3}/consultations",
        E::ConsultationList,
        R::Read,
    ),
];
