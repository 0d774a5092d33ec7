//! The eframe app: the state the person sees, the window's resources
//! beside it, and the queue of commands applied in one place after each
//! frame.

mod awake;
mod handle;
mod history;
mod planner;
mod playing;
mod routines;
mod settings;
mod view;

use std::time::{Duration, Instant};

use eframe::egui;

use super::action;
use super::clock::Clock;
use super::coach::Coach;
use super::editor::Editor;
use super::notices::Notice;
use super::pacing::Pacing;
use super::settings_saver::SettingsSaver;
use super::state::{AppState, Screen};
use super::{Command, Commands, StartOptions, frame_cost, theme};
use crate::audio::Audio;
use crate::catalog::Catalog;
use crate::store::{DataDir, RoutineFiles};
use crate::voice::VoiceStatus;

/// How often Settings looks for the engine's voices while they come in, and
/// for how long.
const VOICES_COME_IN: Duration = Duration::from_millis(250);
const VOICES_AWAITED: Duration = Duration::from_secs(5);

/// The Rollcoach application: its state, and the resources that serve it.
pub struct RollcoachApp {
    state: AppState,
    /// The sound output, holding the device only while cues are due.
    audio: Audio,
    /// The spoken prompts.
    coach: Coach,
    /// Whether a missing speech engine was told (or is not to be).
    voice_told: bool,
    /// When Settings asked the engine for its voices, if it did.
    voices_asked: Option<Duration>,
    clock: Clock,
    /// The folder of the user's routines; `None` without a data folder.
    routine_files: Option<RoutineFiles>,
    /// The history folder, and its reading at start.
    history_store: history::HistoryStore,
    /// Writes the settings when a change is complete.
    saver: SettingsSaver,
    /// What the screens asked for during this frame.
    commands: Commands,
    /// The screen kept on while a routine plays.
    awake: awake::ScreenAwake,
    /// Whether the window had focus at the last frame.
    was_focused: bool,
    /// The person chose to quit although their settings are not saved.
    quit_anyway: bool,
    /// See [`StartOptions::report_first_frame`]; `None` once reported.
    report_first_frame: Option<Instant>,
    /// See [`StartOptions::file_chooser`].
    file_chooser: Option<bool>,
}

impl RollcoachApp {
    /// Creates the app: reads the user's files (unless the caller did) and
    /// chooses the first screen.
    pub fn new(ctx: &egui::Context, catalog: Catalog, options: StartOptions) -> RollcoachApp {
        let mut notices = Vec::new();
        let files = UserFiles::read(&options, &mut notices);
        let settings = files.settings;
        theme::install_style(ctx);
        if options.window_cleared {
            super::panel::window_is_cleared(ctx);
        }
        theme::apply_settings(ctx, &settings);
        let audio = open_sound(&options, &settings, &mut notices);
        let (voice, voice_told) = match (&options.voice, options.silent) {
            (Some(make), _) => ((make.0)(), false),
            (None, true) => (crate::voice::Voice::none(), true),
            (None, false) => (
                crate::voice::Voice::start(crate::voice::VoiceOptions::default()),
                false,
            ),
        };
        let coach = Coach::new(voice, &settings);
        let (routine_files, routines) = (files.routine_files, files.routines);
        let store = files.store;
        let history_store = history::HistoryStore::start(files.history_files);
        let mut state = AppState::new(catalog, settings, Editor::new(routines));
        if let Some(renderer) = &options.renderer {
            state.pacing = Pacing::for_renderer(Some(renderer.clone()));
            eprintln!(
                "rollcoach: {}",
                state.pacing.describe(state.settings.reduce_motion)
            );
        }
        state.routines_dir = routine_files.as_ref().map(|f| f.dir().to_path_buf());
        for notice in notices {
            state.notices.push(notice);
        }
        state.no_sound = audio.problem().is_some();
        // A device found again: its loss is news next time.
        let found_again = !state.no_sound && state.settings.no_sound_notice_dismissed;
        if found_again {
            state.settings.no_sound_notice_dismissed = false;
        }
        let mut app = RollcoachApp {
            state,
            audio,
            coach,
            voice_told,
            voices_asked: None,
            clock: options.clock.unwrap_or_else(Clock::system),
            routine_files,
            history_store,
            saver: SettingsSaver::new(store),
            commands: Vec::new(),
            awake: awake::ScreenAwake::default(),
            was_focused: true,
            quit_anyway: false,
            report_first_frame: options.report_first_frame,
            file_chooser: options.file_chooser,
        };
        if found_again {
            app.saver.changed();
        }
        if let Some(routine) = options.start_routine {
            if app.state.settings.safety_acknowledged {
                app.start_routine(ctx, routine);
            } else {
                app.state.pending_start = Some(routine);
            }
        }
        app
    }

    /// What the app shows and keeps.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The time now, from the app's clock.
    pub fn now(&self) -> Duration {
        self.clock.now()
    }

    /// Turns the keys pressed this frame into commands, for the place the
    /// keys go to now.
    fn take_keys(&mut self, ctx: &egui::Context) {
        let asking = self.state.screen == Screen::Editor && self.state.editor.is_asking();
        // An open menu has the keys (Esc closes it, and does nothing else).
        let menu_open = egui::Popup::is_any_open(ctx);
        if asking
            || menu_open
            || self.state.quit_question.is_some()
            || self.state.path_prompt.is_some()
        {
            return;
        }
        // Esc closes the shortcuts window first, and does nothing else.
        if self.state.show_shortcuts
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.state.show_shortcuts = false;
            return;
        }
        let place = self.state.place();
        self.commands
            .extend(action::pressed(ctx, place).into_iter().map(Command::Run));
    }

    /// Applies every command sent during the frame.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(ctx, command);
        }
    }

    /// Writes the settings once the gesture that changed them is over.
    fn save_settings_when_settled(&mut self, ctx: &egui::Context) {
        if !self.saver.is_waiting() {
            return;
        }
        let going_on = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        if let Some(problem) = self.saver.save_when_settled(&self.state.settings, going_on) {
            self.report_unsaved_settings(&problem);
        }
        self.state.settings_not_saved = self.saver.not_saved().map(|p| p.to_string());
    }

    /// Files changed outside the app are picked up when the window comes
    /// back into focus; files dropped on the window are imported.
    fn watch_window(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        if focused && !self.was_focused {
            self.reload_from_disk();
        }
        self.was_focused = focused;
        let dropped: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() && self.state.player.is_none() {
            self.commands.push(Command::Import(dropped));
            ctx.request_repaint();
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.before_closing(ctx);
        }
    }
}

impl RollcoachApp {
    /// Keeps the settings screen's view of the speech engine up to date,
    /// and says once when there is none while the voice is on. The engine's
    /// voices are asked for when Settings first shows with the voice on (an
    /// engine not running is not started before then).
    fn watch_voice(&mut self, ctx: &egui::Context) {
        let status = self.coach.status();
        if status != self.state.voice {
            self.state.voice = status.clone();
        }
        let unlisted = matches!(&status, VoiceStatus::Ready { voices } if voices.is_empty());
        let now = self.clock.now();
        if unlisted && self.state.settings.voice.on && self.state.screen == Screen::Settings {
            match self.voices_asked {
                None => {
                    self.coach.list_voices();
                    self.voices_asked = Some(now);
                    ctx.request_repaint_after(VOICES_COME_IN);
                }
                // The list comes from the voice's thread, which cannot
                // wake the window: looked for a few times.
                Some(asked) if now.saturating_sub(asked) < VOICES_AWAITED => {
                    ctx.request_repaint_after(VOICES_COME_IN);
                }
                Some(_) => {}
            }
        }
        let missing = match &status {
            VoiceStatus::Unavailable(why) | VoiceStatus::Failed(why) => Some(why),
            _ => None,
        };
        if let Some(why) = missing.filter(|_| !self.voice_told && self.state.settings.voice.on) {
            self.voice_told = true;
            self.state.notices.push(Notice::plain(format!(
                "{why} Routines go on with tones. To stop this message, choose Tones only in \
                 Settings."
            )));
        }
    }

    /// Closing the window with unsaved edits, or with settings that could
    /// not be saved, asks first.
    fn before_closing(&mut self, ctx: &egui::Context) {
        if self.state.editor.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.screen = Screen::Editor;
            self.state
                .editor
                .may_leave(Command::Run(action::Action::Quit));
            return;
        }
        if self.quit_anyway {
            return;
        }
        // A last try; if the settings still can't be written, ask.
        if let Some(problem) = self.saver.save_now(&self.state.settings) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.quit_question = Some(problem.to_string());
        }
    }
}

impl eframe::App for RollcoachApp {
    /// egui makes its glyph atlas as wide as the widest texture the
    /// renderer takes: 16384 pixels with Mesa's software renderer, 8 MB
    /// kept twice (in memory and in the renderer) for a few hundred glyphs.
    /// 2048 pixels hold them all.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = raw_input.max_texture_side.map(|side| side.min(2048));
    }

    /// The window starts each frame in the panels' colour, so the panels
    /// need not paint their backgrounds (see `frame_cost`).
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    /// Keeps time even while the window is hidden: ends the routine when it
    /// is over and asks to be called again when the screen next changes or
    /// the sound device is due to close. (The sound is scheduled in the
    /// audio stream and needs no frames.)
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(started) = self.report_first_frame {
            // The second frame starts once the first one is on screen.
            if ctx.cumulative_frame_nr() >= 1 {
                report_first_frame(started);
                self.report_first_frame = None;
            } else {
                ctx.request_repaint();
            }
        }
        theme::fit_window_to_text(ctx);
        self.watch_window(ctx);
        self.save_settings_when_settled(ctx);
        self.keep_time(ctx);
        self.keep_screen_awake(ctx);
        self.watch_history(ctx);
        self.watch_voice(ctx);
        if self.audio.take_device_lost() {
            self.state.no_sound = true;
            self.state.notices.push(Notice::plain(
                "The sound device stopped working. The routine goes on without sound.",
            ));
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        super::focus::keep_arrows_for_the_screen(ui.ctx());
        self.take_keys(ui.ctx());
        let now = self.clock.now();
        let opened = self.state.note_drawn();
        super::page::set_just_opened(ui.ctx(), opened);
        view::draw(ui, &mut self.state, now, &mut self.commands);
        self.apply_commands(ui.ctx());
        super::focus::end_frame(ui.ctx());
        frame_cost::lighten(ui.ctx());
    }

    /// A change still waiting to be written is written on the way out.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(problem) = self.saver.save_now(&self.state.settings) {
            log::warn!("settings not saved on exit: {problem}");
        }
    }
}

/// The user's files as the app starts with them.
struct UserFiles {
    store: Option<crate::store::SettingsStore>,
    settings: crate::model::Settings,
    routine_files: Option<RoutineFiles>,
    routines: Vec<crate::store::RoutineFile>,
    history_files: Option<crate::store::HistoryFiles>,
}

impl UserFiles {
    /// Takes the files the caller read, or reads them; what could not be
    /// read becomes a notice.
    fn read(options: &StartOptions, notices: &mut Vec<Notice>) -> UserFiles {
        let loaded = options.loaded.clone().or_else(|| {
            let dir = options.data_dir.clone().or_else(DataDir::platform)?;
            Some(dir.load())
        });
        let Some(loaded) = loaded else {
            notices.push(Notice::plain(
                "Rollcoach found no home folder to keep its settings in, so they won't be \
                 remembered. Start it with --data-dir FOLDER to choose one.",
            ));
            return UserFiles {
                store: None,
                settings: crate::model::Settings::default(),
                routine_files: None,
                routines: Vec::new(),
                history_files: None,
            };
        };
        notices.extend(
            loaded
                .settings_problem
                .as_ref()
                .map(Notice::unreadable_settings),
        );
        notices.extend(
            loaded
                .routine_problems
                .iter()
                .map(Notice::unreadable_routine),
        );
        UserFiles {
            store: Some(loaded.settings_store),
            settings: loaded.settings,
            routine_files: Some(loaded.routine_files),
            routines: loaded.routines,
            history_files: Some(loaded.history_files),
        }
    }
}

/// Looks for a sound device (none in tests), which is opened only while
/// cues are due; without one, says so in plain words and keeps the
/// driver's in the log.
fn open_sound(
    options: &StartOptions,
    settings: &crate::model::Settings,
    notices: &mut Vec<Notice>,
) -> Audio {
    let mut audio = if options.silent {
        Audio::none()
    } else if let Some(probe) = options.probe {
        Audio::probe(probe)
    } else if let Some(exe) = &options.probe_with {
        Audio::probe(|| crate::audio::probe_apart(exe))
    } else {
        Audio::probe(crate::audio::probe_default_device)
    };
    audio.set_volume(settings.volume, settings.muted, Duration::ZERO);
    if audio.problem().is_some() && !settings.no_sound_notice_dismissed {
        notices.push(Notice::no_sound());
    }
    audio
}

/// Prints when the first frame showed, for benchmarks.
fn report_first_frame(started: Instant) {
    let unix_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    println!("first_frame_ms={}", started.elapsed().as_millis());
    println!("first_frame_unix_ms={unix_ms}");
}
