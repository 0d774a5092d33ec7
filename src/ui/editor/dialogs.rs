//! The editor's questions, one type each: `show` draws it and says whether
//! it is still open; `confirmed` tells the answer once it is closed.

use std::path::PathBuf;

use eframe::egui;

use super::labels;
use crate::ui::Command;
use crate::ui::widgets::question::Question;

/// What to do once unsaved changes are discarded.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Open the user's routine with this index.
    Open(usize),
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

/// "Discard unsaved changes?"
pub struct DiscardDialog {
    pub then: Pending,
    pub confirmed: bool,
}

impl DiscardDialog {
    pub fn new(then: Pending) -> DiscardDialog {
        DiscardDialog {
            then,
            confirmed: false,
        }
    }

    /// Draws it; `false` once answered.
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        let question = Question {
            id: "discard_changes",
            heading: "Discard unsaved changes?",
            body: "The routine you are editing has changes that are not saved.",
            yes: labels::DISCARD,
            no: labels::KEEP_EDITING,
            footnote: None,
            default: false,
        };
        ask(&question, ctx, &mut self.confirmed)
    }
}
