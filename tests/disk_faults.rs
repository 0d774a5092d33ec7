//! Saving on a real disk that is full, or can only be read: the problem is
//! told in plain words naming the file, and the files there are kept byte
//! for byte, with no temp file left.
//!
//! These need a prepared disk, so they are ignored by default;
//! `tests/disk_faults.sh` prepares one (a small tmpfs, filled, then made
//! read-only) and runs them with
//! `ROLLCOACH_FAULT_DIR` = a folder on that disk, holding a settings.ron and
//! a routine under routines/, and
//! `ROLLCOACH_FAULT_KIND` = `full` or `readonly`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rollcoach::model::{Routine, Settings};
use rollcoach::store::{DataDir, FileProblem, RoutineFile, RoutineFiles, SettingsStore};

/// The prepared disk: the data folder on it and the fault it has.
struct Prepared {
    data: DataDir,
    /// Words the problem must have for this fault.
    words: &'static str,
}

fn prepared() -> Prepared {
    let dir = std::env::var_os("ROLLCOACH_FAULT_DIR").expect(
        "ROLLCOACH_FAULT_DIR names no folder: these tests need a prepared disk \
         (run tests/disk_faults.sh)",
    );
    let kind = std::env::var("ROLLCOACH_FAULT_KIND").unwrap_or_default();
    let words = match kind.as_str() {
        "full" => "the disk is full. Free some space, then try again.",
        "readonly" => "that disk can only be read, not written. Choose another folder.",
        other => panic!("ROLLCOACH_FAULT_KIND is {other:?}, not \"full\" or \"readonly\""),
    };
    let data = DataDir::at(PathBuf::from(dir));
    assert!(data.root().is_dir(), "{}", data.root().display());
    Prepared { data, words }
}

/// The bytes of every file directly in `dir`.
fn files_in(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// No temp file of a save is left in `dir`.
fn assert_no_temp_files(dir: &Path) {
    for path in files_in(dir).into_keys() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.starts_with(".rollcoach-") && !name.ends_with(".tmp"),
            "left behind: {}",
            path.display()
        );
    }
}

/// The problem is in plain words, names `path` and says what to do.
fn assert_told_plainly(problem: &FileProblem, path: &Path, prepared: &Prepared) {
    let text = problem.to_string();
    assert_eq!(problem.path, path, "{text}");
    assert!(problem.path.starts_with(prepared.data.root()), "{text}");
    assert_eq!(
        problem.message,
        format!("could not be saved: {}", prepared.words),
        "{text}"
    );
    for engineer in ["os error", "errno", ".rollcoach-", ".tmp", "Os {", "kind:"] {
        assert!(!text.contains(engineer), "{engineer:?} in {text:?}");
    }
}

#[test]
#[ignore = "needs a full or read-only disk: run tests/disk_faults.sh"]
fn settings_are_not_saved_and_the_file_is_kept() {
    let prepared = prepared();
    let root = prepared.data.root();
    let before = files_in(root);
    assert!(before.contains_key(&prepared.data.settings_file()));

    let loaded = prepared.data.load();
    assert_eq!(loaded.settings_problem, None, "the prepared file reads");
    assert!(!loaded.settings_store.is_protected());
    let changed = Settings {
        volume: loaded.settings.volume / 2.0,
        safety_acknowledged: !loaded.settings.safety_acknowledged,
        ..loaded.settings.clone()
    };
    // Each save is tried anew, as the window does.
    let (store, _) = SettingsStore::load(&prepared.data);
    for store in [&loaded.settings_store, &store] {
        let problem = store.save(&changed).unwrap_err();
        assert_told_plainly(&problem, &prepared.data.settings_file(), &prepared);
    }

    assert_eq!(files_in(root), before, "the files there changed");
    assert_no_temp_files(root);
}

#[test]
#[ignore = "needs a full or read-only disk: run tests/disk_faults.sh"]
fn routines_are_not_saved_and_the_files_are_kept() {
    let prepared = prepared();
    let files = RoutineFiles::new(&prepared.data);
    let before = files_in(files.dir());
    let loaded = files.load_all();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let existing = loaded.routines.first().expect("a prepared routine");

    // Changed, in its own file.
    let changed = RoutineFile {
        path: existing.path.clone(),
        routine: Routine {
            description: "Changed on a disk that refuses".into(),
            ..existing.routine.clone()
        },
    };
    let problem = files.save(&changed).unwrap_err();
    assert_told_plainly(&problem, &existing.path, &prepared);

    // As a new routine.
    let new = Routine {
        name: "Written on a disk that refuses".into(),
        ..existing.routine.clone()
    };
    let problem = files.save_new(&new).unwrap_err();
    let planned = files.dir().join("written-on-a-disk-that-refuses.ron");
    assert_told_plainly(&problem, &planned, &prepared);
    assert!(!planned.exists());

    assert_eq!(files_in(files.dir()), before, "the files there changed");
    assert_no_temp_files(files.dir());
    assert_eq!(files.load_all(), loaded);
}
