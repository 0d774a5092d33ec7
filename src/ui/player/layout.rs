//! Fitting the player to its window: the phase, the time left, the whole
//! instruction and every button stay in view at every window and text
//! size. When room is short the picture shrinks first (down to a size that
//! still reads), then the words and the time step down in size, then the
//! buttons lose their key line; the picture goes last.
//!
//! Every text is laid out once here, at the size chosen, and drawn as laid
//! out, so what was measured is what shows.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, Galley, Vec2, text::LayoutJob};

/// The sizes of the player's words at one step (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub time: f32,
    pub title: f32,
    pub subject: f32,
    pub instruction: f32,
    /// The height of the pacing track.
    pub track: f32,
    /// The size of the words at the track's two ends.
    pub track_ends: f32,
}

/// From roomy to tight: the first that fits is used.
pub const STEPS: [Sizes; 5] = [
    Sizes {
        time: 96.0,
        title: 34.0,
        subject: 22.0,
        instruction: 20.0,
        track: 34.0,
        track_ends: 17.0,
    },
    Sizes {
        time: 80.0,
        title: 30.0,
        subject: 21.0,
        instruction: 19.0,
        track: 32.0,
        track_ends: 16.0,
    },
    Sizes {
        time: 66.0,
        title: 28.0,
        subject: 20.0,
        instruction: 18.0,
        track: 30.0,
        track_ends: 16.0,
    },
    Sizes {
        time: 54.0,
        title: 26.0,
        subject: 19.0,
        instruction: 18.0,
        track: 28.0,
        track_ends: 15.0,
    },
    Sizes {
        time: 44.0,
        title: 24.0,
        subject: 18.0,
        instruction: 17.0,
        track: 26.0,
        track_ends: 15.0,
    },
];

/// The picture is left out below this height: smaller, it no longer reads.
pub const PICTURE_FLOOR: f32 = 110.0;
/// Below this the picture is not drawn at all.
pub const PICTURE_MIN: f32 = 56.0;
/// The height of the phase's progress bar.
pub const PROGRESS: f32 = 14.0;

/// Lays out `text` in one font and colour, wrapped at `width`.
pub fn galley(ui: &egui::Ui, text: &str, size: f32, colour: Color32, width: f32) -> Arc<Galley> {
    ui.painter().layout(
        text.to_owned(),
        FontId::proportional(size),
        colour,
        width.max(1.0),
    )
}

/// Lays out `parts` (text, size, colour) as one wrapped paragraph.
pub fn paragraph(ui: &egui::Ui, parts: &[(&str, f32, Color32)], width: f32) -> Arc<Galley> {
    let mut job = LayoutJob::default();
    for (text, size, colour) in parts {
        job.append(
            text,
            0.0,
            egui::TextFormat::simple(FontId::proportional(*size), *colour),
        );
    }
    job.wrap.max_width = width.max(1.0);
    ui.fonts_mut(|f| f.layout_job(job))
}

/// The height of widgets stacked top-down with the ui's spacing between
/// them, plus any extra space.
pub fn stacked(ui: &egui::Ui, heights: &[f32], extra: f32) -> f32 {
    let gaps = heights.len().saturating_sub(1) as f32 * ui.spacing().item_spacing.y;
    heights.iter().sum::<f32>() + gaps + extra
}

/// How the buttons are laid out, with their words laid out.
#[derive(Debug, Clone)]
pub struct ButtonLayout {
    /// Buttons per row.
    pub per_row: usize,
    /// Each button's width and height.
    pub size: Vec2,
    /// Each button's words: its label, and its key under it if there is
    /// room; in the colour the button gives them.
    pub texts: Vec<Arc<Galley>>,
}

/// The gap between buttons.
pub const BUTTON_GAP: f32 = 8.0;
/// The size of a button's label and of its key line.
pub const BUTTON_TEXT: f32 = 18.0;
pub const KEY_TEXT: f32 = 14.0;
/// The padding inside a button.
pub const BUTTON_PAD: Vec2 = egui::vec2(6.0, 6.0);

/// The buttons' layout across `width` for `buttons` (label, key): one row
/// if every label fits its share in at most two lines, else rows of half
/// as many; with the keys under the labels if `keys`.
pub fn buttons(ui: &egui::Ui, buttons: &[(&str, String)], width: f32, keys: bool) -> ButtonLayout {
    let n = buttons.len().max(1);
    let share = |per_row: usize| {
        ((width - 2.0 - BUTTON_GAP * (per_row as f32 - 1.0)) / per_row as f32).floor()
    };
    let lay_out = |per_row: usize| -> Vec<Arc<Galley>> {
        let text_width = share(per_row) - 2.0 * BUTTON_PAD.x;
        buttons
            .iter()
            .map(|(label, key)| {
                let mut parts = vec![(label.to_string(), BUTTON_TEXT)];
                if keys && !key.is_empty() {
                    parts.push((format!("\n{key}"), KEY_TEXT));
                }
                let parts: Vec<(&str, f32, Color32)> = parts
                    .iter()
                    .map(|(t, size)| (t.as_str(), *size, Color32::PLACEHOLDER))
                    .collect();
                paragraph(ui, &parts, text_width)
            })
            .collect()
    };
    let fits = |texts: &[Arc<Galley>], per_row: usize| {
        let text_width = share(per_row) - 2.0 * BUTTON_PAD.x;
        let lines = if keys { 3 } else { 2 };
        texts
            .iter()
            .all(|g| g.rows.len() <= lines && g.size().x <= text_width + 0.5)
    };
    let mut per_row = n;
    let mut texts = lay_out(per_row);
    if !fits(&texts, per_row) {
        per_row = n.div_ceil(2);
        texts = lay_out(per_row);
    }
    let tallest = texts.iter().map(|g| g.size().y).fold(0.0, f32::max);
    let least = if keys { 58.0 } else { 40.0 };
    ButtonLayout {
        per_row,
        size: egui::vec2(share(per_row), (tallest + 2.0 * BUTTON_PAD.y).max(least)),
        texts,
    }
}

impl ButtonLayout {
    /// The height of all the rows.
    pub fn height(&self) -> f32 {
        let rows = self.texts.len().div_ceil(self.per_row.max(1)) as f32;
        rows * self.size.y + (rows - 1.0).max(0.0) * BUTTON_GAP
    }
}

/// What the middle of the player says, before it is laid out.
pub struct Content<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub time: &'a str,
    pub instruction: &'a str,
    /// "Paused…", while paused.
    pub paused: Option<&'a str>,
    /// The pacing track shows (rolling).
    pub rolling: bool,
    /// The words at its two ends: where a stroke starts, where it turns.
    pub track_ends: Option<(&'a str, &'a str)>,
    /// Strokes start at the track's right end, as in the picture.
    pub track_leftward: bool,
}

/// The words at the two ends of the pacing track, laid out: the start
/// end's under the end where strokes start, the other's under the other.
#[derive(Clone)]
pub struct TrackEnds {
    pub from: Arc<Galley>,
    pub to: Arc<Galley>,
    /// Strokes start at the right end and go left, the way the picture's
    /// stroke goes; else from the left.
    pub leftward: bool,
}

/// The least gap between the two ends' words.
pub const TRACK_ENDS_GAP: f32 = 16.0;

impl TrackEnds {
    /// `ends` at `size` under a track `width` wide, each wrapped to its half.
    pub fn new(
        ui: &egui::Ui,
        ends: (&str, &str),
        leftward: bool,
        size: f32,
        width: f32,
    ) -> TrackEnds {
        let colour = ui.visuals().text_color();
        let half = ((width - TRACK_ENDS_GAP) / 2.0).floor();
        TrackEnds {
            from: galley(ui, ends.0, size, colour, half),
            to: galley(ui, ends.1, size, colour, half),
            leftward,
        }
    }

    /// The height of the row they take.
    pub fn height(&self) -> f32 {
        self.from.size().y.max(self.to.size().y)
    }

    /// Whether both fit their halves of `width` (a single word can be wider).
    pub fn fit(&self, width: f32) -> bool {
        self.from.size().x + self.to.size().x + TRACK_ENDS_GAP <= width + 0.5
    }
}

/// The middle's words, laid out at one step.
#[derive(Clone)]
pub struct TextBlock {
    pub sizes: Sizes,
    pub title: Arc<Galley>,
    pub subject: Arc<Galley>,
    pub time: Arc<Galley>,
    pub instruction: Arc<Galley>,
    pub paused: Option<Arc<Galley>>,
    /// The words at the pacing track's ends, while rolling.
    pub track_ends: Option<TrackEnds>,
    /// The time sits beside the title and subject, not under them.
    pub beside: bool,
    pub width: f32,
    pub height: f32,
}

/// The gap between the time and the words beside it.
const BESIDE_GAP: f32 = 18.0;

impl TextBlock {
    /// Lays out `content` at `sizes` across `width`, with the time beside
    /// the title if `beside`.
    pub fn new(
        ui: &egui::Ui,
        content: &Content<'_>,
        sizes: Sizes,
        width: f32,
        beside: bool,
    ) -> Self {
        let v = ui.visuals();
        let (strong, text) = (v.strong_text_color(), v.text_color());
        let time = galley(ui, content.time, sizes.time, strong, f32::INFINITY);
        let words_width = if beside {
            width - time.size().x - BESIDE_GAP
        } else {
            width
        };
        let title = galley(ui, content.title, sizes.title, strong, words_width);
        let subject = galley(ui, content.subject, sizes.subject, text, words_width);
        let instruction = galley(ui, content.instruction, sizes.instruction, text, width);
        let paused = content
            .paused
            .map(|p| galley(ui, p, sizes.subject, strong, width));
        let track_ends = content
            .track_ends
            .filter(|_| content.rolling)
            .map(|ends| TrackEnds::new(ui, ends, content.track_leftward, sizes.track_ends, width));
        let mut heights = Vec::new();
        if beside {
            let words = stacked(ui, &[title.size().y, subject.size().y], 0.0);
            heights.push(words.max(time.size().y));
        } else {
            heights.extend([title.size().y, subject.size().y, time.size().y]);
        }
        heights.extend([PROGRESS, instruction.size().y]);
        if content.rolling {
            heights.push(sizes.track);
        }
        if let Some(ends) = &track_ends {
            heights.push(ends.height());
        }
        if let Some(p) = &paused {
            heights.push(p.size().y);
        }
        let height = stacked(ui, &heights, 0.0);
        TextBlock {
            sizes,
            title,
            subject,
            time,
            instruction,
            paused,
            track_ends,
            beside,
            width,
            height,
        }
    }

    /// Whether every line fits the width (a single word can be wider).
    fn fits_width(&self) -> bool {
        let beside = if self.beside {
            self.time.size().x + BESIDE_GAP
        } else {
            0.0
        };
        [&self.title, &self.subject]
            .iter()
            .all(|g| g.size().x + beside <= self.width + 0.5)
            && self.instruction.size().x <= self.width + 0.5
            && self.time.size().x <= self.width + 0.5
            && self.track_ends.as_ref().is_none_or(|e| e.fit(self.width))
    }
}

/// How the middle of the player is laid out.
#[derive(Clone)]
pub struct Middle {
    pub text: TextBlock,
    /// Picture beside the words (left), not above them.
    pub wide: bool,
    /// The picture's size; zero for none.
    pub picture: Vec2,
    /// The words do not fit even so (a window below the smallest size):
    /// they scroll.
    pub scroll: bool,
}

/// The gap between the picture and the words.
pub const PICTURE_GAP: f32 = 16.0;

impl Middle {
    /// The middle laid out at `sizes` in `area`, the picture beside or above
    /// the words; `None` if the words do not fit.
    fn try_fit(
        ui: &egui::Ui,
        content: &Content<'_>,
        sizes: Sizes,
        area: Vec2,
        wide: bool,
    ) -> Option<Middle> {
        if wide {
            for share in [0.5, 0.6] {
                let text_width = ((area.x - PICTURE_GAP) * share).floor();
                let text = TextBlock::new(ui, content, sizes, text_width, false);
                if text.height > area.y || !text.fits_width() {
                    continue;
                }
                let picture_width = area.x - PICTURE_GAP - text_width;
                let picture = egui::vec2(picture_width, (picture_width * 0.75).min(area.y));
                return Some(Middle {
                    text,
                    wide,
                    picture,
                    scroll: false,
                });
            }
            None
        } else {
            let text = TextBlock::new(ui, content, sizes, area.x, true);
            if text.height > area.y || !text.fits_width() {
                return None;
            }
            let room = area.y - text.height - PICTURE_GAP;
            let height = room.min(area.x * 0.55);
            let picture = if height >= PICTURE_MIN {
                egui::vec2(area.x, height)
            } else {
                Vec2::ZERO
            };
            Some(Middle {
                text,
                wide,
                picture,
                scroll: false,
            })
        }
    }

    fn picture_reads(&self) -> bool {
        self.picture.y >= PICTURE_FLOOR
    }
}

/// The whole player's layout: the header, the middle and the buttons.
pub struct Plan {
    pub header: Arc<Galley>,
    pub pain: Arc<Galley>,
    pub buttons: ButtonLayout,
    pub middle: Middle,
}

/// What the header and the buttons say.
pub struct Frame<'a> {
    pub header: &'a [(&'a str, f32, Color32)],
    pub pain: (&'a str, Color32),
    pub buttons: &'a [(&'a str, String)],
    /// The margins of a top or bottom panel and of the middle (sum of both
    /// sides).
    pub panel_margin: Vec2,
    pub middle_margin: Vec2,
}

/// The size of the pain reminder over the buttons.
pub const PAIN_TEXT: f32 = 17.0;

impl Plan {
    /// The first layout that fits `size` (the whole player): the picture
    /// shrinks first, then the words step down, then the buttons lose
    /// their keys, then the picture goes.
    pub fn new(ui: &egui::Ui, size: Vec2, frame: &Frame<'_>, content: &Content<'_>) -> Plan {
        let inner = size.x - frame.panel_margin.x;
        let header = paragraph(ui, frame.header, inner);
        let pain = galley(ui, frame.pain.0, PAIN_TEXT, frame.pain.1, inner);
        let spacing = ui.spacing().item_spacing.y;
        let header_height = header.size().y + frame.panel_margin.y;
        let area_for = |buttons: &ButtonLayout| {
            let controls = pain.size().y + spacing + buttons.height() + frame.panel_margin.y;
            egui::vec2(
                size.x - frame.middle_margin.x,
                size.y - header_height - controls - frame.middle_margin.y,
            )
        };
        let wide_first = size.x >= 700.0;
        let orders: [bool; 2] = [wide_first, !wide_first];
        let mut last = None;
        for keys in [true, false] {
            let buttons = buttons(ui, frame.buttons, inner, keys);
            let area = area_for(&buttons);
            for sizes in STEPS {
                for wide in orders {
                    if wide && area.x < 560.0 {
                        continue;
                    }
                    if let Some(middle) = Middle::try_fit(ui, content, sizes, area, wide) {
                        if middle.picture_reads() {
                            return Plan {
                                header,
                                pain,
                                buttons,
                                middle,
                            };
                        }
                        last.get_or_insert((buttons.clone(), middle));
                    }
                }
            }
        }
        // Room for the words but not for a picture that reads: the words
        // as large as fit, with what picture there is room for.
        if let Some((buttons, middle)) = last {
            return Plan {
                header,
                pain,
                buttons,
                middle,
            };
        }
        // Not even that (a window below its smallest size): the smallest
        // words, scrolling.
        let buttons = buttons(ui, frame.buttons, inner, false);
        let area = area_for(&buttons);
        let text = TextBlock::new(ui, content, STEPS[STEPS.len() - 1], area.x.max(1.0), true);
        Plan {
            header,
            pain,
            buttons,
            middle: Middle {
                text,
                wide: false,
                picture: Vec2::ZERO,
                scroll: true,
            },
        }
    }
}
