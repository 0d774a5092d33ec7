//! Keys: how they are named, and which action a key press belongs to.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::{Action, Place};

/// Whether keys are named as on a Mac (Cmd for Ctrl).
pub(super) fn on_mac() -> bool {
    cfg!(target_os = "macos")
}

/// A key as people name it: "Right arrow", "Esc", "+".
fn key_name(key: Key, alone: bool) -> &'static str {
    match key {
        Key::ArrowLeft => "Left arrow",
        Key::ArrowRight => "Right arrow",
        Key::ArrowUp => "Up arrow",
        Key::ArrowDown => "Down arrow",
        Key::Escape => "Esc",
        Key::Plus if !alone => "Plus",
        Key::Minus if !alone => "Minus",
        Key::Plus => "+",
        Key::Minus => "-",
        Key::Equals => "=",
        Key::Slash => "/",
        Key::Questionmark => "?",
        other => other.name(),
    }
}

/// A shortcut in words: "Ctrl+Q", "Cmd+Q" on a Mac, "F11".
pub fn shortcut_text(shortcut: &KeyboardShortcut, mac: bool) -> String {
    let m = shortcut.modifiers;
    let mut text = String::new();
    if m.command || m.ctrl || m.mac_cmd {
        text.push_str(if mac { "Cmd+" } else { "Ctrl+" });
    }
    if m.alt {
        text.push_str(if mac { "Option+" } else { "Alt+" });
    }
    if m.shift {
        text.push_str("Shift+");
    }
    text.push_str(key_name(shortcut.logical_key, text.is_empty()));
    text
}

/// Whether a key press belongs to a focused text field or widget rather
/// than to an action: a field being typed in keeps every plain key, a
/// focused widget in a place that yields keeps the arrows, Enter and Space.
fn key_is_free(shortcut: &KeyboardShortcut, place: Place, typing: bool, focused: Focused) -> bool {
    let m = shortcut.modifiers;
    let k = shortcut.logical_key;
    let function_key = matches!(
        k,
        Key::F1
            | Key::F2
            | Key::F3
            | Key::F4
            | Key::F5
            | Key::F6
            | Key::F7
            | Key::F8
            | Key::F9
            | Key::F10
            | Key::F11
            | Key::F12
    );
    // Undo and redo in a field being typed in are the field's.
    if typing && (m.command || m.ctrl) && matches!(k, Key::Z | Key::Y) {
        return false;
    }
    if m.command || m.ctrl || m.mac_cmd || m.alt || function_key || k == Key::Escape {
        return true;
    }
    if typing {
        return false;
    }
    let arrow = matches!(
        k,
        Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown
    );
    let press = matches!(k, Key::Enter | Key::Space);
    let yields = match focused {
        Focused::Nothing => false,
        // Enter and Space press the focused button; the arrows move along
        // the list it is in.
        Focused::Widget => (press || arrow) && place.yields_to_focus(),
        // A widget that takes the arrows itself leaves them to the screen.
        Focused::TakesArrows => press && place.yields_to_focus(),
    };
    !yields
}

/// What has the keyboard focus, as far as the screen's keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Focused {
    Nothing,
    Widget,
    TakesArrows,
}

/// The actions whose keys were pressed this frame in `place`; their key
/// presses are consumed. Shortcuts with more modifiers are matched first,
/// so Ctrl+S saves rather than starts an exercise.
pub fn pressed(ctx: &egui::Context, place: Place) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    let focused = if ctx.memory(|m| m.focused()).is_none() {
        Focused::Nothing
    } else if crate::ui::focus::focused_takes_arrows(ctx) {
        Focused::TakesArrows
    } else {
        Focused::Widget
    };
    let mut live: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .iter()
        .filter(|a| a.is_live_in(place))
        .flat_map(|a| a.shortcuts().iter().map(move |s| (*a, *s)))
        .filter(|(_, s)| key_is_free(s, place, typing, focused))
        .collect();
    let weight = |m: Modifiers| u8::from(m.command) + u8::from(m.alt) + u8::from(m.shift);
    live.sort_by_key(|(_, s)| std::cmp::Reverse(weight(s.modifiers)));
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (action, shortcut) in live {
            let action = action.pressed_as(&shortcut);
            if i.consume_shortcut(&shortcut) && !out.contains(&action) {
                out.push(action);
            }
        }
    });
    out
}
