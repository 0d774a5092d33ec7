//! What a person tells the planner: how sore each spot is, what is
//! injured, the minutes, the moment and the tools; and the same answers as
//! the command line writes them.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::body_map::Spot;
use crate::model::history::Rating;
use crate::model::{Area, Side, Tool};

/// The fewest and most minutes a plan can be asked for.
pub const MINUTES: std::ops::RangeInclusive<u32> = 5..=60;
/// The highest rating: 0 is "fine", 10 "as sore as it gets".
pub const MOST_SORE: u8 = 10;

/// When the routine comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Moment {
    /// Before a workout: brisk rolling, no holds.
    Before,
    /// After a workout: rolling with short holds on tender spots.
    #[default]
    After,
    /// A rest day: longer holds on tender spots.
    RestDay,
}

impl Moment {
    pub const ALL: [Moment; 3] = [Moment::Before, Moment::After, Moment::RestDay];

    /// How a person says it.
    pub fn label(self) -> &'static str {
        match self {
            Moment::Before => "Before a workout",
            Moment::After => "After a workout",
            Moment::RestDay => "Rest day",
        }
    }

    /// Its name on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Moment::Before => "before",
            Moment::After => "after",
            Moment::RestDay => "rest-day",
        }
    }

    /// The moment of a command-line name.
    pub fn from_slug(slug: &str) -> Option<Moment> {
        Moment::ALL.into_iter().find(|m| m.slug() == slug.trim())
    }
}

/// Everything the planner is told.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    /// How sore each spot is, 0 to [`MOST_SORE`]; a spot left out is 0.
    pub ratings: BTreeMap<Spot, u8>,
    /// Areas marked "injured: leave it out" (both sides).
    pub injured: BTreeSet<Area>,
    pub minutes: u32,
    pub moment: Moment,
    /// The tools the person owns.
    pub tools: Vec<Tool>,
}

impl Answers {
    /// No ratings yet, for `minutes` at `moment` with `tools`.
    pub fn new(minutes: u32, moment: Moment, tools: &[Tool]) -> Answers {
        Answers {
            minutes,
            moment,
            tools: tools.to_vec(),
            ..Answers::default()
        }
    }

    /// The rating of a spot (0 when not rated).
    pub fn rating(&self, spot: Spot) -> u8 {
        self.ratings.get(&spot).copied().unwrap_or(0)
    }

    /// Sets a spot's rating (0 clears it), kept within 0 to 10.
    pub fn rate(&mut self, spot: Spot, value: u8) {
        if value == 0 {
            self.ratings.remove(&spot);
        } else {
            self.ratings.insert(spot, value.min(MOST_SORE));
        }
    }

    /// The soreness of an area's sides: (left, right), or the same number
    /// twice for an area without sides.
    pub fn sides_of(&self, area: Area) -> (u8, u8) {
        if area.has_sides() {
            let of = |side| {
                self.rating(Spot {
                    area,
                    side: Some(side),
                })
            };
            (of(Side::Left), of(Side::Right))
        } else {
            let r = self.rating(Spot { area, side: None });
            (r, r)
        }
    }

    /// Takes the ratings of a check-in (the last one, to start a plan
    /// from): a rating of both sides rates each side.
    pub fn rate_from(&mut self, ratings: &[Rating]) {
        for r in ratings {
            let spots = match (r.side, r.area.has_sides()) {
                (Some(side), true) => vec![Spot {
                    area: r.area,
                    side: Some(side),
                }],
                _ => Spot::of(r.area),
            };
            for spot in spots {
                self.rate(spot, r.value);
            }
        }
    }

    /// Reads ratings as the command line writes them:
    /// `calves=7,left-calf=8,lower-back=5`. An area's name rates both its
    /// sides; `left-` or `right-` before it (or before the name of one
    /// side, `left-calf`) rates one side, and wins over the area's rating
    /// wherever it is written.
    pub fn parse_ratings(text: &str) -> Result<BTreeMap<Spot, u8>, String> {
        let mut both = Vec::new();
        let mut one = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((name, value)) = part.split_once('=') else {
                return Err(format!(
                    "'{part}' has no rating: write it as name=number, e.g. calves=7."
                ));
            };
            let (name, value) = (name.trim().to_lowercase(), value.trim());
            let value: u8 = match value.parse() {
                Ok(v) if v <= MOST_SORE => v,
                _ => {
                    return Err(format!(
                        "'{part}': a rating is a whole number from 0 to {MOST_SORE}."
                    ));
                }
            };
            match spots_named(&name) {
                Some((spots, true)) => one.push((spots, value)),
                Some((spots, false)) => both.push((spots, value)),
                None => {
                    return Err(format!(
                        "'{name}' is not an area. The areas are: {}. Put left- or right- \
                         before one to rate one side (left-calves or left-calf).",
                        area_names()
                    ));
                }
            }
        }
        let mut out = BTreeMap::new();
        for (spots, value) in both.into_iter().chain(one) {
            for spot in spots {
                out.insert(spot, value);
            }
        }
        out.retain(|_, v| *v > 0);
        Ok(out)
    }
}

/// Every area's command-line name, comma-separated.
pub fn area_names() -> String {
    Area::ALL.map(Area::slug).join(", ")
}

/// The spots a command-line name stands for, and whether it named one
/// side.
fn spots_named(name: &str) -> Option<(Vec<Spot>, bool)> {
    if let Some(area) = Area::from_slug(name) {
        return Some((Spot::of(area), false));
    }
    for side in Side::BOTH {
        let Some(rest) = name.strip_prefix(&format!("{}-", side.label())) else {
            continue;
        };
        let area = Area::ALL
            .into_iter()
            .find(|a| a.has_sides() && (a.slug() == rest || one_side_slug(*a) == rest))?;
        return Some((
            vec![Spot {
                area,
                side: Some(side),
            }],
            true,
        ));
    }
    None
}

/// The command-line name of one side of an area: "calf", "side-of-back".
pub fn one_side_slug(area: Area) -> String {
    area.one_side_label()
        .replace(" the ", " ")
        .replace(' ', "-")
}
