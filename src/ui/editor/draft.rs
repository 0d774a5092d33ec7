//! The routine being edited: its header (name, about, total, buttons), a
//! row per step, and the search that adds an exercise.

use eframe::egui::{self, RichText};

use super::fields::{Defaults, button_width, step_fields, text_width};
use super::{Draft, Editor, labels};
use crate::catalog::Catalog;
use crate::model::{RoutineProblem, Settings, Step};
use crate::session::Session;
use crate::ui::Commands;
use crate::ui::action::{Action, action_button};
use crate::ui::theme::caution_colour;
use crate::ui::words::length_text;

/// What a step row asks for.
#[derive(Debug, Clone, Copy)]
enum StepEdit {
    Move(usize, usize),
    Remove(usize),
}

impl Editor {
    pub(super) fn draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Commands,
    ) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let problems = catalog.routine_problems_in(&draft.routine, settings.units);
        let mut changed = header_ui(ui, draft, &problems, catalog, settings);
        let mut delete = None;
        buttons_ui(ui, draft, &problems, commands, &mut delete);
        ui.separator();
        let mut edit = None;
        let search = &mut self.search;
        crate::ui::page::show(ui, "steps", |ui| {
            let count = draft.routine.steps.len();
            for (i, step) in draft.routine.steps.iter_mut().enumerate() {
                let row = StepRow {
                    index: i,
                    count,
                    problems: &problems,
                };
                let (row_changed, row_edit) = row.show(ui, step, catalog, settings);
                changed |= row_changed;
                edit = edit.or(row_edit);
            }
            if let Some(step) = add_exercise_ui(ui, search, catalog, settings) {
                draft.routine.steps.push(step);
                changed = true;
            }
        });
        match edit {
            Some(StepEdit::Move(i, j)) => draft.routine.steps.swap(i, j),
            Some(StepEdit::Remove(i)) => {
                draft.routine.steps.remove(i);
            }
            None => {}
        }
        if changed || edit.is_some() {
            draft.dirty = true;
        }
        if let Some(path) = delete {
            self.ask_delete(path);
        }
    }
}

/// A text field with an accessible name; returns whether it changed.
fn named_field(ui: &mut egui::Ui, text: &mut String, width: f32, name: &str) -> bool {
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(width));
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, text.as_str(), text.as_str(), "");
        info.label = Some(name.to_owned());
        info
    });
    response.changed()
}

/// Name, total time and description; returns whether they changed.
fn header_ui(
    ui: &mut egui::Ui,
    draft: &mut Draft,
    problems: &[RoutineProblem],
    catalog: &Catalog,
    settings: &Settings,
) -> bool {
    let mut changed = false;
    // The fields shrink to the width there is; the total goes under the
    // name when it doesn't fit beside it.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Name").strong());
        let width = ui.available_width().min(320.0);
        changed |= named_field(ui, &mut draft.routine.name, width, labels::NAME);
        let total = Session::new(&draft.routine, catalog, settings)
            .map(|s| length_text(s.timeline().total()))
            .unwrap_or_else(|_| "-".into());
        let total = RichText::new(format!("Total {total}")).size(18.0).strong();
        ui.add(egui::Label::new(total).extend());
    });
    ui.horizontal(|ui| {
        ui.label("About");
        let width = ui.available_width().min(420.0);
        changed |= named_field(ui, &mut draft.routine.description, width, labels::ABOUT);
    });
    for p in problems.iter().filter(|p| p.step.is_none()) {
        ui.add(egui::Label::new(RichText::new(&p.message).color(caution_colour(ui))).wrap());
    }
    changed
}

/// Save, Start, Export, Delete.
fn buttons_ui(
    ui: &mut egui::Ui,
    draft: &Draft,
    problems: &[RoutineProblem],
    commands: &mut Commands,
    delete: &mut Option<std::path::PathBuf>,
) {
    let valid = problems.is_empty();
    // A narrow window puts the last buttons on a second line.
    ui.horizontal_wrapped(|ui| {
        let save = egui::Button::new(RichText::new(Action::SaveRoutine.label()).strong());
        let save = ui.add_enabled(valid && draft.dirty, save);
        if save.on_hover_text(Action::SaveRoutine.tooltip()).clicked() {
            commands.push(Action::SaveRoutine.into());
        }
        if ui.add_enabled(valid, egui::Button::new("Start")).clicked() {
            commands.push(crate::ui::Command::StartRoutine(draft.routine.clone()));
        }
        let export = action_button(ui, Action::ExportRoutine, valid);
        if let Some(why) = not_exportable(draft, problems) {
            export.on_disabled_hover_text(why);
        } else if export.clicked() {
            commands.push(Action::ExportRoutine.into());
        }
        if let Some(path) = &draft.path
            && ui.button(labels::DELETE).clicked()
        {
            *delete = Some(path.clone());
        }
        if draft.dirty {
            ui.add(egui::Label::new(RichText::new("Unsaved changes").weak()).extend());
        }
    });
}

/// Why the routine can't be exported yet, if it can't: a shared file must
/// open and play on another machine.
fn not_exportable(draft: &Draft, problems: &[RoutineProblem]) -> Option<&'static str> {
    if draft.routine.steps.is_empty() {
        Some("Add an exercise first: an empty routine can't be exported.")
    } else if !problems.is_empty() {
        Some("Fix what is marked in red first: the routine can't be exported as it is.")
    } else {
        None
    }
}

/// One step of the routine being edited.
struct StepRow<'a> {
    index: usize,
    count: usize,
    problems: &'a [RoutineProblem],
}

impl StepRow<'_> {
    /// Draws the row; returns whether a field changed, and a move or removal.
    fn show(
        &self,
        ui: &mut egui::Ui,
        step: &mut Step,
        catalog: &Catalog,
        settings: &Settings,
    ) -> (bool, Option<StepEdit>) {
        let exercise = catalog.get(&step.exercise);
        let name = exercise.map_or(step.exercise.clone(), |e| e.name.clone());
        let stroke = exercise.map_or(20.0, |e| e.timings.stroke_cm);
        let mut changed = false;
        let mut edit = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = RichText::new(format!("{}. {name}", self.index + 1))
                .size(18.0)
                .strong();
            let buttons = ["Up", "Down", "Remove"]
                .map(|b| button_width(ui, b))
                .iter()
                .sum::<f32>()
                + 3.0 * ui.spacing().item_spacing.x;
            let row_h = ui.spacing().interact_size.y;
            // The buttons sit at the right, laid out left to right so that
            // Tab meets them in reading order.
            if text_width(ui, title.clone()) + buttons <= ui.available_width() {
                ui.horizontal(|ui| {
                    ui.label(title);
                    ui.add_space((ui.available_width() - buttons).max(0.0));
                    edit = self.move_buttons(ui);
                });
            } else {
                // A long name wraps, its buttons on the line under it.
                ui.add(egui::Label::new(title).wrap());
                let width = ui.available_width();
                ui.allocate_ui_with_layout(
                    egui::vec2(width, row_h),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.add_space((width - buttons).max(0.0));
                        edit = self.move_buttons(ui);
                    },
                );
            }
            ui.horizontal_wrapped(|ui| {
                let defaults = Defaults {
                    settings,
                    stroke_cm: stroke,
                };
                changed |= step_fields(ui, self.index, step, &defaults);
            });
            for p in self.problems.iter().filter(|p| p.step == Some(self.index)) {
                ui.add(
                    egui::Label::new(RichText::new(&p.message).color(caution_colour(ui))).wrap(),
                );
            }
        });
        (changed, edit)
    }

    /// Up, Down and Remove. An exercise moved from the keyboard keeps the
    /// focus on its button in its new place (or on the other one, at an
    /// end), so it can be moved again.
    fn move_buttons(&self, ui: &mut egui::Ui) -> Option<StepEdit> {
        let (i, n) = (self.index, self.index + 1);
        let follow = egui::Id::unique("rollcoach_editor_moved_step");
        let wanted = ui.data(|d| d.get_temp::<(usize, bool)>(follow));
        let can_up = i > 0;
        let can_down = n < self.count;
        let button = |ui: &mut egui::Ui, what: &str, enabled: bool, up: Option<bool>| {
            let response = ui.add_enabled(enabled, egui::Button::new(what));
            let label = format!("{what} (exercise {n})");
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
            if let (Some(up), Some((row, wanted_up))) = (up, wanted)
                && row == i
            {
                // At an end the button moved with is greyed: the other.
                let preferred = if wanted_up { can_up } else { can_down };
                let pick = if preferred {
                    up == wanted_up
                } else {
                    up != wanted_up
                };
                if pick && enabled {
                    response.request_focus();
                    ui.data_mut(|d| d.remove::<(usize, bool)>(follow));
                }
            }
            let clicked = response.clicked();
            if clicked
                && response.has_focus()
                && let Some(up) = up
            {
                let to = if up { i - 1 } else { i + 1 };
                ui.data_mut(|d| d.insert_temp(follow, (to, up)));
            }
            clicked
        };
        let mut edit = None;
        if button(ui, "Up", can_up, Some(true)) {
            edit = Some(StepEdit::Move(i, i - 1));
        }
        if button(ui, "Down", can_down, Some(false)) {
            edit = Some(StepEdit::Move(i, i + 1));
        }
        if button(ui, "Remove", true, None) {
            edit = Some(StepEdit::Remove(i));
        }
        edit
    }
}

/// Search the library and add an exercise: the step to add, if one was picked.
fn add_exercise_ui(
    ui: &mut egui::Ui,
    search: &mut String,
    catalog: &Catalog,
    settings: &Settings,
) -> Option<Step> {
    let mut added = None;
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Add an exercise").strong());
        // Its own id, so that it keeps the focus as steps are added above it.
        let field = egui::TextEdit::singleline(search)
            .id_salt("add_exercise")
            .hint_text("name or muscle")
            .desired_width(ui.available_width().min(240.0));
        let response = ui.add(field);
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::text_edit(true, search.as_str(), search.as_str(), "");
            info.label = Some(labels::ADD_SEARCH.to_owned());
            info
        });
        // Enter adds the one exercise that matches, and the field stays
        // ready for the next.
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entered {
            let mut matches = catalog
                .exercises()
                .iter()
                .filter(|e| e.matches_search(search));
            if let (Some(only), None) = (matches.next(), matches.next()) {
                added = Some(Step::from_exercise(only, settings));
                search.clear();
                response.request_focus();
            }
        }
    });
    let matching: Vec<_> = catalog
        .exercises()
        .iter()
        .filter(|e| e.matches_search(search))
        .collect();
    if !search.trim().is_empty() {
        let hint = match matching.len() {
            0 => "Nothing matches: try a muscle, such as \"calf\".",
            1 => "Press Enter to add it.",
            _ => "Pick one, or type more until one is left and press Enter.",
        };
        ui.label(RichText::new(hint).weak());
    }
    ui.horizontal_wrapped(|ui| {
        for e in matching {
            let button = ui.button(format!("+ {}", e.name));
            let label = format!("Add {}", e.name);
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if button.clicked() {
                added = Some(Step::from_exercise(e, settings));
            }
        }
    });
    added
}
