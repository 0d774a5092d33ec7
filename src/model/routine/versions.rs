//! Reading routine files of every format version.
//!
//! Version 1 had no "default" hold or rest: a number missing from a step
//! meant 20 s of hold and 10 s of rest, and every number was the step's
//! own. Such a file loads with those numbers as the step's own, so it plays
//! as it always did. From version 2, a missing hold or rest (or `None`)
//! follows the user's settings. A bare number, or `Some(number)`, is the
//! step's own in every version.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{MoreOn, ROUTINE_VERSION, Routine, Step, StepSides};

/// Version 1's hold for a step that named none.
const VERSION_1_HOLD_SECONDS: u32 = 20;
/// Version 1's rest for a step that named none.
const VERSION_1_REST_SECONDS: u32 = 10;

/// A routine as written in a file of any version.
#[derive(Deserialize)]
pub struct RoutineInFile {
    /// Missing: the current version (files Rollcoach writes always say).
    #[serde(default = "current_version")]
    version: u32,
    name: String,
    #[serde(default)]
    description: String,
    steps: Vec<StepInFile>,
}

fn current_version() -> u32 {
    ROUTINE_VERSION
}

/// A step as written in a file of any version.
#[derive(Deserialize)]
struct StepInFile {
    exercise: String,
    #[serde(default)]
    sides: StepSides,
    roll_seconds: u32,
    #[serde(default)]
    holds: u32,
    #[serde(default)]
    hold_seconds: Seconds,
    #[serde(default)]
    rest_seconds: Seconds,
    #[serde(default)]
    pace_cm_per_s: Option<f32>,
    #[serde(default)]
    stroke_cm: Option<f32>,
    #[serde(default)]
    more_on: Option<MoreOn>,
}

/// A hold or rest length as written in a step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Seconds {
    /// Not written at all.
    #[default]
    Missing,
    /// `None`: the settings' default.
    Default,
    /// `20` or `Some(20)`: the step's own.
    Own(u32),
}

impl Seconds {
    /// The step's value, for a file of `version`; `version_1` is what a
    /// missing number meant in version 1.
    fn resolve(self, version: u32, version_1: u32) -> Option<u32> {
        match self {
            Seconds::Own(n) => Some(n),
            Seconds::Default => None,
            Seconds::Missing if version < 2 => Some(version_1),
            Seconds::Missing => None,
        }
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Seconds, D::Error> {
        deserializer.deserialize_any(SecondsVisitor)
    }
}

struct SecondsVisitor;

impl<'de> Visitor<'de> for SecondsVisitor {
    type Value = Seconds;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number of seconds, such as 20 or Some(20), or None for your default")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Seconds, E> {
        u32::try_from(n)
            .map(Seconds::Own)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Seconds, E> {
        u32::try_from(n)
            .map(Seconds::Own)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
    }

    fn visit_none<E: de::Error>(self) -> Result<Seconds, E> {
        Ok(Seconds::Default)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Seconds, E> {
        Ok(Seconds::Default)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Seconds, D::Error> {
        inner.deserialize_any(OwnSecondsVisitor)
    }
}

/// The number inside `Some(...)`.
struct OwnSecondsVisitor;

impl<'de> Visitor<'de> for OwnSecondsVisitor {
    type Value = Seconds;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole number of seconds, such as Some(20)")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Seconds, E> {
        SecondsVisitor.visit_u64(n)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Seconds, E> {
        SecondsVisitor.visit_i64(n)
    }
}

impl From<RoutineInFile> for Routine {
    fn from(file: RoutineInFile) -> Routine {
        let version = file.version;
        let steps = file
            .steps
            .into_iter()
            .map(|s| Step {
                exercise: s.exercise,
                sides: s.sides,
                roll_seconds: s.roll_seconds,
                holds: s.holds,
                hold_seconds: s.hold_seconds.resolve(version, VERSION_1_HOLD_SECONDS),
                rest_seconds: s.rest_seconds.resolve(version, VERSION_1_REST_SECONDS),
                pace_cm_per_s: s.pace_cm_per_s,
                stroke_cm: s.stroke_cm,
                more_on: s.more_on,
            })
            .collect();
        Routine {
            // In memory it is now in the current format (or a newer one's).
            version: version.max(ROUTINE_VERSION),
            name: file.name,
            description: file.description,
            steps,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Routine {
        ron::from_str(text).unwrap()
    }

    fn timings(r: &Routine) -> Vec<(Option<u32>, Option<u32>)> {
        r.steps
            .iter()
            .map(|s| (s.hold_seconds, s.rest_seconds))
            .collect()
    }

    #[test]
    fn a_version_1_file_keeps_every_number_as_its_own() {
        let old = read(
            "(version: 1, name: \"Old\", steps: [
                (exercise: \"calves\", roll_seconds: 30, holds: 1, hold_seconds: 25, rest_seconds: 5),
                (exercise: \"quads\", roll_seconds: 30, holds: 1),
            ])",
        );
        assert_eq!(timings(&old), [(Some(25), Some(5)), (Some(20), Some(10))]);
        assert_eq!(old.version, ROUTINE_VERSION);
    }

    #[test]
    fn from_version_2_a_missing_or_none_timing_is_the_default() {
        let new = read(
            "(version: 2, name: \"New\", steps: [
                (exercise: \"calves\", roll_seconds: 30, holds: 1),
                (exercise: \"quads\", roll_seconds: 30, hold_seconds: None, rest_seconds: None),
                (exercise: \"glutes\", roll_seconds: 30, hold_seconds: Some(30), rest_seconds: 0),
            ])",
        );
        assert_eq!(
            timings(&new),
            [(None, None), (None, None), (Some(30), Some(0))]
        );
    }

    #[test]
    fn a_timing_that_is_not_a_number_of_seconds_is_refused_in_words() {
        for bad in ["-5", "2.5", "\"long\"", "Some(-1)"] {
            let text = format!(
                "(version: 2, name: \"X\", steps: [(exercise: \"calves\", roll_seconds: 30, hold_seconds: {bad})])"
            );
            let error = ron::from_str::<Routine>(&text).unwrap_err().to_string();
            assert!(error.contains("number of seconds"), "{bad}: {error}");
        }
    }
}
