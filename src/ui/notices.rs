//! Messages for the user about something that went wrong, each with a way
//! out, shown under the menu bar.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::theme;
use super::{Command, Commands};
use crate::store::FileProblem;

/// A message for the user about something that went wrong, with a way out.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// A folder to open from the notice (where a broken file is).
    pub folder: Option<PathBuf>,
    /// Whether this is the "no sound device" notice, whose dismissal is
    /// remembered.
    pub about_sound: bool,
}

impl Notice {
    /// A notice with no folder to open.
    pub fn plain(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            folder: None,
            about_sound: false,
        }
    }

    /// A notice about a settings file that could not be read.
    pub fn unreadable_settings(problem: &FileProblem) -> Notice {
        Notice {
            text: format!(
                "Couldn't read your settings file {problem}. Rollcoach is using its defaults \
                 and won't save over that file: fix it in a text editor, or delete it, then \
                 restart."
            ),
            folder: problem.path.parent().map(Path::to_path_buf),
            about_sound: false,
        }
    }

    /// A change of settings could not be written: the file keeps what it
    /// had, the change stays in use and is tried again.
    pub fn unsaved_settings(problem: &FileProblem) -> Notice {
        Notice {
            text: format!(
                "Your settings change is in use but not saved: {problem} The settings file \
                 was left as it was. Rollcoach tries again with your next change and when you \
                 quit."
            ),
            folder: problem.path.parent().map(Path::to_path_buf),
            about_sound: false,
        }
    }

    /// No sound device could be opened (the driver's words go to the log).
    pub fn no_sound() -> Notice {
        Notice {
            about_sound: true,
            ..Notice::plain(NO_SOUND)
        }
    }

    /// A notice about a routine file that could not be read.
    pub fn unreadable_routine(problem: &FileProblem) -> Notice {
        Notice {
            text: format!(
                "Couldn't read the routine file {problem}. It was left as it is; \
                 the other routines work. Fix it in a text editor and restart."
            ),
            folder: problem.path.parent().map(Path::to_path_buf),
            about_sound: false,
        }
    }
}

/// What the "no sound device" notice says.
pub const NO_SOUND: &str = "Rollcoach found no sound device it could use, so it runs silently: \
    the timer and the pictures still guide you. To hear the cues, check that speakers or \
    headphones are plugged in and not muted, then restart Rollcoach.";

/// How many notices show before the rest fold into "N more".
pub const SHOWN: usize = 3;

/// The notices showing, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
    /// Whether the notices past the first [`SHOWN`] are unfolded.
    unfolded: bool,
    /// A notice was dismissed from the keyboard: the focus goes to the
    /// Dismiss button now at this place (or the one before it).
    refocus: Option<usize>,
}

impl Notices {
    /// Shows `notice`, unless the same one is showing already.
    pub fn push(&mut self, notice: Notice) {
        if !self.list.contains(&notice) {
            self.list.push(notice);
        }
    }

    /// Hides the notice at `index`.
    pub fn dismiss(&mut self, index: usize) {
        if index < self.list.len() {
            self.list.remove(index);
        }
        if self.list.len() <= SHOWN {
            self.unfolded = false;
        }
    }

    /// The notice at `index`, if there is one.
    pub fn get(&self, index: usize) -> Option<&Notice> {
        self.list.get(index)
    }

    /// The notices showing.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Draws them under the menu bar, each as small as its words: the first
    /// [`SHOWN`], then "N more" that unfolds the rest (in a list that
    /// scrolls rather than push the screen away).
    pub fn ui(&mut self, ui: &mut egui::Ui, commands: &mut Commands) {
        if self.list.is_empty() {
            return;
        }
        let folded = self.list.len().saturating_sub(SHOWN);
        let mut dismiss = Vec::new();
        if self.unfolded && folded > 0 {
            let most = (ui.ctx().content_rect().height() * 0.4).max(120.0);
            egui::ScrollArea::vertical()
                .id_salt("notices")
                .max_height(most)
                .show(ui, |ui| {
                    for (i, notice) in self.list.iter().enumerate() {
                        dismiss.push(notice_ui(ui, i, notice, commands));
                    }
                });
        } else {
            for (i, notice) in self.list.iter().take(SHOWN).enumerate() {
                dismiss.push(notice_ui(ui, i, notice, commands));
            }
        }
        if let Some(at) = self.refocus.take()
            && let Some(button) = dismiss.get(at).or(dismiss.last())
        {
            button.request_focus();
        }
        if let Some(index) = dismiss.iter().position(|b| b.clicked() && b.has_focus()) {
            self.refocus = Some(index);
        }
        if folded > 0 {
            let label = if self.unfolded {
                "Show fewer notices".to_owned()
            } else if folded == 1 {
                "1 more notice".to_owned()
            } else {
                format!("{folded} more notices")
            };
            ui.horizontal(|ui| {
                ui.add_space(16.0);
                if ui.small_button(label).clicked() {
                    self.unfolded = !self.unfolded;
                }
            });
        }
    }
}

/// Draws one notice; returns its Dismiss button.
fn notice_ui(
    ui: &mut egui::Ui,
    index: usize,
    notice: &Notice,
    commands: &mut Commands,
) -> egui::Response {
    // A warm bar at the side marks a notice; no filled box, which a
    // software renderer would repaint on every frame of a routine.
    let margin = egui::Margin {
        left: 16,
        right: 4,
        top: 3,
        bottom: 3,
    };
    let shown = egui::Frame::new().inner_margin(margin).show(ui, |ui| {
        // The buttons keep their place on the right; the words wrap beside
        // them, and the row is as tall as they are.
        egui::Sides::new().shrink_left().wrap().show(
            ui,
            |ui| {
                ui.add(egui::Label::new(&notice.text).wrap());
            },
            |ui| {
                let dismiss = ui.button("Dismiss");
                if dismiss.clicked() {
                    commands.push(Command::DismissNotice(index));
                }
                if let Some(folder) = &notice.folder
                    && ui.button("Open its folder").clicked()
                    && let Err(e) = open_folder(folder)
                {
                    log::warn!("could not open {}: {e}", folder.display());
                }
                dismiss
            },
        )
    });
    let rect = shown.response.rect;
    let bar = egui::Rect::from_min_max(
        rect.left_top() + egui::vec2(2.0, 3.0),
        egui::pos2(rect.left() + 7.0, rect.bottom() - 3.0),
    );
    ui.painter()
        .rect_filled(bar, 2.0, theme::caution_colour(ui));
    shown.inner.1
}

/// Opens a folder in the system's file manager.
fn open_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "windows")]
    let program = "explorer";
    #[cfg(target_os = "macos")]
    let program = "open";
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let program = "xdg-open";
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
}
