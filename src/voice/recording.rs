//! A [`Speaker`] that records what it is asked, for tests.

use std::sync::{Arc, Mutex};

use super::{Speaker, VoiceOptions, lock};

/// One call a [`Recording`] took.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// A line said (after cutting whatever was being said).
    Spoke(String),
    /// Whatever was being said, cut.
    Stopped,
}

/// Records the calls of the speaker [`Recording::new`] makes; clones share
/// the record.
#[derive(Clone, Debug, Default)]
pub struct Recording {
    events: Arc<Mutex<Vec<Said>>>,
    options: Arc<Mutex<Option<VoiceOptions>>>,
    held: Arc<Mutex<Option<bool>>>,
}

impl Recording {
    /// A record, and the speaker that writes to it (for
    /// [`Voice::with_speaker`](super::Voice::with_speaker)).
    pub fn new() -> (Recording, Box<dyn Speaker>) {
        let recording = Recording::default();
        let speaker = recording.speaker();
        (recording, speaker)
    }

    /// Another speaker that writes to this record.
    pub fn speaker(&self) -> Box<dyn Speaker> {
        Box::new(RecordingSpeaker {
            recording: self.clone(),
        })
    }

    /// The lines said, in order.
    pub fn said(&self) -> Vec<String> {
        lock(&self.events)
            .iter()
            .filter_map(|event| match event {
                Said::Spoke(text) => Some(text.clone()),
                Said::Stopped => None,
            })
            .collect()
    }

    /// Every line said and every cut, in order.
    pub fn events(&self) -> Vec<Said> {
        lock(&self.events).clone()
    }

    /// The options last configured, if any.
    pub fn options(&self) -> Option<VoiceOptions> {
        lock(&self.options).clone()
    }

    /// Whether a routine holds the voice, as last told (`None`: never told).
    pub fn held(&self) -> Option<bool> {
        *lock(&self.held)
    }

    /// Forgets what was recorded so far.
    pub fn clear(&self) {
        lock(&self.events).clear();
    }
}

/// The voices a recording speaker offers.
pub const RECORDING_VOICES: [&str; 2] = ["English (America)", "English (Great Britain)"];

struct RecordingSpeaker {
    recording: Recording,
}

impl Speaker for RecordingSpeaker {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        lock(&self.recording.events).push(Said::Spoke(text.to_owned()));
        Ok(())
    }

    fn stop(&mut self) -> Result<(), String> {
        lock(&self.recording.events).push(Said::Stopped);
        Ok(())
    }

    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        *lock(&self.recording.options) = Some(options.clone());
        Ok(())
    }

    fn voices(&mut self) -> Vec<String> {
        RECORDING_VOICES.iter().map(|&v| v.to_owned()).collect()
    }

    fn hold(&mut self, held: bool) {
        *lock(&self.recording.held) = Some(held);
    }
}
