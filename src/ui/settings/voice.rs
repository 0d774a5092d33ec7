//! The voice's settings: on or tones only, which voice, how fast and how
//! loud, and the optional prompts.

use eframe::egui::{self, RichText};

use super::{Rows, labelled};
use crate::model::Settings;
use crate::model::limits::settings as limits;
use crate::ui::{Command, Commands};
use crate::voice::VoiceStatus;

/// The names of these settings, for the width of the names' column.
pub(super) const LABELS: [&str; 4] = ["Voice", "Which voice", "Speaking rate", "Voice volume"];

/// The voice rows.
pub(super) fn rows_ui(
    ui: &mut egui::Ui,
    rows: &Rows,
    s: &mut Settings,
    status: &VoiceStatus,
    commands: &mut Commands,
) {
    rows.row(ui, "Voice", |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut s.voice.on, true, "Voice and tones");
            ui.radio_value(&mut s.voice.on, false, "Tones only");
        });
        let (words, caution) = status_words(status, s.voice.on);
        if !words.is_empty() {
            let text = if caution {
                RichText::new(words).color(crate::ui::theme::caution_colour(ui))
            } else {
                RichText::new(words).weak()
            };
            ui.add(egui::Label::new(text).wrap());
        }
    });
    if !s.voice.on {
        return;
    }
    if let VoiceStatus::Ready { voices } = status
        && !voices.is_empty()
    {
        rows.row(ui, "Which voice", |ui| which_voice(ui, s, voices));
    }
    rows.row(ui, "Speaking rate", |ui| {
        let mut rate = s.voice.rate;
        let response = ui.add(
            egui::Slider::new(&mut rate, limits::VOICE_RATE)
                .step_by(5.0)
                .custom_formatter(|v, _| rate_words(v as i32)),
        );
        let v = f64::from(rate);
        let response = labelled(response, "Speaking rate", || {
            egui::WidgetInfo::slider(true, v, "Speaking rate")
        });
        if response.changed() {
            s.voice.rate = rate;
        }
    });
    rows.row(ui, "Voice volume", |ui| {
        let mut percent = (s.voice.volume * 100.0).round() as u32;
        let response = ui.add(egui::Slider::new(&mut percent, 0..=100).suffix(" %"));
        let v = f64::from(percent);
        let response = labelled(response, "Voice volume", || {
            egui::WidgetInfo::slider(true, v, "Voice volume")
        });
        if response.changed() {
            s.voice.volume = percent as f32 / 100.0;
        }
        ui.checkbox(
            &mut s.voice.time_left,
            "Say \"Ten seconds left\" near the end of long rolls and holds",
        );
        ui.checkbox(
            &mut s.voice.count_aloud,
            "Count the last three seconds aloud instead of the pips",
        );
        if ui.button("Try the voice").clicked() {
            commands.push(Command::TryVoice);
        }
    });
}

/// A choice of the engine's voices, its default English voice first.
fn which_voice(ui: &mut egui::Ui, s: &mut Settings, voices: &[String]) {
    const DEFAULT: &str = "Default English voice";
    let shown = s.voice.voice.clone().unwrap_or_else(|| DEFAULT.to_owned());
    let combo = egui::ComboBox::from_id_salt("which-voice")
        .selected_text(shown)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut s.voice.voice, None, DEFAULT);
            for name in voices {
                ui.selectable_value(&mut s.voice.voice, Some(name.clone()), name);
            }
        });
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Which voice"));
}

/// "normal", "a little faster", ...
fn rate_words(rate: i32) -> String {
    match rate {
        0 => "normal".to_owned(),
        r if r < -25 => format!("slower ({r})"),
        r if r < 0 => format!("a little slower ({r})"),
        r if r <= 25 => format!("a little faster (+{r})"),
        r => format!("faster (+{r})"),
    }
}

/// What the engine's state means for the person, and whether it needs
/// their attention.
fn status_words(status: &VoiceStatus, on: bool) -> (String, bool) {
    match status {
        _ if !on => (
            "The tones alone say when to start, turn, hold and switch.".to_owned(),
            false,
        ),
        VoiceStatus::Starting => ("Starting the speech engine...".to_owned(), false),
        VoiceStatus::Ready { .. } => (
            "A voice says each exercise, how to set up, when to hold and what comes next, \
             in English."
                .to_owned(),
            false,
        ),
        VoiceStatus::Unavailable(why) | VoiceStatus::Failed(why) => (why.clone(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_in_words() {
        assert_eq!(rate_words(0), "normal");
        assert_eq!(rate_words(-50), "slower (-50)");
        assert_eq!(rate_words(10), "a little faster (+10)");
    }
}
