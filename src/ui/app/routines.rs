//! The user's routine files: save, delete and undo, import and export, and
//! reading them again after they changed outside the app. The store does
//! the file work; this tells the editor what happened.

use std::path::{Path, PathBuf};

use super::RollcoachApp;
use crate::store::{RoutineFile, RoutineFiles, export_routine, safe_file_stem};
use crate::ui::notices::Notice;
use crate::ui::path_prompt::PathPrompt;
use crate::ui::state::Screen;

/// Why nothing can be kept without a data folder.
const NO_FOLDER: &str = "There is no folder to keep routines in (see --data-dir).";

impl RollcoachApp {
    fn files(&self) -> Result<&RoutineFiles, String> {
        self.routine_files
            .as_ref()
            .ok_or_else(|| NO_FOLDER.to_owned())
    }

    /// Saves the routine being edited, if it is valid.
    pub(super) fn save_routine(&mut self) {
        let Some((path, routine)) = self.state.editor.to_save(&self.state.catalog) else {
            return;
        };
        let saved = self.files().and_then(|files| {
            let saved = match path {
                Some(path) => {
                    let file = RoutineFile { path, routine };
                    files.save(&file).map(|()| file)
                }
                None => files.save_new(&routine),
            };
            saved.map_err(|p| format!("Not saved: {p}"))
        });
        match saved {
            Ok(file) => {
                self.state.editor.show_saved(file);
                self.reload_routines();
                // Saved from "Save your changes?": go on where the person was going.
                if let Some(command) = self.state.editor.after_save() {
                    self.commands.push(command);
                }
            }
            Err(why) => self.state.editor.complain(why),
        }
    }

    /// Deletes a routine file (the editor asked first); Undo brings it back.
    pub(super) fn delete_routine(&mut self, path: &Path) {
        let editor = &self.state.editor;
        let Some(file) = editor.routines.iter().find(|f| f.path == path).cloned() else {
            return;
        };
        match self
            .files()
            .and_then(|f| f.delete(path).map_err(|p| p.to_string()))
        {
            Ok(()) => {
                self.state.editor.deleted(file);
                self.reload_routines();
            }
            Err(why) => self.state.editor.complain(format!("Not deleted: {why}")),
        }
    }

    /// Writes the routine deleted last back to its file.
    pub(super) fn undo_delete(&mut self) {
        let Some(file) = self.state.editor.take_deleted() else {
            return;
        };
        match self
            .files()
            .and_then(|f| f.save(&file).map_err(|p| p.to_string()))
        {
            Ok(()) => {
                self.reload_routines();
            }
            Err(why) => self
                .state
                .editor
                .complain(format!("Could not bring it back: {why}")),
        }
    }

    /// Imports routine files, each as a new routine of the user's.
    pub(super) fn import(&mut self, paths: Vec<PathBuf>) {
        self.state.screen = Screen::Editor;
        let catalog = &self.state.catalog;
        let has = |id: &str| catalog.get(id).is_some();
        let mut done = Vec::new();
        let mut refused = Vec::new();
        let mut last = None;
        for path in paths {
            match self.files() {
                Ok(files) => match files.import(&path, has) {
                    Ok(file) => {
                        done.push(format!("\"{}\"", file.routine.name));
                        last = Some(file);
                    }
                    Err(why) => refused.push(why.to_string()),
                },
                Err(why) => refused.push(why),
            }
        }
        self.reload_routines();
        let editor = &mut self.state.editor;
        if let Some(file) = last {
            editor.show_saved(file);
        }
        if !done.is_empty() {
            editor.say(format!("Imported {}.", done.join(", ")));
        }
        if !refused.is_empty() {
            editor.complain(format!("Not imported: {}", refused.join("; ")));
        }
    }

    /// Asks for routine files to import.
    pub(super) fn import_dialog(&mut self) {
        if !self.has_file_chooser() {
            self.state.path_prompt = Some(PathPrompt::import());
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title("Import a routine")
            .add_filter("Rollcoach routine", &["ron"])
            .pick_files();
        if let Some(paths) = picked {
            self.import(paths);
        }
    }

    /// Asks where to export the routine being edited, and writes it there.
    pub(super) fn export_dialog(&mut self) {
        let editor = &mut self.state.editor;
        let Some(routine) = editor.draft().cloned() else {
            editor.complain("Open a routine first.".into());
            return;
        };
        // A shared file must open and play elsewhere.
        if !self.state.catalog.routine_problems(&routine).is_empty() {
            editor.complain("Not exported: fix what is marked in red first.".into());
            return;
        }
        let file_name = format!("{}.ron", safe_file_stem(&routine.name));
        if !self.has_file_chooser() {
            self.state.path_prompt = Some(PathPrompt::export(&file_name));
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title("Export the routine")
            .add_filter("Rollcoach routine", &["ron"])
            .set_file_name(file_name)
            .save_file();
        if let Some(path) = picked {
            self.export_to(&path);
        }
    }

    /// Writes the routine being edited to `path`.
    pub(super) fn export_to(&mut self, path: &std::path::Path) {
        let editor = &mut self.state.editor;
        let Some(routine) = editor.draft().cloned() else {
            editor.complain("Open a routine first.".into());
            return;
        };
        match export_routine(path, &routine) {
            Ok(()) => editor.say(format!("Exported to {}", path.display())),
            Err(p) => editor.complain(format!("Not exported: {p}")),
        }
    }

    /// Whether the system can show a file chooser.
    pub(super) fn has_file_chooser(&self) -> bool {
        self.file_chooser
            .unwrap_or_else(crate::ui::path_prompt::chooser_available)
    }

    /// Reads the routine files again, for the editor and the routines list.
    pub(super) fn reload_routines(&mut self) -> Vec<crate::store::FileProblem> {
        let Some(files) = &self.routine_files else {
            return Vec::new();
        };
        let loaded = files.load_all();
        self.state.editor.set_routines(loaded.routines);
        loaded.problems
    }

    /// Re-reads the user's files after they may have changed outside the
    /// app; unsaved edits are kept.
    pub(super) fn reload_from_disk(&mut self) {
        for problem in self.reload_routines() {
            self.state
                .notices
                .push(Notice::unreadable_routine(&problem));
        }
    }
}
