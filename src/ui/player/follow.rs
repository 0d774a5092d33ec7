//! The follow-along view, for reading from the floor: the phase, a very
//! large time, the picture in most of what is left, the instruction and
//! the way out.

use std::sync::Arc;
use std::time::Duration;

use eframe::egui::{self, Galley, RichText, Vec2};

use super::layout::{
    self, Content, PICTURE_FLOOR, PICTURE_GAP, PICTURE_MIN, Sizes, TrackEnds, galley, stacked,
};
use super::words::Words;
use super::{Player, pacing_track, phase_progress, picture};
use crate::model::Exercise;
use crate::session::SessionState;
use crate::ui::Commands;
use crate::ui::action::Action;
use crate::ui::widgets::progress::progress_bar;

/// The follow-along view's sizes, from roomy to tight.
pub const FOLLOW_STEPS: [Sizes; 4] = [
    Sizes {
        time: 220.0,
        title: 44.0,
        subject: 44.0,
        instruction: 28.0,
        track: 40.0,
        track_ends: 22.0,
    },
    Sizes {
        time: 170.0,
        title: 38.0,
        subject: 38.0,
        instruction: 26.0,
        track: 36.0,
        track_ends: 21.0,
    },
    Sizes {
        time: 130.0,
        title: 32.0,
        subject: 32.0,
        instruction: 24.0,
        track: 32.0,
        track_ends: 20.0,
    },
    Sizes {
        time: 96.0,
        title: 28.0,
        subject: 28.0,
        instruction: 22.0,
        track: 28.0,
        track_ends: 19.0,
    },
];

/// The follow-along view's layout: the phase, a very large time, the
/// picture in most of what is left, the instruction and the way out.
pub struct FollowPlan {
    pub sizes: Sizes,
    /// "Hold a tender spot: Calves, left side".
    pub phase: Arc<Galley>,
    pub time: Arc<Galley>,
    pub instruction: Arc<Galley>,
    pub paused: Option<Arc<Galley>>,
    /// The words at the pacing track's ends, while rolling.
    pub track_ends: Option<TrackEnds>,
    /// The picture beside the time (landscape), not under it.
    pub beside: bool,
    /// The picture's size; zero for none.
    pub picture: Vec2,
    /// The words do not fit even at the smallest step: they scroll.
    pub scroll: bool,
}

/// The height of the follow-along view's progress bar.
pub const FOLLOW_PROGRESS: f32 = 22.0;

impl FollowPlan {
    /// The largest words that leave the picture at least a third of `area`
    /// (and a size that reads); `leave` is the height of the way-out
    /// button.
    pub fn new(ui: &egui::Ui, area: Vec2, content: &Content<'_>, leave: f32) -> FollowPlan {
        let mut fallback = None;
        for sizes in FOLLOW_STEPS {
            for beside in [area.x >= area.y * 1.4, false] {
                let plan = FollowPlan::at(ui, area, content, leave, sizes, beside);
                let least = PICTURE_FLOOR.max(area.y / 3.0);
                if !plan.scroll && plan.picture.y >= least {
                    return plan;
                }
                if !plan.scroll && fallback.is_none() {
                    fallback = Some(plan);
                }
            }
        }
        fallback.unwrap_or_else(|| {
            let sizes = FOLLOW_STEPS[FOLLOW_STEPS.len() - 1];
            FollowPlan::at(ui, area, content, leave, sizes, false)
        })
    }

    fn at(
        ui: &egui::Ui,
        area: Vec2,
        content: &Content<'_>,
        leave: f32,
        sizes: Sizes,
        beside: bool,
    ) -> FollowPlan {
        let v = ui.visuals();
        let (strong, text) = (v.strong_text_color(), v.text_color());
        let phase = galley(
            ui,
            &format!("{}: {}", content.title, content.subject),
            sizes.title,
            strong,
            area.x,
        );
        let time = galley(ui, content.time, sizes.time, strong, f32::INFINITY);
        let instruction = galley(ui, content.instruction, sizes.instruction, text, area.x);
        let paused = content
            .paused
            .map(|p| galley(ui, p, sizes.title, strong, area.x));
        // The time, its progress and the track are one column: beside the
        // picture, as wide as the time or a third of the view.
        let column = if beside {
            time.size().x.max(area.x * 0.35)
        } else {
            area.x
        };
        let track_ends = content
            .track_ends
            .filter(|_| content.rolling)
            .map(|ends| TrackEnds::new(ui, ends, content.track_leftward, sizes.track_ends, column));
        let track = if content.rolling { sizes.track } else { 0.0 };
        let mut clock = vec![time.size().y, FOLLOW_PROGRESS, track];
        if let Some(ends) = &track_ends {
            clock.push(ends.height());
        }
        let clock = stacked(ui, &clock, 0.0);
        let mut around = vec![phase.size().y, instruction.size().y, leave];
        if let Some(p) = &paused {
            around.push(p.size().y);
        }
        let spacing = ui.spacing().item_spacing.y;
        let (picture, fits) = if beside {
            let row = area.y - stacked(ui, &around, 0.0) - spacing;
            let width = area.x - column - PICTURE_GAP;
            (
                egui::vec2(width, row.min(width * 0.7)),
                clock <= row && width > 0.0,
            )
        } else {
            around.push(clock);
            let room = area.y - stacked(ui, &around, 0.0) - spacing;
            (egui::vec2(area.x, room.min(area.x * 0.6)), room >= 0.0)
        };
        let picture = if picture.y >= PICTURE_MIN {
            picture
        } else {
            Vec2::ZERO
        };
        let too_wide =
            time.size().x > area.x || track_ends.as_ref().is_some_and(|e| !e.fit(column));
        FollowPlan {
            sizes,
            phase,
            time,
            instruction,
            paused,
            track_ends,
            beside,
            picture,
            scroll: !fits || too_wide,
        }
    }
}

pub(super) fn follow_along(
    ui: &mut egui::Ui,
    player: &Player,
    now: Duration,
    state: &SessionState,
    exercise: Option<&Exercise>,
    words: &Words,
    commands: &mut Commands,
) {
    let (time, line) = player.time_and_line(state, now);
    let content = Content::of(words, &time, line.as_deref(), state);
    let leave_text = format!(
        "Leave the follow-along view ({})",
        Action::ToggleFollowAlong.key_text().unwrap_or_default()
    );
    let leave_height = 18.0 + 2.0 * ui.spacing().button_padding.y + 6.0;
    let plan = FollowPlan::new(ui, ui.available_size(), &content, leave_height);
    let label = |ui: &mut egui::Ui, g: &std::sync::Arc<egui::Galley>| {
        ui.add(egui::Label::new(g.clone()));
    };
    let width = ui.available_width();
    let clock = |ui: &mut egui::Ui, width: f32| {
        label(ui, &plan.time);
        progress_bar(ui, phase_progress(state), width, FOLLOW_PROGRESS);
        if let Some(p) = state.stroke_position {
            pacing_track(ui, p, width, plan.sizes.track, plan.track_ends.as_ref());
        }
    };
    let mut body = |ui: &mut egui::Ui| {
        ui.vertical_centered(|ui| {
            label(ui, &plan.phase);
            if plan.beside {
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = layout::PICTURE_GAP;
                    picture(ui, state, exercise, plan.picture);
                    let rest = ui.available_width();
                    ui.vertical_centered(|ui| clock(ui, rest));
                });
            } else {
                clock(ui, width);
                if plan.picture.y > 0.0 {
                    picture(ui, state, exercise, plan.picture);
                }
            }
            label(ui, &plan.instruction);
            if let Some(paused) = &plan.paused {
                label(ui, paused);
            }
            if ui.button(RichText::new(&leave_text).size(18.0)).clicked() {
                commands.push(Action::ToggleFollowAlong.into());
            }
        });
    };
    if plan.scroll {
        egui::ScrollArea::vertical()
            .id_salt("follow_along")
            .show(ui, body);
    } else {
        body(ui);
    }
}
