//! Speech-dispatcher, spoken to over its socket (SSIP), with the standard
//! library alone: nothing of speech-dispatcher is linked, so the app runs
//! the same where it is missing.
//!
//! Written here rather than taken from the `ssip-client` crate: that one
//! caps the `log` crate's level for the whole program (its `log` features)
//! and brings `dirs`, `strum` and `thiserror`, and it neither starts the
//! daemon nor bounds a read by a timeout, which are most of what is needed.

mod wire;

#[cfg(test)]
mod fake;
#[cfg(test)]
mod tests;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::worker::{NotOpened, Reach};
use super::{NO_ENGINE, NO_VOICE, Speaker, VoiceOptions, VoiceStatus, WOULD_NOT_START};
use wire::{Wire, WireError};

/// How long any one exchange with the daemon may take.
const TIMEOUT: Duration = Duration::from_secs(3);
/// How long a daemon just started is waited for.
const SPAWN_WAIT: Duration = Duration::from_secs(3);
/// How long the socket is still tried once the starter has exited.
const AFTER_EXIT: Duration = Duration::from_millis(700);
/// How long a daemon the app started lives on once its last client has
/// gone (speech-dispatcher's own default is a minute or more). Its voice
/// module holds a sound stream open while it lives, which keeps the sound
/// device awake.
const DAEMON_TIMEOUT: Duration = Duration::from_secs(5);
/// A lost connection is tried again at most this often (after a failure).
const RETRY: Duration = Duration::from_secs(5);
/// The silent line that warms the synthesizer and the sound output up.
const SILENCE: &str = "<speak><break time=\"1ms\"/></speak>";

/// Where the daemon is and how to start it.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub socket: PathBuf,
    /// The program run with `--spawn` when nobody answers; `None` for never.
    pub spawn: Option<OsString>,
    pub timeout: Duration,
    /// A lost connection is tried again at most this often.
    pub retry: Duration,
}

impl Place {
    /// This session's daemon, as libspeechd finds it.
    fn from_env() -> Result<Place, VoiceStatus> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let socket = socket_path(
            var("SPEECHD_ADDRESS").as_deref(),
            var("XDG_RUNTIME_DIR").as_deref(),
            var("XDG_CACHE_HOME").as_deref(),
            var("HOME").as_deref(),
        )?;
        Ok(Place {
            socket,
            spawn: Some("speech-dispatcher".into()),
            timeout: TIMEOUT,
            retry: RETRY,
        })
    }
}

/// The socket's path: `SPEECHD_ADDRESS` (`unix_socket:/path`, or
/// `unix_socket` for the default) or the default,
/// `speech-dispatcher/speechd.sock` in the runtime directory (the cache
/// directory where there is none, as GLib and so the daemon do).
fn socket_path(
    address: Option<&OsStr>,
    runtime_dir: Option<&OsStr>,
    cache_home: Option<&OsStr>,
    home: Option<&OsStr>,
) -> Result<PathBuf, VoiceStatus> {
    if let Some(address) = address {
        let address = address.to_string_lossy();
        let (method, rest) = address.split_once(':').unwrap_or((&address, ""));
        match method.trim() {
            "unix_socket" if !rest.is_empty() => return Ok(PathBuf::from(rest)),
            "unix_socket" => {}
            _ => {
                return Err(VoiceStatus::Unavailable(format!(
                    "SPEECHD_ADDRESS asks for speech-dispatcher at {address}, but Rollcoach \
                     reaches it only on its own computer (unix_socket), so routines use \
                     tones only."
                )));
            }
        }
    }
    let base = match (runtime_dir, cache_home, home) {
        (Some(dir), _, _) => PathBuf::from(dir),
        (None, Some(cache), _) => PathBuf::from(cache),
        (None, None, Some(home)) => Path::new(home).join(".cache"),
        (None, None, None) => return Err(VoiceStatus::Unavailable(NO_ENGINE.to_owned())),
    };
    Ok(base.join("speech-dispatcher").join("speechd.sock"))
}

/// A connection to speech-dispatcher, as a [`Speaker`].
pub(super) struct Ssip {
    place: Place,
    /// `None` once lost, until it is opened again.
    wire: Option<Wire>,
    options: VoiceOptions,
    /// The English voices, once listed.
    voices: Option<Vec<String>>,
    /// Why the connection was lost, and when it was last tried again.
    lost: String,
    tried: Option<Instant>,
}

impl Ssip {
    /// Opens this session's daemon, starting it if need be and `reach`
    /// allows.
    pub fn open(options: &VoiceOptions, reach: Reach) -> Result<Ssip, NotOpened> {
        let place = Place::from_env().map_err(NotOpened::Status)?;
        Ssip::open_at(place, options, reach)
    }

    /// Opens the daemon at `place`, starting it if need be and `reach`
    /// allows: [`NotOpened::Asleep`] when it is installed but not running,
    /// and not to be started.
    pub fn open_at(place: Place, options: &VoiceOptions, reach: Reach) -> Result<Ssip, NotOpened> {
        let wire = match reach {
            Reach::StartIt => connect(&place).map_err(NotOpened::Status)?,
            Reach::IfRunning => match Wire::connect(&place.socket, place.timeout) {
                Ok(wire) => wire,
                Err(_) if place.spawn.as_deref().is_some_and(on_path) => {
                    return Err(NotOpened::Asleep);
                }
                Err(_) => {
                    return Err(NotOpened::Status(VoiceStatus::Unavailable(
                        NO_ENGINE.to_owned(),
                    )));
                }
            },
        };
        let mut ssip = Ssip {
            place,
            wire: None,
            options: options.clone(),
            voices: None,
            lost: String::new(),
            tried: None,
        };
        ssip.greet(wire).map_err(NotOpened::Status)?;
        Ok(ssip)
    }

    /// Names this client and sets it up. The voices are listed when first
    /// asked for: espeak-ng lists some 13,000, which takes a quarter of a
    /// second that the first line must not wait for.
    fn greet(&mut self, mut wire: Wire) -> Result<(), VoiceStatus> {
        let unexpected = |err: WireError| {
            let how = match err {
                WireError::Lost(how) => how,
                WireError::Refused(reply) => format!("answered {reply:?}"),
            };
            VoiceStatus::Unavailable(format!(
                "The speech engine (speech-dispatcher) did not answer as expected (it {how}), \
                 so routines use tones only."
            ))
        };
        for line in [
            "SET self CLIENT_NAME user:rollcoach:main",
            // Always English: the coaching is written in English.
            "SET self LANGUAGE en",
            // A timed prompt waits for no other program's speech;
            // `CANCEL self` before each line still cuts our own.
            "SET self PRIORITY important",
        ] {
            wire.command(line).map_err(unexpected)?;
        }
        for line in option_lines(&self.options) {
            match wire.command(&line) {
                Ok(_) => {}
                Err(WireError::Refused(reply)) => {
                    log::warn!("speech-dispatcher refused {line:?}: {reply}");
                }
                Err(err) => return Err(unexpected(err)),
            }
        }
        let modules = wire.command("LIST OUTPUT_MODULES").map_err(unexpected)?;
        if modules.data.iter().all(|m| m.trim() == "dummy") {
            return Err(VoiceStatus::Unavailable(NO_VOICE.to_owned()));
        }
        self.wire = Some(wire);
        Ok(())
    }

    /// The live connection, opened again if it was lost (at most every
    /// `place.retry`).
    fn wire(&mut self) -> Result<&mut Wire, String> {
        if self.wire.is_none() {
            if self.tried.is_some_and(|at| at.elapsed() < self.place.retry) {
                return Err(self.lost.clone());
            }
            self.tried = Some(Instant::now());
            let opened = match connect(&self.place) {
                Ok(wire) => self.greet(wire),
                Err(status) => Err(status),
            };
            if let Err(status) = opened {
                self.lost = describe(&status);
                return Err(self.lost.clone());
            }
            log::info!("speech-dispatcher reached again");
        }
        self.wire.as_mut().ok_or_else(|| self.lost.clone())
    }

    /// Runs `exchange` on the live connection; a lost one is dropped.
    fn exchange<T>(
        &mut self,
        what: &str,
        exchange: impl FnOnce(&mut Wire) -> Result<T, WireError>,
    ) -> Result<T, String> {
        match exchange(self.wire()?) {
            Ok(value) => Ok(value),
            Err(WireError::Refused(reply)) => Err(format!(
                "The speech engine (speech-dispatcher) refused to {what} (it answered {reply:?})."
            )),
            Err(WireError::Lost(how)) => {
                self.wire = None;
                self.tried = Some(Instant::now());
                self.lost = format!(
                    "Spoken coaching stopped: the speech engine (speech-dispatcher) {how}. \
                     Routines go on with tones."
                );
                Err(self.lost.clone())
            }
        }
    }
}

impl Speaker for Ssip {
    fn speak(&mut self, text: &str) -> Result<(), String> {
        self.exchange("speak", |wire| {
            wire.command("CANCEL self")?;
            if text.trim().is_empty() {
                return Ok(());
            }
            wire.speak(text)
        })
    }

    fn stop(&mut self) -> Result<(), String> {
        self.exchange("stop", |wire| wire.command("CANCEL self").map(drop))
    }

    fn configure(&mut self, options: &VoiceOptions) -> Result<(), String> {
        if let Some(name) = &options.voice
            && name.chars().any(char::is_control)
        {
            return Err(format!("There is no voice called {name:?}."));
        }
        let back_to_default = options.voice.is_none() && self.options.voice.is_some();
        self.options = options.clone();
        if back_to_default {
            // SSIP cannot unset a voice: a new connection starts with none.
            self.wire = None;
            self.tried = None;
            return self.wire().map(drop);
        }
        let lines = option_lines(options);
        self.exchange("change the voice", |wire| {
            lines
                .iter()
                .try_for_each(|line| wire.command(line).map(drop))
        })
    }

    fn voices(&mut self) -> Vec<String> {
        if self.voices.is_none() {
            let listed = self.exchange("list its voices", |wire| {
                wire.command("LIST SYNTHESIS_VOICES")
            });
            match listed {
                Ok(reply) => self.voices = Some(english_voices(&reply.data)),
                Err(err) => {
                    log::warn!("{err}");
                    return Vec::new();
                }
            }
        }
        self.voices.clone().unwrap_or_default()
    }

    fn warm_up(&mut self) -> Result<(), String> {
        // Queued, not cut in: it must not cut a line being said.
        self.exchange("get ready", |wire| {
            wire.command("SET self SSML_MODE on")?;
            let spoken = wire.speak(SILENCE);
            let plain = wire.command("SET self SSML_MODE off");
            spoken.and(plain.map(drop))
        })
    }
}

/// The SET lines for `options`.
fn option_lines(options: &VoiceOptions) -> Vec<String> {
    let volume = (options.clamped_volume() * 200.0 - 100.0).round() as i32;
    let mut lines = vec![
        format!("SET self RATE {}", options.clamped_rate()),
        format!("SET self VOLUME {volume}"),
    ];
    if let Some(name) = &options.voice {
        lines.push(format!("SET self SYNTHESIS_VOICE {name}"));
    }
    lines
}

/// The English voices of a `LIST SYNTHESIS_VOICES` reply (`name TAB
/// language TAB variant` lines), each base voice before the variants.
fn english_voices(lines: &[String]) -> Vec<String> {
    let mut base = Vec::new();
    let mut variants = Vec::new();
    for line in lines {
        let mut fields = line.split('\t');
        let (Some(name), Some(language)) = (fields.next(), fields.next()) else {
            continue;
        };
        let language = language.to_ascii_lowercase();
        let english =
            language == "en" || language.starts_with("en-") || language.starts_with("en_");
        if !english || name.is_empty() {
            continue;
        }
        let list = match fields.next() {
            None | Some("none") | Some("") => &mut base,
            Some(_) => &mut variants,
        };
        if !list.iter().any(|n: &String| n == name) {
            list.push(name.to_owned());
        }
    }
    base.extend(variants);
    base
}

/// A status's message, for a call that failed.
fn describe(status: &VoiceStatus) -> String {
    match status {
        VoiceStatus::Unavailable(m) | VoiceStatus::Failed(m) => m.clone(),
        VoiceStatus::Starting | VoiceStatus::Ready { .. } => String::new(),
    }
}

/// Whether `program` is one that can be run: a path to a file, or a file
/// in one of `$PATH`'s folders.
fn on_path(program: &OsStr) -> bool {
    let is_file = |path: &Path| path.is_file();
    let program = Path::new(program);
    if program.components().count() > 1 {
        return is_file(program);
    }
    std::env::var_os("PATH")
        .is_some_and(|dirs| std::env::split_paths(&dirs).any(|dir| is_file(&dir.join(program))))
}

/// Connects to the daemon, starting it first if nobody answers.
fn connect(place: &Place) -> Result<Wire, VoiceStatus> {
    if let Ok(wire) = Wire::connect(&place.socket, place.timeout) {
        return Ok(wire);
    }
    let Some(program) = &place.spawn else {
        return Err(VoiceStatus::Unavailable(NO_ENGINE.to_owned()));
    };
    spawn_and_connect(program, place)
}

/// Runs `program --spawn` for the socket, as libspeechd does, and waits up
/// to [`SPAWN_WAIT`] for it to answer.
fn spawn_and_connect(program: &OsStr, place: &Place) -> Result<Wire, VoiceStatus> {
    log::info!(
        "starting speech-dispatcher for {}",
        place.socket.to_string_lossy()
    );
    let spawned = Command::new(program)
        .args(["--spawn", "--timeout"])
        .arg(DAEMON_TIMEOUT.as_secs().to_string())
        .args(["--communication-method", "unix_socket", "--socket-path"])
        .arg(&place.socket)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(VoiceStatus::Unavailable(NO_ENGINE.to_owned()));
        }
        Err(err) => {
            log::warn!("speech-dispatcher could not be run: {err}");
            return Err(VoiceStatus::Unavailable(WOULD_NOT_START.to_owned()));
        }
    };
    let started = Instant::now();
    let mut exited: Option<Instant> = None;
    let connected = loop {
        if let Ok(wire) = Wire::connect(&place.socket, place.timeout) {
            break Some(wire);
        }
        if exited.is_none() && !matches!(child.try_wait(), Ok(None)) {
            exited = Some(Instant::now());
        }
        let waited_out = exited.is_some_and(|at| at.elapsed() > AFTER_EXIT);
        if waited_out || started.elapsed() > SPAWN_WAIT {
            break None;
        }
        std::thread::sleep(Duration::from_millis(25));
    };
    if exited.is_none() {
        // Still running: reaped whenever it ends, by a thread of its own.
        let _ = std::thread::Builder::new()
            .name("voice-spawn".into())
            .spawn(move || child.wait());
    }
    match connected {
        Some(wire) => {
            log::info!(
                "speech-dispatcher answered {} ms after it was started",
                started.elapsed().as_millis()
            );
            Ok(wire)
        }
        None => Err(VoiceStatus::Unavailable(WOULD_NOT_START.to_owned())),
    }
}
