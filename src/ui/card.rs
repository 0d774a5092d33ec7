//! One exercise card in full: a large picture and every section a person
//! needs to do it well and safely.

use eframe::egui::{self, RichText};

use super::Commands;
use super::action::{Action, action_button};
use super::theme::caution_colour;
use super::widgets::illustration;
use super::words::length_text;
use crate::catalog::Catalog;
use crate::model::{Exercise, Settings};

/// Section titles, in the order they appear (also their accessible labels).
pub mod sections {
    pub const WORKS: &str = "What it works";
    pub const TOOLS: &str = "What you need";
    pub const SETUP: &str = "Set up";
    pub const ROLL: &str = "Roll";
    pub const HOLD: &str = "Hold a tender spot";
    pub const BREATHE: &str = "Breathe";
    pub const EASIER: &str = "Make it easier";
    pub const HARDER: &str = "Make it harder";
    pub const AVOID: &str = "Keep off";
    pub const SIDES: &str = "Sides";
    pub const TIMINGS: &str = "Timings";
}

/// Draws the card of `exercise`; Left/Right go to the previous/next card,
/// Esc back to the library.
pub fn show(
    ui: &mut egui::Ui,
    exercise: &Exercise,
    catalog: &Catalog,
    settings: &Settings,
    commands: &mut Commands,
) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            nav_bar(ui, exercise, catalog, commands);
            ui.add_space(4.0);
            title_ui(ui, exercise, commands);
            ui.add_space(8.0);
            let wide = ui.available_width() > 900.0;
            if wide {
                ui.columns(2, |cols| {
                    picture(&mut cols[0], exercise);
                    crate::ui::page::show(&mut cols[1], "card_text", |ui| {
                        details(ui, exercise, settings)
                    });
                });
            } else {
                crate::ui::page::show(ui, "card_text", |ui| {
                    picture(ui, exercise);
                    details(ui, exercise, settings);
                });
            }
        });
}

/// Back to the library on the left; where the card is, previous and next
/// on the right.
fn nav_bar(ui: &mut egui::Ui, exercise: &Exercise, catalog: &Catalog, commands: &mut Commands) {
    let all = catalog.exercises();
    let index = all.iter().position(|e| e.id == exercise.id).unwrap_or(0);
    let has_next = index + 1 < all.len();
    ui.horizontal(|ui| {
        if action_button(ui, Action::BackToLibrary, true).clicked() {
            commands.push(Action::BackToLibrary.into());
        }
        // Laid out left to right at the right edge, so that Tab reaches
        // Previous before Next.
        let place = RichText::new(format!("{} of {}", index + 1, all.len())).weak();
        let button = |a: Action| {
            text_width(ui, RichText::new(a.label()), egui::TextStyle::Button)
                + 2.0 * ui.spacing().button_padding.x
        };
        let width = text_width(ui, place.clone(), egui::TextStyle::Body)
            + button(Action::PreviousCard)
            + button(Action::NextCard)
            + 3.0 * ui.spacing().item_spacing.x;
        ui.add_space((ui.available_width() - width).max(0.0));
        ui.label(place);
        if action_button(ui, Action::PreviousCard, index > 0).clicked() {
            commands.push(Action::PreviousCard.into());
        }
        if action_button(ui, Action::NextCard, has_next).clicked() {
            commands.push(Action::NextCard.into());
        }
    });
}

/// The exercise's name, its Start button, its region and summary. The
/// button goes under the name when both don't fit on one line.
fn title_ui(ui: &mut egui::Ui, exercise: &Exercise, commands: &mut Commands) {
    let start = Action::StartExercise;
    let name = RichText::new(&exercise.name).size(34.0).strong();
    let label = RichText::new(start.label()).size(18.0).strong();
    let name_w = text_width(ui, name.clone(), egui::TextStyle::Heading);
    let button_w = text_width(ui, label.clone(), egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.x;
    let gap = 12.0 + ui.spacing().item_spacing.x;
    let side_by_side = name_w + gap + button_w <= ui.available_width();
    let mut start_button = |ui: &mut egui::Ui| {
        let button = egui::Button::new(label.clone()).min_size(egui::vec2(0.0, 40.0));
        if ui.add(button).on_hover_text(start.tooltip()).clicked() {
            commands.push(start.into());
        }
    };
    if side_by_side {
        ui.horizontal(|ui| {
            ui.heading(name);
            ui.add_space(12.0);
            start_button(ui);
        });
    } else {
        ui.add(egui::Label::new(name.text_style(egui::TextStyle::Heading)).wrap());
        start_button(ui);
    }
    let about = format!("{}  ·  {}", exercise.region.label(), exercise.summary);
    ui.add(egui::Label::new(RichText::new(about).weak()).wrap());
}

/// The width of `text` on one line.
fn text_width(ui: &egui::Ui, text: RichText, style: egui::TextStyle) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

fn picture(ui: &mut egui::Ui, exercise: &Exercise) {
    let w = ui.available_width();
    let h = (w * 0.68).min(ui.available_height().max(200.0));
    let description = format!(
        "Picture: {} with the {} pressing the {} of the area worked, which is highlighted",
        exercise.name,
        exercise
            .main_tool()
            .map(|t| t.label().to_lowercase())
            .unwrap_or_default(),
        exercise.illustration.target.face.words()
    );
    illustration::show(
        ui,
        &exercise.id,
        &exercise.illustration,
        egui::vec2(w, h),
        &description,
    );
    ui.add_space(6.0);
    ui.label(
        RichText::new(
            "Orange: the side of the muscle worked.  Arrow: the way to roll.  Blue: the roller or ball.",
        )
        .small()
        .weak(),
    );
}

fn details(ui: &mut egui::Ui, exercise: &Exercise, settings: &Settings) {
    // Ragged-right text reads better than the justified text of columns.
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        sections_ui(ui, exercise, settings);
    });
}

fn sections_ui(ui: &mut egui::Ui, exercise: &Exercise, settings: &Settings) {
    title(ui, sections::WORKS, None);
    ui.label(exercise.muscles.join(", "));

    title(ui, sections::TOOLS, None);
    for line in tool_lines(exercise, &settings.tools_owned) {
        bullet(ui, &line);
    }

    title(ui, sections::SETUP, None);
    for (i, step) in exercise.setup.iter().enumerate() {
        numbered(ui, i + 1, step);
    }

    title(ui, sections::ROLL, None);
    ui.label(
        RichText::new(format!(
            "From {} to {}.",
            exercise.roll.from, exercise.roll.to
        ))
        .strong(),
    );
    wrapped(ui, &exercise.roll.how);

    title(ui, sections::HOLD, None);
    wrapped(ui, &exercise.hold);

    title(ui, sections::BREATHE, None);
    wrapped(ui, &exercise.breathing);

    title(ui, sections::EASIER, None);
    for line in &exercise.easier {
        bullet(ui, line);
    }
    title(ui, sections::HARDER, None);
    for line in &exercise.harder {
        bullet(ui, line);
    }

    let caution = caution_colour(ui);
    title(ui, sections::AVOID, Some(caution));
    for line in &exercise.avoid {
        bullet(ui, line);
    }
    bullet(ui, "Stop if the pain becomes hard to bear.");

    title(ui, sections::SIDES, None);
    ui.label(exercise.sides.label());

    title(ui, sections::TIMINGS, None);
    timings_ui(ui, exercise, settings);
    ui.add_space(12.0);
}

/// How long it rolls and holds, the stroke at the user's pace, in all.
fn timings_ui(ui: &mut egui::Ui, exercise: &Exercise, settings: &Settings) {
    let t = &exercise.timings;
    let pace = settings.pace_cm_per_s;
    let stroke_s = t.stroke_seconds(pace);
    bullet(
        ui,
        &format!("Roll for {} seconds{}", t.roll_seconds, per_side(exercise)),
    );
    bullet(
        ui,
        &format!(
            "Each stroke is about {}: {:.0} seconds one way at {}",
            settings.units.length(t.stroke_cm),
            stroke_s,
            settings.units.pace(pace)
        ),
    );
    if !exercise.holds_suit {
        bullet(
            ui,
            "No holds here: keep moving, and rock gently over a tender spot",
        );
    }
    if t.holds > 0 {
        let holds = if t.holds == 1 {
            "1 tender spot".to_owned()
        } else {
            format!("{} tender spots", t.holds)
        };
        bullet(
            ui,
            &format!("Hold {holds} for {} seconds each", settings.hold_seconds),
        );
    }
    let per_side_s = t.roll_seconds + t.holds * settings.hold_seconds;
    let total = per_side_s
        * if exercise.sides == crate::model::Sides::OneAtATime {
            2
        } else {
            1
        };
    bullet(
        ui,
        &format!(
            "About {} in all",
            length_text(std::time::Duration::from_secs(u64::from(total)))
        ),
    );
}

/// The tools of a card in words: the pictured one first, then what can
/// stand in for it, saying which ones the user has.
fn tool_lines(exercise: &Exercise, owned: &[crate::model::Tool]) -> Vec<String> {
    let best_owned = exercise.best_owned_tool(owned);
    exercise
        .tools
        .iter()
        .enumerate()
        .map(|(i, tool)| {
            let name = if i == 0 {
                format!("{} (as pictured)", tool.label())
            } else {
                format!("Or: {}", tool.label().to_lowercase())
            };
            let note = if best_owned == Some(*tool) && i > 0 {
                ": you have one, use it"
            } else if !owned.contains(tool) {
                ": you don't have one"
            } else {
                ""
            };
            format!("{name}{note}")
        })
        .collect()
}

fn per_side(exercise: &Exercise) -> &'static str {
    match exercise.sides {
        crate::model::Sides::OneAtATime => " on each side",
        crate::model::Sides::Together => "",
    }
}

fn title(ui: &mut egui::Ui, text: &str, colour: Option<egui::Color32>) {
    ui.add_space(10.0);
    let mut rich = RichText::new(text).size(21.0).strong();
    if let Some(c) = colour {
        rich = rich.color(c);
    }
    ui.label(rich);
}

fn wrapped(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(text).wrap());
}

fn bullet(ui: &mut egui::Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        wrapped(ui, text);
    });
}

fn numbered(ui: &mut egui::Ui, n: usize, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label(RichText::new(format!("{n}.")).strong());
        wrapped(ui, text);
    });
}
