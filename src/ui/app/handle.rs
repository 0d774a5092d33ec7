//! Applying commands: one dispatch here, one handler per concern beside it
//! (settings, routine files, playing). Navigation is handled here.

use eframe::egui;

use super::RollcoachApp;
use crate::ui::Command;
use crate::ui::action::Action;
use crate::ui::state::Screen;

impl RollcoachApp {
    /// Applies one command.
    pub(super) fn apply(&mut self, ctx: &egui::Context, command: Command) {
        // Until the safety rules are accepted once, nothing leaves them.
        if !self.state.settings.safety_acknowledged && leaves_safety(&command) {
            return;
        }
        if self.state.screen == Screen::Editor
            && leaves_editor(&command)
            && !self.state.editor.may_leave(command.clone())
        {
            return;
        }
        match command {
            Command::Run(action) => self.run(ctx, action),
            Command::OpenCard(id) => {
                if self.state.catalog.get(&id).is_some() {
                    self.state.screen = Screen::Card { id };
                }
            }
            Command::DismissNotice(index) => self.dismiss_notice(index),
            Command::SetTheme(_)
            | Command::SetTextSize(_)
            | Command::SetToolOwned(..)
            | Command::SetSettings(_) => self.change_settings(ctx, command),
            Command::DuplicateRoutine(routine) => {
                self.state.editor.duplicate(&routine);
                self.state.screen = Screen::Editor;
            }
            Command::EditRoutine(path) => {
                self.state.editor.open(path);
                self.state.screen = Screen::Editor;
            }
            Command::DeleteRoutine(path) => self.delete_routine(&path),
            Command::Import(paths) => self.import(paths),
            Command::ExportTo(path) => self.export_to(&path),
            Command::StartRoutine(routine) => self.start_or_check_in(ctx, routine),
            Command::StartExercise(id) => self.start_exercise(ctx, &id),
            Command::TryVoice => self.coach.try_voice(),
            Command::SetCheckIn(on) => {
                if self.state.settings.check_in != on {
                    self.state.settings.check_in = on;
                    self.saver.changed();
                }
            }
            Command::DeleteSession(path) => self.delete_session(&path),
            Command::DeleteAllSessions => self.delete_all_sessions(),
            Command::ExportHistoryTo(path) => self.export_history_to(&path),
            Command::AnswerQuit(quit) => {
                self.state.quit_question = None;
                if quit {
                    self.quit_anyway = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Carries out an action of the registry.
    fn run(&mut self, ctx: &egui::Context, action: Action) {
        use Action::*;
        match action {
            ShowSafety => {
                self.state.safety_from_planner = self.state.screen == Screen::Planner;
                self.state.screen = Screen::Safety {
                    first_run: !self.state.settings.safety_acknowledged,
                }
            }
            ShowPlanner => self.show_planner(),
            Rate(_) | RateUp | RateDown | MapLeft | MapRight | MapUp | MapDown | ClearRating
            | ToggleInjured
                if self.state.screen == Screen::Planner =>
            {
                let state = &mut self.state;
                state.planner.run(action, &state.catalog);
            }
            StartPlan => self.start_plan(ctx),
            SavePlan => self.save_plan(),
            MapLeft | MapRight | MapUp | MapDown | ClearRating | ToggleInjured => {}
            AcceptSafety => self.accept_safety(ctx),
            BackToLibrary => self.back_to_library(),
            ShowLibrary | FinishSummary => self.show_library(),
            ShowRoutines => self.state.screen = Screen::Routines,
            EditRoutines => self.state.screen = Screen::Editor,
            ShowSettings => self.state.screen = Screen::Settings,
            ShowProgress => {
                if self.state.player.is_none() {
                    self.state.screen = Screen::Progress;
                }
            }
            Rate(_) | RateUp | RateDown => {
                if let Some(check_in) = &mut self.state.check_in {
                    check_in.run(action);
                }
            }
            ContinueCheckIn => self.answer_check_in(ctx, true),
            SkipCheckIn => self.answer_check_in(ctx, false),
            ExportHistory => self.export_history_dialog(),
            UndoDeleteSession => self.undo_delete_session(),
            ShowShortcuts => self.state.show_shortcuts = !self.state.show_shortcuts,
            Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            SearchLibrary | SelectLeft | SelectRight | SelectUp | SelectDown | SelectFirst
            | SelectLast | OpenSelected => {
                let state = &mut self.state;
                let opened = state
                    .library
                    .run(action, ctx, &state.catalog, &state.settings);
                self.commands.extend(opened);
            }
            PreviousCard | NextCard => self.step_card(action == NextCard),
            StartExercise => {
                if let Screen::Card { id } = &self.state.screen {
                    let id = id.clone();
                    self.start_exercise(ctx, &id);
                }
            }
            TextLarger | TextSmaller | ToggleMute => self.change_setting(ctx, action),
            NewRoutine => self.state.editor.new_routine(),
            SaveRoutine => self.save_routine(),
            ImportRoutine => self.import_dialog(),
            ExportRoutine => self.export_dialog(),
            UndoDelete => self.undo_delete(),
            SaveSettingsAgain => self.saver.retry(),
            TogglePause | Back | Skip | ExtendHold | TooIntense | AskStop | CancelStop
            | ConfirmStop | ToggleFollowAlong => self.control_player(ctx, action),
        }
    }

    /// Hides a notice; the no-sound notice's dismissal is remembered.
    fn dismiss_notice(&mut self, index: usize) {
        let about_sound = self.state.notices.get(index).is_some_and(|n| n.about_sound);
        if about_sound && !self.state.settings.no_sound_notice_dismissed {
            self.state.settings.no_sound_notice_dismissed = true;
            self.saver.changed();
        }
        self.state.notices.dismiss(index);
    }

    fn accept_safety(&mut self, ctx: &egui::Context) {
        if !self.state.settings.safety_acknowledged {
            self.state.settings.safety_acknowledged = true;
            self.saver.changed();
        }
        self.state.screen = Screen::Library;
        if let Some(routine) = self.state.pending_start.take() {
            self.start_routine(ctx, routine);
        } else if self.state.player.is_some() {
            self.state.screen = Screen::Player;
        }
    }

    /// Esc on a card, or on the safety screen read again from Help.
    fn back_to_library(&mut self) {
        match self.state.screen {
            // The rules must be accepted once before anything else.
            Screen::Safety { first_run: true } => {}
            Screen::Safety { first_run: false } if self.state.player.is_some() => {
                self.state.screen = Screen::Player;
            }
            Screen::Safety { first_run: false } if self.state.safety_from_planner => {
                self.state.safety_from_planner = false;
                self.state.screen = Screen::Planner;
            }
            _ => self.show_library(),
        }
    }

    fn show_library(&mut self) {
        let state = &mut self.state;
        if let Screen::Card { id } = &state.screen {
            state.library.select_id(id, &state.catalog, &state.settings);
        }
        // A routine in progress is only left by stopping it.
        state.screen = if state.player.is_some() {
            Screen::Player
        } else {
            Screen::Library
        };
    }

    /// The next or previous card of the library, from the one showing.
    fn step_card(&mut self, forward: bool) {
        let Screen::Card { id } = &self.state.screen else {
            return;
        };
        let all = self.state.catalog.exercises();
        let Some(index) = all.iter().position(|e| &e.id == id) else {
            return;
        };
        let to = if forward {
            all.get(index + 1)
        } else {
            index.checked_sub(1).and_then(|i| all.get(i))
        };
        if let Some(e) = to {
            self.state.screen = Screen::Card { id: e.id.clone() };
        }
    }
}

/// Whether a command takes the person out of the editor (and so asks first
/// about unsaved changes).
fn leaves_editor(command: &Command) -> bool {
    match command {
        Command::Run(action) => matches!(
            action,
            Action::ShowLibrary
                | Action::ShowRoutines
                | Action::ShowSafety
                | Action::ShowSettings
                | Action::ShowProgress
                | Action::ShowPlanner
                | Action::Quit
        ),
        Command::OpenCard(_)
        | Command::StartRoutine(_)
        | Command::StartExercise(_)
        | Command::DuplicateRoutine(_) => true,
        _ => false,
    }
}

/// Whether `command` goes from the safety screen to another screen.
fn leaves_safety(command: &Command) -> bool {
    use Action::*;
    matches!(
        command,
        Command::Run(
            ShowLibrary
                | ShowRoutines
                | EditRoutines
                | ShowSettings
                | ShowProgress
                | ShowPlanner
                | BackToLibrary
        ) | Command::OpenCard(_)
            | Command::EditRoutine(_)
    )
}
