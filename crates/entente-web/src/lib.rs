//! Entente's web layer: the public portal (server-rendered HTML in English,
//! French and Spanish) and the JSON API under `/api/v1`, over the store.
//!
//! The binary builds an [`AppState`] from a [`entente_store::Store`] and serves
//! [`router`]; everything else here is private to the crate.

mod api;
mod auth;
mod error;
mod extract;
mod locale;
pub mod notifications;
mod page_cache;
mod pages;
mod router;
mod security;
mod state;
mod svg;
mod views;

pub use api::openapi::openapi_document;
pub use page_cache::{CACHE_HEADER, PageCacheSettings};
pub use router::router;
pub use state::{AppState, DEFAULT_PUBLIC_URL};
