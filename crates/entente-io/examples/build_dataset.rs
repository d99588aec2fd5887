//! Rebuilds the project's dataset from the raw sources without the `entente`
//! binary: `cargo run -p entente-io --example build_dataset -- ../shared/data data`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut arguments = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(from), Some(out)) = (arguments.next(), arguments.next()) else {
        eprintln!("usage: build_dataset <raw sources folder> <dataset folder>");
        return ExitCode::FAILURE;
    };
    let built = entente_io::dataset::build(&from).and_then(|(dataset, report)| {
        entente_io::dataset::write(&dataset, &out)?;
        Ok((dataset, report))
    });
    match built {
        Ok((dataset, report)) => {
            println!("{report}");
            println!(
                "Wrote {} states, {} treaties, {} events and {} sources to {}.",
                dataset.states.len(),
                dataset.treaties.len(),
                dataset.events.len(),
                dataset.sources.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
