//! Changing the settings: each change takes effect at once, and is saved
//! when the gesture that made it is over (see `SettingsSaver`).

use eframe::egui;

use super::RollcoachApp;
use crate::model::TextSize;
use crate::store::FileProblem;
use crate::ui::Command;
use crate::ui::action::Action;
use crate::ui::notices::Notice;
use crate::ui::theme;

impl RollcoachApp {
    /// Applies a command that changes the settings.
    pub(super) fn change_settings(&mut self, ctx: &egui::Context, command: Command) {
        let settings = &mut self.state.settings;
        match command {
            Command::SetTheme(theme) => settings.theme = theme,
            Command::SetTextSize(size) => settings.text_size = size,
            Command::SetToolOwned(tool, owned) => {
                let tools = &mut settings.tools_owned;
                tools.retain(|t| *t != tool);
                if owned {
                    tools.push(tool);
                    tools.sort();
                }
            }
            Command::SetSettings(new) => *settings = new.sanitized(),
            _ => return,
        }
        self.settings_changed(ctx);
    }

    /// Larger or smaller text, sound on or off.
    pub(super) fn change_setting(&mut self, ctx: &egui::Context, action: Action) {
        let settings = &mut self.state.settings;
        let sizes = TextSize::ALL;
        let now = sizes
            .iter()
            .position(|s| *s == settings.text_size)
            .unwrap_or(1);
        match action {
            Action::TextLarger if now + 1 < sizes.len() => settings.text_size = sizes[now + 1],
            Action::TextSmaller if now > 0 => settings.text_size = sizes[now - 1],
            Action::ToggleMute => settings.muted = !settings.muted,
            _ => return,
        }
        self.settings_changed(ctx);
    }

    /// The settings changed: show and play them so, and save them soon.
    fn settings_changed(&mut self, ctx: &egui::Context) {
        let settings = &self.state.settings;
        theme::apply_settings(ctx, settings);
        let now = self.clock.now();
        self.audio.set_volume(settings.volume, settings.muted, now);
        self.coach.apply(settings);
        self.saver.changed();
    }

    /// Tells the person a change of settings could not be saved.
    pub(super) fn report_unsaved_settings(&mut self, problem: &FileProblem) {
        log::warn!("{problem}");
        self.state.notices.push(Notice::unsaved_settings(problem));
    }
}
