//! The voice: spoken coaching through the platform's speech engine.
//!
//! [`Voice::start`] opens the engine on a thread of its own and returns at
//! once; [`Voice::say`], [`Voice::hush`] and [`Voice::configure`] only send
//! to that thread, so the UI never waits on speech. A new line cuts the one
//! being said. [`Voice::status`] tells how the engine is doing, in words a
//! person can read.
//!
//! - Linux: speech-dispatcher, spoken to over its socket (SSIP) with the
//!   standard library alone, so nothing speech-related is linked: where
//!   speech-dispatcher is missing the app still starts, with tones only.
//!   The socket is `$SPEECHD_ADDRESS` (`unix_socket:/path`) or
//!   `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock`; where it is not
//!   answering, `speech-dispatcher --spawn` is run, as libspeechd does, and
//!   the socket awaited for up to 3 s. The language is always English.
//! - macOS and Windows: the system's synthesizer (AVFoundation, WinRT)
//!   through the `tts` crate, with an English voice picked where the
//!   default is not English.
//!
//! # How long speech takes (espeak-ng through speech-dispatcher 0.11)
//!
//! Measured from the recorded sound (onset of the first word to the end of
//! the last) of plain coaching sentences of 5 to 20 words:
//!
//! | rate | words per minute | fixed part |
//! | ---: | ---: | ---: |
//! | -30 | 135 | 0.20 s |
//! | 0 | 175 | 0.20 s |
//! | +30 | 215 | 0.20 s |
//!
//! so a sentence of `n` words lasts about `fixed + n * 60 / wpm` seconds.
//! Once warmed up, the sound starts about 10 ms after [`Voice::say`]
//! (20 ms for the first line of a fresh connection); starting the daemon
//! takes about 0.4 s, which [`Voice::warm_up`] pays in advance.
//!
//! # Awake only while needed
//!
//! Speech-dispatcher's voice module keeps a sound stream open from the
//! moment the daemon starts, which keeps the sound device (and the sound
//! server's mixing) awake. So the daemon is not started with the app: a
//! daemon already running is used, one that is not is started when there is
//! something to say (a routine starts, "Try the voice", the list of voices
//! in Settings). The connection is closed once nothing was asked of it for
//! 20 s and no routine holds it; a daemon the app started then ends by
//! itself, as speech-dispatcher does when its last client leaves.

mod recording;
mod worker;

#[cfg(target_os = "linux")]
mod ssip;

#[cfg(any(target_os = "macos", windows))]
mod native;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex, PoisonError, mpsc};

pub use recording::{RECORDING_VOICES, Recording, Said};
use worker::Command;

/// Said when no speech engine could be found.
pub const NO_ENGINE: &str = "No speech engine found, so routines use tones only. To hear spoken \
     coaching, install speech-dispatcher and espeak-ng (on Debian and Ubuntu: sudo apt install \
     speech-dispatcher speech-dispatcher-espeak-ng).";

/// Said when speech-dispatcher is installed but would not start.
pub const WOULD_NOT_START: &str = "The speech engine (speech-dispatcher) would not start, so \
     routines use tones only. Starting it by hand (speech-dispatcher --spawn) or signing out \
     and back in may help.";

/// Said when the speech engine runs but has no voice to speak with.
pub const NO_VOICE: &str = "The speech engine has no voice installed, so routines use tones \
     only. To hear spoken coaching, install espeak-ng for it (on Debian and Ubuntu: sudo apt \
     install speech-dispatcher-espeak-ng).";

/// Said by [`Voice::none`].
pub const VOICE_OFF: &str = "Spoken coaching is off, so routines use tones only.";

/// How the voice should sound.
#[derive(Clone, Debug, PartialEq)]
pub struct VoiceOptions {
    /// How fast: -100 (slowest) to 100 (fastest), 0 the engine's normal.
    pub rate: i32,
    /// How loud: 0 (silent) to 1 (the engine's full volume).
    pub volume: f32,
    /// The voice's name, one of [`VoiceStatus::Ready`]'s; `None` for the
    /// engine's English default.
    pub voice: Option<String>,
}

impl Default for VoiceOptions {
    fn default() -> Self {
        VoiceOptions {
            rate: 0,
            volume: 1.0,
            voice: None,
        }
    }
}

impl VoiceOptions {
    /// The rate, kept to -100..=100.
    pub fn clamped_rate(&self) -> i32 {
        self.rate.clamp(-100, 100)
    }

    /// The volume, kept to 0..=1 (full volume if it is not a number).
    pub fn clamped_volume(&self) -> f32 {
        if self.volume.is_nan() {
            1.0
        } else {
            self.volume.clamp(0.0, 1.0)
        }
    }
}

/// How the speech engine is doing, as last known.
#[derive(Clone, Debug, PartialEq)]
pub enum VoiceStatus {
    /// Still being opened.
    Starting,
    /// Speaking; `voices` are the English voices it offers, by name.
    Ready { voices: Vec<String> },
    /// There is none to be had; the message says why and what to do.
    Unavailable(String),
    /// It worked and then stopped; the message says what happened.
    Failed(String),
}

impl VoiceStatus {
    /// Whether there is no engine to speak with (none found, or it failed).
    pub fn is_missing(&self) -> bool {
        matches!(self, VoiceStatus::Unavailable(_) | VoiceStatus::Failed(_))
    }
}

/// The settings routines are laid out with: without a speech engine the
/// voice is off, so no room is made for spoken lines (and every total a
/// screen shows matches what a routine plays).
pub fn as_played<'a>(
    settings: &'a crate::model::Settings,
    status: &VoiceStatus,
) -> std::borrow::Cow<'a, crate::model::Settings> {
    if settings.voice.on && status.is_missing() {
        let mut played = settings.clone();
        played.voice.on = false;
        std::borrow::Cow::Owned(played)
    } else {
        std::borrow::Cow::Borrowed(settings)
    }
}

/// A speech engine, as the voice drives it. Each call may take as long as
/// the engine needs: the voice calls it from a thread of its own (but
/// [`Voice::with_speaker`] calls it right away).
pub trait Speaker: Send {
    /// Cuts whatever this speaker is saying and says `text`.
    fn speak(&mut self, text: &str) -> Result<(), String>;
    /// Cuts whatever this speaker is saying.
    fn stop(&mut self) -> Result<(), String>;
    /// Speaks from now on with these options.
    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String>;
    /// The voices it offers, by name.
    fn voices(&mut self) -> Vec<String>;
    /// Gets ready to speak without a sound, so the next line is not late.
    fn warm_up(&mut self) -> Result<(), String> {
        Ok(())
    }
    /// Told `true` while a routine plays (lines will come), `false` once it
    /// pauses or ends. The voice's thread keeps the engine open meanwhile;
    /// a speaker need do nothing.
    fn hold(&mut self, _held: bool) {}
}

/// The app's voice. Dropping it cuts whatever is being said.
pub struct Voice {
    inner: Inner,
}

enum Inner {
    /// Says nothing; the status says why.
    Silent(VoiceStatus),
    /// A speaker called right away, on the caller's thread.
    Direct(Mutex<Direct>),
    /// The engine's thread, and the status it keeps.
    Worker {
        commands: mpsc::Sender<Command>,
        status: Arc<Mutex<VoiceStatus>>,
    },
}

struct Direct {
    speaker: Box<dyn Speaker>,
    status: VoiceStatus,
}

impl Direct {
    fn run(&mut self, call: impl FnOnce(&mut dyn Speaker) -> Result<(), String>) {
        match call(self.speaker.as_mut()) {
            Ok(()) => {
                if !matches!(self.status, VoiceStatus::Ready { .. }) {
                    self.status = VoiceStatus::Ready {
                        voices: self.speaker.voices(),
                    };
                }
            }
            Err(err) => self.status = VoiceStatus::Failed(err),
        }
    }
}

impl Voice {
    /// The platform's speech engine, driven from a thread of its own.
    /// Returns at once, with the status [`VoiceStatus::Starting`]; lines
    /// said before the engine is ready are kept (the last one) and said when
    /// it is. An engine that is not running is not started until something
    /// is to be said, and it is let go again once idle (see [`Voice::hold`]).
    pub fn start(options: VoiceOptions) -> Voice {
        let voice = Voice::on_thread(open);
        voice.configure(options);
        voice
    }

    /// A voice whose engine `open` makes on a thread of its own, each time
    /// it is needed.
    fn on_thread<E, F>(open: F) -> Voice
    where
        E: worker::Engine + ?Sized,
        F: FnMut(&VoiceOptions, worker::Reach) -> Result<Box<E>, worker::NotOpened>
            + Send
            + 'static,
    {
        Voice::on_thread_timed(open, worker::Timing::default())
    }

    /// [`Voice::on_thread`], waiting as `timing` says.
    fn on_thread_timed<E, F>(open: F, timing: worker::Timing) -> Voice
    where
        E: worker::Engine + ?Sized,
        F: FnMut(&VoiceOptions, worker::Reach) -> Result<Box<E>, worker::NotOpened>
            + Send
            + 'static,
    {
        let status = Arc::new(Mutex::new(VoiceStatus::Starting));
        let (commands, received) = mpsc::channel();
        let kept = Arc::clone(&status);
        let spawned = std::thread::Builder::new()
            .name("voice".into())
            .spawn(move || worker::run(open, timing, received, kept));
        if let Err(err) = spawned {
            let message = format!(
                "Spoken coaching could not start (no thread for it: {err}), so routines use \
                 tones only."
            );
            log::warn!("{message}");
            return Voice {
                inner: Inner::Silent(VoiceStatus::Unavailable(message)),
            };
        }
        Voice {
            inner: Inner::Worker { commands, status },
        }
    }

    /// A voice that drives `speaker` directly: each call is made before it
    /// returns, so a test can look at what was said right after a frame.
    pub fn with_speaker(mut speaker: Box<dyn Speaker>) -> Voice {
        let status = VoiceStatus::Ready {
            voices: speaker.voices(),
        };
        Voice {
            inner: Inner::Direct(Mutex::new(Direct { speaker, status })),
        }
    }

    /// A voice that says nothing, for when spoken coaching is off.
    pub fn none() -> Voice {
        Voice {
            inner: Inner::Silent(VoiceStatus::Unavailable(VOICE_OFF.to_owned())),
        }
    }

    /// Cuts whatever is being said, then says `text`.
    pub fn say(&self, text: &str) {
        self.send(Command::Say(text.to_owned()));
    }

    /// Cuts whatever is being said.
    pub fn hush(&self) {
        self.send(Command::Hush);
    }

    /// Speaks from now on with these options.
    pub fn configure(&self, options: VoiceOptions) {
        self.send(Command::Configure(options));
    }

    /// Makes the engine ready (the daemon and the synthesizer started) without
    /// a sound, so the first real line is not late.
    pub fn warm_up(&self) {
        self.send(Command::WarmUp);
    }

    /// Lists the engine's voices into the status, starting the engine if
    /// need be (for the choice of voice in Settings).
    pub fn list_voices(&self) {
        self.send(Command::ListVoices);
    }

    /// `true` while a routine plays: the engine stays open between its
    /// lines. `false` lets it close once idle, so a sound stream it holds
    /// does not keep the sound device awake.
    pub fn hold(&self, held: bool) {
        self.send(Command::Hold(held));
    }

    /// The latest known status.
    pub fn status(&self) -> VoiceStatus {
        match &self.inner {
            Inner::Silent(status) => status.clone(),
            Inner::Direct(direct) => lock(direct).status.clone(),
            Inner::Worker { status, .. } => lock(status).clone(),
        }
    }

    fn send(&self, command: Command) {
        match &self.inner {
            Inner::Silent(_) => {}
            Inner::Direct(direct) => {
                let mut direct = lock(direct);
                match command {
                    Command::Say(text) => direct.run(|s| s.speak(&text)),
                    Command::Hush => direct.run(|s| s.stop()),
                    Command::Configure(options) => direct.run(|s| s.configure(&options)),
                    Command::WarmUp => direct.run(|s| s.warm_up()),
                    Command::Hold(held) => direct.speaker.hold(held),
                    // Always open, its voices listed.
                    Command::ListVoices => {}
                }
            }
            // A worker that has ended (no engine) takes nothing: fine.
            Inner::Worker { commands, .. } => {
                let _ = commands.send(command);
            }
        }
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        // The worker hushes the engine and ends once the channel is closed;
        // nothing here waits for it.
        if let Inner::Worker { commands, .. } = &self.inner {
            let _ = commands.send(Command::Hush);
        }
    }
}

impl std::fmt::Debug for Voice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Voice")
            .field("status", &self.status())
            .finish()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Opens this platform's engine (on the voice's thread), as far as `reach`
/// allows.
fn open(
    options: &VoiceOptions,
    reach: worker::Reach,
) -> Result<Box<dyn worker::Engine>, worker::NotOpened> {
    #[cfg(target_os = "linux")]
    {
        let speaker = ssip::Ssip::open(options, reach)?;
        Ok(Box::new(speaker))
    }
    #[cfg(any(target_os = "macos", windows))]
    {
        // The system's synthesizer is always there to open.
        let _ = reach;
        let speaker = native::Native::open(options).map_err(worker::NotOpened::Status)?;
        Ok(Box::new(speaker))
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
    {
        let _ = (options, reach);
        Err(worker::NotOpened::Status(VoiceStatus::Unavailable(
            "Spoken coaching is not available on this system, so routines use tones only."
                .to_owned(),
        )))
    }
}
