//! `settings.ron`: loaded forgivingly, saved atomically, never overwritten
//! when it could not be read.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{
    DataDir, Disk, Doing, FileProblem, RealDisk, describe_ron_error, file_problem, write_ron,
};
use crate::model::Settings;

/// The outcome of reading the settings file.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSettings {
    /// The settings to use: the file's, or the defaults.
    pub settings: Settings,
    /// Why the file could not be used, if it could not.
    pub problem: Option<FileProblem>,
}

/// Reads a settings file as it is written (numbers not yet brought into
/// range). Its problem is worded for the user: where it does not parse, the
/// line and column.
pub fn read_settings(path: &Path) -> Result<Settings, FileProblem> {
    let text = std::fs::read_to_string(path).map_err(|e| file_problem(path, Doing::Reading, &e))?;
    parse_settings(&text).map_err(|e| FileProblem {
        path: path.to_path_buf(),
        message: describe_ron_error(&e),
    })
}

/// Parses a settings file of any version, moving an older one's values to
/// where this version keeps them.
fn parse_settings(text: &str) -> Result<Settings, ron::error::SpannedError> {
    /// The fields that moved since version 1.
    #[derive(serde::Deserialize)]
    struct Version1 {
        #[serde(default)]
        version: u32,
        #[serde(default, deserialize_with = "present")]
        get_ready_seconds: Option<u32>,
    }
    /// A number written plainly, as version 1 wrote it.
    fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        <u32 as serde::Deserialize>::deserialize(d).map(Some)
    }
    let settings: Settings = ron::from_str(text)?;
    let old: Version1 = ron::from_str(text)?;
    Ok(if old.version < 2 {
        settings.from_version_1(old.get_ready_seconds)
    } else {
        settings
    })
}

/// Reads and writes `settings.ron` in a data folder.
#[derive(Debug, Clone)]
pub struct SettingsStore {
    data: DataDir,
    path: PathBuf,
    /// Set when the file exists but could not be read: it is then left alone,
    /// so that nothing the user wrote in it is lost.
    protected: bool,
    /// Where saves are written: the real disk, or a fake one in tests.
    disk: Arc<dyn Disk>,
}

impl SettingsStore {
    /// Reads the settings of `dir`. A missing file gives the defaults; a
    /// broken one gives the defaults and a problem to show, and is protected
    /// from being overwritten.
    ///
    /// When the data folder is a file (or inside one), the problem says so
    /// and what to do; saving then says the same.
    pub fn load(dir: &DataDir) -> (SettingsStore, LoadedSettings) {
        let path = dir.settings_file();
        let mut protected = false;
        let (settings, problem) = match std::fs::read_to_string(&path) {
            Ok(text) => match parse_settings(&text) {
                Ok(settings) => (settings.sanitized(), None),
                Err(e) => {
                    protected = true;
                    let problem = FileProblem {
                        path: path.clone(),
                        message: describe_ron_error(&e),
                    };
                    (Settings::default(), Some(problem))
                }
            },
            Err(e) => match dir.blocked() {
                Some(blocked) => (Settings::default(), Some(blocked)),
                None if e.kind() == ErrorKind::NotFound => (Settings::default(), None),
                None => {
                    // There is a file, but it could not be read: keep it.
                    protected = true;
                    let problem = file_problem(&path, Doing::Reading, &e);
                    (Settings::default(), Some(problem))
                }
            },
        };
        if let Some(problem) = &problem {
            log::warn!("settings not loaded, using defaults: {problem}");
        }
        let store = SettingsStore {
            data: dir.clone(),
            path,
            protected,
            disk: RealDisk::shared(),
        };
        (store, LoadedSettings { settings, problem })
    }

    /// The same store, saving on `disk` instead of the real one (tests give
    /// it a disk that fails as a full or read-only one would).
    pub fn with_disk(self, disk: Arc<dyn Disk>) -> SettingsStore {
        SettingsStore { disk, ..self }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether saving is held back because the file on disk could not be read.
    pub fn is_protected(&self) -> bool {
        self.protected
    }

    /// Saves the settings as pretty RON, atomically. Refuses (with a message)
    /// when the file on disk could not be read at start, to keep it intact.
    /// A save that failed leaves the file as it was, and may be tried again.
    pub fn save(&self, settings: &Settings) -> Result<(), FileProblem> {
        if self.protected {
            return Err(FileProblem {
                path: self.path.clone(),
                message: "was not saved, to keep the file you have: it could not be read at \
                          start. Fix or remove it, then restart Rollcoach."
                    .to_owned(),
            });
        }
        write_ron(self.disk.as_ref(), &self.path, settings)
            .map_err(|p| self.data.blocked().unwrap_or(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TextSize, ThemePreference, Tool};

    #[test]
    fn missing_file_gives_defaults_without_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (_, loaded) = SettingsStore::load(&DataDir::at(dir.path()));
        assert_eq!(loaded.settings, Settings::default());
        assert_eq!(loaded.problem, None);
    }

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path().join("nested"));
        let (store, _) = SettingsStore::load(&data);
        let settings = Settings {
            safety_acknowledged: true,
            theme: ThemePreference::Dark,
            text_size: TextSize::ExtraLarge,
            tools_owned: vec![Tool::TennisBall],
            ..Settings::default()
        };
        store.save(&settings).unwrap();
        let (_, loaded) = SettingsStore::load(&data);
        assert_eq!(loaded.settings, settings);
    }

    #[test]
    fn older_file_with_missing_fields_and_comments_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("settings.ron"),
            "// written by hand\n(safety_acknowledged: true, some_future_field: 3)\n",
        )
        .unwrap();
        let (_, loaded) = SettingsStore::load(&DataDir::at(dir.path()));
        assert!(loaded.settings.safety_acknowledged, "{:?}", loaded.problem);
        assert_eq!(loaded.settings.theme, ThemePreference::System);
    }

    #[test]
    fn a_settings_file_is_read_as_written_with_worded_problems() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        std::fs::write(&path, "(hold_seconds: 999, theme: Dark)").unwrap();
        let read = read_settings(&path).unwrap();
        assert_eq!(read.hold_seconds, 999, "as written");
        assert_eq!(read.theme, ThemePreference::Dark);
        std::fs::write(&path, "(theme: Purple)").unwrap();
        let problem = read_settings(&path).unwrap_err();
        assert!(problem.message.starts_with("line 1, column"), "{problem}");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let problem = read_settings(&path).unwrap_err();
        assert!(problem.message.contains("not a text file"), "{problem}");
        let problem = read_settings(&dir.path().join("gone.ron")).unwrap_err();
        assert!(!problem.message.contains("os error"), "{problem}");
    }

    #[test]
    fn broken_file_is_reported_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        let broken = "(\n  safety_acknowledged: yes please,\n)";
        std::fs::write(&path, broken).unwrap();
        let (store, loaded) = SettingsStore::load(&DataDir::at(dir.path()));
        let problem = loaded.problem.expect("a problem is reported");
        assert!(
            problem.message.starts_with("line 2, column"),
            "{}",
            problem.message
        );
        assert!(store.is_protected());
        let refused = store.save(&Settings::default());
        assert!(refused.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    }
}
