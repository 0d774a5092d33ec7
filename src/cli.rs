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

    /// Plan a routine from what hurts and print it with its reasons, then
    /// exit: "calves=7,left-calf=8,lower-back=5" (0 to 10; an area rates
    /// both sides, left-/right- one). Bad input prints what is wrong and
    /// exits with 2.
    #[arg(long, value_name = "RATINGS")]
    pub plan: Option<String>,

    /// With --plan: the minutes you have, 5 to 60.
    #[arg(long, value_name = "N", default_value_t = 10, requires = "plan")]
    pub minutes: u32,

    /// With --plan: before (a workout), after (one) or rest-day.
    #[arg(long, value_name = "WHEN", default_value = "after", requires = "plan")]
    pub when: String,

    /// With --plan: the tools you have, comma-separated (foam-roller,
    /// tennis-ball, ...); without it, the tools in your settings.
    #[arg(long, value_name = "TOOLS", requires = "plan")]
    pub tools: Option<String>,

    /// With --plan: save the plan as one of your routines, called NAME.
    #[arg(long, value_name = "NAME", requires = "plan")]
    pub save: Option<String>,

    /// Check routine and settings files and print each problem with its
    /// file, line and column; exits non-zero if any file has a problem.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub check: Vec<std::path::PathBuf>,
}

/// The answers of `--plan` and its options, or what is wrong with them.
pub fn plan_answers(
    cli: &Cli,
    ratings: &str,
    owned: &[crate::model::Tool],
) -> Result<crate::planner::Answers, String> {
    use crate::model::Tool;
    use crate::planner::{Answers, MINUTES, Moment};
    let ratings = Answers::parse_ratings(ratings)?;
    if !MINUTES.contains(&cli.minutes) {
        return Err(format!(
            "--minutes {}: a plan takes {} to {} minutes.",
            cli.minutes,
            MINUTES.start(),
            MINUTES.end()
        ));
    }
    let Some(moment) = Moment::from_slug(&cli.when) else {
        let names: Vec<&str> = Moment::ALL.iter().map(|m| m.slug()).collect();
        return Err(format!(
            "--when {}: say one of {}.",
            cli.when,
            names.join(", ")
        ));
    };
    let tools = match &cli.tools {
        None => owned.to_vec(),
        Some(text) => {
            let mut tools = Vec::new();
            for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                match Tool::ALL.into_iter().find(|t| t.slug() == name) {
                    Some(t) => tools.push(t),
                    None => {
                        let names: Vec<&str> = Tool::ALL.iter().map(|t| t.slug()).collect();
                        return Err(format!(
                            "'{name}' is not a tool. The tools are: {}.",
                            names.join(", ")
                        ));
                    }
                }
            }
            tools
        }
    };
    Ok(Answers {
        ratings,
        ..Answers::new(cli.minutes, moment, &tools)
    })
}
