//! A routine as a timed script: each phase with its start and length, and
//! what the voice says in it, for a person to read first (`--script`).

use std::fmt::Write;
use std::time::Duration;

use super::timeline::{Phase, PhaseKind, Timeline};

/// "1:05.2": minutes, seconds and tenths.
fn clock(at: Duration) -> String {
    let tenths = at.as_millis() / 100;
    format!("{}:{:02}.{}", tenths / 600, (tenths / 10) % 60, tenths % 10)
}

/// "45 s", "1 min 30 s".
fn length(of: Duration) -> String {
    let secs = of.as_secs_f64().round() as u64;
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// What a phase is, in a few words.
fn label(phase: &Phase, timeline: &Timeline) -> String {
    let step = &timeline.steps()[phase.step];
    let side = phase
        .side
        .map(|s| format!(", {} side", s.label()))
        .unwrap_or_default();
    match phase.kind {
        PhaseKind::GetReady => "Get ready".to_owned(),
        PhaseKind::Roll if phase.eased => format!("{}{side}: roll, eased", step.name),
        PhaseKind::Roll => format!("{}{side}: roll", step.name),
        PhaseKind::Hold { number, of } => format!("{}{side}: hold {number} of {of}", step.name),
        PhaseKind::WorkAround => format!("{}{side}: around the spot", step.name),
        PhaseKind::SwitchSide => match phase.side {
            Some(s) => format!("Switch to the {} side", s.label()),
            None => "Switch sides".to_owned(),
        },
        PhaseKind::Rest => "Rest".to_owned(),
        PhaseKind::Done => "Done".to_owned(),
    }
}

/// The whole script of `timeline`, the routine called `name`.
pub fn script(name: &str, timeline: &Timeline) -> String {
    let mut out = String::new();
    let speech = timeline.speech();
    let voice = if speech.on {
        format!("spoken prompts at rate {}", speech.rate)
    } else {
        "tones only: the voice is off in Settings".to_owned()
    };
    let _ = writeln!(out, "{name}: {}, {voice}", length(timeline.total()));
    for (i, phase) in timeline.phases().iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>8}  {} ({})",
            clock(phase.start),
            label(phase, timeline),
            length(phase.length)
        );
        for prompt in timeline.prompts().iter().filter(|p| p.phase == i) {
            let _ = writeln!(
                out,
                "{:>8}    says \"{}\" ({:.1} s)",
                clock(prompt.at),
                prompt.text,
                prompt.length.as_secs_f64()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_minutes_seconds_and_tenths() {
        assert_eq!(clock(Duration::from_millis(65_250)), "1:05.2");
        assert_eq!(clock(Duration::ZERO), "0:00.0");
        assert_eq!(length(Duration::from_secs(90)), "1 min 30 s");
        assert_eq!(length(Duration::from_secs(45)), "45 s");
    }
}
