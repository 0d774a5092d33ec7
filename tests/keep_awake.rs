//! The screen kept awake while a routine plays (`rollcoach::awake`).
//!
//! On Linux, each case runs against private D-Bus buses (`dbus-daemon`) with
//! a stand-in for the desktop's screen saver and for logind
//! (`tests/screensaver_stub.py`) that records every call. The bus addresses
//! are environment variables, which are the whole process's: so each test
//! runs its case in a child process of this test binary, with the addresses
//! set for that child alone.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rollcoach::awake::KeepAwake;

const REASON: &str = "Playing a routine";

/// How long `start` and `stop` may take: neither waits on the system.
const AT_ONCE: Duration = Duration::from_millis(250);
/// How long the guard's thread, or a stand-in, may take to do its part.
const SOON: Duration = Duration::from_secs(10);

// --- What the case sees of the guard: its log and its panics -------------

static LOG: Mutex<Vec<(log::Level, String)>> = Mutex::new(Vec::new());
static PANICS: AtomicUsize = AtomicUsize::new(0);

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        if record.target().starts_with("rollcoach") {
            let line = record.args().to_string();
            println!("log {}: {line}", record.level());
            LOG.lock().unwrap().push((record.level(), line));
        }
    }
    fn flush(&self) {}
}

/// Captures the log and counts panics on every thread, the guard's too.
fn watch_the_guard() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default(info);
    }));
}

fn logged(level: log::Level, part: &str) -> usize {
    let log = LOG.lock().unwrap();
    log.iter()
        .filter(|(l, line)| *l == level && line.contains(part))
        .count()
}

fn count_at(level: log::Level) -> usize {
    LOG.lock()
        .unwrap()
        .iter()
        .filter(|(l, _)| *l == level)
        .count()
}

/// Waits until `done` holds, or fails naming `what`.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < SOON, "no {what} within {SOON:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn start_at_once() -> KeepAwake {
    let start = Instant::now();
    let guard = KeepAwake::start(REASON);
    let took = start.elapsed();
    assert!(took < AT_ONCE, "KeepAwake::start took {took:?}");
    guard
}

fn stop_at_once(guard: KeepAwake) {
    let start = Instant::now();
    guard.stop();
    let took = start.elapsed();
    assert!(took < AT_ONCE, "KeepAwake::stop took {took:?}");
}

/// Where nothing at all answers, or the system says no, the guard is still
/// made and let go at once, without a panic.
#[cfg(not(target_os = "linux"))]
#[test]
fn start_and_stop_return_at_once_and_the_thread_lets_go() {
    watch_the_guard();
    let guard = start_at_once();
    wait_for("answer from the system", || {
        logged(log::Level::Info, "keeping the screen awake") + count_at(log::Level::Warn) > 0
    });
    stop_at_once(guard);
    wait_for("let-go", || logged(log::Level::Debug, "let go") == 1);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0);
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::OsString;
    use std::io::{BufRead, BufReader, Read};
    use std::path::{Path, PathBuf};
    use std::process::{Child, ChildStdout, Command, Stdio};
    use std::sync::atomic::Ordering;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use rollcoach::ui::APP_ID;

    use super::{
        PANICS, REASON, SOON, count_at, logged, start_at_once, stop_at_once, wait_for,
        watch_the_guard,
    };

    const CASE: &str = "ROLLCOACH_KEEP_AWAKE_CASE";
    const CASE_DIR: &str = "ROLLCOACH_KEEP_AWAKE_DIR";
    const SCREEN_SAVER_PATH: &str = "/org/freedesktop/ScreenSaver";
    const OLD_SCREEN_SAVER_PATH: &str = "/ScreenSaver";
    const PYTHON: &str = "/usr/bin/python3";
    const STUB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/screensaver_stub.py");

    // --- In the test: the case in a child process ------------------------

    /// Runs the test `linux::name` again in a child process with the case's bus
    /// addresses set; fails when the child does. The session bus is
    /// `DIR/session`, the system bus `DIR/system`; each case starts those it
    /// wants there.
    fn in_child(name: &str) {
        let dir = tempfile::tempdir().unwrap();
        let address = |bus: &str| {
            let mut a = OsString::from("unix:path=");
            a.push(dir.path().join(bus));
            a
        };
        let mut child = Command::new(std::env::current_exe().unwrap())
            .arg(format!("linux::{name}"))
            .args(["--exact", "--nocapture", "--test-threads=1"])
            .env(CASE, name)
            .env(CASE_DIR, dir.path())
            .env("DBUS_SESSION_BUS_ADDRESS", address("session"))
            .env("DBUS_SYSTEM_BUS_ADDRESS", address("system"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = read_all(child.stdout.take().unwrap());
        let err = read_all(child.stderr.take().unwrap());
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if start.elapsed() > Duration::from_secs(90) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let (out, err) = (out.join().unwrap(), err.join().unwrap());
        println!("--- the case's output\n{out}\n--- its errors\n{err}");
        match status {
            Some(status) => assert!(status.success(), "the case failed ({status}):\n{err}"),
            None => panic!("the case still ran after 90 s (a hang):\n{out}"),
        }
        assert!(
            out.contains("1 passed"),
            "the child ran no case (filter {name:?}):\n{out}"
        );
    }

    fn read_all(mut from: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = from.read_to_string(&mut text);
            text
        })
    }

    /// In the child: the case's folder. Outside: `None`, and the test runs
    /// the case in a child.
    fn case_dir(name: &str) -> Option<PathBuf> {
        if std::env::var(CASE).ok()? != name {
            return None;
        }
        let dir = PathBuf::from(std::env::var_os(CASE_DIR)?);
        watch_the_guard();
        Some(dir)
    }

    // --- In the child: buses and the stand-in ------------------------------

    /// A private bus: a `dbus-daemon` listening at `path`, ended on drop.
    struct Bus {
        daemon: Child,
        address: String,
    }

    impl Bus {
        fn start(path: &Path) -> Bus {
            let address = format!("unix:path={}", path.display());
            let spawned = Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--nopidfile", "--print-address"])
                .arg(format!("--address={address}"))
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .spawn();
            let mut daemon = match spawned {
                Ok(daemon) => daemon,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => panic!(
                    "dbus-daemon is not installed: these tests need a private D-Bus bus. \
                     Install the dbus-daemon package (apt-get install dbus-daemon)."
                ),
                Err(err) => panic!("dbus-daemon did not start: {err}"),
            };
            // It prints its address once it listens.
            let printed = first_line(daemon.stdout.take().unwrap());
            match printed {
                Some(line) if line.starts_with("unix:") => {}
                other => {
                    let _ = daemon.kill();
                    panic!("dbus-daemon did not start listening at {address}: {other:?}");
                }
            }
            Bus { daemon, address }
        }
    }

    impl Drop for Bus {
        fn drop(&mut self) {
            let _ = self.daemon.kill();
            let _ = self.daemon.wait();
        }
    }

    /// The first line `from` prints within `SOON`, on a thread of its own;
    /// the rest is read and dropped.
    fn first_line(from: ChildStdout) -> Option<String> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(from).lines();
            let _ = tx.send(lines.next().and_then(Result::ok));
            for _ in lines {}
        });
        rx.recv_timeout(SOON).ok().flatten()
    }

    /// The stand-in screen saver (and logind), recording to `record`.
    struct Stub {
        child: Child,
        record: PathBuf,
    }

    impl Stub {
        /// Owns the screen saver at `paths` on `session`, and logind on
        /// `system`, each if given.
        fn start(dir: &Path, session: Option<&Bus>, paths: &[&str], system: Option<&Bus>) -> Stub {
            Stub::start_with(dir, session, paths, system, &[])
        }

        /// As `start`, with more arguments for the stand-in.
        fn start_with(
            dir: &Path,
            session: Option<&Bus>,
            paths: &[&str],
            system: Option<&Bus>,
            more: &[&str],
        ) -> Stub {
            let has_modules = Command::new(PYTHON)
                .args(["-c", "import dbus, dbus.mainloop.glib, gi.repository.GLib"])
                .stderr(Stdio::null())
                .status();
            assert!(
                has_modules.is_ok_and(|s| s.success()),
                "{PYTHON} with the dbus and gi modules is needed for the stand-in screen \
                 saver: install the python3-dbus and python3-gi packages \
                 (apt-get install python3-dbus python3-gi)"
            );
            let record = dir.join("record.tsv");
            let mut command = Command::new(PYTHON);
            command.arg(STUB).arg(&record);
            if let Some(bus) = session {
                command.args(["--session", &bus.address, "--paths", &paths.join(",")]);
            }
            if let Some(bus) = system {
                command.args(["--system", &bus.address]);
            }
            command.args(more);
            let mut child = command
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            let ready = first_line(child.stdout.take().unwrap());
            if ready.as_deref() != Some("ready") {
                let _ = child.kill();
                panic!("the stand-in screen saver did not start: {ready:?}");
            }
            Stub { child, record }
        }

        /// Every call so far, one `Vec` of fields each.
        fn calls(&self) -> Vec<Vec<String>> {
            let text = std::fs::read_to_string(&self.record).unwrap_or_default();
            text.lines()
                .map(|line| line.split('\t').map(str::to_owned).collect())
                .collect()
        }

        fn calls_of(&self, method: &str) -> Vec<Vec<String>> {
            let mut calls = self.calls();
            calls.retain(|call| call[0] == method);
            calls
        }

        fn kill(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    impl Drop for Stub {
        fn drop(&mut self) {
            self.kill();
        }
    }

    /// The one `Inhibit` so far: checks its name, reason and path, returns
    /// its cookie.
    fn the_inhibit(stub: &Stub, path: &str) -> String {
        let inhibits = stub.calls_of("Inhibit");
        assert_eq!(inhibits.len(), 1, "one Inhibit: {:?}", stub.calls());
        let call = &inhibits[0];
        assert_eq!(
            call[1..4],
            [path, APP_ID, REASON],
            "Inhibit(app, reason) at path"
        );
        call[4].clone()
    }

    fn no_panics() {
        assert_eq!(PANICS.load(Ordering::SeqCst), 0, "a thread panicked");
    }

    // --- The cases ---------------------------------------------------------

    /// The screen saver inhibited on the session bus and an idle lock taken
    /// from logind on the system bus, both held while the guard lives and
    /// both let go when it is dropped, while the process lives on.
    #[test]
    fn inhibits_the_screen_saver_and_idle_until_dropped() {
        let Some(dir) = case_dir("inhibits_the_screen_saver_and_idle_until_dropped") else {
            return in_child("inhibits_the_screen_saver_and_idle_until_dropped");
        };
        let session = Bus::start(&dir.join("session"));
        let system = Bus::start(&dir.join("system"));
        let stub = Stub::start(
            &dir,
            Some(&session),
            &[SCREEN_SAVER_PATH, OLD_SCREEN_SAVER_PATH],
            Some(&system),
        );

        let guard = start_at_once();
        wait_for("Inhibit and idle lock", || {
            !stub.calls_of("Inhibit").is_empty() && !stub.calls_of("LockInhibit").is_empty()
        });
        let cookie = the_inhibit(&stub, SCREEN_SAVER_PATH);
        assert_eq!(
            stub.calls_of("LockInhibit"),
            [["LockInhibit", "idle", "Rollcoach", REASON, "block"]]
        );
        // Held, not let go once asked.
        std::thread::sleep(Duration::from_millis(500));
        assert!(stub.calls_of("UnInhibit").is_empty(), "{:?}", stub.calls());
        assert!(
            stub.calls_of("LockRelease").is_empty(),
            "{:?}",
            stub.calls()
        );

        drop(guard);
        wait_for("UnInhibit and lock release", || {
            !stub.calls_of("UnInhibit").is_empty() && !stub.calls_of("LockRelease").is_empty()
        });
        assert_eq!(
            stub.calls_of("UnInhibit"),
            [["UnInhibit", SCREEN_SAVER_PATH, cookie.as_str()]],
            "the same cookie given back"
        );
        assert_eq!(
            stub.calls_of("LockRelease"),
            [["LockRelease", "idle", "Rollcoach"]]
        );
        wait_for("let-go", || logged(log::Level::Debug, "let go") == 1);
        assert_eq!(stub.calls().len(), 4, "nothing else: {:?}", stub.calls());
        assert_eq!(count_at(log::Level::Warn), 0);
        no_panics();
    }

    /// No system bus (a container, a sandbox): the screen saver is still
    /// inhibited and let go; the missing lock is told once, not as a warning.
    #[test]
    fn without_a_system_bus_the_screen_saver_alone() {
        let Some(dir) = case_dir("without_a_system_bus_the_screen_saver_alone") else {
            return in_child("without_a_system_bus_the_screen_saver_alone");
        };
        let session = Bus::start(&dir.join("session"));
        let stub = Stub::start(&dir, Some(&session), &[SCREEN_SAVER_PATH], None);

        let guard = start_at_once();
        wait_for("Inhibit", || !stub.calls_of("Inhibit").is_empty());
        let cookie = the_inhibit(&stub, SCREEN_SAVER_PATH);
        stop_at_once(guard);
        wait_for("UnInhibit", || !stub.calls_of("UnInhibit").is_empty());
        assert_eq!(
            stub.calls_of("UnInhibit"),
            [["UnInhibit", SCREEN_SAVER_PATH, cookie.as_str()]]
        );
        wait_for("let-go", || logged(log::Level::Debug, "let go") == 1);
        assert_eq!(logged(log::Level::Info, "no logind idle lock"), 1);
        assert_eq!(count_at(log::Level::Warn), 0);
        no_panics();
    }

    /// A screen saver that answers only at the old path `/ScreenSaver`.
    #[test]
    fn a_screen_saver_at_the_old_path() {
        let Some(dir) = case_dir("a_screen_saver_at_the_old_path") else {
            return in_child("a_screen_saver_at_the_old_path");
        };
        let session = Bus::start(&dir.join("session"));
        let stub = Stub::start(&dir, Some(&session), &[OLD_SCREEN_SAVER_PATH], None);

        let guard = start_at_once();
        wait_for("Inhibit", || !stub.calls_of("Inhibit").is_empty());
        let cookie = the_inhibit(&stub, OLD_SCREEN_SAVER_PATH);
        stop_at_once(guard);
        wait_for("UnInhibit", || !stub.calls_of("UnInhibit").is_empty());
        assert_eq!(
            stub.calls_of("UnInhibit"),
            [["UnInhibit", OLD_SCREEN_SAVER_PATH, cookie.as_str()]]
        );
        assert_eq!(count_at(log::Level::Warn), 0);
        no_panics();
    }

    /// A screen saver slow to answer holds up neither `start` nor `stop`:
    /// the guard dropped while its Inhibit is still unanswered gives the
    /// cookie back once the answer comes.
    #[test]
    fn a_slow_screen_saver_holds_up_neither_start_nor_stop() {
        let Some(dir) = case_dir("a_slow_screen_saver_holds_up_neither_start_nor_stop") else {
            return in_child("a_slow_screen_saver_holds_up_neither_start_nor_stop");
        };
        let session = Bus::start(&dir.join("session"));
        let stub = Stub::start_with(
            &dir,
            Some(&session),
            &[SCREEN_SAVER_PATH],
            None,
            &["--delay", "1.5"],
        );

        let guard = start_at_once();
        wait_for("Inhibit", || !stub.calls_of("Inhibit").is_empty());
        stop_at_once(guard);
        assert!(stub.calls_of("UnInhibit").is_empty(), "not answered yet");
        wait_for("UnInhibit", || !stub.calls_of("UnInhibit").is_empty());
        let cookie = the_inhibit(&stub, SCREEN_SAVER_PATH);
        assert_eq!(
            stub.calls_of("UnInhibit"),
            [["UnInhibit", SCREEN_SAVER_PATH, cookie.as_str()]]
        );
        no_panics();
    }

    /// No bus at all (both addresses lead nowhere): `start` and `stop`
    /// return at once, the thread gives up soon, and the reason is warned
    /// once however many routines play.
    #[test]
    fn with_no_bus_at_all_it_warns_once_and_carries_on() {
        let Some(_dir) = case_dir("with_no_bus_at_all_it_warns_once_and_carries_on") else {
            return in_child("with_no_bus_at_all_it_warns_once_and_carries_on");
        };
        let start = Instant::now();
        let guard = start_at_once();
        wait_for("warning", || count_at(log::Level::Warn) == 1);
        stop_at_once(guard);
        wait_for("let-go", || logged(log::Level::Debug, "let go") == 1);

        let guard = start_at_once();
        stop_at_once(guard);
        wait_for("second let-go", || logged(log::Level::Debug, "let go") == 2);
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(5),
            "two routines' asking took {took:?}"
        );

        assert_eq!(count_at(log::Level::Warn), 1, "warned once");
        assert_eq!(
            logged(log::Level::Warn, "the screen may blank during the routine"),
            1
        );
        assert_eq!(
            logged(log::Level::Info, "no logind idle lock"),
            1,
            "told once"
        );
        assert_eq!(
            logged(log::Level::Debug, "no screen saver on the session bus"),
            1
        );
        no_panics();
    }

    /// The screen saver quits while the guard lives (a desktop restart):
    /// letting go fails quietly, with no panic on any thread.
    #[test]
    fn the_screen_saver_gone_before_the_guard() {
        let Some(dir) = case_dir("the_screen_saver_gone_before_the_guard") else {
            return in_child("the_screen_saver_gone_before_the_guard");
        };
        let session = Bus::start(&dir.join("session"));
        let system = Bus::start(&dir.join("system"));
        let mut stub = Stub::start(&dir, Some(&session), &[SCREEN_SAVER_PATH], Some(&system));

        let guard = start_at_once();
        wait_for("Inhibit and idle lock", || {
            !stub.calls_of("Inhibit").is_empty() && !stub.calls_of("LockInhibit").is_empty()
        });
        stub.kill();
        stop_at_once(guard);
        wait_for("let-go", || logged(log::Level::Debug, "let go") == 1);
        assert_eq!(logged(log::Level::Info, "did not take back cookie"), 1);
        assert_eq!(count_at(log::Level::Warn), 0);
        no_panics();
    }
}
