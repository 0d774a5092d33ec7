//! Widgets shared by several screens.

pub mod illustration;
pub mod picture_cache;
pub mod question;
pub mod raster;
