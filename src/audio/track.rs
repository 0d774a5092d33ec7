//! The cue track: a never-ending audio source that plays each planned cue
//! at its exact sample. Timing comes from counting samples in the audio
//! stream itself, not from when the UI thread happens to notice a cue, so
//! cues keep their spacing to the sample.

use std::num::NonZero;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::synth::CueSounds;
use crate::session::Cue;

/// How often (in samples) the track looks for a new plan.
const CHECK_EVERY: u64 = 64;

/// Cues to play, each at an offset from the moment the track takes the plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// (offset from the start of the plan, cue), in time order.
    pub cues: Vec<(Duration, Cue)>,
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
        let control = TrackControl {
            inbox: Arc::new(Mutex::new(None)),
            volume: Arc::new(AtomicU32::new(volume.clamp(0.0, 1.0).to_bits())),
        };
        let track = CueTrack {
            sounds: Arc::new(CueSounds::new(rate)),
            inbox: control.inbox.clone(),
            volume: control.volume.clone(),
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
            self.planned = plan
                .cues
                .iter()
                .map(|(at, cue)| (start + (at.as_secs_f64() * rate).round() as u64, *cue))
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
