//! Playing a routine: starting it, the player's controls, keeping time and
//! the summary at the end.

use eframe::egui;

use super::RollcoachApp;
use crate::model::Routine;
use crate::session::{PhaseKind, Session};
use crate::ui::action::Action;
use crate::ui::coach::Event;
use crate::ui::notices::Notice;
use crate::ui::player::{LONGEST_HOLD_NOTE, NOTE_SHOWS, Player};
use crate::ui::state::Screen;
use crate::ui::summary::Summary;

impl RollcoachApp {
    /// Plays `routine` from its get-ready.
    pub(super) fn start_routine(&mut self, ctx: &egui::Context, routine: Routine) {
        let state = &mut self.state;
        // Without a speech engine, no room is made for prompts.
        let mut settings = state.settings.clone();
        settings.voice.on = self.coach.plans_prompts(&settings);
        match Session::new(&routine, &state.catalog, &settings) {
            Ok(mut session) => {
                if self.state.recording.is_none() {
                    self.record_from_now(&routine, Vec::new(), false);
                }
                let state = &mut self.state;
                let now = self.clock.now();
                session.start(now);
                self.audio.follow(&session, now);
                self.coach.started();
                state.player = Some(Player::new(session));
                state.summary = None;
                state.screen = Screen::Player;
                ctx.request_repaint();
            }
            Err(e) => {
                state.recording = None;
                state
                    .notices
                    .push(Notice::plain(format!("That routine can't be played: {e}.")));
            }
        }
    }

    /// Plays one card of the library with its own timings.
    pub(super) fn start_exercise(&mut self, ctx: &egui::Context, id: &str) {
        let state = &self.state;
        if let Some(exercise) = state.catalog.get(id) {
            let routine = Routine::single_exercise(exercise, &state.settings);
            self.start_or_check_in(ctx, routine);
        }
    }

    /// The player's buttons and keys.
    pub(super) fn control_player(&mut self, ctx: &egui::Context, action: Action) {
        let now = self.clock.now();
        let Some(player) = self.state.player.as_mut() else {
            return;
        };
        let session = &mut player.session;
        let mut event = None;
        match action {
            Action::TogglePause => {
                session.toggle_pause(now);
                event = Some(if session.is_paused() {
                    Event::Paused
                } else {
                    Event::Resumed
                });
            }
            Action::Skip => {
                session.skip(now);
                event = Some(Event::Moved);
            }
            Action::Back => {
                session.back(now);
                event = Some(Event::Moved);
            }
            Action::ExtendHold => {
                let holding = matches!(session.state(now).phase.kind, PhaseKind::Hold { .. });
                if session.extend_hold(now) {
                    event = Some(Event::Extended);
                } else if holding {
                    player.note = Some((LONGEST_HOLD_NOTE, now + NOTE_SHOWS));
                }
            }
            Action::TooIntense => {
                if session.too_intense(now) {
                    event = Some(Event::Moved);
                }
            }
            Action::AskStop => {
                player.resume_after = !session.is_paused();
                session.pause(now);
                event = Some(Event::Paused);
                player.confirming_stop = true;
                // Nothing behind the question keeps the focus: Enter is the
                // question's until an answer is focused.
                if let Some(focused) = ctx.memory(|m| m.focused()) {
                    ctx.memory_mut(|m| m.surrender_focus(focused));
                }
            }
            Action::CancelStop => {
                player.confirming_stop = false;
                if player.resume_after {
                    session.resume(now);
                    event = Some(Event::Resumed);
                }
            }
            Action::ConfirmStop => {
                player.confirming_stop = false;
                session.stop(now);
                self.audio.follow(&player.session, now);
                self.finish_routine(ctx);
                return;
            }
            Action::ToggleFollowAlong => {
                player.follow_along = !player.follow_along;
                let full = player.follow_along;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(full));
                return;
            }
            _ => return,
        }
        if let Some(event) = event {
            self.coach.event(event, &player.session, now);
        }
        self.audio.follow(&player.session, now);
    }

    /// Ends the routine and shows its summary.
    pub(super) fn finish_routine(&mut self, ctx: &egui::Context) {
        let Some(player) = self.state.player.take() else {
            return;
        };
        let now = self.clock.now();
        if !player.session.state(now).finished {
            self.audio.follow(&player.session, now);
        }
        self.coach.ended(&player.session, now);
        let tally = player.session.tally(now);
        self.record_session(&tally);
        self.state.summary = Some(Summary {
            routine: player.session.name().to_owned(),
            tally,
            changes: Vec::new(),
            streak: None,
        });
        if player.follow_along {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
        if self.state.check_in.is_some() {
            self.state.screen = Screen::CheckIn;
        } else {
            self.show_summary_of_history();
        }
    }

    /// Ends a routine that is over, closes the sound device once nothing is
    /// due, and asks for a frame when the player next changes or the device
    /// is to close.
    pub(super) fn keep_time(&mut self, ctx: &egui::Context) {
        let now = self.clock.now();
        if let Some(after) = self.audio.tick(now) {
            ctx.request_repaint_after(after);
        }
        if let Some(after) = self.coach.tick(now) {
            ctx.request_repaint_after(after);
        }
        let Some(player) = &self.state.player else {
            return;
        };
        if let Some(after) = self.coach.follow(&player.session, now) {
            ctx.request_repaint_after(after);
        }
        if player.session.is_over(now) && !player.confirming_stop {
            self.finish_routine(ctx);
            ctx.request_repaint();
            return;
        }
        let frame = self.state.pacing.frame(self.state.settings.reduce_motion);
        if let Some(after) = player.next_change(now, frame) {
            ctx.request_repaint_after(after);
        }
    }
}
