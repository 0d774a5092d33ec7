//! Frame cost, headless: the time egui takes to lay out one frame of the
//! real app and tessellate it into triangles, without a window or a GPU.
//!
//!   cargo bench --bench frame
//!
//! Prints one `name=value` line per figure:
//! - `<scene>_frame_ms_median` and `<scene>_frame_ms_p95`: layout plus
//!   tessellation, per frame (budget: a median under 1 ms);
//! - `<scene>_layout_ms_median` and `<scene>_tessellate_ms_median`;
//! - `<scene>_triangles` and `<scene>_shaded_screens`: how many triangles a
//!   frame sends to the renderer, and how many times over their area covers
//!   the window. With a software renderer the second one is what a frame
//!   costs, so it is the figure to keep low.
//!
//! Scenes: the library with every card, the player while rolling (the
//! pacing animation), the player during a hold, and the Progress screen
//! over ten years of daily sessions (3,650 files). Before it,
//! `history_load_ms_median` is how long reading those files takes
//! (budget: under 200 ms), which the app does on a thread of its own.
//!
//! Last, the body map: `plan_ms_median` and `plan_ms_max` are how long the
//! planner takes for the hardest answers (every area rated, an hour, the
//! voice on; budget: well under a second, the "at once"), and the
//! `planner` scene is the body map with a plan on screen.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::time::{Duration, Instant};

use eframe::egui;
use rollcoach::catalog::Catalog;
use rollcoach::store::DataDir;
use rollcoach::ui::{Clock, ManualTime, RollcoachApp, StartOptions};

/// The window's default size, in points (one pixel per point).
const SIZE: egui::Vec2 = egui::vec2(1100.0, 720.0);
/// Frames measured per scene, after warming up.
const FRAMES: usize = 400;
const WARM_UP: usize = 30;

#[path = "../examples/history/generate.rs"]
mod generate;

struct Scene {
    ctx: egui::Context,
    frame: eframe::Frame,
    app: RollcoachApp,
    time: ManualTime,
    /// Simulated time between frames.
    step: Duration,
    /// Input for the next frame (keys).
    events: Vec<egui::Event>,
    _dir: tempfile::TempDir,
}

impl Scene {
    /// The app on a fresh data folder of a returning user, optionally
    /// straight into `routine`.
    fn new(routine: Option<&str>, step: Duration) -> Scene {
        Scene::in_folder(
            tempfile::tempdir().expect("a temporary folder"),
            routine,
            step,
        )
    }

    /// As [`Scene::new`], on the data folder `dir`.
    fn in_folder(dir: tempfile::TempDir, routine: Option<&str>, step: Duration) -> Scene {
        std::fs::write(
            dir.path().join("settings.ron"),
            "(safety_acknowledged: true, muted: true)\n",
        )
        .expect("a settings file");
        let catalog = Catalog::builtin().expect("the built-in catalog loads");
        let start_routine =
            routine.map(|name| catalog.routine(name).cloned().expect("a built-in routine"));
        let (clock, time) = Clock::manual();
        let ctx = egui::Context::default();
        let creation = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = RollcoachApp::new(
            &creation.egui_ctx,
            catalog,
            StartOptions {
                loaded: None,
                data_dir: Some(DataDir::at(dir.path())),
                start_routine,
                silent: true,
                clock: Some(clock),
                window_cleared: true,
                report_first_frame: None,
                probe_with: None,
                probe: None,
                file_chooser: None,
                voice: None,
                renderer: None,
            },
        );
        Scene {
            ctx,
            frame: eframe::Frame::_new_kittest(),
            app,
            time,
            step,
            events: Vec::new(),
            _dir: dir,
        }
    }

    /// Runs one frame: returns (layout, tessellation) times, the number of
    /// triangles and their total area in pixels.
    fn frame(&mut self) -> (Duration, Duration, usize, f64) {
        self.time.advance(self.step);
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            events: std::mem::take(&mut self.events),
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let start = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), frame);
            eframe::App::ui(app, ui, frame);
        });
        let laid_out = Instant::now();
        // No renderer here to take the new textures.
        output.textures_delta.clear();
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellated = Instant::now();
        let (triangles, area) = coverage(&primitives);
        (laid_out - start, tessellated - laid_out, triangles, area)
    }
}

/// Triangles in `primitives`, and the pixels a software renderer shades
/// for them: like Mesa's llvmpipe, it shades whole 4x4 blocks, so each block
/// a triangle touches (inside its clip rectangle) counts 16 pixels, and
/// overlaps count each time.
fn coverage(primitives: &[egui::ClippedPrimitive]) -> (usize, f64) {
    let mut triangles = 0;
    let mut shaded = 0.0;
    for primitive in primitives {
        let egui::epaint::Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        let clip = primitive.clip_rect;
        for tri in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [tri[0], tri[1], tri[2]].map(|i| mesh.vertices[i as usize].pos);
            let bounds = egui::Rect::from_points(&[a, b, c]).intersect(clip);
            if !bounds.is_positive() {
                continue;
            }
            triangles += 1;
            shaded += 16.0 * blocks_touched([a, b, c], bounds) as f64;
        }
    }
    (triangles, shaded)
}

/// How many 4x4 pixel blocks inside `bounds` the triangle overlaps.
fn blocks_touched(tri: [egui::Pos2; 3], bounds: egui::Rect) -> usize {
    const BLOCK: f32 = 4.0;
    let area2 =
        (tri[1] - tri[0]).x * (tri[2] - tri[0]).y - (tri[1] - tri[0]).y * (tri[2] - tri[0]).x;
    if area2.abs() < 1e-6 {
        return 0;
    }
    let sign = area2.signum();
    // A block is outside the triangle when all its corners are outside one edge.
    let outside = |x0: f32, y0: f32| {
        (0..3).any(|i| {
            let (p, q) = (tri[i], tri[(i + 1) % 3]);
            [(0.0, 0.0), (BLOCK, 0.0), (0.0, BLOCK), (BLOCK, BLOCK)]
                .iter()
                .all(|(dx, dy)| {
                    let (x, y) = (x0 + dx, y0 + dy);
                    sign * ((q.x - p.x) * (y - p.y) - (q.y - p.y) * (x - p.x)) < 0.0
                })
        })
    };
    let (bx0, by0) = (
        (bounds.min.x / BLOCK).floor(),
        (bounds.min.y / BLOCK).floor(),
    );
    let (bx1, by1) = ((bounds.max.x / BLOCK).ceil(), (bounds.max.y / BLOCK).ceil());
    let mut count = 0;
    let mut by = by0;
    while by < by1 {
        let mut bx = bx0;
        while bx < bx1 {
            if !outside(bx * BLOCK, by * BLOCK) {
                count += 1;
            }
            bx += 1.0;
        }
        by += 1.0;
    }
    count
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn measure(name: &str, frames: usize, scene: &mut Scene, check: impl Fn(&RollcoachApp) -> bool) {
    for _ in 0..WARM_UP {
        scene.frame();
    }
    assert!(
        check(&scene.app),
        "{name}: the app is not on the scene to measure"
    );
    let mut total = Vec::with_capacity(frames);
    let mut layout = Vec::with_capacity(frames);
    let mut tessellate = Vec::with_capacity(frames);
    let mut triangles = 0;
    let mut area = Vec::with_capacity(frames);
    for _ in 0..frames {
        let (l, t, n, a) = scene.frame();
        layout.push(l.as_secs_f64() * 1e3);
        tessellate.push(t.as_secs_f64() * 1e3);
        total.push((l + t).as_secs_f64() * 1e3);
        triangles = triangles.max(n);
        area.push(a);
    }
    assert!(
        check(&scene.app),
        "{name}: the scene changed while measuring"
    );
    let screens = median(area) / f64::from(SIZE.x * SIZE.y);
    println!("{name}_frame_ms_median={:.3}", median(total.clone()));
    println!("{name}_frame_ms_p95={:.3}", percentile(total, 0.95));
    println!("{name}_layout_ms_median={:.3}", median(layout));
    println!("{name}_tessellate_ms_median={:.3}", median(tessellate));
    println!("{name}_triangles={triangles}");
    println!("{name}_shaded_screens={screens:.2}");
    let [w, h] = scene.ctx.fonts(|f| f.font_image_size());
    println!("{name}_font_atlas_px={w}x{h}");
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once
    // quickly as a check that it still works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let frames = if quick { 5 } else { FRAMES };
    println!(
        "# frame cost at {}x{}, {frames} frames a scene",
        SIZE.x, SIZE.y
    );

    let mut library = Scene::new(None, Duration::from_millis(16));
    measure("library", frames, &mut library, |app| {
        matches!(&app.state().screen, rollcoach::ui::Screen::Library)
            && app.state().visible_exercise_ids().len() == 17
    });

    // "Feet and calves" starts with a 5 s get-ready, then 40 s of rolling:
    // 50 ms a frame keeps all the frames inside the roll.
    let mut pacing = Scene::new(Some("Feet and calves"), Duration::from_millis(50));
    pacing.time.advance(Duration::from_secs(16));
    measure("pacing", frames, &mut pacing, |app| is_rolling(app, true));

    // The first hold starts after the 40 s roll; it lasts 20 s.
    let mut hold = Scene::new(Some("Feet and calves"), Duration::from_millis(40));
    hold.time.advance(Duration::from_secs(15 + 40 + 1));
    measure("hold", frames, &mut hold, |app| is_rolling(app, false));

    // Ten years of daily sessions.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a date");
    let days = if quick { 60 } else { 3650 };
    let written = generate::write_history(dir.path(), days, today, true);
    let files = rollcoach::store::HistoryFiles::new(&DataDir::at(dir.path()));
    let loads: Vec<f64> = (0..if quick { 1 } else { 7 })
        .map(|_| {
            let start = Instant::now();
            let loaded = files.load_all();
            let ms = start.elapsed().as_secs_f64() * 1e3;
            assert_eq!(loaded.sessions.len(), written);
            ms
        })
        .collect();
    println!("history_sessions={written}");
    println!("history_load_ms_median={:.1}", median(loads));
    let mut progress = Scene::in_folder(dir, None, Duration::from_millis(16));
    progress.events.push(egui::Event::Key {
        key: egui::Key::P,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    });
    measure("progress", frames, &mut progress, |app| {
        matches!(&app.state().screen, rollcoach::ui::Screen::Progress)
            && app
                .state()
                .history
                .as_ref()
                .is_some_and(|h| h.sessions.len() == written)
    });

    plan_times(if quick { 2 } else { 30 });
    let mut planner = Scene::new(None, Duration::from_millis(16));
    for (key, modifiers) in [
        (egui::Key::B, egui::Modifiers::COMMAND),
        (egui::Key::Num7, egui::Modifiers::NONE),
        (egui::Key::ArrowUp, egui::Modifiers::NONE),
        (egui::Key::Num5, egui::Modifiers::NONE),
    ] {
        planner.events.push(egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        });
        // One key a frame, as typed.
        planner.frame();
        planner.frame();
    }
    measure("planner", frames, &mut planner, |app| {
        matches!(&app.state().screen, rollcoach::ui::Screen::Planner)
            && !app.state().planner.rows.is_empty()
    });
}

/// The planner's time for every area rated, each side its own, for an
/// hour after a workout.
fn plan_times(runs: usize) {
    use rollcoach::model::body_map::Spot;
    use rollcoach::planner::{Answers, Moment, plan};
    let catalog = Catalog::builtin().expect("the built-in catalog");
    let settings = rollcoach::model::Settings::default();
    let mut answers = Answers::new(60, Moment::After, &rollcoach::model::Tool::ALL);
    for (i, spot) in Spot::all().into_iter().enumerate() {
        answers.rate(spot, 1 + (i % 10) as u8);
    }
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let made = plan(&answers, &catalog, &settings).expect("a plan");
            let ms = start.elapsed().as_secs_f64() * 1e3;
            assert!(!made.routine.steps.is_empty());
            ms
        })
        .collect();
    let max = times.iter().copied().fold(0.0, f64::max);
    println!("plan_ms_median={:.1}", median(times));
    println!("plan_ms_max={max:.1}");
}

/// Whether the app is playing a routine, in a rolling phase or not.
fn is_rolling(app: &RollcoachApp, rolling: bool) -> bool {
    app.state().session().is_some_and(|session| {
        let state = session.state(app.now());
        !state.finished && state.stroke_position.is_some() == rolling
    })
}
