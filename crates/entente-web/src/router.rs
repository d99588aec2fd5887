//! Every route of the portal and the API, in one place.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{delete, get, post, put};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use crate::state::AppState;
use crate::{api, auth, page_cache, pages, security};

/// The whole web application over `state`: portal, API, stylesheet.
pub fn router(state: AppState) -> Router {
    let portal = Router::new()
        .route("/", get(pages::dashboard::show_dashboard))
        .route("/board", get(pages::board::show_board))
        .route(
            "/board/proposals",
            post(pages::board::proposals::create_proposal),
        )
        .route(
            "/board/proposals/{id}",
            get(pages::board::proposals::show_proposal),
        )
        .route(
            "/board/proposals/{id}/{step}",
            post(pages::board::proposals::take_step),
        )
        .route(
            "/board/signals/{key}/contact",
            get(pages::signals::contact::show_contact_form)
                .post(pages::signals::contact::send_contact_request),
        )
        .route(
            "/orgs/{short}/requests",
            get(pages::signals::requests::show_requests),
        )
        .route(
            "/orgs/{short}/requests/{id}/answer",
            post(pages::signals::requests::answer_request),
        )
        .route(
            "/orgs/{short}/requests/{id}/decline",
            post(pages::signals::requests::decline_request),
        )
        .route(
            "/orgs/{short}/signal-default",
            post(pages::signals::requests::set_signal_default),
        )
        .route(
            "/actions/{id}/signal",
            post(pages::signals::requests::set_action_signal),
        )
        .route("/states/{iso3}", get(pages::states::show_state))
        .route("/states/{iso3}/npm", get(pages::npm::show_state_npm))
        .route("/states/{iso3}/brief", get(pages::brief::show_brief))
        .route(
            "/states/{iso3}/npm/profiles/new",
            get(pages::npm::form::show_new_profile).post(pages::npm::form::create_profile),
        )
        .route(
            "/npm-profiles/{id}/edit",
            get(pages::npm::form::show_edit_profile).post(pages::npm::form::update_profile),
        )
        .route(
            "/npm-profiles/{id}/delete",
            get(pages::npm::form::show_delete_profile).post(pages::npm::form::delete_profile),
        )
        .route(
            "/states/{iso3}/npm/assessments/new",
            get(pages::npm::form::show_new_assessment).post(pages::npm::form::create_assessment),
        )
        .route(
            "/npm-assessments/{id}/edit",
            get(pages::npm::form::show_edit_assessment).post(pages::npm::form::update_assessment),
        )
        .route(
            "/npm-assessments/{id}/delete",
            get(pages::npm::form::show_delete_assessment).post(pages::npm::form::delete_assessment),
        )
        .route(
            "/spt-visits/new",
            get(pages::spt_visits::show_new_spt_visit).post(pages::spt_visits::create_spt_visit),
        )
        .route(
            "/spt-visits/{id}/edit",
            get(pages::spt_visits::show_edit_spt_visit).post(pages::spt_visits::update_spt_visit),
        )
        .route(
            "/spt-visits/{id}/delete",
            get(pages::spt_visits::show_delete_spt_visit).post(pages::spt_visits::delete_spt_visit),
        )
        .route("/treaties", get(pages::treaties::list_treaties))
        .route("/treaties/{id}", get(pages::treaties::show_treaty))
        .route(
            "/login",
            get(pages::signin::show_login).post(pages::signin::sign_in),
        )
        .route(
            "/login/2fa",
            get(pages::second_step::show_second_step).post(pages::second_step::finish_second_step),
        )
        .route("/logout", post(pages::signin::sign_out))
        .route(
            "/set-password/{token}",
            get(pages::password::show_set_password).post(pages::password::set_password),
        )
        .route("/account", get(pages::account::overview::show_account))
        .route(
            "/account/notifications",
            get(pages::notifications::show_preferences)
                .post(pages::notifications::update_preferences),
        )
        .route(
            "/notifications",
            get(pages::notifications::show_notifications),
        )
        .route("/notifications/read", post(pages::notifications::mark_read))
        .route(
            "/account/tokens",
            post(pages::account::tokens::create_token),
        )
        .route(
            "/account/tokens/{id}/revoke",
            post(pages::account::tokens::revoke_token),
        )
        .route(
            "/account/2fa",
            get(pages::account::two_factor::show_two_factor),
        )
        .route(
            "/account/2fa/enable",
            post(pages::account::two_factor::enable_two_factor),
        )
        .route(
            "/account/2fa/disable",
            post(pages::account::two_factor::disable_two_factor),
        )
        .route(
            "/account/2fa/recovery-codes",
            post(pages::account::two_factor::regenerate_recovery_codes),
        )
        .route(
            "/account/sessions/logout-everywhere",
            post(pages::signin::sign_out_everywhere),
        )
        .route("/orgs", get(pages::orgs::list_orgs))
        .route(
            "/orgs/{short}",
            get(pages::orgs::show_org).post(pages::org_settings::update_org),
        )
        .route(
            "/orgs/{short}/members/{user}/role",
            post(pages::orgs::change_member_role),
        )
        .route(
            "/orgs/{short}/members/{user}/remove",
            post(pages::orgs::remove_member),
        )
        .route(
            "/orgs/{short}/import",
            get(pages::imports::show_import)
                .post(pages::imports::import_actions)
                .layer(DefaultBodyLimit::max(pages::imports::BODY_LIMIT)),
        )
        .route(
            "/orgs/{short}/recommendations/import",
            get(pages::imports::show_recommendation_import)
                .post(pages::imports::import_recommendations)
                .layer(DefaultBodyLimit::max(pages::imports::BODY_LIMIT)),
        )
        .route(
            "/orgs/{short}/invitations",
            post(pages::invitations::create_invitation),
        )
        .route(
            "/orgs/{short}/contacts",
            get(pages::contacts::list_contacts).post(pages::contacts::create_contact),
        )
        .route(
            "/orgs/{short}/contacts/{id}",
            get(pages::contacts::show_contact).post(pages::contacts::update_contact),
        )
        .route(
            "/orgs/{short}/contacts/{id}/delete",
            get(pages::contacts::show_delete_contact).post(pages::contacts::delete_contact),
        )
        .route(
            "/invitations/{token}",
            get(pages::invitations::show_invitation).post(pages::invitations::accept_invitation),
        )
        .route(
            "/alliances",
            get(pages::alliances::list_alliances).post(pages::alliances::create_alliance),
        )
        .route("/alliances/{id}", get(pages::alliances::show_alliance))
        .route(
            "/alliances/{id}/area",
            post(pages::alliances::set_alliance_area),
        )
        .route(
            "/alliances/{id}/members",
            post(pages::alliances::add_alliance_member),
        )
        .route(
            "/alliances/{id}/members/{org}/remove",
            post(pages::alliances::remove_alliance_member),
        )
        .route("/audit", get(pages::audit::show_audit))
        .route("/search", get(pages::search::search_records))
        .route(
            "/actions",
            get(pages::actions::list::list_actions).post(pages::actions::form::create_action),
        )
        .route("/actions/new", get(pages::actions::form::show_new_action))
        .route(
            "/actions/calendar",
            get(pages::actions::calendar::show_calendar),
        )
        .route("/actions/{id}", get(pages::actions::show::show_action))
        .route(
            "/recommendations",
            get(pages::recommendations::list::list_recommendations)
                .post(pages::recommendations::form::create_recommendation),
        )
        .route(
            "/recommendations/new",
            get(pages::recommendations::form::show_new_recommendation),
        )
        .route(
            "/recommendations/{id}",
            get(pages::recommendations::show::show_recommendation),
        )
        .route(
            "/recommendations/{id}/edit",
            get(pages::recommendations::form::show_edit_recommendation)
                .post(pages::recommendations::form::update_recommendation),
        )
        .route(
            "/recommendations/{id}/delete",
            get(pages::recommendations::form::show_delete_recommendation)
                .post(pages::recommendations::form::delete_recommendation),
        )
        .route(
            "/recommendations/{id}/follow-ups",
            post(pages::recommendations::links::add_follow_up),
        )
        .route(
            "/recommendations/{id}/follow-ups/{event}/delete",
            post(pages::recommendations::links::delete_follow_up),
        )
        .route(
            "/recommendations/{id}/actions",
            post(pages::recommendations::links::link_action),
        )
        .route(
            "/recommendations/{id}/actions/{action}/delete",
            post(pages::recommendations::links::unlink_action),
        )
        .route(
            "/recommendations/{id}/related",
            post(pages::recommendations::links::link_related),
        )
        .route(
            "/recommendations/{id}/related/{other}/delete",
            post(pages::recommendations::links::unlink_related),
        )
        .route(
            "/actions/{id}/edit",
            get(pages::actions::form::show_edit_action).post(pages::actions::form::update_action),
        )
        .route(
            "/actions/{id}/delete",
            get(pages::actions::delete::show_delete_action)
                .post(pages::actions::delete::delete_action),
        )
        .fallback(pages::errors::show_not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            pages::errors::render_error_pages,
        ));
    let api = Router::new()
        .route("/states", get(api::states::list_states))
        .route("/states/{iso3}", get(api::states::show_state))
        .route(
            "/states/{iso3}/assessments",
            get(api::npm::show_assessment_comparison),
        )
        .route(
            "/npm-profiles",
            get(api::npm::list_npm_profiles).post(api::npm::create_npm_profile),
        )
        .route(
            "/npm-profiles/{id}",
            get(api::npm::show_npm_profile)
                .put(api::npm::update_npm_profile)
                .delete(api::npm::delete_npm_profile),
        )
        .route(
            "/assessments",
            get(api::npm::list_assessments).post(api::npm::create_assessment),
        )
        .route(
            "/assessments/{id}",
            get(api::npm::show_assessment)
                .put(api::npm::update_assessment)
                .delete(api::npm::delete_assessment),
        )
        .route(
            "/states/{iso3}/implementation",
            get(api::implementation::state_implementation),
        )
        .route(
            "/spt-visits",
            get(api::implementation::list_spt_visits).post(api::implementation::create_spt_visit),
        )
        .route(
            "/spt-visits/{id}",
            get(api::implementation::show_spt_visit)
                .put(api::implementation::update_spt_visit)
                .delete(api::implementation::delete_spt_visit),
        )
        .route("/treaties", get(api::treaties::list_treaties))
        .route(
            "/treaties/opcat/stages",
            get(api::treaties::list_stage_counts),
        )
        .route("/treaties/{id}", get(api::treaties::show_treaty))
        .route(
            "/treaties/{id}/participants",
            get(api::treaties::list_participants),
        )
        .route("/me", get(api::me::show_me))
        .route(
            "/me/notifications",
            get(api::notifications::show_notification_preferences)
                .put(api::notifications::update_notification_preferences),
        )
        .route(
            "/notifications",
            get(api::notifications::list_notifications),
        )
        .route(
            "/notifications/read",
            post(api::notifications::mark_notifications_read),
        )
        .route("/orgs", get(api::orgs::list_orgs))
        .route("/orgs/{short}", get(api::orgs::show_org))
        .route("/orgs/{short}/members", get(api::orgs::list_members))
        .route(
            "/orgs/{short}/contacts",
            get(api::contacts::list_contacts).post(api::contacts::create_contact),
        )
        .route(
            "/orgs/{short}/contacts/{id}",
            get(api::contacts::show_contact)
                .put(api::contacts::update_contact)
                .delete(api::contacts::delete_contact),
        )
        .route(
            "/alliances",
            get(api::alliances::list_alliances).post(api::alliances::create_alliance),
        )
        .route("/alliances/{id}", get(api::alliances::show_alliance))
        .route(
            "/alliances/{id}/area",
            put(api::alliances::set_alliance_area),
        )
        .route("/audit", get(api::audit::list_audit))
        .route(
            "/actions",
            get(api::actions::list_actions).post(api::actions::create_action),
        )
        .route(
            "/actions/{id}",
            get(api::actions::show_action)
                .put(api::actions::update_action)
                .delete(api::actions::delete_action),
        )
        .route(
            "/actions/{id}/history",
            get(api::actions::list_action_history),
        )
        .route("/action-types", get(api::actions::list_action_types))
        .route(
            "/recommendations",
            get(api::recommendations::list_recommendations)
                .post(api::recommendations::create_recommendation),
        )
        .route(
            "/recommendations/{id}",
            get(api::recommendations::show_recommendation)
                .put(api::recommendations::update_recommendation)
                .delete(api::recommendations::delete_recommendation),
        )
        .route(
            "/recommendations/{id}/follow-ups",
            get(api::recommendations::list_follow_ups).post(api::recommendations::add_follow_up),
        )
        .route(
            "/recommendations/{id}/follow-ups/{event}",
            delete(api::recommendations::delete_follow_up),
        )
        .route(
            "/recommendations/{id}/actions",
            get(api::recommendations::list_pushing_actions),
        )
        .route(
            "/recommendations/{id}/actions/{action}",
            put(api::recommendations::link_action).delete(api::recommendations::unlink_action),
        )
        .route(
            "/recommendations/{id}/related",
            get(api::recommendations::list_related),
        )
        .route(
            "/recommendations/{id}/related/{other}",
            put(api::recommendations::link_related).delete(api::recommendations::unlink_related),
        )
        .route("/actions/export.csv", get(api::exports::export_actions_csv))
        .route(
            "/actions/export.xlsx",
            get(api::exports::export_actions_xlsx),
        )
        .route(
            "/actions/export.json",
            get(api::exports::export_actions_json),
        )
        .route("/orgs/export.csv", get(api::exports::export_orgs_csv))
        .route("/orgs/export.xlsx", get(api::exports::export_orgs_xlsx))
        .route("/orgs/export.json", get(api::exports::export_orgs_json))
        .route(
            "/orgs/{short}/contacts/export.csv",
            get(api::exports::export_contacts_csv),
        )
        .route(
            "/calendar/orgs/{feed}",
            get(api::calendar::show_org_calendar),
        )
        .route(
            "/calendar/alliances/{feed}",
            get(api::calendar::show_alliance_calendar),
        )
        .route(
            "/calendar/states/{feed}",
            get(api::calendar::show_state_calendar),
        )
        .route(
            "/calendar/deadlines.ics",
            get(api::coordination::deadline_feed::show_deadline_calendar),
        )
        .route(
            "/alliances/{id}/members",
            post(api::alliances::add_alliance_member),
        )
        .route("/search", get(api::search::search_records))
        .route(
            "/coordination/overlaps",
            get(api::coordination::list_overlaps),
        )
        .route("/coordination/gaps", get(api::coordination::list_gaps))
        .route(
            "/coordination/unpushed-recommendations",
            get(api::coordination::list_unpushed_recommendations),
        )
        .route(
            "/coordination/partners",
            get(api::coordination::list_partners),
        )
        .route(
            "/coordination/deadlines",
            get(api::coordination::list_deadlines),
        )
        .route(
            "/coordination/signals",
            get(api::coordination::signals::list_signals),
        )
        .route(
            "/coordination/signals/{key}/contact-requests",
            post(api::coordination::signals::request_contact),
        )
        .route(
            "/coordination/contact-requests",
            get(api::coordination::signals::list_sent_requests),
        )
        .route(
            "/coordination/proposals",
            get(api::coordination::proposals::list_proposals)
                .post(api::coordination::proposals::create_proposal),
        )
        .route(
            "/coordination/proposals/{id}/send",
            post(api::coordination::proposals::send_proposal),
        )
        .route(
            "/coordination/proposals/{id}/accept",
            post(api::coordination::proposals::accept_proposal),
        )
        .route(
            "/coordination/proposals/{id}/decline",
            post(api::coordination::proposals::decline_proposal),
        )
        .route(
            "/coordination/proposals/{id}/withdraw",
            post(api::coordination::proposals::withdraw_proposal),
        )
        .route(
            "/orgs/{short}/contact-requests",
            get(api::coordination::signals::list_received_requests),
        )
        .route(
            "/orgs/{short}/contact-requests/{id}/answer",
            post(api::coordination::signals::answer_request),
        )
        .route(
            "/orgs/{short}/contact-requests/{id}/decline",
            post(api::coordination::signals::decline_request),
        )
        .route(
            "/orgs/{short}/signal-default",
            get(api::coordination::signals::show_signal_default)
                .put(api::coordination::signals::set_signal_default),
        )
        .route(
            "/actions/{id}/signal",
            put(api::coordination::signals::set_action_signal),
        )
        .route("/openapi.json", get(api::openapi::show_openapi))
        .fallback(api::show_not_found);
    let page_cache = state.page_cache();
    let app = Router::new()
        .route("/static/entente.css", get(pages::assets::show_stylesheet))
        .nest("/api/v1", api)
        .merge(portal)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::resolve_viewer,
        ))
        .with_state(state);
    // The cache sits outside compression, so that it keeps answers as
    // sent (gzip or not) and serves them without compressing again.
    security::with_security_headers(app)
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            page_cache,
            page_cache::serve,
        ))
        .layer(TraceLayer::new_for_http())
}
