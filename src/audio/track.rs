//! The cue track: a never-ending audio source that plays each planned cue
//! at its exact sample. Timing comes from counting samples in the audio
//! stream itself, not from when the UI thread happens to notice a cue, so
//! cues keep their spacing to the sample.

use std::num::NonZero;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::synth::CueSounds;
use crate::session::Cue;

/// How often (in samples) the track looks for a new plan.
const CHECK_EVERY: u64 = 64;

/// Reads the time a plan is anchored to: the system's monotonic clock, or
/// a clock moved by hand in tests.
pub(super) type Wall = Arc<dyn Fn() -> Instant + Send + Sync>;

/// Cues to play, each at an offset from the start of the plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// (offset from the start of the plan, cue), in time order.
    pub cues: Vec<(Duration, Cue)>,
    /// Where the plan starts. `None`: at the sample where the track takes
    /// it. `Some(instant)`: at that instant, so a track that takes the plan
    /// later (the device was still opening, or the next buffer was not due
    /// yet) plays every cue that much sooner, and one already due at once.
    pub from: Option<Instant>,
}

/// The UI side's handle: send plans, set the volume.
#[derive(Debug, Clone)]
pub struct TrackControl {
    inbox: Arc<Mutex<Option<Plan>>>,
    volume: Arc<AtomicU32>,
}

impl TrackControl {
    /// Replaces whatever was planned with `plan`, starting now. Cues already
    /// sounding ring out.
    pub fn play(&self, plan: Plan) {
        if let Ok(mut inbox) = self.inbox.lock() {
            *inbox = Some(plan);
        }
    }

    /// Cancels every planned cue.
    pub fn silence(&self) {
        self.play(Plan::default());
    }

    /// Sets the volume, 0 to 1.
    pub fn set_volume(&self, volume: f32) {
        self.volume
            .store(volume.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
    }
}

/// The audio source (mono). Give it to a mixer, or pull samples from it.
pub struct CueTrack {
    sounds: Arc<CueSounds>,
    inbox: Arc<Mutex<Option<Plan>>>,
    volume: Arc<AtomicU32>,
    /// The time now, for plans that start at an instant.
    wall: Wall,
    /// Samples produced so far.
    clock: u64,
    /// Planned cues as (sample, cue), in order, and the next one to start.
    planned: Vec<(u64, Cue)>,
    next: usize,
    /// Cues sounding now: (cue, samples into it).
    sounding: Vec<(Cue, usize)>,
}

impl CueTrack {
    /// A silent track and its control, with sounds rendered at `rate` Hz.
    pub fn new(rate: u32, volume: f32) -> (CueTrack, TrackControl) {
        CueTrack::with_sounds(
            Arc::new(CueSounds::new(rate)),
            volume,
            Arc::new(Instant::now),
        )
    }

    /// A silent track playing `sounds` (rendered once for many tracks),
    /// reading the time from `wall`.
    pub(super) fn with_sounds(
        sounds: Arc<CueSounds>,
        volume: f32,
        wall: Wall,
    ) -> (CueTrack, TrackControl) {
        let control = TrackControl {
            inbox: Arc::new(Mutex::new(None)),
            volume: Arc::new(AtomicU32::new(volume.clamp(0.0, 1.0).to_bits())),
        };
        let track = CueTrack {
            sounds,
            inbox: control.inbox.clone(),
            volume: control.volume.clone(),
            wall,
            clock: 0,
            planned: Vec::new(),
            next: 0,
            sounding: Vec::new(),
        };
        (track, control)
    }

    fn take_plan(&mut self) {
        let plan = match self.inbox.try_lock() {
            Ok(mut inbox) => inbox.take(),
            Err(_) => None,
        };
        if let Some(plan) = plan {
            let rate = f64::from(self.sounds.rate());
            let start = self.clock;
            // How long after its start the plan arrives: its cues come that
            // much sooner (the sample taken now is heard as late as every
            // other, a buffer's length from now).
            let late = plan.from.map_or(Duration::ZERO, |from| {
                (self.wall)().saturating_duration_since(from)
            });
            self.planned = plan
                .cues
                .iter()
                .map(|(at, cue)| {
                    let at = at.saturating_sub(late);
                    (start + (at.as_secs_f64() * rate).round() as u64, *cue)
                })
                .collect();
            self.next = 0;
        }
    }

    /// The next sample.
    pub fn next_sample(&mut self) -> f32 {
        if self.clock.is_multiple_of(CHECK_EVERY) {
            self.take_plan();
        }
        while let Some(&(at, cue)) = self.planned.get(self.next) {
            if at > self.clock {
                break;
            }
            if at == self.clock {
                self.sounding.push((cue, 0));
            }
            self.next += 1;
        }
        let mut sum = 0.0;
        let sounds = &self.sounds;
        self.sounding.retain_mut(|(cue, i)| {
            let samples = sounds.get(*cue);
            match samples.get(*i) {
                Some(s) => {
                    sum += s;
                    *i += 1;
                    true
                }
                None => false,
            }
        });
        self.clock += 1;
        let volume = f32::from_bits(self.volume.load(Ordering::Relaxed));
        (sum * volume).clamp(-1.0, 1.0)
    }
}

impl Iterator for CueTrack {
    type Item = f32;

    fn next(&mut self) -> Option<f32> {
        Some(self.next_sample())
    }
}

impl rodio::Source for CueTrack {
    fn current_span_len(&self) -> Option<usize> {
        None
    }

    fn channels(&self) -> rodio::ChannelCount {
        NonZero::<u16>::MIN
    }

    fn sample_rate(&self) -> rodio::SampleRate {
        NonZero::new(self.sounds.rate()).unwrap_or(NonZero::<u32>::MIN)
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }
}
