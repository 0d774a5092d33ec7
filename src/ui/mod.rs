//! The window: one screen at a time, drawn from the app's state; every user
//! action is named once in the action registry, sent as a [`Command`] and
//! applied in one place after the frame.
//!
//! - `action`: the registry of actions, their words and keys.
//! - `state`: what the person sees and what is saved; `app`: the eframe
//!   app, its resources (sound, clock, files) and the command handlers.
//! - one file per screen: `safety`, `library`, `card`, `routines`,
//!   `editor`, `player`, `summary`, `settings`; `menu` and `notices`.

pub mod action;
mod app;
mod card;
pub mod check_in;
pub mod clock;
pub mod coach;
mod command;
pub mod editor;
mod focus;
pub mod frame_cost;
pub mod icon;
pub mod library;
mod library_card;
mod menu;
pub mod notices;
pub mod pacing;
mod page;
mod panel;
pub mod path_prompt;
pub mod planner;
pub mod player;
pub mod progress;
mod routines;
mod safety;
#[cfg(test)]
mod screen_tests;
mod settings;
mod settings_saver;
pub mod state;
mod summary;
pub mod theme;
pub mod widgets;
pub mod words;

pub use app::RollcoachApp;
pub use clock::{Clock, ManualTime};
pub use command::{Command, Commands};
pub use state::{AppState, Screen};
pub use summary::Summary;

use crate::model::Routine;
use crate::store::{DataDir, Loaded};

/// The app's id for the desktop (Wayland app id, X11 class).
pub const APP_ID: &str = "rollcoach";
/// The title of the window.
pub const APP_TITLE: &str = "Rollcoach";

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Where user files live; `None` means the platform's config folder.
    pub data_dir: Option<DataDir>,
    /// The user's files, if the caller read them already (from `data_dir`).
    pub loaded: Option<Loaded>,
    /// Open straight into this routine (after the safety screen if needed).
    pub start_routine: Option<Routine>,
    /// No sound device at all (tests).
    pub silent: bool,
    /// The app's own executable, run to ask for the sound device so the
    /// sound system is loaded only once sound is due (see
    /// [`crate::audio::probe_apart`]); `None` asks in this process.
    pub probe_with: Option<std::path::PathBuf>,
    /// Asks for the sound device with this instead (tests: a device that is
    /// there or not); before `probe_with`, after `silent`.
    pub probe: Option<fn() -> Result<(), String>>,
    /// Whether a file chooser can be shown; `None` looks for one (see
    /// [`path_prompt::chooser_available`]).
    pub file_chooser: Option<bool>,
    /// The clock; `None` is the system's.
    pub clock: Option<Clock>,
    /// The window is cleared to the panels' colour before each frame, as
    /// eframe does with [`eframe::App::clear_color`]; test harnesses that
    /// clear to transparent leave this off.
    pub window_cleared: bool,
    /// Print how long the first frame took to show, from this instant.
    pub report_first_frame: Option<std::time::Instant>,
    /// Makes the voice (tests: one that records what it is asked to say);
    /// `None` opens the platform's speech engine, or no voice when
    /// `silent`.
    pub voice: Option<VoiceMaker>,
    /// The name the window's renderer gives itself, once it is open; `None`
    /// (tests) draws the pacing animation at the low rate.
    pub renderer: Option<String>,
}

/// Makes the app's voice.
#[derive(Clone)]
pub struct VoiceMaker(pub std::sync::Arc<dyn Fn() -> crate::voice::Voice + Send + Sync>);

impl std::fmt::Debug for VoiceMaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoiceMaker")
    }
}
