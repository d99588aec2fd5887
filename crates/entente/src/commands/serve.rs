//! `entente serve`: the portal and the API over HTTP.

use std::net::SocketAddr;

use anyhow::Context;
use clap::Args;

use crate::config::{Settings, parse_listen};

#[derive(Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "ENTENTE_LISTEN", default_value = "127.0.0.1:8080", value_parser = parse_listen)]
    listen: SocketAddr,

    /// Memory for answers kept for readers who are not signed in, in MB (0: keep none).
    #[arg(long, env = "ENTENTE_PAGE_CACHE_MB", default_value_t = 64)]
    page_cache_mb: u64,

    /// How often, in milliseconds, the server asks the database whether anything shown
    /// changed; a write by another server or the command line is seen within this time
    /// (a write through this server at once).
    #[arg(long, env = "ENTENTE_PAGE_CACHE_REFRESH_MS", default_value_t = 1000,
          value_parser = clap::value_parser!(u64).range(10..=600_000))]
    page_cache_refresh_ms: u64,

    #[command(flatten)]
    mail: super::jobs::MailArgs,
}

pub fn run(settings: &Settings, args: ServeArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    super::ensure_reference_data(&store)?;
    let mailer = args.mail.mailer()?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .with_context(|| {
                format!(
                    "cannot listen on {} (ENTENTE_LISTEN / --listen)",
                    args.listen
                )
            })?;
        let address = listener.local_addr()?;
        println!("Entente is serving on http://{address}/ (Ctrl-C stops it)");
        let state = entente_web::AppState::new(store)
            .with_secure_cookies(settings.secure_cookies)
            .with_require_admin_2fa(settings.require_admin_2fa)
            .with_public_url(settings.public_url.as_str().to_owned())
            .with_page_cache(entente_web::PageCacheSettings {
                capacity_bytes: args.page_cache_mb * 1024 * 1024,
                refresh: Some(std::time::Duration::from_millis(args.page_cache_refresh_ms)),
            });
        // The job worker (the e-mail digests) runs beside the server and
        // stops with it.
        let worker = entente_web::notifications::Worker::new(
            state.clone(),
            mailer,
            args.mail.worker_settings(),
        );
        let worker = tokio::spawn(worker.run(shutdown_signal()));
        let app = entente_web::router(state);
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("the server stopped");
        // The same signal stops the worker, which finishes the digest it is
        // sending; a job left behind is taken again when its lease runs out.
        if tokio::time::timeout(std::time::Duration::from_secs(30), worker)
            .await
            .is_err()
        {
            tracing::warn!("the job worker did not stop in time");
        }
        served?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// Ctrl-C, or SIGTERM from a service manager, stops the server after in-flight requests.
pub(crate) async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
