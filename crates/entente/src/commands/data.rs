//! `entente data build`: regenerate the project's dataset under data/ from the raw sources.

use std::path::PathBuf;

use anyhow::Context;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum DataCommand {
    /// Rebuild data/ from the raw public sources (UN Treaty Collection, country tables, map, NPM facts).
    Build {
        /// The folder of raw sources.
        #[arg(long, default_value = "../shared/data")]
        from: PathBuf,
        /// Where to write the dataset (the copy in the repository is embedded in the binary at build time).
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
}

pub fn run(command: DataCommand) -> anyhow::Result<()> {
    match command {
        DataCommand::Build { from, out } => {
            anyhow::ensure!(
                from.is_dir(),
                "the raw sources folder {} does not exist (--from)",
                from.display()
            );
            let (dataset, report) = entente_io::dataset::build(&from)?;
            entente_io::dataset::write(&dataset, &out)
                .with_context(|| format!("cannot write the dataset to {}", out.display()))?;
            println!("{report}");
            println!(
                "Wrote {} states, {} treaties, {} events and {} sources to {}.",
                dataset.states.len(),
                dataset.treaties.len(),
                dataset.events.len(),
                dataset.sources.len(),
                out.display()
            );
            println!("Rebuild the binary (cargo build) to ship the new dataset.");
            Ok(())
        }
    }
}
