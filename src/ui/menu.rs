//! The menu bar and the keyboard shortcuts window, both read from the
//! action registry.

use eframe::egui::{self, RichText};

use super::action::{self, Action};
use super::{Command, Commands};
use crate::model::{Settings, TextSize, ThemePreference};

/// The menu bar at the top of the window. While a routine plays, only the
/// player and Help can be reached: a routine is left by stopping it.
pub fn bar(ui: &mut egui::Ui, settings: &Settings, playing: bool, commands: &mut Commands) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.label(RichText::new("Rollcoach").strong());
        ui.separator();
        let why = format!(
            "Stop the routine first ({})",
            Action::AskStop.key_text().unwrap_or_default()
        );
        for screen in [
            Action::ShowLibrary,
            Action::ShowRoutines,
            Action::EditRoutines,
            Action::ShowSettings,
        ] {
            let button = ui.add_enabled(!playing, egui::Button::new(screen.label()));
            if button
                .on_hover_text(screen.hint())
                .on_disabled_hover_text(&why)
                .clicked()
            {
                commands.push(screen.into());
            }
        }
        ui.menu_button("View", |ui| view_menu(ui, settings, commands));
        ui.menu_button("Help", |ui| {
            for entry in [Action::ShowSafety, Action::ShowShortcuts] {
                if entry.menu_entry(ui).clicked() {
                    commands.push(entry.into());
                }
            }
            ui.separator();
            if Action::Quit.menu_entry(ui).clicked() {
                commands.push(Action::Quit.into());
            }
        });
    });
}

fn view_menu(ui: &mut egui::Ui, settings: &Settings, commands: &mut Commands) {
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
    ui.separator();
    for entry in [Action::TextLarger, Action::TextSmaller] {
        if entry.menu_entry(ui).clicked() {
            commands.push(entry.into());
        }
    }
}

/// The keyboard shortcuts window; `open` is cleared when it is closed.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    let mac = cfg!(target_os = "macos");
    egui::Window::new(Action::ShowShortcuts.label())
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcuts")
                    .striped(true)
                    .spacing([18.0, 6.0])
                    .show(ui, |ui| {
                        for (place, keys, what) in action::rows(mac) {
                            ui.label(RichText::new(place).weak());
                            ui.label(RichText::new(keys).strong());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        });
}
