//! The end of a routine: what was done, for how long, and a glass of water.

use std::time::Duration;

use eframe::egui::{self, RichText};

use super::Commands;
use super::action::Action;
use super::words::length_text;

/// What the summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub routine: String,
    /// Names of the exercises reached.
    pub exercises: Vec<String>,
    /// Time spent (pauses excluded).
    pub time: Duration,
    /// Whether it ran to the end (not stopped early).
    pub completed: bool,
}

/// The hydration reminder.
pub const WATER: &str = "Drink a glass of water now.";

/// Draws the summary.
pub fn show(ui: &mut egui::Ui, summary: &Summary, commands: &mut Commands) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(20.0);
                let title = if summary.completed {
                    "Well done!"
                } else {
                    "Stopped early"
                };
                ui.label(RichText::new(title).size(44.0).strong());
                ui.label(RichText::new(&summary.routine).size(22.0));
                ui.add_space(10.0);
                let count = summary.exercises.len();
                let exercises = if count == 1 {
                    "1 exercise".to_owned()
                } else {
                    format!("{count} exercises")
                };
                ui.label(
                    RichText::new(format!("{exercises} in {}", length_text(summary.time)))
                        .size(26.0),
                );
                ui.add(egui::Label::new(RichText::new(summary.exercises.join(", ")).weak()).wrap());
                ui.add_space(16.0);
                ui.label(RichText::new(WATER).size(30.0).strong());
                ui.label(
                    "Your muscles should feel and move better. Some tenderness tomorrow is normal; \
                 sharp or lasting pain is not: see a professional if you have it.",
                );
                ui.add_space(16.0);
                let done = Action::FinishSummary;
                let button = egui::Button::new(RichText::new(done.label()).size(20.0))
                    .min_size(egui::vec2(240.0, 48.0));
                if ui.add(button).on_hover_text(done.tooltip()).clicked() {
                    commands.push(done.into());
                }
            });
        });
}
