//! Pictures drawn once into textures and kept while they are in use, so a
//! frame draws each one as a single textured rectangle.

use std::collections::HashMap;

use eframe::egui::{self, Rect, Shape, TextureHandle, TextureOptions};

use super::raster;

/// What a cached picture is: whose it is (an exercise id), which part of
/// it, in which theme. A new size replaces the old texture.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PictureKey {
    pub owner: String,
    pub part: &'static str,
    pub dark: bool,
}

#[derive(Clone)]
struct Entry {
    /// Where the shapes were drawn from and the pixel density: a change of
    /// either draws the picture again.
    area: Rect,
    pixels_per_point: f32,
    /// The picture, or `None` for a part with nothing in view.
    texture: Option<Picture>,
    /// The frame and the time (seconds) it was last drawn in.
    last_used: u64,
    last_used_at: f64,
    bytes: usize,
}

/// Textures of pictures, kept in egui's memory.
#[derive(Clone, Default)]
struct PictureCache {
    entries: HashMap<PictureKey, Entry>,
}

/// A picture in a texture.
#[derive(Clone)]
pub struct Picture {
    texture: TextureHandle,
    /// Where the texture goes, in points.
    rect: Rect,
    /// The parts of the texture with anything in them, in pixels
    /// `[x0, y0, x1, y1]`: only these are drawn.
    runs: Vec<[usize; 4]>,
}

/// Side of the squares a picture is cut into to skip its empty parts.
const TILE: usize = 16;

/// Texture memory the cache may hold before it lets go of the pictures
/// used longest ago.
const MAX_BYTES: usize = 32 << 20;

/// The texture of `key`, drawing `shapes` (positioned for `area`) if it is
/// not cached at this size yet. Returns the texture and where it goes.
pub fn texture(
    ctx: &egui::Context,
    key: PictureKey,
    area: Rect,
    shapes: impl FnOnce() -> Vec<Shape>,
) -> Option<Picture> {
    if is_placeholder_pass(ctx) {
        return None;
    }
    let pixels_per_point = ctx.pixels_per_point();
    let frame = ctx.cumulative_frame_nr();
    let now = ctx.input(|i| i.time);
    if let Some(texture) = cached(ctx, &key, area, pixels_per_point, frame, now) {
        return texture;
    }
    let texture = draw_picture(ctx, &key, area, pixels_per_point, shapes);
    let bytes = texture
        .as_ref()
        .map_or(0, |p| p.texture.size()[0] * p.texture.size()[1] * 4);
    let entry = Entry {
        area,
        pixels_per_point,
        texture: texture.clone(),
        last_used: frame,
        last_used_at: now,
        bytes,
    };
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<PictureCache>(cache_id());
        cache.entries.insert(key, entry);
        cache.trim(frame);
    });
    texture
}

/// Where the cache is kept in egui's memory.
fn cache_id() -> egui::Id {
    egui::Id::NULL.with("rollcoach_picture_cache")
}

/// Whether this is the very first pass, where egui may lay out for a huge
/// placeholder screen before it knows the window's size: nothing drawn
/// then is seen.
fn is_placeholder_pass(ctx: &egui::Context) -> bool {
    let window = ctx.input(|i| i.viewport().inner_rect);
    let screen = ctx.viewport_rect();
    window.is_some_and(|w| screen.width() > 2.0 * w.width() || screen.height() > 2.0 * w.height())
}

/// The cached picture of `key` if it was drawn from `area` at
/// `pixels_per_point` (marked used in `frame` at `now`), after letting go
/// of the pictures no longer shown. `None` when it must be drawn.
fn cached(
    ctx: &egui::Context,
    key: &PictureKey,
    area: Rect,
    pixels_per_point: f32,
    frame: u64,
    now: f64,
) -> Option<Option<Picture>> {
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<PictureCache>(cache_id());
        cache.forget_unused(frame, now);
        cache.entries.get_mut(key).and_then(|entry| {
            (entry.area == area && entry.pixels_per_point == pixels_per_point).then(|| {
                entry.last_used = frame;
                entry.last_used_at = now;
                entry.texture.clone()
            })
        })
    })
}

/// Draws `shapes` into a new texture covering what they fill of `area`;
/// `None` when nothing of them is in it. A picture larger than a texture
/// can be is drawn at a lower density and stretched.
fn draw_picture(
    ctx: &egui::Context,
    key: &PictureKey,
    area: Rect,
    pixels_per_point: f32,
    shapes: impl FnOnce() -> Vec<Shape>,
) -> Option<Picture> {
    let started = std::time::Instant::now();
    let shapes = shapes();
    let max_side = ctx.input(|i| i.max_texture_side).clamp(64, 4096) as f32 - 2.0;
    let texture = raster::bounds(&shapes, area, pixels_per_point).map(|bounds| {
        let density = pixels_per_point.min(max_side / bounds.size().max_elem());
        let rect = raster::bounds(&shapes, area, density).unwrap_or(bounds);
        let image = raster::rasterize(&shapes, rect, density);
        let runs = raster::occupied_runs(&image, TILE);
        let name = format!("picture {} {}", key.owner, key.part);
        Picture {
            texture: ctx.load_texture(name, image, TextureOptions::LINEAR),
            rect,
            runs,
        }
    });
    log::debug!(
        "drew picture {} {} ({:?}) in {:.1} ms",
        key.owner,
        key.part,
        area.size(),
        started.elapsed().as_secs_f64() * 1e3
    );
    texture
}

/// A picture not drawn for this long, nor in the last frames, is let go.
const UNUSED_SECONDS: f64 = 3.0;

impl PictureCache {
    /// Lets go of pictures no longer shown: not drawn in the last two
    /// frames and not for [`UNUSED_SECONDS`] (a screen shown again after a
    /// pause in drawing keeps its pictures).
    fn forget_unused(&mut self, frame: u64, now: f64) {
        self.entries
            .retain(|_, e| e.last_used + 2 >= frame || e.last_used_at + UNUSED_SECONDS >= now);
    }

    /// Lets go of the pictures used longest ago (never this frame's) while
    /// the textures take more than [`MAX_BYTES`].
    fn trim(&mut self, frame: u64) {
        let mut total: usize = self.entries.values().map(|e| e.bytes).sum();
        while total > MAX_BYTES {
            let Some((key, bytes)) = self
                .entries
                .iter()
                .filter(|(_, e)| e.last_used < frame)
                .min_by_key(|(_, e)| e.last_used)
                .map(|(k, e)| (k.clone(), e.bytes))
            else {
                break;
            };
            self.entries.remove(&key);
            total -= bytes;
        }
    }
}

/// Draws a cached picture, moved by `offset` (points), clipped by `painter`:
/// only the parts with anything in them.
pub fn draw(painter: &egui::Painter, picture: &Picture, offset: egui::Vec2) {
    let [w, h] = picture.texture.size().map(|v| v as f32);
    let rect = picture.rect.translate(offset);
    let scale = egui::vec2(rect.width() / w, rect.height() / h);
    let mut mesh = egui::Mesh::with_texture(picture.texture.id());
    for &[x0, y0, x1, y1] in &picture.runs {
        let [x0, y0, x1, y1] = [x0, y0, x1, y1].map(|v| v as f32);
        mesh.add_rect_with_uv(
            Rect::from_min_max(
                rect.min + egui::vec2(x0, y0) * scale,
                rect.min + egui::vec2(x1, y1) * scale,
            ),
            Rect::from_min_max(egui::pos2(x0 / w, y0 / h), egui::pos2(x1 / w, y1 / h)),
            egui::Color32::WHITE,
        );
    }
    painter.add(egui::Shape::mesh(mesh));
}
