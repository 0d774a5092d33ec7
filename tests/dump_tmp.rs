#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;
use common::Window;
use eframe::egui::Theme;
use rollcoach::model::TextSize::*;
use std::time::Duration;

#[test]
#[ignore]
fn dump() {
    let out = std::path::Path::new("/tmp/dump");
    std::fs::create_dir_all(out).unwrap();
    let windows = [
        Window::new(800.0, 600.0, Normal),
        Window::new(800.0, 600.0, Large),
        Window::new(1024.0, 640.0, ExtraLarge),
        Window::new(1100.0, 720.0, ExtraLarge),
        Window::new(1366.0, 768.0, ExtraLarge),
        Window::new(1100.0, 720.0, Normal),
    ];
    let which = std::env::var("DUMP").unwrap_or_default();
    for w in windows {
        // (name, routine, seconds in, keys)
        let states: [(&str, u64, bool); 4] = [
            ("getready", 3, false),
            ("rolling", 18, false),
            ("hold", 49, false),
            ("follow", 49, true),
        ];
        for (name, secs, follow) in states {
            if !which.is_empty() && !name.contains(&which) {
                continue;
            }
            let dir = tempfile::tempdir().unwrap();
            let (mut h, time) = common::start_in(dir.path(), w, Theme::Light, Some("Desk worker"));
            time.advance(Duration::from_secs(secs));
            if follow {
                h.key_press(eframe::egui::Key::F11);
            }
            h.run();
            let img = h.render().unwrap();
            img.save(out.join(format!("{}_{}.png", name, w.name())))
                .unwrap();
        }
    }
}

#[test]
#[ignore]
fn deltas() {
    let dir = tempfile::tempdir().unwrap();
    let w = Window::new(1100.0, 720.0, Normal);
    let (mut h, time) = common::start_in(dir.path(), w, Theme::Light, Some("Feet and calves"));
    h.key_press(eframe::egui::Key::ArrowRight);
    h.run();
    h.key_press(eframe::egui::Key::ArrowRight);
    h.run();
    for _ in 0..5 {
        time.advance(Duration::from_secs(1));
        h.run();
        let out = h.output();
        let sets: Vec<_> = out
            .textures_delta
            .set
            .iter()
            .map(|(id, d)| {
                (
                    *id,
                    d.iter()
                        .map(|x| (x.image.size(), x.pos))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let tris: usize = out.shapes.len();
        eprintln!("sets {sets:?} shapes {tris}");
    }
}

#[test]
#[ignore]
fn shortcuts() {
    let out = std::path::Path::new("/tmp/dump");
    for w in [
        Window::new(800.0, 600.0, Large),
        Window::new(1024.0, 640.0, ExtraLarge),
        Window::new(720.0, 520.0, Normal),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut h, _time) = common::start_in(dir.path(), w, Theme::Light, None);
        h.key_press(eframe::egui::Key::Questionmark);
        h.run();
        h.run();
        h.render()
            .unwrap()
            .save(out.join(format!("shortcuts_{}.png", w.name())))
            .unwrap();
    }
}
