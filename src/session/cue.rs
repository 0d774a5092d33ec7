//! The sounds of a routine, and when they are due.

use std::time::Duration;

/// A sound cue. Each has its own synthesized sound (see `audio`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// Start rolling.
    Start,
    /// The soft beat of the rolling pace, once a second.
    Tick,
    /// The end of a stroke: roll back the other way.
    Turnaround,
    /// A hold begins: relax and breathe in as the pressure comes.
    BreatheIn,
    /// A countdown pip, in the last three seconds.
    Pip,
    /// A hold is over.
    HoldEnd,
    /// Too intense: ease off and work the tissue around the spot.
    EaseOff,
    /// Change to the other side.
    SwitchSide,
    /// Move on to the next exercise.
    NextExercise,
    /// The routine is finished.
    Done,
}

impl Cue {
    /// Every cue.
    pub const ALL: [Cue; 10] = [
        Cue::Start,
        Cue::Tick,
        Cue::Turnaround,
        Cue::BreatheIn,
        Cue::Pip,
        Cue::HoldEnd,
        Cue::EaseOff,
        Cue::SwitchSide,
        Cue::NextExercise,
        Cue::Done,
    ];
}

/// A cue at a position of the routine's timeline (time since the start,
/// pauses excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimedCue {
    pub at: Duration,
    pub cue: Cue,
}
