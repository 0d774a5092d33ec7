//! The allowed values of every number and name a person or a file can set:
//! one table per concept, read by the checks of the catalog, of routines and
//! of settings, by the screens that edit them, and by the messages that say
//! what is allowed.
//!
//! A step, an exercise card's timings and the settings that fill new steps
//! share the step table, so a value one of them allows is allowed by all.

use std::fmt::Display;
use std::ops::RangeInclusive;

/// The timings of one step of a routine (and of an exercise card's defaults).
pub mod step {
    use std::ops::RangeInclusive;

    /// Seconds of slow rolling per side.
    pub const ROLL_SECONDS: RangeInclusive<u32> = 15..=180;
    /// Tender spots to hold per side.
    pub const HOLDS: RangeInclusive<u32> = 0..=5;
    /// Seconds each hold lasts (checked only when there are holds).
    pub const HOLD_SECONDS: RangeInclusive<u32> = 5..=120;
    /// Seconds of rest after the step.
    pub const REST_SECONDS: RangeInclusive<u32> = 0..=120;
    /// Rolling pace, in centimetres a second.
    pub const PACE_CM_PER_S: RangeInclusive<f32> = 1.0..=5.0;
    /// Length of one stroke along the muscle, in centimetres.
    pub const STROKE_CM: RangeInclusive<f32> = 5.0..=60.0;
}

/// An exercise card's words.
pub mod card {
    /// The longest label of an end of the pacing track, in characters: it
    /// sits under one end of the track, beside the other end's.
    pub const TRACK_LABEL_CHARS: usize = 24;
    /// The most words in each line the voice says of a card (its set-up and
    /// its rolling line), counted between spaces: said to someone lying
    /// on the floor, a line has to be short.
    pub const SPOKEN_WORDS: usize = 20;
}

/// A routine as a whole.
pub mod routine {
    /// The longest name, in characters (not bytes).
    pub const NAME_CHARS: usize = 80;
}

/// The user's settings.
pub mod settings {
    use std::ops::RangeInclusive;

    /// Seconds of "get ready" before a routine's first exercise: time to
    /// get down onto the floor and the roller.
    pub const FIRST_GET_READY_SECONDS: RangeInclusive<u32> = 0..=60;
    /// Rolling pace, in centimetres a second: as a step's.
    pub const PACE_CM_PER_S: RangeInclusive<f32> = super::step::PACE_CM_PER_S;
    /// Seconds of a hold in new steps: as a step's.
    pub const HOLD_SECONDS: RangeInclusive<u32> = super::step::HOLD_SECONDS;
    /// Seconds of rest in new steps: as a step's.
    pub const REST_SECONDS: RangeInclusive<u32> = super::step::REST_SECONDS;
    /// Cue volume, from silent to full.
    pub const VOLUME: RangeInclusive<f32> = 0.0..=1.0;
    /// The voice's speaking rate: slower below 0, faster above.
    pub const VOICE_RATE: RangeInclusive<i32> = -50..=50;
    /// The voice's volume, from silent to the engine's loudest.
    pub const VOICE_VOLUME: RangeInclusive<f32> = 0.0..=1.0;
}

/// A range in words, e.g. "15 to 180 seconds", "1 to 5 cm" or, without a
/// unit, "0 to 5".
pub fn describe_range<T: Display>(range: &RangeInclusive<T>, unit: &str) -> String {
    let words = format!("{} to {}", range.start(), range.end());
    if unit.is_empty() {
        words
    } else {
        format!("{words} {unit}")
    }
}

/// `value` brought into `range`.
pub fn clamp<T: PartialOrd + Copy>(value: T, range: &RangeInclusive<T>) -> T {
    if value < *range.start() {
        *range.start()
    } else if value > *range.end() {
        *range.end()
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_plain_words() {
        assert_eq!(
            describe_range(&step::ROLL_SECONDS, "seconds"),
            "15 to 180 seconds"
        );
        assert_eq!(describe_range(&step::PACE_CM_PER_S, "cm"), "1 to 5 cm");
        assert_eq!(describe_range(&step::HOLDS, ""), "0 to 5");
        assert_eq!(describe_range(&(0.5f32..=2.5), "cm"), "0.5 to 2.5 cm");
    }

    #[test]
    fn clamp_keeps_values_inside() {
        assert_eq!(clamp(999, &settings::HOLD_SECONDS), 120);
        assert_eq!(clamp(1, &settings::HOLD_SECONDS), 5);
        assert_eq!(clamp(30, &settings::HOLD_SECONDS), 30);
        assert_eq!(clamp(-3.0, &settings::PACE_CM_PER_S), 1.0);
    }

    #[test]
    fn new_steps_from_the_settings_are_always_allowed_steps() {
        // The settings fill new steps, so their ranges sit inside a step's.
        let inside = |outer: &RangeInclusive<u32>, inner: &RangeInclusive<u32>| {
            outer.contains(inner.start()) && outer.contains(inner.end())
        };
        assert!(inside(&step::HOLD_SECONDS, &settings::HOLD_SECONDS));
        assert!(inside(&step::REST_SECONDS, &settings::REST_SECONDS));
        assert!(step::PACE_CM_PER_S.contains(settings::PACE_CM_PER_S.start()));
        assert!(step::PACE_CM_PER_S.contains(settings::PACE_CM_PER_S.end()));
    }
}
