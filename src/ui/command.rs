//! Every user action, sent by the screens and applied by the app after the frame.

use crate::model::{Routine, Settings, TextSize, ThemePreference, Tool};

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the safety rules again.
    ShowSafety,
    /// The user read and accepted the safety rules.
    AcknowledgeSafety,
    /// Back to the exercise library.
    ShowLibrary,
    /// Open an exercise card by id.
    OpenCard(String),
    SetTheme(ThemePreference),
    SetTextSize(TextSize),
    /// Mark a tool as owned or not.
    SetToolOwned(Tool, bool),
    /// Show or hide the list of keyboard shortcuts.
    ToggleShortcuts,
    /// Hide a notice by its index.
    DismissNotice(usize),
    /// Close the window.
    Quit,
    /// Show the list of routines.
    ShowRoutines,
    /// Show the settings screen.
    ShowSettings,
    /// Replace the settings (from the settings screen).
    SetSettings(Box<Settings>),
    /// Open the routine editor.
    EditRoutines,
    /// Start editing a copy of a routine.
    DuplicateRoutine(Routine),
    /// Save the routine being edited.
    SaveRoutine,
    /// Choose a routine file to import.
    ImportDialog,
    /// Choose where to export the routine being edited.
    ExportDialog,
    /// Import routine files (dropped on the window).
    Import(Vec<std::path::PathBuf>),
    /// Play a routine from its start.
    StartRoutine(Routine),
    /// Play one exercise of the library (by id) as a routine.
    StartExercise(String),
    TogglePause,
    Skip,
    Back,
    ExtendHold,
    TooIntense,
    ToggleMute,
    ToggleFollowAlong,
    /// Ask whether to stop (pauses meanwhile).
    AskStop,
    ConfirmStop,
    CancelStop,
}
