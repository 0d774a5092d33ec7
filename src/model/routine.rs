//! A routine: a list of steps, each an exercise with its sides and timings.

use serde::{Deserialize, Serialize};

/// The version written into new routine files. Older files still load.
pub const ROUTINE_VERSION: u32 = 1;

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

/// One exercise in a routine, with its timings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The exercise's id in the library.
    pub exercise: String,
    #[serde(default)]
    pub sides: StepSides,
    /// Seconds of slow rolling per side.
    pub roll_seconds: u32,
    /// Tender spots to hold per side.
    #[serde(default)]
    pub holds: u32,
    /// Seconds each hold lasts.
    #[serde(default = "default_hold")]
    pub hold_seconds: u32,
    /// Seconds of rest (with "up next") after this step.
    #[serde(default = "default_rest")]
    pub rest_seconds: u32,
    /// Rolling pace in cm per second; `None`: the settings' default.
    #[serde(default)]
    pub pace_cm_per_s: Option<f32>,
    /// Stroke length in cm; `None`: the exercise's own.
    #[serde(default)]
    pub stroke_cm: Option<f32>,
}

fn default_hold() -> u32 {
    20
}

fn default_rest() -> u32 {
    10
}

/// A named list of steps, worked through bottom-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Routine {
    #[serde(default = "routine_version")]
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub steps: Vec<Step>,
}

fn routine_version() -> u32 {
    ROUTINE_VERSION
}
