//! The settings screen: units, default timings, sound, look, and the tools
//! you own. Every change applies and is saved at once; each number stays in
//! its allowed range.

use eframe::egui::{self, RichText};

use super::{Command, Commands};
use crate::model::limits::settings as limits;
use crate::model::{FirstSide, Settings, TextSize, ThemePreference, Tool, Units};

/// Draws the settings; a changed copy is sent as a command. `not_saved`:
/// why the settings in use are not in their file, after a failed write.
pub fn show(
    ui: &mut egui::Ui,
    settings: &Settings,
    not_saved: Option<&str>,
    commands: &mut Commands,
) {
    let mut s = settings.clone();
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            ui.heading("Settings");
            match not_saved {
                None => {
                    ui.label(RichText::new("Changes are saved as you make them.").weak());
                }
                Some(why) => not_saved_ui(ui, why, commands),
            }
            ui.add_space(8.0);
            crate::ui::page::scroll(ui, "settings").show(ui, |ui| {
                egui::Grid::new("settings_grid")
                    .num_columns(2)
                    .spacing([24.0, 14.0])
                    .show(ui, |ui| rows(ui, &mut s));
            });
        });
    if &s != settings {
        commands.push(Command::SetSettings(Box::new(s)));
    }
}

/// The settings in use are not in their file: why, and a way to try again.
fn not_saved_ui(ui: &mut egui::Ui, why: &str, commands: &mut Commands) {
    let text = format!("Not saved: {why}");
    ui.add(egui::Label::new(RichText::new(text).color(super::theme::caution_colour(ui))).wrap());
    let again = super::action::Action::SaveSettingsAgain;
    if super::action::action_button(ui, again, true).clicked() {
        commands.push(again.into());
    }
}

fn labelled(
    response: egui::Response,
    label: &str,
    info: impl Fn() -> egui::WidgetInfo,
) -> egui::Response {
    response.widget_info(|| {
        let mut i = info();
        i.label = Some(label.to_owned());
        i
    });
    response
}

fn number(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
) {
    ui.label(label);
    let response = ui.add(egui::DragValue::new(value).range(range).suffix(unit));
    let v = f64::from(*value);
    let name = format!("{label} (seconds)");
    labelled(response, &name, || egui::WidgetInfo::drag_value(true, v));
    ui.end_row();
}

fn rows(ui: &mut egui::Ui, s: &mut Settings) {
    units_and_pace(ui, s);
    timings(ui, s);
    sound(ui, s);
    look(ui, s);
    tools(ui, s);
}

/// Units, and the rolling pace shown in them.
fn units_and_pace(ui: &mut egui::Ui, s: &mut Settings) {
    ui.label("Units");
    ui.horizontal(|ui| {
        ui.radio_value(&mut s.units, Units::Centimetres, "Centimetres");
        ui.radio_value(&mut s.units, Units::Inches, "Inches");
    });
    ui.end_row();

    ui.label("Rolling pace");
    ui.horizontal(|ui| {
        // Shown in the chosen unit, kept in cm/s.
        let factor = if s.units == Units::Inches {
            1.0 / 2.54
        } else {
            1.0
        };
        let mut shown = s.pace_cm_per_s * factor;
        let (lo, hi) = (
            *limits::PACE_CM_PER_S.start() * factor,
            *limits::PACE_CM_PER_S.end() * factor,
        );
        let unit = if s.units == Units::Inches {
            " in/s"
        } else {
            " cm/s"
        };
        let response = ui.add(
            egui::DragValue::new(&mut shown)
                .range(lo..=hi)
                .speed(0.05)
                .fixed_decimals(1)
                .suffix(unit),
        );
        let v = f64::from(shown);
        let response = labelled(response, "Rolling pace (per second)", || {
            egui::WidgetInfo::drag_value(true, v)
        });
        if response.changed() {
            s.pace_cm_per_s = shown / factor;
        }
        ui.label(RichText::new("About 2.5 cm (1 inch) a second is right for most muscles.").weak());
    });
    ui.end_row();
}

/// The default hold and rest, the get-ready, and the first side.
fn timings(ui: &mut egui::Ui, s: &mut Settings) {
    number(
        ui,
        "Hold a tender spot for",
        &mut s.hold_seconds,
        limits::HOLD_SECONDS,
        " s",
    );
    number(
        ui,
        "Rest between exercises",
        &mut s.rest_seconds,
        limits::REST_SECONDS,
        " s",
    );
    number(
        ui,
        "Get ready before starting",
        &mut s.first_get_ready_seconds,
        limits::FIRST_GET_READY_SECONDS,
        " s",
    );

    ui.label("Start with the");
    ui.horizontal(|ui| {
        ui.radio_value(&mut s.first_side, FirstSide::Left, "Left side");
        ui.radio_value(&mut s.first_side, FirstSide::Right, "Right side");
    });
    ui.end_row();
}

/// Volume and mute.
fn sound(ui: &mut egui::Ui, s: &mut Settings) {
    ui.label("Sound");
    ui.horizontal(|ui| {
        let mut percent = (s.volume * 100.0).round() as u32;
        let response = ui.add_enabled(
            !s.muted,
            egui::Slider::new(&mut percent, 0..=100).suffix(" %"),
        );
        let v = f64::from(percent);
        let response = labelled(response, "Volume", || {
            egui::WidgetInfo::slider(true, v, "Volume")
        });
        if response.changed() {
            s.volume = percent as f32 / 100.0;
        }
        ui.checkbox(&mut s.muted, "Mute");
    });
    ui.end_row();
}

/// Theme and text size.
fn look(ui: &mut egui::Ui, s: &mut Settings) {
    ui.label("Theme");
    ui.horizontal(|ui| {
        for theme in ThemePreference::ALL {
            ui.radio_value(&mut s.theme, theme, theme.label());
        }
    });
    ui.end_row();

    ui.label("Text size");
    ui.horizontal(|ui| {
        for size in TextSize::ALL {
            ui.radio_value(&mut s.text_size, size, size.label());
        }
    });
    ui.end_row();
}

/// The tools the user owns.
fn tools(ui: &mut egui::Ui, s: &mut Settings) {
    ui.label("Tools you own");
    ui.vertical(|ui| {
        for tool in Tool::ALL {
            let mut owned = s.tools_owned.contains(&tool);
            if ui.checkbox(&mut owned, tool.label()).changed() {
                s.tools_owned.retain(|t| *t != tool);
                if owned {
                    s.tools_owned.push(tool);
                    s.tools_owned.sort();
                }
            }
        }
        ui.label(
            RichText::new(
                "Cards and routines offer something you own in place of a tool you lack.",
            )
            .weak(),
        );
    });
    ui.end_row();
}
