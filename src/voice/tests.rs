//! The voice over a recording speaker, and its thread.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::worker::{Batch, Command, NotOpened, Reach, Timing};
use super::*;

fn ready() -> VoiceStatus {
    VoiceStatus::Ready {
        voices: RECORDING_VOICES.iter().map(|&v| v.to_owned()).collect(),
    }
}

#[test]
fn a_voice_with_a_speaker_says_and_hushes_right_away() {
    let (recording, speaker) = Recording::new();
    let voice = Voice::with_speaker(speaker);
    assert_eq!(voice.status(), ready());
    voice.say("Roll slowly.");
    voice.hush();
    voice.say("Hold and breathe.");
    voice.warm_up();
    assert_eq!(recording.said(), ["Roll slowly.", "Hold and breathe."]);
    assert_eq!(
        recording.events(),
        [
            Said::Spoke("Roll slowly.".into()),
            Said::Stopped,
            Said::Spoke("Hold and breathe.".into())
        ]
    );
    let options = VoiceOptions {
        rate: 20,
        volume: 0.5,
        voice: Some("English (Great Britain)".into()),
    };
    voice.configure(options.clone());
    assert_eq!(recording.options(), Some(options));
    recording.clear();
    assert!(recording.events().is_empty());
}

#[test]
fn no_voice_says_nothing_and_says_why() {
    let voice = Voice::none();
    voice.say("Roll.");
    voice.hush();
    voice.warm_up();
    assert_eq!(voice.status(), VoiceStatus::Unavailable(VOICE_OFF.into()));
}

#[test]
fn the_default_options_are_normal_full_volume_and_the_default_voice() {
    let options = VoiceOptions::default();
    assert_eq!(
        (options.rate, options.volume, options.voice),
        (0, 1.0, None)
    );
}

/// A speaker that fails while `failing` holds, and, given a gate, tells
/// when it starts a line and waits to be let through.
struct Flaky {
    failing: std::sync::Arc<std::sync::atomic::AtomicBool>,
    recording: Box<dyn Speaker>,
    gate: Option<(mpsc::Sender<()>, mpsc::Receiver<()>)>,
}

impl Speaker for Flaky {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        if let Some((entered, through)) = &self.gate {
            let _ = entered.send(());
            let _ = through.recv();
        }
        if self.failing.load(std::sync::atomic::Ordering::SeqCst) {
            return Err("The speech engine went away.".into());
        }
        self.recording.speak(text)
    }
    fn stop(&mut self) -> Result<(), String> {
        self.recording.stop()
    }
    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        self.recording.configure(options)
    }
    fn voices(&mut self) -> Vec<String> {
        self.recording.voices()
    }
}

fn flaky() -> (
    Recording,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
    Flaky,
) {
    let (recording, speaker) = Recording::new();
    let failing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flaky = Flaky {
        failing: std::sync::Arc::clone(&failing),
        recording: speaker,
        gate: None,
    };
    (recording, failing, flaky)
}

#[test]
fn a_failing_speaker_sets_failed_and_recovers_when_it_speaks_again() {
    let (recording, failing, speaker) = flaky();
    let voice = Voice::with_speaker(Box::new(speaker));
    failing.store(true, std::sync::atomic::Ordering::SeqCst);
    voice.say("Roll.");
    assert_eq!(
        voice.status(),
        VoiceStatus::Failed("The speech engine went away.".into())
    );
    failing.store(false, std::sync::atomic::Ordering::SeqCst);
    voice.say("Hold.");
    assert_eq!(voice.status(), ready());
    assert_eq!(recording.said(), ["Hold."]);
}

/// An engine opener that runs `open` the first time, for a voice started
/// with [`Voice::on_thread`].
fn opens<E: ?Sized>(
    open: impl FnOnce() -> Result<Box<E>, VoiceStatus> + Send,
) -> impl FnMut(&VoiceOptions, Reach) -> Result<Box<E>, NotOpened> + Send {
    let mut open = Some(open);
    move |_, _| match open.take() {
        Some(open) => open().map_err(NotOpened::Status),
        None => Err(NotOpened::Status(VoiceStatus::Failed(
            "opened twice".into(),
        ))),
    }
}

fn wait_for(voice: &Voice, mut done: impl FnMut(&VoiceStatus) -> bool) -> VoiceStatus {
    let started = Instant::now();
    loop {
        let status = voice.status();
        if done(&status) {
            return status;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "{status:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_started_voice_opens_on_its_thread_and_says_the_last_line_waiting() {
    let (recording, _, speaker) = flaky();
    let (open_now, opened) = mpsc::channel::<()>();
    let voice = Voice::on_thread(opens(move || {
        // Opening takes until the test says so.
        let _ = opened.recv();
        Ok(Box::new(speaker))
    }));
    assert_eq!(voice.status(), VoiceStatus::Starting);
    voice.say("First.");
    voice.say("Second.");
    voice.warm_up();
    open_now.send(()).unwrap();
    wait_for(&voice, |s| *s == ready());
    let started = Instant::now();
    while recording.said().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(recording.said(), ["Second."]);
}

#[test]
fn a_busy_engine_skips_lines_overtaken_by_later_ones() {
    let (recording, _, mut speaker) = flaky();
    let (entered, speaking) = mpsc::channel();
    let (let_through, through) = mpsc::channel();
    speaker.gate = Some((entered, through));
    let voice = Voice::on_thread(opens(move || Ok(Box::new(speaker))));
    wait_for(&voice, |s| *s == ready());
    voice.say("One.");
    speaking.recv().unwrap();
    for line in ["Two.", "Three.", "Four."] {
        voice.say(line);
    }
    let_through.send(()).unwrap();
    speaking.recv().unwrap();
    let_through.send(()).unwrap();
    let started = Instant::now();
    while recording.said().len() < 2 {
        assert!(started.elapsed() < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(5));
    }
    // The three behind "One." came to "Four." alone.
    assert_eq!(recording.said(), ["One.", "Four."]);
}

#[test]
fn an_engine_that_cannot_open_leaves_a_voice_that_does_nothing() {
    let voice = Voice::on_thread(opens(|| -> Result<Box<dyn Speaker>, VoiceStatus> {
        Err(VoiceStatus::Unavailable(NO_ENGINE.into()))
    }));
    let status = wait_for(&voice, |s| *s != VoiceStatus::Starting);
    assert_eq!(status, VoiceStatus::Unavailable(NO_ENGINE.into()));
    voice.say("Roll.");
    voice.hush();
    voice.configure(VoiceOptions::default());
}

#[test]
fn an_engine_that_panics_is_reported_failed() {
    let voice = Voice::on_thread(opens(|| -> Result<Box<dyn Speaker>, VoiceStatus> {
        panic!("the engine broke")
    }));
    let status = wait_for(&voice, |s| *s != VoiceStatus::Starting);
    assert!(matches!(status, VoiceStatus::Failed(_)), "{status:?}");
    voice.say("Roll.");
}

#[test]
fn dropping_a_started_voice_hushes_it() {
    let (recording, _, speaker) = flaky();
    let voice = Voice::on_thread(opens(move || Ok(Box::new(speaker))));
    wait_for(&voice, |s| *s == ready());
    drop(voice);
    let started = Instant::now();
    while recording.events().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(recording.events(), [Said::Stopped]);
}

#[test]
fn piled_up_calls_come_to_the_last_line_and_the_last_options() {
    let mut batch = Batch::default();
    let fast = VoiceOptions {
        rate: 40,
        ..VoiceOptions::default()
    };
    for command in [
        Command::Say("One.".into()),
        Command::Configure(VoiceOptions::default()),
        Command::WarmUp,
        Command::Hush,
        Command::Configure(fast.clone()),
        Command::Say("Two.".into()),
    ] {
        batch.add(command);
    }
    assert_eq!(
        batch,
        Batch {
            configure: Some(fast),
            warm_up: true,
            list_voices: false,
            hold: None,
            speech: Some(Some("Two.".into())),
        }
    );
}

/// A speaker that notes each call in order, for the order of its work.
struct Noting {
    calls: std::sync::Arc<Mutex<Vec<String>>>,
}

impl Speaker for Noting {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        lock(&self.calls).push(format!("speak {text}"));
        Ok(())
    }
    fn stop(&mut self) -> Result<(), String> {
        Ok(())
    }
    fn configure(&mut self, _: &VoiceOptions) -> Result<(), String> {
        Ok(())
    }
    fn voices(&mut self) -> Vec<String> {
        lock(&self.calls).push("voices".into());
        vec!["English (Great Britain)".into()]
    }
}

#[test]
fn the_first_words_are_said_before_the_voices_are_listed() {
    let calls = std::sync::Arc::new(Mutex::new(Vec::new()));
    let noting = Noting {
        calls: std::sync::Arc::clone(&calls),
    };
    let (open_now, opened) = mpsc::channel::<()>();
    let voice = Voice::on_thread(opens(move || {
        let _ = opened.recv();
        Ok(Box::new(noting))
    }));
    voice.say("Calves, left side.");
    open_now.send(()).unwrap();
    // Ready to speak at once, the voices following once it is idle.
    wait_for(&voice, |s| matches!(s, VoiceStatus::Ready { .. }));
    let listed = wait_for(
        &voice,
        |s| matches!(s, VoiceStatus::Ready { voices } if !voices.is_empty()),
    );
    assert_eq!(
        listed,
        VoiceStatus::Ready {
            voices: vec!["English (Great Britain)".into()]
        }
    );
    assert_eq!(*lock(&calls), ["speak Calves, left side.", "voices"]);
}

/// A speaker that tells when it is dropped (the engine closed).
struct Closing {
    speaker: Box<dyn Speaker>,
    closed: mpsc::Sender<()>,
}

impl Speaker for Closing {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        self.speaker.speak(text)
    }
    fn stop(&mut self) -> Result<(), String> {
        self.speaker.stop()
    }
    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        self.speaker.configure(options)
    }
    fn voices(&mut self) -> Vec<String> {
        self.speaker.voices()
    }
}

impl Drop for Closing {
    fn drop(&mut self) {
        let _ = self.closed.send(());
    }
}

/// A voice over an engine that is asleep until started: each start opens
/// a new [`Closing`] speaker over one recording. Returns the voice, the
/// recording, each reach it was opened with, and the closings.
fn sleeping_engine(
    timing: Timing,
) -> (
    Voice,
    Recording,
    std::sync::Arc<Mutex<Vec<Reach>>>,
    mpsc::Receiver<()>,
) {
    let (recording, _) = Recording::new();
    let kept = recording.clone();
    let reaches = std::sync::Arc::new(Mutex::new(Vec::new()));
    let noted = std::sync::Arc::clone(&reaches);
    let (closed, closings) = mpsc::channel();
    let voice = Voice::on_thread_timed(
        move |_: &VoiceOptions, reach| {
            lock(&noted).push(reach);
            match reach {
                Reach::IfRunning => Err(NotOpened::Asleep),
                Reach::StartIt => Ok(Box::new(Closing {
                    speaker: kept.speaker(),
                    closed: closed.clone(),
                })),
            }
        },
        timing,
    );
    (voice, recording, reaches, closings)
}

fn quick() -> Timing {
    Timing {
        list_when_idle: Duration::from_millis(20),
        close_when_idle: Duration::from_millis(150),
        reopen_after_failure: Duration::from_millis(50),
    }
}

#[test]
fn an_engine_asleep_is_started_only_once_something_is_to_be_said() {
    let (voice, recording, reaches, _closings) = sleeping_engine(quick());
    // Ready (installed) without starting it; a hush or options need none.
    wait_for(&voice, |s| matches!(s, VoiceStatus::Ready { .. }));
    voice.hush();
    voice.configure(VoiceOptions::default());
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(*lock(&reaches), [Reach::IfRunning]);
    voice.say("Calves, left side.");
    wait_for(&voice, |_| !recording.said().is_empty());
    assert_eq!(*lock(&reaches), [Reach::IfRunning, Reach::StartIt]);
    assert_eq!(recording.said(), ["Calves, left side."]);
}

#[test]
fn an_idle_engine_is_closed_unless_a_routine_holds_it_and_opened_again() {
    let (voice, recording, reaches, closings) = sleeping_engine(quick());
    let started = |n: usize| {
        let reaches = std::sync::Arc::clone(&reaches);
        move || lock(&reaches).len() == n + 1
    };
    voice.say("One.");
    wait_for(&voice, |_| started(1)());
    // Idle with no routine: closed.
    closings.recv_timeout(Duration::from_secs(5)).unwrap();
    // A routine holds it open between its lines, however far apart.
    voice.hold(true);
    voice.say("Two.");
    wait_for(&voice, |_| started(2)());
    assert!(closings.recv_timeout(Duration::from_millis(500)).is_err());
    voice.say("Three.");
    // Let go when the routine ends: closed once idle.
    voice.hold(false);
    closings.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(lock(&reaches).len(), 3);
    assert_eq!(recording.said(), ["One.", "Two.", "Three."]);
}

#[test]
fn the_voices_are_listed_on_request_starting_the_engine() {
    let (voice, _recording, reaches, _closings) = sleeping_engine(quick());
    wait_for(&voice, |s| *s == VoiceStatus::Ready { voices: Vec::new() });
    voice.list_voices();
    let listed = wait_for(
        &voice,
        |s| matches!(s, VoiceStatus::Ready { voices } if !voices.is_empty()),
    );
    assert_eq!(listed, ready());
    assert_eq!(*lock(&reaches), [Reach::IfRunning, Reach::StartIt]);
}

#[test]
fn an_engine_that_will_not_start_is_reported_and_tried_again_later() {
    let tries = std::sync::Arc::new(Mutex::new(0));
    let counted = std::sync::Arc::clone(&tries);
    let (recording, speaker) = Recording::new();
    let mut speaker = Some(speaker);
    let voice = Voice::on_thread_timed(
        move |_: &VoiceOptions, reach| {
            if reach == Reach::IfRunning {
                return Err(NotOpened::Asleep);
            }
            *lock(&counted) += 1;
            if *lock(&counted) == 1 {
                return Err(NotOpened::Status(VoiceStatus::Unavailable(
                    WOULD_NOT_START.into(),
                )));
            }
            speaker.take().ok_or(NotOpened::Asleep)
        },
        quick(),
    );
    voice.say("One.");
    wait_for(&voice, |s| s.is_missing());
    // At once again: not tried (it would wait for the daemon each time).
    voice.say("Two.");
    std::thread::sleep(Duration::from_millis(10));
    assert_eq!(*lock(&tries), 1);
    std::thread::sleep(Duration::from_millis(80));
    voice.say("Three.");
    wait_for(&voice, |s| matches!(s, VoiceStatus::Ready { .. }));
    wait_for(&voice, |_| !recording.said().is_empty());
    assert_eq!(recording.said(), ["Three."]);
}
