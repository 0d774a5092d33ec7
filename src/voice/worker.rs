//! The voice's thread: opens the engine when something is to be said,
//! takes the calls in order, and closes it again once idle.
//!
//! Calls that pile up while the engine is busy (or still opening) are taken
//! together: only the last line to say (or hush) counts, as each would cut
//! the one before, and only the last options.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Speaker, VoiceOptions, VoiceStatus, lock};

/// Said when the engine's code panicked.
const CRASHED: &str = "Spoken coaching stopped: the speech engine failed inside Rollcoach. \
     Routines go on with tones.";

/// A call on the voice.
#[derive(Debug)]
pub(super) enum Command {
    Say(String),
    Hush,
    Configure(VoiceOptions),
    WarmUp,
    /// Lists the engine's voices, opening it if need be (for Settings).
    ListVoices,
    /// Keeps the engine open between lines (a routine plays), or lets it
    /// close once idle.
    Hold(bool),
}

/// An engine as the thread drives it: a [`Speaker`] that need not be
/// `Send`, as it is made and used on the thread alone.
pub(super) trait Engine {
    fn speak(&mut self, text: &str) -> Result<(), String>;
    fn stop(&mut self) -> Result<(), String>;
    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String>;
    fn voices(&mut self) -> Vec<String>;
    fn warm_up(&mut self) -> Result<(), String>;
}

impl<S: Speaker + ?Sized> Engine for S {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        Speaker::speak(self, text)
    }
    fn stop(&mut self) -> Result<(), String> {
        Speaker::stop(self)
    }
    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        Speaker::configure(self, options)
    }
    fn voices(&mut self) -> Vec<String> {
        Speaker::voices(self)
    }
    fn warm_up(&mut self) -> Result<(), String> {
        Speaker::warm_up(self)
    }
}

/// How long the voice waits before it does things of its own.
#[derive(Clone, Copy, Debug)]
pub(super) struct Timing {
    /// With nothing asked, once open, before the engine's voices are listed.
    pub list_when_idle: Duration,
    /// With nothing asked while no routine holds it, before the engine is
    /// closed. An open engine may keep a sound stream open
    /// (speech-dispatcher does), which keeps the sound device awake; this is
    /// longer than any line takes to say, so closing it cuts nothing.
    pub close_when_idle: Duration,
    /// Between tries at an engine that would not open.
    pub reopen_after_failure: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            list_when_idle: Duration::from_millis(1500),
            close_when_idle: Duration::from_secs(20),
            reopen_after_failure: Duration::from_secs(10),
        }
    }
}

/// How far the engine is to be reached for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// Only an engine already running: nothing is started (at start-up).
    IfRunning,
    /// Start the engine if it is not running (something is to be said).
    StartIt,
}

/// Why no engine was opened.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum NotOpened {
    /// It is installed but not running, and was not to be started. Only
    /// speech-dispatcher can be asleep: the system voices of macOS and
    /// Windows are always at hand.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    Asleep,
    /// There is none to be had, or it would not open; the status says why.
    Status(VoiceStatus),
}

/// What a pile of calls comes to.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Batch {
    pub configure: Option<VoiceOptions>,
    pub warm_up: bool,
    pub list_voices: bool,
    /// `Some(true)` while a routine plays, `Some(false)` once it ends.
    pub hold: Option<bool>,
    /// `Some(text)` to say, `Some(None)` to hush.
    pub speech: Option<Option<String>>,
}

impl Batch {
    pub fn add(&mut self, command: Command) {
        match command {
            Command::Say(text) => self.speech = Some(Some(text)),
            Command::Hush => self.speech = Some(None),
            Command::Configure(options) => self.configure = Some(options),
            Command::WarmUp => self.warm_up = true,
            Command::ListVoices => self.list_voices = true,
            Command::Hold(held) => self.hold = Some(held),
        }
    }

    /// Whether it asks for an open engine (a hush or new options alone do
    /// not: they wait for the next time it opens).
    fn needs_engine(&self) -> bool {
        self.warm_up || self.list_voices || matches!(self.speech, Some(Some(_)))
    }
}

/// `first` and every call waiting behind it.
fn rest_of_batch(first: Command, commands: &Receiver<Command>) -> Batch {
    let mut batch = Batch::default();
    batch.add(first);
    loop {
        match commands.try_recv() {
            Ok(command) => batch.add(command),
            Err(TryRecvError::Empty | TryRecvError::Disconnected) => return batch,
        }
    }
}

/// The thread's body: opens the engine with `open` when it is needed,
/// serves the calls and closes it when idle, until the voice is dropped.
/// Never panics: an engine that does is reported as failed.
pub(super) fn run<E, F>(
    open: F,
    timing: Timing,
    commands: Receiver<Command>,
    status: Arc<Mutex<VoiceStatus>>,
) where
    E: Engine + ?Sized,
    F: FnMut(&VoiceOptions, Reach) -> Result<Box<E>, NotOpened>,
{
    let served = catch_unwind(AssertUnwindSafe(|| {
        Worker {
            open,
            timing,
            engine: None,
            options: VoiceOptions::default(),
            held: false,
            listed: false,
            failed_at: None,
            status: &status,
        }
        .serve(&commands)
    }));
    if served.is_err() {
        log::error!("the speech engine panicked; spoken coaching is off");
        *lock(&status) = VoiceStatus::Failed(CRASHED.to_owned());
    }
}

/// The engine, opened when needed, and what it is to do.
struct Worker<'a, E: ?Sized, F> {
    open: F,
    timing: Timing,
    /// `None` until something is to be said, and again once idle.
    engine: Option<Box<E>>,
    /// The latest options, for the engine as it is opened.
    options: VoiceOptions,
    /// A routine plays: the engine stays open between its lines.
    held: bool,
    /// The open engine's voices are in the status.
    listed: bool,
    /// When the engine last would not open.
    failed_at: Option<std::time::Instant>,
    status: &'a Mutex<VoiceStatus>,
}

impl<E, F> Worker<'_, E, F>
where
    E: Engine + ?Sized,
    F: FnMut(&VoiceOptions, Reach) -> Result<Box<E>, NotOpened>,
{
    fn serve(mut self, commands: &Receiver<Command>) {
        // Ready at once, if the engine is there: an engine already running
        // is opened, one asleep is left so until something is to be said
        // (started, it would hold a sound stream open). The voices are
        // listed once the voice is first idle: an engine may take seconds
        // to list them, and the first words must not wait for that.
        match (self.open)(&self.options, Reach::IfRunning) {
            Ok(engine) => self.engine = Some(engine),
            Err(NotOpened::Asleep) => {}
            Err(NotOpened::Status(unavailable)) => {
                log::warn!("no spoken coaching: {unavailable:?}");
                *lock(self.status) = unavailable;
                return;
            }
        }
        *lock(self.status) = VoiceStatus::Ready { voices: Vec::new() };
        loop {
            let wait = match (&self.engine, self.listed, self.held) {
                (None, ..) | (Some(_), true, true) => None,
                (Some(_), false, _) => Some(self.timing.list_when_idle),
                (Some(_), true, false) => Some(self.timing.close_when_idle),
            };
            let first = match wait {
                None => commands.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => commands.recv_timeout(wait),
            };
            match first {
                Ok(first) => self.take(rest_of_batch(first, commands)),
                Err(RecvTimeoutError::Timeout) if !self.listed => self.list(),
                Err(RecvTimeoutError::Timeout) => {
                    log::info!("speech engine closed while idle");
                    self.engine = None;
                }
                // The voice was dropped, which hushed it first.
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Puts the engine's voices in the status.
    fn list(&mut self) {
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        self.listed = true;
        let voices = engine.voices();
        log::info!("speech engine ready ({} English voices)", voices.len());
        let mut status = lock(self.status);
        if let VoiceStatus::Ready { voices: shown } = &mut *status {
            *shown = voices;
        }
    }

    /// The engine, opened (and started) if need be; `None` if it would not
    /// open, as the status then says.
    fn opened(&mut self) -> Option<&mut E> {
        if self.engine.is_none() {
            if self
                .failed_at
                .is_some_and(|at| at.elapsed() < self.timing.reopen_after_failure)
            {
                return None;
            }
            match (self.open)(&self.options, Reach::StartIt) {
                Ok(engine) => {
                    self.engine = Some(engine);
                    self.listed = false;
                    self.failed_at = None;
                    if lock(self.status).is_missing() {
                        *lock(self.status) = VoiceStatus::Ready { voices: Vec::new() };
                    }
                }
                Err(NotOpened::Asleep) => return None,
                Err(NotOpened::Status(status)) => {
                    log::warn!("the speech engine would not open: {status:?}");
                    self.failed_at = Some(std::time::Instant::now());
                    *lock(self.status) = status;
                    return None;
                }
            }
        }
        self.engine.as_deref_mut()
    }

    fn take(&mut self, batch: Batch) {
        if let Some(held) = batch.hold {
            self.held = held;
        }
        let needs_engine = batch.needs_engine();
        if let Some(options) = batch.configure {
            self.options = options;
            if let Some(engine) = self.engine.as_mut() {
                let done = engine.configure(&self.options);
                report(engine.as_mut(), self.status, done);
            }
        }
        if needs_engine && self.opened().is_none() {
            return;
        }
        if batch.list_voices {
            self.list();
        }
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        let says = matches!(batch.speech, Some(Some(_)));
        if batch.warm_up && !says {
            let done = engine.warm_up();
            report(engine.as_mut(), self.status, done);
        }
        let done = match batch.speech {
            Some(Some(text)) => engine.speak(&text),
            Some(None) => engine.stop(),
            None => return,
        };
        report(engine.as_mut(), self.status, done);
    }
}

/// Keeps the status up to date with a call's outcome.
fn report<E: Engine + ?Sized>(
    engine: &mut E,
    status: &Mutex<VoiceStatus>,
    done: Result<(), String>,
) {
    match done {
        Ok(()) => {
            let failed = matches!(*lock(status), VoiceStatus::Failed(_));
            if failed {
                let voices = engine.voices();
                log::info!("speech engine working again");
                *lock(status) = VoiceStatus::Ready { voices };
            }
        }
        Err(err) => {
            let mut status = lock(status);
            if *status != VoiceStatus::Failed(err.clone()) {
                log::warn!("{err}");
                *status = VoiceStatus::Failed(err);
            }
        }
    }
}
