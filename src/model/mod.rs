//! Plain data types shared by the catalog, the store and the UI.

pub mod area;
pub mod body_map;
pub mod exercise;
pub mod history;
pub mod illustration;
pub mod limits;
pub mod routine;
pub mod settings;

pub use area::{Area, Side};
pub use exercise::{BodyRegion, Exercise, RollPath, Sides, Spoken, Timings, Tool};
pub use illustration::Illustration;
pub use routine::{MoreOn, Routine, RoutineProblem, Step, StepSides};
pub use settings::{FirstSide, Settings, TextSize, ThemePreference, Units, VoiceSettings};
