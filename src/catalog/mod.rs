//! The built-in exercise library, embedded in the binary from `assets/`.
//!
//! The catalog is checked when it loads (and by the tests): a broken
//! built-in file is a bug in the program, reported in words, not a crash.

mod validate;

use std::collections::BTreeMap;

use crate::model::body_map::BodyMap;
use crate::model::{Exercise, Illustration, Routine, RoutineProblem, Units};

pub use validate::{CatalogProblem, validate};

const EXERCISES_RON: &str = include_str!("../../assets/exercises.ron");
const ILLUSTRATIONS_RON: &str = include_str!("../../assets/illustrations.ron");
const ROUTINES_RON: &str = include_str!("../../assets/routines.ron");

/// The built-in exercises, in bottom-up order.
#[derive(Debug, Clone)]
pub struct Catalog {
    exercises: Vec<Exercise>,
    routines: Vec<Routine>,
    body_map: BodyMap,
}

impl Catalog {
    /// Loads and checks the built-in catalog.
    pub fn builtin() -> Result<Catalog, Vec<CatalogProblem>> {
        Catalog::from_ron(EXERCISES_RON, ILLUSTRATIONS_RON)?.with_routines(ROUTINES_RON)
    }

    /// Adds the routines in `text` (a RON list), checking that every step
    /// names an exercise of this catalog.
    pub fn with_routines(mut self, text: &str) -> Result<Catalog, Vec<CatalogProblem>> {
        let routines: Vec<Routine> = ron::from_str(text).map_err(|e| {
            vec![CatalogProblem::Parse {
                file: "routines.ron",
                message: e.to_string(),
            }]
        })?;
        let problems = validate::validate_routines(&routines, &self.exercises);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.routines = routines;
        Ok(self)
    }

    /// The built-in routines.
    pub fn routines(&self) -> &[Routine] {
        &self.routines
    }

    /// The built-in routine with this name (ignoring case).
    pub fn routine(&self, name: &str) -> Option<&Routine> {
        self.routines
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name.trim()))
    }

    /// Loads and checks a catalog from the text of its two files.
    pub fn from_ron(exercises: &str, illustrations: &str) -> Result<Catalog, Vec<CatalogProblem>> {
        let mut exercises: Vec<Exercise> = ron::from_str(exercises).map_err(|e| {
            vec![CatalogProblem::Parse {
                file: "exercises.ron",
                message: e.to_string(),
            }]
        })?;
        let mut pictures: BTreeMap<String, Illustration> =
            ron::from_str(illustrations).map_err(|e| {
                vec![CatalogProblem::Parse {
                    file: "illustrations.ron",
                    message: e.to_string(),
                }]
            })?;
        let mut problems = Vec::new();
        // An exercise without a picture keeps the empty default, which
        // `validate` reports.
        for exercise in &mut exercises {
            if let Some(picture) = pictures.remove(&exercise.id) {
                exercise.illustration = picture;
            }
        }
        problems.extend(pictures.into_keys().map(CatalogProblem::OrphanIllustration));
        problems.extend(validate(&exercises));
        problems.extend(validate::areas_without_exercise(&exercises));
        let body_map = match BodyMap::builtin() {
            Ok(map) => {
                problems.extend(map.problems().into_iter().map(CatalogProblem::BodyMap));
                map
            }
            Err(message) => {
                problems.push(CatalogProblem::Parse {
                    file: "body_map.ron",
                    message,
                });
                BodyMap {
                    figure: Vec::new(),
                    areas: Vec::new(),
                    bony: Vec::new(),
                }
            }
        };
        if problems.is_empty() {
            Ok(Catalog {
                exercises,
                routines: Vec::new(),
                body_map,
            })
        } else {
            Err(problems)
        }
    }

    /// The body map: the figure, its areas and its bony parts.
    pub fn body_map(&self) -> &BodyMap {
        &self.body_map
    }

    /// Every exercise, bottom-up.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The exercise with this id.
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Everything wrong with `routine`, with this library's exercises: see
    /// [`Routine::problems`].
    pub fn routine_problems(&self, routine: &Routine) -> Vec<RoutineProblem> {
        routine.problems(|id| self.get(id).is_some())
    }

    /// As [`Catalog::routine_problems`], with lengths in `units`.
    pub fn routine_problems_in(&self, routine: &Routine, units: Units) -> Vec<RoutineProblem> {
        routine.problems_in(|id| self.get(id).is_some(), units)
    }

    /// One line per exercise: id, name, region and tools, tab-separated.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for e in &self.exercises {
            let tools: Vec<&str> = e.tools.iter().map(|t| t.slug()).collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                e.id,
                e.name,
                e.region.slug(),
                tools.join(",")
            ));
        }
        out
    }
}
