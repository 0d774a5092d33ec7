//! The editor's questions, one type each: `show` draws it and says whether
//! it is still open; `confirmed` tells the answer once it is closed.

use std::path::PathBuf;

use eframe::egui;

use super::labels;
use crate::ui::Command;
use crate::ui::widgets::question::{Answer, Question};

/// What to do once unsaved changes are discarded.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Open the user's routine in this file.
    Open(PathBuf),
    /// Start a new routine.
    New,
    /// Go on with a command that leaves the editor.
    Leave(Box<Command>),
}

/// Draws `question` and notes its answer: `false` once answered.
fn ask(question: &Question<'_>, ctx: &egui::Context, confirmed: &mut bool) -> bool {
    match question.show(ctx, true) {
        Some(yes) => {
            *confirmed = yes;
            false
        }
        None => true,
    }
}

/// "Delete this routine?"
pub struct DeleteDialog {
    pub path: PathBuf,
    name: String,
    pub confirmed: bool,
}

impl DeleteDialog {
    pub fn new(path: PathBuf, name: String) -> DeleteDialog {
        DeleteDialog {
            path,
            name,
            confirmed: false,
        }
    }

    /// Draws it; `false` once answered.
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        let heading = format!("Delete \"{}\"?", self.name);
        let question = Question {
            id: "delete_routine",
            heading: &heading,
            body: "Its file is removed. You can undo this until you quit.",
            yes: labels::CONFIRM_DELETE,
            no: labels::KEEP_IT,
            footnote: None,
            default: false,
        };
        ask(&question, ctx, &mut self.confirmed)
    }
}

/// What to do with unsaved changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    /// Save them, then go on.
    Save,
    /// Drop them and go on.
    Discard,
    /// Stay, with them.
    KeepEditing,
}

/// "Save your changes?", with "Save" when the routine can be saved.
pub struct DiscardDialog {
    pub then: Pending,
    pub answer: Option<Unsaved>,
}

impl DiscardDialog {
    pub fn new(then: Pending) -> DiscardDialog {
        DiscardDialog { then, answer: None }
    }

    /// Draws it, offering Save if `can_save`; `false` once answered.
    pub fn show(&mut self, ctx: &egui::Context, can_save: bool) -> bool {
        let body = if can_save {
            "The routine you are editing has changes that are not saved."
        } else {
            "The routine you are editing has changes that are not saved, and it \
             can't be saved until what is marked in red is fixed."
        };
        let question = Question {
            id: "discard_changes",
            heading: if can_save {
                "Save your changes?"
            } else {
                "Discard unsaved changes?"
            },
            body,
            yes: labels::DISCARD,
            no: labels::KEEP_EDITING,
            footnote: None,
            default: false,
        };
        let save = can_save.then_some(labels::SAVE);
        match question.show_with_first(ctx, true, save) {
            Some(answer) => {
                self.answer = Some(match answer {
                    Answer::First => Unsaved::Save,
                    Answer::Yes => Unsaved::Discard,
                    Answer::No => Unsaved::KeepEditing,
                });
                false
            }
            None => true,
        }
    }
}
