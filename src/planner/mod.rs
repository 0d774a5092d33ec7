//! The body-map planner: from what hurts, the minutes, the moment and the
//! tools to a routine, with the reason for every exercise in it.
//!
//! Pure domain code: answers in, a [`Plan`] out, the same every time for
//! the same answers. The routine passes the same check as any routine
//! (`problems()`), and its length is measured on the session's own
//! timeline (get-ready, rests, side switches and the voice's room
//! included).
//!
//! How it doses (from the studies in the subject notes): every area it
//! takes gets at least a minute per side, since doses of a few seconds
//! showed no effect; sorer areas and sorer sides get more, up to three
//! minutes a side. With too little time for all, the sorest come first
//! and the rest are named as left out. Once every sore area has its full
//! dose, spare time goes to a light minute over the areas next to the
//! sore ones, and after that the plan ends early and says so.

mod answers;
mod layout;
mod words;

#[cfg(test)]
mod tests;

use std::time::Duration;

pub use answers::{Answers, MINUTES, MOST_SORE, Moment, area_names, one_side_slug};
#[cfg(test)]
use layout::full_dose;
use layout::{Candidate, Layout, full_doses};

use crate::catalog::Catalog;
use crate::model::{Area, Exercise, Routine, Settings, Tool};

/// The least work per side of an area a plan takes, in seconds: about a
/// minute.
pub const MIN_DOSE: u32 = 60;
/// The most work per side, in seconds.
pub const MAX_DOSE: u32 = 180;
/// How far the plan may be from the minutes asked, either way.
pub const TOLERANCE: Duration = Duration::from_secs(30);
/// Doses move in steps of this many seconds.
const GRAIN: u32 = 5;

/// Why an exercise is in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// It works a sore area: its ratings (left, right; the same twice for
    /// an area without sides).
    Sore { left: u8, right: u8 },
    /// A light pass over an area next to a sore one.
    NextTo(Area),
}

/// One exercise of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub area: Area,
    pub exercise: String,
    pub why: Why,
    /// The tool to use: the best the person owns.
    pub tool: Tool,
    /// Work on each side (roll and holds), in seconds: (left, right), or
    /// the same twice for both at once.
    pub dose: (u32, u32),
    /// The reason in plain words, with its time:
    /// "Calves, 4:30: you rated the left 8 and the right 5, ...".
    pub reason: String,
}

/// Why an area is not in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Marked injured.
    Injured,
    /// No exercise of it can be done with the tools owned.
    NoTool,
    /// Sore, but there was no time for a real dose once sorer areas had
    /// theirs.
    NoTime,
}

/// A plan: the routine, why each of its steps is there, what was left out
/// and how long it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub routine: Routine,
    /// One per step of the routine, in its order.
    pub planned: Vec<Planned>,
    /// Areas rated sore (or injured) that are not in it, with why, and the
    /// sentence that says so.
    pub left_out: Vec<(Area, LeftOut, String)>,
    /// The whole routine's length on the session's timeline.
    pub total: Duration,
    /// The minutes asked for.
    pub minutes: u32,
    /// Whether it ends more than [`TOLERANCE`] short of the minutes asked.
    pub ends_early: bool,
    /// One or two sentences about the whole plan.
    pub summary: String,
}

/// Why no plan could be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// Nothing is rated above 0.
    NothingSore,
    /// The minutes are outside [`MINUTES`].
    Minutes(u32),
    /// Every sore area is left out: the reasons, one a line.
    AllLeftOut(Vec<String>),
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::NothingSore => {
                f.write_str("Nothing is rated sore yet: rate at least one area from 1 to 10.")
            }
            PlanError::Minutes(m) => write!(
                f,
                "{m} minutes is outside what a plan can take: {} to {} minutes.",
                MINUTES.start(),
                MINUTES.end()
            ),
            PlanError::AllLeftOut(lines) => {
                f.write_str("No area can go in the plan.")?;
                for line in lines {
                    write!(f, "\n{line}")?;
                }
                Ok(())
            }
        }
    }
}

/// Makes the plan for `answers` from `catalog`'s exercises, timed with
/// `settings` (their get-ready, rests, first side and voice).
pub fn plan(answers: &Answers, catalog: &Catalog, settings: &Settings) -> Result<Plan, PlanError> {
    if !MINUTES.contains(&answers.minutes) {
        return Err(PlanError::Minutes(answers.minutes));
    }
    let target = Duration::from_secs(u64::from(answers.minutes) * 60);
    let mut left_out = Vec::new();
    let mut candidates = Vec::new();
    for area in Area::ALL {
        let ratings = answers.sides_of(area);
        let sore = ratings.0.max(ratings.1) > 0;
        if answers.injured.contains(&area) {
            left_out.push((area, LeftOut::Injured));
            continue;
        }
        if !sore {
            continue;
        }
        match exercise_for(area, catalog, &answers.tools) {
            Some((exercise, tool)) => candidates.push(Candidate {
                area,
                exercise,
                tool,
                ratings,
                light: None,
            }),
            None => left_out.push((area, LeftOut::NoTool)),
        }
    }
    if candidates.is_empty() {
        // An injured area told of only when it was rated too.
        let rated_left_out = left_out
            .iter()
            .any(|(a, w)| *w != LeftOut::Injured || answers.sides_of(*a) != (0, 0));
        if !rated_left_out {
            return Err(PlanError::NothingSore);
        }
        let lines = left_out
            .iter()
            .map(|(a, w)| words::left_out(*a, *w, catalog))
            .collect();
        return Err(PlanError::AllLeftOut(lines));
    }
    candidates.sort_by_key(Candidate::soreness_key);
    let layout = Layout {
        catalog,
        settings,
        moment: answers.moment,
    };
    // The sorest first, each while its least dose still fits.
    let mut taken: Vec<Candidate<'_>> = Vec::new();
    for c in candidates {
        let mut trial = taken.clone();
        trial.push(c.clone());
        let doses: Vec<(u32, u32)> = trial.iter().map(|_| (MIN_DOSE, MIN_DOSE)).collect();
        if layout.total(&trial, &doses) <= target + TOLERANCE {
            taken = trial;
        } else {
            left_out.push((c.area, LeftOut::NoTime));
        }
    }
    let mut doses = layout.share(&taken, target);
    let all_full = taken
        .iter()
        .zip(&doses)
        .all(|(c, d)| *d == full_doses(c, answers.moment));
    if all_full {
        add_light_passes(&layout, answers, &mut taken, &mut doses, target);
    }
    Ok(layout.finish(taken, doses, left_out, answers))
}

/// The first exercise of `area` (in the library's order) that can be done
/// with `tools`, with the best of them for it.
fn exercise_for<'a>(
    area: Area,
    catalog: &'a Catalog,
    tools: &[Tool],
) -> Option<(&'a Exercise, Tool)> {
    catalog
        .exercises()
        .iter()
        .filter(|e| e.area == area)
        .find_map(|e| e.best_owned_tool(tools).map(|t| (e, t)))
}

/// Adds a light pass over the areas next to the sore ones while it fits:
/// next to the sorest first, then bottom-up.
fn add_light_passes<'a>(
    layout: &Layout<'a>,
    answers: &Answers,
    taken: &mut Vec<Candidate<'a>>,
    doses: &mut Vec<(u32, u32)>,
    target: Duration,
) {
    let map = layout.catalog.body_map();
    let mut neighbours: Vec<(Area, Area)> = Vec::new();
    for c in taken.iter() {
        for &n in map
            .area(c.area)
            .map(|a| a.next_to.as_slice())
            .unwrap_or(&[])
        {
            if !neighbours.iter().any(|(a, _)| *a == n) {
                neighbours.push((n, c.area));
            }
        }
    }
    for (area, next_to) in neighbours {
        let rated = answers.sides_of(area) != (0, 0);
        if rated || answers.injured.contains(&area) || taken.iter().any(|c| c.area == area) {
            continue;
        }
        let Some((exercise, tool)) = exercise_for(area, layout.catalog, &answers.tools) else {
            continue;
        };
        let mut trial = taken.clone();
        trial.push(Candidate {
            area,
            exercise,
            tool,
            ratings: (0, 0),
            light: Some(next_to),
        });
        let mut trial_doses = doses.clone();
        trial_doses.push((MIN_DOSE, MIN_DOSE));
        if layout.total(&trial, &trial_doses) <= target + TOLERANCE {
            *taken = trial;
            *doses = trial_doses;
        }
    }
}

impl Plan {
    /// The plan as the command line prints it: the summary, each
    /// exercise with its reason, and what was left out.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n{}\n\n", self.routine.name, self.summary);
        for (n, p) in self.planned.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, p.reason));
        }
        if !self.left_out.is_empty() {
            out.push_str("\nLeft out:\n");
            for (_, _, line) in &self.left_out {
                out.push_str(&format!("- {line}\n"));
            }
        }
        out
    }
}
