//! The routine runner: a timeline of phases and a state machine driven by an
//! injected `now`. It knows nothing of the window or the sound card: given
//! the time, it says where the routine is and which cues are due.

mod cue;
mod prompt;
mod script;
mod tally;
mod timeline;

use std::time::Duration;

pub use cue::{Cue, TimedCue};
pub use prompt::{
    GO_ON, PAUSED, Prompt, PromptKind, Speech, TEN_MORE, estimate, goodbye, minutes_words,
    number_words, sound_length, well_done,
};
pub use script::script;
pub use tally::{Outcome, SideTally, StepTally, Tally};
pub use timeline::{
    AFTER_CHIME, EASE_FOR, Phase, PhaseKind, SWITCH_SIDE, SessionError, Side, StepInfo, Timeline,
    WORK_AROUND,
};

use crate::catalog::Catalog;
use crate::model::{Routine, Settings};
use tally::RunLog;

/// How much "extend" adds to a hold.
pub const EXTEND_BY: Duration = Duration::from_secs(10);
/// The longest a hold can be made with "extend".
pub const LONGEST_HOLD: Duration = Duration::from_secs(60);
/// "Back" within this much of a phase's start goes to the phase before.
const BACK_TO_PREVIOUS: Duration = Duration::from_secs(3);

/// A routine being played.
///
/// `now` is any monotonic time (a `Duration` since some fixed instant); the
/// session only ever compares and subtracts it, so pauses are exact and
/// nothing drifts.
#[derive(Debug, Clone)]
pub struct Session {
    name: String,
    timeline: Timeline,
    /// Timeline position when the clock last started or stopped.
    position: Duration,
    /// When the clock last started, if it is running.
    running_since: Option<Duration>,
    stopped: bool,
    /// What of the timeline ran, up to `position`.
    log: RunLog,
}

/// Where a session is, at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionState {
    pub phase_index: usize,
    pub phase: Phase,
    pub position: Duration,
    pub left_in_phase: Duration,
    pub left_in_routine: Duration,
    pub total: Duration,
    pub paused: bool,
    /// Reached the end.
    pub finished: bool,
    /// Stopped by the user before the end.
    pub stopped: bool,
    /// 1-based number of the current step, and how many there are.
    pub step_number: usize,
    pub step_count: usize,
    /// Where the tool is along the stroke while rolling: 0 at the start of
    /// the path, 1 at its end, going back and forth.
    pub stroke_position: Option<f32>,
    /// The step after the current one.
    pub next_step: Option<usize>,
}

impl Session {
    /// Prepares `routine` for playing; nothing runs until [`Session::start`].
    pub fn new(
        routine: &Routine,
        catalog: &Catalog,
        settings: &Settings,
    ) -> Result<Session, SessionError> {
        Ok(Session {
            name: routine.name.clone(),
            timeline: Timeline::build(routine, catalog, settings)?,
            position: Duration::ZERO,
            running_since: None,
            stopped: false,
            log: RunLog::default(),
        })
    }

    /// The routine's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The phases and cues.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Starts (or restarts) the clock at the beginning.
    pub fn start(&mut self, now: Duration) {
        self.position = Duration::ZERO;
        self.running_since = Some(now);
        self.stopped = false;
        self.log = RunLog::default();
    }

    /// The timeline position at `now`, pauses excluded, never past the end.
    pub fn position(&self, now: Duration) -> Duration {
        let running = self
            .running_since
            .map(|since| now.saturating_sub(since))
            .unwrap_or_default();
        (self.position + running).min(self.timeline.total())
    }

    /// Whether the clock is stopped by a pause (not by the end or a stop).
    pub fn is_paused(&self) -> bool {
        self.running_since.is_none() && !self.stopped
    }

    /// Whether the routine reached its end or was stopped.
    pub fn is_over(&self, now: Duration) -> bool {
        self.stopped || self.position(now) >= self.timeline.total()
    }

    /// Notes what ran since the clock last started or moved, and carries
    /// on from here: every command that moves the position or changes the
    /// timeline comes through here first.
    fn settle(&mut self, now: Duration) {
        if self.running_since.is_some() {
            let position = self.position(now);
            self.log.record(self.position, position);
            self.position = position;
            self.running_since = Some(now);
        }
    }

    fn set_position(&mut self, now: Duration, position: Duration) {
        self.settle(now);
        self.position = position.min(self.timeline.total());
        if self.running_since.is_some() {
            self.running_since = Some(now);
        }
    }

    /// Pauses the clock.
    pub fn pause(&mut self, now: Duration) {
        if self.running_since.is_some() {
            self.settle(now);
            self.running_since = None;
        }
    }

    /// Restarts the clock where it was paused.
    pub fn resume(&mut self, now: Duration) {
        if self.running_since.is_none() && !self.stopped {
            self.running_since = Some(now);
        }
    }

    /// Pauses or resumes.
    pub fn toggle_pause(&mut self, now: Duration) {
        if self.is_paused() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    /// Jumps to the start of the next phase.
    pub fn skip(&mut self, now: Duration) {
        let i = self.timeline.phase_at(self.position(now));
        let target = self
            .timeline
            .phases()
            .get(i + 1)
            .map(|p| p.start)
            .unwrap_or_else(|| self.timeline.total());
        self.set_position(now, target);
    }

    /// Jumps to the start of this phase, or of the one before when this one
    /// has only just begun.
    pub fn back(&mut self, now: Duration) {
        let position = self.position(now);
        let phases = self.timeline.phases();
        let mut i = self.timeline.phase_at(position);
        // From the end, "back" goes to the last real phase.
        while i > 0 && phases[i].length.is_zero() {
            i -= 1;
        }
        let into = position.saturating_sub(phases[i].start);
        let target = if into > BACK_TO_PREVIOUS || i == 0 {
            phases[i].start
        } else {
            phases[i - 1].start
        };
        self.set_position(now, target);
    }

    /// The index and phase of the hold running at `now`, if one is.
    fn running_hold(&self, now: Duration) -> Option<(usize, Phase)> {
        let i = self.timeline.phase_at(self.position(now));
        let phase = self.timeline.phases()[i];
        let holding = matches!(phase.kind, PhaseKind::Hold { .. }) && !phase.cut;
        (holding && !self.is_over(now)).then_some((i, phase))
    }

    /// Adds time to the running hold (up to [`LONGEST_HOLD`]). Returns
    /// whether it did.
    pub fn extend_hold(&mut self, now: Duration) -> bool {
        let Some((i, phase)) = self.running_hold(now) else {
            return false;
        };
        let by = EXTEND_BY.min(LONGEST_HOLD.saturating_sub(phase.length));
        if by.is_zero() {
            return false;
        }
        self.settle(now);
        self.log.insert(phase.end(), by);
        self.log.mark(&phase, tally::Mark::Extended);
        self.timeline.lengthen(i, by);
        true
    }

    /// Too intense. In a hold: leave the spot, work the tissue around it
    /// for a while, then come back for the rest of the hold. While rolling:
    /// ease the pressure and roll shorter strokes for a while, then the
    /// full stroke again. Returns whether it did (only in a hold or a roll
    /// not eased already).
    pub fn too_intense(&mut self, now: Duration) -> bool {
        if let Some((i, phase)) = self.running_hold(now) {
            self.settle(now);
            self.log.mark(&phase, tally::Mark::TooIntense);
            let (at, by) = self.timeline.work_around(i, self.position);
            self.log.insert(at, by);
            return true;
        }
        let position = self.position(now);
        let i = self.timeline.phase_at(position);
        let phase = self.timeline.phases()[i];
        if phase.kind != PhaseKind::Roll || phase.eased || self.is_over(now) {
            return false;
        }
        // Easing splits the roll without moving anything: what ran stays put.
        self.log.mark(&phase, tally::Mark::TooIntense);
        self.timeline.ease_roll(i, position);
        true
    }

    /// Ends the routine here.
    pub fn stop(&mut self, now: Duration) {
        self.settle(now);
        self.running_since = None;
        self.stopped = true;
    }

    /// What ran of each exercise up to `now`: which count as done, which
    /// were skipped, and the time spent rolling and holding.
    pub fn tally(&self, now: Duration) -> Tally {
        let mut log = self.log.clone();
        let position = self.position(now);
        if self.running_since.is_some() {
            log.record(self.position, position);
        }
        log.tally(&self.timeline, position, self.stopped)
    }

    /// Cues due between two timeline positions (`from` included, `to` not).
    pub fn cues_between(&self, from: Duration, to: Duration) -> &[TimedCue] {
        self.timeline.cues_between(from, to)
    }

    /// Prompts due between two timeline positions (`from` included, `to`
    /// not).
    pub fn prompts_between(&self, from: Duration, to: Duration) -> &[Prompt] {
        self.timeline.prompts_between(from, to)
    }

    /// The timeline position of the next prompt at or after `now`'s, if
    /// the clock runs.
    pub fn next_prompt(&self, now: Duration) -> Option<Duration> {
        if self.running_since.is_none() || self.stopped {
            return None;
        }
        let position = self.position(now);
        self.timeline
            .prompts_between(position, Duration::MAX)
            .first()
            .map(|p| p.at)
    }

    /// Cues still to come from `now` on, for the audio plan; none while
    /// paused or over.
    pub fn upcoming_cues(&self, now: Duration) -> &[TimedCue] {
        if self.running_since.is_none() || self.stopped {
            return &[];
        }
        let position = self.position(now);
        self.timeline.cues_between(position, Duration::MAX)
    }

    /// Where the routine is at `now`.
    pub fn state(&self, now: Duration) -> SessionState {
        let position = self.position(now);
        let total = self.timeline.total();
        let phase_index = self.timeline.phase_at(position);
        let phase = self.timeline.phases()[phase_index];
        let stroke_position =
            (phase.kind == PhaseKind::Roll && !phase.stroke.is_zero()).then(|| {
                let strokes = (position - phase.start).as_secs_f64() / phase.stroke.as_secs_f64();
                let k = strokes.floor();
                let frac = (strokes - k) as f32;
                let along = if (k as u64).is_multiple_of(2) {
                    frac
                } else {
                    1.0 - frac
                };
                // Eased strokes go over the middle half of the path.
                if phase.eased {
                    0.25 + along / 2.0
                } else {
                    along
                }
            });
        let step_count = self.timeline.steps().len();
        let next_step = (phase.step + 1 < step_count).then_some(phase.step + 1);
        SessionState {
            phase_index,
            phase,
            position,
            left_in_phase: phase.end().saturating_sub(position),
            left_in_routine: total.saturating_sub(position),
            total,
            paused: self.is_paused(),
            finished: position >= total,
            stopped: self.stopped,
            step_number: phase.step + 1,
            step_count,
            stroke_position,
            next_step,
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod voice_tests;
