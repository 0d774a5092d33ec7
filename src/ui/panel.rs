//! Panels that paint no background when the window is already cleared to
//! their colour before each frame (the app's `clear_color`): a software
//! renderer pays for every pixel, and a full-window fill would be drawn for
//! nothing. Test harnesses that clear to transparent keep the fills.

use eframe::egui::{self, Color32, Frame};

/// Where the context remembers that the window is cleared to the panels'
/// colour.
fn cleared_id() -> egui::Id {
    egui::Id::unique("rollcoach_window_cleared")
}

/// Says that the window is cleared to the panels' colour before each frame.
pub fn window_is_cleared(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(cleared_id(), true));
}

fn without_fill_if_cleared(ui: &egui::Ui, frame: Frame) -> Frame {
    let cleared = ui.ctx().data(|d| d.get_temp::<bool>(cleared_id()));
    if cleared == Some(true) {
        frame.fill(Color32::TRANSPARENT)
    } else {
        frame
    }
}

/// The frame of a side, top or bottom panel.
pub fn side(ui: &egui::Ui) -> Frame {
    without_fill_if_cleared(ui, Frame::side_top_panel(ui.style()))
}

/// The frame of the central panel.
pub fn central(ui: &egui::Ui) -> Frame {
    without_fill_if_cleared(ui, Frame::central_panel(ui.style()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{Rect, Shape, pos2, vec2};

    /// One frame of two panels with a label each; the plain fills of the
    /// panels' colour it paints.
    fn panel_fills(cleared: bool) -> (usize, usize) {
        let ctx = egui::Context::default();
        if cleared {
            window_is_cleared(&ctx);
        }
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 300.0))),
            ..Default::default()
        };
        let fill = ctx.global_style().visuals.panel_fill;
        let mut output = ctx.run_ui(input, |ui| {
            egui::Panel::top("top")
                .frame(side(ui))
                .show(ui, |ui| ui.label("Top"));
            egui::CentralPanel::default()
                .frame(central(ui))
                .show(ui, |ui| {
                    ui.label("Middle");
                    let _ = ui.button("A button");
                });
        });
        output.textures_delta.clear();
        let shapes = output.shapes;
        let fills = shapes
            .iter()
            .filter(|s| matches!(&s.shape, Shape::Rect(r) if r.fill == fill))
            .count();
        let texts = shapes
            .iter()
            .filter(|s| matches!(s.shape, Shape::Text(_)))
            .count();
        (fills, texts)
    }

    #[test]
    fn panel_backgrounds_go_only_when_the_window_is_cleared_to_them() {
        let (kept, texts) = panel_fills(false);
        assert_eq!(kept, 2, "both panels paint their background");
        let (cleared, cleared_texts) = panel_fills(true);
        assert_eq!(cleared, 0);
        // The words and the button are still drawn.
        assert_eq!(texts, cleared_texts);
        assert!(texts >= 3);
    }
}
