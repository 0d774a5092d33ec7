//! Plain data types shared by the catalog, the store and the UI.

pub mod exercise;
pub mod illustration;
pub mod settings;

pub use exercise::{BodyRegion, Exercise, RollPath, Sides, Timings, Tool};
pub use illustration::Illustration;
pub use settings::{Settings, TextSize, ThemePreference};
