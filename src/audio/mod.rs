//! Sound: cues synthesized in code and played by a track that schedules
//! them to the sample, through rodio.
//!
//! The output device is held only while sound is due: a stream is open
//! from [`WAKE_AHEAD`] before a cue until [`LINGER`] after it has rung
//! out, so it closes when the routine ends, is stopped or stays paused,
//! and through the quiet middle of a long hold; [`Audio::follow`] and
//! [`Audio::tick`] open and close it. A muted app holds no stream. Start-up only asks whether there is a default output device,
//! from a short-lived process of its own (see [`probe_apart`]).
//! No device: the app runs silently and says so. A stream whose device is
//! gone (or keeps failing for a second) is opened again once at the
//! next tick; if that one fails too, the routine goes on silently, says so,
//! and the next `follow` opens the device again.

mod probe;
pub mod synth;
#[cfg(test)]
mod tests;
pub mod track;

use std::any::Any;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use probe::{PROBE_ARG, answer_probe, probe_apart, probe_default_device};
pub use track::{CueTrack, Plan, TrackControl};

use crate::session::{Cue, Session};
use synth::CueSounds;
use track::Wall;

/// The sample rate of the cue track; the mixer converts it to the device's.
pub const SAMPLE_RATE: u32 = 48_000;

/// How long the stream stays open once nothing is due: long enough that a
/// pause of a few seconds or the next routine need not reopen the device,
/// short enough that the sound server can rest soon after.
pub const LINGER: Duration = Duration::from_secs(4);

/// How long before a cue the stream opens: far more than a device takes
/// to open, and the track counts its plan from the instant it was made, so
/// the cue still lands on its sample.
pub const WAKE_AHEAD: Duration = Duration::from_secs(2);

/// The app's sound output.
pub struct Audio {
    /// Opens streams; `None` plays nothing by choice ([`Audio::none`]).
    output: Option<Box<dyn Output>>,
    /// The stream while one is open.
    stream: Option<Stream>,
    /// The cue sounds, rendered at the first open and kept.
    sounds: Option<Arc<CueSounds>>,
    /// The clock plans are anchored to (the system's, but for tests).
    wall: Wall,
    /// The volume heard, 0 to 1 (0 when muted).
    volume: f32,
    /// The followed routine's cues, at the app's times, kept while muted
    /// (or without a stream) so unmuting can play the rest.
    cues: Vec<(Duration, Cue)>,
    /// The open stream is kept at least until then (app time): a
    /// [`LINGER`] after the last change of plan, so a pause of a few
    /// seconds need not reopen the device.
    held_until: Duration,
    /// The device failed and sound is given up until the next follow; kept
    /// until [`Audio::take_device_lost`].
    lost: bool,
    /// The last open failed or the device was given up, and it has been
    /// said: further failures are not said again until an open succeeds.
    failing: bool,
    /// Whether a failed stream may be opened again at the next tick (once
    /// per follow).
    may_retry: bool,
    /// Why there is no sound, if there was none at start.
    problem: Option<String>,
}

/// When a stream is needed, from some instant on (app time).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Need {
    /// Now, until then.
    Now { until: Duration },
    /// Not now; from then.
    From(Duration),
    /// Not for the cues kept.
    Never,
}

/// An open output stream playing a cue track.
struct Stream {
    /// Plays until dropped.
    _handle: Box<dyn Any>,
    control: TrackControl,
    /// What its device reported.
    failure: Failure,
}

/// Opens output streams: the default device, or a fake in tests.
trait Output {
    /// Starts a stream playing `track` until the returned handle is
    /// dropped; the device reports its errors to `failure`.
    fn open(&mut self, track: CueTrack, failure: Failure) -> Result<Box<dyn Any>, String>;
}

/// Errors less than this apart are one run of errors.
const ERROR_GAP: Duration = Duration::from_millis(250);

/// A run of errors this long means the stream is not coming back. (Through
/// ALSA's PulseAudio plugin, about one stream in ten reports a run of
/// errors in its first 100 ms and then plays normally.)
const ERRORS_FOR: Duration = Duration::from_secs(1);

/// Where a stream's device reports its errors (from the device's thread);
/// the stream is closed at the next tick or follow once it is dead.
#[derive(Clone, Default)]
struct Failure(Arc<Mutex<Health>>);

/// A stream's health, judged from its device's errors.
#[derive(Debug, Default)]
struct Health {
    /// The first and the latest error of the current run.
    run: Option<(Instant, Instant)>,
    /// The stream no longer plays.
    dead: bool,
}

impl Failure {
    /// Takes note of `error`, reported at `at`.
    fn report(&self, error: &rodio::cpal::Error, at: Instant) {
        if let Ok(mut health) = self.0.lock() {
            health.note(error, at);
        }
    }

    fn is_dead(&self) -> bool {
        self.0.lock().is_ok_and(|h| h.dead)
    }
}

impl Health {
    /// A device gone is dead at once; a route change or refused real-time
    /// priority is harmless; other errors (underruns, the backend's) count
    /// only when they go on for [`ERRORS_FOR`]: the device recovers from
    /// them by itself. Logs the first error of each run.
    fn note(&mut self, error: &rodio::cpal::Error, at: Instant) {
        use rodio::cpal::ErrorKind;
        match error.kind() {
            ErrorKind::DeviceChanged | ErrorKind::RealtimeDenied => {
                log::info!("sound device: {error}");
            }
            ErrorKind::DeviceNotAvailable
            | ErrorKind::HostUnavailable
            | ErrorKind::StreamInvalidated => {
                if !self.dead {
                    log::warn!("sound device gone: {error}");
                }
                self.dead = true;
            }
            _ => {
                let first = match self.run {
                    Some((first, latest)) if at.saturating_duration_since(latest) < ERROR_GAP => {
                        first
                    }
                    _ => {
                        log::warn!("sound device error: {error}");
                        at
                    }
                };
                self.run = Some((first, at));
                if !self.dead && at.saturating_duration_since(first) >= ERRORS_FOR {
                    log::warn!("sound device failing since {ERRORS_FOR:?}: {error}");
                    self.dead = true;
                }
            }
        }
    }
}

/// Frames in each buffer the device asks for: about 85 ms at 48 kHz.
const DEVICE_BUFFER_FRAMES: u32 = 4096;

/// The system's default output device, through rodio.
struct DefaultOutput;

impl Output for DefaultOutput {
    fn open(&mut self, track: CueTrack, failure: Failure) -> Result<Box<dyn Any>, String> {
        let on_error = move |e: rodio::cpal::Error| failure.report(&e, Instant::now());
        // Cues are planned seconds ahead, so a larger buffer costs no
        // timing and wakes the sound thread less often (most of a hold's
        // cost). A device that refuses it gets its own size (the fallback).
        let buffer = rodio::cpal::BufferSize::Fixed(DEVICE_BUFFER_FRAMES);
        let mut sink = rodio::DeviceSinkBuilder::from_default_device()
            .map(|b| b.with_error_callback(on_error).with_buffer_size(buffer))
            .and_then(|b| b.open_sink_or_fallback())
            .map_err(|e| e.to_string())?;
        sink.log_on_drop(false);
        sink.mixer().add(track);
        Ok(Box::new(sink))
    }
}

impl Audio {
    /// Sound through the default output device, opened only while sound is
    /// due; `probe` says whether there is one now (see [`Audio::problem`]),
    /// without keeping a stream. Each [`Audio::follow`] tries again anyway,
    /// in case a device came since.
    pub fn probe(probe: impl FnOnce() -> Result<(), String>) -> Audio {
        let problem = probe().err();
        if let Some(why) = &problem {
            log::warn!("no sound device: {why}");
        }
        let mut audio = Audio::with_output(Some(Box::new(DefaultOutput)), system_wall());
        audio.failing = problem.is_some();
        audio.problem = problem;
        audio
    }

    /// Sound output that plays nothing, by choice (tests): no device is
    /// opened and nothing is reported.
    pub fn none() -> Audio {
        Audio::with_output(None, system_wall())
    }

    fn with_output(output: Option<Box<dyn Output>>, wall: Wall) -> Audio {
        Audio {
            output,
            stream: None,
            sounds: None,
            wall,
            volume: 1.0,
            cues: Vec::new(),
            held_until: Duration::ZERO,
            lost: false,
            failing: false,
            may_retry: false,
            problem: None,
        }
    }

    /// Why there was no sound device at start, if there was none.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Whether the device failed (and failed again when reopened) or could
    /// not be opened for a routine, so cues are not heard: true once per
    /// failure, until an open succeeds. Ask after [`Audio::tick`].
    pub fn take_device_lost(&mut self) -> bool {
        std::mem::take(&mut self.lost)
    }

    /// Whether an output stream is open now.
    pub fn is_open(&self) -> bool {
        self.stream.is_some()
    }

    /// Sets the volume (0 to 1); `muted` silences it. Silence closes the
    /// stream at once; sound again at `now`, mid-routine, opens one for the
    /// routine's remaining cues.
    pub fn set_volume(&mut self, volume: f32, muted: bool, now: Duration) {
        self.volume = if muted || volume.is_nan() {
            0.0
        } else {
            volume.clamp(0.0, 1.0)
        };
        if self.volume <= 0.0 {
            self.close();
        } else if let Some(stream) = &self.stream {
            stream.control.set_volume(self.volume);
        } else {
            self.may_retry = true;
            self.play(now);
        }
    }

    /// Plans the session's cues from `now` on (nothing while paused or
    /// over), opening the device first if there are cues and sound.
    pub fn follow(&mut self, session: &Session, now: Duration) {
        let position = session.position(now);
        self.cues = session
            .upcoming_cues(now)
            .iter()
            .map(|c| (now + c.at.saturating_sub(position), c.cue))
            .collect();
        self.may_retry = true;
        self.play(now);
    }

    /// Closes the stream once no cue is near (see [`WAKE_AHEAD`] and
    /// [`LINGER`]), or once its device failed (opening it again once for
    /// the cues still to come); opens it again as the next cue nears.
    /// Cheap; call it every frame. Returns when to call it again, so the
    /// window can wake for it.
    pub fn tick(&mut self, now: Duration) -> Option<Duration> {
        if self.close_if_failed() {
            if std::mem::take(&mut self.may_retry) {
                self.play(now);
            } else {
                self.give_up();
            }
        }
        let need = self.need(now);
        if self.stream.is_some() {
            let until = match need {
                Need::Now { until } => until.max(self.held_until),
                _ => self.held_until,
            };
            if now < until {
                return Some(until - now);
            }
            self.close();
        }
        if self.failing || self.volume <= 0.0 || self.output.is_none() {
            return None;
        }
        match need {
            Need::Now { until } => {
                self.play(now);
                self.stream
                    .as_ref()
                    .map(|_| until.max(self.held_until) - now)
            }
            Need::From(from) => Some(from - now),
            Need::Never => None,
        }
    }

    /// When the kept cues need a stream, seen from `now`: each needs one
    /// from [`WAKE_AHEAD`] before it until [`LINGER`] after it rang out,
    /// and needs that touch are one.
    fn need(&self, now: Duration) -> Need {
        let mut need = Need::Never;
        let Some(sounds) = &self.sounds else {
            return need;
        };
        let rate = f64::from(sounds.rate());
        for &(at, cue) in &self.cues {
            let rings = Duration::from_secs_f64(sounds.get(cue).len() as f64 / rate);
            let (start, end) = (at.saturating_sub(WAKE_AHEAD), at + rings + LINGER);
            if end <= now {
                continue;
            }
            need = match need {
                Need::Never if start <= now => Need::Now { until: end },
                Need::Never => return Need::From(start),
                Need::Now { until } if start <= until => Need::Now {
                    until: until.max(end),
                },
                _ => return need,
            };
        }
        need
    }

    /// Plays the kept cues still to come at `now`, if there is sound,
    /// opening the stream if one is near.
    fn play(&mut self, now: Duration) {
        // The instant `now` stands for: the track counts the plan from it,
        // so however long the device takes to open, no cue comes late.
        let from = (self.wall)();
        self.close_if_failed();
        self.held_until = now + LINGER;
        if self.volume <= 0.0 || self.output.is_none() {
            return;
        }
        let cues: Vec<(Duration, Cue)> = self
            .cues
            .iter()
            .filter(|(at, _)| *at >= now)
            .map(|(at, cue)| (*at - now, *cue))
            .collect();
        let sounds = self
            .sounds
            .get_or_insert_with(|| Arc::new(CueSounds::new(SAMPLE_RATE)))
            .clone();
        let plan = Plan {
            cues,
            from: Some(from),
        };
        match &self.stream {
            Some(stream) => stream.control.play(plan),
            None if matches!(self.need(now), Need::Now { .. }) => self.open(sounds, plan),
            None => {}
        }
    }

    /// Opens a stream that plays `plan`.
    fn open(&mut self, sounds: Arc<CueSounds>, plan: Plan) {
        let Some(output) = self.output.as_mut() else {
            return;
        };
        let (track, control) = CueTrack::with_sounds(sounds, self.volume, self.wall.clone());
        // The plan goes in before the device pulls a sample, so the track
        // takes it at its first.
        control.play(plan);
        let failure = Failure::default();
        match output.open(track, failure.clone()) {
            Ok(handle) => {
                self.stream = Some(Stream {
                    _handle: handle,
                    control,
                    failure,
                });
                self.failing = false;
            }
            Err(why) => {
                log::warn!("could not open the sound device: {why}");
                self.give_up();
            }
        }
    }

    /// No sound until the next follow: says so, once.
    fn give_up(&mut self) {
        if !self.failing {
            self.lost = true;
            self.failing = true;
        }
    }

    /// Closes the stream if its device failed; returns whether it did.
    fn close_if_failed(&mut self) -> bool {
        let failed = self.stream.as_ref().is_some_and(|s| s.failure.is_dead());
        if failed {
            self.close();
        }
        failed
    }

    fn close(&mut self) {
        self.stream = None;
    }
}

/// The system's monotonic clock.
fn system_wall() -> Wall {
    Arc::new(Instant::now)
}

/// The cues of `session` still to come at `now`, as offsets from the moment
/// the track takes the plan.
pub fn plan_for(session: &Session, now: Duration) -> Plan {
    let position = session.position(now);
    Plan {
        cues: session
            .upcoming_cues(now)
            .iter()
            .map(|c| (c.at.saturating_sub(position), c.cue))
            .collect(),
        from: None,
    }
}
