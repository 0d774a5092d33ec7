//! The user's routine files: safe names, round trips, forgiving loads, and
//! a broken file never touched.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use proptest::prelude::*;
use rollcoach::catalog::Catalog;
use rollcoach::model::routine::ROUTINE_VERSION;
use rollcoach::model::{MoreOn, Routine, Side, Step, StepSides};
use rollcoach::store::{DataDir, RoutineFiles, parse_routine, safe_file_stem};

fn routine(name: &str) -> Routine {
    Routine {
        version: ROUTINE_VERSION,
        name: name.into(),
        description: "Mine".into(),
        steps: vec![Step {
            exercise: "calves".into(),
            sides: StepSides::RightThenLeft,
            roll_seconds: 50,
            holds: 2,
            hold_seconds: Some(25),
            rest_seconds: Some(5),
            pace_cm_per_s: Some(2.0),
            stroke_cm: Some(22.5),
            more_on: Some(MoreOn {
                side: Side::Left,
                roll_seconds: 20,
            }),
        }],
    }
}

#[test]
fn hostile_names_make_safe_file_names() {
    assert_eq!(safe_file_stem("../../x"), "x");
    assert_eq!(safe_file_stem("con"), "con-routine");
    assert_eq!(safe_file_stem("LPT1"), "lpt1-routine");
    assert_eq!(safe_file_stem(""), "routine");
    assert_eq!(safe_file_stem("🦶🧘"), "routine");
    assert_eq!(safe_file_stem("Morning 🦶 feet!"), "morning-feet");
    assert_eq!(safe_file_stem("a/b\\c:d*e"), "a-b-c-d-e");
    let long = safe_file_stem(&"x".repeat(300));
    assert!(long.len() <= 60);
    for name in [
        "../../x",
        "con",
        "",
        "🦶",
        &"y".repeat(300),
        "C:\\Windows",
        ".hidden",
    ] {
        let stem = safe_file_stem(name);
        assert!(!stem.is_empty() && stem.len() <= 60, "{name:?} -> {stem:?}");
        assert!(
            stem.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
        assert!(!stem.starts_with('-') && !stem.ends_with('-'), "{stem}");
    }
}

#[test]
fn routines_round_trip_and_same_names_get_their_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    let a = files.save_new(&routine("Legs day")).unwrap();
    let b = files.save_new(&routine("Legs day")).unwrap();
    assert_ne!(a.path, b.path);
    assert!(a.path.ends_with("routines/legs-day.ron"));
    assert!(b.path.ends_with("routines/legs-day-2.ron"));
    let loaded = files.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.routines.len(), 2, "both show up");
    assert_eq!(loaded.routines[0].routine, routine("Legs day"));
    let text = std::fs::read_to_string(&a.path).unwrap();
    assert!(
        text.contains(&format!("version: {ROUTINE_VERSION}")),
        "{text}"
    );
    assert!(text.contains("more_on: Some(("), "{text}");
    assert!(text.contains("\n"), "pretty-printed");
}

#[test]
fn hand_written_and_older_files_load() {
    let text = r#"
        // My own routine, written by hand.
        (
            name: "Quick calves",
            steps: [
                (exercise: "calves", roll_seconds: 30), // holds, rest and sides take defaults
            ],
            some_field_from_the_future: true,
        )
    "#;
    let r = parse_routine(text).unwrap();
    assert_eq!(r.name, "Quick calves");
    assert_eq!(r.version, ROUTINE_VERSION, "no version: the current one");
    assert_eq!(r.steps[0].sides, StepSides::Together);
    assert_eq!(r.steps[0].hold_seconds, None, "the settings' default");
    assert_eq!(r.steps[0].rest_seconds, None);
}

#[test]
fn a_version_1_file_loads_with_its_numbers_as_its_own() {
    // As the editor wrote them before steps could follow the settings:
    // every number written out, and a hand-written step that left them out.
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    std::fs::create_dir_all(files.dir()).unwrap();
    let text = "(\n    version: 1,\n    name: \"Old legs\",\n    description: \"\",\n    steps: [\n        (\n            exercise: \"calves\",\n            sides: LeftThenRight,\n            roll_seconds: 45,\n            holds: 1,\n            hold_seconds: 20,\n            rest_seconds: 10,\n            pace_cm_per_s: None,\n            stroke_cm: None,\n        ),\n        (exercise: \"quads\", roll_seconds: 40, holds: 2),\n    ],\n)\n";
    let path = files.dir().join("old-legs.ron");
    std::fs::write(&path, text).unwrap();
    let loaded = files.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let old = &loaded.routines[0].routine;
    let timings: Vec<_> = old
        .steps
        .iter()
        .map(|s| (s.hold_seconds, s.rest_seconds, s.pace_cm_per_s))
        .collect();
    // Version 1 had no "default" hold or rest: 20 s and 10 s were the
    // step's own, so a changed setting does not change this routine.
    assert_eq!(
        timings,
        [(Some(20), Some(10), None), (Some(20), Some(10), None)]
    );
    assert_eq!(old.version, ROUTINE_VERSION);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");

    // Saved again, it says so in the new format, and reads back the same.
    files.save(&loaded.routines[0]).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(&format!("version: {ROUTINE_VERSION}")),
        "{saved}"
    );
    assert!(saved.contains("hold_seconds: Some(20)"), "{saved}");
    assert_eq!(&files.load_all().routines[0].routine, old);
}

#[test]
fn a_step_left_to_the_defaults_round_trips_as_none() {
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    let mut mine = routine("Defaults");
    mine.steps.push(Step {
        exercise: "quads".into(),
        sides: StepSides::Together,
        roll_seconds: 40,
        holds: 1,
        hold_seconds: None,
        rest_seconds: None,
        pace_cm_per_s: None,
        stroke_cm: None,
        more_on: None,
    });
    let file = files.save_new(&mine).unwrap();
    let text = std::fs::read_to_string(&file.path).unwrap();
    assert_eq!(text.matches("hold_seconds: None").count(), 1, "{text}");
    assert_eq!(text.matches("rest_seconds: None").count(), 1, "{text}");
    assert!(text.contains("hold_seconds: Some(25)"), "{text}");
    let loaded = files.load_all();
    assert_eq!(loaded.routines[0].routine, mine);
    assert_eq!(parse_routine(&text).unwrap(), mine);
}

#[test]
fn a_broken_file_is_reported_and_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    std::fs::create_dir_all(files.dir()).unwrap();
    let broken_path = files.dir().join("legs.ron");
    let broken = b"(\n  name: \"Legs\",\n  steps: [ (exercise: \"quads\", roll_seconds: ) ],\n)\n";
    std::fs::write(&broken_path, broken).unwrap();
    let loaded = files.load_all();
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.problems[0].message.starts_with("line 3, column"),
        "{}",
        loaded.problems[0]
    );
    // Saving other routines, even one with the same name, leaves it alone.
    let other = files.save_new(&routine("Legs")).unwrap();
    assert_ne!(other.path, broken_path);
    files.save(&other).unwrap();
    assert_eq!(std::fs::read(&broken_path).unwrap(), broken);
}

#[test]
fn oversized_and_binary_files_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    std::fs::create_dir_all(files.dir()).unwrap();
    std::fs::write(files.dir().join("big.ron"), vec![b' '; 2 * 1024 * 1024]).unwrap();
    std::fs::write(files.dir().join("bin.ron"), [0xff, 0xfe, 0x00, 0x81]).unwrap();
    let loaded = files.load_all();
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.message.clone()).collect();
    assert!(
        messages.iter().any(|m| m.contains("too large")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("not a text file")),
        "{messages:?}"
    );
}

#[test]
fn a_crash_between_writing_and_renaming_leaves_the_old_file() {
    // The temp file is written beside the target and only renamed when
    // complete: a crash before the rename leaves the old file and a stray
    // temp file, which loading ignores.
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    let saved = files.save_new(&routine("Feet")).unwrap();
    let before = std::fs::read(&saved.path).unwrap();
    std::fs::write(files.dir().join(".rollcoach-crash.tmp"), b"(name: \"Fe").unwrap();
    assert_eq!(std::fs::read(&saved.path).unwrap(), before);
    let loaded = files.load_all();
    assert_eq!(loaded.routines.len(), 1);
    assert!(loaded.problems.is_empty());
}

#[test]
fn built_in_routines_survive_a_round_trip_through_files() {
    let catalog = Catalog::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    for r in catalog.routines() {
        files.save_new(r).unwrap();
    }
    let loaded = files.load_all();
    assert_eq!(loaded.routines.len(), catalog.routines().len());
    for r in catalog.routines() {
        assert!(
            loaded.routines.iter().any(|f| &f.routine == r),
            "{}",
            r.name
        );
    }
}

proptest! {
    #[test]
    fn any_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_routine(&text);
    }

    #[test]
    fn any_name_maps_to_a_safe_stem(name in ".{0,300}") {
        let stem = safe_file_stem(&name);
        prop_assert!(!stem.is_empty() && stem.len() <= 60);
        prop_assert!(stem.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    }
}

#[test]
fn routines_the_editor_accepted_load_unchanged_and_pass() {
    // Holds of 5 s and rests of 120 s were allowed by the editor but not by
    // the catalog's old table: they load, unchanged, and pass the check.
    let catalog = Catalog::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(dir.path()));
    std::fs::create_dir_all(files.dir()).unwrap();
    let text = "(name: \"Quick holds\", steps: [(exercise: \"calves\", roll_seconds: 15, \
                holds: 5, hold_seconds: 5, rest_seconds: 120), (exercise: \"quads\", \
                roll_seconds: 180, holds: 1, hold_seconds: 120, rest_seconds: 0)])";
    let path = files.dir().join("quick.ron");
    std::fs::write(&path, text).unwrap();
    let loaded = files.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let routine = &loaded.routines[0].routine;
    assert_eq!(routine.steps[0].hold_seconds, Some(5));
    assert_eq!(routine.steps[0].rest_seconds, Some(120));
    assert_eq!(routine.steps[1].hold_seconds, Some(120));
    assert_eq!(catalog.routine_problems(routine), []);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
}

#[test]
fn only_routine_files_of_the_folder_are_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let files = RoutineFiles::new(&data);
    let mine = files.save_new(&routine("Mine")).unwrap();
    std::fs::write(data.settings_file(), "()").unwrap();
    assert!(files.delete(&data.settings_file()).is_err());
    assert!(files.delete(&files.dir().join("../settings.ron")).is_err());
    assert!(data.settings_file().exists());
    files.delete(&mine.path).unwrap();
    assert!(files.load_all().routines.is_empty());
}
