//! The one place the app reads the time. Tests use a manual clock so they
//! can step through a routine without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A monotonic clock: time since the app started.
#[derive(Debug, Clone)]
pub enum Clock {
    /// The system's monotonic clock.
    System(Instant),
    /// Time set by hand, in microseconds (tests).
    Manual(Arc<AtomicU64>),
}

impl Clock {
    /// The system clock, starting now.
    pub fn system() -> Clock {
        Clock::System(Instant::now())
    }

    /// A clock that only moves when told to, and its handle.
    pub fn manual() -> (Clock, ManualTime) {
        let micros = Arc::new(AtomicU64::new(0));
        (Clock::Manual(micros.clone()), ManualTime(micros))
    }

    /// Time since the start.
    pub fn now(&self) -> Duration {
        match self {
            Clock::System(start) => start.elapsed(),
            Clock::Manual(micros) => Duration::from_micros(micros.load(Ordering::SeqCst)),
        }
    }
}

/// Moves a manual clock.
#[derive(Debug, Clone)]
pub struct ManualTime(Arc<AtomicU64>);

impl ManualTime {
    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        self.0.fetch_add(by.as_micros() as u64, Ordering::SeqCst);
    }
}
