//! What every handler shares: the store, read off the async runtime.

use entente_store::Store;

use crate::error::AppError;

/// The application's shared state; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    store: Store,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState { store }
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
