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
}

/// Scales the whole interface for the chosen text size.
pub fn set_text_size(ctx: &egui::Context, size: TextSize) {
    if (ctx.zoom_factor() - size.zoom()).abs() > f32::EPSILON {
        ctx.set_zoom_factor(size.zoom());
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
