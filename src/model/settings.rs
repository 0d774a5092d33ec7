//! The user's settings, saved as `settings.ron`.

use serde::{Deserialize, Serialize};

use super::Tool;

/// The version written into new settings files. Older files still load:
/// missing fields take their defaults.
pub const SETTINGS_VERSION: u32 = 1;

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemePreference {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemePreference {
    pub const ALL: [ThemePreference; 3] = [
        ThemePreference::System,
        ThemePreference::Light,
        ThemePreference::Dark,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ThemePreference::System => "Follow the system",
            ThemePreference::Light => "Light",
            ThemePreference::Dark => "Dark",
        }
    }
}

/// Centimetres or inches, for paces and lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Units {
    #[default]
    Centimetres,
    Inches,
}

impl Units {
    /// A length in these units, e.g. "25 cm" or "9.8 in".
    pub fn length(self, cm: f32) -> String {
        match self {
            Units::Centimetres => format!("{cm:.0} cm"),
            Units::Inches => format!("{:.1} in", cm / 2.54),
        }
    }

    /// A pace in these units, e.g. "2.5 cm/s" or "1.0 in/s".
    pub fn pace(self, cm_per_s: f32) -> String {
        match self {
            Units::Centimetres => format!("{cm_per_s:.1} cm/s"),
            Units::Inches => format!("{:.1} in/s", cm_per_s / 2.54),
        }
    }
}

/// Which side a two-sided exercise starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FirstSide {
    #[default]
    Left,
    Right,
}

/// How large the text is: larger sizes read better from the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TextSize {
    Normal,
    #[default]
    Large,
    ExtraLarge,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge];

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Normal => "Normal",
            TextSize::Large => "Large",
            TextSize::ExtraLarge => "Extra large",
        }
    }

    /// The zoom factor applied to the whole interface.
    pub fn zoom(self) -> f32 {
        match self {
            TextSize::Normal => 1.0,
            TextSize::Large => 1.15,
            TextSize::ExtraLarge => 1.35,
        }
    }
}

/// Everything the user chooses, remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Format version of the file.
    pub version: u32,
    /// Whether the safety screen has been read and accepted.
    pub safety_acknowledged: bool,
    pub theme: ThemePreference,
    pub text_size: TextSize,
    /// The tools the user owns; the library can show only what they can do.
    pub tools_owned: Vec<Tool>,
    /// Seconds of "get ready" before a routine's first exercise.
    pub get_ready_seconds: u32,
    /// Rolling pace in cm per second (2.5 cm, about one inch, by default).
    pub pace_cm_per_s: f32,
    /// Cue volume, from 0 (silent) to 1.
    pub volume: f32,
    /// No sound at all.
    pub muted: bool,
    /// Centimetres or inches.
    pub units: Units,
    /// Seconds of a hold, for exercises started on their own and new steps.
    pub hold_seconds: u32,
    /// Seconds of rest after each new step.
    pub rest_seconds: u32,
    /// The side two-sided exercises start with.
    pub first_side: FirstSide,
}

/// Allowed ranges of the settings (the settings screen keeps to them).
pub mod ranges {
    use std::ops::RangeInclusive;
    pub const GET_READY: RangeInclusive<u32> = 0..=30;
    pub const PACE_CM_PER_S: RangeInclusive<f32> = 1.0..=5.0;
    pub const HOLD: RangeInclusive<u32> = 10..=60;
    pub const REST: RangeInclusive<u32> = 0..=60;
}

impl Settings {
    /// The settings with every number brought into its allowed range (a
    /// hand-edited file may hold anything).
    pub fn sanitized(mut self) -> Settings {
        let clamp = |v: u32, r: std::ops::RangeInclusive<u32>| v.clamp(*r.start(), *r.end());
        self.get_ready_seconds = clamp(self.get_ready_seconds, ranges::GET_READY);
        self.hold_seconds = clamp(self.hold_seconds, ranges::HOLD);
        self.rest_seconds = clamp(self.rest_seconds, ranges::REST);
        let pace = ranges::PACE_CM_PER_S;
        self.pace_cm_per_s = if self.pace_cm_per_s.is_finite() {
            self.pace_cm_per_s.clamp(*pace.start(), *pace.end())
        } else {
            crate::model::exercise::DEFAULT_PACE_CM_PER_S
        };
        self.volume = if self.volume.is_finite() {
            self.volume.clamp(0.0, 1.0)
        } else {
            0.8
        };
        self
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            safety_acknowledged: false,
            theme: ThemePreference::System,
            text_size: TextSize::Large,
            tools_owned: Tool::ALL.to_vec(),
            get_ready_seconds: 5,
            pace_cm_per_s: crate::model::exercise::DEFAULT_PACE_CM_PER_S,
            volume: 0.8,
            muted: false,
            units: Units::Centimetres,
            hold_seconds: 20,
            rest_seconds: 10,
            first_side: FirstSide::Left,
        }
    }
}
