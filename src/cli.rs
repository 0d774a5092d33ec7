//! The command line.

use std::path::PathBuf;

use clap::Parser;

/// A desktop coach for foam rolling and ball work.
#[derive(Debug, Clone, Parser)]
#[command(name = "rollcoach", version, about, long_about = None)]
pub struct Cli {
    /// Keep all settings and routines in DIR instead of the platform's
    /// config folder (for portable installs and tests).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print every exercise (id, name, region, tools; tab-separated) and exit.
    #[arg(long)]
    pub list_exercises: bool,

    /// Print the name of every routine, one a line, and exit.
    #[arg(long)]
    pub list_routines: bool,

    /// Open straight into this routine's get-ready countdown (after the
    /// safety screen if it was never accepted). For desktop shortcuts.
    #[arg(long, value_name = "ROUTINE NAME")]
    pub start: Option<String>,

    /// Print the routine as a timed script: each phase with its start time
    /// and length, and exactly what the voice will say, then exit. An
    /// unknown name prints the routine names and exits with 2.
    #[arg(long, value_name = "ROUTINE NAME")]
    pub script: Option<String>,

    /// Print `first_frame_ms=N` (milliseconds from start until the first
    /// frame is on screen) and `first_frame_unix_ms=N` once it is; for
    /// benchmarks.
    #[arg(long)]
    pub report_first_frame: bool,

    /// Check routine and settings files and print each problem with its
    /// file, line and column; exits non-zero if any file has a problem.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub check: Vec<std::path::PathBuf>,
}
