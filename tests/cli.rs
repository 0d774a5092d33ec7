//! The command line: help, version, the exercise list, and clear errors.

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
        text.contains("unknown.ron: the routine names an exercise that doesn't exist: 'nose'"),
        "{text}"
    );
    assert!(text.contains("settings.ron: line 1, column"), "{text}");
}
