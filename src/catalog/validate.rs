//! Checks that every exercise card is complete and sensible.

use std::collections::HashSet;
use std::fmt;

use crate::model::limits::step as limits;
use crate::model::{Exercise, Routine, RoutineProblem};

/// Something wrong with the built-in catalog.
#[derive(Debug, Clone, PartialEq)]
pub enum CatalogProblem {
    /// A catalog file is not valid RON.
    Parse { file: &'static str, message: String },
    /// Two exercises share an id.
    DuplicateId(String),
    /// An id is not lowercase words joined by '-'.
    BadId(String),
    /// A text field or list is empty.
    Empty { id: String, field: &'static str },
    /// A timing is outside its allowed range (a step's, in
    /// [`crate::model::limits::step`]).
    OutOfRange { id: String, field: &'static str },
    /// An exercise has no picture.
    MissingIllustration(String),
    /// A picture belongs to no exercise.
    OrphanIllustration(String),
    /// The list is not in bottom-up order of body regions.
    OutOfOrder(String),
    /// Two routines have the same name (ignoring case).
    DuplicateRoutine(String),
    /// A routine fails [`Routine::problems`]: no name, no steps, an unknown
    /// exercise or a timing out of range.
    BadRoutine {
        routine: String,
        problem: RoutineProblem,
    },
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogProblem::Parse { file, message } => write!(f, "{file}: {message}"),
            CatalogProblem::DuplicateId(id) => write!(f, "two exercises have the id '{id}'"),
            CatalogProblem::BadId(id) => {
                write!(
                    f,
                    "'{id}' is not a valid id (lowercase words joined by '-')"
                )
            }
            CatalogProblem::Empty { id, field } => write!(f, "'{id}': {field} is empty"),
            CatalogProblem::OutOfRange { id, field } => {
                write!(f, "'{id}': {field} is outside its allowed range")
            }
            CatalogProblem::MissingIllustration(id) => write!(f, "'{id}' has no illustration"),
            CatalogProblem::OrphanIllustration(id) => {
                write!(
                    f,
                    "an illustration is named '{id}' but no exercise has that id"
                )
            }
            CatalogProblem::DuplicateRoutine(name) => {
                write!(f, "two routines are called '{name}'")
            }
            CatalogProblem::BadRoutine { routine, problem } => {
                write!(f, "routine '{routine}': {problem}")
            }
            CatalogProblem::OutOfOrder(id) => {
                write!(
                    f,
                    "'{id}' is out of bottom-up order (regions go from the feet up)"
                )
            }
        }
    }
}

/// Every problem found in a list of exercises; empty when all is well.
pub fn validate(exercises: &[Exercise]) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut last_region = None;
    for e in exercises {
        let id = e.id.clone();
        if !seen.insert(e.id.as_str()) {
            problems.push(CatalogProblem::DuplicateId(id.clone()));
        }
        let id_ok = !e.id.is_empty()
            && e.id.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !id_ok {
            problems.push(CatalogProblem::BadId(id.clone()));
        }
        let texts: [(&'static str, &str); 7] = [
            ("name", &e.name),
            ("summary", &e.summary),
            ("roll.from", &e.roll.from),
            ("roll.to", &e.roll.to),
            ("roll.how", &e.roll.how),
            ("hold", &e.hold),
            ("breathing", &e.breathing),
        ];
        let lists: [(&'static str, &[String]); 5] = [
            ("muscles", &e.muscles),
            ("setup", &e.setup),
            ("easier", &e.easier),
            ("harder", &e.harder),
            ("avoid", &e.avoid),
        ];
        let empty_text = texts
            .iter()
            .filter(|(_, t)| t.trim().is_empty())
            .map(|(f, _)| *f);
        let empty_list = lists
            .iter()
            .filter(|(_, l)| l.is_empty() || l.iter().any(|s| s.trim().is_empty()))
            .map(|(f, _)| *f);
        let empty_tools = e.tools.is_empty().then_some("tools");
        for field in empty_text.chain(empty_list).chain(empty_tools) {
            problems.push(CatalogProblem::Empty {
                id: id.clone(),
                field,
            });
        }
        let t = &e.timings;
        let ranges = [
            (
                "roll_seconds",
                limits::ROLL_SECONDS.contains(&t.roll_seconds),
            ),
            ("holds", limits::HOLDS.contains(&t.holds)),
            (
                "hold_seconds",
                limits::HOLD_SECONDS.contains(&t.hold_seconds),
            ),
            ("stroke_cm", limits::STROKE_CM.contains(&t.stroke_cm)),
        ];
        for (field, ok) in ranges {
            if !ok {
                problems.push(CatalogProblem::OutOfRange {
                    id: id.clone(),
                    field,
                });
            }
        }
        if e.illustration.equipment.diameter <= 0.0 {
            problems.push(CatalogProblem::MissingIllustration(id.clone()));
        }
        if last_region.is_some_and(|r| e.region < r) {
            problems.push(CatalogProblem::OutOfOrder(id.clone()));
        }
        last_region = Some(e.region);
    }
    problems
}

/// Every problem found in a list of routines: the check every routine
/// gets ([`Routine::problems`]), and names that appear twice.
pub fn validate_routines(routines: &[Routine], exercises: &[Exercise]) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    let mut names = HashSet::new();
    for r in routines {
        if !r.name.trim().is_empty() && !names.insert(r.name.trim().to_lowercase()) {
            problems.push(CatalogProblem::DuplicateRoutine(r.name.clone()));
        }
        let has_exercise = |id: &str| exercises.iter().any(|e| e.id == id);
        problems.extend(r.problems(has_exercise).into_iter().map(|problem| {
            CatalogProblem::BadRoutine {
                routine: r.name.clone(),
                problem,
            }
        }));
    }
    problems
}
