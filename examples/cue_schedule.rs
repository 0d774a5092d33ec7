//! Prints the cue schedule of a built-in routine with default settings and
//! tones only (no voice), one cue a line: milliseconds from the start, then the cue. Used by
//! `benches/cue_timing.sh` to compare what the app really plays.
//!
//!     cargo run --release --example cue_schedule -- "Feet and calves"

use std::process::ExitCode;

use rollcoach::catalog::Catalog;
use rollcoach::model::Settings;
use rollcoach::session::Session;

fn main() -> ExitCode {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Feet and calves".to_owned());
    let Ok(catalog) = Catalog::builtin() else {
        eprintln!("the built-in catalog is damaged");
        return ExitCode::FAILURE;
    };
    let Some(routine) = catalog.routine(&name) else {
        eprintln!("no routine called {name:?}");
        return ExitCode::FAILURE;
    };
    let mut settings = Settings::default();
    settings.voice.on = false;
    match Session::new(routine, &catalog, &settings) {
        Ok(session) => {
            for cue in session.timeline().cues() {
                println!("{:.3} {:?}", cue.at.as_secs_f64() * 1000.0, cue.cue);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
