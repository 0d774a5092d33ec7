//! The routines screen: the built-in routines, each with what it works, how
//! long it takes, and a large Start button.

use eframe::egui::{self, RichText};

use super::words::length_text;
use super::{Command, Commands};
use crate::catalog::Catalog;
use crate::model::{Routine, Settings};
use crate::session::Session;
use crate::store::RoutineFile;

/// The accessible label of a routine's Start button.
pub fn start_label(name: &str) -> String {
    format!("Start {name}")
}

/// Draws the list of routines: the built-in ones, then the user's own.
pub fn show(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    mine: &[RoutineFile],
    folder: Option<&std::path::Path>,
    settings: &Settings,
    commands: &mut Commands,
) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.heading("Routines");
            ui.label(
            RichText::new(
                "Each routine works from the feet up. Press Start, put the laptop where you can \
                 hear it, and follow the sounds.",
            )
            .weak(),
        );
            ui.add_space(8.0);
            crate::ui::page::scroll(ui, "routines").show(ui, |ui| {
                for routine in catalog.routines() {
                    routine_row(ui, routine, None, catalog, settings, commands);
                }
                ui.add_space(8.0);
                ui.label(RichText::new("Your routines").size(22.0).strong());
                for file in mine {
                    let path = Some(file.path.as_path());
                    routine_row(ui, &file.routine, path, catalog, settings, commands);
                }
                if let Some(folder) = folder {
                    let hint = if mine.is_empty() {
                        "You have none yet. A routine is a small text file: put one in"
                    } else {
                        "They are read from"
                    };
                    ui.add(egui::Label::new(format!("{hint} {}", folder.display())).wrap());
                    ui.label(
                        RichText::new("The file format is described in docs/file-format.md.")
                            .weak(),
                    );
                }
            });
        });
}

/// The accessible label of the Edit button of the user's routine `name`.
pub fn edit_label(name: &str) -> String {
    format!("Edit {name}")
}

/// A routine with Start and Duplicate, and Edit for one of the user's own
/// (in the file at `file`).
fn routine_row(
    ui: &mut egui::Ui,
    routine: &Routine,
    file: Option<&std::path::Path>,
    catalog: &Catalog,
    settings: &Settings,
    commands: &mut Commands,
) {
    let length = match Session::new(routine, catalog, settings) {
        Ok(session) => length_text(session.timeline().total()),
        Err(e) => format!("Can't be played: {e}"),
    };
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(14))
        .corner_radius(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let start = egui::Button::new(RichText::new("Start").size(20.0).strong())
                    .min_size(egui::vec2(110.0, 52.0));
                let response = ui.add(start);
                let label = start_label(&routine.name);
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if response.clicked() {
                    commands.push(Command::StartRoutine(routine.clone()));
                }
                let copy = ui
                    .button("Duplicate")
                    .on_hover_text("Make your own copy to change");
                let label = format!("Duplicate {}", routine.name);
                copy.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                if copy.clicked() {
                    commands.push(Command::DuplicateRoutine(routine.clone()));
                }
                if let Some(path) = file {
                    let edit = ui.button("Edit").on_hover_text("Change it in My routines");
                    let label = edit_label(&routine.name);
                    edit.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    if edit.clicked() {
                        commands.push(Command::EditRoutine(path.to_path_buf()));
                    }
                }
                ui.vertical(|ui| {
                    ui.label(RichText::new(&routine.name).size(22.0).strong());
                    let about = if routine.description.is_empty() {
                        length
                    } else {
                        format!("{length}  ·  {}", routine.description)
                    };
                    ui.label(about);
                    let names: Vec<&str> = routine
                        .steps
                        .iter()
                        .map(|s| {
                            catalog
                                .get(&s.exercise)
                                .map_or(s.exercise.as_str(), |e| e.name.as_str())
                        })
                        .collect();
                    ui.add(egui::Label::new(RichText::new(names.join(", ")).weak()).wrap());
                });
            });
        });
    ui.add_space(8.0);
}
