//! The one writer, exports, deletes, imports, worded problems and the
//! data folder read once.

use std::io;
use std::path::Path;

use super::*;
use crate::catalog::Catalog;
use crate::model::{Step, StepSides};

fn step(exercise: &str) -> Step {
    Step {
        exercise: exercise.into(),
        sides: StepSides::Together,
        roll_seconds: 30,
        holds: 1,
        hold_seconds: Some(20),
        rest_seconds: Some(10),
        pace_cm_per_s: None,
        stroke_cm: None,
        more_on: None,
    }
}

fn routine(name: &str) -> Routine {
    Routine {
        steps: vec![step("calves")],
        ..Routine::new(name)
    }
}

fn known(id: &str) -> bool {
    Catalog::builtin().unwrap().get(id).is_some()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Words no one at the computer should have to read.
fn assert_plain(message: &str) {
    for engineer in ["os error", "errno", ".rollcoach-", "Os {", "kind:"] {
        assert!(!message.contains(engineer), "{engineer:?} in {message:?}");
    }
}

#[test]
fn the_writer_stamps_the_current_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.ron");
    let old = Routine {
        version: 0,
        ..routine("Old")
    };
    write_ron(&RealDisk, &path, &old).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(&format!("version: {ROUTINE_VERSION}")),
        "{text}"
    );
    assert!(text.contains('\n'), "pretty");
    assert_eq!(parse_routine(&text).unwrap(), routine("Old"));

    let path = dir.path().join("settings.ron");
    let settings = Settings {
        version: 0,
        ..Settings::default()
    };
    write_ron(&RealDisk, &path, &settings).unwrap();
    let back: Settings = ron::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(back.version, SETTINGS_VERSION);
}

#[test]
fn saved_routines_and_settings_are_stamped() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let files = RoutineFiles::new(&data);
    let file = files
        .save_new(&Routine {
            version: 0,
            ..routine("Mine")
        })
        .unwrap();
    assert_eq!(read_routine(&file.path).unwrap().version, ROUTINE_VERSION);
    let (store, _) = SettingsStore::load(&data);
    store
        .save(&Settings {
            version: 0,
            ..Settings::default()
        })
        .unwrap();
    let (_, loaded) = SettingsStore::load(&data);
    assert_eq!(loaded.settings.version, SETTINGS_VERSION);
}

#[test]
fn an_export_is_stamped_and_imports_back() {
    let shared = tempfile::tempdir().unwrap();
    let path = shared.path().join("deep").join("to share.ron");
    let old = Routine {
        version: 0,
        description: "From me".into(),
        ..routine("Mine")
    };
    export_routine(&path, &old).unwrap();
    let back = read_routine(&path).unwrap();
    assert_eq!(back.version, ROUTINE_VERSION);
    assert_eq!(back.description, "From me");
    assert_eq!(files_in(path.parent().unwrap()), ["to share.ron"]);

    let data = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(data.path()));
    let imported = files.import(&path, known).unwrap();
    assert_eq!(imported.routine.steps, old.steps);
    assert_eq!(imported.routine.name, "Mine");
}

#[test]
fn delete_removes_a_routine_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let files = RoutineFiles::new(&data);
    let a = files.save_new(&routine("A")).unwrap();
    let b = files.save_new(&routine("B")).unwrap();
    files.delete(&a.path).unwrap();
    assert!(!a.path.exists());
    assert!(b.path.exists());
    // Already gone: nothing to do.
    files.delete(&a.path).unwrap();

    let (store, _) = SettingsStore::load(&data);
    store.save(&Settings::default()).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("b.ron");
    std::fs::copy(&b.path, &outside).unwrap();
    let text_file = files.dir().join("notes.txt");
    std::fs::write(&text_file, "mine").unwrap();
    let sub = files.dir().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let in_sub = sub.join("c.ron");
    std::fs::write(&in_sub, "()").unwrap();
    let sneaky = files.dir().join("..").join("settings.ron");
    for path in [
        data.settings_file(),
        sneaky,
        outside.clone(),
        text_file.clone(),
        in_sub.clone(),
        files.dir().to_path_buf(),
        Path::new("b.ron").to_path_buf(),
    ] {
        let refused = files.delete(&path).unwrap_err();
        assert_eq!(refused.path, path);
        assert!(refused.message.contains("not deleted"), "{refused}");
    }
    for kept in [data.settings_file(), outside, text_file, in_sub, b.path] {
        assert!(kept.exists(), "{}", kept.display());
    }
}

#[test]
fn imports_are_named_beside_those_of_the_same_name() {
    let data = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(data.path()));
    files.save_new(&routine("Legs")).unwrap();
    let shared = tempfile::tempdir().unwrap();
    let path = shared.path().join("legs.ron");
    let text = "(name: \"  legs \", steps: [(exercise: \"calves\", roll_seconds: 40, holds: 1)])";
    std::fs::write(&path, text).unwrap();

    let first = files.import(&path, known).unwrap();
    assert_eq!(first.routine.name, "legs (imported)");
    let second = files.import(&path, known).unwrap();
    assert_eq!(second.routine.name, "legs (imported 2)");
    let third = files.import(&path, known).unwrap();
    assert_eq!(third.routine.name, "legs (imported 3)");
    assert_ne!(first.path, second.path);
    let names: Vec<String> = files
        .load_all()
        .routines
        .into_iter()
        .map(|f| f.routine.name)
        .collect();
    assert_eq!(
        names,
        [
            "Legs",
            "legs (imported 2)",
            "legs (imported 3)",
            "legs (imported)"
        ]
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    assert_eq!(first.routine.steps[0].roll_seconds, 40);

    // A name at the longest still fits once " (imported)" is added.
    let longest = "x".repeat(crate::model::limits::routine::NAME_CHARS);
    export_routine(&path, &routine(&longest)).unwrap();
    files.import(&path, known).unwrap();
    let again = files.import(&path, known).unwrap();
    assert!(again.routine.name.ends_with(" (imported)"));
    assert_eq!(
        again.routine.name.chars().count(),
        crate::model::limits::routine::NAME_CHARS
    );
    assert!(again.routine.problems(known).is_empty());
}

#[test]
fn imports_that_do_not_pass_are_refused_and_nothing_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let files = RoutineFiles::new(&DataDir::at(data.path()));
    let shared = tempfile::tempdir().unwrap();

    let odd = shared.path().join("odd.ron");
    std::fs::write(
        &odd,
        "(name: \"Odd\", steps: [(exercise: \"earlobes\", roll_seconds: 30), \
         (exercise: \"calves\", roll_seconds: 30), (exercise: \"nose\", roll_seconds: 30), \
         (exercise: \"nose\", roll_seconds: 30)])",
    )
    .unwrap();
    let refused = files.import(&odd, known).unwrap_err();
    assert_eq!(
        refused,
        ImportRefusal::UnknownExercises {
            path: odd.clone(),
            ids: vec!["earlobes".into(), "nose".into()]
        }
    );
    assert!(
        refused
            .to_string()
            .ends_with("odd.ron names exercises Rollcoach doesn't have: earlobes, nose"),
        "{refused}"
    );

    let long = shared.path().join("long.ron");
    std::fs::write(
        &long,
        "(name: \"Long\", steps: [(exercise: \"calves\", roll_seconds: 30), \
         (exercise: \"quads\", roll_seconds: 500)])",
    )
    .unwrap();
    let refused = files.import(&long, known).unwrap_err();
    let ImportRefusal::Invalid { problems, .. } = &refused else {
        panic!("{refused:?}");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].step, Some(1));
    assert!(
        refused
            .to_string()
            .contains("Exercise 2: Rolling must last 15 to 180 seconds."),
        "{refused}"
    );

    let huge = shared.path().join("huge.ron");
    std::fs::write(&huge, vec![b' '; 2 * MAX_FILE_BYTES as usize]).unwrap();
    let refused = files.import(&huge, known).unwrap_err();
    assert!(matches!(refused, ImportRefusal::Unreadable(_)));
    assert!(refused.to_string().contains("too large"), "{refused}");

    let missing = shared.path().join("gone.ron");
    let refused = files.import(&missing, known).unwrap_err();
    assert_plain(&refused.to_string());

    assert!(files_in(files.dir()).is_empty());
}

#[test]
fn the_systems_refusals_read_as_plain_words() {
    let path = Path::new("/somewhere/routines/legs.ron");
    let cases = [
        (
            io::ErrorKind::StorageFull,
            Doing::Saving,
            "the disk is full",
        ),
        (
            io::ErrorKind::PermissionDenied,
            Doing::Saving,
            "not allowed to open or change its folder",
        ),
        (
            io::ErrorKind::PermissionDenied,
            Doing::Reading,
            "not allowed to open it",
        ),
        (
            io::ErrorKind::ReadOnlyFilesystem,
            Doing::Saving,
            "can only be read",
        ),
        (io::ErrorKind::NotFound, Doing::Reading, "it is not there"),
        (io::ErrorKind::IsADirectory, Doing::Reading, "is a folder"),
        (io::ErrorKind::QuotaExceeded, Doing::Saving, "used up"),
        (io::ErrorKind::Other, Doing::Saving, "try again"),
    ];
    for (kind, doing, words) in cases {
        let error = io::Error::new(
            kind,
            "No space left on device (os error 28) at .rollcoach-x1.tmp",
        );
        let problem = file_problem(path, doing, &error);
        assert_eq!(problem.path, path);
        assert!(problem.message.contains(words), "{kind:?}: {problem}");
        assert_plain(&problem.message);
    }
    // As the system words it: a full disk, from the OS's own error number.
    #[cfg(target_os = "linux")]
    {
        let full = io::Error::from_raw_os_error(28);
        let problem = file_problem(path, Doing::Saving, &full);
        assert!(problem.message.contains("the disk is full"), "{problem}");
        assert_plain(&problem.to_string());
    }
}

#[test]
fn real_read_failures_are_worded_too() {
    let dir = tempfile::tempdir().unwrap();
    let missing = read_routine(&dir.path().join("gone.ron")).unwrap_err();
    assert!(missing.message.contains("not there"), "{missing}");
    assert_plain(&missing.message);
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).unwrap();
    let problem = read_routine(&folder).unwrap_err();
    assert!(problem.message.contains("is a folder"), "{problem}");
    assert_plain(&problem.message);
}

#[test]
fn a_data_folder_that_is_a_file_says_so_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("rollcoach-data");
    std::fs::write(&root, "I am a file").unwrap();
    let data = DataDir::at(&root);

    let (store, loaded) = SettingsStore::load(&data);
    let problem = loaded.problem.expect("a problem");
    assert_eq!(problem.path, root);
    assert!(problem.message.contains("is a file"), "{problem}");
    assert!(problem.message.contains("--data-dir"), "{problem}");
    assert!(problem.message.contains("Move that file away"), "{problem}");
    assert_plain(&problem.message);
    assert_eq!(loaded.settings, Settings::default());
    // Saving says the same, and the file is left alone.
    let refused = store.save(&Settings::default()).unwrap_err();
    assert_eq!(refused, problem);
    let files = RoutineFiles::new(&data);
    let refused = files.save_new(&routine("Mine")).unwrap_err();
    assert_eq!(refused, problem);
    assert_eq!(std::fs::read_to_string(&root).unwrap(), "I am a file");

    // Read once, it is told once.
    let loaded = data.load();
    assert_eq!(loaded.settings_problem, Some(problem));
    assert!(
        loaded.routine_problems.is_empty(),
        "{:?}",
        loaded.routine_problems
    );
    assert!(loaded.routines.is_empty());
}

#[test]
fn a_data_folder_inside_a_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let root = file.join("rollcoach");
    let (_, loaded) = SettingsStore::load(&DataDir::at(&root));
    let problem = loaded.problem.expect("a problem");
    assert_eq!(problem.path, file);
    assert!(
        problem.message.contains(&root.display().to_string()),
        "{problem}"
    );
    assert!(problem.message.contains("--data-dir"), "{problem}");
    assert_plain(&problem.message);
}

#[test]
fn a_missing_data_folder_is_no_problem() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("not yet"));
    assert_eq!(data.blocked(), None);
    let loaded = data.load();
    assert_eq!(loaded.settings_problem, None);
    assert!(loaded.routine_problems.is_empty());
    assert_eq!(loaded.settings, Settings::default());
}

#[test]
fn the_data_folder_is_read_once_with_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    std::fs::write(
        data.settings_file(),
        "(safety_acknowledged: true, first_get_ready_seconds: 20)",
    )
    .unwrap();
    let files = RoutineFiles::new(&data);
    files.save_new(&routine("Zebra")).unwrap();
    files.save_new(&routine("apple")).unwrap();
    std::fs::write(files.dir().join("broken.ron"), "(name: ").unwrap();

    let loaded = data.load();
    assert!(loaded.settings.safety_acknowledged);
    assert_eq!(loaded.settings.first_get_ready_seconds, 20);
    assert_eq!(loaded.settings_problem, None);
    let names: Vec<&str> = loaded
        .routines
        .iter()
        .map(|f| f.routine.name.as_str())
        .collect();
    assert_eq!(names, ["apple", "Zebra"]);
    assert_eq!(loaded.routine_problems.len(), 1);
    assert!(loaded.routine_problems[0].path.ends_with("broken.ron"));
    assert_eq!(loaded.routine_files.dir(), files.dir());
    assert_eq!(loaded.settings_store.path(), data.settings_file());
    assert!(!loaded.settings_store.is_protected());
}

#[test]
fn a_version_1_settings_file_moves_its_get_ready_to_the_first_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let write = |text: &str| std::fs::write(data.settings_file(), text).unwrap();
    write("(version: 1, safety_acknowledged: true, get_ready_seconds: 25)");
    let (_, loaded) = SettingsStore::load(&data);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.settings.first_get_ready_seconds, 25);
    assert!(loaded.settings.safety_acknowledged);
    // What version 1 wrote by default gets the new, longer default.
    write("(version: 1, get_ready_seconds: 5, volume: 0.5)");
    let (store, loaded) = SettingsStore::load(&data);
    assert_eq!(loaded.settings.first_get_ready_seconds, 15);
    assert_eq!(loaded.settings.volume, 0.5);
    // Saved again, it is a version 2 file without the old name.
    store.save(&loaded.settings).unwrap();
    let text = std::fs::read_to_string(data.settings_file()).unwrap();
    assert!(text.contains("version: 2"), "{text}");
    assert!(!text.contains("\n    get_ready_seconds"), "{text}");
    assert_eq!(
        read_settings(&data.settings_file()).unwrap(),
        loaded.settings
    );
}
