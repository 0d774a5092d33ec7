//! The routine editor: your own routines, made from the library's
//! exercises. New, duplicate (built-ins are read-only: duplicating one is how
//! to change it), rename, reorder, delete with undo; every field checked as
//! you type; Ctrl+S saves.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers, RichText};

use super::Command;
use super::player::clock_text;
use super::theme::caution_colour;
use crate::catalog::Catalog;
use crate::model::{Routine, Settings, Step, StepSides};
use crate::session::Session;
use crate::store::{FileProblem, RoutineFile, RoutineFiles};

/// Ctrl+S: save the routine being edited.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);

/// Allowed values of a step, as the editor checks them.
pub mod allowed {
    use std::ops::RangeInclusive;
    pub const ROLL: RangeInclusive<u32> = 15..=180;
    pub const HOLDS: RangeInclusive<u32> = 0..=5;
    pub const HOLD: RangeInclusive<u32> = 5..=120;
    pub const REST: RangeInclusive<u32> = 0..=120;
    pub const PACE: RangeInclusive<f32> = 1.0..=5.0;
    pub const STROKE: RangeInclusive<f32> = 5.0..=60.0;
    pub const NAME_CHARS: usize = 80;
}

/// Labels of the editor's buttons (also their accessible names).
pub mod labels {
    pub const NEW: &str = "New routine";
    pub const SAVE: &str = "Save";
    pub const DELETE: &str = "Delete";
    pub const CONFIRM_DELETE: &str = "Yes, delete it";
    pub const UNDO: &str = "Undo";
    pub const NAME: &str = "Routine name";
    pub const ADD_SEARCH: &str = "Find an exercise to add";
    pub const DISCARD: &str = "Discard changes";
    pub const KEEP_EDITING: &str = "Keep editing";
}

/// What is wrong with a draft, field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// `None` for the routine itself, or the step's index.
    pub step: Option<usize>,
    pub message: String,
}

/// Every problem of a routine as the editor shows them.
pub fn check(routine: &Routine, catalog: &Catalog) -> Vec<Invalid> {
    let mut out = Vec::new();
    let mut bad = |step, message: String| out.push(Invalid { step, message });
    let name = routine.name.trim();
    if name.is_empty() {
        bad(None, "Give the routine a name.".into());
    } else if name.chars().count() > allowed::NAME_CHARS {
        bad(
            None,
            format!("Keep the name under {} characters.", allowed::NAME_CHARS),
        );
    }
    if routine.steps.is_empty() {
        bad(None, "Add at least one exercise.".into());
    }
    for (i, s) in routine.steps.iter().enumerate() {
        let step = Some(i);
        if catalog.get(&s.exercise).is_none() {
            bad(
                step,
                format!("'{}' is not an exercise of the library.", s.exercise),
            );
        }
        if !allowed::ROLL.contains(&s.roll_seconds) {
            bad(step, "Rolling must last 15 to 180 seconds.".into());
        }
        if !allowed::HOLDS.contains(&s.holds) {
            bad(step, "Hold 0 to 5 tender spots.".into());
        }
        if s.holds > 0 && !allowed::HOLD.contains(&s.hold_seconds) {
            bad(step, "A hold must be 5 to 120 seconds.".into());
        }
        if !allowed::REST.contains(&s.rest_seconds) {
            bad(step, "Rest 0 to 120 seconds.".into());
        }
        if s.pace_cm_per_s.is_some_and(|p| !allowed::PACE.contains(&p)) {
            bad(step, "The pace must be 1 to 5 cm a second.".into());
        }
        if s.stroke_cm.is_some_and(|c| !allowed::STROKE.contains(&c)) {
            bad(step, "A stroke must be 5 to 60 cm long.".into());
        }
    }
    out
}

/// A routine being edited.
#[derive(Debug, Clone)]
struct Draft {
    /// Its file, once saved.
    path: Option<std::path::PathBuf>,
    routine: Routine,
    dirty: bool,
}

/// A question the editor is asking.
#[derive(Debug, Clone, PartialEq)]
enum Asking {
    /// Delete the routine of this file?
    Delete(std::path::PathBuf),
    /// Unsaved changes: discard them to do this?
    Discard(Pending),
}

/// What to do once unsaved changes are discarded.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    Open(usize),
    New,
    Leave(Box<Command>),
}

/// The editor and the user's routine files.
pub struct Editor {
    files: Option<RoutineFiles>,
    /// The user's routines, as on disk.
    pub routines: Vec<RoutineFile>,
    draft: Option<Draft>,
    search: String,
    asking: Option<Asking>,
    /// The last deleted routine, for Undo.
    deleted: Option<RoutineFile>,
    /// The last problem saving or deleting.
    problem: Option<String>,
    /// The last thing done that the user should know of (an import, say).
    message: Option<String>,
}

impl Editor {
    /// An editor over the routines in `files` (none without a data folder).
    pub fn new(files: Option<RoutineFiles>, routines: Vec<RoutineFile>) -> Editor {
        Editor {
            files,
            routines,
            draft: None,
            search: String::new(),
            asking: None,
            deleted: None,
            problem: None,
            message: None,
        }
    }

    /// Re-reads the routine files (after they may have changed outside the
    /// app). The routine being edited keeps its unsaved changes; an
    /// unchanged one follows its file. Returns the files that could not be
    /// read.
    pub fn reload_from_disk(&mut self) -> Vec<FileProblem> {
        let Some(files) = &self.files else {
            return Vec::new();
        };
        let loaded = files.load_all();
        self.routines = loaded.routines;
        if let Some(draft) = self.draft.as_mut()
            && !draft.dirty
            && let Some(path) = &draft.path
        {
            match self.routines.iter().find(|f| &f.path == path) {
                Some(file) => draft.routine = file.routine.clone(),
                None => self.draft = None,
            }
        }
        loaded.problems
    }

    /// Imports the routine file at `path` as a new routine of the user's:
    /// size-limited, checked, never over an existing one (a routine with
    /// the same name gets " (imported)" added). Returns its name, or why
    /// it was refused.
    pub fn import(&mut self, path: &std::path::Path, catalog: &Catalog) -> Result<String, String> {
        let mut routine = crate::store::read_routine(path).map_err(|p| format!("{p}"))?;
        let unknown: Vec<&str> = routine
            .steps
            .iter()
            .filter(|s| catalog.get(&s.exercise).is_none())
            .map(|s| s.exercise.as_str())
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "{} names exercises Rollcoach doesn't have: {}",
                path.display(),
                unknown.join(", ")
            ));
        }
        let problems = check(&routine, catalog);
        if !problems.is_empty() {
            let what: Vec<String> = problems.into_iter().map(|p| p.message).collect();
            return Err(format!("{}: {}", path.display(), what.join(" ")));
        }
        let taken = |name: &str| {
            self.routines
                .iter()
                .any(|f| f.routine.name.eq_ignore_ascii_case(name))
        };
        let base = routine.name.trim().to_owned();
        let mut name = base.clone();
        let mut n = 1;
        while taken(&name) {
            name = if n == 1 {
                format!("{base} (imported)")
            } else {
                format!("{base} (imported {n})")
            };
            n += 1;
        }
        routine.name = name.clone();
        let Some(files) = &self.files else {
            return Err("There is no folder to keep routines in (see --data-dir).".into());
        };
        let file = files
            .save_new(&routine)
            .map_err(|p| format!("Not imported: {p}"))?;
        self.reload_from_disk();
        self.draft = Some(Draft {
            path: Some(file.path),
            routine,
            dirty: false,
        });
        Ok(name)
    }

    /// Writes the routine being edited to `path` (any folder), as a file to
    /// share.
    pub fn export(&self, path: &std::path::Path) -> Result<(), String> {
        let Some(draft) = &self.draft else {
            return Err("Open a routine first.".into());
        };
        let text = ron::ser::to_string_pretty(&draft.routine, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::store::write_atomically(path, text.as_bytes())
            .map_err(|e| format!("{} could not be written: {e}", path.display()))
    }

    /// Tells the user something in the editor.
    pub fn say(&mut self, message: String) {
        self.message = Some(message);
    }

    /// Shows a problem in the editor.
    pub fn complain(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// Whether there are unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| d.dirty)
    }

    /// The routine being edited.
    pub fn draft(&self) -> Option<&Routine> {
        self.draft.as_ref().map(|d| &d.routine)
    }

    /// Starts editing a copy of `routine` (not saved until Save).
    pub fn duplicate(&mut self, routine: &Routine) {
        let mut copy = routine.clone();
        copy.name = format!("{} (my copy)", routine.name);
        self.draft = Some(Draft {
            path: None,
            routine: copy,
            dirty: true,
        });
    }

    /// Asks before `command` leaves unsaved changes behind; `true` if it
    /// may go ahead now.
    pub fn may_leave(&mut self, command: &Command) -> bool {
        if self.has_unsaved_changes() {
            self.asking = Some(Asking::Discard(Pending::Leave(Box::new(command.clone()))));
            false
        } else {
            true
        }
    }

    fn reload(&mut self) {
        if let Some(files) = &self.files {
            self.routines = files.load_all().routines;
        }
    }

    fn open(&mut self, index: usize) {
        if let Some(file) = self.routines.get(index) {
            self.draft = Some(Draft {
                path: Some(file.path.clone()),
                routine: file.routine.clone(),
                dirty: false,
            });
        }
    }

    fn new_routine(&mut self) {
        self.draft = Some(Draft {
            path: None,
            routine: Routine {
                version: crate::model::routine::ROUTINE_VERSION,
                name: "My routine".into(),
                description: String::new(),
                steps: Vec::new(),
            },
            dirty: true,
        });
    }

    /// Saves the draft if it is valid; says why not otherwise.
    fn save(&mut self, catalog: &Catalog) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        if !check(&draft.routine, catalog).is_empty() {
            self.problem = Some("Fix what is marked in red, then save.".into());
            return;
        }
        let Some(files) = &self.files else {
            self.problem = Some("There is no folder to save routines in (see --data-dir).".into());
            return;
        };
        draft.routine.name = draft.routine.name.trim().to_owned();
        let result: Result<RoutineFile, FileProblem> = match &draft.path {
            Some(path) => {
                let file = RoutineFile {
                    path: path.clone(),
                    routine: draft.routine.clone(),
                };
                files.save(&file).map(|_| file)
            }
            None => files.save_new(&draft.routine),
        };
        match result {
            Ok(file) => {
                draft.path = Some(file.path);
                draft.dirty = false;
                self.problem = None;
                self.reload();
            }
            Err(p) => self.problem = Some(format!("Not saved: {p}")),
        }
    }

    fn delete(&mut self, path: &std::path::Path) {
        let Some(file) = self.routines.iter().find(|f| f.path == path).cloned() else {
            return;
        };
        match std::fs::remove_file(path) {
            Ok(()) => {
                if self.draft.as_ref().and_then(|d| d.path.as_deref()) == Some(path) {
                    self.draft = None;
                }
                self.deleted = Some(file);
                self.reload();
            }
            Err(e) => self.problem = Some(format!("{} was not deleted: {e}", path.display())),
        }
    }

    fn undo_delete(&mut self) {
        let (Some(files), Some(file)) = (&self.files, self.deleted.take()) else {
            return;
        };
        match files.save(&file) {
            Ok(()) => self.reload(),
            Err(p) => self.problem = Some(format!("Could not bring it back: {p}")),
        }
    }

    /// Draws the editor.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Vec<Command>,
    ) {
        if ui.input_mut(|i| i.consume_shortcut(&SAVE)) {
            self.save(catalog);
        }
        egui::Panel::left("my_routines")
            .resizable(false)
            .exact_size(260.0)
            .show(ui, |ui| self.list_ui(ui, commands));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(problem) = &self.problem {
                ui.label(RichText::new(problem).color(caution_colour(ui)));
            }
            if let Some(message) = &self.message {
                ui.label(RichText::new(message).strong());
            }
            if let Some(file) = &self.deleted {
                let mut undo = false;
                ui.horizontal(|ui| {
                    ui.label(format!("Deleted \"{}\".", file.routine.name));
                    undo = ui.button(labels::UNDO).clicked();
                });
                if undo {
                    self.undo_delete();
                }
            }
            if self.draft.is_some() {
                self.draft_ui(ui, catalog, settings, commands);
            } else {
                ui.add_space(20.0);
                ui.label(RichText::new("Pick a routine on the left, or make a new one.").size(20.0));
                ui.label(
                    "To change a built-in routine, open Routines and press \"Duplicate\" beside it.",
                );
            }
        });
        self.questions(ui.ctx(), commands);
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.add_space(8.0);
        if ui.button(RichText::new(labels::NEW).size(18.0)).clicked() {
            if self.has_unsaved_changes() {
                self.asking = Some(Asking::Discard(Pending::New));
            } else {
                self.new_routine();
            }
        }
        if ui.button("Import a routine file...").clicked() {
            commands.push(Command::ImportDialog);
        }
        ui.label(
            RichText::new("Or drop .ron files on the window.")
                .weak()
                .small(),
        );
        ui.add_space(8.0);
        ui.label(RichText::new("Your routines").strong());
        if self.routines.is_empty() {
            ui.label(RichText::new("None yet.").weak());
        }
        let open_path = self.draft.as_ref().and_then(|d| d.path.clone());
        let mut clicked = None;
        for (i, file) in self.routines.iter().enumerate() {
            let selected = open_path.as_ref() == Some(&file.path);
            if ui.selectable_label(selected, &file.routine.name).clicked() {
                clicked = Some(i);
            }
        }
        if let Some(i) = clicked {
            if self.has_unsaved_changes() {
                self.asking = Some(Asking::Discard(Pending::Open(i)));
            } else {
                self.open(i);
            }
        }
    }

    fn draft_ui(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Vec<Command>,
    ) {
        let problems = self
            .draft
            .as_ref()
            .map(|d| check(&d.routine, catalog))
            .unwrap_or_default();
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let mut changed = false;
        let routine_problems: Vec<&Invalid> =
            problems.iter().filter(|p| p.step.is_none()).collect();

        ui.horizontal(|ui| {
            ui.label(RichText::new("Name").strong());
            let name = egui::TextEdit::singleline(&mut draft.routine.name).desired_width(320.0);
            let response = ui.add(name);
            response.widget_info(|| {
                let mut info =
                    egui::WidgetInfo::text_edit(true, &draft.routine.name, &draft.routine.name, "");
                info.label = Some(labels::NAME.to_owned());
                info
            });
            changed |= response.changed();
            let total = Session::new(&draft.routine, catalog, settings)
                .map(|s| clock_text(s.timeline().total()))
                .unwrap_or_else(|_| "-".into());
            ui.label(RichText::new(format!("Total {total}")).size(18.0).strong());
        });
        ui.horizontal(|ui| {
            ui.label("About");
            let field =
                egui::TextEdit::singleline(&mut draft.routine.description).desired_width(420.0);
            let response = ui.add(field);
            response.widget_info(|| {
                let text = &draft.routine.description;
                let mut info = egui::WidgetInfo::text_edit(true, text, text, "");
                info.label = Some("About this routine".to_owned());
                info
            });
            changed |= response.changed();
        });
        for p in &routine_problems {
            ui.label(RichText::new(&p.message).color(caution_colour(ui)));
        }

        ui.horizontal(|ui| {
            let can_save = problems.is_empty() && draft.dirty;
            let save = ui.add_enabled(
                can_save,
                egui::Button::new(RichText::new(labels::SAVE).strong()),
            );
            if save.on_hover_text("Ctrl+S").clicked() {
                commands.push(Command::SaveRoutine);
            }
            let start = ui.add_enabled(problems.is_empty(), egui::Button::new("Start"));
            if start.clicked() {
                commands.push(Command::StartRoutine(draft.routine.clone()));
            }
            if ui
                .button("Export...")
                .on_hover_text("Save a copy to share")
                .clicked()
            {
                commands.push(Command::ExportDialog);
            }
            if let Some(path) = draft.path.clone()
                && ui.button(labels::DELETE).clicked()
            {
                self.asking = Some(Asking::Delete(path));
            }
            if draft.dirty {
                ui.label(RichText::new("Unsaved changes").weak());
            }
        });
        ui.separator();

        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let steps = draft.routine.steps.len();
        let mut moves: Option<(usize, isize)> = None;
        let mut remove = None;
        let mut added = false;
        let search = &mut self.search;
        egui::ScrollArea::vertical()
            .id_salt("steps")
            .auto_shrink(false)
            .show(ui, |ui| {
                for (i, step) in draft.routine.steps.iter_mut().enumerate() {
                    let name = catalog
                        .get(&step.exercise)
                        .map_or(step.exercise.clone(), |e| e.name.clone());
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(format!("{}. {name}", i + 1))
                                    .size(18.0)
                                    .strong(),
                            );
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    let n = i + 1;
                                    let labelled =
                                        |r: egui::Response, what: &str, enabled: bool| {
                                            let label = format!("{what} (exercise {n})");
                                            r.widget_info(|| {
                                                egui::WidgetInfo::labeled(
                                                    egui::Role::Button,
                                                    enabled,
                                                    &label,
                                                )
                                            });
                                            r
                                        };
                                    if labelled(ui.button("Remove"), "Remove", true).clicked() {
                                        remove = Some(i);
                                    }
                                    let down = ui.add_enabled(n < steps, egui::Button::new("Down"));
                                    if labelled(down, "Down", n < steps).clicked() {
                                        moves = Some((i, 1));
                                    }
                                    let up = ui.add_enabled(i > 0, egui::Button::new("Up"));
                                    if labelled(up, "Up", i > 0).clicked() {
                                        moves = Some((i, -1));
                                    }
                                },
                            );
                        });
                        ui.horizontal_wrapped(|ui| {
                            let stroke = catalog
                                .get(&step.exercise)
                                .map_or(20.0, |e| e.timings.stroke_cm);
                            changed |= step_fields(ui, i, step, (settings.pace_cm_per_s, stroke));
                        });
                        for p in problems.iter().filter(|p| p.step == Some(i)) {
                            ui.label(RichText::new(&p.message).color(caution_colour(ui)));
                        }
                    });
                }
                added = add_exercise_ui(ui, search, catalog, settings, &mut draft.routine);
            });
        if let Some((i, d)) = moves {
            let j = (i as isize + d) as usize;
            draft.routine.steps.swap(i, j);
            changed = true;
        }
        if let Some(i) = remove {
            draft.routine.steps.remove(i);
            changed = true;
        }
        changed |= added;
        if changed {
            draft.dirty = true;
        }
    }

    fn questions(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(asking) = self.asking.clone() else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("editor_question")).show(ctx, |ui| {
            ui.set_width(420.0);
            match &asking {
                Asking::Delete(path) => {
                    let name = self
                        .routines
                        .iter()
                        .find(|f| &f.path == path)
                        .map(|f| f.routine.name.clone())
                        .unwrap_or_default();
                    ui.heading(format!("Delete \"{name}\"?"));
                    ui.label("Its file is removed. You can undo this until you quit.");
                    ui.horizontal(|ui| {
                        if ui.button(labels::CONFIRM_DELETE).clicked() {
                            answer = Some(true);
                        }
                        if ui.button("Keep it").clicked() {
                            answer = Some(false);
                        }
                    });
                }
                Asking::Discard(_) => {
                    ui.heading("Discard unsaved changes?");
                    ui.label("The routine you are editing has changes that are not saved.");
                    ui.horizontal(|ui| {
                        if ui.button(labels::DISCARD).clicked() {
                            answer = Some(true);
                        }
                        if ui.button(labels::KEEP_EDITING).clicked() {
                            answer = Some(false);
                        }
                    });
                }
            }
        });
        if ctx.input(|i| i.key_pressed(Key::Escape)) {
            answer = Some(false);
        }
        let Some(yes) = answer else { return };
        self.asking = None;
        if !yes {
            return;
        }
        match asking {
            Asking::Delete(path) => self.delete(&path),
            Asking::Discard(pending) => {
                if let Some(d) = self.draft.as_mut() {
                    d.dirty = false;
                }
                match pending {
                    Pending::Open(i) => self.open(i),
                    Pending::New => self.new_routine(),
                    Pending::Leave(command) => {
                        self.draft = None;
                        commands.push(*command);
                    }
                }
            }
        }
    }

    /// Saves (the app calls this for Ctrl+S and the Save button).
    pub fn save_now(&mut self, catalog: &Catalog) {
        self.save(catalog);
    }
}

/// The fields of one step; returns whether any changed.
fn step_fields(ui: &mut egui::Ui, index: usize, step: &mut Step, defaults: (f32, f32)) -> bool {
    let mut changed = false;
    let sides = [
        (StepSides::Together, "Both at once"),
        (StepSides::LeftThenRight, "Left, then right"),
        (StepSides::RightThenLeft, "Right, then left"),
    ];
    let current = sides
        .iter()
        .find(|(s, _)| *s == step.sides)
        .map_or("", |(_, l)| *l);
    let combo = egui::ComboBox::from_id_salt(("sides", index))
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (value, label) in sides {
                changed |= ui.selectable_value(&mut step.sides, value, label).changed();
            }
        });
    let name = format!("Sides (exercise {})", index + 1);
    combo
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    let mut number = |ui: &mut egui::Ui, label: &str, value: &mut u32, unit: &str| {
        ui.label(label);
        let response = ui.add(egui::DragValue::new(&mut *value).speed(1).suffix(unit));
        let name = format!("{label} (exercise {})", index + 1);
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::drag_value(true, f64::from(*value));
            info.label = Some(name.clone());
            info
        });
        changed |= response.changed();
    };
    number(ui, "Roll", &mut step.roll_seconds, " s");
    number(ui, "Holds", &mut step.holds, "");
    number(ui, "of", &mut step.hold_seconds, " s");
    // Two short rows rather than a wrap that splits a label from its value.
    ui.end_row();
    number(ui, "Rest after", &mut step.rest_seconds, " s");
    // Pace and stroke show the defaults until changed.
    let (default_pace, default_stroke) = defaults;
    let mut decimal =
        |ui: &mut egui::Ui, label: &str, value: &mut Option<f32>, default: f32, unit: &str| {
            let mut shown = value.unwrap_or(default);
            ui.label(label);
            let response = ui.add(
                egui::DragValue::new(&mut shown)
                    .speed(0.1)
                    .fixed_decimals(1)
                    .suffix(unit),
            );
            let name = format!("{label} (exercise {})", index + 1);
            response.widget_info(|| {
                let mut info = egui::WidgetInfo::drag_value(true, f64::from(shown));
                info.label = Some(name.clone());
                info
            });
            if response.changed() {
                *value = Some(shown);
                changed = true;
            }
        };
    decimal(ui, "Pace", &mut step.pace_cm_per_s, default_pace, " cm/s");
    decimal(ui, "Stroke", &mut step.stroke_cm, default_stroke, " cm");
    changed
}

/// Search the library and add an exercise; returns whether one was added.
fn add_exercise_ui(
    ui: &mut egui::Ui,
    search: &mut String,
    catalog: &Catalog,
    settings: &Settings,
    routine: &mut Routine,
) -> bool {
    let mut added = false;
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Add an exercise").strong());
        let field = egui::TextEdit::singleline(search)
            .hint_text("name or muscle")
            .desired_width(240.0);
        let response = ui.add(field);
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::text_edit(true, search.as_str(), search.as_str(), "");
            info.label = Some(labels::ADD_SEARCH.to_owned());
            info
        });
    });
    ui.horizontal_wrapped(|ui| {
        for e in catalog
            .exercises()
            .iter()
            .filter(|e| e.matches_search(search))
        {
            let button = ui.button(format!("+ {}", e.name));
            let label = format!("Add {}", e.name);
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if button.clicked() {
                let t = e.timings;
                routine.steps.push(Step {
                    exercise: e.id.clone(),
                    sides: super::step_sides(e.sides, settings.first_side),
                    roll_seconds: t.roll_seconds,
                    holds: t.holds,
                    hold_seconds: settings.hold_seconds,
                    rest_seconds: settings.rest_seconds,
                    pace_cm_per_s: None,
                    stroke_cm: None,
                });
                added = true;
            }
        }
    });
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DataDir;

    #[test]
    fn export_writes_a_file_that_imports_back() {
        let catalog = Catalog::builtin().unwrap();
        let data = tempfile::tempdir().unwrap();
        let mut editor = Editor::new(
            Some(RoutineFiles::new(&DataDir::at(data.path()))),
            Vec::new(),
        );
        assert!(
            editor.export(&data.path().join("x.ron")).is_err(),
            "nothing open"
        );
        editor.duplicate(catalog.routine("Desk worker").unwrap());
        let shared = tempfile::tempdir().unwrap();
        let path = shared.path().join("desk.ron");
        editor.export(&path).unwrap();
        let name = editor.import(&path, &catalog).unwrap();
        assert_eq!(name, "Desk worker (my copy)");
        assert_eq!(editor.routines.len(), 1);
        assert_eq!(
            editor.routines[0].routine.steps,
            catalog.routine("Desk worker").unwrap().steps
        );
    }

    #[test]
    fn check_flags_each_problem_where_it_is() {
        let catalog = Catalog::builtin().unwrap();
        let mut r = catalog.routine("Feet and calves").unwrap().clone();
        assert!(check(&r, &catalog).is_empty());
        r.name = "  ".into();
        r.steps[1].roll_seconds = 500;
        r.steps[0].hold_seconds = 2;
        let problems = check(&r, &catalog);
        assert!(problems.contains(&Invalid {
            step: None,
            message: "Give the routine a name.".into()
        }));
        assert!(
            problems
                .iter()
                .any(|p| p.step == Some(1) && p.message.contains("15 to 180"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.step == Some(0) && p.message.contains("5 to 120"))
        );
    }
}
