//! What every handler shares: the store, read off the async runtime.

use entente_store::Store;

use crate::error::AppError;

/// The application's shared state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    secure_cookies: bool,
    require_admin_2fa: bool,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState {
            store,
            secure_cookies: false,
            require_admin_2fa: false,
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
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || read(&store))
            .await?
            .map_err(AppError::internal)
    }
}
