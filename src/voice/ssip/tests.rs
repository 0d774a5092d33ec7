//! The SSIP client against a stand-in daemon.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::fake::{Fake, Script};
use super::wire::escape;
use super::*;
use crate::voice::{Voice, VoiceStatus};

const GREETING: [&str; 6] = [
    "SET self CLIENT_NAME user:rollcoach:main",
    "SET self LANGUAGE en",
    "SET self PRIORITY important",
    "SET self RATE 0",
    "SET self VOLUME 100",
    "LIST OUTPUT_MODULES",
];

fn open(fake: &Fake) -> Ssip {
    let ssip = Ssip::open_at(fake.place(), &VoiceOptions::default(), Reach::StartIt).unwrap();
    fake.take();
    ssip
}

fn status_of<T>(opened: Result<T, NotOpened>) -> VoiceStatus {
    match opened {
        Ok(_) => panic!("opened"),
        Err(NotOpened::Asleep) => panic!("asleep"),
        Err(NotOpened::Status(status)) => status,
    }
}

#[test]
fn opening_names_the_client_sets_english_and_lists_english_voices_when_asked() {
    let fake = Fake::start(Script::default());
    let mut ssip = Ssip::open_at(fake.place(), &VoiceOptions::default(), Reach::StartIt).unwrap();
    assert_eq!(fake.take(), GREETING);
    let english = [
        "English (America)",
        "English (Great Britain)",
        "English (America)+Max",
    ];
    assert_eq!(ssip.voices(), english);
    assert_eq!(fake.take(), ["LIST SYNTHESIS_VOICES"]);
    // Listed once.
    assert_eq!(ssip.voices(), english);
    assert!(fake.take().is_empty());
}

#[test]
fn say_cuts_then_speaks_the_text() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    ssip.speak("Roll slowly down to the knee.").unwrap();
    assert_eq!(
        fake.take(),
        ["CANCEL self", "SPEAK", "Roll slowly down to the knee.", "."]
    );
}

#[test]
fn lines_starting_with_a_dot_get_another() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    ssip.speak(".5 cm more\nThen hold.\n..\n.").unwrap();
    assert_eq!(
        fake.take(),
        [
            "CANCEL self",
            "SPEAK",
            "..5 cm more",
            "Then hold.",
            "...",
            "..",
            "."
        ]
    );
    assert_eq!(escape("a\r\nb\rc"), "a\r\nb c\r\n.\r\n");
    assert_eq!(escape(""), "\r\n.\r\n");
}

#[test]
fn an_empty_line_only_cuts() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    ssip.speak("  ").unwrap();
    assert_eq!(fake.take(), ["CANCEL self"]);
}

#[test]
fn hush_cancels() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    ssip.stop().unwrap();
    assert_eq!(fake.take(), ["CANCEL self"]);
}

#[test]
fn warming_up_queues_a_silent_line_without_cutting() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    ssip.warm_up().unwrap();
    assert_eq!(
        fake.take(),
        [
            "SET self SSML_MODE on",
            "SPEAK",
            SILENCE,
            ".",
            "SET self SSML_MODE off"
        ]
    );
}

#[test]
fn configure_sets_rate_volume_and_voice() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    let options = VoiceOptions {
        rate: 30,
        volume: 0.25,
        voice: Some("English (Great Britain)".into()),
    };
    ssip.configure(&options).unwrap();
    assert_eq!(
        fake.take(),
        [
            "SET self RATE 30",
            "SET self VOLUME -50",
            "SET self SYNTHESIS_VOICE English (Great Britain)"
        ]
    );
    // Back to the default voice: a fresh connection, with the rest kept.
    ssip.configure(&VoiceOptions {
        voice: None,
        ..options
    })
    .unwrap();
    let mut again = GREETING.to_vec();
    again[3] = "SET self RATE 30";
    again[4] = "SET self VOLUME -50";
    assert_eq!(fake.take(), again);
    assert_eq!(fake.connections(), 2);
}

#[test]
fn rate_and_volume_are_kept_in_range() {
    let lines = |rate, volume| {
        option_lines(&VoiceOptions {
            rate,
            volume,
            voice: None,
        })
    };
    assert_eq!(
        lines(500, 2.0),
        ["SET self RATE 100", "SET self VOLUME 100"]
    );
    assert_eq!(
        lines(-500, -1.0),
        ["SET self RATE -100", "SET self VOLUME -100"]
    );
    assert_eq!(lines(-30, 0.5), ["SET self RATE -30", "SET self VOLUME 0"]);
    assert_eq!(
        lines(0, f32::NAN),
        ["SET self RATE 0", "SET self VOLUME 100"]
    );
}

#[test]
fn a_voice_name_with_a_line_break_is_refused_unsent() {
    let fake = Fake::start(Script::default());
    let mut ssip = open(&fake);
    let options = VoiceOptions {
        voice: Some("x\r\nQUIT".into()),
        ..VoiceOptions::default()
    };
    assert!(ssip.configure(&options).is_err());
    assert!(fake.take().is_empty());
}

#[test]
fn an_error_reply_fails_the_call_but_keeps_the_connection() {
    let script = Script {
        refuse: vec![("SET self RATE", "409 ERR RATE TOO HIGH")],
        ..Script::default()
    };
    let fake = Fake::start(script);
    // Refused while opening: told in the log, opened all the same.
    let mut ssip = open(&fake);
    let err = ssip.configure(&VoiceOptions::default()).unwrap_err();
    assert!(err.contains("409 ERR RATE TOO HIGH"), "{err}");
    ssip.speak("Breathe out.").unwrap();
    assert_eq!(
        fake.take(),
        [
            "SET self RATE 0",
            "CANCEL self",
            "SPEAK",
            "Breathe out.",
            "."
        ]
    );
    assert_eq!(fake.connections(), 1);
}

#[test]
fn a_daemon_that_closes_the_socket_fails_the_call_and_is_tried_again() {
    let script = Script {
        close_first_after: Some(GREETING.len()),
        ..Script::default()
    };
    let fake = Fake::start(script);
    let mut ssip = open(&fake);
    let err = ssip.speak("Roll.").unwrap_err();
    assert!(err.contains("closed the connection"), "{err}");
    // The next call opens a new connection (the retry wait is zero here).
    ssip.speak("Roll.").unwrap();
    assert_eq!(fake.connections(), 2);
}

#[test]
fn a_lost_connection_is_not_tried_again_at_once() {
    let script = Script {
        close_first_after: Some(GREETING.len()),
        ..Script::default()
    };
    let fake = Fake::start(script);
    let place = Place {
        retry: Duration::from_secs(60),
        ..fake.place()
    };
    let mut ssip = Ssip::open_at(place, &VoiceOptions::default(), Reach::StartIt).unwrap();
    let lost = ssip.speak("Roll.").unwrap_err();
    assert_eq!(ssip.speak("Roll.").unwrap_err(), lost);
    assert_eq!(ssip.stop().unwrap_err(), lost);
    assert_eq!(fake.connections(), 1);
}

#[test]
fn a_daemon_that_never_answers_times_out() {
    let script = Script {
        ignore: Some("SPEAK"),
        ..Script::default()
    };
    let fake = Fake::start(script);
    let mut ssip = open(&fake);
    let started = Instant::now();
    let err = ssip.speak("Hold.").unwrap_err();
    assert!(err.contains("did not answer within 500 ms"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_garbled_reply_makes_it_unavailable() {
    let fake = Fake::start(Script {
        garble: true,
        ..Script::default()
    });
    let status = status_of(Ssip::open_at(
        fake.place(),
        &VoiceOptions::default(),
        Reach::StartIt,
    ));
    let VoiceStatus::Unavailable(message) = status else {
        panic!("{status:?}")
    };
    assert!(message.contains("not SSIP"), "{message}");
}

#[test]
fn no_output_module_means_no_voice() {
    for modules in [vec![], vec!["dummy"]] {
        let fake = Fake::start(Script {
            modules,
            ..Script::default()
        });
        let status = status_of(Ssip::open_at(
            fake.place(),
            &VoiceOptions::default(),
            Reach::StartIt,
        ));
        assert_eq!(status, VoiceStatus::Unavailable(NO_VOICE.to_owned()));
    }
}

#[test]
fn a_daemon_not_running_is_left_asleep_until_something_is_to_be_said() {
    let dir = tempfile::tempdir().unwrap();
    let place = |spawn: Option<&str>| Place {
        socket: dir.path().join("speechd.sock"),
        spawn: spawn.map(Into::into),
        timeout: Duration::from_millis(500),
        retry: Duration::ZERO,
    };
    let opened = |spawn| Ssip::open_at(place(spawn), &VoiceOptions::default(), Reach::IfRunning);
    // Installed (a program of that name can be run): asleep, not started.
    assert!(matches!(opened(Some("true")), Err(NotOpened::Asleep)));
    // Not installed, or never to be started: no engine.
    let no_engine = VoiceStatus::Unavailable(NO_ENGINE.to_owned());
    let missing = dir.path().join("no-such-speech-dispatcher");
    assert_eq!(status_of(opened(missing.to_str())), no_engine);
    assert_eq!(status_of(opened(None)), no_engine);
    // One already running is opened.
    let fake = Fake::start(Script::default());
    Ssip::open_at(fake.place(), &VoiceOptions::default(), Reach::IfRunning).unwrap();
    assert_eq!(fake.take(), GREETING);
}

#[test]
fn no_socket_and_no_daemon_to_start_is_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let place = |spawn: Option<&str>| Place {
        socket: dir.path().join("speechd.sock"),
        spawn: spawn.map(Into::into),
        timeout: Duration::from_millis(500),
        retry: Duration::ZERO,
    };
    let no_engine = VoiceStatus::Unavailable(NO_ENGINE.to_owned());
    let opened = |spawn| Ssip::open_at(place(spawn), &VoiceOptions::default(), Reach::StartIt);
    assert_eq!(status_of(opened(None)), no_engine);
    let missing = dir.path().join("no-such-speech-dispatcher");
    assert_eq!(status_of(opened(missing.to_str())), no_engine);
    // A starter that exits without a daemon: given up on soon after.
    let started = Instant::now();
    let status = status_of(opened(Some("false")));
    assert_eq!(status, VoiceStatus::Unavailable(WOULD_NOT_START.to_owned()));
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_daemon_not_yet_running_is_started_and_waited_for() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let starter = dir.path().join("speech-dispatcher");
    let args = dir.path().join("args");
    std::fs::write(
        &starter,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}.new'\nmv '{0}.new' '{0}'\n",
            args.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&starter, std::fs::Permissions::from_mode(0o755)).unwrap();
    let socket = dir.path().join("speechd.sock");
    // The "daemon" comes up a while after the starter has run.
    let (args_seen, at) = (args.clone(), socket.clone());
    let daemon = std::thread::spawn(move || {
        while !args_seen.exists() {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(200));
        Fake::listen_at(&at, Script::default())
    });
    let place = Place {
        socket: socket.clone(),
        spawn: Some(starter.into_os_string()),
        timeout: Duration::from_millis(500),
        retry: Duration::ZERO,
    };
    let mut ssip = Ssip::open_at(place, &VoiceOptions::default(), Reach::StartIt).unwrap();
    let fake = daemon.join().unwrap();
    assert_eq!(fake.take(), GREETING);
    assert_eq!(
        std::fs::read_to_string(&args).unwrap().trim(),
        format!(
            "--spawn --timeout 5 --communication-method unix_socket --socket-path {}",
            socket.display()
        )
    );
    ssip.speak("Ready.").unwrap();
}

#[test]
fn the_socket_is_found_as_libspeechd_finds_it() {
    let os = |s: &'static str| Some(OsStr::new(s));
    let path = |address, runtime, cache, home| socket_path(address, runtime, cache, home);
    assert_eq!(
        path(
            os("unix_socket:/tmp/sd.sock"),
            os("/run/user/1"),
            None,
            None
        ),
        Ok(PathBuf::from("/tmp/sd.sock"))
    );
    assert_eq!(
        path(os("unix_socket"), os("/run/user/1"), None, None),
        Ok(PathBuf::from("/run/user/1/speech-dispatcher/speechd.sock"))
    );
    assert_eq!(
        path(None, None, os("/home/a/.cache2"), os("/home/a")),
        Ok(PathBuf::from(
            "/home/a/.cache2/speech-dispatcher/speechd.sock"
        ))
    );
    assert_eq!(
        path(None, None, None, os("/home/a")),
        Ok(PathBuf::from(
            "/home/a/.cache/speech-dispatcher/speechd.sock"
        ))
    );
    assert!(matches!(
        path(os("inet_socket:localhost:6560"), None, None, None),
        Err(VoiceStatus::Unavailable(_))
    ));
}

#[test]
fn a_voice_whose_daemon_goes_away_fails_and_keeps_quiet() {
    let script = Script {
        close_first_after: Some(GREETING.len()),
        ..Script::default()
    };
    let fake = Fake::start(script);
    let place = Place {
        retry: Duration::from_secs(60),
        ..fake.place()
    };
    let voice = Voice::on_thread(move |_: &VoiceOptions, reach| {
        Ssip::open_at(place.clone(), &VoiceOptions::default(), reach).map(Box::new)
    });
    let started = Instant::now();
    voice.say("Roll slowly.");
    let failed = loop {
        if let VoiceStatus::Failed(message) = voice.status() {
            break message;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            voice.status()
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(failed.contains("closed the connection"), "{failed}");
    // Later calls return at once and change nothing.
    let calls = Instant::now();
    voice.say("Hold.");
    voice.hush();
    voice.configure(VoiceOptions::default());
    voice.warm_up();
    assert!(calls.elapsed() < Duration::from_millis(100));
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(voice.status(), VoiceStatus::Failed(failed));
}
