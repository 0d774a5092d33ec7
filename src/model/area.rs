//! The parts of the body the library works, with their sides: the one
//! list the check-ins, the history and the body map share.

use serde::{Deserialize, Serialize};

/// Left or right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// A part of the body an exercise of the library works, from the feet up.
///
/// Every exercise names its area; every area has at least one exercise
/// (checked when the catalog loads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Area {
    Soles,
    Shins,
    Calves,
    Hamstrings,
    Quads,
    OuterThighs,
    InnerThighs,
    Glutes,
    FrontOfHips,
    LowerBack,
    UpperBack,
    SidesOfBack,
    TopsOfShoulders,
    BacksOfShoulders,
    Chest,
    Forearms,
}

impl Area {
    /// Every area, from the feet up.
    pub const ALL: [Area; 16] = [
        Area::Soles,
        Area::Shins,
        Area::Calves,
        Area::Hamstrings,
        Area::Quads,
        Area::OuterThighs,
        Area::InnerThighs,
        Area::Glutes,
        Area::FrontOfHips,
        Area::LowerBack,
        Area::UpperBack,
        Area::SidesOfBack,
        Area::TopsOfShoulders,
        Area::BacksOfShoulders,
        Area::Chest,
        Area::Forearms,
    ];

    /// Its name as a person says it, starting with a capital.
    pub fn label(self) -> &'static str {
        match self {
            Area::Soles => "Soles of the feet",
            Area::Shins => "Shins",
            Area::Calves => "Calves",
            Area::Hamstrings => "Hamstrings",
            Area::Quads => "Quads",
            Area::OuterThighs => "Outer thighs",
            Area::InnerThighs => "Inner thighs",
            Area::Glutes => "Glutes",
            Area::FrontOfHips => "Front of the hips",
            Area::LowerBack => "Lower back",
            Area::UpperBack => "Upper back",
            Area::SidesOfBack => "Sides of the back",
            Area::TopsOfShoulders => "Tops of the shoulders",
            Area::BacksOfShoulders => "Backs of the shoulders",
            Area::Chest => "Chest",
            Area::Forearms => "Forearms",
        }
    }

    /// Its name inside a sentence ("your calves").
    pub fn lower(self) -> String {
        self.label().to_lowercase()
    }

    /// Short machine-friendly name, for the command line and the CSV.
    pub fn slug(self) -> &'static str {
        match self {
            Area::Soles => "soles",
            Area::Shins => "shins",
            Area::Calves => "calves",
            Area::Hamstrings => "hamstrings",
            Area::Quads => "quads",
            Area::OuterThighs => "outer-thighs",
            Area::InnerThighs => "inner-thighs",
            Area::Glutes => "glutes",
            Area::FrontOfHips => "front-of-hips",
            Area::LowerBack => "lower-back",
            Area::UpperBack => "upper-back",
            Area::SidesOfBack => "sides-of-back",
            Area::TopsOfShoulders => "tops-of-shoulders",
            Area::BacksOfShoulders => "backs-of-shoulders",
            Area::Chest => "chest",
            Area::Forearms => "forearms",
        }
    }

    /// The area of a slug, if it is one.
    pub fn from_slug(slug: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// Whether it is one thing ("the lower back is") rather than a pair
    /// or a group ("the calves are").
    fn is_one(self) -> bool {
        matches!(
            self,
            Area::FrontOfHips | Area::LowerBack | Area::UpperBack | Area::Chest
        )
    }

    /// Its name with the verb "to be" or "to have" that goes with it:
    /// `singular` for the lower back, `plural` for the calves.
    pub fn with_verb(self, singular: &str, plural: &str) -> String {
        let verb = if self.is_one() { singular } else { plural };
        format!("{} {verb}", self.label())
    }

    /// "it" or "them", as it is said of it.
    pub fn pronoun(self) -> &'static str {
        if self.is_one() { "it" } else { "them" }
    }

    /// The name of one side of it, after "left" or "right": "calf",
    /// "side of the back".
    pub fn one_side_label(self) -> &'static str {
        match self {
            Area::Soles => "sole",
            Area::Shins => "shin",
            Area::Calves => "calf",
            Area::Hamstrings => "hamstring",
            Area::Quads => "quad",
            Area::OuterThighs => "outer thigh",
            Area::InnerThighs => "inner thigh",
            Area::Glutes => "glute",
            Area::FrontOfHips => "front of the hip",
            Area::LowerBack => "side of the lower back",
            Area::UpperBack => "upper back",
            Area::SidesOfBack => "side of the back",
            Area::TopsOfShoulders => "top of the shoulder",
            Area::BacksOfShoulders => "back of the shoulder",
            Area::Chest => "side of the chest",
            Area::Forearms => "forearm",
        }
    }

    /// Whether it has a left and a right that can feel different. The
    /// upper back is one area across the spine.
    pub fn has_sides(self) -> bool {
        self != Area::UpperBack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_names_its_area_and_no_other() {
        for area in Area::ALL {
            assert_eq!(Area::from_slug(area.slug()), Some(area));
        }
        let mut slugs: Vec<&str> = Area::ALL.iter().map(|a| a.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Area::ALL.len());
        assert_eq!(Area::from_slug("elbows"), None);
    }

    #[test]
    fn the_list_runs_from_the_feet_up() {
        let mut sorted = Area::ALL;
        sorted.sort();
        assert_eq!(sorted, Area::ALL);
    }
}
