//! The command line: help, version, the exercise list, and clear errors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::process::Command;

fn rollcoach(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rollcoach"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

#[test]
fn help_lists_the_options() {
    let out = rollcoach(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--data-dir",
        "--list-exercises",
        "--list-routines",
        "--start",
        "--version",
        "--help",
    ] {
        assert!(text.contains(flag), "{flag} in {text}");
    }
}

#[test]
fn version_prints_the_version() {
    let out = rollcoach(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("rollcoach {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn list_exercises_prints_one_line_each() {
    let out = rollcoach(&["--list-exercises"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let catalog = rollcoach::catalog::Catalog::builtin().unwrap();
    assert_eq!(lines.len(), catalog.exercises().len());
    assert_eq!(
        lines[0],
        "sole-of-foot\tSole of the foot\tfeet\tlacrosse-ball,tennis-ball,cricket-ball"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("quads\tQuads\tthighs\tfoam-roller"))
    );
}

#[test]
fn wrong_arguments_fail_with_a_message() {
    let out = rollcoach(&["--frobnicate"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--frobnicate"), "{err}");
    assert!(err.contains("--help"), "{err}");

    let out = rollcoach(&["--data-dir"]);
    assert!(!out.status.success());
    assert!(String::from_utf8(out.stderr).unwrap().contains("DIR"));
}

#[test]
fn list_routines_prints_their_names() {
    let out = rollcoach(&["--list-routines"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        vec![
            "Full body, feet to shoulders",
            "Feet and calves",
            "After a run",
            "Desk worker"
        ]
    );
}

#[test]
fn start_with_an_unknown_routine_lists_the_real_ones() {
    let out = rollcoach(&["--start", "Neck massage deluxe"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no routine called \"Neck massage deluxe\""),
        "{err}"
    );
    assert!(err.contains("  Feet and calves"), "{err}");
}

fn data_dir_with_a_routine() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("routines")).unwrap();
    std::fs::write(
        dir.path().join("routines/my-feet.ron"),
        "(name: \"My feet\", steps: [(exercise: \"sole-of-foot\", roll_seconds: 30)])",
    )
    .unwrap();
    dir
}

#[test]
fn saved_routines_are_listed_and_found() {
    let dir = data_dir_with_a_routine();
    let d = dir.path().to_str().unwrap();
    let out = rollcoach(&["--data-dir", d, "--list-routines"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .any(|l| l == "My feet")
    );
    let out = rollcoach(&["--data-dir", d, "--start", "no such routine"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("  My feet"));
}

#[test]
fn check_reports_each_problem_with_file_line_and_column() {
    let dir = data_dir_with_a_routine();
    let good = dir.path().join("routines/my-feet.ron");
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n  name: \"Legs\",\n  steps: [ (exercise: \"quads\", roll_seconds: ) ],\n)",
    )
    .unwrap();
    let unknown = dir.path().join("unknown.ron");
    std::fs::write(
        &unknown,
        "(name: \"X\", steps: [(exercise: \"nose\", roll_seconds: 30)])",
    )
    .unwrap();
    let settings = dir.path().join("settings.ron");
    std::fs::write(&settings, "(theme: Purple)").unwrap();

    let out = rollcoach(&["--check", good.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("my-feet.ron: ok")
    );

    let out = rollcoach(&[
        "--check",
        good.to_str().unwrap(),
        broken.to_str().unwrap(),
        unknown.to_str().unwrap(),
        settings.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("broken.ron: line 3, column"), "{text}");
    assert!(
        text.contains("unknown.ron: Exercise 1: 'nose' is not an exercise of the library."),
        "{text}"
    );
    assert!(text.contains("settings.ron: line 1, column"), "{text}");
}

#[test]
fn check_reports_every_problem_the_editor_would_mark() {
    let dir = tempfile::tempdir().unwrap();
    // The editor's widest values pass.
    let widest = dir.path().join("widest.ron");
    std::fs::write(
        &widest,
        "(name: \"Wide\", steps: [(exercise: \"calves\", roll_seconds: 180, holds: 5, \
         hold_seconds: 5, rest_seconds: 120)])",
    )
    .unwrap();
    let out = rollcoach(&["--check", widest.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("widest.ron: ok"), "{text}");

    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(name: \"\", steps: [(exercise: \"calves\", roll_seconds: 30), \
         (exercise: \"quads\", roll_seconds: 500, rest_seconds: 121)])",
    )
    .unwrap();
    let missing = dir.path().join("missing.ron");
    let out = rollcoach(&["--check", bad.to_str().unwrap(), missing.to_str().unwrap()]);
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let bad_lines: Vec<&str> = text.lines().filter(|l| l.contains("bad.ron")).collect();
    assert_eq!(bad_lines.len(), 3, "{text}");
    assert!(
        bad_lines[0].ends_with("bad.ron: Give the routine a name."),
        "{text}"
    );
    assert!(
        bad_lines[1].ends_with("bad.ron: Exercise 2: Rolling must last 15 to 180 seconds."),
        "{text}"
    );
    assert!(
        bad_lines[2].ends_with("bad.ron: Exercise 2: Rest 0 to 120 seconds."),
        "{text}"
    );
    assert!(!text.contains("bad.ron: ok"), "{text}");
    let missing_line = text.lines().find(|l| l.contains("missing.ron")).unwrap();
    assert!(missing_line.contains("could not be read"), "{text}");
    assert!(!missing_line.contains("os error"), "{text}");
}

#[test]
fn a_data_folder_that_is_a_file_still_lists_the_built_in_routines() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let d = file.to_str().unwrap();
    let out = rollcoach(&["--data-dir", d, "--list-routines"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 4, "the built-in routines: {text}");
    let out = rollcoach(&["--data-dir", d, "--start", "no such routine"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("  Desk worker")
    );
}

#[test]
fn the_sound_device_probe_answers_in_one_line_and_exits() {
    let out = rollcoach(&[rollcoach::audio::PROBE_ARG]);
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(said.lines().count(), 1, "{said:?}");
    let said = said.trim();
    if out.status.success() {
        assert_eq!(said, "ok");
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert!(!said.is_empty() && said != "ok", "{said:?}");
    }
}

#[test]
fn plan_prints_a_routine_with_reasons_and_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let out = rollcoach(&[
        "--data-dir",
        data,
        "--plan",
        "calves=7,left-calf=8,lower-back=5",
        "--minutes",
        "12",
        "--tools",
        "foam-roller,tennis-ball",
        "--save",
        "Sore calves",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Calves, ") && text.contains("you rated the left 8 and the right 7"),
        "{text}"
    );
    assert!(text.contains("With your tennis ball"), "{text}");
    let listed = rollcoach(&["--data-dir", data, "--list-routines"]);
    assert!(
        String::from_utf8(listed.stdout)
            .unwrap()
            .contains("Sore calves")
    );
    // The same name again is refused, and nothing is overwritten.
    let again = rollcoach(&[
        "--data-dir",
        data,
        "--plan",
        "quads=3",
        "--save",
        "sore calves",
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8(again.stderr)
            .unwrap()
            .contains("already a routine")
    );
}

#[test]
fn plan_tells_what_is_wrong_with_its_input_and_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["--plan", "calfs=7"], "lower-back"),
        (&["--plan", "calves=12"], "0 to 10"),
        (&["--plan", "calves=7", "--minutes", "3"], "5 to 60"),
        (&["--plan", "calves=7", "--when", "later"], "rest-day"),
        (
            &["--plan", "calves=7", "--tools", "rolling-pin"],
            "foam-roller",
        ),
        (&["--plan", ""], "rate at least one area"),
    ];
    for (args, says) in cases {
        let mut all = vec!["--data-dir", data];
        all.extend_from_slice(args);
        let out = rollcoach(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
