//! The routine editor: your own routines, made from the library's
//! exercises. New, duplicate (built-ins are read-only: duplicating one is how
//! to change it), rename, reorder, delete with undo; every field checked as
//! you type; Ctrl+S saves.
//!
//! The editor is state and drawing only: saving, deleting, importing and
//! exporting are commands, which the app carries out through the store.

mod dialogs;
mod draft;
mod fields;
mod list;

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::Commands;
use super::theme::caution_colour;
use crate::catalog::Catalog;
use crate::model::{Routine, Settings};
use crate::store::RoutineFile;
use dialogs::{DeleteDialog, DiscardDialog, Pending, Unsaved};

/// Labels of the editor's controls that have no action of their own (also
/// their accessible names).
pub mod labels {
    pub const CONFIRM_DELETE: &str = "Yes, delete it";
    pub const KEEP_IT: &str = "Keep it";
    pub const DELETE: &str = "Delete";
    pub const UNDO: &str = "Undo";
    pub const NAME: &str = "Routine name";
    pub const ABOUT: &str = "About this routine";
    pub const ADD_SEARCH: &str = "Find an exercise to add";
    pub const DISCARD: &str = "Discard changes";
    /// Save, in the question about unsaved changes (the editor's own Save
    /// button is the action's).
    pub const SAVE: &str = "Save";
    pub const KEEP_EDITING: &str = "Keep editing";
}

/// The list of routines' width at first, and the range it can be dragged in.
const LIST_WIDTH: f32 = 260.0;
const LIST_WIDTH_MIN: f32 = 150.0;
const LIST_WIDTH_MAX: f32 = 400.0;
/// What the list leaves to the routine being edited.
const DRAFT_KEEP: f32 = 400.0;

/// A routine being edited.
#[derive(Debug, Clone)]
struct Draft {
    /// Its file, once saved.
    path: Option<PathBuf>,
    routine: Routine,
    dirty: bool,
}

/// A question the editor is asking.
enum Question {
    Delete(DeleteDialog),
    Discard(DiscardDialog),
}

/// The editor: the user's routines as on disk, and the one being edited.
#[derive(Default)]
pub struct Editor {
    /// The user's routines, as on disk.
    pub routines: Vec<RoutineFile>,
    draft: Option<Draft>,
    search: String,
    question: Option<Question>,
    /// The last deleted routine, for Undo.
    deleted: Option<RoutineFile>,
    /// The last problem saving or deleting.
    problem: Option<String>,
    /// The last thing done that the user should know of (an import, say).
    message: Option<String>,
    /// What to do once the save asked for from "Save your changes?" is done.
    after_save: Option<Pending>,
}

impl Editor {
    /// An editor over the user's routines.
    pub fn new(routines: Vec<RoutineFile>) -> Editor {
        Editor {
            routines,
            ..Editor::default()
        }
    }

    /// Takes the routines as now on disk. The routine being edited keeps
    /// its unsaved changes; an unchanged one follows its file.
    pub fn set_routines(&mut self, routines: Vec<RoutineFile>) {
        self.routines = routines;
        if let Some(draft) = self.draft.as_mut()
            && !draft.dirty
            && let Some(path) = &draft.path
        {
            match self.routines.iter().find(|f| &f.path == path) {
                Some(file) => draft.routine = file.routine.clone(),
                None => self.draft = None,
            }
        }
    }

    /// Tells the user something in the editor.
    pub fn say(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Shows a problem in the editor. Whatever was to follow a save waits:
    /// nothing unsaved is left behind.
    pub fn complain(&mut self, problem: String) {
        self.problem = Some(problem);
        self.after_save = None;
    }

    /// After a save: goes on with what "Save your changes?" was asked
    /// for, if anything. A command that leaves the editor is returned, for
    /// the app to carry out.
    pub fn after_save(&mut self) -> Option<super::Command> {
        let pending = self.after_save.take()?;
        if self.has_unsaved_changes() {
            return None;
        }
        let mut commands = Vec::new();
        self.carry_out(pending, &mut commands);
        commands.pop()
    }

    /// Opens the user's routine in the file at `path` (asking first if the
    /// open one has unsaved changes).
    pub fn open(&mut self, path: PathBuf) {
        self.unless_unsaved(Pending::Open(path));
    }

    /// Whether there are unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| d.dirty)
    }

    /// The routine being edited.
    pub fn draft(&self) -> Option<&Routine> {
        self.draft.as_ref().map(|d| &d.routine)
    }

    /// The file of the routine being edited, once saved.
    pub fn draft_path(&self) -> Option<&Path> {
        self.draft.as_ref().and_then(|d| d.path.as_deref())
    }

    /// Starts editing a copy of `routine` (not saved until Save).
    pub fn duplicate(&mut self, routine: &Routine) {
        let mut copy = routine.clone();
        copy.name = format!("{} (my copy)", routine.name);
        self.edit(None, copy, true);
    }

    /// Shows a routine just saved, imported or brought back as the one
    /// being edited, without changes.
    pub fn show_saved(&mut self, file: RoutineFile) {
        self.edit(Some(file.path), file.routine, false);
        self.problem = None;
    }

    /// Asks before `command` leaves unsaved changes behind; `true` if it
    /// may go ahead now.
    pub fn may_leave(&mut self, then: super::Command) -> bool {
        if self.has_unsaved_changes() {
            self.question = Some(Question::Discard(DiscardDialog::new(Pending::Leave(
                Box::new(then),
            ))));
            false
        } else {
            true
        }
    }

    /// Starts a new, empty routine, asking first if the open one has
    /// unsaved changes.
    pub fn new_routine(&mut self) {
        self.unless_unsaved(Pending::New);
    }

    /// The routine to save, with its file if it has one; or why it can't
    /// be saved yet (told in the editor too).
    pub fn to_save(&mut self, catalog: &Catalog) -> Option<(Option<PathBuf>, Routine)> {
        let draft = self.draft.as_mut()?;
        if !catalog.routine_problems(&draft.routine).is_empty() {
            self.problem = Some("Fix what is marked in red, then save.".into());
            self.after_save = None;
            return None;
        }
        draft.routine.name = draft.routine.name.trim().to_owned();
        Some((draft.path.clone(), draft.routine.clone()))
    }

    /// The routine at `path` was deleted: it can be brought back with Undo.
    pub fn deleted(&mut self, file: RoutineFile) {
        if self.draft_path() == Some(file.path.as_path()) {
            self.draft = None;
        }
        self.deleted = Some(file);
    }

    /// The routine deleted last, for Undo.
    pub fn take_deleted(&mut self) -> Option<RoutineFile> {
        self.deleted.take()
    }

    fn edit(&mut self, path: Option<PathBuf>, routine: Routine, dirty: bool) {
        self.draft = Some(Draft {
            path,
            routine,
            dirty,
        });
    }

    /// Does `pending` now, or asks first if there are unsaved changes.
    fn unless_unsaved(&mut self, pending: Pending) {
        if self.has_unsaved_changes() {
            self.question = Some(Question::Discard(DiscardDialog::new(pending)));
        } else {
            self.carry_out(pending, &mut Vec::new());
        }
    }

    fn carry_out(&mut self, pending: Pending, commands: &mut Commands) {
        match pending {
            Pending::Open(path) => {
                if let Some(file) = self.routines.iter().find(|f| f.path == path).cloned() {
                    self.edit(Some(file.path), file.routine, false);
                }
            }
            Pending::New => self.edit(None, Routine::new("My routine"), true),
            Pending::Leave(command) => {
                self.draft = None;
                commands.push(*command);
            }
        }
    }

    /// Draws the editor.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Commands,
    ) {
        // The list gives way first in a narrow window: the routine being
        // edited keeps room for its fields and buttons.
        let widest = crate::ui::page::side_width(ui, LIST_WIDTH_MAX, LIST_WIDTH_MIN, DRAFT_KEEP);
        egui::Panel::left("my_routines")
            .frame(crate::ui::panel::side(ui))
            .resizable(true)
            .default_size(LIST_WIDTH.min(widest))
            .size_range(LIST_WIDTH_MIN..=widest)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("my_routines")
                    .show(ui, |ui| self.list_ui(ui, commands));
            });
        egui::CentralPanel::default().frame(crate::ui::panel::central(ui)).show(ui, |ui| {
            self.messages_ui(ui, commands);
            if self.draft.is_some() {
                self.draft_ui(ui, catalog, settings, commands);
            } else {
                ui.add_space(20.0);
                ui.label(RichText::new("Pick a routine on the left, or make a new one.").size(20.0));
                ui.label(
                    "To change a built-in routine, open Routines and press \"Duplicate\" beside it.",
                );
            }
        });
        self.question_ui(ui.ctx(), catalog, commands);
    }

    fn messages_ui(&mut self, ui: &mut egui::Ui, commands: &mut Commands) {
        if let Some(problem) = &self.problem {
            ui.add(egui::Label::new(RichText::new(problem).color(caution_colour(ui))).wrap());
        }
        if let Some(message) = &self.message {
            ui.add(egui::Label::new(RichText::new(message).strong()).wrap());
        }
        if let Some(file) = &self.deleted {
            // A long name wraps, Undo after it.
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("Deleted \"{}\".", file.routine.name));
                let undo = crate::ui::action::Action::UndoDelete;
                if crate::ui::action::action_button(ui, undo, true).clicked() {
                    commands.push(undo.into());
                }
            });
        }
    }

    fn question_ui(&mut self, ctx: &egui::Context, catalog: &Catalog, commands: &mut Commands) {
        let can_save = self
            .draft
            .as_ref()
            .is_some_and(|d| catalog.routine_problems(&d.routine).is_empty());
        let Some(question) = self.question.as_mut() else {
            return;
        };
        let open = match question {
            Question::Delete(dialog) => dialog.show(ctx),
            Question::Discard(dialog) => dialog.show(ctx, can_save),
        };
        if open {
            return;
        }
        match self.question.take() {
            Some(Question::Delete(dialog)) if dialog.confirmed => {
                commands.push(super::Command::DeleteRoutine(dialog.path));
            }
            Some(Question::Discard(dialog)) => match dialog.answer {
                Some(Unsaved::Discard) => {
                    if let Some(d) = self.draft.as_mut() {
                        d.dirty = false;
                    }
                    self.carry_out(dialog.then, commands);
                }
                // The app saves; `after_save` goes on once it has.
                Some(Unsaved::Save) => {
                    self.after_save = Some(dialog.then);
                    commands.push(super::action::Action::SaveRoutine.into());
                }
                Some(Unsaved::KeepEditing) | None => {}
            },
            _ => {}
        }
    }

    /// Whether a question is showing (its keys are its own).
    pub fn is_asking(&self) -> bool {
        self.question.is_some()
    }

    fn ask_delete(&mut self, path: PathBuf) {
        let name = self
            .routines
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.routine.name.clone())
            .unwrap_or_default();
        self.question = Some(Question::Delete(DeleteDialog::new(path, name)));
    }
}
