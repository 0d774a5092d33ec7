//! The fields of one step in the editor: numbers, and timings that may be
//! left to a default, each sized to wrap whole.

use eframe::egui::{self, RichText};

use crate::model::{MoreOn, Settings, Side, Step, StepSides};

/// A whole-number field with an accessible name; returns whether it changed.
fn number_field(ui: &mut egui::Ui, index: usize, label: &str, value: &mut u32, unit: &str) -> bool {
    let width = pair_width(ui, label, &format!("{value}{unit}"));
    together(ui, width, |ui| {
        number_field_inline(ui, index, label, value, unit)
    })
}

fn number_field_inline(
    ui: &mut egui::Ui,
    index: usize,
    label: &str,
    value: &mut u32,
    unit: &str,
) -> bool {
    ui.label(label);
    let response = ui.add(
        egui::DragValue::new(&mut *value)
            .speed(1)
            .update_while_editing(false)
            .suffix(unit),
    );
    let name = format!("{label} (exercise {})", index + 1);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::drag_value(true, f64::from(*value));
        info.label = Some(name.clone());
        info
    });
    response.changed()
}

/// A timing a step may leave to a default (the settings', or for the
/// stroke the card's): how it is shown and named.
struct Timing<'a> {
    /// The step's index.
    index: usize,
    /// The label before the field.
    label: &'a str,
    /// Its accessible name, before "(exercise N)".
    name: &'a str,
    /// The unit after the number, e.g. " s" or " in/s".
    unit: &'a str,
    /// Shown units per stored unit (inches per centimetre, say).
    factor: f64,
    /// Decimals shown.
    decimals: usize,
    /// What the default is, for the hover text: "your setting", say.
    whose: &'a str,
}

/// What a timing's field was asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TimingEdit {
    /// A value of the step's own, in stored units.
    Own(f64),
    /// Back to the default.
    Default,
}

impl Timing<'_> {
    fn text(&self, shown: f64, is_default: bool) -> String {
        let number = format!("{shown:.*}{}", self.decimals, self.unit);
        if is_default {
            format!("default ({number})")
        } else {
            number
        }
    }

    /// The width of the field and its label (and its "Use default").
    fn width(&self, ui: &egui::Ui, value: Option<f64>, default: f64) -> f32 {
        let shown = value.unwrap_or(default) * self.factor;
        let mut width = pair_width(ui, self.label, &self.text(shown, value.is_none()));
        if value.is_some() {
            width += ui.spacing().item_spacing.x + button_width(ui, USE_DEFAULT);
        }
        width
    }

    /// Draws the label, the field showing `value` (or "default (...)"
    /// when it is `None`) and, for a value of the step's own, a button
    /// that puts the default back.
    fn show(&self, ui: &mut egui::Ui, value: Option<f64>, default: f64) -> Option<TimingEdit> {
        let is_default = value.is_none();
        let mut shown = value.unwrap_or(default) * self.factor;
        let text = self.text(shown, is_default);
        ui.label(self.label);
        let step = 10f64.powi(-(self.decimals as i32));
        let field = egui::DragValue::new(&mut shown)
            .speed(step)
            .fixed_decimals(self.decimals)
            .custom_formatter(|_, _| text.clone())
            .custom_parser(first_number)
            .update_while_editing(false);
        let response = ui.add(field);
        let name = format!("{} (exercise {})", self.name, self.index + 1);
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::drag_value(true, shown);
            info.label = Some(name.clone());
            info.current_text_value = Some(text.clone());
            info
        });
        let mut edit = None;
        if response.changed() {
            edit = Some(TimingEdit::Own(shown / self.factor));
        }
        if is_default {
            response.on_hover_text(format!(
                "Follows {}; change it to set this step's own",
                self.whose
            ));
        } else {
            // A link rather than a box, so that it does not read as a field.
            let link = egui::Button::new(RichText::new(USE_DEFAULT).underline()).frame(false);
            let back = ui.add(link).on_hover_text(format!(
                "Follow {} again ({})",
                self.whose,
                self.text(default * self.factor, false).trim()
            ));
            let label = format!("{USE_DEFAULT}: {name}");
            back.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if back.clicked() {
                edit = Some(TimingEdit::Default);
            }
        }
        edit
    }

    /// As `show`, for a value kept as `T`: whole seconds (`u32`, rounded)
    /// or centimetres (`f32`). Whether it changed.
    fn edit<T: Copy + Into<f64>>(
        &self,
        ui: &mut egui::Ui,
        value: &mut Option<T>,
        default: T,
        from: impl Fn(f64) -> T,
    ) -> bool {
        match self.show(ui, value.map(Into::into), default.into()) {
            Some(TimingEdit::Own(v)) => *value = Some(from(v)),
            Some(TimingEdit::Default) => *value = None,
            None => return false,
        }
        true
    }

    fn seconds(&self, ui: &mut egui::Ui, value: &mut Option<u32>, default: u32) -> bool {
        self.edit(ui, value, default, |v| {
            v.round().clamp(0.0, f64::from(u32::MAX)) as u32
        })
    }

    fn centimetres(&self, ui: &mut egui::Ui, value: &mut Option<f32>, default: f32) -> bool {
        self.edit(ui, value, default, |v| v as f32)
    }

    /// `seconds` on a line of its own width, so that a wrapping row moves
    /// it whole.
    fn seconds_together(&self, ui: &mut egui::Ui, value: &mut Option<u32>, default: u32) -> bool {
        let width = self.width(ui, value.map(f64::from), f64::from(default));
        together(ui, width, |ui| self.seconds(ui, value, default))
    }

    /// `centimetres` on a line of its own width.
    fn centimetres_together(
        &self,
        ui: &mut egui::Ui,
        value: &mut Option<f32>,
        default: f32,
    ) -> bool {
        let width = self.width(ui, value.map(f64::from), f64::from(default));
        together(ui, width, |ui| self.centimetres(ui, value, default))
    }
}

/// The button that gives a timing back to its default.
const USE_DEFAULT: &str = "Use default";

/// The first number in `text` ("default (30 s)" is 30), for a field typed in.
fn first_number(text: &str) -> Option<f64> {
    let text = text.replace(',', ".");
    let start = text.find(|c: char| c.is_ascii_digit() || c == '.')?;
    let number: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    number.parse().ok()
}

/// The defaults a step's fields show: the settings', and the card's stroke.
pub(super) struct Defaults<'a> {
    pub(super) settings: &'a Settings,
    pub(super) stroke_cm: f32,
}

/// The fields of one step; returns whether any changed.
pub(super) fn step_fields(
    ui: &mut egui::Ui,
    index: usize,
    step: &mut Step,
    defaults: &Defaults<'_>,
) -> bool {
    let settings = defaults.settings;
    let mut changed = false;
    let sides = [
        (StepSides::Together, "Both at once"),
        (StepSides::LeftThenRight, "Left, then right"),
        (StepSides::RightThenLeft, "Right, then left"),
    ];
    let current = sides
        .iter()
        .find(|(s, _)| *s == step.sides)
        .map_or("", |(_, l)| *l);
    let combo = egui::ComboBox::from_id_salt(("sides", index))
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (value, label) in sides {
                changed |= ui.selectable_value(&mut step.sides, value, label).changed();
            }
        });
    let name = format!("Sides (exercise {})", index + 1);
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    changed |= number_field(ui, index, "Roll", &mut step.roll_seconds, " s");
    changed |= longer_side(ui, index, step);
    let seconds = |label, name| Timing {
        index,
        label,
        name,
        unit: " s",
        factor: 1.0,
        decimals: 0,
        whose: "your setting",
    };
    // "Holds 2 of default (30 s)" stays on one line.
    let hold = seconds("of", "Hold length");
    let holds = pair_width(ui, "Holds", &step.holds.to_string())
        + ui.spacing().item_spacing.x
        + hold.width(
            ui,
            step.hold_seconds.map(f64::from),
            f64::from(settings.hold_seconds),
        );
    changed |= together(ui, holds, |ui| {
        number_field_inline(ui, index, "Holds", &mut step.holds, "")
            | hold.seconds(ui, &mut step.hold_seconds, settings.hold_seconds)
    });
    // Two short rows rather than a wrap that splits a label from its value.
    ui.end_row();
    changed |= seconds("Rest after", "Rest after").seconds_together(
        ui,
        &mut step.rest_seconds,
        settings.rest_seconds,
    );
    let units = settings.units;
    let length = |label, unit, whose| Timing {
        index,
        label,
        name: label,
        unit,
        factor: f64::from(units.per_cm()),
        decimals: 1,
        whose,
    };
    let (pace_unit, stroke_unit) = (
        format!(" {}/s", units.short()),
        format!(" {}", units.short()),
    );
    changed |= length("Pace", &pace_unit, "your setting").centimetres_together(
        ui,
        &mut step.pace_cm_per_s,
        settings.pace_cm_per_s,
    );
    changed |= length("Stroke", &stroke_unit, "the exercise card").centimetres_together(
        ui,
        &mut step.stroke_cm,
        defaults.stroke_cm,
    );
    changed
}

/// Which side of a step worked one side at a time rolls longer, and by
/// how much: a plan gives the sorer side more. Returns whether it changed.
fn longer_side(ui: &mut egui::Ui, index: usize, step: &mut Step) -> bool {
    if step.sides == StepSides::Together {
        return false;
    }
    let mut changed = false;
    let choices = [
        (None, "Same on both sides"),
        (Some(Side::Left), "Left side longer"),
        (Some(Side::Right), "Right side longer"),
    ];
    let mut side = step.more_on.map(|m| m.side);
    let current = choices
        .iter()
        .find(|(s, _)| *s == side)
        .map_or("", |(_, l)| *l);
    let combo = egui::ComboBox::from_id_salt(("longer side", index))
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (value, label) in choices {
                changed |= ui.selectable_value(&mut side, value, label).changed();
            }
        });
    let name = format!("Longer side (exercise {})", index + 1);
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    if changed {
        let seconds = step.more_on.map_or(15, |m| m.roll_seconds);
        step.more_on = side.map(|side| MoreOn {
            side,
            roll_seconds: seconds,
        });
    }
    if let Some(more) = &mut step.more_on {
        changed |= number_field(ui, index, "By", &mut more.roll_seconds, " s");
    }
    changed
}

/// The width of `text` on one line.
pub(super) fn text_width(ui: &egui::Ui, text: impl Into<egui::WidgetText>) -> f32 {
    text.into()
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
}

/// The width of a button showing `text`.
pub(super) fn button_width(ui: &egui::Ui, text: &str) -> f32 {
    text_width(ui, text) + 2.0 * ui.spacing().button_padding.x
}

/// The width of a label and the number field showing `value` after it.
fn pair_width(ui: &egui::Ui, label: &str, value: &str) -> f32 {
    let field = button_width(ui, value).max(ui.spacing().interact_size.x);
    text_width(ui, label) + ui.spacing().item_spacing.x + field
}

/// Draws what `add` draws on one line `width` wide, so that a wrapping row
/// moves it to the next line whole rather than part of it.
fn together<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(width.ceil(), height),
        egui::Layout::left_to_right(egui::Align::Center),
        add,
    )
    .inner
}
