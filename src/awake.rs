//! Keeps the screen on and the computer awake while a routine plays: the
//! person follows it from the floor, away from the keyboard.
//!
//! [`KeepAwake::start`] asks the system and returns a guard; dropping it (or
//! [`KeepAwake::stop`]) lets go. The asking and the letting go happen on a
//! thread of the guard's own, so neither call waits on the system. Where the
//! system says no, or has no one to ask, the first time is logged with the
//! reason and the routine plays on all the same.
//!
//! - Linux: the desktop's screen saver on the session bus
//!   (`org.freedesktop.ScreenSaver.Inhibit`, which desktops take as "not
//!   idle": the screen neither blanks nor locks, and on GNOME the computer
//!   doesn't suspend on idle either), and a logind `idle` lock on the system
//!   bus for whatever goes by logind's idea of idle. Either one alone is
//!   kept when the other cannot be had.
//! - macOS: the `PreventUserIdleDisplaySleep` and `PreventUserIdleSystemSleep`
//!   power assertions.
//! - Windows: `SetThreadExecutionState` with the display and the system
//!   required, set and cleared by the guard's thread, which lives as long as
//!   the guard (the state belongs to a thread).
//!
//! If the app quits with a guard alive, the system lets go by itself: the
//! bus connection closes, the assertion or the thread ends with the process.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// The name the desktop shows for whoever keeps it awake.
#[cfg_attr(
    not(any(target_os = "linux", target_os = "macos", windows)),
    allow(dead_code)
)]
const WHO: &str = "Rollcoach";

/// While this lives, the screen is asked not to blank and the computer not
/// to sleep on idle.
#[derive(Debug)]
#[must_use = "the screen is kept awake only while the guard lives"]
pub struct KeepAwake {
    /// Never sent on: its drop wakes the guard's thread, which lets go.
    _release: mpsc::Sender<()>,
}

impl KeepAwake {
    /// Asks the system to keep the screen on and the computer awake;
    /// `reason` is what the desktop shows (e.g. "Playing a routine").
    /// Returns at once: the request is made on a thread of its own.
    pub fn start(reason: &str) -> KeepAwake {
        let (release, released) = mpsc::channel::<()>();
        let reason = reason.to_owned();
        let spawned = std::thread::Builder::new()
            .name("keep-awake".into())
            .spawn(move || {
                let held = sys::hold(&reason);
                // Returns once the guard is gone: nothing is ever sent.
                let _ = released.recv();
                drop(held);
                log::debug!("keep-awake let go ({reason})");
            });
        if let Err(err) = spawned {
            tell_once(
                &sys::REFUSED_TOLD,
                log::Level::Warn,
                format_args!("the screen may blank during the routine: no thread to ask ({err})"),
            );
        }
        KeepAwake { _release: release }
    }

    /// Lets go, like dropping the guard. Returns at once.
    pub fn stop(self) {}
}

/// Logs `message` at `level` the first time, at debug after that: a
/// refusal is told once, not at every routine.
fn tell_once(told: &AtomicBool, level: log::Level, message: fmt::Arguments<'_>) {
    let level = if told.swap(true, Ordering::Relaxed) {
        log::Level::Debug
    } else {
        level
    };
    log::log!(level, "{message}");
}

#[cfg(target_os = "linux")]
mod sys {
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    use zbus::blocking::{Connection, connection};
    use zbus::zvariant::OwnedFd;

    use super::{WHO, tell_once};
    use crate::ui::APP_ID;

    /// Set once the screen saver's refusal has been told.
    pub(super) static REFUSED_TOLD: AtomicBool = AtomicBool::new(false);
    static NO_IDLE_LOCK_TOLD: AtomicBool = AtomicBool::new(false);

    const SCREEN_SAVER: &str = "org.freedesktop.ScreenSaver";
    /// Where the specification puts it.
    const SCREEN_SAVER_PATH: &str = "/org/freedesktop/ScreenSaver";
    /// Where older screen savers answer (and KDE's as well).
    const SCREEN_SAVER_OLD_PATH: &str = "/ScreenSaver";
    /// A service that takes longer is as good as none.
    const CALL_TIMEOUT: Duration = Duration::from_secs(10);

    pub(super) struct Held {
        _screen_saver: Option<ScreenSaverInhibit>,
        /// logind holds the lock until this end of its pipe is closed.
        _idle_lock: Option<OwnedFd>,
    }

    pub(super) fn hold(reason: &str) -> Held {
        let screen_saver = match inhibit_screen_saver(reason) {
            Ok(inhibit) => {
                log::info!(
                    "keeping the screen awake: {reason} (screen saver at {}, cookie {})",
                    inhibit.path,
                    inhibit.cookie
                );
                Some(inhibit)
            }
            Err(err) => {
                tell_once(
                    &REFUSED_TOLD,
                    log::Level::Warn,
                    format_args!(
                        "the screen may blank during the routine: no screen saver on the \
                         session bus kept it on ({err})"
                    ),
                );
                None
            }
        };
        let idle_lock = match lock_idle(reason) {
            Ok(fd) => {
                log::info!("keeping the computer awake: {reason} (logind idle lock)");
                Some(fd)
            }
            Err(err) => {
                // Desktops suspend on idle through the screen saver's idea
                // of idle, so this lock is a second line, not the first.
                tell_once(
                    &NO_IDLE_LOCK_TOLD,
                    log::Level::Info,
                    format_args!("no logind idle lock on the system bus ({err})"),
                );
                None
            }
        };
        Held {
            _screen_saver: screen_saver,
            _idle_lock: idle_lock,
        }
    }

    /// One `Inhibit` on the session bus, undone when dropped. The screen
    /// saver also drops it should this connection close first.
    struct ScreenSaverInhibit {
        bus: Connection,
        path: &'static str,
        cookie: u32,
    }

    fn inhibit_screen_saver(reason: &str) -> zbus::Result<ScreenSaverInhibit> {
        let bus = connection::Builder::session()?
            .method_timeout(CALL_TIMEOUT)
            .build()?;
        let inhibit = |path: &'static str| {
            bus.call_method(
                Some(SCREEN_SAVER),
                path,
                Some(SCREEN_SAVER),
                "Inhibit",
                &(APP_ID, reason),
            )
        };
        let (path, reply) = match inhibit(SCREEN_SAVER_PATH) {
            Ok(reply) => (SCREEN_SAVER_PATH, reply),
            // The service answered no there: it may answer at the old path.
            Err(zbus::Error::MethodError(..)) => {
                (SCREEN_SAVER_OLD_PATH, inhibit(SCREEN_SAVER_OLD_PATH)?)
            }
            Err(err) => return Err(err),
        };
        let cookie: u32 = reply.body().deserialize()?;
        Ok(ScreenSaverInhibit { bus, path, cookie })
    }

    impl Drop for ScreenSaverInhibit {
        fn drop(&mut self) {
            let undone = self.bus.call_method(
                Some(SCREEN_SAVER),
                self.path,
                Some(SCREEN_SAVER),
                "UnInhibit",
                &self.cookie,
            );
            match undone {
                Ok(_) => log::info!("the screen may blank again (cookie {})", self.cookie),
                // Say, the screen saver restarted and forgot the cookie: its
                // inhibit went with it, and this connection closes next.
                Err(err) => log::info!(
                    "the screen saver did not take back cookie {}: {err}",
                    self.cookie
                ),
            }
        }
    }

    fn lock_idle(reason: &str) -> zbus::Result<OwnedFd> {
        let bus = connection::Builder::system()?
            .method_timeout(CALL_TIMEOUT)
            .build()?;
        let reply = bus.call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1",
            Some("org.freedesktop.login1.Manager"),
            "Inhibit",
            &("idle", WHO, reason, "block"),
        )?;
        reply.body().deserialize()
    }
}

#[cfg(any(target_os = "macos", windows))]
mod sys {
    use std::sync::atomic::AtomicBool;

    use super::{WHO, tell_once};
    use crate::ui::APP_ID;

    /// Set once the system's refusal has been told.
    pub(super) static REFUSED_TOLD: AtomicBool = AtomicBool::new(false);

    /// Made and dropped on the guard's thread: on Windows the state it sets
    /// is that thread's.
    pub(super) struct Held {
        _awake: Option<keepawake::KeepAwake>,
    }

    pub(super) fn hold(reason: &str) -> Held {
        let made = keepawake::Builder::default()
            .display(true)
            .idle(true)
            .reason(reason)
            .app_name(WHO)
            .app_reverse_domain(APP_ID)
            .create();
        match made {
            Ok(awake) => {
                log::info!("keeping the screen awake: {reason}");
                Held {
                    _awake: Some(awake),
                }
            }
            Err(err) => {
                tell_once(
                    &REFUSED_TOLD,
                    log::Level::Warn,
                    format_args!(
                        "the screen may blank during the routine: the system said no ({err})"
                    ),
                );
                Held { _awake: None }
            }
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
mod sys {
    use std::sync::atomic::AtomicBool;

    use super::tell_once;

    pub(super) static REFUSED_TOLD: AtomicBool = AtomicBool::new(false);

    pub(super) struct Held;

    pub(super) fn hold(_reason: &str) -> Held {
        tell_once(
            &REFUSED_TOLD,
            log::Level::Warn,
            format_args!(
                "the screen may blank during the routine: keeping it awake is not \
                 supported on this system"
            ),
        );
        Held
    }
}
