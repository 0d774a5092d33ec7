//! A stand-in speech-dispatcher for tests: a socket in a temporary folder
//! that answers SSIP as the real daemon does and writes down every line it
//! hears.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Place;

/// How the stand-in behaves.
#[derive(Clone, Debug)]
pub struct Script {
    /// Commands starting with the first are answered with the second.
    pub refuse: Vec<(&'static str, &'static str)>,
    /// Commands starting with this are never answered.
    pub ignore: Option<&'static str>,
    /// The first connection is closed after this many commands.
    pub close_first_after: Option<usize>,
    /// Sent before a reply: a line that is not SSIP.
    pub garble: bool,
    pub modules: Vec<&'static str>,
    pub voices: Vec<&'static str>,
}

impl Default for Script {
    fn default() -> Self {
        Script {
            refuse: Vec::new(),
            ignore: None,
            close_first_after: None,
            garble: false,
            modules: vec!["espeak-ng"],
            voices: vec![
                "English (America)\ten-US\tnone",
                "English (America)+Max\ten-US\tMax",
                "German\tde\tnone",
                "English (Great Britain)\ten-GB\tnone",
            ],
        }
    }
}

/// The stand-in daemon, listening until the test ends.
pub struct Fake {
    _dir: Option<tempfile::TempDir>,
    pub socket: PathBuf,
    heard: Arc<Mutex<Vec<String>>>,
    connections: Arc<AtomicUsize>,
}

impl Fake {
    pub fn start(script: Script) -> Fake {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("speechd.sock");
        let fake = Fake::listen_at(&socket, script);
        Fake {
            _dir: Some(dir),
            ..fake
        }
    }

    /// Listens at `socket` (in a folder the caller keeps).
    pub fn listen_at(socket: &Path, script: Script) -> Fake {
        let listener = UnixListener::bind(socket).unwrap();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let (h, c) = (Arc::clone(&heard), Arc::clone(&connections));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let first = c.fetch_add(1, Ordering::SeqCst) == 0;
                let (script, heard) = (script.clone(), Arc::clone(&h));
                std::thread::spawn(move || serve(stream, &script, &heard, first));
            }
        });
        Fake {
            _dir: None,
            socket: socket.to_owned(),
            heard,
            connections,
        }
    }

    /// Where to find it, started never, with short timeouts.
    pub fn place(&self) -> Place {
        Place {
            socket: self.socket.clone(),
            spawn: None,
            timeout: Duration::from_millis(500),
            retry: Duration::ZERO,
        }
    }

    /// Every line heard so far (commands and text), and forgets them.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.heard.lock().unwrap())
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

fn serve(stream: UnixStream, script: &Script, heard: &Mutex<Vec<String>>, first: bool) {
    let mut writer = stream.try_clone().unwrap();
    let mut reply = |lines: &[String]| {
        let mut out = String::new();
        if script.garble {
            out.push_str("hello there\r\n");
        }
        for line in lines {
            out.push_str(line);
            out.push_str("\r\n");
        }
        let _ = writer.write_all(out.as_bytes());
    };
    let list = |code: u16, items: &[&str], last: &str| -> Vec<String> {
        let mut lines: Vec<String> = items.iter().map(|i| format!("{code}-{i}")).collect();
        lines.push(format!("{code} {last}"));
        lines
    };
    let mut in_text = false;
    let mut commands = 0;
    for line in BufReader::new(stream).lines() {
        let Ok(line) = line else { return };
        let line = line.strip_suffix('\r').unwrap_or(&line).to_owned();
        heard.lock().unwrap().push(line.clone());
        if in_text {
            if line == "." {
                in_text = false;
                reply(&["225 OK MESSAGE QUEUED".to_owned()]);
            }
            continue;
        }
        commands += 1;
        if first && script.close_first_after.is_some_and(|n| commands > n) {
            return;
        }
        if script.ignore.is_some_and(|prefix| line.starts_with(prefix)) {
            continue;
        }
        if let Some((_, answer)) = script.refuse.iter().find(|(p, _)| line.starts_with(p)) {
            reply(&[(*answer).to_owned()]);
            continue;
        }
        let answer = match line.as_str() {
            "SPEAK" => {
                in_text = true;
                vec!["230 OK RECEIVING DATA".to_owned()]
            }
            "CANCEL self" => vec!["213 OK CANCELED".to_owned()],
            "LIST OUTPUT_MODULES" => list(250, &script.modules, "OK MODULE LIST SENT"),
            "LIST SYNTHESIS_VOICES" => list(249, &script.voices, "OK VOICE LIST SENT"),
            set if set.starts_with("SET self ") => vec!["203 OK SET".to_owned()],
            _ => vec!["500 ERR INVALID COMMAND".to_owned()],
        };
        reply(&answer);
    }
}
