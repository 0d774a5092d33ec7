//! Checks that every exercise card is complete and sensible.

use std::collections::HashSet;
use std::fmt;

use crate::model::illustration::{Illustration, Inset, InsetView, Point, TrunkView};
use crate::model::limits::card::{SPOKEN_WORDS, TRACK_LABEL_CHARS};
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
    /// A text is longer than where it shows allows.
    TooLong {
        id: String,
        field: &'static str,
        most: usize,
    },
    /// A line the voice says has more words than
    /// [`crate::model::limits::card::SPOKEN_WORDS`].
    TooManyWords {
        id: String,
        field: &'static str,
        most: usize,
    },
    /// A line the voice says holds a character a voice reads badly: only
    /// letters, spaces, commas, full stops, apostrophes and hyphens may be
    /// in it.
    Unspeakable {
        id: String,
        field: &'static str,
        found: char,
    },
    /// A timing is outside its allowed range (a step's, in
    /// [`crate::model::limits::step`]).
    OutOfRange { id: String, field: &'static str },
    /// An exercise has no picture.
    MissingIllustration(String),
    /// A picture's data makes no sense: `what` says which value and why.
    BadPicture { id: String, what: &'static str },
    /// A picture belongs to no exercise.
    OrphanIllustration(String),
    /// The list is not in bottom-up order of body regions.
    OutOfOrder(String),
    /// An area of the body no exercise works: a check-in could not ask
    /// for it and a plan could not use it.
    AreaWithoutExercise(crate::model::Area),
    /// A card whose holds do not suit it has holds in its own timings, or
    /// in a step of the built-in routine named.
    HoldWhereNoneSuit { id: String, routine: Option<String> },
    /// The body map's data (`assets/body_map.ron`) is wrong: `what` says
    /// where and why.
    BodyMap(String),
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
            CatalogProblem::TooLong { id, field, most } => {
                write!(f, "'{id}': {field} is longer than {most} characters")
            }
            CatalogProblem::TooManyWords { id, field, most } => {
                write!(f, "'{id}': {field} is longer than {most} words")
            }
            CatalogProblem::Unspeakable { id, field, found } => write!(
                f,
                "'{id}': {field} has '{found}', which a voice reads badly \
                 (use only letters, spaces, commas, full stops, apostrophes and hyphens)"
            ),
            CatalogProblem::OutOfRange { id, field } => {
                write!(f, "'{id}': {field} is outside its allowed range")
            }
            CatalogProblem::MissingIllustration(id) => write!(f, "'{id}' has no illustration"),
            CatalogProblem::BadPicture { id, what } => {
                write!(f, "'{id}': in its picture, {what}")
            }
            CatalogProblem::OrphanIllustration(id) => {
                write!(
                    f,
                    "an illustration is named '{id}' but no exercise has that id"
                )
            }
            CatalogProblem::AreaWithoutExercise(area) => {
                write!(f, "no exercise works the area '{}'", area.slug())
            }
            CatalogProblem::HoldWhereNoneSuit { id, routine: None } => {
                write!(
                    f,
                    "'{id}': holds do not suit it, but its timings have holds"
                )
            }
            CatalogProblem::HoldWhereNoneSuit {
                id,
                routine: Some(routine),
            } => write!(
                f,
                "routine '{routine}': holds do not suit '{id}', but its step has holds"
            ),
            CatalogProblem::BodyMap(what) => write!(f, "body_map.ron: {what}"),
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
        if !seen.insert(e.id.as_str()) {
            problems.push(CatalogProblem::DuplicateId(e.id.clone()));
        }
        if !is_valid_id(&e.id) {
            problems.push(CatalogProblem::BadId(e.id.clone()));
        }
        problems.extend(empty_fields(e).map(|field| CatalogProblem::Empty {
            id: e.id.clone(),
            field,
        }));
        problems.extend(too_long(e).map(|(field, most)| CatalogProblem::TooLong {
            id: e.id.clone(),
            field,
            most,
        }));
        problems.extend(
            too_many_words(e).map(|(field, most)| CatalogProblem::TooManyWords {
                id: e.id.clone(),
                field,
                most,
            }),
        );
        problems.extend(
            unspeakable(e).map(|(field, found)| CatalogProblem::Unspeakable {
                id: e.id.clone(),
                field,
                found,
            }),
        );
        problems.extend(
            timings_out_of_range(e).map(|field| CatalogProblem::OutOfRange {
                id: e.id.clone(),
                field,
            }),
        );
        if e.illustration.equipment.diameter <= 0.0 {
            problems.push(CatalogProblem::MissingIllustration(e.id.clone()));
        } else {
            problems.extend(picture_problems(&e.illustration).map(|what| {
                CatalogProblem::BadPicture {
                    id: e.id.clone(),
                    what,
                }
            }));
        }
        if !e.holds_suit && e.timings.holds > 0 {
            problems.push(CatalogProblem::HoldWhereNoneSuit {
                id: e.id.clone(),
                routine: None,
            });
        }
        if last_region.is_some_and(|r| e.region < r) {
            problems.push(CatalogProblem::OutOfOrder(e.id.clone()));
        }
        last_region = Some(e.region);
    }
    problems
}

/// Every area of the body that no exercise of the whole library works.
pub fn areas_without_exercise(exercises: &[Exercise]) -> Vec<CatalogProblem> {
    crate::model::Area::ALL
        .into_iter()
        .filter(|a| !exercises.iter().any(|e| e.area == *a))
        .map(CatalogProblem::AreaWithoutExercise)
        .collect()
}

/// What makes no sense in a picture's data, each as a sentence naming the
/// value to fix.
fn picture_problems(ill: &Illustration) -> impl Iterator<Item = &'static str> {
    let e = &ill.equipment;
    let t = &ill.target;
    let facing = ill.pose.facing;
    let mut found = Vec::new();
    // A figure lying on its side seen from the front looks at the viewer:
    // no nose to turn.
    let face_on = ill.pose.trunk == TrunkView::LyingSideFromFront;
    if facing.0 == 0.0 && facing.1 == 0.0 && !face_on {
        found.push("pose.facing is missing: say which way the face looks, as (dx, dy)");
    }
    let is_roller = (10.0..=20.0).contains(&e.diameter);
    let is_ball = (5.0..=13.0).contains(&e.diameter);
    if !is_roller && !is_ball {
        found
            .push("equipment.diameter fits neither a roller (10 to 20 cm) nor a ball (5 to 13 cm)");
    }
    if t.width <= 0.0 {
        found.push("target.width must be more than 0");
    } else if distance_to_segment(e.at, t.from, t.to) > e.diameter / 2.0 + t.width / 2.0 + 4.0 {
        found.push("the tool (equipment.at) does not touch the area worked (target)");
    }
    if let Some(inset) = &ill.inset {
        let (x, y) = (inset.ball.0, inset.ball.1);
        let r = e.diameter / 2.0;
        if inset.view == InsetView::Foot {
            if (y - r).abs() > 1.0 || x.abs() > Inset::FOOT_LENGTH / 2.0 {
                found.push(
                    "inset.ball of a foot close-up must lie on the floor (y is its radius) under the foot (x within 12 cm)",
                );
            }
        } else if x.abs() + r > Inset::HALF_WIDTH || !(0.0..=Inset::SHOULDERS + 12.0).contains(&y) {
            found.push("inset.ball is off the trunk (x within 19 cm of the middle, y 0 to 62 cm)");
        } else if inset.view == InsetView::Back && x.abs() - r < Inset::SPINE_HALF_WIDTH {
            found.push("inset.ball is on the spine: move it to one side, clear of the middle");
        }
    }
    found.into_iter()
}

/// The distance from `p` to the segment from `a` to `b`, in centimetres.
fn distance_to_segment(p: Point, a: Point, b: Point) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (cx * cx + cy * cy).sqrt()
}

/// Whether `id` is lowercase words (letters and digits) joined by '-'.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The names of an exercise's empty fields: blank texts, then lists that
/// are empty or hold a blank line, then the tools if there are none.
fn empty_fields(e: &Exercise) -> impl Iterator<Item = &'static str> + '_ {
    let texts: [(&'static str, &str); 11] = [
        ("name", &e.name),
        ("summary", &e.summary),
        ("roll.from", &e.roll.from),
        ("roll.to", &e.roll.to),
        ("roll.how", &e.roll.how),
        ("roll.from_label", &e.roll.from_label),
        ("roll.to_label", &e.roll.to_label),
        ("hold", &e.hold),
        ("breathing", &e.breathing),
        ("spoken.setup", &e.spoken.setup),
        ("spoken.rolling", &e.spoken.rolling),
    ];
    let lists: [(&'static str, &[String]); 5] = [
        ("muscles", &e.muscles),
        ("setup", &e.setup),
        ("easier", &e.easier),
        ("harder", &e.harder),
        ("avoid", &e.avoid),
    ];
    let empty_text = texts
        .into_iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(f, _)| f);
    let empty_list = lists
        .into_iter()
        .filter(|(_, l)| l.is_empty() || l.iter().any(|s| s.trim().is_empty()))
        .map(|(f, _)| f);
    let empty_tools = e.tools.is_empty().then_some("tools");
    empty_text.chain(empty_list).chain(empty_tools)
}

/// The names of an exercise's texts that are too long for where they show,
/// with their longest.
fn too_long(e: &Exercise) -> impl Iterator<Item = (&'static str, usize)> {
    let labels = [
        ("roll.from_label", &e.roll.from_label),
        ("roll.to_label", &e.roll.to_label),
    ];
    labels
        .into_iter()
        .filter(|(_, text)| text.chars().count() > TRACK_LABEL_CHARS)
        .map(|(field, _)| (field, TRACK_LABEL_CHARS))
}

/// The lines the voice says of an exercise, with their field names.
fn spoken_lines(e: &Exercise) -> [(&'static str, &str); 2] {
    [
        ("spoken.setup", &e.spoken.setup),
        ("spoken.rolling", &e.spoken.rolling),
    ]
}

/// The names of the lines the voice says that have too many words, with
/// their most.
fn too_many_words(e: &Exercise) -> impl Iterator<Item = (&'static str, usize)> {
    spoken_lines(e)
        .into_iter()
        .filter(|(_, line)| line.split_whitespace().count() > SPOKEN_WORDS)
        .map(|(field, _)| (field, SPOKEN_WORDS))
}

/// The names of the lines the voice says that hold a character it reads
/// badly, each with the first such character.
fn unspeakable(e: &Exercise) -> impl Iterator<Item = (&'static str, char)> + '_ {
    spoken_lines(e).into_iter().filter_map(|(field, line)| {
        line.chars()
            .find(|&c| !is_speakable(c))
            .map(|found| (field, found))
    })
}

/// Whether a voice reads `c` well: a letter, a space, a comma, a full stop,
/// an apostrophe or a hyphen.
fn is_speakable(c: char) -> bool {
    c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '\'' | '\u{2019}' | '-')
}

/// The names of an exercise's timings that are outside their allowed
/// range (a step's, in [`crate::model::limits::step`]).
fn timings_out_of_range(e: &Exercise) -> impl Iterator<Item = &'static str> {
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
    ranges
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(field, _)| field)
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
        for step in r.steps.iter().filter(|s| s.holds > 0) {
            if exercises
                .iter()
                .any(|e| e.id == step.exercise && !e.holds_suit)
            {
                problems.push(CatalogProblem::HoldWhereNoneSuit {
                    id: step.exercise.clone(),
                    routine: Some(r.name.clone()),
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a panic is a failed test

    use super::*;
    use crate::catalog::Catalog;

    /// The first built-in card, with its set-up line replaced.
    fn card_saying(setup: &str) -> Exercise {
        let mut card = Catalog::builtin().unwrap().exercises()[0].clone();
        card.spoken.setup = setup.to_owned();
        card
    }

    #[test]
    fn an_empty_line_is_reported() {
        let mut card = card_saying("  ");
        card.spoken.rolling.clear();
        let problems = validate(std::slice::from_ref(&card));
        for field in ["spoken.setup", "spoken.rolling"] {
            assert!(problems.contains(&CatalogProblem::Empty {
                id: card.id.clone(),
                field,
            }));
        }
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_line_of_more_than_twenty_words_is_reported() {
        let twenty = ["word"; SPOKEN_WORDS].join(" ");
        assert_eq!(validate(&[card_saying(&twenty)]), []);
        let card = card_saying(&format!("{twenty} more"));
        let problems = validate(std::slice::from_ref(&card));
        let too_many = CatalogProblem::TooManyWords {
            id: card.id.clone(),
            field: "spoken.setup",
            most: SPOKEN_WORDS,
        };
        assert_eq!(problems, std::slice::from_ref(&too_many));
        assert_eq!(
            too_many.to_string(),
            format!("'{}': spoken.setup is longer than 20 words", card.id)
        );
    }

    #[test]
    fn a_symbol_or_a_digit_is_reported() {
        for (line, found) in [
            ("Roll slowly (gently) to the heel.", '('),
            ("Roll slowly for 30 seconds.", '3'),
            ("Roll up & down.", '&'),
            ("Roll up: slowly.", ':'),
            ("Roll about 2.5 cm a second.", '2'),
        ] {
            let mut card = card_saying("Stand by a wall.");
            card.spoken.rolling = line.to_owned();
            let problems = validate(std::slice::from_ref(&card));
            let unspeakable = CatalogProblem::Unspeakable {
                id: card.id.clone(),
                field: "spoken.rolling",
                found,
            };
            assert_eq!(problems, std::slice::from_ref(&unspeakable), "{line}");
            let words = unspeakable.to_string();
            assert!(words.contains(&card.id) && words.contains("spoken.rolling"));
        }
    }

    /// The problems of the built-in card `id` with its picture changed.
    fn picture_problems_of(id: &str, change: impl FnOnce(&mut Illustration)) -> Vec<String> {
        let mut card = Catalog::builtin().unwrap().get(id).unwrap().clone();
        change(&mut card.illustration);
        validate(&[card]).iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn a_picture_without_a_facing_cue_is_reported() {
        let problems = picture_problems_of("chest", |ill| ill.pose.facing = Point(0.0, 0.0));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("'chest': in its picture, pose.facing"));
    }

    #[test]
    fn a_tool_away_from_the_area_worked_is_reported() {
        let problems = picture_problems_of("quads", |ill| {
            ill.equipment.at = ill.equipment.at.offset(0.0, 60.0);
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("does not touch the area worked"));
    }

    #[test]
    fn a_ball_on_the_spine_is_reported() {
        let problems = picture_problems_of("lower-back", |ill| {
            if let Some(inset) = &mut ill.inset {
                inset.ball.0 = 1.0;
            }
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("inset.ball is on the spine"));
    }

    #[test]
    fn a_tool_of_no_sensible_size_is_reported() {
        let problems = picture_problems_of("calves", |ill| ill.equipment.diameter = 40.0);
        assert!(
            problems.iter().any(|p| p.contains("equipment.diameter")),
            "{problems:?}"
        );
    }

    #[test]
    fn an_area_no_exercise_works_is_reported() {
        let mut all = Catalog::builtin().unwrap().exercises().to_vec();
        assert_eq!(areas_without_exercise(&all), []);
        all.retain(|e| e.area != crate::model::Area::Forearms);
        let problems = areas_without_exercise(&all);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "no exercise works the area 'forearms'"
        );
    }

    #[test]
    fn plain_words_and_their_marks_pass() {
        let card = card_saying(
            "Roll slowly to a hand's width above the knee-cap, and back. Follow the beat.",
        );
        assert_eq!(validate(&[card]), []);
    }
}
