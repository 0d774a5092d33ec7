//! Whether there is a sound device, asked at start without opening a
//! stream: in this process, or from a short-lived one so the sound
//! system's libraries stay out of an app at rest.

use std::time::{Duration, Instant};

/// Whether the system has a default output device with a configuration,
/// asked without opening a stream. This loads the sound system's libraries
/// (for ALSA, its plugins and the sound server's client), which stay in
/// memory; [`probe_apart`] asks from a short-lived process instead.
pub fn probe_default_device() -> Result<(), String> {
    use rodio::cpal::traits::{DeviceTrait, HostTrait};
    let device = rodio::cpal::default_host()
        .default_output_device()
        .ok_or_else(|| "no default output device".to_owned())?;
    device
        .default_output_config()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The argument that makes the app's executable answer
/// [`probe_default_device`] and exit: on stdout, `ok`, or why not.
pub const PROBE_ARG: &str = "--probe-sound-device";

/// How long a probe in its own process may take: a sound server that does
/// not answer within this is as good as none for now.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);

/// Answers [`probe_default_device`] for [`probe_apart`]: prints `ok` or
/// the reason on stdout.
pub fn answer_probe() -> bool {
    match probe_default_device() {
        Ok(()) => {
            println!("ok");
            true
        }
        Err(why) => {
            println!("{why}");
            false
        }
    }
}

/// [`probe_default_device`], asked by `exe` run with [`PROBE_ARG`], so the
/// sound system's libraries are loaded only once sound is due. Falls back
/// to asking in this process when `exe` cannot be run.
pub fn probe_apart(exe: &std::path::Path) -> Result<(), String> {
    use std::process::{Command, Stdio};
    let child = Command::new(exe)
        .arg(PROBE_ARG)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            log::info!("could not ask {} for the sound device: {e}", exe.display());
            return probe_default_device();
        }
    };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < PROBE_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "the sound system did not answer within {} s",
                    PROBE_TIMEOUT.as_secs()
                ));
            }
            Err(e) => return Err(format!("could not ask for the sound device: {e}")),
        }
    }
    let output = child
        .wait_with_output()
        .map_err(|e| format!("could not ask for the sound device: {e}"))?;
    let said = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let noise = String::from_utf8_lossy(&output.stderr);
    if !noise.trim().is_empty() {
        log::debug!("the sound device probe said: {}", noise.trim());
    }
    match (output.status.success(), said.as_str()) {
        (true, "ok") => Ok(()),
        (_, "") => Err(format!(
            "the sound device probe ended with {}",
            output.status
        )),
        _ => Err(said),
    }
}
