//! A progress bar that can be seen in either theme: an outlined track and
//! a dark (light, in the dark theme) fill, each at least 3:1 against the
//! panel, the fill also against the track.

use eframe::egui::{self, Color32, Stroke};

/// The colours of a progress bar, for one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProgressColours {
    pub track: Color32,
    pub outline: Color32,
    pub fill: Color32,
}

impl ProgressColours {
    pub fn for_dark_mode(dark: bool) -> ProgressColours {
        if dark {
            ProgressColours {
                track: Color32::from_gray(46),
                outline: Color32::from_gray(130),
                fill: Color32::from_rgb(0x5a, 0xb0, 0xf0),
            }
        } else {
            ProgressColours {
                track: Color32::from_gray(230),
                outline: Color32::from_gray(120),
                fill: Color32::from_rgb(0x25, 0x74, 0xb4),
            }
        }
    }
}

/// Shows `fraction` (0 to 1) done, `width` by `height`; a screen reader
/// hears the percentage.
pub fn progress_bar(ui: &mut egui::Ui, fraction: f32, width: f32, height: f32) -> egui::Response {
    let fraction = fraction.clamp(0.0, 1.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::new(egui::Role::ProgressIndicator);
        info.value = Some((f64::from(fraction) * 100.0).floor());
        info
    });
    if ui.is_rect_visible(rect) {
        let colours = ProgressColours::for_dark_mode(ui.visuals().dark_mode);
        let radius = height / 2.0;
        let painter = ui.painter();
        painter.rect(
            rect,
            radius,
            colours.track,
            Stroke::new(1.0, colours.outline),
            egui::StrokeKind::Inside,
        );
        if fraction > 0.0 {
            let done = egui::Rect::from_min_size(
                rect.min,
                egui::vec2((rect.width() * fraction).max(height), height),
            );
            painter.rect_filled(done, radius, colours.fill);
        }
    }
    response
}
