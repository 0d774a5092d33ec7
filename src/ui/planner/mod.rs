//! "What hurts today?": the body map, the minutes, the moment and the
//! tools, and the routine planned from them at once, with a reason for
//! every exercise. The plan can be changed (an exercise removed or added, a
//! time changed), then started or kept as one of the user's routines.

mod map;
mod plan_list;

use eframe::egui::{self, RichText, Vec2};

use super::Commands;
use super::action::Action;
use crate::catalog::Catalog;
use crate::model::body_map::Spot;
use crate::model::history::Rating;
use crate::model::{Area, Routine, Settings, Side, Step, Tool};
use crate::planner::{self, Answers, MINUTES, MOST_SORE, Moment, Plan, PlanError};

pub use map::spot_text;

/// One exercise of the plan as it stands, changed or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub step: Step,
    /// Why it is there, or that it was added by hand.
    pub reason: String,
}

/// The planner's state, kept while the app runs.
#[derive(Debug, Clone, Default)]
pub struct PlannerView {
    pub answers: Answers,
    /// The spot the keys rate.
    pub selected: Option<Spot>,
    /// The plan of the answers, or why there is none; made again when the
    /// answers (or the settings it is timed with) change.
    pub outcome: Option<Result<Plan, PlanError>>,
    /// The plan's exercises as they stand, with the person's changes.
    pub rows: Vec<Row>,
    /// Whether the person changed the rows by hand.
    pub changed_by_hand: bool,
    /// The name to save it under.
    pub name: String,
    /// Said once a plan is saved.
    pub saved: Option<String>,
    /// Why the plan was not saved, after trying.
    pub save_problem: Option<String>,
    /// Where the ratings came from, when not typed here.
    pub started_from: Option<String>,
    /// The answers and settings the plan was made for.
    made_for: Option<(Answers, Settings)>,
    /// The map's placement last frame, for the arrows.
    placement: Option<map::Placement>,
    /// Whether it has been opened once (the answers then stay).
    opened: bool,
    /// The rows last timed, and their length on the timeline.
    timed: Option<(Vec<Row>, std::time::Duration)>,
}

impl PlannerView {
    /// Opening the planner: the first time, with the tools of `settings`
    /// and, when there is a history, the ratings of the last check-in.
    pub fn open(&mut self, settings: &Settings, last: &[Rating], last_when: Option<String>) {
        if self.opened {
            return;
        }
        self.opened = true;
        self.answers = Answers::new(10, Moment::After, &settings.tools_owned);
        self.answers.tools.sort();
        if !last.is_empty() {
            self.answers.rate_from(last);
            self.started_from = last_when;
        }
    }

    /// The spot the keys rate: the one picked, or the sorest, or the calves.
    pub fn selected(&self) -> Spot {
        self.selected.unwrap_or_else(|| {
            self.answers
                .ratings
                .iter()
                .max_by_key(|(s, v)| (**v, std::cmp::Reverse(**s)))
                .map(|(s, _)| *s)
                .unwrap_or(Spot {
                    area: Area::Calves,
                    side: Some(Side::Left),
                })
        })
    }

    /// A key of the planner.
    pub fn run(&mut self, action: Action, catalog: &Catalog) {
        let spot = self.selected();
        let value = self.answers.rating(spot);
        match action {
            Action::Rate(digit) => self.rate(spot, digit),
            Action::RateUp => self.rate(spot, (value + 1).min(MOST_SORE)),
            Action::RateDown => self.rate(spot, value.saturating_sub(1)),
            Action::ClearRating => {
                self.rate(spot, 0);
                self.answers.injured.remove(&spot.area);
            }
            Action::ToggleInjured => self.toggle_injured(spot.area),
            Action::MapLeft | Action::MapRight | Action::MapUp | Action::MapDown => {
                let dir = match action {
                    Action::MapLeft => Vec2::new(-1.0, 0.0),
                    Action::MapRight => Vec2::new(1.0, 0.0),
                    Action::MapUp => Vec2::new(0.0, -1.0),
                    _ => Vec2::new(0.0, 1.0),
                };
                if let Some(place) = &self.placement
                    && let Some(to) = map::neighbour(catalog.body_map(), place, spot, dir)
                {
                    self.selected = Some(to);
                }
            }
            _ => {}
        }
    }

    fn rate(&mut self, spot: Spot, value: u8) {
        self.selected = Some(spot);
        self.answers.rate(spot, value);
        if value > 0 {
            self.answers.injured.remove(&spot.area);
        }
    }

    fn toggle_injured(&mut self, area: Area) {
        if !self.answers.injured.remove(&area) {
            self.answers.injured.insert(area);
        }
    }

    /// Makes the plan again if the answers or the settings changed.
    pub fn update(&mut self, catalog: &Catalog, settings: &Settings) {
        let now = (self.answers.clone(), settings.clone());
        if self.made_for.as_ref() == Some(&now) {
            return;
        }
        self.made_for = Some(now);
        let outcome = planner::plan(&self.answers, catalog, settings);
        self.rows = match &outcome {
            Ok(plan) => plan
                .routine
                .steps
                .iter()
                .zip(&plan.planned)
                .map(|(step, p)| Row {
                    step: step.clone(),
                    reason: p.reason.clone(),
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        if let Ok(plan) = &outcome {
            self.name = plan.routine.name.clone();
        }
        self.changed_by_hand = false;
        self.saved = None;
        self.outcome = Some(outcome);
    }

    /// The routine as it stands, under the name given.
    pub fn routine(&self) -> Routine {
        let mut routine = Routine::new(self.name.trim());
        if let Some(Ok(plan)) = &self.outcome {
            routine.description = plan.summary.clone();
        }
        routine.steps = self.rows.iter().map(|r| r.step.clone()).collect();
        routine
    }

    /// The ratings as the history keeps them: the check-in before the
    /// routine started from here.
    pub fn ratings(&self) -> Vec<Rating> {
        let mut out = Vec::new();
        for area in Area::ALL {
            let (l, r) = self.answers.sides_of(area);
            if l == 0 && r == 0 {
                continue;
            }
            if area.has_sides() {
                for (side, value) in [(Side::Left, l), (Side::Right, r)] {
                    out.push(Rating {
                        area,
                        side: Some(side),
                        value,
                    });
                }
            } else {
                out.push(Rating {
                    area,
                    side: None,
                    value: l,
                });
            }
        }
        out
    }
}

/// Draws the planner.
pub fn show(
    ui: &mut egui::Ui,
    view: &mut PlannerView,
    catalog: &Catalog,
    settings: &Settings,
    commands: &mut Commands,
) {
    view.update(catalog, settings);
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.label(RichText::new("What hurts today?").size(30.0).strong());
            ui.add(
                egui::Label::new(
                    "Mark how tight or sore each area feels, from 0 (not at all) to 10 (very), \
                     say how long you have, and a routine is made for it: from the feet up, \
                     with more time where it is sorer.",
                )
                .wrap(),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Keys: the arrows move between areas, a digit rates the selected one \
                         (+ and - by one), Delete clears it, I marks it injured.",
                    )
                    .weak(),
                )
                .wrap(),
            );
            if ui
                .link("Who should not roll, and when to see a professional first")
                .on_hover_text(Action::ShowSafety.tooltip())
                .clicked()
            {
                commands.push(Action::ShowSafety.into());
            }
            ui.add_space(6.0);
            crate::ui::page::show(ui, "planner", |ui| {
                let total = ui.available_width();
                if total >= 900.0 {
                    let gap = 20.0;
                    let left = (total * 0.5).min(600.0);
                    let right = total - left - gap;
                    let column = egui::Layout::top_down(egui::Align::Min);
                    ui.horizontal_top(|ui| {
                        ui.allocate_ui_with_layout(Vec2::new(left, 0.0), column, |ui| {
                            ui.set_max_width(left);
                            map_column(ui, view, catalog, true);
                        });
                        ui.add_space(gap);
                        ui.allocate_ui_with_layout(Vec2::new(right, 0.0), column, |ui| {
                            ui.set_max_width(right);
                            selected_ui(ui, view);
                            ui.add_space(10.0);
                            plan_column(ui, view, catalog, settings, commands);
                        });
                    });
                } else {
                    map_column(ui, view, catalog, false);
                    ui.add_space(12.0);
                    plan_column(ui, view, catalog, settings, commands);
                }
            });
        });
    // A change made this frame is planned, and shown, in the next.
    let now = (view.answers.clone(), settings.clone());
    if view.made_for.as_ref() != Some(&now) {
        ui.ctx().request_repaint();
    }
}

/// The map, its key and the selected area's rating.
fn map_column(ui: &mut egui::Ui, view: &mut PlannerView, catalog: &Catalog, wide: bool) {
    if let Some(from) = view.started_from.clone() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("Started from {from}.")).weak());
            if ui.button("Clear all").clicked() {
                view.answers.ratings.clear();
                view.answers.injured.clear();
                view.started_from = None;
            }
        });
    }
    // As tall as the window leaves room for, so the whole figure shows.
    let width = ui.available_width();
    let room = ui.clip_rect().bottom() - ui.cursor().top() - 24.0;
    let height = (width * 0.95).min(room).clamp(260.0, 560.0);
    let selected = view.selected();
    let (input, placement) = map::show(
        ui,
        catalog.body_map(),
        &view.answers,
        selected,
        Vec2::new(width, height),
    );
    view.placement = Some(placement);
    if let Some(spot) = input.picked {
        view.selected = Some(spot);
    }
    map::legend(ui);
    if !wide {
        ui.add_space(8.0);
        selected_ui(ui, view);
    }
}

/// The selected spot: its rating, "injured", and the other side.
fn selected_ui(ui: &mut egui::Ui, view: &mut PlannerView) {
    let spot = view.selected();
    let big = egui::TextStyle::Heading.resolve(ui.style()).size;
    ui.label(RichText::new(spot.label()).size(big).strong());
    let mut value = view.answers.rating(spot);
    let injured = view.answers.injured.contains(&spot.area);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().slider_width = (ui.available_width() - 200.0).clamp(140.0, 320.0);
        let slider = egui::Slider::new(&mut value, 0..=MOST_SORE)
            .step_by(1.0)
            .show_value(false);
        let response = ui.add_enabled(!injured, slider);
        let name = spot.label();
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::slider(true, f64::from(value), name.clone());
            info.label = Some(name.clone());
            info
        });
        ui.label(RichText::new(value.to_string()).size(big).strong());
        ui.label(RichText::new(crate::ui::check_in::soreness_word(value)).weak());
    });
    if value != view.answers.rating(spot) {
        view.answers.rate(spot, value);
    }
    ui.horizontal_wrapped(|ui| {
        let mut hurt = injured;
        let text = format!("Injured: leave the {} out", spot.area.lower());
        if ui
            .checkbox(&mut hurt, text)
            .on_hover_text(Action::ToggleInjured.tooltip())
            .changed()
        {
            view.toggle_injured(spot.area);
        }
        if let Some(side) = spot.side {
            let other_side = match side {
                Side::Left => Side::Right,
                Side::Right => Side::Left,
            };
            let other = Spot {
                area: spot.area,
                side: Some(other_side),
            };
            let same = format!("Same for the {}", other.label().to_lowercase());
            if ui.add_enabled(!injured, egui::Button::new(same)).clicked() {
                view.answers.rate(other, value);
            }
        }
        if ui
            .button("Clear")
            .on_hover_text(Action::ClearRating.tooltip())
            .clicked()
        {
            view.answers.rate(spot, 0);
            view.answers.injured.remove(&spot.area);
        }
    });
}

/// The minutes, the moment, the tools and the plan.
fn plan_column(
    ui: &mut egui::Ui,
    view: &mut PlannerView,
    catalog: &Catalog,
    settings: &Settings,
    commands: &mut Commands,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Minutes you have:").strong());
        let mut minutes = view.answers.minutes;
        let response = ui.add(
            egui::Slider::new(&mut minutes, MINUTES)
                .step_by(1.0)
                .suffix(" min"),
        );
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::slider(true, f64::from(minutes), "Minutes you have");
            info.label = Some("Minutes you have".into());
            info
        });
        view.answers.minutes = minutes;
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("When:").strong());
        for moment in Moment::ALL {
            let chosen = view.answers.moment == moment;
            if ui.selectable_label(chosen, moment.label()).clicked() {
                view.answers.moment = moment;
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Your tools:").strong());
        for tool in Tool::ALL {
            let mut owned = view.answers.tools.contains(&tool);
            if ui.checkbox(&mut owned, tool.label()).changed() {
                if owned {
                    view.answers.tools.push(tool);
                    view.answers.tools.sort();
                } else {
                    view.answers.tools.retain(|t| *t != tool);
                }
            }
        }
    });
    let mut mine = settings.tools_owned.clone();
    mine.sort();
    if view.answers.tools != mine {
        ui.label(
            RichText::new("These tools are for this plan only; your settings keep their own.")
                .weak(),
        );
    }
    ui.add_space(10.0);
    plan_list::show(ui, view, catalog, settings, commands);
}
