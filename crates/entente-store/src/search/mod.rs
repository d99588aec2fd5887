//! Search across actions, organisations and alliances, in the database:
//! transactional, shared by every server and covered by the database's
//! encryption at rest. Text is normalised in Rust ([`text`]) and indexed
//! with SQLite's FTS5 or PostgreSQL's full-text search; a search reads
//! only the entries of records the scope may read, filtered in SQL by the
//! records' own visibility rules, so a hidden record is neither found nor
//! counted.

mod hits;
mod index;
mod query;
mod stopwords;
mod text;

use std::fmt;
use std::str::FromStr;

use entente_core::access::AccessScope;

pub(crate) use index::{
    NewEntry, index_actions, index_alliances, index_organisations, insert_new_entries,
    new_action_entries, rebuild,
};
pub(crate) use text::Analyser;

use crate::plan::PageRequest;
use crate::{Store, StoreError};
use query::ParsedQuery;

/// The migration that creates the index: when it has just run, the
/// records already stored are indexed.
const INDEX_MIGRATION: &str = "2026-12-04-000000";

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SearchKind {
    Action,
    Organisation,
    Alliance,
}

impl SearchKind {
    pub const ALL: [SearchKind; 3] = [
        SearchKind::Action,
        SearchKind::Organisation,
        SearchKind::Alliance,
    ];

    /// The stable code used in the index, addresses and the API.
    pub fn code(self) -> &'static str {
        match self {
            SearchKind::Action => "action",
            SearchKind::Organisation => "organisation",
            SearchKind::Alliance => "alliance",
        }
    }
}

impl fmt::Display for SearchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A code that names no kind of record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a kind of record to search (expected action, organisation or alliance)")]
pub struct UnknownSearchKind(pub String);

impl FromStr for SearchKind {
    type Err = UnknownSearchKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SearchKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| UnknownSearchKind(s.to_owned()))
    }
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: i64,
    /// The action's title, the organisation's or alliance's name.
    pub title: String,
    /// The organisation's short name, which its address uses.
    pub short_name: Option<String>,
    /// The passage of the record's text where the words are, or its
    /// beginning; plain text, possibly empty.
    pub snippet: String,
}

/// A page of hits, best first, and how many the scope may see in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage {
    pub hits: Vec<SearchHit>,
    /// How many match; when `total_is_lower_bound`, more than this many
    /// match and counting stopped there (see [`SearchPage::RANKED`]).
    pub total: u64,
    /// More than `total` match; at least one follows the page.
    pub total_is_lower_bound: bool,
}

impl SearchPage {
    /// How far a search counts, and among how many of the newest matches (and
    /// as many of the newest whose title matches) it ranks the best when more
    /// match: a common word matches a large share of the records, and ranking
    /// every match reads them all. Lower than a list's
    /// [`PageRequest::COUNTED`]: each match is ranked and checked against the
    /// reader's scope, and nobody reads a thousand hits.
    pub const RANKED: u64 = 1_000;
}

impl Store {
    /// Finds `query` among the records of `kinds` (all kinds when empty)
    /// that `scope` may read, best first (a word in a title weighs more);
    /// `page` of them and how many there are, counted up to [`SearchPage::RANKED`] or
    /// the end of the page. Past that many, the best are those of the
    /// newest matches and of the newest matches in titles (see [`SearchPage::RANKED`]). Each word of the query
    /// must match, in any of its English, French or Spanish forms, with
    /// or without accents. A query with no word left once common words
    /// and punctuation are set aside, or longer than 200 characters or 12
    /// words, is a [`StoreError::Fields`] on the field `q`.
    pub fn search(
        &self,
        scope: &AccessScope,
        query: &str,
        kinds: &[SearchKind],
        page: PageRequest,
    ) -> Result<SearchPage, StoreError> {
        let mut analyser = Analyser::new();
        let parsed = ParsedQuery::parse(&mut analyser, query)?;
        let mut kinds: Vec<SearchKind> = if kinds.is_empty() {
            SearchKind::ALL.to_vec()
        } else {
            kinds.to_vec()
        };
        kinds.sort();
        kinds.dedup();
        let limit = i64::from(page.limit.min(PageRequest::MAX_LIMIT));
        let offset = i64::try_from(page.offset).unwrap_or(i64::MAX);
        let mut conn = self.connection()?;
        let search = query::Search {
            scope,
            kinds: &kinds,
            query: &parsed,
            limit,
            offset,
            count_limit: page.count_limit(SearchPage::RANKED),
        };
        let (total, entries) = query::find(&mut conn, &search)?;
        let keys: Vec<(SearchKind, i64)> = entries
            .into_iter()
            .map(|(kind, id)| {
                let kind = kind.parse().map_err(|e: UnknownSearchKind| {
                    StoreError::corrupt(format!("search entry of record {id}: {e}"))
                })?;
                Ok((kind, id))
            })
            .collect::<Result<_, StoreError>>()?;
        let hits = hits::load(&mut conn, scope, &mut analyser, &parsed, &keys)?;
        let (total, total_is_lower_bound) = page.total(SearchPage::RANKED, total);
        Ok(SearchPage {
            hits,
            total,
            total_is_lower_bound,
        })
    }

    /// Indexes every action, organisation and alliance anew, in one
    /// transaction: for an index that was filled by another version of
    /// the normalisation.
    pub fn rebuild_search_index(&self) -> Result<(), StoreError> {
        let mut conn = self.connection()?;
        crate::transaction::write(&mut conn, rebuild)
    }
}

/// Indexes the records already stored when the migration that creates
/// the index is among those just applied.
pub(crate) fn after_migrations(
    conn: &mut crate::connection::DbConnection,
    applied: &[String],
) -> Result<(), StoreError> {
    let version = INDEX_MIGRATION.replace('-', "");
    if applied
        .iter()
        .any(|v| v.replace('-', "").starts_with(&version))
    {
        crate::transaction::write(conn, rebuild)?;
    }
    Ok(())
}
