//! The OpenAPI document of `/api/v1`, generated from the handlers' docs.

use axum::Json;
use utoipa::OpenApi;

use utoipa::Modify;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

use super::{
    actions, alliances, audit, calendar, contacts, coordination, exports, me, npm, orgs, search,
    states, treaties,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Entente API",
        description = "Treaty status of states under OPCAT and the core UN human rights treaties, derived from sourced UN data. Every endpoint takes `as_of` (YYYY-MM-DD) and answers as things stood that day. Errors are `{\"error\": {\"code\", \"message\"}}` with a stable snake_case code.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        states::list_states,
        states::show_state,
        treaties::list_treaties,
        treaties::show_treaty,
        treaties::list_participants,
        treaties::list_stage_counts,
        me::show_me,
        orgs::list_orgs,
        orgs::show_org,
        orgs::list_members,
        alliances::list_alliances,
        alliances::show_alliance,
        alliances::create_alliance,
        alliances::add_alliance_member,
        alliances::set_alliance_area,
        contacts::list_contacts,
        contacts::show_contact,
        contacts::create_contact,
        contacts::update_contact,
        contacts::delete_contact,
        audit::list_audit,
        actions::list_actions,
        actions::show_action,
        actions::list_action_history,
        actions::create_action,
        actions::update_action,
        actions::delete_action,
        actions::list_action_types,
        crate::api::recommendations::list_recommendations,
        crate::api::recommendations::show_recommendation,
        crate::api::recommendations::create_recommendation,
        crate::api::recommendations::update_recommendation,
        crate::api::recommendations::delete_recommendation,
        crate::api::recommendations::list_follow_ups,
        crate::api::recommendations::add_follow_up,
        crate::api::recommendations::delete_follow_up,
        crate::api::recommendations::list_pushing_actions,
        crate::api::recommendations::link_action,
        crate::api::recommendations::unlink_action,
        crate::api::recommendations::list_related,
        crate::api::recommendations::link_related,
        crate::api::recommendations::unlink_related,
        crate::api::consultations::list_consultations,
        crate::api::consultations::list_state_consultations,
        crate::api::consultations::show_consultation,
        crate::api::consultations::create_consultation,
        crate::api::consultations::update_consultation,
        crate::api::consultations::delete_consultation,
        crate::api::consultations::parts::add_participant,
        crate::api::consultations::parts::remove_participant,
        crate::api::consultations::parts::add_option,
        crate::api::consultations::parts::remove_option,
        crate::api::consultations::parts::set_position,
        exports::export_actions_csv,
        exports::export_actions_xlsx,
        exports::export_actions_json,
        exports::export_orgs_csv,
        exports::export_orgs_xlsx,
        exports::export_orgs_json,
        exports::export_contacts_csv,
        calendar::show_org_calendar,
        calendar::show_alliance_calendar,
        calendar::show_state_calendar,
        search::search_records,
        coordination::list_overlaps,
        coordination::list_gaps,
        coordination::list_unpushed_recommendations,
        coordination::list_partners,
        coordination::list_deadlines,
        npm::list_npm_profiles,
        npm::show_npm_profile,
        npm::create_npm_profile,
        npm::update_npm_profile,
        npm::delete_npm_profile,
        npm::list_assessments,
        npm::show_assessment,
        npm::create_assessment,
        npm::update_assessment,
        npm::delete_assessment,
        npm::show_assessment_comparison,
        coordination::signals::list_signals,
        coordination::contact_requests::request_contact,
        coordination::contact_requests::list_sent_requests,
        coordination::contact_requests::list_received_requests,
        coordination::contact_requests::answer_request,
        coordination::contact_requests::decline_request,
        coordination::signals::show_signal_default,
        coordination::signals::set_signal_default,
        coordination::signals::set_action_signal,
        coordination::proposals::list_proposals,
        coordination::proposals::create_proposal,
        coordination::proposals::send_proposal,
        coordination::proposals::accept_proposal,
        coordination::proposals::decline_proposal,
        coordination::proposals::withdraw_proposal,
        crate::api::implementation::state_implementation,
        crate::api::implementation::list_spt_visits,
        crate::api::implementation::show_spt_visit,
        crate::api::implementation::create_spt_visit,
        crate::api::implementation::update_spt_visit,
        crate::api::implementation::delete_spt_visit,
        crate::api::notifications::show_notification_preferences,
        crate::api::notifications::update_notification_preferences,
        crate::api::notifications::list_notifications,
        crate::api::notifications::mark_notifications_read,
        coordination::deadline_feed::show_deadline_calendar,
    ),
    modifiers(&BearerToken),
    tags(
        (name = "states", description = "States and their status"),
        (name = "treaties", description = "Treaties, their participants and OPCAT stages"),
        (name = "organisations", description = "The organisation directory, members and alliances, as far as the reader may see them; a hidden organisation or alliance answers as a missing one."),
        (name = "contacts", description = "The people at an organisation: personal data, never public. Read by the organisation's members and, when one of its admins shares a contact with an alliance, by that alliance's members (each such read is in the organisation's audit log); written by its editors and admins. A hidden contact answers as a missing one (`contact_not_found`)."),
        (name = "actions", description = "The coalition's campaign actions, as far as the reader may see them; a hidden action answers as a missing one. Changes need an editor or admin of the lead organisation; broken rules come back together as `invalid_fields`, each with its field, code and message."),
        (name = "exports", description = "Files of what the reader may see (CSV and XLSX guarded against formula injection, JSON), and iCalendar feeds of actions that take an API token in the address (`?token=ent_...`)."),
        (name = "search", description = "Actions, organisations and alliances found by their words in English, French or Spanish, with or without accents; only what the reader may see is found or counted."),
        (name = "coordination", description = "The coordination engine's findings (overlaps, gaps, partners, deadlines) over the plan the reader may see: a hidden action never reaches them, and the anonymous public's findings come from public actions only."),
        (name = "monitoring", description = "Implementation monitoring: NPM profiles (designated bodies, model, legal basis, dates, staff, budget, annual reports) and assessments of an NPM against the OPCAT criteria from the state's, the NPM's, civil society's or the SPT's viewpoint, compared side by side; only what the reader may see, a hidden record answering as a missing one (`not_found`)."),
        (name = "recommendations", description = "Recommendations of the SPT, the Committee against Torture, the UPR, regional bodies and NPMs, their follow-up events (the latest by date gives the status), the actions that push them and the related ones; only what the reader may see, a hidden recommendation answering as a missing one (`not_found`). SPT reports are confidential unless published, so a new recommendation is private unless its visibility says otherwise."),
        (name = "consultations", description = "Consultations (typically national, on the design of the NPM): their participants (organisations of the directory or bodies outside it, each with its sector), the options discussed and each participant's position on each option. One consultation is read with its positions matrix and, per option, the consensus figures (supports, accepts, opposes, no position, the share in favour of those who took a position), overall and by sector. Only what the reader may see, a hidden consultation answering as a missing one (`consultation_not_found`)."),
        (name = "notifications", description = "What is new for the signed-in user in the coordination findings (overlaps, gaps, deadlines that concern their organisations), read or unread, and their e-mail digest preference (off, daily or weekly, in English, French or Spanish)."),
        (name = "accounts", description = "The signed-in user; authenticate with a session cookie or `Authorization: Bearer ent_...`. A read-only token is refused (403 `token_read_only`) on anything but GET."),
    )
)]
struct ApiDoc;

/// Declares the `bearer` scheme: API tokens (`ent_...`) created on the
/// account page.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The OpenAPI document, for `/api/v1/openapi.json` and for tools.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json`
pub async fn show_openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document())
}
