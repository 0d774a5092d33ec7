//! The body map's doors: opening it with the last check-in's ratings,
//! starting its routine (the map's ratings are the check-in before it),
//! and keeping it as one of the user's routines.

use eframe::egui;

use super::RollcoachApp;
use crate::model::Area;
use crate::ui::state::Screen;

impl RollcoachApp {
    /// Opens the body map; the first time, with the last check-in's
    /// ratings when there is a history.
    pub(super) fn show_planner(&mut self) {
        if self.state.player.is_some() {
            return;
        }
        let last = self.history().last_ratings(&Area::ALL);
        let when = self
            .history()
            .records()
            .rev()
            .find(|r| !r.after.is_empty() || !r.before.is_empty())
            .map(|r| format!("your last check-in, on {}", r.day().format("%A %-d %B")));
        let state = &mut self.state;
        state.planner.open(&state.settings, &last, when);
        state.screen = Screen::Planner;
    }

    /// Starts the plan as it stands. The map's ratings are kept as the
    /// check-in before it, so none is asked.
    pub(super) fn start_plan(&mut self, ctx: &egui::Context) {
        if self.state.screen != Screen::Planner {
            return;
        }
        let routine = self.state.planner.routine();
        if !self.state.catalog.routine_problems(&routine).is_empty() {
            return;
        }
        let ratings = self.state.planner.ratings();
        let asks_after = self.state.settings.check_in && !ratings.is_empty();
        self.record_from_now(&routine, ratings, asks_after);
        self.start_routine(ctx, routine);
    }

    /// Saves the plan as a new routine of the user's, under its name.
    pub(super) fn save_plan(&mut self) {
        if self.state.screen != Screen::Planner {
            return;
        }
        let routine = self.state.planner.routine();
        let state = &mut self.state;
        let planner = &mut state.planner;
        planner.save_problem = None;
        if let Some(problem) = state.catalog.routine_problems(&routine).first() {
            planner.save_problem = Some(format!("Not saved: {problem}"));
            return;
        }
        let name = routine.name.trim();
        let taken = state.catalog.routine(name).is_some()
            || state
                .editor
                .routines
                .iter()
                .any(|f| f.routine.name.trim().eq_ignore_ascii_case(name));
        if taken {
            planner.save_problem = Some(format!(
                "There is already a routine called \"{name}\": give this one another name."
            ));
            return;
        }
        let Some(files) = &self.routine_files else {
            self.state.planner.save_problem =
                Some("Not saved: there is no folder to keep routines in (see --data-dir).".into());
            return;
        };
        match files.save_new(&routine) {
            Ok(_) => {
                self.state.planner.saved = Some(format!(
                    "Saved as \"{}\" in My routines.",
                    routine.name.trim()
                ));
                self.reload_routines();
            }
            Err(p) => self.state.planner.save_problem = Some(format!("Not saved: {p}")),
        }
    }
}
