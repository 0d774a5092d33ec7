//! The settings screen: units, default timings, sound, look, and the tools
//! you own. Every change applies and is saved at once; each number stays in
//! its allowed range.

use eframe::egui::{self, RichText};

mod voice;

use super::{Command, Commands};
use crate::model::limits::settings as limits;
use crate::model::{FirstSide, Settings, TextSize, ThemePreference, Tool, Units};
use crate::voice::VoiceStatus;

/// What the settings screen shows of the machine: no sound device, and the
/// speech engine's state.
pub struct Machine<'a> {
    pub no_sound: bool,
    pub voice: &'a VoiceStatus,
}

/// Draws the settings; a changed copy is sent as a command. `not_saved`:
/// why the settings in use are not in their file, after a failed write.
pub fn show(
    ui: &mut egui::Ui,
    settings: &Settings,
    not_saved: Option<&str>,
    machine: Machine<'_>,
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
            crate::ui::page::show(ui, "settings", |ui| {
                let rows = Rows::new(ui);
                rows_ui(ui, &rows, &mut s, &machine, commands);
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

/// The names of the settings, in the column on the left.
const LABELS: [&str; 12] = [
    "Units",
    "Rolling pace",
    "Hold a tender spot for",
    "Rest between exercises",
    "Get ready before starting",
    "Start with the",
    "Check-in",
    "Sound",
    "Theme",
    "Text size",
    "Motion",
    "Tools you own",
];

/// How the settings are laid out: each name in a column on the left and
/// its controls beside it, or the name above its controls in a narrow
/// window. Every line wraps in the width left to it.
struct Rows {
    label_width: f32,
    stacked: bool,
}

impl Rows {
    /// Between the names and the controls.
    const GAP: f32 = 24.0;
    /// Under each setting.
    const AFTER: f32 = 14.0;
    /// The controls need about this much room beside the names.
    const CONTROLS: f32 = 300.0;

    fn new(ui: &egui::Ui) -> Rows {
        let label_width = LABELS
            .iter()
            .chain(&voice::LABELS)
            .map(|l| {
                egui::WidgetText::from(*l)
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    )
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
            .ceil();
        let stacked = ui.available_width() < label_width + Rows::GAP + Rows::CONTROLS;
        Rows {
            label_width,
            stacked,
        }
    }

    /// One setting: `label`, and the controls `add` draws.
    fn row(&self, ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui)) {
        if self.stacked {
            ui.label(RichText::new(label).strong());
            add(ui);
        } else {
            ui.horizontal_top(|ui| {
                // The name in line with the middle of the first control.
                let text_h = ui.text_style_height(&egui::TextStyle::Body);
                let pad = ((ui.spacing().interact_size.y - text_h) / 2.0).max(0.0);
                ui.allocate_ui_with_layout(
                    egui::vec2(self.label_width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_min_width(self.label_width);
                        ui.add_space(pad);
                        ui.label(label);
                    },
                );
                ui.add_space(Rows::GAP - ui.spacing().item_spacing.x);
                ui.vertical(add);
            });
        }
        ui.add_space(Rows::AFTER);
    }
}

fn number(
    ui: &mut egui::Ui,
    rows: &Rows,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
    hint: Option<&str>,
) {
    rows.row(ui, label, |ui| {
        // Up and Down step a whole second (an integer's DragValue steps a
        // quarter otherwise, rounded away); typing is taken on Enter or on
        // leaving the field, not reformatted under the cursor.
        let response = ui.add(
            egui::DragValue::new(value)
                .range(range)
                .speed(1)
                .update_while_editing(false)
                .suffix(unit),
        );
        let v = f64::from(*value);
        let name = format!("{label} (seconds)");
        labelled(response, &name, || egui::WidgetInfo::drag_value(true, v));
        if let Some(hint) = hint {
            ui.add(egui::Label::new(RichText::new(hint).weak()).wrap());
        }
    });
}

fn rows_ui(
    ui: &mut egui::Ui,
    rows: &Rows,
    s: &mut Settings,
    machine: &Machine<'_>,
    commands: &mut Commands,
) {
    units_and_pace(ui, rows, s);
    timings(ui, rows, s);
    sound(ui, rows, s, machine.no_sound);
    voice::rows_ui(ui, rows, s, machine.voice, commands);
    look(ui, rows, s);
    tools(ui, rows, s);
}

/// Units, and the rolling pace shown in them.
fn units_and_pace(ui: &mut egui::Ui, rows: &Rows, s: &mut Settings) {
    rows.row(ui, "Units", |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut s.units, Units::Centimetres, "Centimetres");
            ui.radio_value(&mut s.units, Units::Inches, "Inches");
        });
    });

    rows.row(ui, "Rolling pace", |ui| {
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
                .speed(0.1)
                .fixed_decimals(1)
                .update_while_editing(false)
                .suffix(unit),
        );
        let v = f64::from(shown);
        let response = labelled(response, "Rolling pace (per second)", || {
            egui::WidgetInfo::drag_value(true, v)
        });
        if response.changed() {
            s.pace_cm_per_s = shown / factor;
        }
        ui.add(
            egui::Label::new(
                RichText::new("About 2.5 cm (1 inch) a second is right for most muscles.").weak(),
            )
            .wrap(),
        );
    });
}

/// Who follows the pace, hold and rest set here.
const FOLLOWED_BY: &str = "The built-in routines use the pace, hold and rest set here, and so \
                           do the steps of your routines left at \"default\".";

/// Why a routine may run longer than its numbers with the voice on.
const ROOM_TO_SPEAK: &str = "With the voice on, a get-ready or rest too short for its set-up \
                             words grows to fit them, and the routine's total says so.";

/// The default hold and rest, the get-ready, and the first side.
fn timings(ui: &mut egui::Ui, rows: &Rows, s: &mut Settings) {
    number(
        ui,
        rows,
        "Hold a tender spot for",
        &mut s.hold_seconds,
        limits::HOLD_SECONDS,
        " s",
        None,
    );
    number(
        ui,
        rows,
        "Rest between exercises",
        &mut s.rest_seconds,
        limits::REST_SECONDS,
        " s",
        Some(FOLLOWED_BY),
    );
    let room = s.voice.on.then_some(ROOM_TO_SPEAK);
    number(
        ui,
        rows,
        "Get ready before starting",
        &mut s.first_get_ready_seconds,
        limits::FIRST_GET_READY_SECONDS,
        " s",
        room,
    );

    rows.row(ui, "Start with the", |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut s.first_side, FirstSide::Left, "Left side");
            ui.radio_value(&mut s.first_side, FirstSide::Right, "Right side");
        });
    });
    rows.row(ui, "Check-in", |ui| {
        ui.checkbox(
            &mut s.check_in,
            "Ask how sore each area feels before and after a routine",
        );
        ui.add(
            egui::Label::new(
                RichText::new("Your ratings go into your history, on this computer (Progress).")
                    .weak(),
            )
            .wrap(),
        );
    });
}

/// Volume and mute.
fn sound(ui: &mut egui::Ui, rows: &Rows, s: &mut Settings, no_sound: bool) {
    rows.row(ui, "Sound", |ui| {
        ui.horizontal_wrapped(|ui| {
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
        if no_sound {
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "No sound device could be used, so routines run silently. Plug in \
                         speakers or headphones, check they are not muted, and restart \
                         Rollcoach to hear the cues.",
                    )
                    .color(crate::ui::theme::caution_colour(ui)),
                )
                .wrap(),
            );
        }
    });
}

/// Theme and text size.
fn look(ui: &mut egui::Ui, rows: &Rows, s: &mut Settings) {
    rows.row(ui, "Theme", |ui| {
        ui.horizontal_wrapped(|ui| {
            for theme in ThemePreference::ALL {
                ui.radio_value(&mut s.theme, theme, theme.label());
            }
        });
    });

    rows.row(ui, "Text size", |ui| {
        ui.horizontal_wrapped(|ui| {
            for size in TextSize::ALL {
                ui.radio_value(&mut s.text_size, size, size.label());
            }
        });
    });

    rows.row(ui, "Motion", |ui| {
        ui.checkbox(&mut s.reduce_motion, "Reduce motion");
        ui.add(
            egui::Label::new(
                RichText::new(
                    "The pacing marker moves in small steps and the figure stays still. \
                     Rollcoach does this anyway where the computer has no graphics card \
                     to draw with.",
                )
                .weak(),
            )
            .wrap(),
        );
    });
}

/// The tools the user owns.
fn tools(ui: &mut egui::Ui, rows: &Rows, s: &mut Settings) {
    rows.row(ui, "Tools you own", |ui| {
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
        ui.add(
            egui::Label::new(
                RichText::new(
                    "Cards and routines offer something you own in place of a tool you lack.",
                )
                .weak(),
            )
            .wrap(),
        );
    });
}
