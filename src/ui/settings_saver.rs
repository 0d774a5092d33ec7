//! Settings are saved when a change is complete, not on every frame of it:
//! a changed setting takes effect at once, and is written once the drag or
//! the typing that changed it ends, and on exit.

use crate::model::Settings;
use crate::store::{FileProblem, SettingsStore};

/// Writes the settings file at the right moment.
#[derive(Debug)]
pub struct SettingsSaver {
    store: Option<SettingsStore>,
    /// A write is due once the gesture is over.
    due: bool,
    /// The settings in memory differ from the file (a write is due, or
    /// the last one failed).
    unsaved: bool,
    /// Why the last write failed, until one succeeds.
    failed: Option<FileProblem>,
    /// How many times the file was written.
    #[cfg(test)]
    writes: usize,
}

impl SettingsSaver {
    /// Saves through `store`; `None` keeps nothing (no data folder).
    pub fn new(store: Option<SettingsStore>) -> SettingsSaver {
        SettingsSaver {
            store,
            due: false,
            unsaved: false,
            failed: None,
            #[cfg(test)]
            writes: 0,
        }
    }

    /// The settings changed: write them once the change is complete (which
    /// also tries again after a failed write).
    pub fn changed(&mut self) {
        self.due = true;
        self.unsaved = true;
    }

    /// Try again to write settings whose last write failed.
    pub fn retry(&mut self) {
        if self.unsaved {
            self.due = true;
        }
    }

    /// Whether a write waits for the gesture to end.
    pub fn is_waiting(&self) -> bool {
        self.due
    }

    /// Why the settings in use are not in the file, if a write failed.
    pub fn not_saved(&self) -> Option<&FileProblem> {
        self.failed.as_ref().filter(|_| self.unsaved)
    }

    /// How many times the file was written.
    #[cfg(test)]
    fn writes(&self) -> usize {
        self.writes
    }

    /// Writes the settings if they changed and the gesture that changed
    /// them is over: no button held down, no number being typed. A failed
    /// write is tried again with the next change, or on [`retry`](Self::retry).
    pub fn save_when_settled(
        &mut self,
        settings: &Settings,
        gesture_going_on: bool,
    ) -> Option<FileProblem> {
        if gesture_going_on || !self.due {
            return None;
        }
        self.save_now(settings)
    }

    /// Writes the settings now if they differ from the file (on exit, say).
    pub fn save_now(&mut self, settings: &Settings) -> Option<FileProblem> {
        self.due = false;
        if !self.unsaved {
            return None;
        }
        let Some(store) = self.store.as_ref() else {
            // No data folder: nothing is kept, as the start-up notice said.
            self.unsaved = false;
            return None;
        };
        #[cfg(test)]
        {
            self.writes += 1;
        }
        match store.save(settings) {
            Ok(()) => {
                self.unsaved = false;
                self.failed = None;
                None
            }
            Err(problem) => {
                self.failed = Some(problem.clone());
                Some(problem)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DataDir;

    #[test]
    fn a_drag_is_written_once_when_it_ends() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = SettingsStore::load(&DataDir::at(dir.path()));
        let mut saver = SettingsSaver::new(Some(store));
        let mut settings = Settings::default();
        for frame in 0..60 {
            settings.volume = frame as f32 / 60.0;
            saver.changed();
            assert!(saver.save_when_settled(&settings, true).is_none());
        }
        assert_eq!(saver.writes(), 0);
        assert!(!dir.path().join("settings.ron").exists());
        assert!(saver.save_when_settled(&settings, false).is_none());
        assert!(saver.save_when_settled(&settings, false).is_none());
        assert_eq!(saver.writes(), 1);
        let (_, loaded) = SettingsStore::load(&DataDir::at(dir.path()));
        assert_eq!(loaded.settings.volume, settings.volume);
    }

    #[test]
    fn a_failed_write_stays_not_saved_and_is_tried_again_with_the_next_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        // A settings file that can't be read is kept: writes are refused.
        std::fs::write(&path, "(volume: loud)").unwrap();
        let (store, _) = SettingsStore::load(&DataDir::at(dir.path()));
        let mut saver = SettingsSaver::new(Some(store));
        saver.changed();
        assert!(
            saver
                .save_when_settled(&Settings::default(), false)
                .is_some()
        );
        assert!(saver.not_saved().is_some());
        // Not tried again on every frame...
        assert!(
            saver
                .save_when_settled(&Settings::default(), false)
                .is_none()
        );
        assert_eq!(saver.writes(), 1);
        // ...but with the next change, on request, and on quit.
        saver.changed();
        assert!(
            saver
                .save_when_settled(&Settings::default(), false)
                .is_some()
        );
        saver.retry();
        assert!(
            saver
                .save_when_settled(&Settings::default(), false)
                .is_some()
        );
        assert!(saver.save_now(&Settings::default()).is_some());
        assert_eq!(saver.writes(), 4);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(volume: loud)");
    }

    #[test]
    fn nothing_changed_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = SettingsStore::load(&DataDir::at(dir.path()));
        let mut saver = SettingsSaver::new(Some(store));
        assert!(saver.save_now(&Settings::default()).is_none());
        assert_eq!(saver.writes(), 0);
    }
}
