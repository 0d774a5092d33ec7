//! What a routine really did: which stretches of its timeline ran, and from
//! them, per exercise and side, how much of the rolling and holding ran.
//!
//! An exercise counts as done when more than half of its rolling and hold
//! time (over its sides) actually ran. Pauses add nothing (the timeline
//! stands still), a skipped or cut phase counts only for what ran of it,
//! and going back to roll a stretch again adds to the time worked but not
//! to how much of the exercise was covered.

use std::time::Duration;

use super::timeline::{Phase, PhaseKind, Side, Timeline};

/// The stretches of the timeline that ran, as `(from, to)` positions.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct RunLog {
    stretches: Vec<(Duration, Duration)>,
    /// A hold made longer or "too intense" pressed: the step, its side and
    /// which.
    marks: Vec<(usize, Option<Side>, Mark)>,
}

/// A press the history counts, per exercise and side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Extended,
    TooIntense,
}

impl RunLog {
    /// Notes that the timeline ran from `from` to `to`.
    pub(super) fn record(&mut self, from: Duration, to: Duration) {
        if to > from {
            self.stretches.push((from, to));
        }
    }

    /// Notes a press of `mark` during `phase`.
    pub(super) fn mark(&mut self, phase: &Phase, mark: Mark) {
        self.marks.push((phase.step, phase.side, mark));
    }

    /// `by` of new time was put into the timeline at `at` (a longer hold,
    /// a work-around): what ran after `at` moves with it.
    pub(super) fn insert(&mut self, at: Duration, by: Duration) {
        let mut moved = Vec::with_capacity(self.stretches.len() + 1);
        for &(from, to) in &self.stretches {
            if to <= at {
                moved.push((from, to));
            } else if from >= at {
                moved.push((from + by, to + by));
            } else {
                moved.push((from, at));
                moved.push((at + by, to + by));
            }
        }
        self.stretches = moved;
    }

    /// The furthest position that ran to.
    fn furthest(&self) -> Duration {
        self.stretches
            .iter()
            .map(|&(_, to)| to)
            .max()
            .unwrap_or_default()
    }

    /// The stretches merged, each position once, in order.
    fn merged(&self) -> Vec<(Duration, Duration)> {
        let mut sorted = self.stretches.clone();
        sorted.sort();
        let mut merged: Vec<(Duration, Duration)> = Vec::with_capacity(sorted.len());
        for (from, to) in sorted {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        merged
    }

    /// What ran of each exercise of `timeline`, the routine being at
    /// `position` (which a skip may have jumped to); `stopped` if it was
    /// ended before its end.
    pub(super) fn tally(&self, timeline: &Timeline, position: Duration, stopped: bool) -> Tally {
        let merged = self.merged();
        let furthest = self.furthest().max(position);
        let phases = timeline.phases();
        let steps = timeline
            .steps()
            .iter()
            .enumerate()
            .map(|(i, info)| {
                let work: Vec<&Phase> = phases
                    .iter()
                    .filter(|p| p.step == i && is_work(p.kind))
                    .collect();
                let mut sides: Vec<SideTally> = Vec::new();
                for phase in &work {
                    let tally = match sides.iter_mut().find(|s| s.side == phase.side) {
                        Some(tally) => tally,
                        None => {
                            sides.push(SideTally {
                                side: phase.side,
                                planned: Duration::ZERO,
                                covered: Duration::ZERO,
                                worked: Duration::ZERO,
                                holds: 0,
                                extensions: 0,
                                too_intense: 0,
                            });
                            let last = sides.len() - 1;
                            &mut sides[last]
                        }
                    };
                    tally.planned += phase.length;
                    tally.covered += overlap(&merged, phase);
                    tally.worked += overlap(&self.stretches, phase);
                    let first_part =
                        matches!(phase.kind, PhaseKind::Hold { .. }) && !phase.returning;
                    if first_part && overlap(&merged, phase) * 2 > phase.length {
                        tally.holds += 1;
                    }
                }
                for tally in &mut sides {
                    let count = |mark| {
                        let here = |m: &&(usize, Option<Side>, Mark)| {
                            m.0 == i && m.1 == tally.side && m.2 == mark
                        };
                        self.marks.iter().filter(here).count() as u32
                    };
                    tally.extensions = count(Mark::Extended);
                    tally.too_intense = count(Mark::TooIntense);
                }
                let end = work.iter().map(|p| p.end()).max().unwrap_or_default();
                let mut step = StepTally {
                    name: info.name.clone(),
                    exercise_id: info.exercise_id.clone(),
                    sides,
                    outcome: Outcome::Done,
                };
                step.outcome = if step.ran_over_half() {
                    Outcome::Done
                } else if furthest >= end {
                    Outcome::Skipped
                } else {
                    Outcome::NotReached
                };
                step
            })
            .collect();
        Tally { steps, stopped }
    }
}

/// Whether a phase is rolling or holding: the work an exercise is for.
/// Working around a sore spot takes a hold's place, so it counts too.
fn is_work(kind: PhaseKind) -> bool {
    matches!(
        kind,
        PhaseKind::Roll | PhaseKind::Hold { .. } | PhaseKind::WorkAround
    )
}

/// How much of `phase` the `stretches` cover (a position covered twice
/// counts twice).
fn overlap(stretches: &[(Duration, Duration)], phase: &Phase) -> Duration {
    stretches
        .iter()
        .map(|&(from, to)| to.min(phase.end()).saturating_sub(from.max(phase.start)))
        .sum()
}

/// What became of one exercise of the routine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// More than half of its rolling and holding ran.
    Done,
    /// The routine went past it without that.
    Skipped,
    /// The routine ended before getting past it.
    NotReached,
}

/// What ran of one side of an exercise (or of both, worked together).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SideTally {
    /// `None` for both sides at once.
    pub side: Option<Side>,
    /// The rolling and holding the routine had for it, holds made longer
    /// included.
    pub planned: Duration,
    /// How much of that ran, each moment once.
    pub covered: Duration,
    /// Time spent rolling and holding, a stretch gone back to counted again.
    pub worked: Duration,
    /// Holds of which over half ran (a hold come back to after working
    /// around it counts once).
    pub holds: u32,
    /// Times a hold was made longer.
    pub extensions: u32,
    /// Times "too intense" was pressed.
    pub too_intense: u32,
}

impl SideTally {
    /// More than half of it ran.
    pub fn done(&self) -> bool {
        self.covered * 2 > self.planned
    }
}

/// What ran of one exercise of the routine.
#[derive(Debug, Clone, PartialEq)]
pub struct StepTally {
    pub name: String,
    pub exercise_id: String,
    /// Each side in the order worked; one entry for both sides at once.
    pub sides: Vec<SideTally>,
    pub outcome: Outcome,
}

impl StepTally {
    fn ran_over_half(&self) -> bool {
        let planned: Duration = self.sides.iter().map(|s| s.planned).sum();
        let covered: Duration = self.sides.iter().map(|s| s.covered).sum();
        covered * 2 > planned
    }

    /// Whether it counts as done.
    pub fn done(&self) -> bool {
        self.outcome == Outcome::Done
    }

    /// For an exercise of two sides of which only one was done: that side,
    /// else `None`.
    pub fn only_side_done(&self) -> Option<Side> {
        match self.sides.as_slice() {
            [a, b] if a.done() != b.done() => {
                if a.done() {
                    a.side
                } else {
                    b.side
                }
            }
            _ => None,
        }
    }

    /// For an exercise of two sides of which only one was done: the other
    /// side, else `None`.
    pub fn only_side_missed(&self) -> Option<Side> {
        let done = self.only_side_done()?;
        self.sides
            .iter()
            .filter_map(|s| s.side)
            .find(|&side| side != done)
    }

    /// Time spent rolling and holding it.
    pub fn worked(&self) -> Duration {
        self.sides.iter().map(|s| s.worked).sum()
    }
}

/// What a routine really did, for the summary (and anything else that
/// tells the user how it went).
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Each exercise of the routine, in order.
    pub steps: Vec<StepTally>,
    /// The routine was stopped before its end.
    pub stopped: bool,
}

impl Tally {
    /// How many exercises count as done.
    pub fn done_count(&self) -> usize {
        self.steps.iter().filter(|s| s.done()).count()
    }

    /// How many exercises the routine has.
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// Time spent rolling and holding (pauses, get-ready, switches and
    /// rests left out).
    pub fn worked(&self) -> Duration {
        self.steps.iter().map(StepTally::worked).sum()
    }

    /// The exercises with `outcome`, in order.
    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &StepTally> {
        self.steps.iter().filter(move |s| s.outcome == outcome)
    }
}
