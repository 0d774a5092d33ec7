//! The menu bar and the app-wide keyboard shortcuts.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::Command;
use crate::model::{Settings, TextSize, ThemePreference};

/// Ctrl+Q (Cmd+Q on macOS): quit.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// F1: show the safety rules.
pub const SAFETY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
/// Ctrl+Plus: larger text.
pub const TEXT_LARGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
/// Ctrl+Minus: smaller text.
pub const TEXT_SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);

/// Handles the shortcuts that work on every screen.
pub fn shortcuts(ctx: &egui::Context, settings: &Settings, commands: &mut Vec<Command>) {
    let (quit, safety, larger, smaller) = ctx.input_mut(|i| {
        (
            i.consume_shortcut(&QUIT),
            i.consume_shortcut(&SAFETY),
            i.consume_shortcut(&TEXT_LARGER) || i.consume_key(Modifiers::COMMAND, Key::Equals),
            i.consume_shortcut(&TEXT_SMALLER),
        )
    });
    if quit {
        commands.push(Command::Quit);
    }
    if safety {
        commands.push(Command::ShowSafety);
    }
    let sizes = TextSize::ALL;
    let now = sizes
        .iter()
        .position(|s| *s == settings.text_size)
        .unwrap_or(1);
    if larger && now + 1 < sizes.len() {
        commands.push(Command::SetTextSize(sizes[now + 1]));
    }
    if smaller && now > 0 {
        commands.push(Command::SetTextSize(sizes[now - 1]));
    }
}

/// The menu bar at the top of the window.
pub fn bar(ui: &mut egui::Ui, settings: &Settings, playing: bool, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.label(egui::RichText::new("Rollcoach").strong());
        ui.separator();
        let why = "Stop the routine first (Esc)";
        let library = ui.add_enabled(!playing, egui::Button::new("Library"));
        if library.on_disabled_hover_text(why).clicked() {
            commands.push(Command::ShowLibrary);
        }
        let routines = ui.add_enabled(!playing, egui::Button::new("Routines"));
        if routines.on_disabled_hover_text(why).clicked() {
            commands.push(Command::ShowRoutines);
        }
        let editor = ui.add_enabled(!playing, egui::Button::new("My routines"));
        if editor.on_disabled_hover_text(why).clicked() {
            commands.push(Command::EditRoutines);
        }
        let settings_button = ui.add_enabled(!playing, egui::Button::new("Settings"));
        if settings_button.on_disabled_hover_text(why).clicked() {
            commands.push(Command::ShowSettings);
        }
        ui.menu_button("View", |ui| {
            ui.label("Theme");
            for theme in ThemePreference::ALL {
                if ui.radio(settings.theme == theme, theme.label()).clicked() {
                    commands.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            ui.label("Text size");
            for size in TextSize::ALL {
                if ui.radio(settings.text_size == size, size.label()).clicked() {
                    commands.push(Command::SetTextSize(size));
                }
            }
        });
        ui.menu_button("Help", |ui| {
            let safety =
                egui::Button::new("Safety first").shortcut_text(ui.ctx().format_shortcut(&SAFETY));
            if ui.add(safety).clicked() {
                commands.push(Command::ShowSafety);
            }
            if ui.button("Keyboard shortcuts").clicked() {
                commands.push(Command::ToggleShortcuts);
            }
            ui.separator();
            let quit = egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT));
            if ui.add(quit).clicked() {
                commands.push(Command::Quit);
            }
        });
    });
}

/// Every shortcut, as the help window lists them: (where, keys, what).
pub const SHORTCUTS: &[(&str, &str, &str)] = &[
    ("Safety screen", "Enter", "Accept and continue"),
    ("Library", "Arrow keys, Home, End", "Move between cards"),
    ("Library", "Enter", "Open the selected card"),
    (
        "Library",
        "Ctrl+F or /",
        "Search (Enter or Down: to the results)",
    ),
    ("Card", "Left / Right", "Previous / next card"),
    ("Card", "S", "Start this exercise"),
    ("Card", "Esc or Backspace", "Back to the library"),
    ("Player", "Space", "Pause / resume"),
    ("Player", "Right / Left", "Skip ahead / go back"),
    ("Player", "+", "Ten more seconds of hold"),
    ("Player", "I", "Too intense: work around the spot"),
    ("Player", "M", "Sound off / on"),
    ("Player", "F11", "Follow-along view"),
    ("Player", "Esc", "Stop (asks first)"),
    ("My routines", "Ctrl+S", "Save the routine"),
    ("Anywhere", "F1", "Safety first"),
    ("Anywhere", "Ctrl+Plus", "Larger text"),
    ("Anywhere", "Ctrl+Minus", "Smaller text"),
    ("Anywhere", "Ctrl+Q", "Quit"),
];

/// The keyboard shortcuts window; `open` is cleared when it is closed.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .spacing([18.0, 6.0])
                .show(ui, |ui| {
                    for &(place, keys, what) in SHORTCUTS {
                        ui.label(egui::RichText::new(place).weak());
                        ui.label(egui::RichText::new(keys).strong());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}
