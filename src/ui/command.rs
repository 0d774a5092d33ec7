//! What the screens ask the app to do, queued during a frame and applied in
//! one place after it (see `handle`).

use std::path::PathBuf;

use super::action::Action;
use crate::model::{Routine, Settings, TextSize, ThemePreference, Tool};

/// A request from a screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// An action of the registry, from its key, button or menu entry.
    Run(Action),
    /// Open an exercise card by id.
    OpenCard(String),
    SetTheme(ThemePreference),
    SetTextSize(TextSize),
    /// Mark a tool as owned or not.
    SetToolOwned(Tool, bool),
    /// Replace the settings (from the settings screen).
    SetSettings(Box<Settings>),
    /// Hide a notice by its index.
    DismissNotice(usize),
    /// Start editing a copy of a routine.
    DuplicateRoutine(Routine),
    /// Open the user's routine in this file in the editor.
    EditRoutine(PathBuf),
    /// Delete the routine file at this path (already confirmed).
    DeleteRoutine(PathBuf),
    /// Import routine files (picked, or dropped on the window).
    Import(Vec<PathBuf>),
    /// Export the routine being edited to this file.
    ExportTo(PathBuf),
    /// Play a routine from its start.
    StartRoutine(Routine),
    /// Play one exercise of the library (by id) as a routine.
    StartExercise(String),
    /// Say a sample line with the voice as set.
    TryVoice,
    /// The answer to "Quit without saving your settings?".
    AnswerQuit(bool),
    /// Ask for the check-in before and after routines, or not.
    SetCheckIn(bool),
    /// Delete the session of this history file (already confirmed).
    DeleteSession(PathBuf),
    /// Delete every session (confirmed twice).
    DeleteAllSessions,
    /// Write the history as CSV to this file.
    ExportHistoryTo(PathBuf),
}

impl From<Action> for Command {
    fn from(action: Action) -> Command {
        Command::Run(action)
    }
}

/// The commands a screen sends during one frame.
pub type Commands = Vec<Command>;
