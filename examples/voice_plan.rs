//! Prints the plan of a built-in routine with default settings and the
//! voice on: each prompt (`prompt MS LENGTH_MS TEXT`) and each cue (`cue MS
//! NAME`), in time order. Used by `benches/voice.sh` to compare what the
//! app really says and plays.
//!
//!     cargo run --release --example voice_plan -- "Feet and calves"

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
    settings.voice.on = true;
    match Session::new(routine, &catalog, &settings) {
        Ok(session) => {
            let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
            for p in session.timeline().prompts() {
                println!("prompt {:.1} {:.1} {}", ms(p.at), ms(p.length), p.text);
            }
            for c in session.timeline().cues() {
                println!("cue {:.3} {:?}", ms(c.at), c.cue);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
