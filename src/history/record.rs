//! A session's record, made from what ran of it.

use crate::catalog::Catalog;
use crate::model::history::{ExerciseRecord, HISTORY_VERSION, Moment, Rating, SessionRecord};
use crate::model::{Area, Routine};
use crate::session::Tally;

/// The areas a check-in asks about for `routine`: those its exercises
/// work, each once, from the feet up.
pub fn check_in_areas(routine: &Routine, catalog: &Catalog) -> Vec<Area> {
    let mut areas: Vec<Area> = routine
        .steps
        .iter()
        .filter_map(|step| catalog.get(&step.exercise).map(|e| e.area))
        .collect();
    areas.sort_unstable();
    areas.dedup();
    areas
}

/// The record of a session of `routine` that started at `started`, ran
/// for `seconds` (pauses included) and did what `tally` says, with the
/// check-in before it.
pub fn record_of(
    routine: &str,
    started: Moment,
    seconds: u32,
    tally: &Tally,
    before: Vec<Rating>,
    catalog: &Catalog,
) -> SessionRecord {
    let exercises = tally
        .steps
        .iter()
        .flat_map(|step| {
            let area = catalog.get(&step.exercise_id).map(|e| e.area);
            step.sides.iter().map(move |side| ExerciseRecord {
                exercise: step.exercise_id.clone(),
                name: step.name.clone(),
                area,
                side: side.side,
                seconds: side.worked.as_secs_f64().round() as u32,
                holds: side.holds,
                extensions: side.extensions,
                too_intense: side.too_intense,
                done: side.done(),
            })
        })
        .collect();
    SessionRecord {
        version: HISTORY_VERSION,
        started,
        seconds,
        routine: routine.to_owned(),
        stopped_early: tally.stopped,
        exercises,
        before,
        after: Vec::new(),
        felt: None,
    }
}
