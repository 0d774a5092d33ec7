//! The registry holds together: one key per place, words people use.

use eframe::egui::KeyboardShortcut;

use super::*;

#[test]
fn every_action_is_listed_once() {
    let mut seen = std::collections::HashSet::new();
    for a in Action::ALL {
        assert!(seen.insert(a), "{a:?} twice");
    }
}

#[test]
fn no_two_live_actions_share_a_key_in_one_place() {
    for place in Place::ALL {
        let mut keys: Vec<(KeyboardShortcut, Action)> = Vec::new();
        for a in Action::ALL.iter().filter(|a| a.is_live_in(place)) {
            for s in a.shortcuts() {
                if let Some((_, other)) = keys.iter().find(|(k, _)| k == s) {
                    panic!("{a:?} and {other:?} both use {s:?} in {place:?}");
                }
                keys.push((*s, *a));
            }
        }
    }
}

#[test]
fn every_place_has_a_way_out_or_on() {
    for place in Place::ALL {
        assert!(
            Action::ALL
                .iter()
                .any(|a| a.is_live_in(place) && !a.shortcuts().is_empty()),
            "{place:?} has no key"
        );
    }
}

#[test]
fn keys_read_as_people_name_them() {
    assert_eq!(Action::SaveRoutine.keys_text(false), "Ctrl+S");
    assert_eq!(Action::SaveRoutine.keys_text(true), "Cmd+S");
    assert_eq!(Action::TextLarger.keys_text(false), "Ctrl+Plus or Ctrl+=");
    assert_eq!(Action::ExtendHold.keys_text(false), "+ or =");
    assert_eq!(Action::BackToLibrary.keys_text(false), "Esc or Backspace");
    assert_eq!(Action::Skip.keys_text(false), "Right arrow");
    assert_eq!(Action::StartExercise.keys_text(false), "S");
    assert_eq!(Action::ShowSafety.where_text(), "Anywhere");
    assert_eq!(Action::BackToLibrary.where_text(), "Card, Safety screen");
}

#[test]
fn toggles_say_what_pressing_them_does() {
    assert_eq!(Action::ToggleMute.toggle_label(false), "Mute");
    assert_eq!(Action::ToggleMute.toggle_label(true), "Unmute");
    assert_eq!(Action::TogglePause.toggle_label(true), "Resume");
}
