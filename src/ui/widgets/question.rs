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
    /// The answer Enter gives while neither button has the focus (`true`:
    /// yes), shown as the highlighted button: the safe choice where one
    /// loses something.
    pub default: bool,
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
        // What had the focus when the question came gets it back after.
        let opener_id = egui::Id::unique(self.id).with("opener");
        let first_frame = ctx
            .data(|d| d.get_temp::<Option<egui::Id>>(opener_id))
            .is_none();
        if first_frame {
            let focused = ctx.memory(|m| m.focused());
            ctx.data_mut(|d| d.insert_temp(opener_id, focused));
        }
        let default = if self.default {
            Answer::Yes
        } else {
            Answer::No
        };
        let mut answer = None;
        let mut focused_button = false;
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
                    let Some(label) = label else { continue };
                    let mut button = egui::Button::new(RichText::new(label).size(18.0));
                    if meaning == default {
                        let v = ui.visuals();
                        button = button
                            .fill(v.selection.bg_fill)
                            .stroke(egui::Stroke::new(1.5, v.selection.stroke.color));
                    }
                    let response = ui.add(button);
                    focused_button |= response.has_focus();
                    if response.clicked() {
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
        // The Enter that asked the question does not answer it.
        if answer.is_none()
            && !first_frame
            && !focused_button
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            answer = Some(default);
        }
        if answer.is_none() && escape_says_no && shown.should_close() {
            answer = Some(Answer::No);
        }
        if answer.is_some() {
            let opener = ctx.data_mut(|d| d.remove_temp::<Option<egui::Id>>(opener_id));
            if let Some(Some(id)) = opener {
                crate::ui::focus::give_back(ctx, id);
            }
        }
        answer
    }
}
