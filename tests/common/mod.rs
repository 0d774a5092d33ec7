//! Helpers shared by the UI tests: start the real app on a data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test
#![allow(dead_code)]

use std::path::Path;

use eframe::egui;
use egui_kittest::Harness;
use rollcoach::catalog::Catalog;
use rollcoach::store::DataDir;
use rollcoach::ui::{RollcoachApp, StartOptions};

/// The window size the tests use: the app's default size.
pub const SIZE: [f32; 2] = [1100.0, 720.0];

/// Starts the real app with its files in `dir`.
pub fn start(dir: &Path) -> Harness<'static, RollcoachApp> {
    start_sized(dir, SIZE)
}

/// Starts the real app with its files in `dir`, in a window of `size`.
pub fn start_sized(dir: &Path, size: [f32; 2]) -> Harness<'static, RollcoachApp> {
    start_with(dir, size, egui::Theme::Light)
}

/// Starts the real app with its files in `dir`, in a window of `size`, with
/// the harness in `theme` (the harness sets its theme after the app starts,
/// so this is the theme the pictures show).
pub fn start_with(
    dir: &Path,
    size: [f32; 2],
    theme: egui::Theme,
) -> Harness<'static, RollcoachApp> {
    launch(size, theme, options(dir))
}

/// Starts the app straight into a built-in routine, with a clock the test
/// moves by hand.
pub fn start_playing(
    dir: &Path,
    routine: &str,
) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    play(dir, routine, |_| {})
}

/// Starts the app straight into the built-in `routine` with a clock moved
/// by hand, and the options `tweak` makes.
fn play(
    dir: &Path,
    routine: &str,
    tweak: impl FnOnce(&mut StartOptions),
) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    let (clock, time) = rollcoach::ui::Clock::manual();
    let routine = Catalog::builtin().unwrap().routine(routine).cloned();
    assert!(routine.is_some(), "a built-in routine");
    let mut options = StartOptions {
        clock: Some(clock),
        start_routine: routine,
        ..options(dir)
    };
    tweak(&mut options);
    (launch(SIZE, egui::Theme::Light, options), time)
}

/// Starts the real app with its files in `dir` and a clock the test moves
/// by hand.
pub fn start_with_clock(dir: &Path) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    let (clock, time) = rollcoach::ui::Clock::manual();
    let options = StartOptions {
        clock: Some(clock),
        ..options(dir)
    };
    (launch(SIZE, egui::Theme::Light, options), time)
}

/// Starts the real app with its files in `dir`, asking for the sound
/// device with `probe` (a device there or not).
pub fn start_probing(
    dir: &Path,
    probe: fn() -> Result<(), String>,
) -> Harness<'static, RollcoachApp> {
    let options = StartOptions {
        silent: false,
        probe: Some(probe),
        voice: Some(recorded_voice().1),
        ..options(dir)
    };
    launch(SIZE, egui::Theme::Light, options)
}

/// Files in `dir`, no sound device, no file chooser (the path is typed).
fn options(dir: &Path) -> StartOptions {
    StartOptions {
        data_dir: Some(DataDir::at(dir)),
        silent: true,
        file_chooser: Some(false),
        ..StartOptions::default()
    }
}

fn launch(
    size: [f32; 2],
    theme: egui::Theme,
    options: StartOptions,
) -> Harness<'static, RollcoachApp> {
    let builder = Harness::builder()
        .with_size(size)
        .with_theme(theme)
        .with_render_cursor(false);
    let mut harness = builder.build_eframe(move |cc| {
        let catalog = Catalog::builtin().expect("the built-in catalog loads");
        RollcoachApp::new(&cc.egui_ctx, catalog, options)
    });
    harness.run();
    harness
}

/// Writes a settings file as a returning user would have it.
pub fn returning_user(dir: &Path, extra: &str) {
    // The check-in before a routine has tests of its own; elsewhere a
    // routine starts at once, unless `extra` says otherwise.
    let check_in = if extra.contains("check_in") {
        ""
    } else {
        "check_in: false, "
    };
    std::fs::write(
        dir.join("settings.ron"),
        format!("(version: 1, safety_acknowledged: true, theme: Light, {check_in}{extra})"),
    )
    .unwrap();
}

/// A returning user with one routine of their own, "Mine", in
/// `routines/mine.ron`; returns the routines folder.
pub fn returning_user_with_mine(dir: &Path) -> std::path::PathBuf {
    returning_user(dir, "");
    write_routine(
        dir,
        "mine.ron",
        "(name: \"Mine\", steps: [(exercise: \"glutes\", roll_seconds: 30)])",
    )
}

/// Writes a routine file into the `routines` folder of data folder `dir`,
/// as a user would by hand; returns the folder.
pub fn write_routine(dir: &Path, file: &str, text: impl AsRef<[u8]>) -> std::path::PathBuf {
    let routines = dir.join("routines");
    std::fs::create_dir_all(&routines).unwrap();
    std::fs::write(routines.join(file), text).unwrap();
    routines
}

/// A real window size in pixels and a text size: the harness is sized in
/// points (pixels divided by the text size's zoom), as the window is.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub pixels: [f32; 2],
    pub text: rollcoach::model::TextSize,
}

impl Window {
    pub const fn new(width: f32, height: f32, text: rollcoach::model::TextSize) -> Window {
        Window {
            pixels: [width, height],
            text,
        }
    }

    /// The size in points.
    pub fn points(self) -> [f32; 2] {
        let zoom = self.text.zoom();
        [self.pixels[0] / zoom, self.pixels[1] / zoom]
    }

    /// A short name for snapshot files: `800x600_large`.
    pub fn name(self) -> String {
        let text = match self.text {
            rollcoach::model::TextSize::Normal => "normal",
            rollcoach::model::TextSize::Large => "large",
            rollcoach::model::TextSize::ExtraLarge => "xl",
        };
        format!("{}x{}_{text}", self.pixels[0], self.pixels[1])
    }
}

/// Starts the app as a returning user with `window`'s text size and
/// `theme`, optionally straight into `routine` with a clock moved by hand.
pub fn start_in(
    dir: &Path,
    window: Window,
    theme: egui::Theme,
    routine: Option<&str>,
) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    let theme_name = match theme {
        egui::Theme::Light => "Light",
        egui::Theme::Dark => "Dark",
    };
    std::fs::write(
        dir.join("settings.ron"),
        format!(
            "(version: 2, safety_acknowledged: true, theme: {theme_name}, text_size: {:?})",
            window.text
        ),
    )
    .unwrap();
    let (clock, time) = rollcoach::ui::Clock::manual();
    let routine = routine.map(|name| {
        Catalog::builtin()
            .unwrap()
            .routine(name)
            .cloned()
            .expect("a built-in routine")
    });
    let options = StartOptions {
        clock: Some(clock),
        start_routine: routine,
        ..options(dir)
    };
    (launch(window.points(), theme, options), time)
}

/// Starts the real app playing the built-in `routine`, with a voice that
/// records what it is asked to say instead of speaking.
pub fn start_voiced(
    dir: &Path,
    routine: &str,
) -> (
    Harness<'static, RollcoachApp>,
    rollcoach::ui::ManualTime,
    rollcoach::voice::Recording,
) {
    let (recording, voice) = recorded_voice();
    let (harness, time) = play(dir, routine, |o| o.voice = Some(voice));
    (harness, time, recording)
}

/// A voice that records what the app asks it to say, and the maker that
/// hands it to the app.
pub fn recorded_voice() -> (rollcoach::voice::Recording, rollcoach::ui::VoiceMaker) {
    let (recording, speaker) = rollcoach::voice::Recording::new();
    let speaker = std::sync::Mutex::new(Some(speaker));
    let make = move || {
        let speaker = speaker.lock().unwrap().take().expect("one voice per app");
        rollcoach::voice::Voice::with_speaker(speaker)
    };
    (
        recording,
        rollcoach::ui::VoiceMaker(std::sync::Arc::new(make)),
    )
}

/// Starts the app playing the built-in `routine` in a window drawn by the
/// renderer called `renderer`, with a clock the test moves by hand.
pub fn start_drawn_by(
    dir: &Path,
    routine: &str,
    renderer: &str,
) -> (Harness<'static, RollcoachApp>, rollcoach::ui::ManualTime) {
    play(dir, routine, |o| o.renderer = Some(renderer.to_owned()))
}

/// Writes a session of "Feet and calves" that started at `utc` (an RFC 3339
/// time, one hour east) into the history of data folder `dir`: `seconds` on
/// the left calf, the calves rated `before` and `after`. Returns its file.
pub fn write_session(
    dir: &Path,
    utc: &str,
    seconds: u32,
    before: Option<u8>,
    after: Option<u8>,
) -> std::path::PathBuf {
    use rollcoach::model::history::{ExerciseRecord, Moment, Rating, SessionRecord};
    use rollcoach::model::{Area, Side};
    let rate = |value: Option<u8>| -> Vec<Rating> {
        value
            .map(|value| Rating {
                area: Area::Calves,
                side: None,
                value,
            })
            .into_iter()
            .collect()
    };
    let record = SessionRecord {
        version: 1,
        started: Moment {
            utc: utc.parse().unwrap(),
            offset_minutes: 60,
        },
        seconds: seconds + 60,
        routine: "Feet and calves".into(),
        stopped_early: false,
        exercises: vec![ExerciseRecord {
            exercise: "calves".into(),
            name: "Calves".into(),
            area: Some(Area::Calves),
            side: Some(Side::Left),
            seconds,
            holds: 2,
            done: true,
            ..ExerciseRecord::default()
        }],
        before: rate(before),
        after: rate(after),
        felt: None,
    };
    rollcoach::store::HistoryFiles::new(&DataDir::at(dir))
        .save_new(&record)
        .unwrap()
        .path
}
