//! The list of past sessions, each opening on its details, and the
//! questions before deleting.

use std::time::Duration;

use eframe::egui::{self, RichText};

use super::{Asking, ProgressView, SESSIONS_AT_ONCE};
use crate::history::History;
use crate::model::Area;
use crate::model::history::{ExerciseRecord, SessionRecord};
use crate::ui::words::length_text;
use crate::ui::{Command, Commands};

/// The sessions, newest first, each opening on its details.
pub(super) fn sessions(ui: &mut egui::Ui, history: &History, view: &mut ProgressView) {
    ui.label(RichText::new(format!("Sessions ({})", history.sessions.len())).strong());
    let listed = view.listed.max(SESSIONS_AT_ONCE);
    for stored in history.sessions.iter().rev().take(listed) {
        let record = &stored.record;
        egui::CollapsingHeader::new(session_title(record))
            .id_salt(&stored.path)
            .show(ui, |ui| {
                session_details(ui, record);
                if ui.button("Delete this session...").clicked() {
                    view.asking = Some(Asking::DeleteOne(stored.path.clone()));
                }
            });
    }
    let more = history.sessions.len().saturating_sub(listed);
    if more > 0
        && ui
            .button(format!("Show {} more", more.min(SESSIONS_AT_ONCE)))
            .clicked()
    {
        view.listed = listed + SESSIONS_AT_ONCE;
    }
}

/// "Thu 3 Dec 2026, 12:29 · Feet and calves · 8 min 10 s".
pub fn session_title(record: &SessionRecord) -> String {
    let when = record.started.local().format("%a %-d %b %Y, %H:%M");
    let worked = length_text(Duration::from_secs(u64::from(record.worked_seconds())));
    let stopped = if record.stopped_early {
        " (stopped early)"
    } else {
        ""
    };
    format!("{when}  ·  {}  ·  {worked}{stopped}", record.routine)
}

fn session_details(ui: &mut egui::Ui, record: &SessionRecord) {
    for e in &record.exercises {
        ui.add(egui::Label::new(exercise_line(e)).wrap());
    }
    let areas: Vec<Area> = {
        let mut a: Vec<Area> = record
            .before
            .iter()
            .chain(&record.after)
            .map(|r| r.area)
            .collect();
        a.sort_unstable();
        a.dedup();
        a
    };
    for area in areas {
        let v = |ratings| {
            SessionRecord::area_rating(ratings, area)
                .map_or("not rated".to_owned(), |v| format!("{v}"))
        };
        ui.label(format!(
            "{}: {} before, {} after",
            area.label(),
            v(&record.before),
            v(&record.after)
        ));
    }
    if let Some(felt) = record.felt {
        ui.label(format!("It felt: {}", felt.label().to_lowercase()));
    }
}

/// "Calves, left side: 2 min 30 s, 2 holds, 1 longer hold, too intense once".
fn exercise_line(e: &ExerciseRecord) -> String {
    let name = match e.side {
        Some(side) => format!("{}, {} side", e.name, side.label()),
        None => e.name.clone(),
    };
    let mut parts = vec![length_text(Duration::from_secs(u64::from(e.seconds)))];
    let count = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if e.holds > 0 {
        parts.push(count(e.holds, "hold", "holds"));
    }
    if e.extensions > 0 {
        parts.push(count(e.extensions, "hold made longer", "holds made longer"));
    }
    if e.too_intense > 0 {
        parts.push(if e.too_intense == 1 {
            "too intense once".to_owned()
        } else {
            format!("too intense {} times", e.too_intense)
        });
    }
    if !e.done {
        parts.push("not done".to_owned());
    }
    format!("{name}: {}", parts.join(", "))
}

pub(super) fn questions(
    ctx: &egui::Context,
    history: &History,
    view: &mut ProgressView,
    commands: &mut Commands,
) {
    use crate::ui::widgets::question::Question;
    let Some(asking) = view.asking.clone() else {
        return;
    };
    match asking {
        Asking::DeleteOne(path) => {
            let Some(stored) = history.sessions.iter().find(|s| s.path == path) else {
                view.asking = None;
                return;
            };
            let body = format!(
                "{}. You can bring it back with Undo straight after.",
                session_title(&stored.record)
            );
            let question = Question {
                id: "delete_session",
                heading: "Delete this session?",
                body: &body,
                yes: "Delete",
                no: "Keep it",
                footnote: None,
                default: false,
            };
            if let Some(yes) = question.show(ctx, true) {
                view.asking = None;
                if yes {
                    commands.push(Command::DeleteSession(path));
                }
            }
        }
        Asking::DeleteAll { again } => {
            let n = history.sessions.len();
            let body = if again {
                format!(
                    "All {n} sessions and their check-ins will be gone. Only Undo, straight \
                     after, brings them back. Delete them?"
                )
            } else {
                format!(
                    "This deletes every one of your {n} sessions. Export them to CSV first \
                     if you want to keep a copy."
                )
            };
            let question = Question {
                id: if again {
                    "delete_all_again"
                } else {
                    "delete_all"
                },
                heading: if again {
                    "Are you sure?"
                } else {
                    "Delete your whole history?"
                },
                body: &body,
                yes: if again {
                    "Yes, delete everything"
                } else {
                    "Delete everything..."
                },
                no: "Keep my history",
                footnote: None,
                default: false,
            };
            match question.show(ctx, true) {
                Some(true) if !again => view.asking = Some(Asking::DeleteAll { again: true }),
                Some(true) => {
                    view.asking = None;
                    commands.push(Command::DeleteAllSessions);
                }
                Some(false) => view.asking = None,
                None => {}
            }
        }
    }
}
