//! The follow-along player: the card's picture with the rolling animated at
//! the pace, what to do in words, a very large time left, and large buttons
//! with shortcuts. A follow-along view (F11) shows only the essentials, big
//! enough to read from the floor.

use std::time::Duration;

use eframe::egui;

use crate::ui::Commands;
use crate::ui::action::Action;
use crate::ui::theme::{Palette, caution_colour};
use crate::ui::widgets::illustration;
use crate::ui::widgets::progress::progress_bar;
use crate::ui::widgets::question::Question;
mod follow;
mod layout;
mod words;

use crate::catalog::Catalog;
use crate::model::{Exercise, Settings};
use crate::session::{PhaseKind, Session, SessionState};
use crate::ui::words::clock_text;
use follow::follow_along;
use layout::{Content, Middle, Plan, TextBlock, TrackEnds};
use words::Words;

/// Said when `+` would make a hold longer than the longest.
pub const LONGEST_HOLD_NOTE: &str = "Longest hold reached: one minute.";

/// How long a note under the instruction shows.
pub const NOTE_SHOWS: Duration = Duration::from_secs(4);

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
    /// A short note under the instruction ("Longest hold reached") and
    /// until when (app time) it shows.
    pub note: Option<(&'static str, Duration)>,
}

impl Player {
    /// Plays `session`, started by the caller.
    pub fn new(session: Session) -> Player {
        Player {
            session,
            follow_along: false,
            confirming_stop: false,
            resume_after: false,
            note: None,
        }
    }

    /// When the screen next changes, to repaint no more often than needed:
    /// the pacing animation's next frame (`pacing_frame` apart) while
    /// rolling, else the next change of the seconds shown.
    pub fn next_change(&self, now: Duration, pacing_frame: Duration) -> Option<Duration> {
        let state = self.session.state(now);
        let note_ends = self
            .note
            .and_then(|(_, until)| until.checked_sub(now))
            .filter(|left| !left.is_zero());
        if state.paused || state.finished || state.stopped {
            return note_ends;
        }
        if state.stroke_position.is_some() {
            return Some(pacing_frame);
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

        if self.follow_along {
            egui::CentralPanel::default()
                .frame(crate::ui::panel::central(ui))
                .show(ui, |ui| {
                    follow_along(ui, self, now, &state, pictured, &words, commands);
                });
        } else {
            let plan = self.plan(ui, &state, &words, muted, now);
            egui::Panel::top("player_top")
                .frame(bar_frame(ui))
                .show_separator_line(false)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(plan.header.clone()));
                });
            egui::Panel::bottom("player_controls")
                .frame(bar_frame(ui))
                .show_separator_line(false)
                .show(ui, |ui| controls(ui, &plan, &state, muted, commands));
            egui::CentralPanel::default()
                .frame(crate::ui::panel::central(ui))
                .show(ui, |ui| full_view(ui, &plan.middle, &state, pictured));
        }
        if self.confirming_stop {
            confirm_stop(ui.ctx(), commands);
        }
    }

    /// The big time, or "Paused" in its place; and the line under the
    /// instruction: while paused, the time left and how to go on (the stop
    /// question says its own keys), else a note if one is showing.
    fn time_and_line(&self, state: &SessionState, now: Duration) -> (String, Option<String>) {
        let left = clock_text(state.left_in_phase);
        if state.paused {
            let line = if self.confirming_stop {
                format!("{left} left")
            } else {
                format!(
                    "{left} left. Press {} to go on.",
                    Action::TogglePause.key_text().unwrap_or_default()
                )
            };
            return ("Paused".to_owned(), Some(line));
        }
        let note = self
            .note
            .filter(|(_, until)| now < *until)
            .map(|(text, _)| text.to_owned());
        (left, note)
    }

    /// Lays out the whole player for the space it has.
    fn plan(
        &self,
        ui: &egui::Ui,
        state: &SessionState,
        words: &Words,
        muted: bool,
        now: Duration,
    ) -> Plan {
        let v = ui.visuals();
        let place = format!(
            "   Exercise {} of {}  ·  {} left in the routine",
            state.step_number,
            state.step_count,
            clock_text(state.left_in_routine)
        );
        let next = words
            .up_next
            .as_ref()
            .map(|n| format!("   ·  Up next: {n}"))
            .unwrap_or_default();
        let header = [
            (self.session.name(), 22.0, v.strong_text_color()),
            (place.as_str(), 18.0, v.text_color()),
            (next.as_str(), 18.0, v.weak_text_color()),
        ];
        let pain = pain_rule();
        let buttons: Vec<(&str, String)> = buttons(state, muted)
            .iter()
            .map(|(action, on, _)| {
                (
                    action.toggle_label(*on),
                    action.key_text().unwrap_or_default(),
                )
            })
            .collect();
        let (time, line) = self.time_and_line(state, now);
        let content = Content::of(words, &time, line.as_deref(), state);
        let frame = layout::Frame {
            header: &header,
            pain: (&pain, caution_colour(ui)),
            buttons: &buttons,
            panel_margin: bar_frame(ui).total_margin().sum(),
            middle_margin: crate::ui::panel::central(ui).total_margin().sum(),
        };
        Plan::new(ui, ui.available_size(), &frame, &content)
    }
}

/// The frame of the player's header and of its buttons' bar.
fn bar_frame(ui: &egui::Ui) -> egui::Frame {
    crate::ui::panel::side(ui).inner_margin(egui::Margin::symmetric(8, 6))
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
        motion_of(state),
        state.stroke_position,
        !crate::ui::theme::motion_reduced(ui.ctx()),
    );
}

/// What the picture marks in this phase: the spot during a hold, small
/// movements around it when it was too sore, the rolling arrow otherwise.
fn motion_of(state: &SessionState) -> illustration::Motion {
    match state.phase.kind {
        PhaseKind::Hold { .. } => illustration::Motion::Hold,
        PhaseKind::WorkAround => illustration::Motion::WorkAround,
        _ => illustration::Motion::Roll,
    }
}

/// The pacing track: a marker gliding between the two ends of the stroke,
/// from the start end (position 0) to the turning end and back; under
/// each end, its words if there are any. The start end is on the left,
/// or on the right when the picture's stroke goes leftward, so the marker
/// and the picture move the same way.
fn pacing_track(
    ui: &mut egui::Ui,
    position: f32,
    width: f32,
    height: f32,
    ends: Option<&TrackEnds>,
) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    if let Some(ends) = ends {
        let name = format!(
            "Pacing track: from {} to {}",
            ends.from.text().to_lowercase(),
            ends.to.text().to_lowercase()
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
    }
    let palette = Palette::of(ui);
    let painter = ui.painter_at(rect);
    let y = rect.center().y;
    let end = height / 2.0;
    let (left, right) = (rect.left() + end, rect.right() - end);
    painter.line_segment(
        [egui::pos2(left, y), egui::pos2(right, y)],
        egui::Stroke::new(6.0, palette.ground),
    );
    for x in [left, right] {
        painter.circle_filled(egui::pos2(x, y), 7.0, palette.ground);
    }
    let along = if ends.is_some_and(|e| e.leftward) {
        1.0 - position
    } else {
        position
    };
    let x = left + (right - left) * along;
    painter.circle_filled(egui::pos2(x, y), end - 2.0, palette.path);
    if let Some(ends) = ends {
        track_ends(ui, ends, rect.left()..=rect.right());
    }
}

/// The two ends' words in a row under the track, each under its end.
fn track_ends(ui: &mut egui::Ui, ends: &TrackEnds, x: std::ops::RangeInclusive<f32>) {
    let top = ui.cursor().top();
    let row = egui::Rect::from_x_y_ranges(x, top..=top + ends.height());
    let place = |ui: &mut egui::Ui, galley: &std::sync::Arc<egui::Galley>, align: egui::Align| {
        let layout = egui::Layout::top_down(align);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(row).layout(layout));
        child.add(egui::Label::new(galley.clone()));
    };
    let (left, right) = if ends.leftward {
        (&ends.to, &ends.from)
    } else {
        (&ends.from, &ends.to)
    };
    place(ui, left, egui::Align::Min);
    place(ui, right, egui::Align::Max);
    ui.advance_cursor_after_rect(row);
}

/// The middle of the player as planned: the picture beside or above the
/// words, the words at the planned size.
fn full_view(
    ui: &mut egui::Ui,
    middle: &Middle,
    state: &SessionState,
    exercise: Option<&Exercise>,
) {
    if middle.scroll {
        egui::ScrollArea::vertical()
            .id_salt("player_text")
            .show(ui, |ui| text_block(ui, &middle.text, state));
        return;
    }
    let area = ui.available_rect_before_wrap();
    let (picture_rect, text_rect) = if middle.wide {
        let text_left = area.right() - middle.text.width;
        // Level with the middle of the words, or of the area if they are
        // the taller.
        let middle_y = area.top() + middle.text.height.max(middle.picture.y) / 2.0;
        let picture = egui::Rect::from_center_size(
            egui::pos2(area.left() + middle.picture.x / 2.0, middle_y),
            middle.picture,
        );
        let text = egui::Rect::from_min_max(egui::pos2(text_left, area.top()), area.max);
        (picture, text)
    } else {
        let picture = egui::Rect::from_center_size(
            egui::pos2(area.center().x, area.top() + middle.picture.y / 2.0),
            middle.picture,
        );
        let top = if middle.picture.y > 0.0 {
            picture.bottom() + layout::PICTURE_GAP
        } else {
            area.top()
        };
        (
            picture,
            egui::Rect::from_min_max(egui::pos2(area.left(), top), area.max),
        )
    };
    if middle.picture.y > 0.0 {
        let mut picture_ui = ui.new_child(egui::UiBuilder::new().max_rect(picture_rect));
        picture(&mut picture_ui, state, exercise, middle.picture);
    }
    let mut text_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(text_rect)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    text_block(&mut text_ui, &middle.text, state);
    ui.advance_cursor_after_rect(area);
}

/// The phase, the time left, its progress, the instruction and the pacing
/// track, as laid out.
fn text_block(ui: &mut egui::Ui, text: &TextBlock, state: &SessionState) {
    let label = |ui: &mut egui::Ui, g: &std::sync::Arc<egui::Galley>| {
        ui.add(egui::Label::new(g.clone()));
    };
    if text.beside {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = 18.0;
            label(ui, &text.time);
            ui.vertical(|ui| {
                label(ui, &text.title);
                label(ui, &text.subject);
            });
        });
    } else {
        label(ui, &text.title);
        label(ui, &text.subject);
        label(ui, &text.time);
    }
    progress_bar(ui, phase_progress(state), text.width, layout::PROGRESS);
    label(ui, &text.instruction);
    if let Some(p) = state.stroke_position {
        pacing_track(
            ui,
            p,
            text.width,
            text.sizes.track,
            text.track_ends.as_ref(),
        );
    }
    if let Some(paused) = &text.paused {
        label(ui, paused);
    }
}

/// The player's buttons: (action, whether its toggle is on, whether it can
/// be pressed now).
fn buttons(state: &SessionState, muted: bool) -> [(Action, bool, bool); 8] {
    let holding = matches!(state.phase.kind, PhaseKind::Hold { .. }) && !state.phase.cut;
    let easing = holding || (state.phase.kind == PhaseKind::Roll && !state.phase.eased);
    [
        (Action::Back, false, true),
        (Action::TogglePause, state.paused, true),
        (Action::Skip, false, true),
        (Action::ExtendHold, false, holding),
        (Action::TooIntense, false, easing),
        (Action::ToggleMute, muted, true),
        (Action::ToggleFollowAlong, false, true),
        (Action::AskStop, false, true),
    ]
}

/// The pain reminder and the buttons, in one or two rows of equal buttons.
fn controls(
    ui: &mut egui::Ui,
    plan: &Plan,
    state: &SessionState,
    muted: bool,
    commands: &mut Commands,
) {
    ui.add(egui::Label::new(plan.pain.clone()));
    let layout = &plan.buttons;
    let all = buttons(state, muted);
    for (row, texts) in all
        .chunks(layout.per_row)
        .zip(layout.texts.chunks(layout.per_row))
    {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = layout::BUTTON_GAP;
            ui.spacing_mut().button_padding = layout::BUTTON_PAD;
            for ((action, on, enabled), text) in row.iter().zip(texts) {
                let label = action.toggle_label(*on);
                let button = egui::Button::new(text.clone()).min_size(layout.size);
                let response = ui
                    .add_enabled(*enabled, button)
                    .on_hover_text(action.hint());
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, *enabled, label));
                if response.clicked() {
                    commands.push((*action).into());
                }
            }
        });
    }
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
        // A person in pain stops with Esc, then Enter.
        default: true,
    };
    // Esc is the registry's "Keep going", read with the other keys.
    match question.show(ctx, false) {
        Some(true) => commands.push(Action::ConfirmStop.into()),
        Some(false) => commands.push(Action::CancelStop.into()),
        None => {}
    }
}

impl<'a> Content<'a> {
    /// The middle's words: the phase's, the time (or "Paused") and the line
    /// under the instruction.
    fn of(words: &'a Words, time: &'a str, line: Option<&'a str>, state: &SessionState) -> Self {
        Content {
            title: &words.title,
            subject: &words.subject,
            time,
            instruction: &words.instruction,
            paused: line,
            rolling: state.stroke_position.is_some(),
            track_ends: words
                .track_ends
                .as_ref()
                .map(|(from, to)| (from.as_str(), to.as_str())),
            track_leftward: words.track_leftward,
        }
    }
}
