//! The look of the app: text sizes readable from a mat, and the colours of
//! the illustrations in light and dark themes.

use eframe::egui::{self, Color32, FontId, TextStyle};

use crate::model::{Settings, TextSize, ThemePreference};

/// Applies text sizes and spacing to both themes, once at start.
pub fn install_style(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(13.0)),
            (TextStyle::Body, FontId::proportional(16.0)),
            (TextStyle::Button, FontId::proportional(16.0)),
            (TextStyle::Heading, FontId::proportional(26.0)),
            (TextStyle::Monospace, FontId::monospace(14.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 28.0;
    });
    // Text readable against what it is drawn on: body text well over
    // 4.5:1, weak text (hints, muscle lines) still over it, and still a
    // step apart from body text.
    for (theme, text, weak) in [
        (
            egui::Theme::Light,
            Color32::from_gray(45),
            Color32::from_gray(92),
        ),
        (
            egui::Theme::Dark,
            Color32::from_gray(195),
            Color32::from_gray(145),
        ),
    ] {
        ctx.style_mut_of(theme, |style| {
            style.visuals.widgets.noninteractive.fg_stroke.color = text;
            style.visuals.weak_text_color = Some(weak);
        });
    }
}

/// Applies the theme and text size the user chose.
pub fn apply_settings(ctx: &egui::Context, settings: &Settings) {
    let theme = match settings.theme {
        ThemePreference::System => egui::ThemePreference::System,
        ThemePreference::Light => egui::ThemePreference::Light,
        ThemePreference::Dark => egui::ThemePreference::Dark,
    };
    ctx.set_theme(theme);
    set_text_size(ctx, settings.text_size);
    set_motion_reduced(ctx, settings.reduce_motion);
}

/// Where the context keeps whether "Reduce motion" is on.
fn motion_id() -> egui::Id {
    egui::Id::unique("rollcoach_motion_reduced")
}

/// "Reduce motion": the figure stays still, and egui's own animations
/// (opening sections, scrolling) stop. Turned off, they take egui's
/// default time again; styles are touched only when it changes.
fn set_motion_reduced(ctx: &egui::Context, reduced: bool) {
    if motion_reduced(ctx) == reduced {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(motion_id(), reduced));
    let time = if reduced {
        0.0
    } else {
        egui::Style::default().animation_time
    };
    ctx.all_styles_mut(|style| style.animation_time = time);
}

/// Whether "Reduce motion" is on (see [`apply_settings`]).
pub fn motion_reduced(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(motion_id()))
        .unwrap_or(false)
}

/// Scales the whole interface for the chosen text size, and makes the
/// window's smallest size fit it (growing the window if it is smaller).
pub fn set_text_size(ctx: &egui::Context, size: TextSize) {
    let zoom = size.zoom();
    if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom);
    }
    ctx.data_mut(|d| d.insert_temp(window_fit_id(), size));
    fit_window_to_text(ctx);
}

fn window_fit_id() -> egui::Id {
    egui::Id::unique("rollcoach_window_fits_text")
}

/// Sets the window's smallest size for the text size last chosen, and
/// grows the window to it, once that text size's zoom is in effect: the
/// sizes sent to the window are in points, which the window turns into
/// pixels at the zoom of the frame it gets them in. A zoom changes only at
/// the next frame (and before the first one the window's size is not
/// known), so this is called each frame and acts once.
pub fn fit_window_to_text(ctx: &egui::Context) {
    let Some(size) = ctx.data(|d| d.get_temp::<TextSize>(window_fit_id())) else {
        return;
    };
    let zoom = size.zoom();
    let in_effect = (ctx.zoom_factor() - zoom).abs() <= f32::EPSILON;
    let now = ctx.content_rect().size() * zoom;
    if !in_effect || ctx.cumulative_frame_nr() == 0 && now.min_elem() < 1.0 {
        return;
    }
    ctx.data_mut(|d| d.remove::<TextSize>(window_fit_id()));
    let least = min_window_size(size);
    ctx.send_viewport_cmd(egui::ViewportCommand::MinInnerSize(least / zoom));
    if now.min_elem() >= 1.0 && (now.x < least.x - 0.5 || now.y < least.y - 0.5) {
        let grown = now.max(least);
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(grown / zoom));
    }
}

/// The smallest window, in logical pixels, that every screen fits at
/// `size`: larger text needs a larger window.
pub fn min_window_size(size: TextSize) -> egui::Vec2 {
    match size {
        TextSize::Normal => egui::vec2(720.0, 520.0),
        TextSize::Large => egui::vec2(780.0, 580.0),
        TextSize::ExtraLarge => egui::vec2(960.0, 620.0),
    }
}

/// The colours of an illustration, for one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// The palette of the dark theme.
    pub dark: bool,
    /// The figure's near side.
    pub figure: Color32,
    /// The figure's far limbs, a step towards the background.
    pub figure_far: Color32,
    /// Roller or ball.
    pub equipment: Color32,
    /// The roller's hollow core or the ball's shine.
    pub equipment_inner: Color32,
    /// The target area (translucent).
    pub target: Color32,
    /// The rolling path arrow.
    pub path: Color32,
    /// Floor and wall.
    pub ground: Color32,
    /// Behind the picture.
    pub backdrop: Color32,
}

impl Palette {
    /// The palette for light or dark mode.
    pub fn for_dark_mode(dark: bool) -> Palette {
        if dark {
            Palette {
                dark,
                figure: Color32::from_rgb(0xd3, 0xda, 0xe2),
                figure_far: Color32::from_rgb(0x86, 0x90, 0x9c),
                equipment: Color32::from_rgb(0x4f, 0xa3, 0xe0),
                equipment_inner: Color32::from_rgb(0x1d, 0x3d, 0x57),
                target: Color32::from_rgba_unmultiplied(0xff, 0x8c, 0x42, 150),
                path: Color32::from_rgb(0xff, 0xa8, 0x5e),
                ground: Color32::from_rgb(0x6a, 0x73, 0x7e),
                backdrop: Color32::from_rgb(0x24, 0x28, 0x2e),
            }
        } else {
            Palette {
                dark,
                figure: Color32::from_rgb(0x4b, 0x55, 0x63),
                figure_far: Color32::from_rgb(0xa3, 0xab, 0xb5),
                equipment: Color32::from_rgb(0x25, 0x74, 0xb4),
                equipment_inner: Color32::from_rgb(0xb9, 0xd8, 0xf0),
                target: Color32::from_rgba_unmultiplied(0xf2, 0x6b, 0x1d, 140),
                path: Color32::from_rgb(0xd3, 0x54, 0x0f),
                ground: Color32::from_rgb(0x9d, 0xa5, 0xae),
                backdrop: Color32::from_rgb(0xf4, 0xf1, 0xec),
            }
        }
    }

    /// The palette matching the current theme of `ui`.
    pub fn of(ui: &egui::Ui) -> Palette {
        Palette::for_dark_mode(ui.visuals().dark_mode)
    }
}

/// The warm colour used for cautions, matching the theme.
pub fn caution_colour(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(0xff, 0xb0, 0x6b)
    } else {
        Color32::from_rgb(0xa8, 0x3a, 0x00)
    }
}

/// The accent colour of selections and highlights.
pub fn accent(ui: &egui::Ui) -> Color32 {
    ui.visuals().selection.stroke.color
}
