//! The plan as a list: each exercise with its time and why it is there,
//! ways to change it, what was left out, and Start and Save.

use std::time::Duration;

use eframe::egui::{self, RichText};

use super::{PlannerView, Row};
use crate::catalog::Catalog;
use crate::model::limits::step;
use crate::model::{Settings, Step};
use crate::session::Timeline;
use crate::ui::action::Action;
use crate::ui::words::clock_text;
use crate::ui::{Command, Commands};

/// Draws the plan, or why there is none.
pub(super) fn show(
    ui: &mut egui::Ui,
    view: &mut PlannerView,
    catalog: &Catalog,
    settings: &Settings,
    commands: &mut Commands,
) {
    let big = egui::TextStyle::Heading.resolve(ui.style()).size;
    ui.label(RichText::new("Your routine").size(big).strong());
    let plan = match &view.outcome {
        Some(Ok(plan)) => plan.clone(),
        Some(Err(why)) => {
            ui.add(egui::Label::new(why.to_string()).wrap());
            return;
        }
        None => return,
    };
    let total = timed(view, catalog, settings);
    let summary = if view.changed_by_hand {
        format!(
            "{} in all, for your {} minutes, as you changed it.",
            clock_text(total),
            view.answers.minutes
        )
    } else {
        plan.summary.clone()
    };
    ui.add(egui::Label::new(summary).wrap());
    ui.add_space(6.0);
    let mut remove = None;
    let mut edited = false;
    for (i, row) in view.rows.iter_mut().enumerate() {
        let Some(exercise) = catalog.get(&row.step.exercise) else {
            continue;
        };
        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(format!("{}. {}", i + 1, row.reason))).wrap());
        ui.horizontal_wrapped(|ui| {
            let name = format!("Rolling, {}", exercise.name);
            let two = row.step.sides != crate::model::StepSides::Together;
            ui.label(if two { "Rolling a side:" } else { "Rolling:" });
            let response = ui.add(
                egui::DragValue::new(&mut row.step.roll_seconds)
                    .range(step::ROLL_SECONDS)
                    .speed(1)
                    .update_while_editing(false)
                    .suffix(" s"),
            );
            response.widget_info(|| {
                let mut info = egui::WidgetInfo::drag_value(true, f64::from(row.step.roll_seconds));
                info.label = Some(name.clone());
                info
            });
            if response.changed() {
                if let Some(more) = row.step.more_on {
                    let most = step::ROLL_SECONDS.end() - row.step.roll_seconds;
                    row.step.more_on = (most > 0).then_some(crate::model::MoreOn {
                        roll_seconds: more.roll_seconds.min(most),
                        ..more
                    });
                }
                edited = true;
            }
            if let Some(more) = row.step.more_on {
                ui.label(
                    RichText::new(format!(
                        "+{} s on the {}",
                        more.roll_seconds,
                        more.side.label()
                    ))
                    .weak(),
                );
            }
            if row.step.holds > 0 {
                ui.label(
                    RichText::new(format!(
                        "then {} hold{} of {} s",
                        row.step.holds,
                        if row.step.holds == 1 { "" } else { "s" },
                        row.step.hold_seconds_with(settings)
                    ))
                    .weak(),
                );
            }
            let label = format!("Remove {}", exercise.name);
            let button = ui.add(egui::Button::new("Remove"));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if button.clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        view.rows.remove(i);
        edited = true;
    }
    if add_ui(ui, view, catalog, settings) {
        edited = true;
    }
    if edited {
        view.changed_by_hand = true;
        view.saved = None;
    }
    if !plan.left_out.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new("Left out").strong());
        for (_, _, line) in &plan.left_out {
            ui.add(egui::Label::new(format!("• {line}")).wrap());
        }
    }
    ui.add_space(10.0);
    go_ui(ui, view, catalog, commands);
}

/// The rows' length on the session's timeline, timed once per change.
fn timed(view: &mut PlannerView, catalog: &Catalog, settings: &Settings) -> Duration {
    if let Some((rows, total)) = &view.timed
        && *rows == view.rows
    {
        return *total;
    }
    let total = Timeline::build(&view.routine(), catalog, settings)
        .map(|t| t.total())
        .unwrap_or_default();
    view.timed = Some((view.rows.clone(), total));
    total
}

/// "Add an exercise": any card the tools allow that is not in the plan,
/// put in its bottom-up place. Returns whether one was added.
fn add_ui(
    ui: &mut egui::Ui,
    view: &mut PlannerView,
    catalog: &Catalog,
    settings: &Settings,
) -> bool {
    let mut chosen = None;
    let combo = egui::ComboBox::from_id_salt("planner add")
        .selected_text("Add an exercise")
        .show_ui(ui, |ui| {
            for e in catalog.exercises() {
                let there = view.rows.iter().any(|r| r.step.exercise == e.id);
                if there || !e.doable_with(&view.answers.tools) {
                    continue;
                }
                if ui.selectable_label(false, &e.name).clicked() {
                    chosen = Some(e.id.clone());
                }
            }
        });
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Add an exercise"));
    let Some(id) = chosen else {
        return false;
    };
    let Some(exercise) = catalog.get(&id) else {
        return false;
    };
    let position = |id: &str| catalog.exercises().iter().position(|e| e.id == id);
    let at = view
        .rows
        .iter()
        .position(|r| position(&r.step.exercise) > position(&id))
        .unwrap_or(view.rows.len());
    view.rows.insert(
        at,
        Row {
            step: Step::from_exercise(exercise, settings),
            reason: format!(
                "{}: added by you, with the card's own timings.",
                exercise.name
            ),
        },
    );
    true
}

/// The name, Start and Save.
fn go_ui(ui: &mut egui::Ui, view: &mut PlannerView, catalog: &Catalog, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Routine name:");
        let response = ui.add(
            egui::TextEdit::singleline(&mut view.name)
                .desired_width(320.0)
                .char_limit(crate::model::limits::routine::NAME_CHARS),
        );
        let response = response.labelled_by(label.id);
        if response.changed() {
            view.saved = None;
            view.save_problem = None;
        }
    });
    let routine = view.routine();
    let problems = catalog.routine_problems(&routine);
    for p in &problems {
        ui.colored_label(crate::ui::theme::caution_colour(ui), p.to_string());
    }
    let ok = problems.is_empty();
    ui.horizontal_wrapped(|ui| {
        let start = Action::StartPlan;
        let button = egui::Button::new(RichText::new(start.label()).size(20.0).strong());
        if ui
            .add_enabled(ok, button)
            .on_hover_text(start.tooltip())
            .clicked()
        {
            commands.push(start.into());
        }
        if crate::ui::action::action_button(ui, Action::SavePlan, ok).clicked() {
            commands.push(Action::SavePlan.into());
        }
    });
    if let Some(problem) = &view.save_problem {
        ui.colored_label(crate::ui::theme::caution_colour(ui), problem);
    }
    if let Some(saved) = &view.saved {
        ui.horizontal_wrapped(|ui| {
            ui.label(saved);
            if ui.button("Open My routines").clicked() {
                commands.push(Command::Run(Action::EditRoutines));
            }
        });
    }
}
