//! The menu bar and the keyboard shortcuts window, both read from the
//! action registry.

use eframe::egui::{self, RichText};

use super::action::{self, Action};
use super::{Command, Commands};
use crate::model::{Settings, TextSize, ThemePreference};

/// The menu bar at the top of the window. While a routine plays, only the
/// player and Help can be reached: a routine is left by stopping it.
/// Returns where the bar is.
pub fn bar(
    ui: &mut egui::Ui,
    settings: &Settings,
    playing: bool,
    commands: &mut Commands,
) -> egui::Rect {
    let bar = egui::MenuBar::new().ui(ui, |ui| {
        // In a narrow window (or with large text) the screens need the room
        // more than the app's name does: the title bar has it too.
        if ui.available_width() >= 720.0 {
            ui.label(RichText::new("Rollcoach").strong());
            ui.separator();
        }
        let accepted = settings.safety_acknowledged;
        let why = if accepted {
            format!(
                "Stop the routine first ({})",
                Action::AskStop.key_text().unwrap_or_default()
            )
        } else {
            "Read the safety rules and accept them first".to_owned()
        };
        for screen in [
            Action::ShowLibrary,
            Action::ShowPlanner,
            Action::ShowRoutines,
            Action::EditRoutines,
            Action::ShowProgress,
            Action::ShowSettings,
        ] {
            let button = ui.add_enabled(accepted && !playing, egui::Button::new(screen.label()));
            if button
                .on_hover_text(screen.hint())
                .on_disabled_hover_text(&why)
                .clicked()
            {
                commands.push(screen.into());
            }
        }
        // A choice made from the keyboard leaves the focus on the menu's
        // button, where the next Tab goes on from.
        let view = ui.menu_button("View", |ui| view_menu(ui, settings, commands));
        if view.inner == Some(true) {
            view.response.request_focus();
        }
        let help = ui.menu_button("Help", |ui| {
            let mut by_keyboard = false;
            for entry in [Action::ShowSafety, Action::ShowShortcuts, Action::Quit] {
                if entry == Action::Quit {
                    ui.separator();
                }
                let r = entry.menu_entry(ui);
                if r.clicked() {
                    commands.push(entry.into());
                    by_keyboard |= r.has_focus();
                }
            }
            by_keyboard
        });
        if help.inner == Some(true) {
            help.response.request_focus();
        }
    });
    bar.response.rect
}

/// The View menu; whether a choice was made from the keyboard.
fn view_menu(ui: &mut egui::Ui, settings: &Settings, commands: &mut Commands) -> bool {
    let mut by_keyboard = false;
    let mut chose = |r: &egui::Response| {
        by_keyboard |= r.clicked() && r.has_focus();
        r.clicked()
    };
    ui.label("Theme");
    for theme in ThemePreference::ALL {
        if chose(&ui.radio(settings.theme == theme, theme.label())) {
            commands.push(Command::SetTheme(theme));
        }
    }
    ui.separator();
    ui.label("Text size");
    for size in TextSize::ALL {
        if chose(&ui.radio(settings.text_size == size, size.label())) {
            commands.push(Command::SetTextSize(size));
        }
    }
    ui.separator();
    for entry in [Action::TextLarger, Action::TextSmaller] {
        if chose(&entry.menu_entry(ui)) {
            commands.push(entry.into());
        }
    }
    by_keyboard
}

/// The keyboard shortcuts window, below `top` (the menu bar) and never
/// taller than the window: its list scrolls. `open` is cleared when it is
/// closed.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool, top: f32) {
    let mac = cfg!(target_os = "macos");
    let screen = ctx.content_rect();
    let margin = 8.0;
    let area = egui::Rect::from_min_max(
        egui::pos2(screen.left() + margin, top + margin),
        screen.max - egui::vec2(margin, margin),
    );
    // The window's frame and title bar, around the list.
    let chrome = 2.0 * ctx.global_style().spacing.window_margin.sum().y + 72.0;
    let width = area.width().min(700.0) - chrome / 2.0;
    let mut close = false;
    egui::Window::new(Action::ShowShortcuts.label())
        .open(open)
        .collapsible(false)
        .resizable(false)
        .constrain_to(area)
        .default_pos(egui::pos2(area.center().x, area.top()))
        .pivot(egui::Align2::CENTER_TOP)
        .min_width(width)
        .max_width(width)
        .show(ctx, |ui| {
            // A solid bar that always shows, so that a list longer than
            // the window says that it goes on.
            ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
            egui::ScrollArea::vertical()
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                .max_height((area.height() - chrome).max(80.0))
                .show(ui, |ui| shortcut_rows(ui, width, mac));
            let keys = Action::ShowShortcuts.key_text().unwrap_or_default();
            ui.horizontal_wrapped(|ui| {
                // A button Tab reaches: the title bar's cross is not.
                if ui.button("Close").clicked() {
                    close = true;
                }
                ui.label(RichText::new(format!("Esc or {keys} closes this window.")).weak());
            });
        });
    if close {
        *open = false;
    }
}

/// One row per action: where it works, its keys, what it does; each column
/// wraps within its share of `width`.
fn shortcut_rows(ui: &mut egui::Ui, width: f32, mac: bool) {
    let gap = 14.0;
    let columns = [0.3, 0.25, 0.45].map(|share| (width - 2.0 * gap) * share);
    let stripe = ui.visuals().faint_bg_color;
    for (i, (place, keys, what)) in action::rows(mac).into_iter().enumerate() {
        // Every other row striped, behind its words.
        let background = ui.painter().add(egui::Shape::Noop);
        let row = ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let texts = [
                RichText::new(place).weak(),
                RichText::new(keys).strong(),
                RichText::new(what),
            ];
            for (text, column) in texts.into_iter().zip(columns) {
                ui.allocate_ui(egui::vec2(column, 0.0), |ui| {
                    ui.set_width(column);
                    ui.add(egui::Label::new(text).wrap());
                });
            }
        });
        if i % 2 == 1 {
            let rect = row.response.rect.expand2(egui::vec2(4.0, 3.0));
            ui.painter()
                .set(background, egui::Shape::rect_filled(rect, 2.0, stripe));
        }
    }
}
