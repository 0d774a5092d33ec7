//! The safety screen: who should not roll, and the rules for everyone.
//! Shown before the first session and kept one click away (Help, F1).

use eframe::egui::{self, RichText};

use super::Commands;
use super::action::Action;
use super::theme::caution_colour;

/// Who should not roll at all without a doctor's go-ahead.
pub const DO_NOT_ROLL: [&str; 4] = [
    "You have, or may have, a blood clot in a vein (deep vein thrombosis).",
    "You take blood thinners: pressing hard can cause bleeding under the skin and deeper.",
    "You have a broken or fractured bone, or one that is still healing.",
    "You have had brittle bones (such as osteoporosis) or a condition that weakens them.",
];

/// When to see a professional first.
pub const ASK_FIRST: [&str; 2] = [
    "You are already injured: rolling can make an injury worse. Have it looked at first.",
    "A knot keeps coming back: something underneath (such as a muscle imbalance) may need a \
     physiotherapist. Rolling helps, but it is not a cure.",
];

/// The rules for every session.
pub const RULES: [&str; 6] = [
    "Press on muscle only. Keep the roller and balls off bones and joints: knees, hip joints, \
     the spine, ankle bones and elbows.",
    "A feeling like a good stretch is fine. Pain that becomes hard to bear is not: stop at once, \
     and see a professional if it stays.",
    "Go gently. Too much pressure can bruise.",
    "Roll slowly, about 2.5 cm (one inch) a second, and rest on tender spots instead of \
     grinding over them.",
    "Rolling does not replace a warm-up or regular stretching.",
    "Drink some water when you are done.",
];

/// Draws the safety screen.
pub fn show(ui: &mut egui::Ui, first_run: bool, commands: &mut Commands) {
    // The button stays in view at the bottom, however small the window.
    egui::Panel::bottom("safety_accept")
        .frame(crate::ui::panel::side(ui))
        .show(ui, |ui| {
            centred_column(ui, |ui| accept_bar(ui, first_run, commands));
        });
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            crate::ui::page::show(ui, "safety", |ui| centred_column(ui, content));
        });
}

/// A left-aligned column at most 760 points wide, in the middle of `ui`.
fn centred_column(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    ui.vertical_centered(|ui| {
        let width = ui.available_width().min(760.0);
        ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), add);
        });
    });
}

fn accept_bar(ui: &mut egui::Ui, first_run: bool, commands: &mut Commands) {
    ui.add_space(10.0);
    // Read again from Help, the rules were accepted: the button goes back.
    let action = if first_run {
        Action::AcceptSafety
    } else {
        Action::BackToLibrary
    };
    let keys = format!(
        "{} continues. Read this again any time: Help, or {}.",
        Action::AcceptSafety.key_text().unwrap_or_default(),
        Action::ShowSafety.key_text().unwrap_or_default()
    );
    let mut button = |ui: &mut egui::Ui| {
        let button = egui::Button::new(RichText::new(action.label()).size(20.0).strong())
            .min_size(egui::vec2(BUTTON_WIDTH, 48.0));
        if ui.add(button).clicked() {
            commands.push(Action::AcceptSafety.into());
        }
    };
    let hint = egui::Label::new(RichText::new(keys).weak()).wrap();
    // The hint wraps beside the button, or goes under it in a narrow window.
    if ui.available_width() >= BUTTON_WIDTH + HINT_WIDTH {
        ui.horizontal(|ui| {
            button(ui);
            ui.add(hint);
        });
    } else {
        button(ui);
        ui.add(hint);
    }
    ui.add_space(6.0);
}

/// The accept button's width, and the least room for the hint beside it.
const BUTTON_WIDTH: f32 = 280.0;
const HINT_WIDTH: f32 = 180.0;

fn content(ui: &mut egui::Ui) {
    ui.add_space(12.0);
    ui.heading(RichText::new("Before you roll").size(32.0).strong());
    ui.add_space(4.0);
    ui.label(
        "Rollcoach shows and times foam rolling and ball work. It is a coach, not a \
         medical device: it cannot tell what is wrong or treat it.",
    );
    ui.add_space(12.0);

    section(ui, "Do not roll if", &DO_NOT_ROLL, Some(caution_colour(ui)));
    section(ui, "See a professional first if", &ASK_FIRST, None);
    section(ui, "Every time you roll", &RULES, None);

    ui.add_space(8.0);
}

fn section(ui: &mut egui::Ui, title: &str, lines: &[&str], colour: Option<egui::Color32>) {
    let mut heading = RichText::new(title).size(22.0).strong();
    if let Some(c) = colour {
        heading = heading.color(c);
    }
    ui.label(heading);
    for line in lines {
        ui.horizontal_top(|ui| {
            ui.label(RichText::new("•").strong());
            ui.add(egui::Label::new(*line).wrap());
        });
    }
    ui.add_space(10.0);
}
