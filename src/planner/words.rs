//! A plan in plain words: why each exercise is there, what was left out
//! and why, and the plan as a whole.

use std::time::Duration;

use super::{Answers, LeftOut, Moment, Planned, Why};
use crate::catalog::Catalog;
use crate::model::{Area, Exercise, Step};

/// "2:30".
pub(super) fn clock(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The work of a planned exercise, both sides, in seconds.
fn work(p: &Planned, two_sides: bool) -> u64 {
    u64::from(p.dose.0) + if two_sides { u64::from(p.dose.1) } else { 0 }
}

/// "Calves, 4:30: you rated the left 8 and the right 5, so the left
/// rolls 35 s longer. 2 holds of 20 s a side on tender spots."
pub(super) fn reason(p: &Planned, exercise: &Exercise, step: &Step, moment: Moment) -> String {
    let two = step.sides != crate::model::StepSides::Together;
    let area = p.area;
    let mut out = format!("{}, {}: ", exercise.name, clock(work(p, two)));
    match p.why {
        Why::NextTo(next) => {
            out.push_str(&format!(
                "a light pass, as it sits next to your {}.",
                next.lower()
            ));
        }
        Why::Sore { left, right } if !area.has_sides() || left == right => {
            out.push_str(&format!("you rated {} {left}.", area.pronoun()));
        }
        Why::Sore { left, right } => {
            let (sorer, other) = if left > right {
                ("left", "right")
            } else {
                ("right", "left")
            };
            if left.min(right) == 0 {
                let rated = left.max(right);
                out.push_str(&format!(
                    "you rated the {sorer} {rated} and not the {other}"
                ));
            } else {
                out.push_str(&format!("you rated the left {left} and the right {right}"));
            }
            match step.more_on {
                Some(more) => out.push_str(&format!(
                    ", so the {sorer} side rolls {} s longer.",
                    more.roll_seconds
                )),
                None if two && left.min(right) == 0 => {
                    out.push_str(&format!(", so the {other} side gets a lighter minute."))
                }
                None if two => out.push('.'),
                None => out.push_str("; both sides are worked together."),
            }
        }
    }
    if step.holds > 0 {
        let hold = step.hold_seconds.unwrap_or(20);
        let holds = if step.holds == 1 {
            format!("1 hold of {hold} s")
        } else {
            format!("{} holds of {hold} s", step.holds)
        };
        let each = if two { " a side" } else { "" };
        out.push_str(&format!(" {holds}{each} on tender spots."));
    } else if matches!(p.why, Why::Sore { .. }) {
        if !exercise.holds_suit {
            out.push_str(" No holds here: keep it moving.");
        } else if moment == Moment::Before {
            out.push_str(" Brisk, with no holds before a workout.");
        }
    }
    if exercise.main_tool() != Some(p.tool) {
        out.push_str(&format!(" With your {}.", p.tool.label().to_lowercase()));
    }
    out
}

/// Why an area is not in the plan, as a sentence.
pub(super) fn left_out(area: Area, why: LeftOut, catalog: &Catalog) -> String {
    match why {
        LeftOut::Injured => format!(
            "{}: marked injured, so left out on both sides. Rolling can make an injury \
             worse: have a doctor or physiotherapist look at it first.",
            area.label()
        ),
        LeftOut::NoTool => {
            let mut tools: Vec<&str> = Vec::new();
            for e in catalog.exercises().iter().filter(|e| e.area == area) {
                for t in &e.tools {
                    if !tools.contains(&t.label()) {
                        tools.push(t.label());
                    }
                }
            }
            let tools: Vec<String> = tools.iter().map(|t| t.to_lowercase()).collect();
            format!(
                "{}: it needs a {}, which you don't have (change your tools to add it).",
                area.label(),
                tools.join(" or a ")
            )
        }
        LeftOut::NoTime => format!(
            "{}: no time left for a real dose of at least a minute a side once the sorer \
             areas had theirs. Ask for more minutes to add {}.",
            area.label(),
            area.pronoun()
        ),
    }
}

/// The plan in a sentence or two.
pub(super) fn summary(
    total: Duration,
    answers: &Answers,
    ends_early: bool,
    left_out: &[(Area, LeftOut, String)],
) -> String {
    let moment = answers.moment.label().to_lowercase();
    let mut out = if ends_early {
        format!(
            "{} of your {} minutes ({moment}): every sore area has its full dose, so it \
             ends early.",
            clock(total.as_secs()),
            answers.minutes
        )
    } else {
        format!(
            "{} in all, for your {} minutes ({moment}), from the feet up.",
            clock(total.as_secs()),
            answers.minutes
        )
    };
    let short = left_out
        .iter()
        .filter(|(_, w, _)| *w == LeftOut::NoTime)
        .count();
    if short > 0 {
        out.push_str(&format!(
            " {short} sore area{} did not fit: see below.",
            if short == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The routine's name: "Plan: calves and lower back".
pub(super) fn routine_name(planned: &[Planned], answers: &Answers) -> String {
    let sore: Vec<String> = planned
        .iter()
        .filter(|p| matches!(p.why, Why::Sore { .. }))
        .map(|p| p.area.lower())
        .collect();
    let mut names = match sore.as_slice() {
        [] => String::from("light rolling"),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    let limit = crate::model::limits::routine::NAME_CHARS - 20;
    if names.chars().count() > limit {
        names = format!("{} and more", sore[..2].join(", "));
    }
    format!("Plan: {names} ({} min)", answers.minutes)
}
