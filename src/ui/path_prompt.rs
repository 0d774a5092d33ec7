//! Importing and exporting routine files where no file chooser can be
//! shown: a question that takes a typed or pasted path instead.
//!
//! The file dialogs come from the system: on Linux from the desktop portal
//! on the session bus, or zenity. A system with neither (a bare window
//! manager, a minimal install) would open nothing, with no word why, so
//! Rollcoach looks for a chooser first.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use eframe::egui::{self, RichText};

use super::{Command, Commands};

/// Whether the system can show a file chooser (looked for once).
pub fn chooser_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        let found = look_for_chooser();
        if !found {
            log::info!("no file chooser: neither the desktop portal nor zenity is there");
        }
        found
    })
}

#[cfg(target_os = "linux")]
fn look_for_chooser() -> bool {
    portal_on_the_bus() || on_path("zenity")
}

#[cfg(not(target_os = "linux"))]
fn look_for_chooser() -> bool {
    true
}

/// Whether the desktop portal runs, or can be started, on the session bus.
#[cfg(target_os = "linux")]
fn portal_on_the_bus() -> bool {
    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    let Ok(bus) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(dbus) = zbus::blocking::fdo::DBusProxy::new(&bus) else {
        return false;
    };
    let Ok(name) = zbus::names::BusName::try_from(PORTAL) else {
        return false;
    };
    dbus.name_has_owner(name).unwrap_or(false)
        || dbus
            .list_activatable_names()
            .is_ok_and(|names| names.iter().any(|n| n.as_str() == PORTAL))
}

#[cfg(target_os = "linux")]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// What the typed path is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Import,
    Export,
    /// The history, as CSV.
    ExportHistory,
}

/// The question asking for a path, while it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// Why the last path was not taken, if it was not.
    pub problem: Option<String>,
    /// The field takes the focus when the question opens.
    focus_field: bool,
}

/// The accessible label of the path field.
pub const FIELD_LABEL: &str = "Path of the routine file";

impl PathPrompt {
    /// Asks for a routine file to import.
    pub fn import() -> PathPrompt {
        PathPrompt {
            purpose: Purpose::Import,
            text: String::new(),
            problem: None,
            focus_field: true,
        }
    }

    /// Asks where to export, suggesting `file_name` in the home folder.
    pub fn export(file_name: &str) -> PathPrompt {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        let suggested = home.map_or_else(|| PathBuf::from(file_name), |h| h.join(file_name));
        PathPrompt {
            purpose: Purpose::Export,
            text: suggested.display().to_string(),
            problem: None,
            focus_field: true,
        }
    }

    /// Draws the question. Returns the command of the answer: import or
    /// export to the path, or `None` while it is still open; `close` is set
    /// when it is answered or cancelled (Esc).
    /// Asks where to save the history as CSV, suggesting `file_name` in
    /// the home folder.
    pub fn export_history(file_name: &str) -> PathPrompt {
        PathPrompt {
            purpose: Purpose::ExportHistory,
            ..PathPrompt::export(file_name)
        }
    }

    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Commands, close: &mut bool) {
        let (heading, go) = match self.purpose {
            Purpose::Import => ("Import a routine file", "Import"),
            Purpose::Export => ("Export the routine", "Export"),
            Purpose::ExportHistory => ("Export your history", "Export"),
        };
        let why = match self.purpose {
            Purpose::Import => {
                "This system has no file chooser to show, so type or paste the path of the \
                 routine file (.ron). You can also drop routine files on the window."
            }
            Purpose::Export => {
                "This system has no file chooser to show, so type or paste where to save the \
                 routine (a path ending in .ron)."
            }
            Purpose::ExportHistory => {
                "This system has no file chooser to show, so type or paste where to save \
                 your history (a path ending in .csv)."
            }
        };
        let mut answer = false;
        let shown = egui::Modal::new(egui::Id::unique("routine_path_prompt")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(heading);
            ui.add(egui::Label::new(why).wrap());
            ui.add_space(8.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/you/Downloads/legs.ron"),
            );
            let text = self.text.clone();
            field.widget_info(|| {
                let mut info = egui::WidgetInfo::text_edit(true, &text, &text, "");
                info.label = Some(FIELD_LABEL.to_owned());
                info
            });
            if std::mem::take(&mut self.focus_field) {
                field.request_focus();
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                answer = true;
            }
            if let Some(problem) = &self.problem {
                ui.add(
                    egui::Label::new(
                        RichText::new(problem).color(crate::ui::theme::caution_colour(ui)),
                    )
                    .wrap(),
                );
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !self.text.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(go).size(18.0)))
                    .clicked()
                {
                    answer = true;
                }
                if ui.button(RichText::new("Cancel").size(18.0)).clicked() {
                    *close = true;
                }
            });
        });
        if shown.should_close() {
            *close = true;
        }
        if !answer {
            return;
        }
        // A refused path goes back to the field, to be corrected.
        self.focus_field = true;
        let Some(path) = typed_path(&self.text) else {
            self.problem = Some("Type or paste a path first.".to_owned());
            return;
        };
        match self.purpose {
            Purpose::Import => {
                if !path.is_file() {
                    self.problem = Some(format!("There is no file at {}.", path.display()));
                    return;
                }
                commands.push(Command::Import(vec![path]));
            }
            Purpose::Export | Purpose::ExportHistory => {
                if path.exists() {
                    self.problem = Some(format!(
                        "Something is already at {}: choose another name.",
                        path.display()
                    ));
                    return;
                }
                commands.push(if self.purpose == Purpose::Export {
                    Command::ExportTo(path)
                } else {
                    Command::ExportHistoryTo(path)
                });
            }
        }
        *close = true;
    }
}

/// The path in what was typed or pasted: without the quotes a file
/// manager adds, `file://` and a leading `~/` for the home folder.
pub fn typed_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')))
        .unwrap_or(text)
        .trim();
    let text = text.strip_prefix("file://").unwrap_or(text);
    if text.is_empty() {
        return None;
    }
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(dirs) = directories::BaseDirs::new()
    {
        return Some(dirs.home_dir().join(rest));
    }
    Some(Path::new(text).to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_paths_lose_their_quotes_and_scheme() {
        let p = |t: &str| typed_path(t).map(|p| p.display().to_string());
        assert_eq!(p("  /tmp/a.ron "), Some("/tmp/a.ron".into()));
        assert_eq!(p("'/tmp/my legs.ron'"), Some("/tmp/my legs.ron".into()));
        assert_eq!(p("\"/tmp/a.ron\""), Some("/tmp/a.ron".into()));
        assert_eq!(p("file:///tmp/a.ron"), Some("/tmp/a.ron".into()));
        assert_eq!(p("   "), None);
        assert_eq!(p("''"), None);
        if let Some(dirs) = directories::BaseDirs::new() {
            assert_eq!(typed_path("~/a.ron"), Some(dirs.home_dir().join("a.ron")));
        }
    }
}
