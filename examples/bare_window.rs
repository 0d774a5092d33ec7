//! The toolkit's own cost, for `benches/desktop.sh`: an eframe window of
//! the size and renderer Rollcoach uses, showing a page of text and
//! nothing else. What the app costs above this window is what the app
//! itself adds; the rest belongs to the toolkit and the graphics driver
//! (Mesa's software renderer alone maps over 35 MB of LLVM).
//!
//!   cargo run --release --example bare_window

use eframe::egui;

struct Bare;

impl eframe::App for Bare {
    /// The same cap on the glyph atlas as the app's.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = raw_input.max_texture_side.map(|side| side.min(2048));
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("A page of text");
            for line in 1..=30 {
                ui.label(format!(
                    "Line {line} of a page of text, as a list of exercises has."
                ));
            }
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_inner_size([1100.0, 720.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native("Bare window", options, Box::new(|_| Ok(Box::new(Bare))))
}
