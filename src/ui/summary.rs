//! The end of a routine: what was really done, what was skipped, the time
//! spent rolling and holding, and a glass of water.

use eframe::egui::{self, RichText};

use super::Commands;
use super::action::Action;
use super::words::length_text;
use crate::model::Area;
use crate::model::history::SessionRecord;
use crate::session::{Outcome, StepTally, Tally};

/// What the summary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub routine: String,
    /// What ran of each exercise.
    pub tally: Tally,
    /// How each area rated before and after, when both were rated.
    pub changes: Vec<AreaChange>,
    /// Days rolled in a row, this one included, once the history is known.
    pub streak: Option<usize>,
}

/// An area's soreness before and after the routine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AreaChange {
    pub area: Area,
    pub before: f32,
    pub after: f32,
}

impl AreaChange {
    /// "Calves: 7 before, 4 after (3 less sore)".
    pub fn line(&self) -> String {
        let diff = self.before - self.after;
        let change = if diff.abs() < 0.05 {
            "no change".to_owned()
        } else if diff > 0.0 {
            format!("{} less sore", number(diff))
        } else {
            format!("{} sorer", number(-diff))
        };
        format!(
            "{}: {} before, {} after ({change})",
            self.area.label(),
            number(self.before),
            number(self.after)
        )
    }
}

/// 3, or 2.5.
fn number(value: f32) -> String {
    format!("{}", (value * 10.0).round() / 10.0)
}

/// The before and after of every area `record` rated both times.
pub fn changes(record: &SessionRecord) -> Vec<AreaChange> {
    let mut areas: Vec<Area> = record.before.iter().map(|r| r.area).collect();
    areas.dedup();
    areas
        .into_iter()
        .filter_map(|area| {
            Some(AreaChange {
                area,
                before: SessionRecord::area_rating(&record.before, area)?,
                after: SessionRecord::area_rating(&record.after, area)?,
            })
        })
        .collect()
}

/// The hydration reminder.
pub const WATER: &str = "Drink a glass of water now.";

impl Summary {
    /// The headline: praise only for work that was done.
    pub fn headline(&self) -> &'static str {
        let t = &self.tally;
        if t.stopped {
            "Stopped early"
        } else if t.done_count() == 0 {
            "Routine ended"
        } else if t.done_count() == t.step_count() {
            "Well done!"
        } else {
            "Good work!"
        }
    }

    /// "3 of 5 exercises done · 6 min 40 s rolling and holding".
    pub fn count_line(&self) -> String {
        let t = &self.tally;
        let of = t.step_count();
        let noun = if of == 1 { "exercise" } else { "exercises" };
        let count = format!("{} of {of} {noun} done", t.done_count());
        let worked = t.worked();
        if worked.as_secs_f64().round() < 1.0 {
            count
        } else {
            format!("{count}  ·  {} rolling and holding", length_text(worked))
        }
    }

    /// The exercises that came out as `outcome`, as a line ("Skipped:
    /// Calves (right side), Quads"), or `None` if there are none.
    pub fn list_line(&self, outcome: Outcome) -> Option<String> {
        let names: Vec<String> = self
            .tally
            .with_outcome(outcome)
            .map(|s| step_name(s, outcome))
            .collect();
        if names.is_empty() {
            return None;
        }
        let lead = match outcome {
            Outcome::Done => "Done",
            Outcome::Skipped => "Skipped",
            Outcome::NotReached => "Left for next time",
        };
        Some(format!("{lead}: {}", names.join(", ")))
    }
}

/// An exercise's name, with the side that matters when only one of its
/// two was done: the side done in the list of what was done, the other
/// one in the other lists.
fn step_name(step: &StepTally, outcome: Outcome) -> String {
    let side = if outcome == Outcome::Done {
        step.only_side_done()
    } else {
        step.only_side_missed()
    };
    match side {
        Some(side) => format!("{} ({} side)", step.name, side.label()),
        None => step.name.clone(),
    }
}

/// Draws the summary.
pub fn show(ui: &mut egui::Ui, summary: &Summary, commands: &mut Commands) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(20.0);
                ui.label(RichText::new(summary.headline()).size(44.0).strong());
                ui.label(RichText::new(&summary.routine).size(22.0));
                ui.add_space(10.0);
                ui.add(egui::Label::new(RichText::new(summary.count_line()).size(26.0)).wrap());
                for outcome in [Outcome::Done, Outcome::Skipped, Outcome::NotReached] {
                    if let Some(line) = summary.list_line(outcome) {
                        ui.add(egui::Label::new(RichText::new(line).size(17.0).weak()).wrap());
                    }
                }
                ui.add_space(16.0);
                if summary.tally.done_count() > 0 {
                    ui.label(RichText::new(WATER).size(30.0).strong());
                    ui.add(
                        egui::Label::new(
                            "Your muscles should feel and move better. Some tenderness \
                             tomorrow is normal; sharp or lasting pain is not: see a \
                             professional if you have it.",
                        )
                        .wrap(),
                    );
                } else {
                    ui.add(
                        egui::Label::new(
                            "An exercise counts as done when more than half of its rolling \
                             and holding has run. The routine is here whenever you are ready.",
                        )
                        .wrap(),
                    );
                }
                if !summary.changes.is_empty() {
                    ui.add_space(12.0);
                    ui.label(RichText::new("How they feel").size(20.0).strong());
                    for change in &summary.changes {
                        ui.add(egui::Label::new(RichText::new(change.line()).size(18.0)).wrap());
                    }
                }
                if let Some(streak) = summary.streak.filter(|s| *s > 1) {
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new(format!("{streak} days in a row. Keep it going!")).size(18.0),
                    );
                }
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
