//! The keyboard focus: where it shows, what the arrows do, and keeping
//! focused widgets in view.
//!
//! egui moves the focus to the nearest widget in an arrow's direction,
//! across the whole window (from the library's sidebar to the menu bar).
//! Here the arrows belong to the screen instead: they move the card
//! selection, change cards, step the player, scroll a page, or move within
//! a list of like widgets (a [`Group`]); Tab and Shift+Tab move the focus.
//! In an open menu the arrows still walk its items.

use eframe::egui::{self, Id, Key};

/// Whether an arrow key was pressed this frame with no modifier.
fn arrow_pressed(i: &egui::InputState) -> bool {
    [
        Key::ArrowUp,
        Key::ArrowDown,
        Key::ArrowLeft,
        Key::ArrowRight,
    ]
    .iter()
    .any(|k| i.key_pressed(*k))
        && !i.modifiers.any()
}

/// Cancels egui's own focus move by the arrows this frame, except in an
/// open menu or popup. Call once per frame, before the keys are read.
pub fn keep_arrows_for_the_screen(ctx: &egui::Context) {
    let (arrow, tab) = ctx.input(|i| (arrow_pressed(i), i.key_pressed(Key::Tab)));
    if arrow && !tab && !egui::Popup::is_any_open(ctx) {
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
}

/// Where a widget waiting to get the focus back is kept, with the frames
/// still to wait.
fn give_back_id() -> Id {
    Id::unique("rollcoach_focus_give_back")
}

/// Gives the focus back to `id` once the question over it is gone: a
/// modal keeps the focus from what is under it for a frame after it
/// closes.
pub fn give_back(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(give_back_id(), (id, 2_u8)));
    ctx.request_repaint();
}

/// Where the id of the focused widget last brought into view is kept.
fn followed_id() -> Id {
    Id::unique("rollcoach_focus_followed")
}

/// Inside a scroll area, after its content: scrolls a widget that has just
/// taken the focus into view, if it is in this area. A widget reached by
/// Tab below the window is shown, not typed into unseen.
pub fn follow(ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return;
    };
    if ctx.data(|d| d.get_temp::<Id>(followed_id())) == Some(focused) {
        return;
    }
    let Some(response) = ctx.read_response(focused) else {
        return;
    };
    if response.layer_id == ui.layer_id() && ui.min_rect().contains_rect(response.rect) {
        ui.scroll_to_rect(response.rect.expand(12.0), None);
        ctx.data_mut(|d| d.insert_temp(followed_id(), focused));
    }
}

/// At the end of a frame: marks the focused widget as followed (in view or
/// not in any scroll area), and draws a ring around it, as egui shows the
/// focus of buttons, check boxes and menu items only faintly. A text field
/// shows its own.
pub fn end_frame(ctx: &egui::Context) {
    if let Some((id, wait)) = ctx.data(|d| d.get_temp::<(Id, u8)>(give_back_id())) {
        if wait == 0 {
            ctx.data_mut(|d| d.remove::<(Id, u8)>(give_back_id()));
            ctx.memory_mut(|m| m.request_focus(id));
        } else {
            ctx.data_mut(|d| d.insert_temp(give_back_id(), (id, wait - 1)));
        }
        ctx.request_repaint();
    }
    let focused = ctx.memory(|m| m.focused());
    if let Some(id) = focused {
        ctx.data_mut(|d| d.insert_temp(followed_id(), id));
    } else {
        ctx.data_mut(|d| d.remove::<Id>(followed_id()));
    }
    let Some(id) = focused else { return };
    if ctx.text_edit_focused() {
        return;
    }
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    if response.interact_rect.area() <= 0.0 {
        return;
    }
    let stroke = egui::Stroke::new(2.5, ring_colour(ctx));
    let painter = ctx
        .layer_painter(response.layer_id)
        .with_clip_rect(response.interact_rect.expand(4.0));
    painter.rect_stroke(
        response.rect.expand(1.0),
        5.0,
        stroke,
        egui::StrokeKind::Outside,
    );
}

/// The focus ring's colour: the theme's selection colour, strong enough to
/// see on any panel.
fn ring_colour(ctx: &egui::Context) -> egui::Color32 {
    let v = ctx.global_style().visuals.clone();
    if v.dark_mode {
        egui::Color32::from_rgb(120, 180, 255)
    } else {
        egui::Color32::from_rgb(20, 90, 200)
    }
}

/// A list of like widgets (the library's filters, a list of choices): Up
/// and Down move the focus along it and stop at its ends, never leaving
/// it for the menu bar or the page beside it.
#[derive(Default)]
pub struct Group {
    ids: Vec<Id>,
}

impl Group {
    /// Adds a widget, in the order the arrows walk.
    pub fn add(&mut self, response: &egui::Response) {
        self.ids.push(response.id);
    }

    /// After the last widget: Up or Down on a focused member moves the
    /// focus to its neighbour (the key press is used up).
    pub fn finish(self, ui: &egui::Ui) {
        let ctx = ui.ctx();
        let Some(focused) = ctx.memory(|m| m.focused()) else {
            return;
        };
        let Some(at) = self.ids.iter().position(|id| *id == focused) else {
            return;
        };
        let (up, down) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            )
        });
        let to = if up {
            at.checked_sub(1)
        } else if down {
            Some(at + 1).filter(|i| *i < self.ids.len())
        } else {
            None
        };
        if let Some(to) = to {
            ctx.memory_mut(|m| m.request_focus(self.ids[to]));
        }
    }
}

/// Marks `id` as a widget that takes the arrow keys itself while focused
/// (a library card: the arrows move the selection from it).
pub fn takes_arrows(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| d.insert_temp(id.with("rollcoach_takes_arrows"), true));
}

/// Whether the focused widget takes the arrow keys itself.
pub fn focused_takes_arrows(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused()).is_some_and(|id| {
        ctx.data(|d| d.get_temp::<bool>(id.with("rollcoach_takes_arrows")))
            .unwrap_or(false)
    })
}
