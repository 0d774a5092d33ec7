//! The eframe app: one screen at a time, user actions as [`Command`]s applied
//! in one place after the frame.

mod card;
pub mod clock;
mod command;
mod editor;
pub mod frame_cost;
pub mod icon;
mod library;
mod menu;
pub mod player;
mod routines;
mod safety;
mod settings;
mod summary;
pub mod theme;
pub mod widgets;

use eframe::egui;

use crate::audio::Audio;
use crate::catalog::Catalog;
use crate::model::{FirstSide, Routine, Settings, Sides, Step, StepSides};
use crate::session::Session;
use crate::store::{DataDir, FileProblem, RoutineFiles, SettingsStore};

pub use clock::{Clock, ManualTime};
pub use command::Command;
use library::Library;
use player::Player;
pub use summary::Summary;

/// The app's window title and its id for the desktop (Wayland app id, X11 class).
pub const APP_ID: &str = "rollcoach";
/// The title of the window.
pub const APP_TITLE: &str = "Rollcoach";

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
}

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Where user files live; `None` means the platform's config folder.
    pub data_dir: Option<DataDir>,
    /// Open straight into this routine (after the safety screen if needed).
    pub start_routine: Option<Routine>,
    /// No sound device at all (tests).
    pub silent: bool,
    /// The clock; `None` is the system's.
    pub clock: Option<Clock>,
    /// The window is cleared to the panels' colour before each frame, as
    /// eframe does with [`eframe::App::clear_color`]; test harnesses that
    /// clear to transparent leave this off.
    pub window_cleared: bool,
    /// Print how long the first frame took to show, from this instant.
    pub report_first_frame: Option<std::time::Instant>,
}

/// A message for the user about something that went wrong, with a way out.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// A folder to open from the notice (where a broken file is).
    pub folder: Option<std::path::PathBuf>,
}

/// Opens a folder in the system's file manager.
fn open_folder(folder: &std::path::Path) -> std::io::Result<()> {
    #[cfg(target_os = "windows")]
    let program = "explorer";
    #[cfg(target_os = "macos")]
    let program = "open";
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let program = "xdg-open";
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
}

/// The Rollcoach application.
pub struct RollcoachApp {
    catalog: Catalog,
    settings: Settings,
    store: Option<SettingsStore>,
    /// The user's own routines and the editor.
    editor: editor::Editor,
    /// Where the user's routine files live.
    routines_dir: Option<std::path::PathBuf>,
    screen: Screen,
    library: Library,
    notices: Vec<Notice>,
    commands: Vec<Command>,
    show_shortcuts: bool,
    /// Whether the window had focus at the last frame.
    was_focused: bool,
    clock: Clock,
    audio: Audio,
    player: Option<Player>,
    summary: Option<Summary>,
    /// A routine to start once the safety screen is accepted.
    pending_start: Option<Routine>,
    /// See [`StartOptions::window_cleared`].
    window_cleared: bool,
    /// See [`StartOptions::report_first_frame`]; `None` once reported.
    report_first_frame: Option<std::time::Instant>,
}

impl RollcoachApp {
    /// Creates the app: reads the settings and chooses the first screen.
    pub fn new(ctx: &egui::Context, catalog: Catalog, options: StartOptions) -> RollcoachApp {
        let mut notices = Vec::new();
        let data_dir = options.data_dir.or_else(DataDir::platform);
        let (store, settings) = match &data_dir {
            Some(dir) => {
                let (store, loaded) = SettingsStore::load(dir);
                if let Some(problem) = loaded.problem {
                    notices.push(Notice {
                        text: format!(
                            "Couldn't read your settings file {problem}. Rollcoach is using \
                             its defaults and won't save over that file: fix it in a text \
                             editor, or delete it, then restart."
                        ),
                        folder: problem.path.parent().map(|p| p.to_path_buf()),
                    });
                }
                (Some(store), loaded.settings)
            }
            None => {
                notices.push(Notice {
                    text: "Rollcoach found no home folder to keep its settings in, so they \
                           won't be remembered. Start it with --data-dir FOLDER to choose one."
                        .to_owned(),
                    folder: None,
                });
                (None, Settings::default())
            }
        };
        let mut my_routines = Vec::new();
        let mut routines_dir = None;
        let mut routine_files = None;
        if let Some(dir) = &data_dir {
            let files = RoutineFiles::new(dir);
            let loaded = files.load_all();
            for problem in loaded.problems {
                notices.push(Notice {
                    text: format!(
                        "Couldn't read the routine file {problem}. It was left as it is; \
                         the other routines work. Fix it in a text editor and restart."
                    ),
                    folder: problem.path.parent().map(|p| p.to_path_buf()),
                });
            }
            my_routines = loaded.routines;
            routines_dir = Some(files.dir().to_path_buf());
            routine_files = Some(files);
        }
        theme::install_style(ctx);
        theme::apply_settings(ctx, &settings);
        let audio = if options.silent {
            Audio::none()
        } else {
            Audio::open(settings.volume)
        };
        audio.set_volume(settings.volume, settings.muted);
        if let Some(why) = audio.problem() {
            notices.push(Notice {
                text: format!(
                    "No sound device could be opened ({why}), so Rollcoach runs silently: \
                     the timer and the pictures still guide you."
                ),
                folder: None,
            });
        }
        let screen = if settings.safety_acknowledged {
            Screen::Library
        } else {
            Screen::Safety { first_run: true }
        };
        let mut app = RollcoachApp {
            catalog,
            settings,
            store,
            editor: editor::Editor::new(routine_files, my_routines),
            routines_dir,
            screen,
            library: Library::default(),
            notices,
            commands: Vec::new(),
            show_shortcuts: false,
            was_focused: true,
            clock: options.clock.unwrap_or_else(Clock::system),
            window_cleared: options.window_cleared,
            report_first_frame: options.report_first_frame,
            audio,
            player: None,
            summary: None,
            pending_start: None,
        };
        if let Some(routine) = options.start_routine {
            if app.settings.safety_acknowledged {
                app.start_routine(ctx, routine);
            } else {
                app.pending_start = Some(routine);
            }
        }
        app
    }

    /// The routine playing, if any.
    pub fn session(&self) -> Option<&Session> {
        self.player.as_ref().map(|p| &p.session)
    }

    /// Whether the follow-along view is on.
    pub fn follow_along(&self) -> bool {
        self.player.as_ref().is_some_and(|p| p.follow_along)
    }

    /// Whether the "stop the routine?" question is showing.
    pub fn confirming_stop(&self) -> bool {
        self.player.as_ref().is_some_and(|p| p.confirming_stop)
    }

    /// The routine being edited, if any.
    pub fn editor_draft(&self) -> Option<&Routine> {
        self.editor.draft()
    }

    /// The user's saved routines.
    pub fn my_routines(&self) -> Vec<&Routine> {
        self.editor.routines.iter().map(|f| &f.routine).collect()
    }

    /// The summary of the last routine.
    pub fn summary(&self) -> Option<&Summary> {
        self.summary.as_ref()
    }

    /// The time now, from the app's clock.
    pub fn now(&self) -> std::time::Duration {
        self.clock.now()
    }

    fn start_routine(&mut self, ctx: &egui::Context, routine: Routine) {
        match Session::new(&routine, &self.catalog, &self.settings) {
            Ok(mut session) => {
                let now = self.clock.now();
                session.start(now);
                self.audio.follow(&session, now);
                self.player = Some(Player::new(session));
                self.summary = None;
                self.screen = Screen::Player;
                ctx.request_repaint();
            }
            Err(e) => self.notices.push(Notice {
                text: format!("That routine can't be played: {e}."),
                folder: None,
            }),
        }
    }

    /// A one-exercise routine with the card's own timings.
    fn exercise_routine(&self, id: &str) -> Option<Routine> {
        let e = self.catalog.get(id)?;
        let t = e.timings;
        Some(Routine {
            version: crate::model::routine::ROUTINE_VERSION,
            name: e.name.clone(),
            description: String::new(),
            steps: vec![Step {
                exercise: e.id.clone(),
                sides: step_sides(e.sides, self.settings.first_side),
                roll_seconds: t.roll_seconds,
                holds: t.holds,
                hold_seconds: self.settings.hold_seconds,
                rest_seconds: 0,
                pace_cm_per_s: None,
                stroke_cm: None,
            }],
        })
    }

    /// Re-reads the user's files after they may have changed outside the app.
    fn reload_from_disk(&mut self) {
        for problem in self.editor.reload_from_disk() {
            let text = format!(
                "Couldn't read the routine file {problem}. It was left as it is; \
                 the other routines work. Fix it in a text editor and restart."
            );
            if !self.notices.iter().any(|n| n.text == text) {
                let folder = problem.path.parent().map(|p| p.to_path_buf());
                self.notices.push(Notice { text, folder });
            }
        }
    }

    /// Ends the routine and shows its summary.
    fn finish_routine(&mut self, ctx: &egui::Context) {
        let Some(player) = self.player.take() else {
            return;
        };
        let now = self.clock.now();
        let state = player.session.state(now);
        let steps = player.session.timeline().steps();
        let reached = if state.finished {
            steps.len()
        } else {
            state.step_number
        };
        if !state.finished {
            self.audio.silence();
        }
        self.summary = Some(Summary {
            routine: player.session.name().to_owned(),
            exercises: steps.iter().take(reached).map(|s| s.name.clone()).collect(),
            time: state.position,
            completed: state.finished,
        });
        if player.follow_along {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        self.screen = Screen::Summary;
    }

    /// Applies a command to the playing session and re-plans the sound.
    fn session_command(&mut self, command: &Command) {
        let now = self.clock.now();
        let Some(player) = self.player.as_mut() else {
            return;
        };
        let session = &mut player.session;
        match command {
            Command::TogglePause => session.toggle_pause(now),
            Command::Skip => session.skip(now),
            Command::Back => session.back(now),
            Command::ExtendHold => {
                session.extend_hold(now);
            }
            Command::TooIntense => {
                session.too_intense(now);
            }
            Command::AskStop => {
                player.resume_after = !session.is_paused();
                session.pause(now);
                player.confirming_stop = true;
            }
            Command::CancelStop => {
                player.confirming_stop = false;
                if player.resume_after {
                    session.resume(now);
                }
            }
            Command::ConfirmStop => {
                player.confirming_stop = false;
                session.stop(now);
            }
            _ => return,
        }
        self.audio.follow(&player.session, now);
    }

    /// The screen showing now.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The settings in use.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Messages shown to the user about problems.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Ids of the exercises the library shows now, in order.
    pub fn visible_exercise_ids(&self) -> Vec<String> {
        self.library
            .visible(&self.catalog, &self.settings)
            .iter()
            .map(|e| e.id.clone())
            .collect()
    }

    /// Columns in the library grid as last drawn (for keyboard tests).
    pub fn library_columns(&self) -> usize {
        self.library.columns()
    }

    fn save_settings(&mut self) {
        let Some(store) = &self.store else { return };
        if let Err(problem) = store.save(&self.settings) {
            self.report(problem);
        }
    }

    fn report(&mut self, problem: FileProblem) {
        log::warn!("{problem}");
        let text = format!("Your settings were not saved: {problem}");
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice { text, folder: None });
        }
    }

    /// Applies every command sent during the frame.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let leaves_editor = matches!(
            command,
            Command::ShowLibrary
                | Command::ShowRoutines
                | Command::ShowSafety
                | Command::ShowSettings
                | Command::OpenCard(_)
                | Command::StartRoutine(_)
                | Command::StartExercise(_)
                | Command::DuplicateRoutine(_)
                | Command::Quit
        );
        if self.screen == Screen::Editor && leaves_editor && !self.editor.may_leave(&command) {
            return;
        }
        match command {
            Command::ShowSafety => {
                self.screen = Screen::Safety {
                    first_run: !self.settings.safety_acknowledged,
                }
            }
            Command::AcknowledgeSafety => {
                if !self.settings.safety_acknowledged {
                    self.settings.safety_acknowledged = true;
                    self.save_settings();
                }
                self.screen = Screen::Library;
                if let Some(routine) = self.pending_start.take() {
                    self.start_routine(ctx, routine);
                } else if self.player.is_some() {
                    self.screen = Screen::Player;
                }
            }
            Command::ShowLibrary => {
                if let Screen::Card { id } = &self.screen {
                    self.library.select_id(id, &self.catalog, &self.settings);
                }
                // A routine in progress is only left by stopping it.
                self.screen = if self.player.is_some() {
                    Screen::Player
                } else {
                    Screen::Library
                };
            }
            Command::OpenCard(id) => {
                if self.catalog.get(&id).is_some() {
                    self.screen = Screen::Card { id };
                }
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                theme::apply_settings(ctx, &self.settings);
                self.save_settings();
            }
            Command::SetTextSize(size) => {
                self.settings.text_size = size;
                theme::apply_settings(ctx, &self.settings);
                self.save_settings();
            }
            Command::SetToolOwned(tool, owned) => {
                let tools = &mut self.settings.tools_owned;
                tools.retain(|t| *t != tool);
                if owned {
                    tools.push(tool);
                    tools.sort();
                }
                self.save_settings();
            }
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::ShowRoutines => self.screen = Screen::Routines,
            Command::EditRoutines => self.screen = Screen::Editor,
            Command::ShowSettings => self.screen = Screen::Settings,
            Command::SetSettings(settings) => {
                self.settings = settings.sanitized();
                theme::apply_settings(ctx, &self.settings);
                self.audio
                    .set_volume(self.settings.volume, self.settings.muted);
                self.save_settings();
            }
            Command::DuplicateRoutine(routine) => {
                self.editor.duplicate(&routine);
                self.screen = Screen::Editor;
            }
            Command::SaveRoutine => self.editor.save_now(&self.catalog),
            Command::ImportDialog => {
                let picked = rfd::FileDialog::new()
                    .set_title("Import a routine")
                    .add_filter("Rollcoach routine", &["ron"])
                    .pick_files();
                if let Some(paths) = picked {
                    self.apply(ctx, Command::Import(paths));
                }
            }
            Command::ExportDialog => {
                let name = self
                    .editor
                    .draft()
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                let picked = rfd::FileDialog::new()
                    .set_title("Export the routine")
                    .add_filter("Rollcoach routine", &["ron"])
                    .set_file_name(format!("{}.ron", crate::store::safe_file_stem(&name)))
                    .save_file();
                if let Some(path) = picked {
                    match self.editor.export(&path) {
                        Ok(()) => self.editor.say(format!("Exported to {}", path.display())),
                        Err(e) => self.editor.complain(e),
                    }
                }
            }
            Command::Import(paths) => {
                self.screen = Screen::Editor;
                let mut done = Vec::new();
                let mut refused = Vec::new();
                for path in paths {
                    match self.editor.import(&path, &self.catalog) {
                        Ok(name) => done.push(format!("\"{name}\"")),
                        Err(why) => refused.push(why),
                    }
                }
                if !done.is_empty() {
                    self.editor.say(format!("Imported {}.", done.join(", ")));
                }
                if !refused.is_empty() {
                    self.editor
                        .complain(format!("Not imported: {}", refused.join("; ")));
                }
            }
            Command::StartRoutine(routine) => self.start_routine(ctx, routine),
            Command::StartExercise(id) => {
                if let Some(routine) = self.exercise_routine(&id) {
                    self.start_routine(ctx, routine);
                }
            }
            Command::ToggleMute => {
                self.settings.muted = !self.settings.muted;
                self.audio
                    .set_volume(self.settings.volume, self.settings.muted);
                self.save_settings();
            }
            Command::ToggleFollowAlong => {
                if let Some(player) = self.player.as_mut() {
                    player.follow_along = !player.follow_along;
                    let full = player.follow_along;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(full));
                }
            }
            Command::ConfirmStop => {
                self.session_command(&command);
                self.finish_routine(ctx);
            }
            Command::TogglePause
            | Command::Skip
            | Command::Back
            | Command::ExtendHold
            | Command::TooIntense
            | Command::AskStop
            | Command::CancelStop => self.session_command(&command),
        }
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui) {
        for (i, notice) in self.notices.iter().enumerate() {
            // A warm bar at the side marks a notice; no filled box, which a
            // software renderer would repaint on every frame of a routine.
            let shown = egui::Frame::new()
                .inner_margin(egui::Margin {
                    left: 16,
                    right: 12,
                    top: 6,
                    bottom: 6,
                })
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    // The button keeps its place on the right; the words wrap.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button("Dismiss").clicked() {
                            self.commands.push(Command::DismissNotice(i));
                        }
                        if let Some(folder) = &notice.folder
                            && ui.button("Open its folder").clicked()
                            && let Err(e) = open_folder(folder)
                        {
                            log::warn!("could not open {}: {e}", folder.display());
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.add(egui::Label::new(&notice.text).wrap());
                        });
                    });
                });
            let rect = shown.response.rect;
            let bar = egui::Rect::from_min_max(
                rect.left_top() + egui::vec2(2.0, 4.0),
                egui::pos2(rect.left() + 7.0, rect.bottom() - 4.0),
            );
            ui.painter()
                .rect_filled(bar, 2.0, theme::caution_colour(ui));
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
    /// is over and asks to be called again when the screen next changes.
    /// (The sound is scheduled in the audio stream and needs no frames.)
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
        if self.audio.take_device_lost() {
            self.notices.push(Notice {
                text: "The sound device stopped working. The routine goes on without sound."
                    .to_owned(),
                folder: None,
            });
        }
        // Closing the window with unsaved edits asks first.
        if ctx.input(|i| i.viewport().close_requested()) && self.editor.has_unsaved_changes() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.screen = Screen::Editor;
            self.editor.may_leave(&Command::Quit);
        }
        // Files changed outside the app are picked up when the window
        // comes back into focus; unsaved edits are kept.
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
        if !dropped.is_empty() && self.player.is_none() {
            self.commands.push(Command::Import(dropped));
            ctx.request_repaint();
        }
        let now = self.clock.now();
        let Some(player) = &self.player else { return };
        if player.session.is_over(now) && !player.confirming_stop {
            self.finish_routine(ctx);
            ctx.request_repaint();
            return;
        }
        if let Some(after) = player.next_change(now) {
            ctx.request_repaint_after(after);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let playing = self.screen == Screen::Player && self.player.is_some();
        if playing {
            if let Some(player) = &self.player {
                player.keyboard(ui.ctx(), &mut self.commands);
            }
        } else {
            menu::shortcuts(ui.ctx(), &self.settings, &mut self.commands);
        }
        if !self.follow_along() || !playing {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                menu::bar(ui, &self.settings, playing, &mut self.commands);
                if !self.notices.is_empty() {
                    self.notices_ui(ui);
                }
            });
        }
        match self.screen.clone() {
            Screen::Safety { first_run } => safety::show(ui, first_run, &mut self.commands),
            Screen::Library => {
                self.library
                    .show(ui, &self.catalog, &self.settings, &mut self.commands)
            }
            Screen::Card { id } => match self.catalog.get(&id) {
                Some(exercise) => card::show(
                    ui,
                    exercise,
                    &self.catalog,
                    &self.settings,
                    &mut self.commands,
                ),
                None => self.commands.push(Command::ShowLibrary),
            },
            Screen::Routines => routines::show(
                ui,
                &self.catalog,
                &self.editor.routines,
                self.routines_dir.as_deref(),
                &self.settings,
                &mut self.commands,
            ),
            Screen::Player => match &self.player {
                Some(player) => {
                    let now = self.clock.now();
                    player.show(ui, now, &self.catalog, &self.settings, &mut self.commands);
                }
                None => self.commands.push(Command::ShowLibrary),
            },
            Screen::Settings => settings::show(ui, &self.settings, &mut self.commands),
            Screen::Editor => {
                self.editor
                    .show(ui, &self.catalog, &self.settings, &mut self.commands)
            }
            Screen::Summary => match &self.summary {
                Some(s) => summary::show(ui, s, &mut self.commands),
                None => self.commands.push(Command::ShowLibrary),
            },
        }
        if self.show_shortcuts {
            menu::shortcuts_window(ui.ctx(), &mut self.show_shortcuts);
        }
        self.apply_commands(ui.ctx());
        let cleared_to = self.window_cleared.then(|| ui.visuals().panel_fill);
        frame_cost::lighten(ui.ctx(), cleared_to);
    }
}

/// Prints when the first frame showed, for benchmarks.
fn report_first_frame(started: std::time::Instant) {
    let unix_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    println!("first_frame_ms={}", started.elapsed().as_millis());
    println!("first_frame_unix_ms={unix_ms}");
}

/// The step sides for an exercise, starting on the user's chosen side.
pub(crate) fn step_sides(sides: Sides, first: FirstSide) -> StepSides {
    match (sides, first) {
        (Sides::Together, _) => StepSides::Together,
        (Sides::OneAtATime, FirstSide::Left) => StepSides::LeftThenRight,
        (Sides::OneAtATime, FirstSide::Right) => StepSides::RightThenLeft,
    }
}
