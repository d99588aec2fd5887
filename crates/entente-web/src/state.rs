//! What every handler shares: the store, read off the async runtime.

use std::sync::Arc;

use entente_store::Store;

use crate::error::AppError;
use crate::page_cache::{PageCache, PageCacheSettings};

/// The application's shared state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    secure_cookies: bool,
    require_admin_2fa: bool,
    public_url: String,
    page_cache: Arc<PageCache>,
}

/// Where links point when the instance is not told its public address,
/// as the binary's `--public-url` defaults.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState {
            page_cache: PageCache::new(store.clone(), PageCacheSettings::default()),
            store,
            secure_cookies: false,
            require_admin_2fa: false,
            public_url: DEFAULT_PUBLIC_URL.to_owned(),
        }
    }

    /// Marks every cookie `Secure`, for a server behind a TLS proxy that
    /// does not send `X-Forwarded-Proto` (cookies are `Secure` anyway on
    /// requests that say they arrived over TLS).
    #[must_use]
    pub fn with_secure_cookies(mut self, secure: bool) -> Self {
        self.secure_cookies = secure;
        self
    }

    /// Sizes the cache of anonymous answers and says how it learns of
    /// changes (see [`PageCacheSettings`]); by default it holds 64 MB and
    /// reads the change counter on every request.
    #[must_use]
    pub fn with_page_cache(mut self, settings: PageCacheSettings) -> Self {
        self.page_cache = PageCache::new(self.store.clone(), settings);
        self
    }

    pub(crate) fn page_cache(&self) -> Arc<PageCache> {
        Arc::clone(&self.page_cache)
    }

    pub fn secure_cookies(&self) -> bool {
        self.secure_cookies
    }

    /// Makes administrators (of any organisation, and site administrators)
    /// turn on two-factor sign-in before they use the workspace or the API.
    #[must_use]
    pub fn with_require_admin_2fa(mut self, required: bool) -> Self {
        self.require_admin_2fa = required;
        self
    }

    pub fn require_admin_2fa(&self) -> bool {
        self.require_admin_2fa
    }

    /// The address people reach this instance at (`https://entente.example.org`,
    /// or with a path prefix), which every link shown to a user starts with:
    /// the request's `Host` header is the client's to choose, so a link
    /// built from it could send an invited person to someone else's server.
    /// A trailing `/` is dropped so paths join onto it.
    #[must_use]
    pub fn with_public_url(mut self, public_url: String) -> Self {
        self.public_url = public_url.trim_end_matches('/').to_owned();
        self
    }

    /// The absolute address of `path` (which starts with `/`) on this instance.
    pub fn public_link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// Runs a synchronous store read on the blocking pool, so a slow database
    /// never stalls the runtime; a store failure becomes a logged 500.
    pub async fn read<T, E>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> Result<T, AppError>
    where
        T: Send + 'static,
        E: std::fmt::Display + Send + 'static,
    {
        self.start_read(read).await
    }

    /// Starts a store read on the blocking pool at once, to be awaited
    /// later: reads started one after the other run side by side, each on
    /// its own connection.
    pub fn start_read<T, E>(
        &self,
        read: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
    ) -> impl Future<Output = Result<T, AppError>> + Send + 'static
    where
        T: Send + 'static,
        E: std::fmt::Display + Send + 'static,
    {
        let store = self.store.clone();
        let running = tokio::task::spawn_blocking(move || read(&store));
        async move { running.await?.map_err(AppError::internal) }
    }
}
