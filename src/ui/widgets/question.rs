//! A question over the screen with two answers: the dialogs of the editor
//! and the player's "Stop the routine?".

use eframe::egui::{self, RichText};

/// The words of a question.
pub struct Question<'a> {
    /// Its id: one per kind of question.
    pub id: &'static str,
    pub heading: &'a str,
    pub body: &'a str,
    /// The button that goes ahead.
    pub yes: &'a str,
    /// The button that goes back.
    pub no: &'a str,
    /// A line under the buttons (the keys that answer), if any.
    pub footnote: Option<&'a str>,
}

impl Question<'_> {
    /// Draws the question; `Some(true)` once "yes" is pressed, `Some(false)`
    /// for "no", Esc or a click beside it when `escape_says_no`.
    pub fn show(&self, ctx: &egui::Context, escape_says_no: bool) -> Option<bool> {
        let mut answer = None;
        let shown = egui::Modal::new(egui::Id::unique(self.id)).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(self.heading);
            ui.add(egui::Label::new(self.body).wrap());
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new(self.yes).size(18.0)).clicked() {
                    answer = Some(true);
                }
                if ui.button(RichText::new(self.no).size(18.0)).clicked() {
                    answer = Some(false);
                }
            });
            if let Some(footnote) = self.footnote {
                ui.label(RichText::new(footnote).weak());
            }
        });
        if answer.is_none() && escape_says_no && shown.should_close() {
            answer = Some(false);
        }
        answer
    }
}
