//! What the player says on screen for each phase, in words.

use crate::model::{Exercise, Settings};
use crate::session::{PhaseKind, SessionState};

/// What the player says, in words.
pub(super) struct Words {
    pub title: String,
    pub subject: String,
    pub instruction: String,
    pub up_next: Option<String>,
    /// While rolling, the card's few words for where each stroke starts
    /// and where it turns: the pacing track's two ends.
    pub track_ends: Option<(String, String)>,
    /// The picture's stroke starts at its right and goes left: the track
    /// goes the same way.
    pub track_leftward: bool,
}

impl Words {
    /// Names a tool of the user's in place of one they lack: "Use your
    /// tennis ball in place of a lacrosse ball."
    pub fn with_tools(
        mut self,
        state: &SessionState,
        exercise: Option<&Exercise>,
        next: Option<&Exercise>,
        settings: &Settings,
    ) -> Words {
        let shown = match state.phase.kind {
            PhaseKind::Rest => next,
            _ => exercise,
        };
        if let Some(e) = shown
            && let (Some(main), Some(mine)) =
                (e.main_tool(), e.best_owned_tool(&settings.tools_owned))
            && main != mine
        {
            self.instruction = format!(
                "Use your {} in place of a {}. {}",
                mine.label().to_lowercase(),
                main.label().to_lowercase(),
                self.instruction
            );
        }
        self
    }

    pub fn of(state: &SessionState, exercise: Option<&Exercise>, next: Option<&Exercise>) -> Words {
        let name = exercise.map(|e| e.name.clone()).unwrap_or_default();
        let side = state
            .phase
            .side
            .map(|s| format!(", {} side", s.label()))
            .unwrap_or_default();
        let subject = match (state.phase.kind, next) {
            (PhaseKind::Rest, Some(n)) => format!("Up next: {}", n.name),
            _ => format!("{name}{side}"),
        };
        let (title, instruction) = phase_words(state, exercise, next);
        let up_next = match state.phase.kind {
            PhaseKind::Rest => None,
            _ => next.map(|n| n.name.clone()),
        };
        let track_ends = exercise
            .filter(|_| state.phase.kind == PhaseKind::Roll)
            .map(|e| (e.roll.from_label.clone(), e.roll.to_label.clone()));
        let track_leftward = exercise.is_some_and(|e| {
            let path = &e.illustration.path;
            path.to.0 < path.from.0
        });
        Words {
            title,
            subject,
            instruction,
            up_next,
            track_ends,
            track_leftward,
        }
    }
}

/// The title and instruction of the phase showing.
fn phase_words(
    state: &SessionState,
    exercise: Option<&Exercise>,
    next: Option<&Exercise>,
) -> (String, String) {
    let roll = exercise.map(|e| (e.roll.from.as_str(), e.roll.to.as_str()));
    let first_setup =
        |e: Option<&Exercise>| e.and_then(|e| e.setup.first().cloned()).unwrap_or_default();
    match state.phase.kind {
        PhaseKind::GetReady => (
            "Get ready".to_owned(),
            format!("Get into position. {}", first_setup(exercise)),
        ),
        PhaseKind::Roll if state.phase.eased => (
            "Ease the pressure".to_owned(),
            "Take some weight off: lean more on your hands or feet, and roll short, gentle \
             strokes over the middle of the muscle. The full stroke comes back after this."
                .to_owned(),
        ),
        PhaseKind::Roll => (
            "Roll slowly".to_owned(),
            match roll {
                Some((from, to)) => {
                    format!("From {from} to {to}, and back. Move with the beat.")
                }
                None => "Move with the beat.".to_owned(),
            },
        ),
        PhaseKind::Hold { number, of } => {
            let title = if of > 1 {
                format!("Hold a tender spot ({number} of {of})")
            } else {
                "Hold a tender spot".to_owned()
            };
            let how = if state.phase.returning {
                "Come back to the spot, gently. Relax and breathe in deeply as you sink in."
            } else {
                "Stop on the most tender spot and rest there. Relax, and breathe in deeply \
                 as the pressure comes."
            };
            (title, how.to_owned())
        }
        PhaseKind::WorkAround => (
            "Work around the spot".to_owned(),
            "Ease off the sore spot. Roll gently on the muscle around it; you'll come back \
             to it after this."
                .to_owned(),
        ),
        PhaseKind::SwitchSide => (
            "Switch sides".to_owned(),
            format!("Change to the other side. {}", first_setup(exercise)),
        ),
        PhaseKind::Rest => (
            "Rest".to_owned(),
            match next {
                Some(n) => format!("Get into position: {}", first_setup(Some(n))),
                None => "Breathe and relax.".to_owned(),
            },
        ),
        PhaseKind::Done => ("Done".to_owned(), "Well done.".to_owned()),
    }
}
