//! The exercise library: a responsive grid of cards, filtered by body
//! region, by the tools the user owns, and by a search on name or muscle.

use eframe::egui::{self, Key, RichText};

use super::action::Action;
use super::library_card::{CardText, card};
use super::{Command, Commands};
use crate::catalog::Catalog;
use crate::model::{BodyRegion, Exercise, Settings, Tool};

/// The narrowest a card gets before the grid drops a column.
const MIN_CARD_WIDTH: f32 = 200.0;
const GAP: f32 = 14.0;
/// The filters' width at first, and the range it can be dragged in.
const FILTERS_WIDTH: f32 = 230.0;
const FILTERS_WIDTH_MIN: f32 = 150.0;
const FILTERS_WIDTH_MAX: f32 = 360.0;
/// What the filters leave to the grid: one card, the page's margins and
/// its scroll bar.
const GRID_KEEP: f32 = MIN_CARD_WIDTH + 40.0;

/// Accessible label of the search field.
pub const SEARCH_LABEL: &str = "Search by name or muscle";
/// Label of the button that clears the search and the region.
pub const CLEAR: &str = "Clear";
/// Label of the region filter that shows every region.
pub const ALL_REGIONS: &str = "All regions";

/// The library's state: filters and the selected card.
#[derive(Debug, Default)]
pub struct Library {
    search: String,
    region: Option<BodyRegion>,
    /// Index of the selected card among the visible ones.
    selected: usize,
    /// Columns in the last frame's grid, for Up and Down.
    columns: usize,
    search_id: Option<egui::Id>,
    /// Scroll the selected card into view on the next frame.
    scroll_to_selected: bool,
    /// Give the selected card the keyboard focus on the next frame.
    focus_selected: bool,
}

impl Library {
    /// The exercises that pass every filter, bottom-up.
    pub fn visible<'a>(&self, catalog: &'a Catalog, settings: &Settings) -> Vec<&'a Exercise> {
        catalog
            .exercises()
            .iter()
            .filter(|e| self.region.is_none_or(|r| e.region == r))
            .filter(|e| e.doable_with(&settings.tools_owned))
            .filter(|e| e.matches_search(&self.search))
            .collect()
    }

    /// Columns in the last frame's grid.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Selects the card with this id, if it is visible (used when coming back from a card).
    pub fn select_id(&mut self, id: &str, catalog: &Catalog, settings: &Settings) {
        if let Some(i) = self
            .visible(catalog, settings)
            .iter()
            .position(|e| e.id == id)
        {
            self.selected = i;
            self.scroll_to_selected = true;
        }
    }

    /// Draws the library.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        catalog: &Catalog,
        settings: &Settings,
        commands: &mut Commands,
    ) {
        // The filters give way first in a narrow window: the grid keeps
        // at least one whole column of cards.
        let widest =
            crate::ui::page::side_width(ui, FILTERS_WIDTH_MAX, FILTERS_WIDTH_MIN, GRID_KEEP);
        egui::Panel::left("library_filters")
            .frame(crate::ui::panel::side(ui))
            .resizable(true)
            .default_size(FILTERS_WIDTH.min(widest))
            .size_range(FILTERS_WIDTH_MIN..=widest)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("library_filters")
                    .show(ui, |ui| {
                        self.filters_ui(ui, settings, commands);
                        crate::ui::focus::follow(ui);
                    });
            });
        let visible = self.visible(catalog, settings);
        self.selected = self.selected.min(visible.len().saturating_sub(1));
        egui::CentralPanel::default()
            .frame(crate::ui::panel::central(ui))
            .show(ui, |ui| {
                let count = if visible.len() == catalog.exercises().len() {
                    format!("{} exercises, from the feet up", visible.len())
                } else {
                    format!(
                        "{} of {} exercises",
                        visible.len(),
                        catalog.exercises().len()
                    )
                };
                heading_ui(ui, &count);
                ui.add_space(6.0);
                if visible.is_empty() {
                    self.empty_ui(ui, settings);
                    return;
                }
                crate::ui::page::show(ui, "library_grid", |ui| {
                    self.grid_ui(ui, &visible, settings, commands);
                });
            });
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, settings: &Settings, commands: &mut Commands) {
        ui.add_space(8.0);
        let search = egui::TextEdit::singleline(&mut self.search)
            .hint_text("Search: name or muscle")
            .desired_width(f32::INFINITY);
        let response = ui.add(search);
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::text_edit(true, &self.search, &self.search, "");
            info.label = Some(SEARCH_LABEL.to_owned());
            info
        });
        self.search_id = Some(response.id);
        if response.changed() {
            self.selected = 0;
        }
        // Always there (greyed while nothing narrows the cards), so the
        // widgets under it keep their place and the focus its widget.
        let clear = ui
            .add_enabled(self.is_filtered(), egui::Button::new(CLEAR))
            .on_hover_text("Clear the search and show every region");
        if clear.clicked() {
            self.clear_filters();
            // The button greys; the focus goes back to the search.
            ui.memory_mut(|m| m.request_focus(response.id));
        }
        // Enter or Down in the search field goes to the first result.
        if response.has_focus()
            && ui.input(|i| i.key_pressed(Key::ArrowDown) || i.key_pressed(Key::Enter))
        {
            self.selected = 0;
            self.focus_selected = true;
            self.scroll_to_selected = true;
        }

        ui.add_space(10.0);
        ui.label(RichText::new("Body region").strong());
        // Up and Down walk the regions, then the tools.
        let mut group = crate::ui::focus::Group::default();
        // Each under an id of its own, so that the Clear button coming and
        // going above them does not move the focus to another one.
        let mut pick = |ui: &mut egui::Ui, region: Option<BodyRegion>, label: &str| {
            let r = ui
                .push_id(label, |ui| {
                    ui.selectable_label(self.region == region, label)
                })
                .inner;
            if r.clicked() {
                self.region = region;
                self.selected = 0;
            }
            group.add(&r);
        };
        pick(ui, None, ALL_REGIONS);
        for region in BodyRegion::ALL {
            pick(ui, Some(region), region.label());
        }

        ui.add_space(10.0);
        ui.label(RichText::new("Tools you own").strong());
        for tool in Tool::ALL {
            let mut owned = settings.tools_owned.contains(&tool);
            let r = ui
                .push_id(tool.label(), |ui| ui.checkbox(&mut owned, tool.label()))
                .inner;
            if r.changed() {
                commands.push(Command::SetToolOwned(tool, owned));
            }
            group.add(&r);
        }
        group.finish(ui);
        ui.add_space(4.0);
        ui.label(
            RichText::new("Cards show only what you can do with the tools you tick.")
                .small()
                .weak(),
        );
    }

    fn empty_ui(&mut self, ui: &mut egui::Ui, settings: &Settings) {
        ui.add_space(24.0);
        if settings.tools_owned.is_empty() {
            ui.label(
                RichText::new("Tick at least one tool you own to see the exercises.").size(20.0),
            );
            return;
        }
        let why = if self.search.trim().is_empty() {
            "No exercise in this region can be done with the tools you ticked.".to_owned()
        } else {
            format!("No exercise matches \"{}\".", self.search.trim())
        };
        ui.add(egui::Label::new(RichText::new(why).size(20.0)).wrap());
        ui.add_space(8.0);
        ui.label("Look by body region instead:");
        ui.horizontal_wrapped(|ui| {
            for region in BodyRegion::ALL {
                if ui.button(region.label()).clicked() {
                    self.search.clear();
                    self.region = Some(region);
                    self.selected = 0;
                    self.focus_selected = true;
                }
            }
        });
        ui.add_space(8.0);
        if ui.button("Clear filters").clicked() {
            self.clear_filters();
        }
    }

    /// Whether a search or a region narrows the cards.
    fn is_filtered(&self) -> bool {
        !self.search.is_empty() || self.region.is_some()
    }

    fn clear_filters(&mut self) {
        self.search.clear();
        self.region = None;
        self.selected = 0;
    }

    /// Carries out one of the library's actions: moves the selection,
    /// opens the selected card, or goes to the search field.
    pub fn run(
        &mut self,
        action: Action,
        ctx: &egui::Context,
        catalog: &Catalog,
        settings: &Settings,
    ) -> Option<Command> {
        if action == Action::SearchLibrary {
            if let Some(id) = self.search_id {
                ctx.memory_mut(|m| m.request_focus(id));
            }
            return None;
        }
        let visible = self.visible(catalog, settings);
        let last = visible.len().checked_sub(1)?;
        let cols = self.columns.max(1);
        let at = self.selected.min(last);
        let moved = match action {
            Action::SelectRight => (at + 1).min(last),
            Action::SelectLeft => at.saturating_sub(1),
            Action::SelectDown => (at + cols).min(last),
            Action::SelectUp => at.saturating_sub(cols),
            Action::SelectFirst => 0,
            Action::SelectLast => last,
            Action::OpenSelected => return Some(Command::OpenCard(visible[at].id.clone())),
            _ => return None,
        };
        self.selected = moved;
        self.scroll_to_selected = true;
        // The focus ring goes with the selection it stands on.
        self.focus_selected = crate::ui::focus::focused_takes_arrows(ctx);
        None
    }

    fn grid_ui(
        &mut self,
        ui: &mut egui::Ui,
        visible: &[&Exercise],
        settings: &Settings,
        commands: &mut Commands,
    ) {
        let width = ui.available_width();
        let cols = (((width + GAP) / (MIN_CARD_WIDTH + GAP)).floor() as usize).max(1);
        self.columns = cols;
        let card_w = ((width - GAP * (cols as f32 - 1.0)) / cols as f32).floor();
        ui.spacing_mut().item_spacing = egui::vec2(GAP, GAP);
        for (row, chunk) in visible.chunks(cols).enumerate() {
            // Every card of a row is as tall as the tallest one.
            let texts: Vec<CardText> = chunk
                .iter()
                .map(|e| CardText::layout(ui, e, card_w, settings))
                .collect();
            let text_h = texts.iter().map(CardText::height).fold(0.0, f32::max);
            ui.horizontal_top(|ui| {
                for (col, (exercise, text)) in chunk.iter().zip(texts).enumerate() {
                    let index = row * cols + col;
                    let selected = index == self.selected;
                    let response = card(ui, exercise, text, card_w, text_h, selected);
                    crate::ui::focus::takes_arrows(ui.ctx(), response.id);
                    if response.gained_focus() {
                        self.selected = index;
                    }
                    if response.clicked() {
                        self.selected = index;
                        commands.push(Command::OpenCard(exercise.id.clone()));
                    }
                    if selected && self.focus_selected {
                        response.request_focus();
                        self.focus_selected = false;
                    }
                    if selected && self.scroll_to_selected {
                        response.scroll_to_me(None);
                        self.scroll_to_selected = false;
                    }
                }
            });
        }
        ui.add_space(8.0);
    }
}

/// "Exercise library" and how many exercises show, beside it or, in a
/// narrow window, under it.
fn heading_ui(ui: &mut egui::Ui, count: &str) {
    let heading = RichText::new("Exercise library").heading();
    let count = RichText::new(count).weak();
    let width = |text: &RichText, style| {
        egui::WidgetText::from(text.clone())
            .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, style)
            .size()
            .x
    };
    let both = width(&heading, egui::TextStyle::Heading)
        + ui.spacing().item_spacing.x
        + width(&count, egui::TextStyle::Body);
    if both <= ui.available_width() {
        ui.horizontal(|ui| {
            ui.label(heading);
            ui.label(count);
        });
    } else {
        ui.add(egui::Label::new(heading).wrap());
        ui.add(egui::Label::new(count).wrap());
    }
}
