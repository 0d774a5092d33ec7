//! Widgets shared by several screens.

pub mod illustration;
pub mod picture_cache;
pub mod progress;
pub mod question;
pub mod raster;
