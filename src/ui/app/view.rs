//! Drawing one frame: the menu bar and notices, the screen showing, and
//! the shortcuts window. Drawing only reads the state (and the screens'
//! own fields) and sends commands.

use std::time::Duration;

use eframe::egui;

use crate::ui::action::Action;
use crate::ui::state::{AppState, Screen};
use crate::ui::widgets::question::Question;
use crate::ui::{
    Command, Commands, card, check_in, menu, progress, routines, safety, settings, summary,
};

/// Draws the whole window.
pub fn draw(ui: &mut egui::Ui, state: &mut AppState, now: Duration, commands: &mut Commands) {
    let playing = state.playing();
    let mut top = ui.max_rect().top();
    if !state.follow_along() {
        let bar = egui::Panel::top("menu_bar")
            .frame(crate::ui::panel::side(ui))
            .show(ui, |ui| {
                let bar = menu::bar(ui, &state.settings, playing, commands);
                state.notices.ui(ui, commands);
                bar
            });
        top = bar.inner.bottom();
    }
    screen(ui, state, now, commands);
    // The shortcuts window belongs to the screen it was opened over.
    if !state.show_shortcuts {
        state.shortcuts_over = None;
    } else if state
        .shortcuts_over
        .get_or_insert_with(|| state.screen.clone())
        != &state.screen
    {
        state.show_shortcuts = false;
        state.shortcuts_over = None;
    }
    if state.show_shortcuts {
        menu::shortcuts_window(ui.ctx(), &mut state.show_shortcuts, top);
    }
    if let Some(prompt) = &mut state.path_prompt {
        let mut close = false;
        prompt.show(ui.ctx(), commands, &mut close);
        if close {
            state.path_prompt = None;
        }
    }
    if let Some(why) = &state.quit_question {
        quit_question(ui.ctx(), why, commands);
    }
}

/// "Quit without saving your settings?", when they could not be written.
fn quit_question(ctx: &egui::Context, why: &str, commands: &mut Commands) {
    let body = format!(
        "Your latest settings could not be saved: {why} If you quit now, Rollcoach starts \
         next time with the settings in the file."
    );
    let question = Question {
        id: "quit_unsaved_settings",
        heading: "Quit without saving your settings?",
        body: &body,
        yes: "Quit without saving",
        no: "Keep Rollcoach open",
        footnote: None,
        default: false,
    };
    if let Some(quit) = question.show(ctx, true) {
        commands.push(Command::AnswerQuit(quit));
    }
}

fn screen(ui: &mut egui::Ui, state: &mut AppState, now: Duration, commands: &mut Commands) {
    let catalog = &state.catalog;
    // Every length shown is the one played: with no speech engine, no room
    // is made for spoken lines.
    let played = crate::voice::as_played(&state.settings, &state.voice);
    let chosen = played.as_ref();
    match &state.screen {
        Screen::Safety { first_run } => safety::show(ui, *first_run, commands),
        Screen::Library => state.library.show(ui, catalog, chosen, commands),
        Screen::Card { id } => match catalog.get(id) {
            Some(exercise) => card::show(ui, exercise, catalog, chosen, commands),
            None => commands.push(Command::Run(Action::ShowLibrary)),
        },
        Screen::Routines => routines::show(
            ui,
            catalog,
            &state.editor.routines,
            state.routines_dir.as_deref(),
            chosen,
            state.no_sound,
            commands,
        ),
        Screen::Player => match &state.player {
            Some(player) => player.show(ui, now, catalog, chosen, commands),
            None => commands.push(Command::Run(Action::ShowLibrary)),
        },
        Screen::Settings => {
            let not_saved = state.settings_not_saved.as_deref();
            let machine = settings::Machine {
                no_sound: state.no_sound,
                voice: &state.voice,
            };
            settings::show(ui, &state.settings, not_saved, machine, commands);
        }
        Screen::Editor => state.editor.show(ui, catalog, chosen, commands),
        Screen::CheckIn => match &mut state.check_in {
            Some(check_in) => check_in::show(ui, check_in, commands),
            None => commands.push(Command::Run(Action::ShowLibrary)),
        },
        Screen::Progress => {
            let today = crate::model::history::Moment::now().day();
            progress::show(
                ui,
                state.history.as_ref(),
                &mut state.progress,
                today,
                commands,
            );
        }
        Screen::Planner => {
            crate::ui::planner::show(ui, &mut state.planner, catalog, chosen, commands);
        }
        Screen::Summary => match &state.summary {
            Some(s) => summary::show(ui, s, commands),
            None => commands.push(Command::Run(Action::ShowLibrary)),
        },
    }
}
