//! Rollcoach: a desktop coach for foam rolling and ball work.
//!
//! The domain (catalog, model, store) knows nothing of the window; the UI
//! draws it and sends commands back.

pub mod audio;
pub mod awake;
pub mod catalog;
pub mod cli;
pub mod history;
pub mod model;
pub mod planner;
pub mod session;
pub mod store;
pub mod ui;
pub mod voice;
