//! The check-in: how tight or sore each area a routine works feels, 0 to
//! 10, before it and again after it, with how it felt. Made for the
//! keyboard and for reading from the floor: a digit rates the selected
//! area, + and - step it, Tab moves on, Enter goes on.

use eframe::egui::{self, RichText};

use super::action::Action;
use super::{Command, Commands};
use crate::model::history::{Felt, MOST_SORE, Rating, SessionRecord};
use crate::model::{Area, Routine, Side};

/// Before the routine or after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Before,
    After,
}

/// One area's ratings: one for both sides, or one each.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub area: Area,
    /// Left and right rated apart.
    pub split: bool,
    pub both: u8,
    pub left: u8,
    pub right: u8,
}

impl AreaRow {
    fn value_mut(&mut self, side: Option<Side>) -> &mut u8 {
        match side {
            None => &mut self.both,
            Some(Side::Left) => &mut self.left,
            Some(Side::Right) => &mut self.right,
        }
    }

    /// The sliders it shows: one, or left and right.
    fn sides(&self) -> Vec<Option<Side>> {
        if self.split {
            Side::BOTH.map(Some).to_vec()
        } else {
            vec![None]
        }
    }
}

/// The check-in showing.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckIn {
    pub when: When,
    /// The routine it is for (played next, or just played).
    pub routine: Routine,
    pub rows: Vec<AreaRow>,
    /// The selected rating: its row and side.
    pub selected: (usize, Option<Side>),
    /// How it felt (asked after).
    pub felt: Option<Felt>,
    /// "Don't ask before routines" was ticked.
    pub dont_ask: bool,
    /// The first slider takes the focus when it shows.
    focus_first: bool,
}

impl CheckIn {
    /// A check-in of `areas`, each starting at the rating of `last` (the
    /// last check-in's, with its sides), or 0.
    pub fn new(when: When, routine: Routine, areas: &[Area], last: &[Rating]) -> CheckIn {
        let rows = areas
            .iter()
            .map(|&area| {
                let side = |side| SessionRecord::rating_in(last, area, Some(side)).unwrap_or(0);
                let split =
                    area.has_sides() && last.iter().any(|r| r.area == area && r.side.is_some());
                let both = SessionRecord::area_rating(last, area).map_or(0, |v| v.round() as u8);
                AreaRow {
                    area,
                    split,
                    both,
                    left: side(Side::Left),
                    right: side(Side::Right),
                }
            })
            .collect();
        CheckIn {
            when,
            routine,
            rows,
            selected: (0, None),
            felt: None,
            dont_ask: false,
            focus_first: true,
        }
    }

    /// The ratings as the history keeps them.
    pub fn ratings(&self) -> Vec<Rating> {
        self.rows
            .iter()
            .flat_map(|row| {
                row.sides().into_iter().map(move |side| Rating {
                    area: row.area,
                    side,
                    value: match side {
                        None => row.both,
                        Some(Side::Left) => row.left,
                        Some(Side::Right) => row.right,
                    },
                })
            })
            .collect()
    }

    /// A key of the check-in: a digit, + or -.
    pub fn run(&mut self, action: Action) {
        let (row, side) = self.selected;
        let Some(row) = self.rows.get_mut(row) else {
            return;
        };
        let value = row.value_mut(side);
        *value = match action {
            Action::Rate(digit) => digit.min(MOST_SORE),
            Action::RateUp => (*value + 1).min(MOST_SORE),
            Action::RateDown => value.saturating_sub(1),
            _ => *value,
        };
    }

    /// Left and right apart for `row`, or together again (the mean).
    fn set_split(&mut self, row: usize, split: bool) {
        let Some(r) = self.rows.get_mut(row) else {
            return;
        };
        if split && !r.split {
            r.left = r.both;
            r.right = r.both;
        } else if !split && r.split {
            r.both = ((u16::from(r.left) + u16::from(r.right)).div_ceil(2)) as u8;
        }
        r.split = split;
        if self.selected.0 == row {
            self.selected.1 = split.then_some(Side::Left);
        }
    }
}

/// The slider's accessible name: "Calves" or "Calves, left side".
pub fn slider_name(area: Area, side: Option<Side>) -> String {
    match side {
        None => area.label().to_owned(),
        Some(side) => format!("{}, {} side", area.label(), side.label()),
    }
}

/// Draws the check-in.
pub fn show(ui: &mut egui::Ui, check_in: &mut CheckIn, commands: &mut Commands) {
    egui::CentralPanel::default()
        .frame(crate::ui::panel::central(ui))
        .show(ui, |ui| {
            let (heading, lead) = match check_in.when {
                When::Before => (
                    "How do they feel now?",
                    "Before you start: how tight or sore is each area, from 0 (not at all) \
                     to 10 (very)? Your ratings stay on this computer, in your history.",
                ),
                When::After => (
                    "And now?",
                    "The same areas after the routine, from 0 (not at all) to 10 (very).",
                ),
            };
            ui.label(RichText::new(heading).size(30.0).strong());
            ui.add(egui::Label::new(lead).wrap());
            ui.add(
                egui::Label::new(
                    RichText::new(
                        "Keys: a digit rates the selected area, + and - change it by one, \
                         Tab moves to the next, Enter goes on, Esc skips.",
                    )
                    .weak(),
                )
                .wrap(),
            );
            ui.add_space(8.0);
            crate::ui::page::show(ui, "check_in", |ui| {
                rows_ui(ui, check_in);
                if check_in.when == When::After {
                    ui.add_space(8.0);
                    felt_ui(ui, check_in);
                }
                ui.add_space(12.0);
                buttons_ui(ui, check_in, commands);
            });
        });
}

fn rows_ui(ui: &mut egui::Ui, check_in: &mut CheckIn) {
    let mut split_change = None;
    let focus_first = std::mem::take(&mut check_in.focus_first);
    let big = egui::TextStyle::Heading.resolve(ui.style()).size;
    for i in 0..check_in.rows.len() {
        let row = check_in.rows[i].clone();
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(row.area.label()).size(big).strong());
            if row.area.has_sides() {
                let mut split = row.split;
                let tick = ui.checkbox(&mut split, "Left and right apart");
                if tick.changed() {
                    split_change = Some((i, split));
                }
            }
        });
        for side in row.sides() {
            let name = slider_name(row.area, side);
            let mut value = check_in.rows[i].value_mut(side).to_owned();
            let response = ui
                .horizontal(|ui| {
                    if let Some(side) = side {
                        ui.label(format!("{}:", capitalised(side.label())));
                    }
                    // Wide, with its number large, to be read and set from
                    // the floor.
                    let room = ui.available_width() - 220.0;
                    ui.spacing_mut().slider_width = room.clamp(160.0, 420.0);
                    ui.spacing_mut().interact_size.y = big;
                    let slider = egui::Slider::new(&mut value, 0..=MOST_SORE)
                        .step_by(1.0)
                        .show_value(false);
                    let response = ui.add(slider);
                    ui.label(RichText::new(value.to_string()).size(big).strong());
                    ui.label(RichText::new(soreness_word(value)).weak());
                    response
                })
                .inner;
            response.widget_info(|| {
                let mut info = egui::WidgetInfo::slider(true, f64::from(value), name.clone());
                info.label = Some(name.clone());
                info
            });
            if focus_first && i == 0 && side == row.sides()[0] {
                response.request_focus();
            }
            if response.has_focus() || response.changed() || response.drag_started() {
                check_in.selected = (i, side);
            }
            *check_in.rows[i].value_mut(side) = value;
        }
    }
    if let Some((row, split)) = split_change {
        check_in.set_split(row, split);
    }
}

fn felt_ui(ui: &mut egui::Ui, check_in: &mut CheckIn) {
    ui.label(RichText::new("How did it feel?").strong());
    ui.horizontal_wrapped(|ui| {
        for felt in Felt::ALL {
            let chosen = check_in.felt == Some(felt);
            if ui.selectable_label(chosen, felt.label()).clicked() {
                check_in.felt = if chosen { None } else { Some(felt) };
            }
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, check_in: &mut CheckIn, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        let go = Action::ContinueCheckIn;
        let label = match check_in.when {
            When::Before => "Start the routine",
            When::After => "Save and see the summary",
        };
        let key = go.key_text().unwrap_or_default();
        let button = egui::Button::new(RichText::new(label).size(20.0).strong());
        if ui
            .add(button)
            .on_hover_text(format!("{} ({key})", go.hint()))
            .clicked()
        {
            commands.push(go.into());
        }
        let skip = Action::SkipCheckIn;
        let skip_label = match check_in.when {
            When::Before => "Start without rating",
            When::After => "Skip to the summary",
        };
        if ui
            .button(skip_label)
            .on_hover_text(skip.tooltip())
            .clicked()
        {
            commands.push(skip.into());
        }
    });
    if check_in.when == When::Before {
        ui.add_space(6.0);
        let mut dont_ask = check_in.dont_ask;
        let tick = ui.checkbox(
            &mut dont_ask,
            "Don't ask before routines (you can turn it on again in Settings)",
        );
        if tick.changed() {
            check_in.dont_ask = dont_ask;
            commands.push(Command::SetCheckIn(!dont_ask));
        }
    }
}

/// A word for a rating, beside its number.
pub(crate) fn soreness_word(value: u8) -> &'static str {
    match value {
        0 => "not at all",
        1..=3 => "a little",
        4..=6 => "quite",
        7..=8 => "very",
        _ => "as bad as it gets",
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_in(last: &[Rating]) -> CheckIn {
        CheckIn::new(
            When::Before,
            crate::catalog::Catalog::builtin().unwrap().routines()[0].clone(),
            &[Area::Calves, Area::UpperBack],
            last,
        )
    }

    #[test]
    fn digits_set_and_plus_and_minus_step_within_zero_to_ten() {
        let mut c = check_in(&[]);
        c.run(Action::Rate(9));
        c.run(Action::RateUp);
        c.run(Action::RateUp);
        assert_eq!(c.rows[0].both, 10);
        c.selected = (1, None);
        c.run(Action::RateDown);
        assert_eq!(c.rows[1].both, 0);
        c.run(Action::Rate(4));
        assert_eq!(
            c.ratings(),
            vec![
                Rating {
                    area: Area::Calves,
                    side: None,
                    value: 10
                },
                Rating {
                    area: Area::UpperBack,
                    side: None,
                    value: 4
                },
            ]
        );
    }

    #[test]
    fn sides_apart_start_from_the_rating_for_both_and_join_again_as_their_mean() {
        let mut c = check_in(&[]);
        c.run(Action::Rate(5));
        c.set_split(0, true);
        assert_eq!(c.selected, (0, Some(Side::Left)));
        c.run(Action::Rate(8));
        let calves: Vec<(Option<Side>, u8)> = c
            .ratings()
            .iter()
            .take(2)
            .map(|r| (r.side, r.value))
            .collect();
        assert_eq!(calves, vec![(Some(Side::Left), 8), (Some(Side::Right), 5)]);
        c.set_split(0, false);
        assert_eq!(c.rows[0].both, 7);
    }

    #[test]
    fn it_starts_from_the_last_check_in_with_its_sides() {
        let last = [
            Rating {
                area: Area::Calves,
                side: Some(Side::Left),
                value: 6,
            },
            Rating {
                area: Area::Calves,
                side: Some(Side::Right),
                value: 3,
            },
        ];
        let c = check_in(&last);
        assert!(c.rows[0].split);
        assert_eq!((c.rows[0].left, c.rows[0].right), (6, 3));
        assert!(!c.rows[1].split);
        assert_eq!(c.rows[1].both, 0);
    }
}
