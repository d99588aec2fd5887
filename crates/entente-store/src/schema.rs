//! The tables as diesel sees them: one description for both backends, which
//! the migrations under `migrations/sqlite` and `migrations/postgres` create.

diesel::table! {
    states (iso3) {
        iso3 -> Text,
        iso2 -> Text,
        m49 -> Integer,
        name_en -> Text,
        name_fr -> Text,
        name_es -> Text,
        formal_name_en -> Text,
        formal_name_fr -> Text,
        formal_name_es -> Text,
        region_code -> Nullable<Integer>,
        region_name -> Nullable<Text>,
        subregion_code -> Nullable<Integer>,
        subregion_name -> Nullable<Text>,
        regional_group -> Nullable<Text>,
        un_member -> Bool,
    }
}

diesel::table! {
    treaties (id) {
        id -> Text,
        mtdsg_no -> Text,
        name_en -> Text,
        opened_year -> Nullable<Integer>,
        status_url -> Text,
    }
}

diesel::table! {
    sources (id) {
        id -> Text,
        title -> Text,
        publisher -> Text,
        url -> Text,
        as_of -> Date,
    }
}

diesel::table! {
    treaty_events (id) {
        id -> BigInt,
        state -> Text,
        treaty -> Text,
        kind -> Text,
        date -> Date,
        source -> Text,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    world_map (id) {
        id -> Integer,
        width -> Integer,
        height -> Integer,
        shapes -> Text,
        markers -> Text,
    }
}

diesel::table! {
    dataset_meta (id) {
        id -> Integer,
        as_of -> Date,
    }
}

diesel::table! {
    organisations (id) {
        id -> BigInt,
        short_name -> Text,
        name -> Text,
        kind -> Text,
        website -> Nullable<Text>,
        description -> Nullable<Text>,
        visibility -> Text,
        created_at -> Timestamp,
        level -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        password_hash -> Nullable<Text>,
        site_admin -> Bool,
        totp_secret -> Nullable<Text>,
        totp_enabled -> Bool,
        created_at -> Timestamp,
        disabled -> Bool,
        totp_last_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    memberships (user_id, org_id) {
        user_id -> BigInt,
        org_id -> BigInt,
        role -> Text,
    }
}

diesel::table! {
    alliances (id) {
        id -> BigInt,
        owner_org -> BigInt,
        name -> Text,
        purpose -> Text,
        visibility -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    alliance_members (alliance_id, org_id) {
        alliance_id -> BigInt,
        org_id -> BigInt,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        idle_seconds -> BigInt,
        expires_at -> Timestamp,
        csrf_token -> Text,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        scope -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        email -> Text,
        at -> Timestamp,
        succeeded -> Bool,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    one_time_links (token_hash) {
        token_hash -> Text,
        purpose -> Text,
        user_id -> Nullable<BigInt>,
        org_id -> Nullable<BigInt>,
        role -> Nullable<Text>,
        email -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    pending_logins (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    recovery_codes (user_id, code_hash) {
        user_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_user -> Nullable<BigInt>,
        actor_org -> Nullable<BigInt>,
        org_id -> Nullable<BigInt>,
        action -> Text,
        record_kind -> Nullable<Text>,
        record_id -> Nullable<BigInt>,
        detail -> Text,
    }
}

diesel::table! {
    organisation_sectors (org_id, sector) {
        org_id -> BigInt,
        sector -> Text,
    }
}

diesel::table! {
    organisation_states (org_id, state) {
        org_id -> BigInt,
        state -> Text,
    }
}

diesel::table! {
    organisation_regions (org_id, region) {
        org_id -> BigInt,
        region -> Text,
    }
}

diesel::table! {
    alliance_states (alliance_id, state) {
        alliance_id -> BigInt,
        state -> Text,
    }
}

diesel::table! {
    alliance_regions (alliance_id, region) {
        alliance_id -> BigInt,
        region -> Text,
    }
}

diesel::table! {
    contacts (id) {
        id -> BigInt,
        org_id -> BigInt,
        name -> Text,
        role -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        languages -> Text,
        consent -> Bool,
        notes -> Text,
        visibility -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    contact_alliances (contact_id, alliance_id) {
        contact_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::table! {
    action_types (code) {
        code -> Text,
        label_en -> Text,
        label_fr -> Text,
        label_es -> Text,
        builtin -> Bool,
        position -> Integer,
    }
}

diesel::table! {
    actions (id) {
        id -> BigInt,
        lead_org -> BigInt,
        title -> Text,
        description -> Text,
        action_type -> Text,
        phase -> Text,
        level -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        due_date -> Nullable<Date>,
        status -> Text,
        budget_minor -> Nullable<BigInt>,
        budget_currency -> Nullable<Text>,
        staff_days -> Nullable<Double>,
        expected_outcome -> Text,
        actual_outcome -> Text,
        outcome_state -> Nullable<Text>,
        outcome_treaty -> Nullable<Text>,
        outcome_kind -> Nullable<Text>,
        outcome_date -> Nullable<Date>,
        visibility -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        state_codes -> Text,
        audience_codes -> Text,
        partner_ids -> Text,
        alliance_ids -> Text,
    }
}

diesel::table! {
    action_states (action_id, state) {
        action_id -> BigInt,
        state -> Text,
        visibility -> Text,
        lead_org -> BigInt,
        status -> Text,
        alliance_ids -> Text,
        action_type -> Text,
        phase -> Text,
        level -> Text,
        listed_on -> Nullable<Date>,
        lasts_until -> Nullable<Date>,
    }
}

diesel::table! {
    action_audiences (action_id, audience) {
        action_id -> BigInt,
        audience -> Text,
    }
}

diesel::table! {
    action_partners (action_id, org_id) {
        action_id -> BigInt,
        org_id -> BigInt,
    }
}

diesel::table! {
    action_alliances (action_id, alliance_id) {
        action_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::table! {
    action_documents (action_id, position) {
        action_id -> BigInt,
        position -> Integer,
        title -> Text,
        url -> Text,
    }
}

diesel::table! {
    action_status_changes (id) {
        id -> BigInt,
        action_id -> BigInt,
        status -> Text,
        changed_at -> Timestamp,
        changed_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    import_mappings (org_id, record_kind, header) {
        org_id -> BigInt,
        record_kind -> Text,
        header -> Text,
        field -> Text,
    }
}

diesel::table! {
    /// The search index's entries: a record's normalised terms (see
    /// `crate::search`). PostgreSQL adds a generated `document` tsvector.
    search_entries (id) {
        id -> BigInt,
        kind -> Text,
        record_id -> BigInt,
        title_terms -> Text,
        body_terms -> Text,
    }
}

diesel::table! {
    /// SQLite only: the FTS5 index over `search_entries`, whose rowid is
    /// the entry's id.
    search_fts (rowid) {
        rowid -> BigInt,
    }
}

diesel::table! {
    recommendations (id) {
        id -> BigInt,
        owner_org -> BigInt,
        state -> Text,
        body -> Text,
        document_symbol -> Text,
        document_title -> Text,
        document_url -> Nullable<Text>,
        document_date -> Nullable<Date>,
        addressed_to -> Text,
        paragraph -> Text,
        body_text -> Text,
        status -> Text,
        visibility -> Text,
        demo -> Bool,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    recommendation_alliances (recommendation_id, alliance_id) {
        recommendation_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::table! {
    recommendation_themes (recommendation_id, theme) {
        recommendation_id -> BigInt,
        theme -> Text,
    }
}

diesel::table! {
    recommendation_tags (recommendation_id, tag) {
        recommendation_id -> BigInt,
        tag -> Text,
    }
}

diesel::table! {
    recommendation_follow_ups (id) {
        id -> BigInt,
        recommendation_id -> BigInt,
        event_date -> Date,
        kind -> Text,
        status -> Text,
        note -> Text,
        recorded_by_org -> Nullable<BigInt>,
        recorded_by_user -> Nullable<BigInt>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    recommendation_actions (recommendation_id, action_id) {
        recommendation_id -> BigInt,
        action_id -> BigInt,
    }
}

diesel::table! {
    recommendation_links (recommendation_id, related_id) {
        recommendation_id -> BigInt,
        related_id -> BigInt,
    }
}

diesel::table! {
    consultations (id) {
        id -> BigInt,
        owner_org -> BigInt,
        state -> Text,
        title -> Text,
        kind -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        outcome -> Text,
        visibility -> Text,
        demo -> Bool,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    consultation_alliances (consultation_id, alliance_id) {
        consultation_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::table! {
    consultation_participants (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        org_id -> Nullable<BigInt>,
        name -> Text,
        sector -> Text,
    }
}

diesel::table! {
    consultation_options (id) {
        id -> BigInt,
        consultation_id -> BigInt,
        label -> Text,
        description -> Text,
    }
}

diesel::table! {
    consultation_positions (participant_id, option_id) {
        participant_id -> BigInt,
        option_id -> BigInt,
        position -> Text,
    }
}

diesel::table! {
    npm_statements (position) {
        position -> Integer,
        state -> Text,
        npm_name -> Text,
        npm_type -> Text,
        npm_type_group -> Text,
        designation_text -> Text,
        designation_date -> Nullable<Text>,
        designation_precision -> Nullable<Text>,
        designation_note -> Nullable<Text>,
        legal_basis -> Text,
        ratification_date -> Nullable<Date>,
        source_url -> Text,
        source_org -> Text,
        source_as_of -> Text,
        notes -> Text,
        is_primary -> Bool,
    }
}

diesel::table! {
    spt_visit_facts (position) {
        position -> Integer,
        state -> Text,
        start_date -> Nullable<Text>,
        end_date -> Nullable<Text>,
        year -> Nullable<Integer>,
        visit_type -> Text,
        report_published -> Text,
        report_published_detail -> Text,
        source_url -> Text,
        notes -> Text,
    }
}

diesel::table! {
    art17_listings (state) {
        state -> Text,
        as_of -> Text,
        source_url -> Text,
        later_status_note -> Text,
    }
}

diesel::table! {
    published_spt_reports (position) {
        position -> Integer,
        state -> Text,
        name_in_source -> Text,
        year_as_listed -> Text,
        category -> Text,
        source_url -> Text,
        as_of -> Text,
    }
}

diesel::table! {
    spt_visits (id) {
        id -> BigInt,
        owner_org -> BigInt,
        state -> Text,
        start_date -> Nullable<Date>,
        end_date -> Nullable<Date>,
        visit_type -> Text,
        report_sent_on -> Nullable<Date>,
        report_published -> Text,
        report_published_on -> Nullable<Date>,
        report_url -> Nullable<Text>,
        reply_received_on -> Nullable<Date>,
        notes -> Text,
        visibility -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    spt_visit_alliances (visit_id, alliance_id) {
        visit_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::joinable!(treaty_events -> states (state));
diesel::joinable!(treaty_events -> treaties (treaty));
diesel::joinable!(treaty_events -> sources (source));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> organisations (org_id));
diesel::joinable!(alliances -> organisations (owner_org));
diesel::joinable!(alliance_members -> alliances (alliance_id));
diesel::joinable!(alliance_members -> organisations (org_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(pending_logins -> users (user_id));
diesel::joinable!(organisation_sectors -> organisations (org_id));
diesel::joinable!(organisation_states -> organisations (org_id));
diesel::joinable!(organisation_regions -> organisations (org_id));
diesel::joinable!(alliance_states -> alliances (alliance_id));
diesel::joinable!(alliance_regions -> alliances (alliance_id));
diesel::joinable!(contacts -> organisations (org_id));
diesel::joinable!(contact_alliances -> contacts (contact_id));
diesel::joinable!(actions -> organisations (lead_org));
diesel::joinable!(actions -> action_types (action_type));
diesel::joinable!(action_states -> actions (action_id));
diesel::joinable!(action_audiences -> actions (action_id));
diesel::joinable!(action_partners -> actions (action_id));
diesel::joinable!(action_alliances -> actions (action_id));
diesel::joinable!(action_documents -> actions (action_id));
diesel::joinable!(action_status_changes -> actions (action_id));

diesel::table! {
    notification_preferences (user_id) {
        user_id -> BigInt,
        digest -> Text,
        language -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        finding_key -> Text,
        kind -> Text,
        finding -> Text,
        found_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
        mailed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        kind -> Text,
        unique_key -> Text,
        user_id -> Nullable<BigInt>,
        run_at -> Timestamp,
        attempts -> Integer,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        done_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(notification_preferences -> users (user_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(jobs -> users (user_id));
diesel::joinable!(notification_refreshes -> users (user_id));

diesel::table! {
    notification_refreshes (user_id) {
        user_id -> BigInt,
        change_count -> BigInt,
        as_of -> Date,
        refreshed_at -> Timestamp,
    }
}

diesel::table! {
    npm_profiles (id) {
        id -> BigInt,
        state -> Text,
        owner_org -> BigInt,
        model -> Text,
        legal_basis -> Text,
        law_date -> Nullable<Date>,
        designation_date -> Nullable<Date>,
        operation_start -> Nullable<Date>,
        website -> Nullable<Text>,
        staff -> Nullable<Integer>,
        budget_minor -> Nullable<BigInt>,
        budget_currency -> Nullable<Text>,
        notes -> Text,
        visibility -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    npm_profile_bodies (profile_id, position) {
        profile_id -> BigInt,
        position -> Integer,
        name -> Text,
        role -> Text,
    }
}

diesel::table! {
    npm_annual_reports (profile_id, year) {
        profile_id -> BigInt,
        year -> Integer,
        url -> Text,
        title -> Text,
        published -> Nullable<Date>,
    }
}

diesel::table! {
    npm_profile_alliances (profile_id, alliance_id) {
        profile_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::table! {
    npm_assessments (id) {
        id -> BigInt,
        state -> Text,
        profile_id -> Nullable<BigInt>,
        viewpoint -> Text,
        assessor -> Text,
        assessed_on -> Date,
        source -> Text,
        owner_org -> BigInt,
        visibility -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    npm_assessment_ratings (assessment_id, criterion) {
        assessment_id -> BigInt,
        criterion -> Text,
        rating -> Text,
        evidence -> Text,
    }
}

diesel::table! {
    npm_assessment_alliances (assessment_id, alliance_id) {
        assessment_id -> BigInt,
        alliance_id -> BigInt,
    }
}

diesel::joinable!(npm_profile_bodies -> npm_profiles (profile_id));
diesel::joinable!(npm_annual_reports -> npm_profiles (profile_id));
diesel::joinable!(npm_profile_alliances -> npm_profiles (profile_id));
diesel::joinable!(npm_assessment_ratings -> npm_assessments (assessment_id));
diesel::joinable!(npm_assessment_alliances -> npm_assessments (assessment_id));

diesel::joinable!(recommendations -> organisations (owner_org));
diesel::joinable!(recommendation_alliances -> recommendations (recommendation_id));
diesel::joinable!(recommendation_themes -> recommendations (recommendation_id));
diesel::joinable!(recommendation_tags -> recommendations (recommendation_id));
diesel::joinable!(recommendation_follow_ups -> recommendations (recommendation_id));
diesel::joinable!(recommendation_actions -> recommendations (recommendation_id));
diesel::joinable!(recommendation_actions -> actions (action_id));
diesel::joinable!(consultations -> organisations (owner_org));
diesel::joinable!(consultation_alliances -> consultations (consultation_id));
diesel::joinable!(consultation_participants -> consultations (consultation_id));
diesel::joinable!(consultation_options -> consultations (consultation_id));
diesel::joinable!(consultation_positions -> consultation_participants (participant_id));
diesel::joinable!(consultation_positions -> consultation_options (option_id));
diesel::joinable!(spt_visit_alliances -> spt_visits (visit_id));
diesel::table! {
    change_counter (id) {
        id -> Integer,
        changes -> BigInt,
    }
}

diesel::table! {
    organisation_signal_defaults (org_id) {
        org_id -> BigInt,
        signals_by_default -> Bool,
    }
}

diesel::table! {
    action_signals (action_id) {
        action_id -> BigInt,
        signal_key -> Text,
        emits -> Bool,
    }
}

diesel::table! {
    contact_requests (id) {
        id -> BigInt,
        action_id -> BigInt,
        requester_user -> BigInt,
        requester_org -> BigInt,
        message -> Text,
        contact -> Text,
        status -> Text,
        answered_by -> Nullable<BigInt>,
        reply -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(organisation_signal_defaults -> organisations (org_id));
diesel::joinable!(action_signals -> actions (action_id));
diesel::joinable!(contact_requests -> actions (action_id));
diesel::joinable!(contact_requests -> organisations (requester_org));

diesel::table! {
    joint_proposals (id) {
        id -> BigInt,
        action_id -> BigInt,
        proposer_org -> BigInt,
        invited_org -> BigInt,
        first_action -> Nullable<BigInt>,
        second_action -> Nullable<BigInt>,
        status -> Text,
        proposed_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(joint_proposals -> actions (action_id));

diesel::allow_tables_to_appear_in_same_query!(
    states,
    joint_proposals,
    treaties,
    sources,
    treaty_events,
    world_map,
    dataset_meta,
    organisations,
    users,
    memberships,
    alliances,
    alliance_members,
    sessions,
    api_tokens,
    login_attempts,
    one_time_links,
    pending_logins,
    recovery_codes,
    audit_log,
    organisation_sectors,
    organisation_states,
    organisation_regions,
    alliance_states,
    alliance_regions,
    contacts,
    contact_alliances,
    action_types,
    actions,
    action_states,
    action_audiences,
    action_partners,
    action_alliances,
    action_documents,
    action_status_changes,
    import_mappings,
    search_entries,
    search_fts,
    notification_preferences,
    notifications,
    notification_refreshes,
    jobs,
    npm_profiles,
    npm_profile_bodies,
    npm_annual_reports,
    npm_profile_alliances,
    npm_assessments,
    npm_assessment_ratings,
    npm_assessment_alliances,
    recommendations,
    recommendation_alliances,
    recommendation_themes,
    recommendation_tags,
    recommendation_follow_ups,
    recommendation_actions,
    recommendation_links,
    consultations,
    consultation_alliances,
    consultation_participants,
    consultation_options,
    consultation_positions,
    npm_statements,
    spt_visit_facts,
    art17_listings,
    published_spt_reports,
    spt_visits,
    spt_visit_alliances,
    organisation_signal_defaults,
    action_signals,
    contact_requests,
);
