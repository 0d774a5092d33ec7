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
        }
    }
}
