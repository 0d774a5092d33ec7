//! SSIP on the wire: commands, replies, and the text of a SPEAK.
//!
//! A command is one line ending in CR LF. A reply is one or more lines
//! `NNN-data` ended by `NNN text`; 2xx is success, 3xx to 5xx an error
//! (7xx are events, which are skipped). A SPEAK is answered 230, then
//! takes the text, each line starting with "." given another ".", ended by
//! a line of a single ".", and is answered again (225 once queued).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

/// The longest line taken from the daemon.
const MAX_LINE: u64 = 64 * 1024;
/// The most lines of one reply (espeak-ng lists some 13,000 voices).
const MAX_LINES: usize = 200_000;

/// What went wrong in one exchange.
#[derive(Debug)]
pub(super) enum WireError {
    /// The connection is no good any more (closed, timed out, garbled):
    /// the words say how, to follow "the speech engine ...".
    Lost(String),
    /// The daemon answered with an error: its reply line.
    Refused(String),
}

/// A successful reply.
#[derive(Debug)]
pub(super) struct Reply {
    pub code: u16,
    /// The data lines (`NNN-data`), without their code.
    pub data: Vec<String>,
}

/// One connection to the daemon.
pub(super) struct Wire {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    /// How long any one read, write or reply may take.
    timeout: Duration,
}

impl Wire {
    /// Connects to the socket at `path`, every read and write bounded by
    /// `timeout`.
    pub fn connect(path: &Path, timeout: Duration) -> io::Result<Wire> {
        let stream = UnixStream::connect(path)?;
        stream.set_read_timeout(Some(timeout))?;
        stream.set_write_timeout(Some(timeout))?;
        let writer = stream.try_clone()?;
        Ok(Wire {
            reader: BufReader::new(stream),
            writer,
            timeout,
        })
    }

    /// Sends one command line and reads its reply; an error reply is
    /// [`WireError::Refused`].
    pub fn command(&mut self, line: &str) -> Result<Reply, WireError> {
        log::trace!("ssip> {line}");
        self.send(format!("{line}\r\n").as_bytes())?;
        success(self.reply()?)
    }

    /// Sends `text` to be spoken (SPEAK, the text, the end mark).
    pub fn speak(&mut self, text: &str) -> Result<(), WireError> {
        let ready = self.command("SPEAK")?;
        if ready.code != 230 {
            return Err(WireError::Lost(format!(
                "answered SPEAK with {} instead of 230",
                ready.code
            )));
        }
        log::trace!("ssip> [{} bytes of text]", text.len());
        self.send(escape(text).as_bytes())?;
        success(self.reply()?).map(drop)
    }

    fn send(&mut self, bytes: &[u8]) -> Result<(), WireError> {
        self.writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
            .map_err(|err| lost(&err, self.timeout))
    }

    /// Reads one whole reply, skipping events.
    fn reply(&mut self) -> Result<(u16, Vec<String>, String), WireError> {
        let deadline = Instant::now() + self.timeout;
        let mut data = Vec::new();
        loop {
            let line = self.line()?;
            let (code, last, rest) = parse(&line).ok_or_else(|| {
                WireError::Lost(format!("sent a line that is not SSIP: {line:?}"))
            })?;
            if (700..800).contains(&code) {
                // An event (only sent if asked for): not a reply.
                continue;
            }
            if last {
                return Ok((code, data, line));
            }
            if data.len() >= MAX_LINES {
                return Err(WireError::Lost("sent a reply too long to take".to_owned()));
            }
            data.push(rest.to_owned());
            if Instant::now() > deadline {
                return Err(WireError::Lost(format!(
                    "took more than {} ms over one reply",
                    self.timeout.as_millis()
                )));
            }
        }
    }

    fn line(&mut self) -> Result<String, WireError> {
        let mut bytes = Vec::new();
        let read = (&mut self.reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut bytes)
            .map_err(|err| lost(&err, self.timeout))?;
        if read == 0 {
            return Err(WireError::Lost("closed the connection".to_owned()));
        }
        if bytes.last() != Some(&b'\n') {
            return Err(WireError::Lost(if read as u64 >= MAX_LINE {
                "sent a line too long to take".to_owned()
            } else {
                "closed the connection in the middle of a reply".to_owned()
            }));
        }
        let text = String::from_utf8_lossy(&bytes);
        Ok(text.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// A reply's code, whether it is the last line, and the rest of the line.
fn parse(line: &str) -> Option<(u16, bool, &str)> {
    let code = line.get(..3)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code = code.parse().ok()?;
    match line.as_bytes().get(3) {
        Some(b'-') => Some((code, false, &line[4..])),
        Some(b' ') => Some((code, true, &line[4..])),
        None => Some((code, true, "")),
        Some(_) => None,
    }
}

fn success((code, data, line): (u16, Vec<String>, String)) -> Result<Reply, WireError> {
    if (200..300).contains(&code) {
        Ok(Reply { code, data })
    } else {
        Err(WireError::Refused(line))
    }
}

fn lost(err: &io::Error, timeout: Duration) -> WireError {
    WireError::Lost(match err.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => {
            format!("did not answer within {} ms", timeout.as_millis())
        }
        io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset => {
            "closed the connection".to_owned()
        }
        _ => format!("could not be reached ({err})"),
    })
}

/// The text of a SPEAK as sent: CR LF line ends, a line starting with "."
/// given another ".", and the end mark (a line of a single ".").
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split('\n') {
        let line = line.trim_end_matches('\r');
        if line.starts_with('.') {
            out.push('.');
        }
        // A lone CR inside a line would end it for the daemon.
        out.extend(line.chars().map(|c| if c == '\r' { ' ' } else { c }));
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}
