//! The device's lifecycle, with a fake device that counts opens and closes,
//! takes 20 ms to open (on a clock moved by hand), starts pulling its first
//! buffer as it opens, as a real one does, and hands over the track it was
//! given so the test can pull the rest.

use std::sync::MutexGuard;
use std::sync::atomic::{AtomicU64, Ordering};

use rodio::cpal::{Error, ErrorKind};

use super::*;
use crate::catalog::Catalog;
use crate::model::Settings;

/// How long the fake device takes to open.
const OPENING: Duration = Duration::from_millis(20);

/// The samples the fake device pulls as it opens.
const FIRST_BUFFER: usize = 1024;

/// What the fake device saw.
#[derive(Default)]
struct Seen {
    opens: usize,
    closes: usize,
    /// The open stream's track, and what it played as the device opened.
    track: Option<CueTrack>,
    first_buffer: Vec<f32>,
    /// How to make the open stream fail.
    failure: Option<Failure>,
    /// Opening fails (no device).
    refuse: bool,
}

/// The fake device, and the clock plans are anchored to.
#[derive(Clone)]
struct Fake {
    seen: Arc<Mutex<Seen>>,
    base: Instant,
    micros: Arc<AtomicU64>,
}

impl Output for Fake {
    fn open(&mut self, track: CueTrack, failure: Failure) -> Result<Box<dyn Any>, String> {
        self.micros
            .fetch_add(OPENING.as_micros() as u64, Ordering::SeqCst);
        let mut seen = self.seen();
        if seen.refuse {
            return Err("no such device".into());
        }
        seen.opens += 1;
        let mut track = track;
        seen.first_buffer = (0..FIRST_BUFFER).map(|_| track.next_sample()).collect();
        seen.track = Some(track);
        seen.failure = Some(failure);
        Ok(Box::new(Closes(self.seen.clone())))
    }
}

/// The stream handle: counts a close when dropped.
struct Closes(Arc<Mutex<Seen>>);

impl Drop for Closes {
    fn drop(&mut self) {
        let mut seen = self.0.lock().unwrap();
        seen.closes += 1;
        seen.track = None;
        seen.failure = None;
    }
}

impl Fake {
    fn new() -> Fake {
        Fake {
            seen: Arc::default(),
            base: Instant::now(),
            micros: Arc::default(),
        }
    }

    /// Sound through this device at full volume.
    fn audio(&self) -> Audio {
        let (base, micros) = (self.base, self.micros.clone());
        let wall: Wall =
            Arc::new(move || base + Duration::from_micros(micros.load(Ordering::SeqCst)));
        let mut audio = Audio::with_output(Some(Box::new(self.clone())), wall);
        audio.set_volume(1.0, false, Duration::ZERO);
        audio
    }

    fn seen(&self) -> MutexGuard<'_, Seen> {
        self.seen.lock().unwrap()
    }

    fn opens_and_closes(&self) -> (usize, usize) {
        let seen = self.seen();
        (seen.opens, seen.closes)
    }

    /// The next `secs` seconds of the open stream, as the device pulls them.
    fn pull(&self, secs: f64) -> Vec<f32> {
        let mut seen = self.seen();
        let mut out = std::mem::take(&mut seen.first_buffer);
        let track = seen.track.as_mut().expect("a stream is open");
        let rest = samples(secs).saturating_sub(out.len());
        out.extend((0..rest).map(|_| track.next_sample()));
        out
    }

    /// The device reports `kind` errors every 2 ms for `lasting`, as its
    /// error callback would (the time as the device's thread reads it).
    fn errors(&self, kind: ErrorKind, lasting: Duration) {
        let seen = self.seen();
        let failure = seen.failure.as_ref().expect("a stream is open");
        let start = Instant::now();
        for ms in (0..=lasting.as_millis() as u64).step_by(2) {
            failure.report(&Error::new(kind), start + Duration::from_millis(ms));
        }
    }

    /// The device is gone.
    fn unplug(&self) {
        self.errors(ErrorKind::DeviceNotAvailable, Duration::ZERO);
    }
}

fn samples(secs: f64) -> usize {
    (secs * f64::from(SAMPLE_RATE)).round() as usize
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// Onsets of the sounds in `samples`, in seconds: the first sample over a
/// threshold after at least 20 ms of quiet.
fn onsets(samples: &[f32]) -> Vec<f64> {
    let quiet_gap = (SAMPLE_RATE / 50) as usize;
    let mut out = Vec::new();
    let mut last_loud: Option<usize> = None;
    for (i, s) in samples.iter().enumerate() {
        if s.abs() > 0.01 {
            if last_loud.is_none_or(|l| i - l > quiet_gap) {
                out.push(i as f64 / f64::from(SAMPLE_RATE));
            }
            last_loud = Some(i);
        }
    }
    out
}

fn assert_near(heard: &[f64], expected: &[f64]) {
    assert_eq!(heard.len(), expected.len(), "{heard:?} vs {expected:?}");
    for (h, e) in heard.iter().zip(expected) {
        assert!((h - e).abs() < 0.002, "{heard:?} vs {expected:?}");
    }
}

/// "Feet and calves" with a 5 s get-ready: countdown pips at 2, 3 and 4 s,
/// rolling from 5 s; not started.
fn session() -> Session {
    let catalog = Catalog::builtin().unwrap();
    let routine = catalog.routine("Feet and calves").unwrap();
    let mut settings = Settings {
        first_get_ready_seconds: 5,
        ..Settings::default()
    };
    // Tones only: these tests follow the cues.
    settings.voice.on = false;
    Session::new(routine, &catalog, &settings).unwrap()
}

#[test]
fn no_stream_until_cues_are_due() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    assert!(!audio.is_open());
    assert_eq!(audio.tick(secs(10.0)), None, "nothing to wake for");
    // A session that is not running has nothing to play.
    audio.follow(&session(), secs(10.0));
    assert!(!audio.is_open());
    assert_eq!(fake.opens_and_closes(), (0, 0));
}

#[test]
fn follow_opens_the_stream_and_every_cue_keeps_its_sample() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    assert!(audio.is_open());
    assert_eq!(fake.opens_and_closes(), (1, 0));

    // The device took 20 ms to open before pulling its first sample, so
    // that sample is 20 ms into the routine: the stream must be exactly
    // the routine from 20 ms on.
    let heard = fake.pull(8.0);
    let (mut reference, control) = CueTrack::new(SAMPLE_RATE, 1.0);
    control.play(plan_for(&session, OPENING));
    let expected: Vec<f32> = (0..heard.len()).map(|_| reference.next_sample()).collect();
    let first_difference = heard.iter().zip(&expected).position(|(a, b)| a != b);
    assert_eq!(first_difference, None, "every sample where it belongs");
    let o = onsets(&heard);
    assert_near(&o[..4], &[1.98, 2.98, 3.98, 4.98]);
    assert!(o.len() > 4, "rolling cues follow");
}

#[test]
fn a_cue_due_while_the_device_opens_sounds_at_once() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    audio.set_volume(1.0, true, Duration::ZERO);
    let mut session = session();
    session.start(Duration::ZERO);
    // Paused 10 ms before the first pip, resumed later: the pip is due
    // 10 ms after the resume, while the device is still opening.
    session.pause(secs(1.99));
    audio.follow(&session, secs(1.99));
    audio.set_volume(1.0, false, secs(5.0));
    assert!(!audio.is_open(), "paused: nothing due, no stream");
    session.resume(secs(30.0));
    audio.follow(&session, secs(30.0));
    assert!(audio.is_open());
    let heard = onsets(&fake.pull(3.5));
    assert_near(&heard, &[0.0, 0.99, 1.99, 2.99]);
}

/// How long `cue` rings.
fn rings(cue: Cue) -> Duration {
    let sounds = CueSounds::new(SAMPLE_RATE);
    Duration::from_secs_f64(sounds.get(cue).len() as f64 / f64::from(SAMPLE_RATE))
}

/// Ticks `audio` through a whole played routine every `step`, and returns
/// the stretches the stream was open, `[opened, closed)`.
fn open_stretches(audio: &mut Audio, end: Duration, step: Duration) -> Vec<(Duration, Duration)> {
    let mut stretches = Vec::new();
    let mut opened = audio.is_open().then_some(Duration::ZERO);
    let mut now = Duration::ZERO;
    while now <= end {
        audio.tick(now);
        match (opened, audio.is_open()) {
            (None, true) => opened = Some(now),
            (Some(at), false) => {
                stretches.push((at, now));
                opened = None;
            }
            _ => {}
        }
        now += step;
    }
    assert_eq!(opened, None, "closed in the end");
    stretches
}

#[test]
fn the_stream_is_open_only_around_cues_and_closes_a_linger_after_the_routine_ends() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    let cues = session.timeline().cues().to_vec();
    let last = *cues.last().unwrap();
    let close_at = last.at + rings(last.cue) + LINGER;

    let step = Duration::from_millis(10);
    let stretches = open_stretches(&mut audio, close_at + secs(5.0), step);
    assert_eq!(fake.opens_and_closes(), (stretches.len(), stretches.len()));
    // Every cue is inside a stretch, opened at least WAKE_AHEAD before it
    // (or at the start) and kept until a linger after it rang out.
    for c in &cues {
        let (opened, closed) = *stretches
            .iter()
            .find(|(o, cl)| *o <= c.at && c.at < *cl)
            .unwrap_or_else(|| panic!("{c:?} with no stream: {stretches:?}"));
        assert!(opened == Duration::ZERO || opened + WAKE_AHEAD <= c.at + step);
        assert!(closed >= c.at + rings(c.cue) + LINGER);
    }
    // Closed through the quiet of the holds, and a linger after the end.
    assert!(stretches.len() > 2, "{stretches:?}");
    let (_, closed) = *stretches.last().unwrap();
    assert!(
        closed >= close_at && closed < close_at + step * 2,
        "{closed:?} vs {close_at:?}"
    );

    // Waking only when tick asks gives the same stretches.
    let fake = Fake::new();
    let mut woken = fake.audio();
    woken.follow(&session, Duration::ZERO);
    let mut now = Duration::ZERO;
    let mut changes = vec![];
    while let Some(after) = woken.tick(now) {
        now += after;
        changes.push(now);
    }
    assert_eq!(fake.opens_and_closes(), (stretches.len(), stretches.len()));
    for (opened, closed) in &stretches {
        for at in [opened, closed] {
            if *at > Duration::ZERO {
                assert!(
                    changes.iter().any(|c| c <= at && *at < *c + step),
                    "woken at {at:?}"
                );
            }
        }
    }
    assert_eq!(woken.tick(close_at + secs(60.0)), None);
}

#[test]
fn a_stream_opened_again_after_a_quiet_stretch_keeps_every_cue_on_its_sample() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    let cues = session.timeline().cues().to_vec();
    // The first gap between cues long enough to close in.
    let quiet = cues
        .windows(2)
        .find(|w| w[1].at > w[0].at + rings(w[0].cue) + LINGER + WAKE_AHEAD)
        .expect("a long quiet stretch");
    let reopen = quiet[1].at - WAKE_AHEAD;
    assert_eq!(
        audio.tick(reopen - secs(1.0)),
        Some(secs(1.0)),
        "closed, waking then"
    );
    assert!(!audio.is_open());
    audio.tick(reopen);
    assert!(audio.is_open());
    // The device took 20 ms to open: heard from reopen + 20 ms on.
    let heard = onsets(&fake.pull(WAKE_AHEAD.as_secs_f64() + 1.5));
    let expected: Vec<f64> = cues
        .iter()
        .filter(|c| c.at >= reopen && c.at < reopen + WAKE_AHEAD + secs(1.5))
        .map(|c| (c.at - reopen - OPENING).as_secs_f64())
        .collect();
    assert!(!expected.is_empty());
    assert_near(&heard, &expected);
}

#[test]
fn the_stream_closes_a_linger_after_a_stop_or_a_pause() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);

    // Paused: open for a linger, in case it goes on soon.
    let paused = secs(2.5);
    session.pause(paused);
    audio.follow(&session, paused);
    assert_eq!(audio.tick(paused + secs(1.0)), Some(LINGER - secs(1.0)));
    session.resume(paused + secs(1.0));
    audio.follow(&session, paused + secs(1.0));
    assert!(audio.tick(paused + LINGER).is_some(), "resumed: still due");
    assert_eq!(fake.opens_and_closes(), (1, 0), "the same stream");

    // Paused for long: closed after the linger; resuming opens it again.
    let paused = secs(10.0);
    session.pause(paused);
    audio.follow(&session, paused);
    assert!(
        audio
            .tick(paused + LINGER - Duration::from_millis(1))
            .is_some()
    );
    assert_eq!(audio.tick(paused + LINGER), None);
    assert_eq!(fake.opens_and_closes(), (1, 1));
    session.resume(secs(20.0));
    audio.follow(&session, secs(20.0));
    assert_eq!(fake.opens_and_closes(), (2, 1));

    // Stopped: nothing more is due.
    session.stop(secs(21.0));
    audio.follow(&session, secs(21.0));
    assert!(audio.tick(secs(21.0) + LINGER / 2).is_some());
    assert_eq!(audio.tick(secs(21.0) + LINGER), None);
    assert_eq!(fake.opens_and_closes(), (2, 2));
}

#[test]
fn muted_holds_no_stream_and_unmuting_plays_the_rest() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    audio.set_volume(0.8, true, Duration::ZERO);
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    assert!(!audio.is_open(), "muted");
    audio.set_volume(0.0, false, secs(1.0));
    assert!(!audio.is_open(), "volume 0");
    assert_eq!(audio.tick(secs(1.0)), None);

    // Sound again mid-routine: the cues from now on, each on time.
    audio.set_volume(0.8, false, secs(2.5));
    assert!(audio.is_open());
    let heard = onsets(&fake.pull(2.7));
    assert_near(&heard, &[0.48, 1.48, 2.48]);

    // Muting closes it at once; a volume change keeps it.
    audio.set_volume(0.5, false, secs(5.2));
    assert!(audio.is_open());
    audio.set_volume(0.5, true, secs(5.3));
    assert!(!audio.is_open());
    assert_eq!(fake.opens_and_closes(), (1, 1));
    audio.follow(&session, secs(6.0));
    assert_eq!(fake.opens_and_closes(), (1, 1), "still muted");
}

#[test]
fn a_failed_stream_is_opened_again_once_and_then_given_up_until_the_next_follow() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);

    // It fails: the next tick opens it again, for the cues still to come.
    fake.unplug();
    assert!(audio.tick(secs(1.0)).is_some());
    assert!(audio.is_open());
    assert_eq!(fake.opens_and_closes(), (2, 1));
    assert!(!audio.take_device_lost(), "nothing to say: it plays");
    let heard = onsets(&fake.pull(1.5));
    assert_near(&heard, &[0.98]);

    // It fails again: given up, said once; the routine goes on.
    fake.unplug();
    assert_eq!(audio.tick(secs(2.5)), None, "closed");
    assert!(audio.take_device_lost());
    assert!(!audio.take_device_lost(), "said once");
    assert_eq!(audio.tick(secs(2.6)), None);
    assert_eq!(fake.opens_and_closes(), (2, 2));

    // A resume opens the device again.
    session.pause(secs(2.9));
    audio.follow(&session, secs(2.9));
    assert_eq!(fake.opens_and_closes(), (2, 2), "paused: nothing due");
    session.resume(secs(3.0));
    audio.follow(&session, secs(3.0));
    assert!(audio.is_open());
    assert_eq!(fake.opens_and_closes(), (3, 2));
    let heard = onsets(&fake.pull(1.5));
    assert_near(&heard, &[0.08, 1.08]);
    assert!(!audio.take_device_lost());
}

#[test]
fn a_device_that_cannot_open_leaves_the_routine_silent_and_is_said_once() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    fake.seen().refuse = true;
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    assert!(!audio.is_open());
    assert!(audio.take_device_lost());
    assert_eq!(audio.tick(secs(0.5)), None);
    session.pause(secs(1.0));
    audio.follow(&session, secs(1.0));
    session.resume(secs(2.0));
    audio.follow(&session, secs(2.0));
    assert!(!audio.take_device_lost(), "not said again");
    assert_eq!(audio.tick(secs(3.0)), None);

    // Back: the next follow plays.
    fake.seen().refuse = false;
    session.pause(secs(3.0));
    session.resume(secs(3.0));
    audio.follow(&session, secs(3.0));
    assert!(audio.is_open());
}

#[test]
fn a_stream_survives_a_short_run_of_errors_but_not_a_long_one() {
    let fake = Fake::new();
    let mut audio = fake.audio();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.follow(&session, Duration::ZERO);

    // A burst as ALSA's PulseAudio plugin reports just after opening.
    fake.errors(ErrorKind::BackendError, Duration::from_millis(100));
    assert!(audio.tick(secs(0.5)).is_some());
    assert_eq!(fake.opens_and_closes(), (1, 0), "still the same stream");
    assert!(!audio.take_device_lost());

    // Errors without end: closed, and opened again.
    fake.errors(ErrorKind::BackendError, ERRORS_FOR);
    assert!(audio.tick(secs(1.5)).is_some());
    assert_eq!(fake.opens_and_closes(), (2, 1));
}

#[test]
fn only_a_device_gone_or_errors_that_go_on_kill_a_stream() {
    let at = Instant::now();
    let ms = |n: u64| at + Duration::from_millis(n);
    let error = Error::new;

    let mut health = Health::default();
    for n in 0..100 {
        health.note(&error(ErrorKind::BackendError), ms(n));
    }
    // Apart, runs do not add up: underruns now and then are no failure.
    for n in 1..20 {
        health.note(&error(ErrorKind::Xrun), ms(n * 300));
    }
    for n in 0..2000 {
        health.note(&error(ErrorKind::DeviceChanged), ms(n));
        health.note(&error(ErrorKind::RealtimeDenied), ms(n));
    }
    assert!(!health.dead);

    let mut health = Health::default();
    for n in 0..ERRORS_FOR.as_millis() as u64 / 10 {
        health.note(&error(ErrorKind::BackendError), ms(n * 10));
    }
    assert!(!health.dead, "not yet a second of errors");
    health.note(&error(ErrorKind::BackendError), at + ERRORS_FOR);
    assert!(health.dead, "a second of errors");

    let mut health = Health::default();
    health.note(&error(ErrorKind::DeviceNotAvailable), at);
    assert!(health.dead);
}

#[test]
fn none_never_opens() {
    let mut audio = Audio::none();
    let mut session = session();
    session.start(Duration::ZERO);
    audio.set_volume(1.0, false, Duration::ZERO);
    audio.follow(&session, Duration::ZERO);
    assert!(!audio.is_open());
    assert_eq!(audio.tick(Duration::ZERO), None);
    assert_eq!(audio.problem(), None);
    assert!(!audio.take_device_lost());
}

/// A stand-in for the app's executable that runs `script` (a shell body).
#[cfg(unix)]
fn probe_script(dir: &std::path::Path, script: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("probe");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn the_probe_apart_reads_the_answer_of_its_process() {
    let dir = tempfile::tempdir().unwrap();
    let ok = probe_script(dir.path(), &format!("[ \"$1\" = {PROBE_ARG} ] && echo ok"));
    assert_eq!(probe_apart(&ok), Ok(()));
    let dir = tempfile::tempdir().unwrap();
    let none = probe_script(dir.path(), "echo 'no default output device'; exit 1");
    assert_eq!(
        probe_apart(&none),
        Err("no default output device".to_owned())
    );
    let dir = tempfile::tempdir().unwrap();
    let crashed = probe_script(dir.path(), "kill -9 $$");
    let why = probe_apart(&crashed).unwrap_err();
    assert!(why.contains("probe ended"), "{why}");
}
