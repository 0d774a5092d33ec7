//! Pages that scroll: each screen keeps a scroll position of its own,
//! opens at its top, and shows a scroll bar while there is more to see.

use eframe::egui;

/// Where the context remembers whether the screen drawn this frame was
/// just opened.
fn opened_id() -> egui::Id {
    egui::Id::unique("rollcoach_screen_just_opened")
}

/// Says whether the screen drawn this frame was just opened (its pages
/// then start at their top).
pub fn set_just_opened(ctx: &egui::Context, opened: bool) {
    ctx.data_mut(|d| d.insert_temp(opened_id(), opened));
}

/// Whether the screen drawn this frame was just opened.
pub fn just_opened(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(opened_id()))
        .unwrap_or(false)
}

/// The vertical scroll area of the page `name`: its own scroll position,
/// at the top on the frame the screen opens, and a scroll bar that stays
/// in view (not only while the pointer is over it) when the page is
/// longer than the window.
pub fn scroll(ui: &mut egui::Ui, name: &'static str) -> egui::ScrollArea {
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    let area = egui::ScrollArea::vertical()
        .id_salt(name)
        .auto_shrink(false);
    if just_opened(ui.ctx()) {
        area.vertical_scroll_offset(0.0)
    } else {
        area
    }
}

/// The width of a side panel that leaves at least `keep` points of the
/// window to the page beside it: `wanted` if it fits, never under `least`.
pub fn side_width(ui: &egui::Ui, wanted: f32, least: f32, keep: f32) -> f32 {
    (ui.available_width() - keep).clamp(least, wanted.max(least))
}
