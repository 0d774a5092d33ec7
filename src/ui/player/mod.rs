//! The follow-along player: the card's picture with the rolling animated at
//! the pace, what to do in words, a very large time left, and large buttons
//! with shortcuts. A follow-along view (F11) shows only the essentials, big
//! enough to read from the floor.

use std::time::Duration;

use eframe::egui::{self, RichText};

use crate::ui::Commands;
use crate::ui::action::Action;
use crate::ui::theme::{Palette, caution_colour};
use crate::ui::widgets::illustration;
use crate::ui::widgets::question::Question;
mod words;

use crate::catalog::Catalog;
use crate::model::{Exercise, Settings};
use crate::session::{PhaseKind, Session, SessionState};
use crate::ui::words::clock_text;
use words::Words;

/// How often the pacing animation is redrawn. Five pictures a second show
/// a marker moving a few centimetres a second well enough to follow, and
/// keep the whole routine light on a computer drawing without a graphics
/// card (see the README's Performance section).
pub const PACING_FRAME: Duration = Duration::from_millis(200);

/// The standing reminder about pain.
pub fn pain_rule() -> String {
    format!(
        "Discomfort is fine. If the pain gets hard to bear, stop ({}) or press {}.",
        Action::AskStop.key_text().unwrap_or_default(),
        Action::TooIntense.label()
    )
}

/// A routine being played, and how it is shown.
pub struct Player {
    pub session: Session,
    pub follow_along: bool,
    /// The "stop the routine?" question is showing; the session is paused
    /// meanwhile, and `resume_after` says whether it was running.
    pub confirming_stop: bool,
    pub resume_after: bool,
}

impl Player {
    /// Plays `session`, started by the caller.
    pub fn new(session: Session) -> Player {
        Player {
            session,
            follow_along: false,
            confirming_stop: false,
            resume_after: false,
        }
    }

    /// When the screen next changes, to repaint no more often than needed:
    /// the pacing animation at a modest rate while rolling, else the next
    /// change of the seconds shown.
    pub fn next_change(&self, now: Duration) -> Option<Duration> {
        let state = self.session.state(now);
        if state.paused || state.finished || state.stopped {
            return None;
        }
        if state.stroke_position.is_some() {
            return Some(PACING_FRAME);
        }
        let into_second = state.left_in_phase.subsec_nanos();
        Some(Duration::from_nanos(u64::from(into_second)) + Duration::from_millis(1))
    }

    /// Draws the player.
    pub fn show(
        &self,
        ui: &mut egui::Ui,
        now: Duration,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Commands,
    ) {
        let muted = settings.muted;
        let state = self.session.state(now);
        let steps = self.session.timeline().steps();
        let exercise = catalog.get(&steps[state.phase.step].exercise_id);
        let next = state
            .next_step
            .and_then(|i| catalog.get(&steps[i].exercise_id));
        let words = Words::of(&state, exercise, next).with_tools(&state, exercise, next, settings);
        // While resting, show the exercise that comes next, to get into position.
        let pictured = match state.phase.kind {
            PhaseKind::Rest => next.or(exercise),
            _ => exercise,
        };

        if !self.follow_along {
            egui::Panel::top("player_top")
                .frame(crate::ui::panel::side(ui))
                .show_separator_line(false)
                .show(ui, |ui| self.header_ui(ui, &state, &words));
            egui::Panel::bottom("player_controls")
                .frame(crate::ui::panel::side(ui))
                .show_separator_line(false)
                .show(ui, |ui| {
                    controls(ui, &state, muted, commands);
                });
        }
        egui::CentralPanel::default()
            .frame(crate::ui::panel::central(ui))
            .show(ui, |ui| {
                if self.follow_along {
                    follow_along(ui, &state, pictured, &words, commands);
                } else {
                    full_view(ui, &state, pictured, &words);
                }
            });
        if self.confirming_stop {
            confirm_stop(ui.ctx(), commands);
        }
    }

    /// The routine's name, where it is, and what comes next.
    fn header_ui(&self, ui: &mut egui::Ui, state: &SessionState, words: &Words) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(self.session.name()).size(22.0).strong());
            let place = format!(
                "Exercise {} of {}  ·  {} left in the routine",
                state.step_number,
                state.step_count,
                clock_text(state.left_in_routine)
            );
            ui.label(RichText::new(place).size(18.0));
            if let Some(next) = &words.up_next {
                let next = format!("·  Up next: {next}");
                ui.label(RichText::new(next).size(18.0).weak());
            }
        });
        ui.add_space(4.0);
    }
}

fn phase_progress(state: &SessionState) -> f32 {
    if state.phase.length.is_zero() {
        return 1.0;
    }
    let done = state.phase.length.saturating_sub(state.left_in_phase);
    (done.as_secs_f32() / state.phase.length.as_secs_f32()).clamp(0.0, 1.0)
}

fn picture(ui: &mut egui::Ui, state: &SessionState, exercise: Option<&Exercise>, size: egui::Vec2) {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let Some(exercise) = exercise else { return };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Picture: {}", exercise.name),
        )
    });
    let palette = Palette::of(ui);
    let painter = ui.painter_at(rect);
    // No backdrop here, unlike the library: the player redraws often, and
    // a software renderer pays for every pixel of it each time.
    illustration::paint_animated(
        &painter,
        rect.shrink(8.0),
        &exercise.id,
        &exercise.illustration,
        &palette,
        ui.visuals().panel_fill,
        state.stroke_position,
    );
}

/// The pacing track: a marker gliding between the two ends of the stroke.
fn pacing_track(ui: &mut egui::Ui, position: f32) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 34.0), egui::Sense::hover());
    let palette = Palette::of(ui);
    let painter = ui.painter_at(rect);
    let y = rect.center().y;
    let (left, right) = (rect.left() + 17.0, rect.right() - 17.0);
    painter.line_segment(
        [egui::pos2(left, y), egui::pos2(right, y)],
        egui::Stroke::new(6.0, palette.ground),
    );
    for x in [left, right] {
        painter.circle_filled(egui::pos2(x, y), 7.0, palette.ground);
    }
    let x = left + (right - left) * position;
    painter.circle_filled(egui::pos2(x, y), 15.0, palette.path);
}

fn full_view(ui: &mut egui::Ui, state: &SessionState, exercise: Option<&Exercise>, words: &Words) {
    let wide = ui.available_width() > 760.0;
    let text = |ui: &mut egui::Ui| {
        ui.label(RichText::new(&words.title).size(34.0).strong());
        ui.label(RichText::new(&words.subject).size(22.0));
        ui.add_space(6.0);
        ui.label(
            RichText::new(clock_text(state.left_in_phase))
                .size(96.0)
                .strong(),
        );
        ui.add(egui::ProgressBar::new(phase_progress(state)).desired_height(14.0));
        ui.add_space(8.0);
        ui.add(egui::Label::new(RichText::new(&words.instruction).size(20.0)).wrap());
        if let Some(p) = state.stroke_position {
            ui.add_space(6.0);
            pacing_track(ui, p);
        }
        if state.paused {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!(
                    "Paused. Press {} to go on.",
                    Action::TogglePause.key_text().unwrap_or_default()
                ))
                .size(22.0)
                .strong(),
            );
        }
    };
    if wide {
        ui.columns(2, |cols| {
            let w = cols[0].available_width();
            let h = (w * 0.7).min(cols[0].available_height());
            picture(&mut cols[0], state, exercise, egui::vec2(w, h));
            // Scrolls only if the window is too short to show it all.
            egui::ScrollArea::vertical()
                .id_salt("player_text")
                .show(&mut cols[1], |ui| {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), text);
                });
        });
    } else {
        egui::ScrollArea::vertical().show(ui, |ui| {
            let w = ui.available_width();
            picture(ui, state, exercise, egui::vec2(w, w * 0.5));
            text(ui);
        });
    }
}

fn follow_along(
    ui: &mut egui::Ui,
    state: &SessionState,
    exercise: Option<&Exercise>,
    words: &Words,
    commands: &mut Commands,
) {
    // The clock is as large as leaves the picture room to be seen: the
    // full 220 points on a large screen, less in a small window.
    let clock_size = (ui.available_height() * 0.25).clamp(96.0, 220.0);
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(format!("{}: {}", words.title, words.subject))
                .size(44.0)
                .strong(),
        );
        ui.label(
            RichText::new(clock_text(state.left_in_phase))
                .size(clock_size)
                .strong(),
        );
        ui.add(egui::ProgressBar::new(phase_progress(state)).desired_height(22.0));
        if let Some(p) = state.stroke_position {
            pacing_track(ui, p);
        }
        let w = ui.available_width().min(700.0);
        let h = (ui.available_height() - 150.0).clamp(120.0, w * 0.5);
        picture(ui, state, exercise, egui::vec2(w, h));
        ui.add(egui::Label::new(RichText::new(&words.instruction).size(28.0)).wrap());
        if state.paused {
            let key = Action::TogglePause.key_text().unwrap_or_default();
            ui.label(
                RichText::new(format!("Paused: {key} goes on"))
                    .size(34.0)
                    .strong(),
            );
        }
        if ui
            .button(
                RichText::new(format!(
                    "Leave the follow-along view ({})",
                    Action::ToggleFollowAlong.key_text().unwrap_or_default()
                ))
                .size(18.0),
            )
            .clicked()
        {
            commands.push(Action::ToggleFollowAlong.into());
        }
    });
}

fn big_button(ui: &mut egui::Ui, width: f32, action: Action, on: bool, enabled: bool) -> bool {
    let label = action.toggle_label(on);
    let mut text = egui::text::LayoutJob::default();
    let colour = ui.visuals().text_color();
    text.append(
        label,
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(18.0), colour),
    );
    text.append(
        &format!("\n{}", action.key_text().unwrap_or_default()),
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(14.0), colour.gamma_multiply(0.7)),
    );
    // Long labels wrap in narrow windows rather than push the row wider.
    text.wrap.max_width = width - 2.0 * ui.spacing().button_padding.x;
    let button = egui::Button::new(text).min_size(egui::vec2(width, 58.0));
    let response = ui.add_enabled(enabled, button).on_hover_text(action.hint());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, label));
    response.clicked()
}

fn controls(ui: &mut egui::Ui, state: &SessionState, muted: bool, commands: &mut Commands) {
    let holding = matches!(state.phase.kind, PhaseKind::Hold { .. }) && !state.phase.cut;
    // (action, whether its toggle is on, whether it can be pressed now)
    let buttons = [
        (Action::Back, false, true),
        (Action::TogglePause, state.paused, true),
        (Action::Skip, false, true),
        (Action::ExtendHold, false, holding),
        (Action::TooIntense, false, holding),
        (Action::ToggleMute, muted, true),
        (Action::ToggleFollowAlong, false, true),
        (Action::AskStop, false, true),
    ];
    ui.add_space(6.0);
    ui.label(
        RichText::new(pain_rule())
            .size(17.0)
            .color(caution_colour(ui)),
    );
    ui.add_space(4.0);
    // One row of equal buttons across the window.
    let gap = 8.0;
    let n = buttons.len() as f32;
    let width = ((ui.available_width() - 2.0 - gap * (n - 1.0)) / n).floor();
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        ui.spacing_mut().button_padding.x = 6.0;
        for (action, on, enabled) in buttons {
            if big_button(ui, width, action, on, enabled) {
                commands.push(action.into());
            }
        }
    });
    ui.add_space(6.0);
}

fn confirm_stop(ctx: &egui::Context, commands: &mut Commands) {
    let keys = format!(
        "{} stops, {} goes on.",
        Action::ConfirmStop.key_text().unwrap_or_default(),
        Action::CancelStop.key_text().unwrap_or_default()
    );
    let question = Question {
        id: "confirm_stop",
        heading: "Stop the routine?",
        body: "The routine is paused. You can go on where you were, or stop here.",
        yes: Action::ConfirmStop.label(),
        no: Action::CancelStop.label(),
        footnote: Some(&keys),
    };
    // Esc is the registry's "Keep going", read with the other keys.
    match question.show(ctx, false) {
        Some(true) => commands.push(Action::ConfirmStop.into()),
        Some(false) => commands.push(Action::CancelStop.into()),
        None => {}
    }
}
