//! The packaging files agree with the program and with each other: the
//! package version, the app id in the desktop entry, the metainfo and the
//! icon names, the routines the desktop entry's actions start, and every
//! file Packager.toml puts into a package.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::collections::BTreeMap;
use std::path::Path;

use rollcoach::catalog::Catalog;
use rollcoach::ui::{APP_ID, APP_TITLE};

mod xml;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Packager.toml's `key = "value"` lines, by table ("" for the top).
fn packager_values() -> BTreeMap<(String, String), String> {
    let mut table = String::new();
    let mut values = BTreeMap::new();
    for line in read("Packager.toml").lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name.to_owned();
        } else if let Some((key, value)) = line.split_once(" = ")
            && let Some(value) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'))
        {
            let key = key.trim_matches('"').to_owned();
            values.insert((table.clone(), key), value.to_owned());
        }
    }
    values
}

fn top(values: &BTreeMap<(String, String), String>, key: &str) -> String {
    values
        .get(&(String::new(), key.to_owned()))
        .unwrap_or_else(|| panic!("Packager.toml has no {key}"))
        .clone()
}

#[test]
fn packager_config_matches_the_crate() {
    let values = packager_values();
    assert_eq!(top(&values, "version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(top(&values, "name"), env!("CARGO_PKG_NAME"));
    assert_eq!(top(&values, "description"), env!("CARGO_PKG_DESCRIPTION"));
    assert_eq!(top(&values, "product-name"), APP_TITLE);
    let packager = read("Packager.toml");
    assert!(
        packager.contains(r#"binaries = [{ path = "rollcoach", main = true }]"#),
        "the main binary"
    );
    let binary = Path::new(env!("CARGO_BIN_EXE_rollcoach"));
    assert_eq!(
        binary.file_stem().and_then(|s| s.to_str()),
        Some("rollcoach")
    );
}

#[test]
fn every_file_packager_config_names_exists() {
    let values = packager_values();
    let mut files: Vec<String> = values
        .iter()
        .filter(|((table, _), _)| table.ends_with(".files"))
        .map(|((_, source), _)| source.clone())
        .collect();
    assert!(files.len() >= 3, "{files:?}");
    files.push(top(&values, "license-file"));
    files.push(values[&("deb".to_owned(), "desktop-template".to_owned())].clone());
    assert!(
        read("Packager.toml").contains(r#"icons = ["assets/icons/hicolor/*/apps/rollcoach.png"]"#),
        "the icons"
    );
    for size in [16, 32, 48, 64, 128, 256, 512] {
        files.push(format!(
            "assets/icons/hicolor/{size}x{size}/apps/rollcoach.png"
        ));
    }
    for file in files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&file);
        assert!(path.is_file(), "{file} is missing");
    }
}

#[test]
fn deb_and_appimage_install_the_icon_and_metainfo_under_the_app_id() {
    let values = packager_values();
    for table in ["deb.files", "appimage.files"] {
        let target = |source: &str| {
            values
                .get(&(table.to_owned(), source.to_owned()))
                .unwrap_or_else(|| panic!("[{table}] does not install {source}"))
                .clone()
        };
        assert_eq!(
            target("assets/icons/rollcoach.svg"),
            format!("usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg")
        );
        assert_eq!(
            target("assets/linux/rollcoach.metainfo.xml"),
            format!("usr/share/metainfo/{APP_ID}.metainfo.xml")
        );
    }
}

/// The desktop entry's groups, each a map of its keys.
fn desktop_entry() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = read("assets/linux/rollcoach.desktop");
    let mut groups: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut group = None;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(!groups.contains_key(name), "group {name} twice");
            groups.insert(name.to_owned(), BTreeMap::new());
            group = Some(name.to_owned());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("not a key=value line: {line:?}"));
        let group = group.as_ref().expect("a key before the first group");
        let keys = groups.get_mut(group).expect("the group exists");
        assert!(
            keys.insert(key.to_owned(), value.to_owned()).is_none(),
            "{key} twice in {group}"
        );
    }
    groups
}

#[test]
fn desktop_entry_names_the_app_by_its_id() {
    let groups = desktop_entry();
    let entry = &groups["Desktop Entry"];
    assert_eq!(entry["Type"], "Application");
    assert_eq!(entry["Name"], APP_TITLE);
    assert_eq!(entry["Exec"], "rollcoach");
    assert_eq!(entry["Icon"], APP_ID);
    assert_eq!(entry["StartupWMClass"], APP_ID);
    assert_eq!(entry["Terminal"], "false");
    // Packager.toml uses it as a template: it must have no template fields.
    assert!(!read("assets/linux/rollcoach.desktop").contains("{{"));
}

#[test]
fn desktop_actions_start_built_in_routines() {
    let catalog = Catalog::builtin().expect("the built-in catalog loads");
    let groups = desktop_entry();
    let actions: Vec<&str> = groups["Desktop Entry"]["Actions"]
        .split_terminator(';')
        .collect();
    assert!(!actions.is_empty());
    for action in &actions {
        let group = groups
            .get(&format!("Desktop Action {action}"))
            .unwrap_or_else(|| panic!("no group for action {action}"));
        let routine = group["Exec"]
            .strip_prefix("rollcoach --start \"")
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("action {action} does not start a routine"));
        assert!(
            catalog.routine(routine).is_some(),
            "action {action} starts {routine:?}, which is not a built-in routine"
        );
        assert_eq!(group["Name"], routine);
    }
    let action_groups = groups.keys().filter(|g| g.starts_with("Desktop Action "));
    assert_eq!(action_groups.count(), actions.len());
}

#[test]
fn metainfo_describes_the_same_app() {
    let metainfo = read("assets/linux/rollcoach.metainfo.xml");
    let root = xml::check_well_formed(&metainfo).unwrap_or_else(|e| panic!("metainfo: {e}"));
    assert_eq!(root, "component");
    for element in [
        format!("<id>{APP_ID}</id>"),
        format!("<name>{APP_TITLE}</name>"),
        format!(r#"<launchable type="desktop-id">{APP_ID}.desktop</launchable>"#),
        "<binary>rollcoach</binary>".to_owned(),
        format!(
            "<project_license>{}</project_license>",
            env!("CARGO_PKG_LICENSE")
        ),
    ] {
        assert!(metainfo.contains(&element), "{element} missing");
    }
}
