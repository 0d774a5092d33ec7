//! What the person sees and what is saved: the screen, the settings, the
//! library, the editor, the player. The window's resources (sound, clock,
//! files) live beside it in the app, not in it.

use super::action::Place;
use super::editor::Editor;
use super::library::Library;
use super::notices::Notices;
use super::player::Player;
use super::summary::Summary;
use crate::catalog::Catalog;
use crate::model::{Routine, Settings};

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The safety rules; `first_run` when they were never acknowledged.
    Safety { first_run: bool },
    /// The grid of exercise cards.
    Library,
    /// One exercise card, by id.
    Card { id: String },
    /// The built-in routines.
    Routines,
    /// A routine playing.
    Player,
    /// The end of a routine.
    Summary,
    /// The routine editor.
    Editor,
    /// The settings.
    Settings,
    /// How sore the areas feel, before or after a routine.
    CheckIn,
    /// The history.
    Progress,
    /// "What hurts today?": the body map and its plan.
    Planner,
}

/// What the history will keep of the routine playing.
#[derive(Debug, Clone, PartialEq)]
pub struct Recording {
    pub routine: Routine,
    pub started: crate::model::history::Moment,
    /// The check-in before it; empty when there was none.
    pub before: Vec<crate::model::history::Rating>,
    /// Whether the check-in was asked (and so is asked again after).
    pub checked_in: bool,
}

/// The state of the app.
pub struct AppState {
    /// The built-in exercises and routines.
    pub catalog: Catalog,
    /// The settings in use (saved by the app when they change).
    pub settings: Settings,
    /// The screen showing.
    pub screen: Screen,
    /// The library's filters and selection.
    pub library: Library,
    /// The user's routines and the one being edited.
    pub editor: Editor,
    /// The routine playing, if any.
    pub player: Option<Player>,
    /// The summary of the last routine.
    pub summary: Option<Summary>,
    /// Messages about problems, with a way out.
    pub notices: Notices,
    /// Whether the keyboard shortcuts window is open.
    pub show_shortcuts: bool,
    /// The screen it was opened over: it closes when another one shows.
    pub shortcuts_over: Option<Screen>,
    /// A routine to start once the safety screen is accepted.
    pub pending_start: Option<Routine>,
    /// Where the user's routine files live, to tell them.
    pub routines_dir: Option<std::path::PathBuf>,
    /// Why the settings in use are not in their file, after a failed write.
    pub settings_not_saved: Option<String>,
    /// Quitting would lose settings that could not be saved: why, while
    /// the question is showing.
    pub quit_question: Option<String>,
    /// The question asking for a routine file's path, where no file
    /// chooser can be shown.
    pub path_prompt: Option<crate::ui::path_prompt::PathPrompt>,
    /// No sound device could be used: the routines run silently.
    pub no_sound: bool,
    /// The speech engine's state, as last seen.
    pub voice: crate::voice::VoiceStatus,
    /// How often the pacing animation is drawn, from the renderer.
    pub pacing: crate::ui::pacing::Pacing,
    /// The check-in showing, or waiting behind the routine it is for.
    pub check_in: Option<crate::ui::check_in::CheckIn>,
    /// The history, once read (it is read off the window's thread).
    pub history: Option<crate::history::History>,
    /// The Progress screen's choices.
    pub progress: crate::ui::progress::ProgressView,
    /// The body map's answers and plan.
    pub planner: crate::ui::planner::PlannerView,
    /// The safety screen was opened from the body map: going back returns
    /// there.
    pub safety_from_planner: bool,
    /// The routine playing: when it started and the check-in before it.
    pub recording: Option<Recording>,
    /// The history file of the session just ended, until the check-in
    /// after it is answered.
    pub just_recorded: Option<std::path::PathBuf>,
    /// The screen drawn last, to tell when another one opens.
    drawn: Option<Screen>,
}

impl AppState {
    /// The state at start: the safety screen first until it was accepted.
    pub fn new(catalog: Catalog, settings: Settings, editor: Editor) -> AppState {
        let screen = if settings.safety_acknowledged {
            Screen::Library
        } else {
            Screen::Safety { first_run: true }
        };
        AppState {
            catalog,
            settings,
            screen,
            library: Library::default(),
            editor,
            player: None,
            summary: None,
            notices: Notices::default(),
            show_shortcuts: false,
            shortcuts_over: None,
            pending_start: None,
            routines_dir: None,
            settings_not_saved: None,
            quit_question: None,
            path_prompt: None,
            no_sound: false,
            voice: crate::voice::VoiceStatus::Starting,
            pacing: crate::ui::pacing::Pacing::for_renderer(None),
            check_in: None,
            history: None,
            progress: Default::default(),
            planner: Default::default(),
            safety_from_planner: false,
            recording: None,
            just_recorded: None,
            drawn: None,
        }
    }

    /// Notes that the screen showing is being drawn; whether it was just
    /// opened, and so starts at its top. The library coming back from a
    /// card is not: it stays where it was, with that card in view.
    pub fn note_drawn(&mut self) -> bool {
        let back_from_card =
            self.screen == Screen::Library && matches!(self.drawn, Some(Screen::Card { .. }));
        let opened = self.drawn.as_ref() != Some(&self.screen);
        if opened {
            self.drawn = Some(self.screen.clone());
        }
        opened && !back_from_card
    }

    /// Whether a routine is playing on screen.
    pub fn playing(&self) -> bool {
        self.screen == Screen::Player && self.player.is_some()
    }

    /// Whether the follow-along view of a playing routine is on.
    pub fn follow_along(&self) -> bool {
        self.playing() && self.player.as_ref().is_some_and(|p| p.follow_along)
    }

    /// Where the keys go now: the screen, or the question over it.
    pub fn place(&self) -> Place {
        match &self.screen {
            Screen::Safety { .. } => Place::Safety,
            Screen::Library => Place::Library,
            Screen::Card { .. } => Place::Card,
            Screen::Routines => Place::Routines,
            Screen::Editor => Place::Editor,
            Screen::Settings => Place::Settings,
            Screen::Summary => Place::Summary,
            Screen::CheckIn => Place::CheckIn,
            Screen::Progress => Place::Progress,
            Screen::Planner => Place::Planner,
            Screen::Player => match &self.player {
                Some(p) if p.confirming_stop => Place::StopQuestion,
                _ => Place::Player,
            },
        }
    }

    /// The session of the routine playing, if any.
    pub fn session(&self) -> Option<&crate::session::Session> {
        self.player.as_ref().map(|p| &p.session)
    }

    /// The ids of the exercises the library shows now, in order.
    pub fn visible_exercise_ids(&self) -> Vec<String> {
        self.library
            .visible(&self.catalog, &self.settings)
            .iter()
            .map(|e| e.id.clone())
            .collect()
    }
}
