//! macOS and Windows: the system's synthesizer (AVFoundation, WinRT)
//! through the `tts` crate. Its handle is not `Send`: it is made and used
//! on the voice's thread alone.

use tts::Tts;

use super::worker::Engine;
use super::{NO_VOICE, VoiceOptions, VoiceStatus};

/// The system's synthesizer, with an English voice.
pub(super) struct Native {
    tts: Tts,
    /// The English voices, as the system offers them.
    voices: Vec<tts::Voice>,
    /// The English voice used when none is chosen.
    default_voice: Option<tts::Voice>,
}

impl Native {
    /// Opens the system's synthesizer with an English voice.
    pub fn open(options: &VoiceOptions) -> Result<Native, VoiceStatus> {
        let tts = Tts::default().map_err(|err| {
            VoiceStatus::Unavailable(format!(
                "The system's speech synthesizer could not be opened ({err}), so routines use \
                 tones only."
            ))
        })?;
        let features = tts.supported_features();
        let voices: Vec<tts::Voice> = tts
            .voices()
            .unwrap_or_default()
            .into_iter()
            .filter(is_english)
            .collect();
        let current = tts.voice().ok().flatten();
        if features.voice && voices.is_empty() {
            return Err(VoiceStatus::Unavailable(NO_VOICE.to_owned()));
        }
        // The system's own voice if it is English, else the first English
        // one (the system's may speak the desktop's language).
        let default_voice = match current {
            Some(voice) if is_english(&voice) => Some(voice),
            _ => voices.first().cloned(),
        };
        let mut native = Native {
            tts,
            voices,
            default_voice,
        };
        if let Err(err) = native.apply(options) {
            log::warn!("the speech synthesizer took not all options: {err}");
        }
        Ok(native)
    }

    fn apply(&mut self, options: &VoiceOptions) -> Result<(), String> {
        let features = self.tts.supported_features();
        if features.rate {
            // -100..100 as half to twice the normal speed, within the range.
            let factor = 2f32.powf(options.clamped_rate() as f32 / 100.0);
            let (min, max) = (self.tts.min_rate(), self.tts.max_rate());
            let rate = (self.tts.normal_rate() * factor).clamp(min.min(max), max.max(min));
            self.tts.set_rate(rate).map_err(|err| err.to_string())?;
        }
        if features.volume {
            let (min, max) = (self.tts.min_volume(), self.tts.max_volume());
            let volume = min + (max - min) * options.clamped_volume();
            self.tts.set_volume(volume).map_err(|err| err.to_string())?;
        }
        if features.voice {
            let chosen = options
                .voice
                .as_deref()
                .and_then(|name| self.voices.iter().find(|v| v.name() == name))
                .or(self.default_voice.as_ref())
                .cloned();
            if let Some(voice) = chosen {
                self.tts.set_voice(&voice).map_err(|err| err.to_string())?;
            }
        }
        Ok(())
    }
}

fn is_english(voice: &tts::Voice) -> bool {
    voice
        .language()
        .primary_language()
        .eq_ignore_ascii_case("en")
}

fn failed(what: &str, err: &tts::Error) -> String {
    format!(
        "Spoken coaching stopped: the system's speech synthesizer could not {what} ({err}). \
         Routines go on with tones."
    )
}

impl Engine for Native {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        if text.trim().is_empty() {
            return self.stop();
        }
        self.tts
            .speak(text, true)
            .map(drop)
            .map_err(|err| failed("speak", &err))
    }

    fn stop(&mut self) -> Result<(), String> {
        if !self.tts.supported_features().stop {
            return Ok(());
        }
        self.tts
            .stop()
            .map(drop)
            .map_err(|err| failed("stop", &err))
    }

    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        self.apply(options)
    }

    fn voices(&mut self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for voice in &self.voices {
            let name = voice.name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    fn warm_up(&mut self) -> Result<(), String> {
        // The synthesizer is ready once opened: nothing to say.
        Ok(())
    }
}
