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
    no_sound: bool,
    commands: &mut Commands,
) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.heading("Routines");
            ui.add(egui::Label::new(RichText::new(intro(settings, no_sound)).weak()).wrap());
            ui.add_space(8.0);
            crate::ui::page::show(ui, "routines", |ui| {
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
                    files_ui(ui, folder, mine.is_empty());
                }
            });
        });
}

/// How a routine is followed, as things are: with the tones, or on screen
/// alone when the sound is off or there is none.
fn intro(settings: &Settings, no_sound: bool) -> String {
    let follow = if no_sound {
        "follow the timer and the pictures: no sound device was found, so it plays silently"
            .to_owned()
    } else if settings.muted {
        let key = crate::ui::action::Action::ToggleMute
            .key_text()
            .unwrap_or_default();
        format!(
            "follow the timer and the pictures: the sound is off ({key} in a routine, or \
             Settings, turns it on)"
        )
    } else {
        "follow the tones and the screen: put the laptop where you can see and hear it".to_owned()
    };
    format!(
        "Each routine works from the feet up. Press Start, get down on the floor, and {follow}."
    )
}

/// Where the person's routine files are and what one looks like.
fn files_ui(ui: &mut egui::Ui, folder: &std::path::Path, none_yet: bool) {
    let first = if none_yet {
        "You have none yet: make one in My routines (New routine, or Duplicate one above)."
    } else {
        "Make more in My routines (New routine, or Duplicate one above)."
    };
    ui.add(egui::Label::new(first).wrap());
    ui.add(
        egui::Label::new(format!(
            "Each is a small text file in {}, which you can also copy, share or edit by hand. \
             One looks like this:",
            folder.display()
        ))
        .wrap(),
    );
    ui.add(egui::Label::new(RichText::new(EXAMPLE).monospace().weak()).wrap());
}

/// A routine file as the screen shows it.
const EXAMPLE: &str = "(
    name: \"Calves after a run\",
    steps: [
        (exercise: \"calves\", roll_seconds: 45, holds: 1),
        (exercise: \"shins\", roll_seconds: 30),
    ],
)";

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a panic is a failed test
    use super::*;

    #[test]
    fn the_example_file_is_a_routine_that_plays() {
        let routine = crate::store::parse_routine(EXAMPLE).unwrap();
        let catalog = Catalog::builtin().unwrap();
        assert!(Session::new(&routine, &catalog, &Settings::default()).is_ok());
    }

    #[test]
    fn the_words_follow_the_sound() {
        let on = Settings::default();
        let muted = Settings {
            muted: true,
            ..Settings::default()
        };
        assert!(intro(&on, false).contains("tones"));
        assert!(!intro(&muted, false).contains("tones"));
        assert!(intro(&muted, false).contains("sound is off"));
        assert!(intro(&on, true).contains("no sound device"));
    }
}
