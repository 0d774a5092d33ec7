//! The history: read off the window's thread at start, a record written as
//! each routine ends (and again with the check-in after it), the check-ins
//! themselves, deleting and bringing back sessions, and the CSV export.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use eframe::egui;

use super::RollcoachApp;
use crate::history::{self, History};
use crate::model::Routine;
use crate::model::history::Moment;
use crate::store::{HistoryFiles, LoadedHistory};
use crate::ui::check_in::{CheckIn, When};
use crate::ui::notices::Notice;
use crate::ui::path_prompt::PathPrompt;
use crate::ui::state::{Recording, Screen};

/// The history folder, and its reading while it goes on.
pub(super) struct HistoryStore {
    files: Option<HistoryFiles>,
    reading: Option<JoinHandle<LoadedHistory>>,
}

impl HistoryStore {
    /// Starts reading the history of `files` on a thread of its own.
    pub(super) fn start(files: Option<HistoryFiles>) -> HistoryStore {
        let reading = files.clone().and_then(|files| {
            std::thread::Builder::new()
                .name("history".into())
                .spawn(move || files.load_all())
                .map_err(|e| log::warn!("the history is read on the window's thread: {e}"))
                .ok()
        });
        HistoryStore { files, reading }
    }
}

impl RollcoachApp {
    /// The history, read now if its thread has not finished (it has, but
    /// for a very long history or a slow disk).
    pub(super) fn history(&mut self) -> &mut History {
        if self.state.history.is_none() {
            let loaded = match self.history_store.reading.take() {
                Some(reading) => reading.join().unwrap_or_else(|_| {
                    log::warn!("reading the history failed; reading it again");
                    self.history_store
                        .files
                        .as_ref()
                        .map(HistoryFiles::load_all)
                        .unwrap_or_default()
                }),
                None => self
                    .history_store
                    .files
                    .as_ref()
                    .map(HistoryFiles::load_all)
                    .unwrap_or_default(),
            };
            self.state.history = Some(History::from(loaded));
        }
        self.state.history.get_or_insert_with(History::default)
    }

    /// Takes in the history once its thread is done, without waiting.
    pub(super) fn watch_history(&mut self, ctx: &egui::Context) {
        let done = self
            .history_store
            .reading
            .as_ref()
            .is_some_and(JoinHandle::is_finished);
        let wanted = self.state.screen == Screen::Progress;
        if self.state.history.is_none() && (done || wanted) {
            self.history();
            ctx.request_repaint();
        }
    }

    /// Plays `routine`, after the check-in when it is asked for.
    pub(super) fn start_or_check_in(&mut self, ctx: &egui::Context, routine: Routine) {
        if !self.state.settings.check_in {
            self.start_routine(ctx, routine);
            return;
        }
        let areas = history::check_in_areas(&routine, &self.state.catalog);
        let last = self.history().last_ratings(&areas);
        self.state.check_in = Some(CheckIn::new(When::Before, routine, &areas, &last));
        self.state.screen = Screen::CheckIn;
    }

    /// The history keeps `routine`, about to start, from now.
    pub(super) fn record_from_now(
        &mut self,
        routine: &Routine,
        before: Vec<crate::model::history::Rating>,
        checked_in: bool,
    ) {
        self.state.recording = Some(Recording {
            routine: routine.clone(),
            started: Moment::now(),
            before,
            checked_in,
        });
    }

    /// Enter or Esc on the check-in: go on with the ratings, or without.
    pub(super) fn answer_check_in(&mut self, ctx: &egui::Context, keep: bool) {
        let Some(check_in) = self.state.check_in.take() else {
            return;
        };
        match check_in.when {
            When::Before => {
                let before = if keep { check_in.ratings() } else { Vec::new() };
                self.record_from_now(&check_in.routine, before, true);
                self.start_routine(ctx, check_in.routine);
            }
            When::After => {
                if keep {
                    self.save_after(&check_in);
                }
                self.state.just_recorded = None;
                self.show_summary_of_history();
            }
        }
    }

    /// Writes the record of the routine that just ended; then asks how the
    /// areas feel now if they were asked before.
    pub(super) fn record_session(&mut self, tally: &crate::session::Tally) {
        let Some(recording) = self.state.recording.take() else {
            return;
        };
        let routine = &recording.routine;
        let seconds = (Moment::now().utc - recording.started.utc)
            .num_seconds()
            .max(0) as u32;
        let record = history::record_of(
            &routine.name,
            recording.started,
            seconds,
            tally,
            recording.before.clone(),
            &self.state.catalog,
        );
        let saved = match &self.history_store.files {
            Some(files) => files.save_new(&record),
            None => Err(crate::store::FileProblem {
                path: PathBuf::from("history"),
                message: "was not saved: Rollcoach has no folder to keep it in.".to_owned(),
            }),
        };
        let kept = match saved {
            Ok(stored) => {
                self.state.just_recorded = Some(stored.path.clone());
                self.history().insert(stored);
                true
            }
            Err(problem) => {
                self.state.notices.push(Notice::plain(format!(
                    "This session could not be kept in your history: {problem}"
                )));
                false
            }
        };
        if recording.checked_in && self.state.settings.check_in && kept {
            let areas = history::check_in_areas(routine, &self.state.catalog);
            let last = if recording.before.is_empty() {
                self.history().last_ratings(&areas)
            } else {
                recording.before
            };
            self.state.check_in = Some(CheckIn::new(When::After, routine.clone(), &areas, &last));
        }
    }

    /// Adds the check-in after to the session's file.
    fn save_after(&mut self, check_in: &CheckIn) {
        let Some(path) = self.state.just_recorded.clone() else {
            return;
        };
        let Some(files) = self.history_store.files.clone() else {
            return;
        };
        let history = self.history();
        let Some(stored) = history.session_mut(&path) else {
            return;
        };
        stored.record.after = check_in.ratings();
        stored.record.felt = check_in.felt;
        if let Err(problem) = files.save(stored) {
            self.state.notices.push(Notice::plain(format!(
                "How you felt after this session could not be kept: {problem}"
            )));
        }
    }

    /// The summary, with the change the check-ins show and the streak.
    pub(super) fn show_summary_of_history(&mut self) {
        let today = Moment::now().day();
        let last = self.history().sessions.last().map(|s| s.record.clone());
        let streak = self.history().streak(today);
        if let Some(summary) = &mut self.state.summary {
            summary.streak = Some(streak);
            summary.changes = last
                .as_ref()
                .map(crate::ui::summary::changes)
                .unwrap_or_default();
        }
        self.state.screen = Screen::Summary;
    }

    /// Deletes one session's file; Undo brings it back.
    pub(super) fn delete_session(&mut self, path: &Path) {
        let Some(files) = self.history_store.files.clone() else {
            return;
        };
        if let Err(problem) = files.delete(path) {
            self.state.progress.message = Some(format!("Not deleted: {problem}"));
            return;
        }
        if let Some(stored) = self.history().remove(path) {
            let title = crate::ui::progress::session_title(&stored.record);
            self.state.progress.message = Some(format!("Deleted: {title}."));
            self.state.progress.deleted = vec![stored];
        }
    }

    /// Deletes every session that could be read (files that could not be
    /// read are left as they are).
    pub(super) fn delete_all_sessions(&mut self) {
        let Some(files) = self.history_store.files.clone() else {
            return;
        };
        let sessions = self.history().take_all();
        let mut deleted = Vec::new();
        let mut kept = Vec::new();
        let mut problem = None;
        for stored in sessions {
            match files.delete(&stored.path) {
                Ok(()) => deleted.push(stored),
                Err(p) => {
                    problem.get_or_insert(p);
                    kept.push(stored);
                }
            }
        }
        for stored in kept {
            self.history().insert(stored);
        }
        let n = deleted.len();
        self.state.progress.message = Some(match problem {
            None => format!("Deleted all {n} sessions."),
            Some(p) => format!("Deleted {n} sessions; the others were not: {p}"),
        });
        self.state.progress.deleted = deleted;
    }

    /// Writes back what was deleted last.
    pub(super) fn undo_delete_session(&mut self) {
        let Some(files) = self.history_store.files.clone() else {
            return;
        };
        let deleted = std::mem::take(&mut self.state.progress.deleted);
        let n = deleted.len();
        let mut problem = None;
        for stored in deleted {
            match files.save(&stored) {
                Ok(()) => self.history().insert(stored),
                Err(p) => {
                    problem.get_or_insert(p);
                }
            }
        }
        self.state.progress.message = Some(match problem {
            None if n == 1 => "The session is back.".to_owned(),
            None => format!("All {n} sessions are back."),
            Some(p) => format!("Not all of it came back: {p}"),
        });
    }

    /// Asks where to save the CSV, and writes it there.
    pub(super) fn export_history_dialog(&mut self) {
        let file_name = format!("rollcoach-history-{}.csv", Moment::now().day());
        if !self.has_file_chooser() {
            self.state.path_prompt = Some(PathPrompt::export_history(&file_name));
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title("Export your history")
            .add_filter("Spreadsheet (CSV)", &["csv"])
            .set_file_name(file_name)
            .save_file();
        if let Some(path) = picked {
            self.export_history_to(&path);
        }
    }

    /// Writes the whole history as CSV to `path`.
    pub(super) fn export_history_to(&mut self, path: &Path) {
        let csv = history::to_csv(self.history());
        let result = crate::store::export_text(path, &csv);
        self.state.progress.deleted.clear();
        self.state.progress.message = Some(match result {
            Ok(()) => format!("Exported to {}", path.display()),
            Err(p) => format!("Not exported: {p}"),
        });
    }
}
