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

diesel::allow_tables_to_appear_in_same_query!(
    states,
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
);
