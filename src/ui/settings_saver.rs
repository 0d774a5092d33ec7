//! Settings are saved when a change is complete, not on every frame of it:
//! a changed setting takes effect at once, and is written once the drag or
//! the typing that changed it ends, and on exit.

use crate::model::Settings;
use crate::store::{FileProblem, SettingsStore};

/// Writes the settings file at the right moment.
#[derive(Debug)]
pub struct SettingsSaver {
    store: Option<SettingsStore>,
    /// Changed since the last write.
    unsaved: bool,
    /// How many times the file was written.
    #[cfg(test)]
    writes: usize,
}

impl SettingsSaver {
    /// Saves through `store`; `None` keeps nothing (no data folder).
    pub fn new(store: Option<SettingsStore>) -> SettingsSaver {
        SettingsSaver {
            store,
            unsaved: false,
            #[cfg(test)]
            writes: 0,
        }
    }

    /// The settings changed: write them once the change is complete.
    pub fn changed(&mut self) {
        self.unsaved = true;
    }

    /// Whether a change waits to be written.
    pub fn is_waiting(&self) -> bool {
        self.unsaved
    }

    /// How many times the file was written.
    #[cfg(test)]
    fn writes(&self) -> usize {
        self.writes
    }

    /// Writes the settings if they changed and the gesture that changed
    /// them is over: no button held down, no number being typed.
    pub fn save_when_settled(
        &mut self,
        settings: &Settings,
        gesture_going_on: bool,
    ) -> Option<FileProblem> {
        if gesture_going_on {
            return None;
        }
        self.save_now(settings)
    }

    /// Writes the settings now if they changed (on exit, say).
    pub fn save_now(&mut self, settings: &Settings) -> Option<FileProblem> {
        if !self.unsaved {
            return None;
        }
        self.unsaved = false;
        let store = self.store.as_ref()?;
        #[cfg(test)]
        {
            self.writes += 1;
        }
        store.save(settings).err()
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
    fn nothing_changed_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = SettingsStore::load(&DataDir::at(dir.path()));
        let mut saver = SettingsSaver::new(Some(store));
        assert!(saver.save_now(&Settings::default()).is_none());
        assert_eq!(saver.writes(), 0);
    }
}
