//! The built-in library: complete, in range, bottom-up, and checked.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use rollcoach::catalog::{Catalog, CatalogProblem, validate};
use rollcoach::model::{BodyRegion, Sides};

#[test]
fn loads_at_least_sixteen_complete_exercises() {
    let catalog = Catalog::builtin().unwrap_or_else(|p| panic!("catalog problems: {p:?}"));
    assert!(catalog.exercises().len() >= 16);
    assert!(validate(catalog.exercises()).is_empty());
}

#[test]
fn covers_the_body_from_the_feet_up() {
    let catalog = Catalog::builtin().unwrap();
    let ids: Vec<&str> = catalog.exercises().iter().map(|e| e.id.as_str()).collect();
    let wanted = [
        "sole-of-foot",
        "shins",
        "calves",
        "hamstrings",
        "quads",
        "it-band",
        "adductors",
        "piriformis",
        "glutes",
        "hip-flexors",
        "lower-back",
        "upper-back",
        "lats",
        "traps",
        "chest",
        "forearms",
    ];
    for id in wanted {
        assert!(ids.contains(&id), "missing {id}");
    }
    for region in BodyRegion::ALL {
        assert!(
            catalog.exercises().iter().any(|e| e.region == region),
            "no exercise for {region:?}"
        );
    }
    let regions: Vec<BodyRegion> = catalog.exercises().iter().map(|e| e.region).collect();
    let mut sorted = regions.clone();
    sorted.sort();
    assert_eq!(regions, sorted, "bottom-up order");
    assert_eq!(ids[0], "sole-of-foot");
}

#[test]
fn every_card_has_a_picture_with_its_tool_true_to_size() {
    let catalog = Catalog::builtin().unwrap();
    for e in catalog.exercises() {
        let d = e.illustration.equipment.diameter;
        let main = e.main_tool().unwrap();
        if main.is_ball() {
            assert!(
                (5.0..=8.0).contains(&d),
                "{}: a ball is 6-7 cm, not {d}",
                e.id
            );
        } else {
            assert!(
                (13.0..=16.0).contains(&d),
                "{}: a roller is about 15 cm, not {d}",
                e.id
            );
        }
        let pose = &e.illustration.pose;
        let torso = ((pose.shoulder.0 - pose.hip.0).powi(2)
            + (pose.shoulder.1 - pose.hip.1).powi(2))
        .sqrt();
        assert!((40.0..=60.0).contains(&torso), "{}: torso {torso} cm", e.id);
    }
}

#[test]
fn lower_back_work_is_beside_the_spine_never_on_it() {
    let catalog = Catalog::builtin().unwrap();
    let e = catalog.get("lower-back").unwrap();
    assert!(e.name.contains("beside the spine"));
    assert!(e.avoid.iter().any(|a| a.to_lowercase().contains("spine")));
    assert_eq!(e.sides, Sides::Together);
}

#[test]
fn the_checks_catch_broken_cards() {
    let mut exercises = Catalog::builtin().unwrap().exercises().to_vec();
    exercises[1].id = exercises[0].id.clone();
    exercises[2].setup.clear();
    exercises[3].timings.hold_seconds = 500;
    exercises[4].illustration = Default::default();
    exercises[5].region = BodyRegion::Feet;
    exercises[6].id = "Bad Id".into();
    let problems = validate(&exercises);
    let first = exercises[0].id.clone();
    assert!(problems.contains(&CatalogProblem::DuplicateId(first)));
    assert!(problems.contains(&CatalogProblem::Empty {
        id: exercises[2].id.clone(),
        field: "setup"
    }));
    assert!(problems.contains(&CatalogProblem::OutOfRange {
        id: exercises[3].id.clone(),
        field: "hold_seconds"
    }));
    assert!(problems.contains(&CatalogProblem::MissingIllustration(
        exercises[4].id.clone()
    )));
    assert!(problems.contains(&CatalogProblem::OutOfOrder(exercises[5].id.clone())));
    assert!(problems.contains(&CatalogProblem::BadId("Bad Id".into())));
}

#[test]
fn a_picture_without_an_exercise_is_reported() {
    let exercises = std::fs::read_to_string("assets/exercises.ron").unwrap();
    let pictures = std::fs::read_to_string("assets/illustrations.ron").unwrap();
    let extra = pictures.replacen("\"shins\"", "\"shinz\"", 1);
    let problems = Catalog::from_ron(&exercises, &extra).unwrap_err();
    assert!(problems.contains(&CatalogProblem::OrphanIllustration("shinz".into())));
    assert!(problems.contains(&CatalogProblem::MissingIllustration("shins".into())));
}

#[test]
fn a_syntax_error_is_reported_not_a_panic() {
    let problems = Catalog::from_ron("[ ( id: ", "{}").unwrap_err();
    assert!(matches!(
        problems[0],
        CatalogProblem::Parse {
            file: "exercises.ron",
            ..
        }
    ));
    assert!(problems[0].to_string().starts_with("exercises.ron:"));
}

#[test]
fn every_built_in_routine_passes_the_one_routine_check() {
    let catalog = Catalog::builtin().unwrap();
    for r in catalog.routines() {
        assert_eq!(catalog.routine_problems(r), [], "{}", r.name);
    }
}

#[test]
fn card_timings_are_checked_with_a_steps_limits() {
    // A step allows holds of 5 to 120 s, so a card does too: the widest
    // range of the old tables wins.
    use rollcoach::model::limits::step;
    let exercises = Catalog::builtin().unwrap().exercises().to_vec();
    let out_of_range = |hold: u32, stroke: f32| {
        let mut cards = exercises.clone();
        cards[0].timings.hold_seconds = hold;
        cards[0].timings.stroke_cm = stroke;
        validate(&cards)
    };
    let (shortest, longest) = (*step::HOLD_SECONDS.start(), *step::HOLD_SECONDS.end());
    assert_eq!(out_of_range(shortest, *step::STROKE_CM.start()), []);
    assert_eq!(out_of_range(longest, *step::STROKE_CM.end()), []);
    let id = exercises[0].id.clone();
    let hold = CatalogProblem::OutOfRange {
        id: id.clone(),
        field: "hold_seconds",
    };
    let stroke = CatalogProblem::OutOfRange {
        id,
        field: "stroke_cm",
    };
    assert_eq!(
        out_of_range(shortest - 1, step::STROKE_CM.start() - 1.0),
        [hold.clone(), stroke.clone()]
    );
    assert_eq!(
        out_of_range(longest + 1, step::STROKE_CM.end() + 1.0),
        [hold, stroke]
    );
}

#[test]
fn broken_built_in_routines_are_reported_in_the_editors_words() {
    let catalog = Catalog::builtin().unwrap();
    let exercises = std::fs::read_to_string("assets/exercises.ron").unwrap();
    let pictures = std::fs::read_to_string("assets/illustrations.ron").unwrap();
    let routines = r#"[
        (name: "Feet", steps: [(exercise: "calves", roll_seconds: 30)]),
        (name: "feet", steps: [(exercise: "nose", roll_seconds: 30)]),
        (name: "Slow", steps: [(exercise: "calves", roll_seconds: 30), (exercise: "quads", roll_seconds: 900)]),
        (name: " ", steps: []),
    ]"#;
    let problems = Catalog::from_ron(&exercises, &pictures)
        .unwrap()
        .with_routines(routines)
        .unwrap_err();
    let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [
            "two routines are called 'feet'",
            "routine 'feet': Exercise 1: 'nose' is not an exercise of the library.",
            "routine 'Slow': Exercise 2: Rolling must last 15 to 180 seconds.",
            "routine ' ': Give the routine a name.",
            "routine ' ': Add at least one exercise.",
        ]
    );
    assert!(matches!(
        &problems[2],
        CatalogProblem::BadRoutine { routine, problem }
            if routine == "Slow" && problem.step == Some(1)
    ));
    assert_eq!(catalog.routines().len(), 4, "the real ones are fine");
}

#[test]
fn search_matches_each_word_singular_or_plural_and_skips_how_it_feels() {
    let catalog = Catalog::builtin().unwrap();
    let found = |text: &str| -> Vec<String> {
        catalog
            .exercises()
            .iter()
            .filter(|e| e.matches_search(text))
            .map(|e| e.name.clone())
            .collect()
    };
    for text in [
        "calf",
        "calves",
        "sore calves",
        "Calves!",
        "tight calf muscles",
        "calv",
    ] {
        assert!(
            found(text).contains(&"Calves".to_owned()),
            "{text}: {:?}",
            found(text)
        );
    }
    // A region's name finds what is in it.
    let lower_legs = found("lower leg");
    assert!(lower_legs.contains(&"Calves".to_owned()), "{lower_legs:?}");
    assert!(
        lower_legs.iter().any(|n| n.starts_with("Shins")),
        "{lower_legs:?}"
    );
    assert!(
        found("sore feet")
            .iter()
            .any(|n| n.starts_with("Sole of the foot"))
    );
    assert!(found("glute").len() >= 2, "Glutes and the deep glute");
    assert!(found("hamstrings")[0].starts_with("Hamstrings"));
    // Every word counts, and nonsense finds nothing.
    assert!(found("calves shoulders").is_empty());
    assert!(found("zzz").is_empty());
    // Only words about feeling: no filter at all.
    assert_eq!(found("sore and tight").len(), catalog.exercises().len());
}

/// Each stroke starts where the card's words say: the picture's roll path
/// runs from the body part the card starts at toward the one it ends at,
/// so the marker (and the track's start end) agree with the words.
#[test]
fn every_stroke_starts_where_its_card_says() {
    use rollcoach::model::illustration::{Point, Pose};
    let head = |p: &Pose| p.head;
    let shoulder = |p: &Pose| p.shoulder;
    let hip = |p: &Pose| p.hip;
    let elbow = |p: &Pose| p.near_arm.elbow;
    let wrist = |p: &Pose| p.near_arm.wrist;
    let knee = |p: &Pose| p.near_leg.knee;
    let ankle = |p: &Pose| p.near_leg.ankle;
    let toe = |p: &Pose| p.near_leg.toe;
    type Joint = fn(&Pose) -> Point;
    // The body part nearest each end of the card's roll path, as the card's
    // words (roll.from, roll.to) name them.
    let ends: [(&str, Joint, Joint); 16] = [
        // The ball of the foot, then the heel.
        ("sole-of-foot", toe, ankle),
        ("shins", knee, ankle),
        ("calves", ankle, knee),
        ("hamstrings", knee, hip),
        ("quads", hip, knee),
        ("it-band", hip, knee),
        ("adductors", knee, hip),
        // From the lower buttock up toward the back.
        ("glutes", hip, shoulder),
        // From the middle of the buttock back toward the back of the hip.
        ("piriformis", knee, hip),
        // From below the hip bone down to the crease.
        ("hip-flexors", hip, knee),
        ("lower-back", hip, shoulder),
        ("upper-back", hip, shoulder),
        ("lats", shoulder, hip),
        // From the base of the neck down toward the shoulder's tip.
        ("traps", head, shoulder),
        ("shoulder-blade", hip, shoulder),
        ("forearms", elbow, wrist),
    ];
    let catalog = Catalog::builtin().unwrap();
    for (id, from, to) in ends {
        let e = catalog.get(id).unwrap();
        let ill = &e.illustration;
        let path = (
            ill.path.to.0 - ill.path.from.0,
            ill.path.to.1 - ill.path.from.1,
        );
        let (a, b) = (from(&ill.pose), to(&ill.pose));
        let body = (b.0 - a.0, b.1 - a.1);
        assert!(
            path.0 * body.0 + path.1 * body.1 > 0.0,
            "{id}: the card rolls from {} to {}, the picture the other way",
            e.roll.from,
            e.roll.to
        );
    }
    // The chest rolls sideways, across the view: only up and down shows.
    let listed: Vec<&str> = ends.iter().map(|(id, _, _)| *id).collect();
    for e in catalog.exercises() {
        assert!(
            listed.contains(&e.id.as_str()) || e.id == "chest",
            "{}: say which way its stroke goes",
            e.id
        );
    }
}

#[test]
fn every_card_names_both_ends_of_its_stroke_in_a_few_words() {
    use rollcoach::model::limits::card::TRACK_LABEL_CHARS;
    let catalog = Catalog::builtin().unwrap();
    assert_eq!(catalog.exercises().len(), 17);
    for e in catalog.exercises() {
        for label in [&e.roll.from_label, &e.roll.to_label] {
            assert!(!label.trim().is_empty(), "{}: an end without a label", e.id);
            assert!(
                label.chars().count() <= TRACK_LABEL_CHARS,
                "{}: '{label}' is too long for the track",
                e.id
            );
        }
    }
    let mut exercises = catalog.exercises().to_vec();
    exercises[0].roll.from_label.clear();
    exercises[1].roll.to_label = "Just a little way above the top of the ankle".into();
    let problems = validate(&exercises);
    assert!(problems.contains(&CatalogProblem::Empty {
        id: exercises[0].id.clone(),
        field: "roll.from_label"
    }));
    assert!(problems.contains(&CatalogProblem::TooLong {
        id: exercises[1].id.clone(),
        field: "roll.to_label",
        most: TRACK_LABEL_CHARS
    }));
}

#[test]
fn every_card_tells_the_voice_how_to_start_and_roll() {
    // The player says the exercise's name and the side before these
    // lines, so they say neither.
    let catalog = Catalog::builtin().unwrap();
    for e in catalog.exercises() {
        for line in [&e.spoken.setup, &e.spoken.rolling] {
            let words: Vec<String> = line
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect();
            assert!(
                !words.iter().any(|w| w == "left" || w == "right"),
                "{}: '{line}' names a side",
                e.id
            );
            assert!(
                !line.to_lowercase().starts_with(&e.name.to_lowercase()),
                "{}: '{line}' starts with the name",
                e.id
            );
        }
    }
    let mut exercises = catalog.exercises().to_vec();
    exercises[0].spoken.rolling = "Roll about 2.5 cm (one inch) a second.".into();
    assert!(validate(&exercises).contains(&CatalogProblem::Unspeakable {
        id: exercises[0].id.clone(),
        field: "spoken.rolling",
        found: '2'
    }));
}

#[test]
fn a_card_without_its_spoken_lines_does_not_load() {
    let exercises = std::fs::read_to_string("assets/exercises.ron").unwrap();
    let pictures = std::fs::read_to_string("assets/illustrations.ron").unwrap();
    let start = exercises.find("spoken: (").unwrap();
    let end = start + exercises[start..].find("),").unwrap() + 2;
    let without = format!("{}{}", &exercises[..start], &exercises[end..]);
    let problems = Catalog::from_ron(&without, &pictures).unwrap_err();
    assert!(
        problems[0].to_string().starts_with("exercises.ron:")
            && problems[0].to_string().contains("spoken"),
        "{problems:?}"
    );
}
