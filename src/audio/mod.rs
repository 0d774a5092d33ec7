//! Sound: cues synthesized in code and played by a track that schedules
//! them to the sample, through rodio. No device: the app runs silently and
//! says so; a device lost mid-routine leaves the routine running.

pub mod synth;
pub mod track;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub use track::{CueTrack, Plan, TrackControl};

use crate::session::Session;

/// The sample rate of the cue track; the mixer converts it to the device's.
pub const SAMPLE_RATE: u32 = 48_000;

/// The app's sound output.
pub struct Audio {
    /// Keeps the device open; `None` when there is none.
    _device: Option<rodio::MixerDeviceSink>,
    control: TrackControl,
    lost: Arc<AtomicBool>,
    /// Why there is no sound, if there is none.
    problem: Option<String>,
}

impl Audio {
    /// Opens the default output device, or runs silently if there is none.
    pub fn open(volume: f32) -> Audio {
        let (track, control) = CueTrack::new(SAMPLE_RATE, volume);
        let lost = Arc::new(AtomicBool::new(false));
        let on_error = {
            let lost = lost.clone();
            move |e: rodio::cpal::Error| {
                log::warn!("sound device error: {e}");
                lost.store(true, Ordering::Relaxed);
            }
        };
        let opened = rodio::DeviceSinkBuilder::from_default_device()
            .map(|b| b.with_error_callback(on_error))
            .and_then(|b| b.open_sink_or_fallback());
        match opened {
            Ok(mut device) => {
                device.log_on_drop(false);
                device.mixer().add(track);
                Audio {
                    _device: Some(device),
                    control,
                    lost,
                    problem: None,
                }
            }
            Err(e) => {
                log::warn!("no sound device: {e}");
                Audio::silent(control, format!("{e}"))
            }
        }
    }

    /// Sound output that plays nothing, by choice (tests): no device is
    /// opened and nothing is reported.
    pub fn none() -> Audio {
        let (_, control) = CueTrack::new(8_000, 0.0);
        Audio {
            _device: None,
            control,
            lost: Arc::new(AtomicBool::new(false)),
            problem: None,
        }
    }

    fn silent(control: TrackControl, why: String) -> Audio {
        Audio {
            _device: None,
            control,
            lost: Arc::new(AtomicBool::new(false)),
            problem: Some(why),
        }
    }

    /// Why there is no sound, if there is none.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Whether the device failed after it was opened (true once).
    pub fn take_device_lost(&self) -> bool {
        self.lost.swap(false, Ordering::Relaxed)
    }

    /// Sets the volume (0 to 1); `muted` silences it.
    pub fn set_volume(&self, volume: f32, muted: bool) {
        self.control.set_volume(if muted { 0.0 } else { volume });
    }

    /// Plans the session's cues from `now` on (nothing while paused or over).
    pub fn follow(&self, session: &Session, now: Duration) {
        self.control.play(plan_for(session, now));
    }

    /// Stops every planned cue.
    pub fn silence(&self) {
        self.control.silence();
    }
}

/// The cues of `session` still to come at `now`, as offsets from `now`.
pub fn plan_for(session: &Session, now: Duration) -> Plan {
    let position = session.position(now);
    Plan {
        cues: session
            .upcoming_cues(now)
            .iter()
            .map(|c| (c.at.saturating_sub(position), c.cue))
            .collect(),
    }
}
