//! A question over the screen with two answers (or three): the dialogs of
//! the editor and the player's "Stop the routine?".

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

/// Which button answered a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The answer offered before "yes" (see [`Question::show_with_first`]).
    First,
    Yes,
    No,
}

impl Question<'_> {
    /// Draws the question; `Some(true)` once "yes" is pressed, `Some(false)`
    /// for "no", Esc or a click beside it when `escape_says_no`.
    pub fn show(&self, ctx: &egui::Context, escape_says_no: bool) -> Option<bool> {
        self.draw(ctx, escape_says_no, None)
            .map(|answer| answer == Answer::Yes)
    }

    /// As [`Question::show`], with a third answer, `first`, offered before
    /// the others when there is one.
    pub fn show_with_first(
        &self,
        ctx: &egui::Context,
        escape_says_no: bool,
        first: Option<&str>,
    ) -> Option<Answer> {
        self.draw(ctx, escape_says_no, first)
    }

    fn draw(
        &self,
        ctx: &egui::Context,
        escape_says_no: bool,
        first: Option<&str>,
    ) -> Option<Answer> {
        let mut answer = None;
        let shown = egui::Modal::new(egui::Id::unique(self.id)).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(self.heading);
            ui.add(egui::Label::new(self.body).wrap());
            ui.add_space(10.0);
            let answers = [
                (first, Answer::First),
                (Some(self.yes), Answer::Yes),
                (Some(self.no), Answer::No),
            ];
            let buttons = |ui: &mut egui::Ui| {
                for (label, meaning) in answers {
                    if let Some(label) = label
                        && ui.button(RichText::new(label).size(18.0)).clicked()
                    {
                        answer = Some(meaning);
                    }
                }
            };
            // Three answers may need two lines.
            if first.is_some() {
                ui.horizontal_wrapped(buttons);
            } else {
                ui.horizontal(buttons);
            }
            if let Some(footnote) = self.footnote {
                ui.label(RichText::new(footnote).weak());
            }
        });
        if answer.is_none() && escape_says_no && shown.should_close() {
            answer = Some(Answer::No);
        }
        answer
    }
}
