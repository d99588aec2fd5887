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

diesel::joinable!(treaty_events -> states (state));
diesel::joinable!(treaty_events -> treaties (treaty));
diesel::joinable!(treaty_events -> sources (source));

diesel::allow_tables_to_appear_in_same_query!(
    states,
    treaties,
    sources,
    treaty_events,
    world_map,
    dataset_meta,
);
