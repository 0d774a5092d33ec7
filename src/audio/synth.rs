//! The cue sounds, synthesized in code: short, soft-edged tones, each cue
//! clearly different in pitch and rhythm. No sound files are needed.

use crate::session::Cue;

/// One tone of a cue: a sine that may glide in pitch, with a soft attack
/// and release so nothing clicks.
#[derive(Debug, Clone, Copy)]
struct Note {
    /// Seconds from the cue's start.
    at: f32,
    /// Seconds it lasts.
    length: f32,
    /// Pitch at the start and at the end (Hz).
    from_hz: f32,
    to_hz: f32,
    /// Loudness, 0..1.
    gain: f32,
    /// Seconds to swell from a third of the loudness to full (0: none).
    /// The onset itself is always quick, so the cue is on time.
    swell: f32,
    /// Ring out (bell-like) rather than hold steady.
    ring: bool,
}

const fn note(at: f32, length: f32, hz: f32, gain: f32) -> Note {
    Note {
        at,
        length,
        from_hz: hz,
        to_hz: hz,
        gain,
        swell: 0.0,
        ring: false,
    }
}

// Pitches of a C major chord and friends.
const C5: f32 = 523.25;
const D5: f32 = 587.33;
const E5: f32 = 659.25;
const G4: f32 = 392.0;
const G5: f32 = 783.99;
const A5: f32 = 880.0;
const C6: f32 = 1046.5;
const G6: f32 = 1567.98;

fn notes(cue: Cue) -> Vec<Note> {
    match cue {
        // A soft, very short click of a beat.
        Cue::Tick => vec![Note {
            ring: true,
            ..note(0.0, 0.03, 1500.0, 0.22)
        }],
        // Up-up: turn around.
        Cue::Turnaround => vec![note(0.0, 0.065, E5, 0.45), note(0.07, 0.07, 990.0, 0.45)],
        // C then G: go.
        Cue::Start => vec![note(0.0, 0.13, C5, 0.55), note(0.136, 0.18, G5, 0.55)],
        // A slow swell, like a breath in.
        Cue::BreatheIn => vec![
            Note {
                swell: 0.25,
                ..note(0.0, 0.6, G4, 0.45)
            },
            Note {
                swell: 0.25,
                ..note(0.0, 0.6, D5, 0.25)
            },
        ],
        Cue::Pip => vec![note(0.0, 0.09, A5, 0.5)],
        // A bell: the hold is over.
        Cue::HoldEnd => vec![
            Note {
                ring: true,
                ..note(0.0, 0.55, C6, 0.55)
            },
            Note {
                ring: true,
                ..note(0.0, 0.55, G6, 0.2)
            },
        ],
        // A falling glide: back off.
        Cue::EaseOff => vec![Note {
            to_hz: 440.0,
            ..note(0.0, 0.35, 700.0, 0.5)
        }],
        // Two low knocks: change sides.
        Cue::SwitchSide => vec![note(0.0, 0.1, D5, 0.55), note(0.108, 0.14, G4, 0.55)],
        // Three rising notes: next exercise.
        Cue::NextExercise => vec![
            note(0.0, 0.1, C5, 0.5),
            note(0.106, 0.1, E5, 0.5),
            note(0.212, 0.14, G5, 0.5),
        ],
        // An arpeggio that rings out: all done.
        Cue::Done => vec![
            note(0.0, 0.135, C5, 0.5),
            note(0.14, 0.135, E5, 0.5),
            note(0.28, 0.135, G5, 0.5),
            Note {
                ring: true,
                ..note(0.42, 0.45, C6, 0.55)
            },
        ],
    }
}

/// Renders `cue` as mono samples at `rate` Hz. The notes of a cue follow
/// each other with gaps under 10 ms, so each cue is heard (and measured)
/// as one sound.
pub fn render(cue: Cue, rate: u32) -> Vec<f32> {
    let rate_f = rate as f32;
    let notes = notes(cue);
    let end = notes.iter().map(|n| n.at + n.length).fold(0.0, f32::max);
    let mut out = vec![0.0f32; (end * rate_f).ceil() as usize + 1];
    const ATTACK: f32 = 0.004;
    const RELEASE: f32 = 0.012;
    for n in notes {
        let first = (n.at * rate_f).round() as usize;
        let count = (n.length * rate_f) as usize;
        let mut phase = 0.0f32;
        for i in 0..count {
            let t = i as f32 / rate_f;
            let progress = t / n.length;
            let hz = n.from_hz + (n.to_hz - n.from_hz) * progress;
            phase = (phase + hz / rate_f).fract();
            let mut attack = (t / ATTACK).min(1.0);
            if n.swell > 0.0 {
                attack *= 0.35 + 0.65 * (t / n.swell).min(1.0);
            }
            let release = ((n.length - t) / RELEASE).clamp(0.0, 1.0);
            let body = if n.ring { (-4.0 * progress).exp() } else { 1.0 };
            let sample = (phase * std::f32::consts::TAU).sin() * n.gain * attack * release * body;
            out[first + i] += sample;
        }
    }
    for s in &mut out {
        *s = s.clamp(-1.0, 1.0);
    }
    out
}

/// Every cue's sound, rendered once.
#[derive(Debug, Clone)]
pub struct CueSounds {
    rate: u32,
    sounds: Vec<Vec<f32>>,
}

impl CueSounds {
    /// Renders every cue at `rate` Hz.
    pub fn new(rate: u32) -> CueSounds {
        CueSounds {
            rate,
            sounds: Cue::ALL.iter().map(|c| render(*c, rate)).collect(),
        }
    }

    /// The sample rate.
    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// The samples of `cue`.
    pub fn get(&self, cue: Cue) -> &[f32] {
        let i = Cue::ALL.iter().position(|c| *c == cue).unwrap_or(0);
        &self.sounds[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_is_short_soft_edged_and_distinct() {
        let sounds = CueSounds::new(48_000);
        let mut seen = Vec::new();
        for cue in Cue::ALL {
            let s = sounds.get(cue);
            let secs = s.len() as f32 / 48_000.0;
            assert!(secs > 0.02 && secs < 0.9, "{cue:?} lasts {secs} s");
            assert!(s[0].abs() < 0.05, "{cue:?} starts without a click");
            assert!(s[s.len() - 1].abs() < 0.01, "{cue:?} ends without a click");
            let peak = s.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            assert!(peak > 0.1 && peak <= 1.0, "{cue:?} peak {peak}");
            assert!(
                !seen.contains(&s.to_vec()),
                "{cue:?} sounds like another cue"
            );
            seen.push(s.to_vec());
        }
    }

    #[test]
    fn no_cue_sounds_longer_than_the_voice_plan_allows_for() {
        // The prompt plan keeps speech clear of each tone for this long.
        for cue in Cue::ALL {
            let secs = render(cue, 48_000).len() as f64 / 48_000.0;
            let allowed = crate::session::sound_length(cue).as_secs_f64();
            assert!(
                secs <= allowed,
                "{cue:?} lasts {secs} s, the plan allows {allowed} s"
            );
        }
    }
}
