//! `entente migrate`: bring the database schema up to date.

use crate::config::Settings;

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    super::open_store(settings)?;
    println!("The database {} is up to date.", settings.database_url());
    Ok(())
}
