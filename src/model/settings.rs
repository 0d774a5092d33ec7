//! The user's settings, saved as `settings.ron`.

use serde::{Deserialize, Serialize};

use super::Tool;
use super::exercise::DEFAULT_PACE_CM_PER_S;
use super::limits::{clamp, settings as limits};

/// The version written into new settings files. Older files still load:
/// missing fields take their defaults.
pub const SETTINGS_VERSION: u32 = 2;

/// The cue volume of a new install (and of a file whose volume is not a number).
const DEFAULT_VOLUME: f32 = 0.8;

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

    /// How many of these units make a centimetre.
    pub fn per_cm(self) -> f32 {
        match self {
            Units::Centimetres => 1.0,
            Units::Inches => 1.0 / CM_PER_INCH,
        }
    }

    /// The unit's short name: "cm" or "in".
    pub fn short(self) -> &'static str {
        match self {
            Units::Centimetres => "cm",
            Units::Inches => "in",
        }
    }

    /// A range of centimetres in these units, e.g. "1 to 5 cm" or, in
    /// inches, "0.4 to 1.9 in": rounded inwards to a tenth, so that the
    /// numbers said are allowed.
    pub fn range(self, cm: &std::ops::RangeInclusive<f32>) -> String {
        match self {
            Units::Centimetres => super::limits::describe_range(cm, "cm"),
            Units::Inches => {
                let low = (cm.start() / CM_PER_INCH * 10.0).ceil() / 10.0;
                let high = (cm.end() / CM_PER_INCH * 10.0).floor() / 10.0;
                format!("{low:.1} to {high:.1} in")
            }
        }
    }
}

/// Centimetres in an inch.
const CM_PER_INCH: f32 = 2.54;

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

/// How the voice coaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VoiceSettings {
    /// Spoken prompts (where a speech engine is present); off is "tones
    /// only".
    pub on: bool,
    /// The engine's voice to use, by name; `None` is its default English
    /// voice.
    pub voice: Option<String>,
    /// Speaking rate, in [`limits::VOICE_RATE`]: 0 is the engine's normal.
    pub rate: i32,
    /// Voice volume, 0 to 1 of the engine's range.
    pub volume: f32,
    /// Say "Ten seconds left" near the end of long rolls and holds.
    pub time_left: bool,
    /// Count the last three seconds aloud instead of the pips.
    pub count_aloud: bool,
}

impl Default for VoiceSettings {
    fn default() -> Self {
        VoiceSettings {
            on: true,
            voice: None,
            rate: 0,
            volume: 0.8,
            time_left: false,
            count_aloud: false,
        }
    }
}

impl VoiceSettings {
    /// The same, with numbers in range.
    pub fn sanitized(mut self) -> VoiceSettings {
        self.rate = clamp(self.rate, &limits::VOICE_RATE);
        self.volume = if self.volume.is_finite() {
            clamp(self.volume, &limits::VOICE_VOLUME)
        } else {
            VoiceSettings::default().volume
        };
        self.voice = self.voice.filter(|v| !v.trim().is_empty());
        self
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
    /// Seconds of "get ready" before a routine's first exercise: time to
    /// get down onto the floor and the roller.
    pub first_get_ready_seconds: u32,
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
    /// The "no sound device" notice was dismissed: it is not shown again at
    /// start-up until a device was found in between (and is gone again).
    pub no_sound_notice_dismissed: bool,
    /// The spoken coaching.
    pub voice: VoiceSettings,
    /// Less motion on screen: the pacing marker moves a few times a second
    /// and the figure stays still.
    pub reduce_motion: bool,
    /// Ask how sore the areas feel before and after each routine.
    pub check_in: bool,
}

impl Settings {
    /// Settings read from a version 1 file, whose get-ready was
    /// `get_ready_seconds`: a length its owner chose is kept; the old
    /// default of 5 s becomes the new, longer default.
    pub fn from_version_1(mut self, get_ready_seconds: Option<u32>) -> Settings {
        const VERSION_1_DEFAULT: u32 = 5;
        if let Some(chosen) = get_ready_seconds.filter(|s| *s != VERSION_1_DEFAULT) {
            self.first_get_ready_seconds = chosen;
        }
        self.version = SETTINGS_VERSION;
        self
    }

    /// The settings with every number brought into its allowed range (a
    /// hand-edited file may hold anything).
    pub fn sanitized(mut self) -> Settings {
        self.first_get_ready_seconds = clamp(
            self.first_get_ready_seconds,
            &limits::FIRST_GET_READY_SECONDS,
        );
        self.hold_seconds = clamp(self.hold_seconds, &limits::HOLD_SECONDS);
        self.rest_seconds = clamp(self.rest_seconds, &limits::REST_SECONDS);
        self.pace_cm_per_s = if self.pace_cm_per_s.is_finite() {
            clamp(self.pace_cm_per_s, &limits::PACE_CM_PER_S)
        } else {
            DEFAULT_PACE_CM_PER_S
        };
        self.volume = if self.volume.is_finite() {
            clamp(self.volume, &limits::VOLUME)
        } else {
            DEFAULT_VOLUME
        };
        self.voice = self.voice.sanitized();
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
            first_get_ready_seconds: 15,
            pace_cm_per_s: DEFAULT_PACE_CM_PER_S,
            volume: DEFAULT_VOLUME,
            muted: false,
            units: Units::Centimetres,
            hold_seconds: 20,
            rest_seconds: 10,
            first_side: FirstSide::Left,
            no_sound_notice_dismissed: false,
            voice: VoiceSettings::default(),
            reduce_motion: false,
            check_in: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_in_inches_say_only_allowed_numbers() {
        let pace = &crate::model::limits::step::PACE_CM_PER_S;
        assert_eq!(Units::Centimetres.range(pace), "1 to 5 cm");
        assert_eq!(Units::Inches.range(pace), "0.4 to 1.9 in");
        assert_eq!(
            Units::Inches.range(&crate::model::limits::step::STROKE_CM),
            "2.0 to 23.6 in"
        );
    }

    #[test]
    fn a_version_1_file_keeps_a_get_ready_its_owner_chose() {
        let chosen = Settings::from_version_1(Settings::default(), Some(25));
        assert_eq!(chosen.first_get_ready_seconds, 25);
        // Version 1's default of 5 s was too short to get onto the floor.
        let default = Settings::from_version_1(Settings::default(), Some(5));
        assert_eq!(default.first_get_ready_seconds, 15);
        let none = Settings::from_version_1(Settings::default(), None);
        assert_eq!(none.first_get_ready_seconds, 15);
        assert_eq!(none.version, SETTINGS_VERSION);
    }

    #[test]
    fn sanitized_brings_every_number_into_the_table() {
        let wild = Settings {
            first_get_ready_seconds: 1_000,
            hold_seconds: 1,
            rest_seconds: 999,
            pace_cm_per_s: f32::NAN,
            volume: 7.0,
            ..Settings::default()
        }
        .sanitized();
        assert_eq!(
            wild.first_get_ready_seconds,
            *limits::FIRST_GET_READY_SECONDS.end()
        );
        assert_eq!(wild.hold_seconds, *limits::HOLD_SECONDS.start());
        assert_eq!(wild.rest_seconds, *limits::REST_SECONDS.end());
        assert_eq!(wild.pace_cm_per_s, DEFAULT_PACE_CM_PER_S);
        assert_eq!(wild.volume, 1.0);
        // Values the old, narrower table refused are kept now.
        let kept = Settings {
            hold_seconds: 90,
            rest_seconds: 100,
            ..Settings::default()
        };
        assert_eq!(kept.clone().sanitized(), kept);
        assert_eq!(Settings::default().sanitized(), Settings::default());
    }
}
