//! The spoken coach: says each prompt of the session's plan as the routine
//! reaches it, and what the person's own commands do ("Paused."), through
//! the platform's voice. Frame-driven like the player: it asks for a frame
//! when the next prompt is due.

use std::time::Duration;

use crate::model::Settings;
use crate::session::{self, Session};
use crate::voice::{Voice, VoiceOptions, VoiceStatus};

/// A prompt reached this late (a frame that came late, or a jump) is left
/// unsaid: it would talk about a moment already gone.
const STALE: Duration = Duration::from_millis(1500);
/// After the end chime, the goodbye waits this long so the two don't blur.
const AFTER_DONE_CHIME: Duration = Duration::from_millis(1100);

/// The voice and where it is in the plan.
pub struct Coach {
    voice: Voice,
    /// Speaking now: voice on in Settings, not muted.
    on: bool,
    /// The timeline position up to which prompts were said.
    said_to: Option<Duration>,
    /// Words due at a clock time (the goodbye after the end chime).
    pending: Option<(Duration, String)>,
}

/// What a person did, for the words the coach answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Paused,
    Resumed,
    Extended,
    /// Skip, Back, or "too intense": the plan's next prompt says what now.
    Moved,
}

impl Coach {
    /// A coach speaking through `voice`, as `settings` ask. It does not warm
    /// the engine up at start: a running engine may hold a sound stream
    /// open, which keeps the sound device awake while the library sits at
    /// rest; it is started when a routine starts.
    pub fn new(voice: Voice, settings: &Settings) -> Coach {
        let mut coach = Coach {
            voice,
            on: settings.voice.on && !settings.muted,
            said_to: None,
            pending: None,
        };
        coach.apply(settings);
        coach
    }

    /// Follows a change of the settings: on or off, muted, rate, volume,
    /// which voice.
    pub fn apply(&mut self, settings: &Settings) {
        let on = settings.voice.on && !settings.muted;
        if self.on && !on {
            self.voice.hush();
        }
        if on && !self.on {
            self.voice.warm_up();
        }
        self.on = on;
        self.voice.configure(VoiceOptions {
            rate: settings.voice.rate,
            volume: settings.voice.volume,
            voice: settings.voice.voice.clone(),
        });
    }

    /// The engine's state, for Settings and the notice.
    pub fn status(&self) -> VoiceStatus {
        self.voice.status()
    }

    /// Whether a routine started now should plan prompts: the voice is on
    /// and the engine not known to be missing.
    pub fn plans_prompts(&self, settings: &Settings) -> bool {
        settings.voice.on && !self.voice.status().is_missing()
    }

    /// A routine starts (from its beginning): the engine is started now if
    /// it is not running, and kept open until the routine ends.
    pub fn started(&mut self) {
        self.voice.hold(true);
        if self.on {
            self.voice.warm_up();
        }
        self.voice.hush();
        self.said_to = Some(Duration::ZERO);
        self.pending = None;
    }

    /// Says the prompts `session` reached by `now`; returns when the next
    /// one is due, to wake for it.
    pub fn follow(&mut self, session: &Session, now: Duration) -> Option<Duration> {
        let position = session.position(now);
        if let Some(from) = self.said_to.filter(|from| position >= *from) {
            let to = position + Duration::from_nanos(1);
            let due = session.prompts_between(from, to).last();
            if let Some(prompt) = due.filter(|p| self.on && position - p.at <= STALE) {
                self.voice.say(&prompt.text);
            }
            self.said_to = Some(to);
        }
        // The next prompt not said yet, while the clock runs.
        session.next_prompt(now)?;
        let after = self.said_to.unwrap_or(position);
        session
            .prompts_between(after, Duration::MAX)
            .first()
            .map(|p| p.at.saturating_sub(position))
    }

    /// Answers what the person did; `session` as it is after it, at `now`.
    pub fn event(&mut self, event: Event, session: &Session, now: Duration) {
        let words = match event {
            Event::Paused => Some(session::PAUSED),
            Event::Resumed => Some(session::GO_ON),
            Event::Extended => Some(session::TEN_MORE),
            Event::Moved => None,
        };
        // What was being said is about a moment that is over.
        self.voice.hush();
        // A paused routine may sit for minutes: the engine is let go then
        // (once idle), as at rest, and held again on the way back.
        match event {
            Event::Paused => self.voice.hold(false),
            Event::Resumed => self.voice.hold(true),
            Event::Extended | Event::Moved => {}
        }
        if let (true, Some(words)) = (self.on, words) {
            self.voice.say(words);
        }
        self.said_to = Some(session.position(now));
    }

    /// The routine ended at `now`: reached its end (the goodbye follows the
    /// end chime) or stopped (said at once).
    pub fn ended(&mut self, session: &Session, now: Duration) {
        let tally = session.tally(now);
        self.said_to = None;
        self.voice.hush();
        // Closed once the last words are said and it has been idle a while.
        self.voice.hold(false);
        if !self.on {
            return;
        }
        if tally.stopped {
            self.voice
                .say(&session::goodbye(tally.worked(), tally.done_count()));
        } else {
            let words = session::well_done(tally.worked(), tally.done_count());
            self.pending = Some((now + AFTER_DONE_CHIME, words));
        }
    }

    /// Says what is due by the clock; returns when the next is.
    pub fn tick(&mut self, now: Duration) -> Option<Duration> {
        let (at, _) = self.pending.as_ref()?;
        if now < *at {
            return Some(*at - now);
        }
        if let Some((_, words)) = self.pending.take().filter(|_| self.on) {
            self.voice.say(&words);
        }
        None
    }

    /// Asks the engine for its voices (starting it if need be), for the
    /// choice in Settings; they come into [`Coach::status`].
    pub fn list_voices(&mut self) {
        self.voice.list_voices();
    }

    /// Says a sample line, to try the voice from Settings.
    pub fn try_voice(&mut self) {
        self.voice.say(TRY_LINE);
    }
}

/// What "Try the voice" says.
pub const TRY_LINE: &str = "Calves, left side. Roll slowly up to just below the knee, and back.";
