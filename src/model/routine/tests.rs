//! The one check of a routine, and new routines and steps.

use super::*;
use crate::catalog::Catalog;
use crate::model::limits::step;

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn check(routine: &Routine) -> Vec<RoutineProblem> {
    let catalog = catalog();
    routine.problems(|id| catalog.get(id).is_some())
}

fn one_step(step: Step) -> Routine {
    Routine {
        steps: vec![step],
        ..Routine::new("Mine")
    }
}

fn calves() -> Step {
    Step {
        exercise: "calves".into(),
        sides: StepSides::LeftThenRight,
        roll_seconds: 30,
        holds: 1,
        hold_seconds: Some(20),
        rest_seconds: Some(10),
        pace_cm_per_s: None,
        stroke_cm: None,
        more_on: None,
    }
}

#[test]
fn every_built_in_routine_passes() {
    let catalog = catalog();
    assert!(!catalog.routines().is_empty());
    for r in catalog.routines() {
        assert_eq!(check(r), [], "{}", r.name);
    }
}

#[test]
fn every_card_makes_steps_that_pass() {
    let catalog = catalog();
    let right_first = Settings {
        first_side: FirstSide::Right,
        hold_seconds: *step::HOLD_SECONDS.end(),
        rest_seconds: *step::REST_SECONDS.end(),
        ..Settings::default()
    };
    for settings in [Settings::default(), right_first] {
        let mut all = Routine::new("Everything");
        for e in catalog.exercises() {
            let single = Routine::single_exercise(e, &settings);
            assert_eq!(check(&single), [], "{}", e.id);
            all.steps.push(Step::from_exercise(e, &settings));
        }
        assert_eq!(check(&all), []);
    }
}

#[test]
fn the_editors_widest_values_load_and_pass() {
    // Hold 5 s and rest 120 s were accepted by the editor, refused by the
    // catalog's old table: a file with them loads unchanged and passes.
    let text = r#"(
        version: 1,
        name: "Short holds, long rests",
        steps: [
            (exercise: "calves", sides: LeftThenRight, roll_seconds: 15, holds: 5,
             hold_seconds: 5, rest_seconds: 120, pace_cm_per_s: Some(1.0), stroke_cm: Some(5.0)),
            (exercise: "quads", roll_seconds: 180, holds: 1, hold_seconds: 120,
             rest_seconds: 0, pace_cm_per_s: Some(5.0), stroke_cm: Some(60.0)),
        ],
    )"#;
    let routine: Routine = ron::from_str(text).unwrap();
    assert_eq!(routine.steps[0].hold_seconds, Some(5));
    assert_eq!(routine.steps[0].rest_seconds, Some(120));
    assert_eq!(check(&routine), []);
}

#[test]
fn each_problem_is_found_where_it_is_with_the_tables_numbers() {
    let bad = Step {
        roll_seconds: step::ROLL_SECONDS.end() + 1,
        holds: step::HOLDS.end() + 1,
        hold_seconds: Some(step::HOLD_SECONDS.start() - 1),
        rest_seconds: Some(step::REST_SECONDS.end() + 1),
        pace_cm_per_s: Some(step::PACE_CM_PER_S.end() + 0.5),
        stroke_cm: Some(step::STROKE_CM.start() - 1.0),
        ..calves()
    };
    let routine = Routine {
        steps: vec![calves(), bad],
        ..Routine::new("Mine")
    };
    let problems = check(&routine);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Rolling must last 15 to 180 seconds.",
            "Hold 0 to 5 tender spots.",
            "A hold must be 5 to 120 seconds.",
            "Rest 0 to 120 seconds.",
            "The pace must be 1 to 5 cm a second.",
            "A stroke must be 5 to 60 cm long.",
        ]
    );
    assert!(problems.iter().all(|p| p.step == Some(1)));
    // The numbers are the table's, not written out by hand.
    let table = [
        describe_range(&step::ROLL_SECONDS, "seconds"),
        describe_range(&step::HOLDS, "tender spots"),
        describe_range(&step::HOLD_SECONDS, "seconds"),
        describe_range(&step::REST_SECONDS, "seconds"),
        describe_range(&step::PACE_CM_PER_S, "cm"),
        describe_range(&step::STROKE_CM, "cm"),
    ];
    for (message, words) in messages.iter().zip(&table) {
        assert!(message.contains(words.as_str()), "{message} / {words}");
    }
}

#[test]
fn a_holds_length_only_matters_when_there_are_holds() {
    let no_holds = Step {
        holds: 0,
        hold_seconds: Some(0),
        ..calves()
    };
    assert_eq!(check(&one_step(no_holds.clone())), []);
    let one_hold = Step {
        holds: 1,
        ..no_holds
    };
    assert_eq!(check(&one_step(one_hold)).len(), 1);
}

#[test]
fn a_pace_that_is_not_a_number_is_refused() {
    let step = Step {
        pace_cm_per_s: Some(f32::NAN),
        ..calves()
    };
    assert_eq!(check(&one_step(step)).len(), 1);
}

#[test]
fn the_routine_itself_needs_a_name_of_sensible_length_and_a_step() {
    let empty = Routine::new("  ");
    assert_eq!(
        check(&empty),
        [
            RoutineProblem {
                step: None,
                message: "Give the routine a name.".into()
            },
            RoutineProblem {
                step: None,
                message: "Add at least one exercise.".into()
            },
        ]
    );
    let most = limits::routine::NAME_CHARS;
    // Characters, not bytes, are counted.
    let longest = one_step(calves());
    let longest = Routine {
        name: "é".repeat(most),
        ..longest
    };
    assert_eq!(check(&longest), []);
    let too_long = Routine {
        name: "é".repeat(most + 1),
        ..longest
    };
    let problems = check(&too_long);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].step, None);
    assert!(problems[0].message.contains(&most.to_string()));
}

#[test]
fn unknown_exercises_are_named() {
    let routine = Routine {
        steps: vec![
            calves(),
            Step {
                exercise: "earlobes".into(),
                ..calves()
            },
        ],
        ..Routine::new("Odd")
    };
    let problems = check(&routine);
    assert_eq!(
        problems,
        [RoutineProblem {
            step: Some(1),
            message: "'earlobes' is not an exercise of the library.".into()
        }]
    );
    assert_eq!(
        problems[0].to_string(),
        "Exercise 2: 'earlobes' is not an exercise of the library."
    );
    assert_eq!(
        routine.problems(|_| true),
        [],
        "the library is the caller's"
    );
}

#[test]
fn a_routines_own_problem_reads_without_an_exercise_number() {
    let problem = RoutineProblem {
        step: None,
        message: "Add at least one exercise.".into(),
    };
    assert_eq!(problem.to_string(), "Add at least one exercise.");
}

#[test]
fn new_steps_take_the_card_and_the_settings() {
    let catalog = catalog();
    let settings = Settings {
        hold_seconds: 33,
        rest_seconds: 44,
        first_side: FirstSide::Right,
        ..Settings::default()
    };
    let calves = catalog.get("calves").unwrap();
    assert_eq!(calves.sides, Sides::OneAtATime);
    let step = Step::from_exercise(calves, &settings);
    assert_eq!(
        step,
        Step {
            exercise: "calves".into(),
            sides: StepSides::RightThenLeft,
            roll_seconds: calves.timings.roll_seconds,
            holds: calves.timings.holds,
            hold_seconds: None,
            rest_seconds: None,
            pace_cm_per_s: None,
            stroke_cm: None,
            more_on: None,
        }
    );
    let back = catalog.get("lower-back").unwrap();
    assert_eq!(
        Step::from_exercise(back, &settings).sides,
        StepSides::Together
    );

    let single = Routine::single_exercise(calves, &settings);
    assert_eq!(single.name, calves.name);
    assert_eq!(single.version, ROUTINE_VERSION);
    assert_eq!(
        single.steps,
        [Step {
            rest_seconds: Some(0),
            ..step.clone()
        }]
    );
    // The step follows the settings: what they say now, and after a change.
    assert_eq!(step.hold_seconds_with(&settings), 33);
    assert_eq!(step.rest_seconds_with(&settings), 44);
    let later = Settings {
        hold_seconds: 40,
        ..settings
    };
    assert_eq!(step.hold_seconds_with(&later), 40);
}

#[test]
fn sides_start_on_the_chosen_side() {
    use StepSides::*;
    let cases = [
        (Sides::Together, FirstSide::Left, Together),
        (Sides::Together, FirstSide::Right, Together),
        (Sides::OneAtATime, FirstSide::Left, LeftThenRight),
        (Sides::OneAtATime, FirstSide::Right, RightThenLeft),
    ];
    for (sides, first, expected) in cases {
        assert_eq!(StepSides::for_exercise(sides, first), expected);
    }
}

#[test]
fn a_new_routine_is_empty_and_current() {
    let r = Routine::new("Morning");
    assert_eq!(r.name, "Morning");
    assert_eq!(r.version, ROUTINE_VERSION);
    assert!(r.description.is_empty());
    assert!(r.steps.is_empty());
}
