//! The Progress screen: how often the person rolled, their minutes each
//! week, how sore each area was before and after over time, hints from it,
//! and every past session, each of which can be deleted (and brought
//! back).

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};

mod figures;
mod sessions;

use figures::{Derived, MOST_POINTS};
pub use sessions::session_title;
use sessions::{questions, sessions};

use crate::history::{self, History};
use crate::model::Area;
use crate::store::StoredSession;
use crate::ui::Commands;
use crate::ui::action::Action;

/// The width from which the two charts stand side by side.
const SIDE_BY_SIDE: f32 = 900.0;

/// Sessions listed at first, and added by "Show more".
pub const SESSIONS_AT_ONCE: usize = 20;

/// What the screen keeps between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgressView {
    /// The area whose soreness is plotted; the first one rated if none was
    /// picked.
    pub area: Option<Area>,
    /// How many sessions the list shows.
    pub listed: usize,
    /// A question showing.
    pub asking: Option<Asking>,
    /// What was deleted last, to bring back.
    pub deleted: Vec<StoredSession>,
    /// A line about the last deletion, export or problem.
    pub message: Option<String>,
    /// What is worked out from the history, kept until it changes.
    derived: Option<Derived>,
}

/// The questions of the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Asking {
    /// "Delete this session?"
    DeleteOne(PathBuf),
    /// "Delete your whole history?", the first time and the second.
    DeleteAll { again: bool },
}

/// Draws the Progress screen of `history` (`None` while it is read) on the
/// local day `today`.
pub fn show(
    ui: &mut egui::Ui,
    history: Option<&History>,
    view: &mut ProgressView,
    today: NaiveDate,
    commands: &mut Commands,
) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.heading("Your progress");
            let Some(history) = history else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading your history...");
                });
                ui.ctx().request_repaint_after(Duration::from_millis(100));
                return;
            };
            crate::ui::page::show(ui, "progress", |ui| {
                page(ui, history, view, today, commands);
            });
            questions(ui.ctx(), history, view, commands);
        });
}

fn page(
    ui: &mut egui::Ui,
    history: &History,
    view: &mut ProgressView,
    today: NaiveDate,
    commands: &mut Commands,
) {
    for problem in &history.problems {
        let text = format!(
            "Couldn't read {problem}. The file was left as it is; the rest of your history \
             shows without it."
        );
        ui.add(
            egui::Label::new(RichText::new(text).color(crate::ui::theme::caution_colour(ui)))
                .wrap(),
        );
    }
    if let Some(message) = &view.message {
        ui.horizontal_wrapped(|ui| {
            ui.label(message);
            if !view.deleted.is_empty() {
                let undo = Action::UndoDeleteSession;
                if crate::ui::action::action_button(ui, undo, true).clicked() {
                    commands.push(undo.into());
                }
            }
        });
    }
    if history.sessions.is_empty() {
        ui.add_space(8.0);
        ui.add(
            egui::Label::new(
                "No sessions yet. Play a routine and it shows here: the days you rolled, \
                 your minutes each week, and how sore each area was before and after.",
            )
            .wrap(),
        );
        return;
    }
    let key = (history.revision(), history.sessions.len(), today, view.area);
    if view.derived.as_ref().is_none_or(|d| d.key != key) {
        view.derived = Some(Derived::of(history, today, view.area));
    }
    let Some(derived) = view.derived.clone() else {
        return;
    };
    tallies(ui, &derived);
    ui.add_space(12.0);
    // Side by side where there is room for both, else one under the other.
    if ui.available_width() >= SIDE_BY_SIDE {
        ui.columns(2, |columns| {
            minutes_chart(&mut columns[0], &derived.weeks);
            soreness(&mut columns[1], &derived, view);
        });
    } else {
        minutes_chart(ui, &derived.weeks);
        ui.add_space(12.0);
        soreness(ui, &derived, view);
    }
    if !derived.hints.is_empty() {
        ui.add_space(12.0);
        ui.label(RichText::new("Worth knowing").strong());
        for hint in &derived.hints {
            ui.add(egui::Label::new(hint.as_str()).wrap());
        }
    }
    ui.add_space(12.0);
    sessions(ui, history, view);
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        let export = Action::ExportHistory;
        if crate::ui::action::action_button(ui, export, true).clicked() {
            commands.push(export.into());
        }
        if ui
            .button("Delete the whole history...")
            .on_hover_text("Delete every session (asks twice)")
            .clicked()
        {
            view.asking = Some(Asking::DeleteAll { again: false });
        }
    });
}

/// Days this week and month, and the streak, in large numbers.
fn tallies(ui: &mut egui::Ui, derived: &Derived) {
    let days = |n: usize| if n == 1 { "day" } else { "days" };
    let (week, month, streak) = (derived.week, derived.month, derived.streak);
    let big = egui::TextStyle::Heading.resolve(ui.style()).size * 1.6;
    ui.horizontal_wrapped(|ui| {
        for (number, words) in [
            (week, format!("{} this week", days(week))),
            (month, format!("{} this month", days(month))),
            (streak, format!("{} in a row", days(streak))),
        ] {
            ui.vertical(|ui| {
                ui.label(RichText::new(number.to_string()).size(big).strong());
                ui.label(words);
            });
            ui.add_space(24.0);
        }
    });
}

fn short_day(day: NaiveDate) -> String {
    day.format("%-d %b").to_string()
}

/// Minutes rolling and holding, a bar per week.
fn minutes_chart(ui: &mut egui::Ui, weeks: &[history::WeekMinutes]) {
    ui.label(RichText::new("Minutes each week").strong());
    let bars: Vec<Bar> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            Bar::new(i as f64, w.minutes)
                .width(0.7)
                .name(format!("Week of {}", short_day(w.monday)))
        })
        .collect();
    let chart = BarChart::new("Minutes", bars).color(crate::ui::theme::accent(ui));
    let mondays: Vec<NaiveDate> = weeks.iter().map(|w| w.monday).collect();
    let plot = Plot::new("minutes_each_week")
        .height(170.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .include_y(0.0)
        .include_y(10.0)
        .y_axis_label("min")
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 2.0, 4.0]))
        .x_axis_formatter(move |mark, _range| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            mondays
                .get(i as usize)
                .map(|d| short_day(*d))
                .unwrap_or_default()
        })
        .show(ui, |plot| plot.bar_chart(chart));
    let said: Vec<String> = weeks
        .iter()
        .map(|w| format!("week of {}: {:.0} min", short_day(w.monday), w.minutes))
        .collect();
    let description = format!("Minutes each week, {}", said.join(", "));
    plot.response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
}

/// Soreness before and after of one area, picked from those rated.
fn soreness(ui: &mut egui::Ui, derived: &Derived, view: &mut ProgressView) {
    ui.label(RichText::new("How sore, before and after").strong());
    let Some(sore) = &derived.soreness else {
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Rate how your areas feel before and after a routine (the check-in) \
                     and their soreness shows here over time.",
                )
                .weak(),
            )
            .wrap(),
        );
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Area:");
        let picker = egui::ComboBox::from_id_salt("soreness_area")
            .selected_text(sore.area.label())
            .show_ui(ui, |ui| {
                for a in &derived.areas {
                    if ui.selectable_label(*a == sore.area, a.label()).clicked() {
                        view.area = Some(*a);
                    }
                }
            });
        picker
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Area"));
    });
    let before_colour = crate::ui::theme::caution_colour(ui);
    let after_colour = crate::ui::theme::accent(ui);
    let start = sore.start;
    let plot = Plot::new("soreness_over_time")
        .height(190.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .include_y(10.0)
        .y_axis_label("sore, 0 to 10")
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|input| {
            // Days, weeks and four weeks; longer steps for a longer history.
            let days = input.bounds.1 - input.bounds.0;
            if days <= 120.0 {
                [1.0, 7.0, 28.0]
            } else if days <= 730.0 {
                [7.0, 28.0, 91.0]
            } else {
                [28.0, 91.0, 364.0]
            }
        }))
        .x_axis_formatter(move |mark, _range| {
            let days = mark.value.round();
            if (mark.value - days).abs() > 0.01 {
                return String::new();
            }
            start
                .checked_add_signed(chrono::Duration::days(days as i64))
                .map(short_day)
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for (name, values, colour) in [
                ("Before", &sore.before, before_colour),
                ("After", &sore.after, after_colour),
            ] {
                let line = Line::new(name, PlotPoints::from(values.clone()));
                plot.line(line.color(colour).width(2.0));
                if values.len() <= MOST_POINTS / 2 {
                    let points = Points::new(name, PlotPoints::from(values.clone()));
                    plot.points(points.color(colour).radius(3.5));
                }
            }
        });
    let check_ins = if sore.check_ins == 1 {
        "check-in"
    } else {
        "check-ins"
    };
    let weekly = if sore.weekly {
        ", shown as weekly means"
    } else {
        ""
    };
    let description = format!(
        "{} over time, {} {check_ins}{weekly}. Latest: {}",
        sore.area.label(),
        sore.check_ins,
        sore.latest
    );
    plot.response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &description));
    ui.add(egui::Label::new(RichText::new(format!("Latest: {}", sore.latest)).weak()).wrap());
}
