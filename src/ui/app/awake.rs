//! The screen stays on while a routine plays: the person follows it from
//! the floor. Let go when the routine ends, or has been paused for a while.

use std::time::Duration;

use eframe::egui;

use super::RollcoachApp;
use crate::awake::KeepAwake;

/// How long a paused routine still keeps the screen on.
pub const AWAKE_WHILE_PAUSED: Duration = Duration::from_secs(120);

/// Why the app asks the system to keep the screen on.
const REASON: &str = "A routine is playing";

/// The screen-awake request and when its routine was paused.
#[derive(Debug, Default)]
pub struct ScreenAwake {
    guard: Option<KeepAwake>,
    paused_since: Option<Duration>,
}

impl ScreenAwake {
    /// Whether the system is asked to keep the screen on.
    #[cfg(test)]
    fn is_held(&self) -> bool {
        self.guard.is_some()
    }

    /// Asks or lets go for the state at `now`: `playing` a routine, and
    /// whether it is `paused`. Returns when to look again (while paused).
    pub fn follow(&mut self, playing: bool, paused: bool, now: Duration) -> Option<Duration> {
        let paused_for = if playing && paused {
            let since = *self.paused_since.get_or_insert(now);
            Some(now.saturating_sub(since))
        } else {
            self.paused_since = None;
            None
        };
        let want = playing && paused_for.is_none_or(|p| p < AWAKE_WHILE_PAUSED);
        match (want, self.guard.is_some()) {
            (true, false) => self.guard = Some(KeepAwake::start(REASON)),
            (false, true) => self.guard = None,
            _ => {}
        }
        paused_for
            .filter(|_| want)
            .map(|p| AWAKE_WHILE_PAUSED - p + Duration::from_millis(10))
    }
}

impl RollcoachApp {
    /// Keeps the screen on while a routine plays.
    pub(super) fn keep_screen_awake(&mut self, ctx: &egui::Context) {
        let now = self.clock.now();
        let (playing, paused) = match self.state.session() {
            Some(s) => (!s.is_over(now), s.is_paused()),
            None => (false, false),
        };
        if let Some(after) = self.awake.follow(playing, paused, now) {
            ctx.request_repaint_after(after);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn held_while_playing_and_let_go_after_a_long_pause_or_the_end() {
        let mut awake = ScreenAwake::default();
        assert!(awake.follow(false, false, S(0)).is_none());
        assert!(!awake.is_held(), "not at rest");
        awake.follow(true, false, S(1));
        assert!(awake.is_held(), "while playing");
        // Paused: still on for a while, with a frame asked for when to let go.
        let again = awake.follow(true, true, S(10)).unwrap();
        assert!(awake.is_held());
        assert!(again > AWAKE_WHILE_PAUSED - S(1));
        awake.follow(true, true, S(10) + AWAKE_WHILE_PAUSED / 2);
        assert!(awake.is_held());
        assert!(
            awake
                .follow(true, true, S(10) + AWAKE_WHILE_PAUSED)
                .is_none()
        );
        assert!(!awake.is_held(), "let go after a long pause");
        // Going on asks again; the end lets go.
        awake.follow(true, false, S(500));
        assert!(awake.is_held());
        awake.follow(false, false, S(600));
        assert!(!awake.is_held());
        // A new pause counts from its own start.
        awake.follow(true, false, S(700));
        awake.follow(true, true, S(701));
        awake.follow(true, true, S(701) + AWAKE_WHILE_PAUSED - S(1));
        assert!(awake.is_held());
    }
}
