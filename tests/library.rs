//! The exercise library as a user meets it: every card listed bottom-up,
//! filters and search narrow it, cards open with all their sections, and
//! the keyboard gets around.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

mod common;

use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use rollcoach::catalog::Catalog;
use rollcoach::model::{BodyRegion, Tool};
use rollcoach::ui::Screen;

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn all_ids() -> Vec<String> {
    catalog().exercises().iter().map(|e| e.id.clone()).collect()
}

#[test]
fn lists_every_exercise_in_bottom_up_order() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let harness = common::start(dir.path());
    assert_eq!(harness.state().state().visible_exercise_ids(), all_ids());
    for exercise in catalog().exercises() {
        harness.get_by_label(&exercise.name);
    }
    harness.get_by_label_contains("17 exercises, from the feet up");
}

#[test]
fn region_filter_shows_only_that_region() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    let catalog = catalog();
    for region in BodyRegion::ALL {
        harness.get_by_label(region.label()).click();
        harness.run();
        let shown = harness.state().state().visible_exercise_ids();
        let expected: Vec<String> = catalog
            .exercises()
            .iter()
            .filter(|e| e.region == region)
            .map(|e| e.id.clone())
            .collect();
        assert!(!expected.is_empty(), "{region:?} has exercises");
        assert_eq!(shown, expected, "{region:?}");
        for e in catalog.exercises() {
            let on_screen = harness.query_by_label(&e.name).is_some();
            assert_eq!(on_screen, e.region == region, "{} with {region:?}", e.name);
        }
    }
    harness.get_by_label("All regions").click();
    harness.run();
    assert_eq!(harness.state().state().visible_exercise_ids(), all_ids());
}

#[test]
fn tools_filter_hides_what_you_cannot_do_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Foam roller").click();
    harness.run();
    let shown = harness.state().state().visible_exercise_ids();
    assert!(!shown.contains(&"shins".to_owned()), "shins need a roller");
    assert!(!shown.contains(&"quads".to_owned()), "quads need a roller");
    assert!(
        shown.contains(&"sole-of-foot".to_owned()),
        "a ball does the sole"
    );
    assert!(
        shown.contains(&"calves".to_owned()),
        "a ball can do the calves"
    );
    assert!(harness.query_by_label("Shins").is_none());
    for id in &shown {
        let e = catalog().get(id).cloned().unwrap();
        assert!(e.tools.iter().any(|t| *t != Tool::FoamRoller), "{id}");
    }
    drop(harness);

    // The choice is kept in the settings file.
    let harness = common::start(dir.path());
    assert!(
        !harness
            .state()
            .state()
            .settings
            .tools_owned
            .contains(&Tool::FoamRoller)
    );
    assert!(
        !harness
            .state()
            .state()
            .visible_exercise_ids()
            .contains(&"shins".to_owned())
    );
}

#[test]
fn no_tools_ticked_explains_why_nothing_shows() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "tools_owned: []");
    let harness = common::start(dir.path());
    assert!(harness.state().state().visible_exercise_ids().is_empty());
    harness.get_by_label_contains("Tick at least one tool");
}

#[test]
fn search_matches_names_and_muscles() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Search by name or muscle").click();
    harness.run();
    harness
        .get_by_label("Search by name or muscle")
        .type_text("hamstring");
    harness.run();
    assert_eq!(
        harness.state().state().visible_exercise_ids(),
        vec!["hamstrings".to_owned()]
    );

    // A muscle named on a card, not in its name.
    harness
        .get_by_label("Search by name or muscle")
        .type_text("zzz");
    harness.run();
    assert!(harness.state().state().visible_exercise_ids().is_empty());
    harness.get_by_label_contains("No exercise matches");
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert_eq!(harness.state().state().visible_exercise_ids(), all_ids());

    harness.get_by_label("Search by name or muscle").click();
    harness.run();
    harness
        .get_by_label("Search by name or muscle")
        .type_text("piriformis");
    harness.run();
    assert_eq!(
        harness.state().state().visible_exercise_ids(),
        vec!["piriformis".to_owned()]
    );
}

#[test]
fn clicking_a_card_opens_it_with_every_section() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Calves").click();
    harness.run();
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card {
            id: "calves".into()
        }
    );
    let calves = catalog().get("calves").cloned().unwrap();
    for title in [
        "What it works",
        "What you need",
        "Set up",
        "Roll",
        "Hold a tender spot",
        "Breathe",
        "Make it easier",
        "Make it harder",
        "Keep off",
        "Sides",
        "Timings",
    ] {
        harness.get_by_label(title);
    }
    harness.get_by_label(&calves.setup[0]);
    harness.get_by_label(&calves.avoid[0]);
    harness.get_by_label("One side at a time: left, then right");
    harness.get_by_label_contains("Roll for 45 seconds on each side");
    harness.get_by_label_contains("Picture: Calves");
    harness.get_by_label("Back to the library").click();
    harness.run();
    assert_eq!(&harness.state().state().screen, &Screen::Library);
}

#[test]
fn keyboard_moves_between_cards_opens_and_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    let ids = all_ids();
    let press = |h: &mut egui_kittest::Harness<'_, _>, key| {
        h.key_press(key);
        h.run();
    };

    // Right, Right, Left: the second card; Enter opens it.
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::Enter);
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card { id: ids[1].clone() }
    );

    // On a card, Right and Left go to the next and previous card.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card { id: ids[2].clone() }
    );
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card { id: ids[0].clone() }
    );

    // Esc goes back, with that card still selected; Down moves a whole row.
    press(&mut harness, Key::Escape);
    assert_eq!(&harness.state().state().screen, &Screen::Library);
    let columns = harness.state().state().library.columns();
    assert!(columns >= 2, "a wide window shows several columns");
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card {
            id: ids[columns].clone()
        }
    );
}

#[test]
fn ctrl_f_focuses_search_and_enter_opens_the_first_match() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(
        harness
            .get_by_label("Search by name or muscle")
            .is_focused()
    );
    harness
        .get_by_label("Search by name or muscle")
        .type_text("quad");
    harness.run();
    press_enter_twice(&mut harness);
    assert_eq!(
        &harness.state().state().screen,
        &Screen::Card { id: "quads".into() }
    );
}

fn press_enter_twice(harness: &mut egui_kittest::Harness<'_, rollcoach::ui::RollcoachApp>) {
    // The first Enter leaves the search field, the second opens the card.
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn a_card_offers_the_substitute_you_own() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "tools_owned: [LacrosseBall]");
    let mut harness = common::start(dir.path());
    harness.get_by_label("Calves").click();
    harness.run();
    harness.get_by_label("Foam roller (as pictured): you don't have one");
    harness.get_by_label("Or: lacrosse ball: you have one, use it");
}

#[test]
fn clear_resets_the_search_and_the_region_and_an_empty_search_offers_the_regions() {
    let dir = tempfile::tempdir().unwrap();
    common::returning_user(dir.path(), "");
    let mut harness = common::start(dir.path());
    assert!(
        harness.get_by_label("Clear").accesskit_node().is_disabled(),
        "nothing to clear"
    );
    harness.get_by_label("Feet").click();
    harness.run();
    harness.get_by_label("Search by name or muscle").click();
    harness.run();
    harness
        .get_by_label("Search by name or muscle")
        .type_text("tight quads");
    harness.run();
    // The quads are not in the feet.
    assert!(harness.state().state().visible_exercise_ids().is_empty());
    harness.get_by_label_contains("No exercise matches \"tight quads\"");
    harness.get_by_label("Look by body region instead:");
    harness.get_by_label("Clear").click();
    harness.run();
    assert_eq!(harness.state().state().visible_exercise_ids(), all_ids());
    assert!(
        harness
            .get_by_label("Search by name or muscle")
            .is_focused(),
        "the focus goes back to the search"
    );

    // With nothing found, a region is one click away.
    harness
        .get_by_label("Search by name or muscle")
        .type_text("elbow");
    harness.run();
    assert!(harness.state().state().visible_exercise_ids().is_empty());
    let offered: Vec<_> = harness.get_all_by_label("Lower legs").collect();
    assert_eq!(offered.len(), 2, "in the filters and under the message");
    offered[1].click();
    harness.run();
    let visible = harness.state().state().visible_exercise_ids();
    assert!(visible.contains(&"calves".to_owned()), "{visible:?}");
    assert!(!visible.contains(&"quads".to_owned()), "{visible:?}");
}
