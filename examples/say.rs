//! Says a line through the platform's speech engine, as the app does.
//!
//! ```sh
//! cargo run --example say -- "Roll slowly down to the knee." [rate] [voice]
//! cargo run --example say -- --voices
//! ```
//!
//! Opens the engine ([`Voice::start`]), warms it up, says the text and
//! waits long enough for it to be said. It prints when the engine was
//! ready and the moment the line was asked for (seconds since the Unix
//! epoch), so a recording of the sound can be lined up with it.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rollcoach::voice::{Voice, VoiceOptions, VoiceStatus};

fn main() {
    env_logger::init();
    let mut args = std::env::args().skip(1);
    let Some(text) = args.next() else {
        eprintln!("usage: say TEXT [RATE -100..100] [VOICE] | say --voices");
        std::process::exit(2);
    };
    let rate = match args.next().map(|r| r.parse::<i32>()) {
        None => 0,
        Some(Ok(rate)) => rate,
        Some(Err(err)) => {
            eprintln!("say: the rate must be a whole number from -100 to 100 ({err})");
            std::process::exit(2);
        }
    };
    let options = VoiceOptions {
        rate,
        voice: args.next(),
        ..VoiceOptions::default()
    };

    let started = Instant::now();
    let voice = Voice::start(options);
    voice.warm_up();
    let voices = loop {
        match voice.status() {
            VoiceStatus::Starting if started.elapsed() < Duration::from_secs(10) => {
                std::thread::sleep(Duration::from_millis(5));
            }
            VoiceStatus::Ready { voices } => break voices,
            other => {
                eprintln!("say: no voice: {other:?}");
                std::process::exit(1);
            }
        }
    };
    println!(
        "ready after {} ms ({} English voices)",
        started.elapsed().as_millis(),
        voices.len()
    );
    if text == "--voices" {
        for name in voices {
            println!("{name}");
        }
        return;
    }

    // Lets the warm-up's silent line go through first.
    std::thread::sleep(Duration::from_millis(500));
    let asked = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    voice.say(&text);
    println!("said at {:.6}", asked.as_secs_f64());
    std::thread::sleep(time_to_say(&text, rate) + Duration::from_secs(1));
    if let VoiceStatus::Failed(message) = voice.status() {
        eprintln!("say: {message}");
        std::process::exit(1);
    }
}

/// About how long espeak-ng takes to say `text` (see the figures in
/// `src/voice/mod.rs`), with room to spare for slower engines.
fn time_to_say(text: &str, rate: i32) -> Duration {
    let words = text.split_whitespace().count() as f64;
    let words_per_minute = 175.0 * 2f64.powf(f64::from(rate.clamp(-100, 100)) / 100.0);
    Duration::from_secs_f64(0.5 + 1.5 * words * 60.0 / words_per_minute)
}
