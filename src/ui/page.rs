//! Pages that scroll: each screen keeps a scroll position of its own,
//! opens at its top, and shows a scroll bar while there is more to see.
//! The keyboard scrolls it as a browser does (Page Up and Page Down, Space,
//! Home and End, the Up and Down arrows when they are not used otherwise),
//! and a widget that takes the focus below or above the window is
//! scrolled into view.

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

/// How far the keys scroll a page this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Jump {
    /// By this many points (down is positive).
    By(f32),
    Top,
    Bottom,
}

/// The height of a line, for the arrow keys.
const LINE: f32 = 48.0;

/// The page-scrolling key pressed this frame, if no widget used it: Home
/// and End (and with Ctrl) only while no text field is being typed in,
/// Space and the arrows only while nothing has the focus or the focused
/// widget is a button (a check box or button pressed by Space is left
/// alone: Space is read after the page's widgets).
fn jump(ctx: &egui::Context, page_height: f32) -> Option<Jump> {
    use egui::{Key, Modifiers};
    let typing = ctx.text_edit_focused();
    let focused = ctx.memory(|m| m.focused()).is_some();
    let page = (page_height - 2.0 * LINE).max(LINE);
    ctx.input_mut(|i| {
        let mut take = |mods: Modifiers, key: Key| i.consume_key(mods, key);
        if take(Modifiers::NONE, Key::PageDown) {
            return Some(Jump::By(page));
        }
        if take(Modifiers::NONE, Key::PageUp) {
            return Some(Jump::By(-page));
        }
        if typing {
            return None;
        }
        for mods in [Modifiers::NONE, Modifiers::COMMAND] {
            if take(mods, Key::Home) {
                return Some(Jump::Top);
            }
            if take(mods, Key::End) {
                return Some(Jump::Bottom);
            }
        }
        if take(Modifiers::NONE, Key::ArrowDown) {
            return Some(Jump::By(LINE));
        }
        if take(Modifiers::NONE, Key::ArrowUp) {
            return Some(Jump::By(-LINE));
        }
        if !focused {
            if take(Modifiers::SHIFT, Key::Space) {
                return Some(Jump::By(-page));
            }
            if take(Modifiers::NONE, Key::Space) {
                return Some(Jump::By(page));
            }
        }
        None
    })
}

/// Shows `content` as the page `name` (see [`scroll`]), scrolled by the
/// keyboard and following the focus. One page per screen takes the keys;
/// they are read after the page's widgets had theirs, and the page moves
/// on the next frame.
pub fn show<R>(
    ui: &mut egui::Ui,
    name: &'static str,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let pending = egui::Id::unique(name).with("rollcoach_page_scroll_to");
    let mut area = scroll(ui, name);
    if let Some(to) = ui.ctx().data_mut(|d| d.remove_temp::<f32>(pending)) {
        area = area.vertical_scroll_offset(to);
    }
    let output = area.show(ui, |ui| {
        let inner = content(ui);
        crate::ui::focus::follow(ui);
        inner
    });
    let viewport = output.inner_rect.height();
    let max = (output.content_size.y - viewport).max(0.0);
    let now = output.state.clamped_offset().y;
    let to = match jump(ui.ctx(), viewport) {
        Some(Jump::By(delta)) => Some(now + delta),
        Some(Jump::Top) => Some(0.0),
        Some(Jump::Bottom) => Some(max),
        None => None,
    };
    if let Some(to) = to {
        ui.ctx()
            .data_mut(|d| d.insert_temp(pending, to.clamp(0.0, max)));
        ui.ctx().request_repaint();
    }
    output.inner
}

/// The width of a side panel that leaves at least `keep` points of the
/// window to the page beside it: `wanted` if it fits, never under `least`.
pub fn side_width(ui: &egui::Ui, wanted: f32, least: f32, keep: f32) -> f32 {
    (ui.available_width() - keep).clamp(least, wanted.max(least))
}
