//! A file where a folder should be, a store that saves again once the disk
//! has room, a refused delete, and the fake disk itself.

use super::*;

/// The file in the way, as the real disk finds it and as the system tells
/// it (so the same words whichever the system says).
fn disks_with_a_file_in_the_way(layout: Layout) -> [(&'static str, Arc<dyn Disk>); 2] {
    let kind = match layout {
        Layout::RoutinesIsAFile => ErrorKind::AlreadyExists,
        _ => ErrorKind::NotADirectory,
    };
    [
        ("the real disk", RealDisk::shared()),
        ("the system", FakeDisk::failing(Step::MakeFolder, kind)),
    ]
}

#[test]
fn a_data_folder_that_is_a_file_is_named_with_what_to_do() {
    let place = Place::new(Layout::DataIsAFile);
    let root = place.data.root().to_path_buf();
    for (disk_name, disk) in disks_with_a_file_in_the_way(Layout::DataIsAFile) {
        let before = place.tree();
        let writers = Writers::on(&place, disk);
        for op in OPS {
            let case = format!("{op:?} on {disk_name}");
            let problem = writers.attempt(op, &place).unwrap_err();
            assert_plain(&problem.to_string());
            assert_says_what_to_do(&problem.message);
            if op == Op::Export {
                // The folder chosen to export to is a file.
                let notes = place.export.parent().unwrap();
                assert_eq!(problem.path, notes, "{case}");
                assert_eq!(
                    problem.message,
                    "is a file, where a folder is needed to keep legs.ron. Move that file \
                     away, or choose another folder.",
                    "{case}"
                );
            } else {
                assert_eq!(problem.path, root, "{case}");
                assert_eq!(
                    problem.message,
                    "is a file, but Rollcoach keeps its settings and routines in a folder of \
                     that name. Move that file away, or start Rollcoach with --data-dir and \
                     another folder.",
                    "{case}"
                );
                assert_eq!(Some(&problem), place.data.blocked().as_ref(), "{case}");
            }
            assert_eq!(place.tree(), before, "{case}: the files changed");
        }
    }
    assert_eq!(std::fs::read_to_string(&root).unwrap(), "I am a file");
}

#[test]
fn a_file_in_the_way_higher_up_is_named_with_what_to_do() {
    let place = Place::new(Layout::InsideAFile);
    let file = place.in_the_way.clone().unwrap();
    for (disk_name, disk) in disks_with_a_file_in_the_way(Layout::InsideAFile) {
        let before = place.tree();
        let writers = Writers::on(&place, disk);
        for op in OPS {
            let case = format!("{op:?} on {disk_name}");
            let problem = writers.attempt(op, &place).unwrap_err();
            assert_plain(&problem.to_string());
            assert_says_what_to_do(&problem.message);
            assert!(
                problem.message.starts_with("is a file"),
                "{case}: {problem}"
            );
            if op == Op::Export {
                let other = place.export.parent().unwrap().parent().unwrap();
                assert_eq!(problem.path, other, "{case}");
                assert!(problem.message.contains("legs.ron"), "{case}: {problem}");
            } else {
                assert_eq!(problem.path, file, "{case}");
                let root = place.data.root().display().to_string();
                assert!(problem.message.contains(&root), "{case}: {problem}");
                assert!(problem.message.contains("--data-dir"), "{case}: {problem}");
            }
            assert_eq!(place.tree(), before, "{case}: the files changed");
        }
    }
}

#[test]
fn a_routines_folder_that_is_a_file_is_named_and_settings_still_save() {
    let place = Place::new(Layout::RoutinesIsAFile);
    let routines = place.in_the_way.clone().unwrap();
    for (disk_name, disk) in disks_with_a_file_in_the_way(Layout::RoutinesIsAFile) {
        let before = place.tree();
        let writers = Writers::on(&place, disk);
        for op in [Op::SaveRoutine, Op::SaveNew, Op::Import] {
            let case = format!("{op:?} on {disk_name}");
            let problem = writers.attempt(op, &place).unwrap_err();
            assert_eq!(problem.path, routines, "{case}");
            let name = target(op, &place);
            let name = name.file_name().unwrap().to_string_lossy();
            assert_eq!(
                problem.message,
                format!(
                    "is a file, where a folder is needed to keep {name}. Move that file \
                     away, or choose another folder."
                ),
                "{case}"
            );
            assert_plain(&problem.to_string());
            assert_eq!(place.tree(), before, "{case}: the files changed");
        }
    }
    // The settings, beside it, are saved as ever.
    let writers = Writers::on(&place, RealDisk::shared());
    let path = writers.attempt(Op::SaveSettings, &place).unwrap();
    assert_written(Op::SaveSettings, &path);
    assert_eq!(std::fs::read_to_string(&routines).unwrap(), "I am a file");
}

#[test]
fn a_settings_store_saves_again_once_the_disk_has_room() {
    let place = Place::new(Layout::Usual);
    let file = place.data.settings_file();
    let kept = std::fs::read(&file).unwrap();
    let disk = FakeDisk::failing(Step::Write, ErrorKind::StorageFull);
    let (store, _) = SettingsStore::load(&place.data);
    let store = store.with_disk(disk.clone());
    for _ in 0..3 {
        let problem = store.save(&changed_settings()).unwrap_err();
        assert!(problem.message.contains("the disk is full"), "{problem}");
        assert_eq!(std::fs::read(&file).unwrap(), kept);
    }
    disk.mend();
    store.save(&changed_settings()).unwrap();
    let (_, loaded) = SettingsStore::load(&place.data);
    assert_eq!(loaded.problem, None);
    assert_eq!(loaded.settings.volume, 0.25);
    // A clone of it saves on the same, mended disk.
    let again = store.clone();
    again.save(&Settings::default()).unwrap();
}

#[test]
fn a_refused_delete_keeps_the_file_and_says_why() {
    for (kind, words) in [
        (
            ErrorKind::PermissionDenied,
            "could not be deleted: Rollcoach is not allowed to open or change its folder.",
        ),
        (
            ErrorKind::ReadOnlyFilesystem,
            "could not be deleted: that disk can only be read, not written.",
        ),
    ] {
        let place = Place::new(Layout::Usual);
        let disk = FakeDisk::failing(Step::Remove, kind);
        let files = RoutineFiles::new(&place.data).with_disk(disk.clone());
        let problem = files.delete(&place.existing.path).unwrap_err();
        assert_eq!(problem.path, place.existing.path);
        assert!(problem.message.starts_with(words), "{kind:?}: {problem}");
        assert_plain(&problem.to_string());
        assert!(place.existing.path.exists());
        disk.mend();
        files.delete(&place.existing.path).unwrap();
        assert!(!place.existing.path.exists());
    }
}

#[test]
fn the_fake_disk_fails_like_the_system_until_mended() {
    // The fake's own errors carry what the words must hide, so the checks
    // above are worth something.
    let dir = tempdir();
    let disk = FakeDisk::failing(Step::Write, ErrorKind::StorageFull);
    let error = disk.write_temp(dir.path(), b"0123456789").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::StorageFull);
    let text = error.to_string();
    assert!(
        text.contains("os error") && text.contains(".rollcoach-"),
        "{text}"
    );
    assert_eq!(
        tree(dir.path()),
        BTreeMap::new(),
        "the half-written file is gone"
    );
    disk.mend();
    let temp = disk.write_temp(dir.path(), b"0123456789").unwrap();
    disk.rename_over(temp, &dir.path().join("a")).unwrap();
    assert_eq!(std::fs::read(dir.path().join("a")).unwrap(), b"0123456789");
}
