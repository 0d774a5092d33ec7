//! The eframe app: one screen at a time, user actions as [`Command`]s applied
//! in one place after the frame.

mod card;
mod command;
pub mod icon;
mod library;
mod menu;
mod safety;
pub mod theme;
pub mod widgets;

use eframe::egui;

use crate::catalog::Catalog;
use crate::model::Settings;
use crate::store::{DataDir, FileProblem, SettingsStore};

pub use command::Command;
use library::Library;

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
}

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// Where user files live; `None` means the platform's config folder.
    pub data_dir: Option<DataDir>,
}

/// A message for the user about something that went wrong, with a way out.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
}

/// The Rollcoach application.
pub struct RollcoachApp {
    catalog: Catalog,
    settings: Settings,
    store: Option<SettingsStore>,
    screen: Screen,
    library: Library,
    notices: Vec<Notice>,
    commands: Vec<Command>,
    show_shortcuts: bool,
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
                    });
                }
                (Some(store), loaded.settings)
            }
            None => {
                notices.push(Notice {
                    text: "Rollcoach found no home folder to keep its settings in, so they \
                           won't be remembered. Start it with --data-dir FOLDER to choose one."
                        .to_owned(),
                });
                (None, Settings::default())
            }
        };
        theme::install_style(ctx);
        theme::apply_settings(ctx, &settings);
        let screen = if settings.safety_acknowledged {
            Screen::Library
        } else {
            Screen::Safety { first_run: true }
        };
        RollcoachApp {
            catalog,
            settings,
            store,
            screen,
            library: Library::default(),
            notices,
            commands: Vec::new(),
            show_shortcuts: false,
        }
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
            self.notices.push(Notice { text });
        }
    }

    /// Applies every command sent during the frame.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(ctx, command);
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
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
            }
            Command::ShowLibrary => {
                if let Screen::Card { id } = &self.screen {
                    self.library.select_id(id, &self.catalog, &self.settings);
                }
                self.screen = Screen::Library;
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
        }
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui) {
        for (i, notice) in self.notices.iter().enumerate() {
            egui::Frame::new()
                .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
                .inner_margin(egui::Margin::symmetric(12, 8))
                .corner_radius(8.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.add(egui::Label::new(&notice.text).wrap());
                        if ui.button("Dismiss").clicked() {
                            self.commands.push(Command::DismissNotice(i));
                        }
                    });
                });
        }
    }
}

impl eframe::App for RollcoachApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        menu::shortcuts(ui.ctx(), &self.settings, &mut self.commands);
        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::bar(ui, &self.settings, &mut self.commands);
            if !self.notices.is_empty() {
                self.notices_ui(ui);
            }
        });
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
        }
        if self.show_shortcuts {
            menu::shortcuts_window(ui.ctx(), &mut self.show_shortcuts);
        }
        self.apply_commands(ui.ctx());
    }
}
