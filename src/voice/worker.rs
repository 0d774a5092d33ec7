//! The voice's thread: opens the engine, then takes the calls in order.
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

/// How long the voice waits, once open, for nothing to be asked before it
/// lists the engine's voices.
const LIST_WHEN_IDLE: Duration = Duration::from_millis(1500);

/// What a pile of calls comes to.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Batch {
    pub configure: Option<VoiceOptions>,
    pub warm_up: bool,
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
        }
    }
}

/// Waits for calls and takes all that are waiting; `None` once the voice is
/// gone and nothing is left.
fn next_batch(commands: &Receiver<Command>) -> Option<Batch> {
    Some(rest_of_batch(commands.recv().ok()?, commands))
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

/// The thread's body: opens the engine with `open`, then serves the calls
/// until the voice is dropped. Never panics: an engine that does is
/// reported as failed.
pub(super) fn run<E, F>(open: F, commands: Receiver<Command>, status: Arc<Mutex<VoiceStatus>>)
where
    E: Engine + ?Sized,
    F: FnOnce() -> Result<Box<E>, VoiceStatus>,
{
    let served = catch_unwind(AssertUnwindSafe(|| serve(open, &commands, &status)));
    if served.is_err() {
        log::error!("the speech engine panicked; spoken coaching is off");
        *lock(&status) = VoiceStatus::Failed(CRASHED.to_owned());
    }
}

fn serve<E, F>(open: F, commands: &Receiver<Command>, status: &Mutex<VoiceStatus>)
where
    E: Engine + ?Sized,
    F: FnOnce() -> Result<Box<E>, VoiceStatus>,
{
    let mut engine = match open() {
        Ok(engine) => engine,
        Err(unavailable) => {
            log::warn!("no spoken coaching: {unavailable:?}");
            *lock(status) = unavailable;
            return;
        }
    };
    // Ready at once; the voices are listed once the voice is first idle:
    // an engine may take seconds to list them, and the first words must
    // not wait for that.
    *lock(status) = VoiceStatus::Ready { voices: Vec::new() };
    let mut listed = false;
    loop {
        let batch = if listed {
            next_batch(commands)
        } else {
            match commands.recv_timeout(LIST_WHEN_IDLE) {
                Ok(first) => Some(rest_of_batch(first, commands)),
                Err(RecvTimeoutError::Timeout) => {
                    listed = true;
                    let voices = engine.voices();
                    log::info!("speech engine ready ({} English voices)", voices.len());
                    let mut status = lock(status);
                    if let VoiceStatus::Ready { voices: shown } = &mut *status {
                        *shown = voices;
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => None,
            }
        };
        let Some(batch) = batch else {
            return;
        };
        if let Some(options) = batch.configure {
            let done = engine.configure(&options);
            report(engine.as_mut(), status, done);
        }
        let says = matches!(batch.speech, Some(Some(_)));
        if batch.warm_up && !says {
            let done = engine.warm_up();
            report(engine.as_mut(), status, done);
        }
        let done = match batch.speech {
            Some(Some(text)) => engine.speak(&text),
            Some(None) => engine.stop(),
            None => continue,
        };
        report(engine.as_mut(), status, done);
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
