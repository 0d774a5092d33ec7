//! The left side of the editor: new, import, and the user's routines.

use eframe::egui::{self, RichText};

use super::Editor;
use super::dialogs::Pending;
use crate::ui::Commands;
use crate::ui::action::{Action, action_button};

impl Editor {
    pub(super) fn list_ui(&mut self, ui: &mut egui::Ui, commands: &mut Commands) {
        ui.add_space(8.0);
        let new = egui::Button::new(RichText::new(Action::NewRoutine.label()).size(18.0));
        if ui
            .add(new)
            .on_hover_text(Action::NewRoutine.tooltip())
            .clicked()
        {
            self.new_routine();
        }
        if action_button(ui, Action::ImportRoutine, true).clicked() {
            commands.push(Action::ImportRoutine.into());
        }
        ui.label(
            RichText::new("Or drop .ron files on the window.")
                .weak()
                .small(),
        );
        ui.add_space(8.0);
        ui.label(RichText::new("Your routines").strong());
        if self.routines.is_empty() {
            ui.label(RichText::new("None yet.").weak());
        }
        let open_path = self.draft_path().map(|p| p.to_path_buf());
        let mut clicked = None;
        for file in &self.routines {
            let selected = open_path.as_ref() == Some(&file.path);
            if ui.selectable_label(selected, &file.routine.name).clicked() {
                clicked = Some(file.path.clone());
            }
        }
        if let Some(path) = clicked {
            self.unless_unsaved(Pending::Open(path));
        }
    }
}
