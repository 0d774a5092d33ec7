//! An exercise card: what to do, where, with which tool, and for how long.

use serde::{Deserialize, Serialize};

use super::area::Area;
use super::illustration::Illustration;

/// Where on the body an exercise works, listed from the feet up.
///
/// The order of the variants is the order in which a session works through
/// the body (bottom-up), and the order of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BodyRegion {
    Feet,
    LowerLegs,
    Thighs,
    HipsAndGlutes,
    Back,
    ShouldersAndNeck,
    ChestAndArms,
}

impl BodyRegion {
    /// Every region, from the feet up.
    pub const ALL: [BodyRegion; 7] = [
        BodyRegion::Feet,
        BodyRegion::LowerLegs,
        BodyRegion::Thighs,
        BodyRegion::HipsAndGlutes,
        BodyRegion::Back,
        BodyRegion::ShouldersAndNeck,
        BodyRegion::ChestAndArms,
    ];

    /// The region's name as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            BodyRegion::Feet => "Feet",
            BodyRegion::LowerLegs => "Lower legs",
            BodyRegion::Thighs => "Thighs",
            BodyRegion::HipsAndGlutes => "Hips and glutes",
            BodyRegion::Back => "Back",
            BodyRegion::ShouldersAndNeck => "Shoulders and neck",
            BodyRegion::ChestAndArms => "Chest and arms",
        }
    }

    /// Short machine-friendly name, used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            BodyRegion::Feet => "feet",
            BodyRegion::LowerLegs => "lower-legs",
            BodyRegion::Thighs => "thighs",
            BodyRegion::HipsAndGlutes => "hips-and-glutes",
            BodyRegion::Back => "back",
            BodyRegion::ShouldersAndNeck => "shoulders-and-neck",
            BodyRegion::ChestAndArms => "chest-and-arms",
        }
    }
}

/// A tool a person may own to roll or press with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Tool {
    /// A foam roller, about 15 cm across: for the large muscles.
    FoamRoller,
    /// A tennis ball: the softest ball.
    TennisBall,
    /// A lacrosse-type ball: firm, for small and deep spots.
    LacrosseBall,
    /// A cricket ball or similar: the hardest ball.
    CricketBall,
    /// Two balls side by side (taped, or in a sock), to work both sides of the spine.
    PeanutBall,
    /// A small weighted exercise ball, heavy enough to knead with.
    WeightedBall,
}

impl Tool {
    /// Every tool, from the most to the least common.
    pub const ALL: [Tool; 6] = [
        Tool::FoamRoller,
        Tool::TennisBall,
        Tool::LacrosseBall,
        Tool::CricketBall,
        Tool::PeanutBall,
        Tool::WeightedBall,
    ];

    /// The tool's name as the user reads it.
    pub fn label(self) -> &'static str {
        match self {
            Tool::FoamRoller => "Foam roller",
            Tool::TennisBall => "Tennis ball",
            Tool::LacrosseBall => "Lacrosse ball",
            Tool::CricketBall => "Cricket ball",
            Tool::PeanutBall => "Two balls in a sock",
            Tool::WeightedBall => "Weighted ball",
        }
    }

    /// Short machine-friendly name, used on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Tool::FoamRoller => "foam-roller",
            Tool::TennisBall => "tennis-ball",
            Tool::LacrosseBall => "lacrosse-ball",
            Tool::CricketBall => "cricket-ball",
            Tool::PeanutBall => "peanut-ball",
            Tool::WeightedBall => "weighted-ball",
        }
    }

    /// Whether the tool is a ball (drawn small) rather than a roller.
    pub fn is_ball(self) -> bool {
        self != Tool::FoamRoller
    }
}

/// How the two sides of the body are worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sides {
    /// One side at a time: left, then right.
    OneAtATime,
    /// Both sides at once (both legs on the roller, or the middle of the back).
    Together,
}

impl Sides {
    /// How the card says it.
    pub fn label(self) -> &'static str {
        match self {
            Sides::OneAtATime => "One side at a time: left, then right",
            Sides::Together => "Both sides at once",
        }
    }
}

/// Where a roll starts and ends, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollPath {
    /// Where the tool starts, e.g. "just above the ankle".
    pub from: String,
    /// Where it turns around, e.g. "just below the back of the knee".
    pub to: String,
    /// How to move between the two, in a sentence or two.
    pub how: String,
    /// `from` in a few words, for the start end of the pacing track
    /// ("Above the ankle"); at most [`crate::model::limits::card::TRACK_LABEL_CHARS`].
    pub from_label: String,
    /// `to` in a few words, for the other end ("Below the knee").
    pub to_label: String,
}

/// What the voice says of an exercise: short plain sentences a speech
/// engine reads well. Each line is at most
/// [`crate::model::limits::card::SPOKEN_WORDS`] words of letters, spaces,
/// commas, full stops, apostrophes and hyphens (no digits, units, symbols
/// or brackets). Neither names the side, which the voice says first, nor
/// starts with the exercise's name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Spoken {
    /// How to get into position, in one or two short sentences, said in the
    /// get-ready or rest before the exercise ("Sit with your legs out and
    /// the roller under one calf, just above the ankle.").
    pub setup: String,
    /// What to do while rolling, said as rolling starts ("Roll slowly up to
    /// just below the knee, and back.").
    pub rolling: String,
}

/// The default timings of an exercise. Their allowed values are a step's,
/// in [`crate::model::limits::step`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Seconds of slow rolling (per side) before holding.
    pub roll_seconds: u32,
    /// How many tender spots to hold (per side).
    pub holds: u32,
    /// Seconds each hold lasts.
    pub hold_seconds: u32,
    /// Length of one stroke along the muscle, in centimetres.
    pub stroke_cm: f32,
}

/// The default rolling pace: 2.5 cm (about one inch) per second.
pub const DEFAULT_PACE_CM_PER_S: f32 = 2.5;

impl Timings {
    /// Seconds for one stroke (one way) at the given pace.
    pub fn stroke_seconds(&self, pace_cm_per_s: f32) -> f32 {
        self.stroke_cm / pace_cm_per_s
    }

    /// Total seconds for one side: rolling plus holds.
    pub fn seconds_per_side(&self) -> u32 {
        self.roll_seconds + self.holds * self.hold_seconds
    }
}

/// One exercise card of the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    /// Stable identifier, lowercase words joined by '-' (e.g. "calves").
    pub id: String,
    /// Name shown on the card.
    pub name: String,
    /// The part of the body it works.
    pub region: BodyRegion,
    /// The area it works, as check-ins and the history name it.
    pub area: Area,
    /// The muscles it works, in plain words.
    pub muscles: Vec<String>,
    /// Tools that do the job: the first is the one pictured and suggested,
    /// the others are substitutes.
    pub tools: Vec<Tool>,
    /// One or two sentences: what it is for.
    pub summary: String,
    /// Getting into position, step by step.
    pub setup: Vec<String>,
    /// How to roll: from where to where, and how slowly.
    pub roll: RollPath,
    /// What to do on a tender spot.
    pub hold: String,
    /// How to breathe.
    pub breathing: String,
    /// Ways to make it gentler.
    pub easier: Vec<String>,
    /// Ways to make it stronger.
    pub harder: Vec<String>,
    /// What to keep the tool off: named bones and joints, and other cautions.
    pub avoid: Vec<String>,
    /// Whether holding still on a tender spot suits it. Where a bone, a
    /// nerve or a large blood vessel lies close under the muscle (beside
    /// the shin bone, beside the spine, at the front of the hip) it does
    /// not: the card keeps moving, its timings have no holds, and a plan
    /// never schedules one.
    pub holds_suit: bool,
    /// One side at a time or both together.
    pub sides: Sides,
    /// Default timings.
    pub timings: Timings,
    /// What the voice says of it; every card has it.
    pub spoken: Spoken,
    /// The picture of the position, drawn from a pose. Kept in its own
    /// catalog file and joined to the card by id when the catalog loads.
    #[serde(skip)]
    pub illustration: Illustration,
}

impl Exercise {
    /// The tool pictured and suggested first.
    pub fn main_tool(&self) -> Option<Tool> {
        self.tools.first().copied()
    }

    /// Whether someone owning `owned` can do this exercise.
    pub fn doable_with(&self, owned: &[Tool]) -> bool {
        self.tools.iter().any(|t| owned.contains(t))
    }

    /// The best tool for this exercise among those owned, if any.
    pub fn best_owned_tool(&self, owned: &[Tool]) -> Option<Tool> {
        self.tools.iter().copied().find(|t| owned.contains(t))
    }

    /// Whether a search text matches the name, a muscle or the body region:
    /// every word on its own, singular or plural, the start of a word
    /// enough ("ham"); words that say how it feels ("sore", "tight") are
    /// left out, so "sore calves" finds Calves and "lower leg" the lower
    /// legs.
    pub fn matches_search(&self, text: &str) -> bool {
        let wanted: Vec<String> = search_words(text)
            .filter(|w| !FEELINGS.contains(&w.as_str()))
            .collect();
        if wanted.is_empty() {
            return true;
        }
        let here: Vec<String> = std::iter::once(self.name.as_str())
            .chain(self.muscles.iter().map(String::as_str))
            .chain(std::iter::once(self.region.label()))
            .flat_map(|text| {
                // Each word as written and in its singular form, so a word
                // still being typed ("calv") finds it too.
                let raw = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase);
                raw.chain(search_words(text))
            })
            .collect();
        wanted
            .iter()
            .all(|w| here.iter().any(|h| h.starts_with(w.as_str())))
    }
}

/// Words said of how a body part feels, or that join words: a search
/// skips them.
const FEELINGS: &[&str] = &[
    "sore", "tight", "stiff", "tired", "aching", "achy", "ache", "pain", "painful", "hurt",
    "hurting", "tense", "knot", "knotted", "my", "the", "a", "an", "and", "of", "in", "on", "for",
    "to", "very", "bit", "little",
];

/// The words of `text`, lower case, each in its singular form.
fn search_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| singular(&w.to_lowercase()))
}

/// "calves" → "calf", "feet" → "foot", "glutes" → "glute".
fn singular(word: &str) -> String {
    if word == "feet" {
        return "foot".to_owned();
    }
    if let Some(stem) = word.strip_suffix("ves") {
        return format!("{stem}f");
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "sses", "xes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_owned();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.len() > 1 => stem.to_owned(),
        _ => word.to_owned(),
    }
}
