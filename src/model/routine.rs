//! A routine: a list of steps, each an exercise with its sides and timings.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::limits::{self, describe_range};
use super::{Exercise, FirstSide, Settings, Side, Sides, Units};

/// The version written into new routine files. Older files still load:
/// see [`versions`].
///
/// Version 2: a step's hold and rest may be `None`, "the settings'
/// default"; in version 1 they were always the step's own numbers.
///
/// Version 3: a step worked one side at a time may roll one side longer
/// ([`Step::more_on`]).
pub const ROUTINE_VERSION: u32 = 3;

/// More rolling on one side of a step than on the other: the sorer side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoreOn {
    pub side: Side,
    /// Seconds of rolling on that side on top of the step's own.
    pub roll_seconds: u32,
}

/// Which sides a step works, and in which order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StepSides {
    /// Both sides at once, or a middle part of the body: one pass.
    #[default]
    Together,
    /// The left side, then the right.
    LeftThenRight,
    /// The right side, then the left.
    RightThenLeft,
}

impl StepSides {
    /// The sides of a step of an exercise worked `sides`, starting on the
    /// user's `first` side.
    pub fn for_exercise(sides: Sides, first: FirstSide) -> StepSides {
        match (sides, first) {
            (Sides::Together, _) => StepSides::Together,
            (Sides::OneAtATime, FirstSide::Left) => StepSides::LeftThenRight,
            (Sides::OneAtATime, FirstSide::Right) => StepSides::RightThenLeft,
        }
    }
}

/// One exercise in a routine, with its timings. A timing that is `None`
/// follows the user's settings (or, for the stroke, the exercise card).
///
/// Files are read through [`versions`], which knows every format version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The exercise's id in the library.
    pub exercise: String,
    pub sides: StepSides,
    /// Seconds of slow rolling per side.
    pub roll_seconds: u32,
    /// Tender spots to hold per side.
    pub holds: u32,
    /// Seconds each hold lasts; `None`: the settings' default.
    pub hold_seconds: Option<u32>,
    /// Seconds of rest (with "up next") after this step; `None`: the
    /// settings' default.
    pub rest_seconds: Option<u32>,
    /// Rolling pace in cm per second; `None`: the settings' default.
    pub pace_cm_per_s: Option<f32>,
    /// Stroke length in cm; `None`: the exercise's own.
    pub stroke_cm: Option<f32>,
    /// Longer rolling on one side, for a step worked one side at a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_on: Option<MoreOn>,
}

impl Step {
    /// A new step of `exercise`: its rolling and holds from the card,
    /// starting on the user's first side; its hold, rest and pace follow
    /// the settings, its stroke the card.
    pub fn from_exercise(exercise: &Exercise, settings: &Settings) -> Step {
        Step {
            exercise: exercise.id.clone(),
            sides: StepSides::for_exercise(exercise.sides, settings.first_side),
            roll_seconds: exercise.timings.roll_seconds,
            holds: exercise.timings.holds,
            hold_seconds: None,
            rest_seconds: None,
            pace_cm_per_s: None,
            stroke_cm: None,
            more_on: None,
        }
    }

    /// Seconds of rolling on `side` (`None`: both sides at once).
    pub fn roll_seconds_on(&self, side: Option<Side>) -> u32 {
        match self.more_on {
            Some(more) if side == Some(more.side) => self.roll_seconds + more.roll_seconds,
            _ => self.roll_seconds,
        }
    }

    /// Seconds each hold lasts: the step's own, or the settings' default.
    pub fn hold_seconds_with(&self, settings: &Settings) -> u32 {
        self.hold_seconds.unwrap_or(settings.hold_seconds)
    }

    /// Seconds of rest after the step: its own, or the settings' default.
    pub fn rest_seconds_with(&self, settings: &Settings) -> u32 {
        self.rest_seconds.unwrap_or(settings.rest_seconds)
    }

    /// Rolling pace in cm a second: the step's own, or the settings' default.
    pub fn pace_cm_per_s_with(&self, settings: &Settings) -> f32 {
        self.pace_cm_per_s.unwrap_or(settings.pace_cm_per_s)
    }
}

/// A named list of steps, worked through bottom-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "versions::RoutineInFile")]
pub struct Routine {
    /// The format version: [`ROUTINE_VERSION`] once read (older files are
    /// brought up to it as they load), or a newer one's.
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub steps: Vec<Step>,
}

impl Routine {
    /// An empty routine called `name`, in the current format.
    pub fn new(name: impl Into<String>) -> Routine {
        Routine {
            version: ROUTINE_VERSION,
            name: name.into(),
            description: String::new(),
            steps: Vec::new(),
        }
    }

    /// A routine of `exercise` alone, named after it, as when it is started
    /// from its card: no rest after it, since nothing follows.
    pub fn single_exercise(exercise: &Exercise, settings: &Settings) -> Routine {
        let step = Step {
            rest_seconds: Some(0),
            ..Step::from_exercise(exercise, settings)
        };
        Routine {
            steps: vec![step],
            ..Routine::new(exercise.name.clone())
        }
    }

    /// Everything wrong with the routine, where it is, in words for the
    /// user; empty when it can be saved and played. `has_exercise` says
    /// whether the library has an exercise of this id.
    pub fn problems(&self, has_exercise: impl Fn(&str) -> bool) -> Vec<RoutineProblem> {
        self.problems_in(has_exercise, Units::Centimetres)
    }

    /// As [`Routine::problems`], with lengths and paces told in `units`.
    pub fn problems_in(
        &self,
        has_exercise: impl Fn(&str) -> bool,
        units: Units,
    ) -> Vec<RoutineProblem> {
        use limits::step;
        let mut out = Vec::new();
        let mut bad = |step, message: String| out.push(RoutineProblem { step, message });
        let name = self.name.trim();
        if name.is_empty() {
            bad(None, "Give the routine a name.".into());
        } else if name.chars().count() > limits::routine::NAME_CHARS {
            bad(
                None,
                format!(
                    "Keep the name to {} characters at most.",
                    limits::routine::NAME_CHARS
                ),
            );
        }
        if self.steps.is_empty() {
            bad(None, "Add at least one exercise.".into());
        }
        for (i, s) in self.steps.iter().enumerate() {
            let at = Some(i);
            if !has_exercise(&s.exercise) {
                bad(
                    at,
                    format!("'{}' is not an exercise of the library.", s.exercise),
                );
            }
            if !step::ROLL_SECONDS.contains(&s.roll_seconds) {
                let allowed = describe_range(&step::ROLL_SECONDS, "seconds");
                bad(at, format!("Rolling must last {allowed}."));
            }
            if !step::HOLDS.contains(&s.holds) {
                let allowed = describe_range(&step::HOLDS, "tender spots");
                bad(at, format!("Hold {allowed}."));
            }
            if s.holds > 0
                && s.hold_seconds
                    .is_some_and(|h| !step::HOLD_SECONDS.contains(&h))
            {
                let allowed = describe_range(&step::HOLD_SECONDS, "seconds");
                bad(at, format!("A hold must be {allowed}."));
            }
            if s.rest_seconds
                .is_some_and(|r| !step::REST_SECONDS.contains(&r))
            {
                let allowed = describe_range(&step::REST_SECONDS, "seconds");
                bad(at, format!("Rest {allowed}."));
            }
            if s.pace_cm_per_s
                .is_some_and(|p| !step::PACE_CM_PER_S.contains(&p))
            {
                let allowed = units.range(&step::PACE_CM_PER_S);
                bad(at, format!("The pace must be {allowed} a second."));
            }
            if let Some(more) = s.more_on {
                if s.sides == StepSides::Together {
                    bad(
                        at,
                        "Only a step worked one side at a time can roll one side longer.".into(),
                    );
                } else if more.roll_seconds == 0
                    || !step::ROLL_SECONDS.contains(&(s.roll_seconds + more.roll_seconds))
                {
                    let allowed = describe_range(&step::ROLL_SECONDS, "seconds");
                    bad(
                        at,
                        format!(
                            "The longer side must roll more than the other, and {allowed} in all."
                        ),
                    );
                }
            }
            if s.stroke_cm.is_some_and(|c| !step::STROKE_CM.contains(&c)) {
                let allowed = units.range(&step::STROKE_CM);
                bad(at, format!("A stroke must be {allowed} long."));
            }
        }
        out
    }
}

/// Something wrong with a routine, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineProblem {
    /// The index of the step it is in, or `None` for the routine itself.
    pub step: Option<usize>,
    /// What is wrong, as a sentence, e.g. "Rest 0 to 120 seconds.".
    pub message: String,
}

impl fmt::Display for RoutineProblem {
    /// The message, after "Exercise N: " (counted from 1) for a step's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.step {
            Some(i) => write!(f, "Exercise {}: {}", i + 1, self.message),
            None => f.write_str(&self.message),
        }
    }
}

pub mod versions;

#[cfg(test)]
mod tests;
