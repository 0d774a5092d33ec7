//! Every action a person can take, with its words and its keys.
//!
//! One registry: menus, buttons, tooltips, the keyboard shortcuts window,
//! the README's keyboard table and the key handling all read it, so no key
//! name is written anywhere else, and a new action is one entry here.

mod keys;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use keys::on_mac;
pub use keys::{pressed, shortcut_text};

/// Where an action can be live: a screen, or a question over one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// The safety rules.
    Safety,
    /// The grid of exercise cards.
    Library,
    /// One exercise card.
    Card,
    /// The list of built-in routines.
    Routines,
    /// "My routines", the editor.
    Editor,
    /// The settings screen.
    Settings,
    /// A routine playing.
    Player,
    /// "Stop the routine?" over the player.
    StopQuestion,
    /// The end of a routine.
    Summary,
    /// How sore the areas feel, before or after a routine.
    CheckIn,
    /// The history: days rolled, minutes, soreness over time.
    Progress,
    /// "What hurts today?": the body map and the plan made from it.
    Planner,
}

impl Place {
    /// Every place, in the order the shortcuts window lists them.
    pub const ALL: [Place; 12] = [
        Place::Safety,
        Place::Library,
        Place::Card,
        Place::Routines,
        Place::Editor,
        Place::Settings,
        Place::Player,
        Place::StopQuestion,
        Place::Summary,
        Place::CheckIn,
        Place::Progress,
        Place::Planner,
    ];

    /// Its name, as the shortcuts window shows it.
    pub fn label(self) -> &'static str {
        match self {
            Place::Safety => "Safety screen",
            Place::Library => "Library",
            Place::Card => "Card",
            Place::Routines => "Routines",
            Place::Editor => "My routines",
            Place::Settings => "Settings",
            Place::Player => "Player",
            Place::StopQuestion => "Stop question",
            Place::Summary => "Summary",
            Place::CheckIn => "Check-in",
            Place::Progress => "Progress",
            Place::Planner => "Body map",
        }
    }

    /// Whether a focused widget here keeps the plain keys it uses itself:
    /// Enter and Space press a focused button, the arrows move along the
    /// list it is in (unless it takes the arrows itself, as a library card
    /// does). The player takes them always, so that Space pauses whatever
    /// has the focus; elsewhere these keys have no action of the screen's
    /// and go to the focused widget anyway.
    fn yields_to_focus(self) -> bool {
        // In the stop question, Enter presses the focused answer; with
        // none focused, it stops.
        matches!(self, Place::Library | Place::StopQuestion)
    }
}

/// Everywhere but a question, which has only its own answers.
const ANYWHERE: &[Place] = &[
    Place::Safety,
    Place::Library,
    Place::Card,
    Place::Routines,
    Place::Editor,
    Place::Settings,
    Place::Player,
    Place::Summary,
    Place::CheckIn,
    Place::Progress,
    Place::Planner,
];

/// A user action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Anywhere.
    ShowSafety,
    TextLarger,
    TextSmaller,
    ShowShortcuts,
    Quit,
    // The menu bar's screens.
    ShowLibrary,
    ShowRoutines,
    EditRoutines,
    ShowSettings,
    ShowProgress,
    ShowPlanner,
    // The safety screen.
    AcceptSafety,
    // Back from a card or the safety screen.
    BackToLibrary,
    // The library.
    SearchLibrary,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    SelectFirst,
    SelectLast,
    OpenSelected,
    // A card.
    PreviousCard,
    NextCard,
    StartExercise,
    // My routines.
    NewRoutine,
    SaveRoutine,
    ImportRoutine,
    ExportRoutine,
    UndoDelete,
    // The player.
    TogglePause,
    Back,
    Skip,
    ExtendHold,
    TooIntense,
    ToggleMute,
    ToggleFollowAlong,
    AskStop,
    // The stop question.
    ConfirmStop,
    CancelStop,
    // The summary.
    FinishSummary,
    // Settings.
    SaveSettingsAgain,
    // The check-in.
    /// Sets the focused area's rating to the digit (0 to 9; 10 is one step
    /// up from 9).
    Rate(u8),
    RateUp,
    RateDown,
    ContinueCheckIn,
    SkipCheckIn,
    // Progress.
    ExportHistory,
    UndoDeleteSession,
    // The body map.
    MapLeft,
    MapRight,
    MapUp,
    MapDown,
    ClearRating,
    ToggleInjured,
    StartPlan,
    SavePlan,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// The digit keys, 0 to 9, in order.
const DIGITS: &[KeyboardShortcut] = &[
    key(Key::Num0),
    key(Key::Num1),
    key(Key::Num2),
    key(Key::Num3),
    key(Key::Num4),
    key(Key::Num5),
    key(Key::Num6),
    key(Key::Num7),
    key(Key::Num8),
    key(Key::Num9),
];

impl Action {
    /// The action a press of `shortcut` makes: a digit gives its own
    /// rating.
    fn pressed_as(self, shortcut: &KeyboardShortcut) -> Action {
        match self {
            Action::Rate(_) => {
                let digit = DIGITS.iter().position(|d| d == shortcut).unwrap_or(0);
                Action::Rate(digit as u8)
            }
            other => other,
        }
    }
}

impl Action {
    /// Every action, in the order the shortcuts window lists them.
    pub const ALL: [Action; 56] = [
        Action::AcceptSafety,
        Action::BackToLibrary,
        Action::SearchLibrary,
        Action::SelectLeft,
        Action::SelectRight,
        Action::SelectUp,
        Action::SelectDown,
        Action::SelectFirst,
        Action::SelectLast,
        Action::OpenSelected,
        Action::PreviousCard,
        Action::NextCard,
        Action::StartExercise,
        Action::NewRoutine,
        Action::SaveRoutine,
        Action::ImportRoutine,
        Action::ExportRoutine,
        Action::UndoDelete,
        Action::TogglePause,
        Action::Back,
        Action::Skip,
        Action::ExtendHold,
        Action::TooIntense,
        Action::ToggleMute,
        Action::ToggleFollowAlong,
        Action::AskStop,
        Action::ConfirmStop,
        Action::CancelStop,
        Action::FinishSummary,
        Action::SaveSettingsAgain,
        Action::Rate(0),
        Action::RateUp,
        Action::RateDown,
        Action::ContinueCheckIn,
        Action::SkipCheckIn,
        Action::ExportHistory,
        Action::UndoDeleteSession,
        Action::MapLeft,
        Action::MapRight,
        Action::MapUp,
        Action::MapDown,
        Action::ClearRating,
        Action::ToggleInjured,
        Action::StartPlan,
        Action::SavePlan,
        Action::ShowLibrary,
        Action::ShowRoutines,
        Action::EditRoutines,
        Action::ShowSettings,
        Action::ShowProgress,
        Action::ShowPlanner,
        Action::ShowSafety,
        Action::ShowShortcuts,
        Action::TextLarger,
        Action::TextSmaller,
        Action::Quit,
    ];

    /// The words on its button or menu entry (also its accessible name).
    pub fn label(self) -> &'static str {
        use Action::*;
        match self {
            ShowSafety => "Safety first",
            TextLarger => "Larger text",
            TextSmaller => "Smaller text",
            ShowShortcuts => "Keyboard shortcuts",
            Quit => "Quit",
            ShowLibrary => "Library",
            ShowRoutines => "Routines",
            EditRoutines => "My routines",
            ShowSettings => "Settings",
            ShowProgress => "Progress",
            ShowPlanner => "What hurts?",
            AcceptSafety => "I understand, let's roll",
            BackToLibrary | FinishSummary => "Back to the library",
            SearchLibrary => "Search",
            SelectLeft => "Select the card on the left",
            SelectRight => "Select the card on the right",
            SelectUp => "Select the card above",
            SelectDown => "Select the card below",
            SelectFirst => "Select the first card",
            SelectLast => "Select the last card",
            OpenSelected => "Open the selected card",
            PreviousCard => "Previous",
            NextCard => "Next",
            StartExercise => "Start this exercise",
            NewRoutine => "New routine",
            SaveRoutine => "Save",
            ImportRoutine => "Import a routine file...",
            ExportRoutine => "Export...",
            UndoDelete => "Undo",
            TogglePause => "Pause",
            Back => "Back",
            Skip => "Skip",
            ExtendHold => "+10 s",
            TooIntense => "Too intense",
            ToggleMute => "Mute",
            ToggleFollowAlong => "Follow along",
            AskStop => "Stop",
            ConfirmStop => "Stop the routine",
            CancelStop => "Keep going",
            SaveSettingsAgain => "Try saving again",
            Rate(_) => "Rate",
            RateUp => "One more",
            RateDown => "One less",
            ContinueCheckIn => "Continue",
            SkipCheckIn => "Skip",
            ExportHistory => "Export to CSV...",
            UndoDeleteSession => "Undo",
            MapLeft => "Select the area to the left",
            MapRight => "Select the area to the right",
            MapUp => "Select the area above",
            MapDown => "Select the area below",
            ClearRating => "Clear",
            ToggleInjured => "Injured",
            StartPlan => "Start",
            SavePlan => "Save to My routines",
        }
    }

    /// The label of a button that toggles, for its current state: "Resume"
    /// while paused, "Unmute" while muted.
    pub fn toggle_label(self, on: bool) -> &'static str {
        match (self, on) {
            (Action::TogglePause, true) => "Resume",
            (Action::ToggleMute, true) => "Unmute",
            _ => self.label(),
        }
    }

    /// What it does, in a sentence: its tooltip and its line in the
    /// shortcuts window.
    pub fn hint(self) -> &'static str {
        use Action::*;
        match self {
            ShowSafety => "Read the safety rules again",
            TextLarger => "Larger text",
            TextSmaller => "Smaller text",
            ShowShortcuts => "Show the keyboard shortcuts",
            Quit => "Quit",
            ShowLibrary => "The exercise cards",
            ShowRoutines => "The built-in routines",
            EditRoutines => "Make and change your own routines",
            ShowSettings => "Units, timings, sound, look and tools",
            ShowProgress => "Your sessions: days rolled, minutes, soreness over time",
            ShowPlanner => "Mark what hurts on a body map and get a routine made for it",
            AcceptSafety => "Accept and continue",
            BackToLibrary => "Back to the library",
            SearchLibrary => "Search (Enter or Down: to the results)",
            SelectLeft => "Select the card on the left",
            SelectRight => "Select the card on the right",
            SelectUp => "Select the card above",
            SelectDown => "Select the card below",
            SelectFirst => "Select the first card",
            SelectLast => "Select the last card",
            OpenSelected => "Open the selected card",
            PreviousCard => "Previous card",
            NextCard => "Next card",
            StartExercise => "Start this exercise",
            NewRoutine => "Start a new routine of your own",
            SaveRoutine => "Save the routine",
            ImportRoutine => "Add a routine file someone shared",
            ExportRoutine => "Save a copy to share",
            UndoDelete => "Bring back the routine deleted last",
            TogglePause => "Pause / resume",
            Back => "Go back",
            Skip => "Skip ahead",
            ExtendHold => "Ten more seconds of hold (up to 60 s)",
            TooIntense => {
                "Too intense: ease off (rolling: shorter strokes; holding: work around the spot), then go on"
            }
            ToggleMute => "Sound off / on",
            ToggleFollowAlong => "Follow-along view",
            AskStop => "Stop (asks first)",
            ConfirmStop => "Stop the routine",
            CancelStop => "Go on with the routine",
            FinishSummary => "Back to the library",
            SaveSettingsAgain => "Write the settings to their file again",
            Rate(_) => "Rate the selected area 0 to 9 (10: one more from 9)",
            RateUp => "The selected area one sorer",
            RateDown => "The selected area one less sore",
            ContinueCheckIn => "Keep these ratings and go on",
            SkipCheckIn => "Go on without rating",
            ExportHistory => "Save the whole history as a spreadsheet file (CSV)",
            UndoDeleteSession => "Bring back the session deleted last",
            MapLeft => "Select the area to the left on the map",
            MapRight => "Select the area to the right on the map",
            MapUp => "Select the area above on the map",
            MapDown => "Select the area below on the map",
            ClearRating => "Clear the selected area's rating",
            ToggleInjured => "Mark the selected area injured (left out), or not",
            StartPlan => "Start the planned routine",
            SavePlan => "Keep the planned routine as one of your routines",
        }
    }

    /// Its keys, the one shown on buttons first. Cmd stands in for Ctrl
    /// on macOS.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use Action::*;
        match self {
            ShowSafety => const { &[key(Key::F1)] },
            // Ctrl+= is Ctrl+Plus without Shift on most keyboards.
            TextLarger => const { &[command(Key::Plus), command(Key::Equals)] },
            TextSmaller => const { &[command(Key::Minus)] },
            ShowShortcuts => const { &[key(Key::Questionmark)] },
            Quit => const { &[command(Key::Q)] },
            AcceptSafety | OpenSelected | ConfirmStop => const { &[key(Key::Enter)] },
            BackToLibrary => const { &[key(Key::Escape), key(Key::Backspace)] },
            SearchLibrary => const { &[command(Key::F), key(Key::Slash)] },
            SelectLeft => const { &[key(Key::ArrowLeft)] },
            SelectRight => const { &[key(Key::ArrowRight)] },
            SelectUp => const { &[key(Key::ArrowUp)] },
            SelectDown => const { &[key(Key::ArrowDown)] },
            SelectFirst => const { &[key(Key::Home)] },
            SelectLast => const { &[key(Key::End)] },
            PreviousCard | Back => const { &[key(Key::ArrowLeft)] },
            NextCard | Skip => const { &[key(Key::ArrowRight)] },
            StartExercise => const { &[key(Key::S)] },
            SaveRoutine => const { &[command(Key::S)] },
            UndoDelete => const { &[command(Key::Z)] },
            TogglePause => const { &[key(Key::Space)] },
            // "=" is "+" without Shift on most keyboards.
            ExtendHold => const { &[key(Key::Plus), key(Key::Equals)] },
            TooIntense => const { &[key(Key::I)] },
            ToggleMute => const { &[key(Key::M)] },
            ToggleFollowAlong => const { &[key(Key::F11)] },
            AskStop | CancelStop => const { &[key(Key::Escape)] },
            FinishSummary => const { &[key(Key::Enter), key(Key::Escape)] },
            ShowProgress => const { &[command(Key::P)] },
            Rate(_) => DIGITS,
            RateUp => const { &[key(Key::Plus), key(Key::Equals)] },
            RateDown => const { &[key(Key::Minus)] },
            ContinueCheckIn => const { &[key(Key::Enter)] },
            SkipCheckIn => const { &[key(Key::Escape)] },
            UndoDeleteSession => const { &[command(Key::Z)] },
            ShowPlanner => const { &[command(Key::B)] },
            MapLeft => const { &[key(Key::ArrowLeft)] },
            MapRight => const { &[key(Key::ArrowRight)] },
            MapUp => const { &[key(Key::ArrowUp)] },
            MapDown => const { &[key(Key::ArrowDown)] },
            ClearRating => const { &[key(Key::Delete), key(Key::Backspace)] },
            ToggleInjured => const { &[key(Key::I)] },
            StartPlan => const { &[command(Key::Enter)] },
            SavePlan => const { &[command(Key::S)] },
            ShowLibrary | ShowRoutines | EditRoutines | ShowSettings | NewRoutine
            | ImportRoutine | ExportRoutine | SaveSettingsAgain | ExportHistory => &[],
        }
    }

    /// The places where its keys work.
    pub fn places(self) -> &'static [Place] {
        use Action::*;
        match self {
            ShowSafety | TextLarger | TextSmaller | ShowShortcuts | Quit => ANYWHERE,
            ShowLibrary | ShowRoutines | EditRoutines | ShowSettings | ShowProgress
            | ShowPlanner => &[
                Place::Safety,
                Place::Library,
                Place::Card,
                Place::Routines,
                Place::Editor,
                Place::Settings,
                Place::Summary,
                Place::Progress,
                Place::Planner,
            ],
            AcceptSafety => &[Place::Safety],
            BackToLibrary => &[Place::Card, Place::Safety],
            SearchLibrary | SelectLeft | SelectRight | SelectUp | SelectDown | SelectFirst
            | SelectLast | OpenSelected => &[Place::Library],
            PreviousCard | NextCard | StartExercise => &[Place::Card],
            NewRoutine | SaveRoutine | ImportRoutine | ExportRoutine | UndoDelete => {
                &[Place::Editor]
            }
            TogglePause | Back | Skip | ExtendHold | TooIntense | ToggleMute
            | ToggleFollowAlong | AskStop => &[Place::Player],
            ConfirmStop | CancelStop => &[Place::StopQuestion],
            FinishSummary => &[Place::Summary],
            SaveSettingsAgain => &[Place::Settings],
            Rate(_) | RateUp | RateDown => &[Place::CheckIn, Place::Planner],
            ContinueCheckIn | SkipCheckIn => &[Place::CheckIn],
            MapLeft | MapRight | MapUp | MapDown | ClearRating | ToggleInjured | StartPlan
            | SavePlan => &[Place::Planner],
            ExportHistory | UndoDeleteSession => &[Place::Progress],
        }
    }

    /// Whether its keys work in `place`.
    pub fn is_live_in(self, place: Place) -> bool {
        self.places().contains(&place)
    }

    /// Where its keys work, in words: "Anywhere", or the places.
    pub fn where_text(self) -> String {
        if self.places() == ANYWHERE {
            return "Anywhere".to_owned();
        }
        let names: Vec<&str> = self.places().iter().map(|p| p.label()).collect();
        names.join(", ")
    }

    /// Its first key as a button shows it ("Ctrl+S", "Space"), if it has one.
    pub fn key_text(self) -> Option<String> {
        self.shortcuts().first().map(|s| shortcut_text(s, on_mac()))
    }

    /// All its keys: "Esc or Backspace".
    pub fn keys_text(self, mac: bool) -> String {
        if let Action::Rate(_) = self {
            return "0 to 9".to_owned();
        }
        let keys: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|s| shortcut_text(s, mac))
            .collect();
        keys.join(" or ")
    }

    /// Its hint with its first key, for a tooltip: "Save the routine (Ctrl+S)".
    pub fn tooltip(self) -> String {
        match self.key_text() {
            Some(key) => format!("{} ({key})", self.hint()),
            None => self.hint().to_owned(),
        }
    }

    /// A menu entry for this action, with its key at the side; a screen
    /// reader hears the label alone.
    pub fn menu_entry(self, ui: &mut egui::Ui) -> egui::Response {
        let button = egui::Button::new(self.label());
        let button = match self.key_text() {
            Some(key) => button.shortcut_text(key),
            None => button,
        };
        let response = ui.add(button);
        let label = self.label();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        response
    }
}

/// A plain button for an action, with its hint and key as the tooltip.
pub fn action_button(ui: &mut egui::Ui, action: Action, enabled: bool) -> egui::Response {
    ui.add_enabled(enabled, egui::Button::new(action.label()))
        .on_hover_text(action.tooltip())
}

/// The keyboard table of the README, made from the registry: every
/// action with a key, by place.
pub fn markdown_table() -> String {
    let mut out = String::from("| Where | Key | What it does |\n| --- | --- | --- |\n");
    for (place, keys, what) in rows(false) {
        out.push_str(&format!("| {place} | {keys} | {what} |\n"));
    }
    out
}

/// The rows of the shortcuts window: (where, keys, what), every action with
/// a key, in the registry's order.
pub fn rows(mac: bool) -> Vec<(String, String, &'static str)> {
    Action::ALL
        .iter()
        .filter(|a| !a.shortcuts().is_empty())
        .map(|a| (a.where_text(), a.keys_text(mac), a.hint()))
        .collect()
}

#[cfg(test)]
mod tests;
