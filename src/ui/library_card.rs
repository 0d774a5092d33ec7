//! One card of the library's grid: its picture, name, muscles and tools,
//! laid out for the card's width and drawn as one button.

use eframe::egui::{self, Sense, Vec2};

use super::theme::{Palette, accent};
use super::widgets::illustration;
use crate::model::{Exercise, Settings, Tool};

/// Height of a card's picture relative to its width.
const PICTURE_ASPECT: f32 = 0.62;

const PAD: f32 = 10.0;

/// The text of a card, laid out for its width.
pub(super) struct CardText {
    name: std::sync::Arc<egui::Galley>,
    muscles: std::sync::Arc<egui::Galley>,
    tools: std::sync::Arc<egui::Galley>,
}

impl CardText {
    pub(super) fn layout(
        ui: &egui::Ui,
        exercise: &Exercise,
        width: f32,
        settings: &Settings,
    ) -> CardText {
        let text_w = width - 2.0 * PAD;
        let style = ui.style();
        let visuals = ui.visuals();
        let body = egui::TextStyle::Body.resolve(style);
        let small = egui::TextStyle::Small.resolve(style);
        let title_font = egui::FontId::proportional(body.size * 1.15);
        let layout = |text: String, font: egui::FontId, colour: egui::Color32| {
            ui.fonts_mut(|f| f.layout(text, font, colour, text_w))
        };
        CardText {
            name: layout(
                exercise.name.clone(),
                title_font,
                visuals.strong_text_color(),
            ),
            muscles: layout(
                exercise.muscles.join(", "),
                small.clone(),
                visuals.weak_text_color(),
            ),
            tools: layout(
                tools_line(exercise, &settings.tools_owned),
                small,
                visuals.text_color(),
            ),
        }
    }

    pub(super) fn height(&self) -> f32 {
        PAD + self.name.size().y + 4.0 + self.muscles.size().y + 6.0 + self.tools.size().y + PAD
    }
}

/// One card of the grid: picture, name, muscles and tools, all one button.
pub(super) fn card(
    ui: &mut egui::Ui,
    exercise: &Exercise,
    text: CardText,
    width: f32,
    text_h: f32,
    selected: bool,
) -> egui::Response {
    let pic_h = (width * PICTURE_ASPECT).round();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, pic_h + text_h), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &exercise.name));
    let hover = format!("{}: {}", exercise.name, exercise.muscles.join(", "));
    let response = response
        .on_hover_text(hover)
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter();
    let fill = if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.faint_bg_color
    };
    painter.rect_filled(rect, 12.0, fill);
    let palette = Palette::of(ui);
    let pic = egui::Rect::from_min_size(rect.min, Vec2::new(width, pic_h)).shrink(6.0);
    painter.rect_filled(pic, 9.0, palette.backdrop);
    illustration::paint(
        painter,
        pic.shrink(4.0),
        &exercise.id,
        &exercise.illustration,
        &palette,
    );
    let mut y = rect.top() + pic_h + PAD;
    for (galley, gap) in [(text.name, 4.0), (text.muscles, 6.0), (text.tools, 0.0)] {
        let h = galley.size().y;
        painter.galley(
            egui::pos2(rect.left() + PAD, y),
            galley,
            visuals.text_color(),
        );
        y += h + gap;
    }
    let outline = if selected {
        egui::Stroke::new(3.0, accent(ui))
    } else {
        egui::Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    painter.rect_stroke(rect, 12.0, outline, egui::StrokeKind::Inside);
    response
}

/// "Foam roller (or tennis ball)": the pictured tool and what can stand in
/// for it; or, when the person has only a stand-in, "Lacrosse ball (shown
/// with a foam roller)": their tool, and what the picture shows.
fn tools_line(exercise: &Exercise, owned: &[Tool]) -> String {
    let Some(pictured) = exercise.main_tool() else {
        return String::new();
    };
    if let Some(theirs) = exercise.best_owned_tool(owned).filter(|t| *t != pictured) {
        return format!(
            "{} (shown with a {})",
            theirs.label(),
            pictured.label().to_lowercase()
        );
    }
    let others: Vec<&str> = exercise
        .tools
        .iter()
        .filter(|t| **t != pictured)
        .map(|t| t.label())
        .collect();
    if others.is_empty() {
        pictured.label().to_owned()
    } else {
        format!(
            "{} (or {})",
            pictured.label(),
            others.join(", ").to_lowercase()
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a panic is a failed test
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn the_tools_line_says_which_tool_the_picture_shows() {
        let catalog = Catalog::builtin().unwrap();
        let calves = catalog.get("calves").unwrap();
        assert_eq!(calves.main_tool(), Some(Tool::FoamRoller));
        let all = Tool::ALL.to_vec();
        assert_eq!(tools_line(calves, &all), "Foam roller (or lacrosse ball)");
        // Without the roller the picture still shows one: say so.
        assert_eq!(
            tools_line(calves, &[Tool::LacrosseBall]),
            "Lacrosse ball (shown with a foam roller)"
        );
    }
}
