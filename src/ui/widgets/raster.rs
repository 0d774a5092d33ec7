//! Turns egui shapes into an image on the CPU, once, so a picture can be
//! drawn every frame as a single textured rectangle instead of thousands of
//! triangles. The shapes go through egui's own tessellator, so edges are
//! anti-aliased exactly as when egui draws them, and the triangles are
//! blended the way egui's renderers blend (premultiplied alpha, in gamma
//! space).

use eframe::egui::{self, Color32, ColorImage, Rect, Shape, epaint};
use egui::emath::GuiRounding as _;

/// The smallest rectangle on the physical pixel grid that holds `shapes`,
/// within `area` (in points).
pub fn bounds(shapes: &[Shape], area: Rect, pixels_per_point: f32) -> Option<Rect> {
    let mut bounds = Rect::NOTHING;
    for shape in shapes {
        bounds = bounds.union(shape.visual_bounding_rect());
    }
    let bounds = bounds.expand(1.0 / pixels_per_point).intersect(area);
    if !bounds.is_positive() {
        return None;
    }
    // Out to whole physical pixels.
    let min = (bounds.min.to_vec2() * pixels_per_point).floor() / pixels_per_point;
    let max = (bounds.max.to_vec2() * pixels_per_point).ceil() / pixels_per_point;
    Some(Rect::from_min_max(min.to_pos2(), max.to_pos2()).round_to_pixels(pixels_per_point))
}

/// Draws `shapes` (in points) into an image covering `rect`, which lies on
/// the physical pixel grid, at `pixels_per_point`. Shapes are drawn in order,
/// each over the ones before.
pub fn rasterize(shapes: &[Shape], rect: Rect, pixels_per_point: f32) -> ColorImage {
    let width = (rect.width() * pixels_per_point).round().max(1.0) as usize;
    let height = (rect.height() * pixels_per_point).round().max(1.0) as usize;
    let mut canvas = Canvas {
        width,
        height,
        pixels: vec![Color32::TRANSPARENT; width * height],
    };
    let clipped = shapes
        .iter()
        .map(|s| epaint::ClippedShape::new(rect, s.clone()))
        .collect();
    // No pre-rendered discs: circles come out as plain triangles.
    let primitives = epaint::Tessellator::new(
        pixels_per_point,
        epaint::TessellationOptions::default(),
        [1, 1],
        Vec::new(),
    )
    .tessellate_shapes(clipped);
    let origin = rect.min.to_vec2() * pixels_per_point;
    for primitive in primitives {
        if let epaint::Primitive::Mesh(mesh) = primitive.primitive {
            for tri in mesh.indices.chunks_exact(3) {
                let v = [tri[0], tri[1], tri[2]].map(|i| {
                    let vertex = mesh.vertices[i as usize];
                    let p = vertex.pos.to_vec2() * pixels_per_point - origin;
                    ([p.x, p.y], rgba(vertex.color))
                });
                canvas.triangle(v);
            }
        }
    }
    ColorImage::new([width, height], canvas.pixels)
}

/// The parts of `image` with anything in them, as rectangles of pixels
/// `[x0, y0, x1, y1]`: runs of `tile`-sized squares along each row of tiles.
/// Drawing only these skips the transparent rest of a picture, which a
/// software renderer would otherwise shade pixel by pixel.
pub fn occupied_runs(image: &ColorImage, tile: usize) -> Vec<[usize; 4]> {
    let [width, height] = image.size;
    let mut runs = Vec::new();
    for y0 in (0..height).step_by(tile) {
        let y1 = (y0 + tile).min(height);
        let mut run_start: Option<usize> = None;
        for x0 in (0..width).step_by(tile) {
            let x1 = (x0 + tile).min(width);
            let occupied = (y0..y1).any(|y| {
                image.pixels[y * width + x0..y * width + x1]
                    .iter()
                    .any(|p| p.a() > 0)
            });
            match (occupied, run_start) {
                (true, None) => run_start = Some(x0),
                (false, Some(start)) => {
                    runs.push([start, y0, x0, y1]);
                    run_start = None;
                }
                _ => {}
            }
        }
        if let Some(start) = run_start {
            runs.push([start, y0, width, y1]);
        }
    }
    runs
}

/// A premultiplied colour as fractions.
fn rgba(c: Color32) -> [f32; 4] {
    c.to_array().map(|v| f32::from(v) / 255.0)
}

/// Premultiplied RGBA pixels, row by row, 8 bits a channel like a
/// window's.
struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
}

/// A triangle's corners (in pixels) with their colours (premultiplied
/// fractions).
type Corners = [([f32; 2], [f32; 4]); 3];

impl Canvas {
    /// Fills a triangle with colours interpolated from its corners, blended
    /// over what is there. A pixel belongs to a triangle when its centre is
    /// inside; centres on a shared edge go to one side only (the top-left
    /// rule), so neighbouring triangles neither overlap nor leave gaps.
    fn triangle(&mut self, v: Corners) {
        let Some(([(a, ca), (b, cb), (c, cc)], area)) = wound(v) else {
            return;
        };
        let (rows, min_x, max_x) = self.pixel_box([a, b, c]);
        // Edges opposite each corner, and whether each is a top or left edge.
        let edges = [(b, c), (c, a), (a, b)];
        let top_left = edges.map(|(p, q)| is_top_left(p, q));
        for y in rows {
            let py = y as f32 + 0.5;
            for x in row_span(edges, py, min_x, max_x) {
                let p = [x as f32 + 0.5, py];
                let w = edges.map(|(e0, e1)| edge(e0, e1, p));
                let inside = (0..3).all(|i| w[i] > 0.0 || (w[i] == 0.0 && top_left[i]));
                if !inside {
                    continue;
                }
                let src: [f32; 4] =
                    std::array::from_fn(|k| (w[0] * ca[k] + w[1] * cb[k] + w[2] * cc[k]) / area);
                blend(&mut self.pixels[y * self.width + x], src);
            }
        }
    }

    /// The rows of pixels a triangle with these corners can touch, and the
    /// left and right ends of its columns, all within the canvas.
    fn pixel_box(&self, [a, b, c]: [[f32; 2]; 3]) -> (std::ops::Range<usize>, f32, f32) {
        let min_y = a[1].min(b[1]).min(c[1]).floor().max(0.0) as usize;
        let max_y = (a[1].max(b[1]).max(c[1]).ceil().max(0.0) as usize).min(self.height);
        let max_x = a[0]
            .max(b[0])
            .max(c[0])
            .ceil()
            .clamp(0.0, self.width as f32);
        let min_x = a[0].min(b[0]).min(c[0]).floor().clamp(0.0, max_x);
        (min_y..max_y, min_x, max_x)
    }
}

/// The triangle wound so that [`edge`] is positive inside, and twice its
/// area; `None` when it has none to speak of.
fn wound(v: Corners) -> Option<(Corners, f32)> {
    let [(a, ca), (mut b, mut cb), (mut c, mut cc)] = v;
    let mut area = edge(a, b, c);
    if area.abs() < 1e-9 {
        return None;
    }
    if area < 0.0 {
        std::mem::swap(&mut b, &mut c);
        std::mem::swap(&mut cb, &mut cc);
        area = -area;
    }
    Some(([(a, ca), (b, cb), (c, cc)], area))
}

/// The columns (between `min_x` and `max_x`) worth testing on the row of
/// pixel centres at `py`: where the row crosses the triangle of `edges`.
fn row_span(
    edges: [([f32; 2], [f32; 2]); 3],
    py: f32,
    min_x: f32,
    max_x: f32,
) -> std::ops::Range<usize> {
    // Each edge function is linear along the row.
    let (mut from, mut to) = (min_x, max_x);
    for (p, q) in edges {
        let slope = -(q[1] - p[1]);
        let at_zero = edge(p, q, [0.0, py]);
        if slope > 0.0 {
            from = from.max(-at_zero / slope - 0.5);
        } else if slope < 0.0 {
            to = to.min(-at_zero / slope - 0.5);
        } else if at_zero < 0.0 {
            to = from - 1.0;
        }
    }
    // One pixel of slack either side (rounding can even cross the two ends
    // of a sliver's span); the exact test decides.
    let (from, to) = (from.min(to), from.max(to));
    let x0 = ((from.floor() - 1.0).max(min_x)) as usize;
    let x1 = ((to.ceil() + 2.0).min(max_x)) as usize;
    x0..x1
}

/// Blends the premultiplied colour `src` (fractions) over the pixel `dst`.
fn blend(dst: &mut Color32, src: [f32; 4]) {
    let keep = 1.0 - src[3];
    let [r, g, b, a] = dst.to_array();
    let out = [r, g, b, a].map(f32::from);
    let mix = |k: usize| ((src[k] * 255.0 + out[k] * keep).round()).clamp(0.0, 255.0) as u8;
    *dst = Color32::from_rgba_premultiplied(mix(0), mix(1), mix(2), mix(3));
}

/// Twice the signed area of (a, b, p): positive when p is to the right of
/// a to b in screen coordinates (y down). Computed from the same end
/// either way round, so two triangles sharing an edge get exactly opposite
/// values and a pixel centre on the edge is never left out by both.
fn edge(a: [f32; 2], b: [f32; 2], p: [f32; 2]) -> f32 {
    let raw =
        |a: [f32; 2], b: [f32; 2]| (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (a[0], a[1]) > (b[0], b[1]) {
        -raw(b, a)
    } else {
        raw(a, b)
    }
}

/// For a triangle wound so that [`edge`] is positive inside: a top edge is
/// horizontal with the inside below it, a left edge goes up.
fn is_top_left(a: [f32; 2], b: [f32; 2]) -> bool {
    let d = [b[0] - a[0], b[1] - a[1]];
    (d[1] == 0.0 && d[0] > 0.0) || d[1] < 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Mesh, Stroke, pos2, vec2};

    fn image(shapes: &[Shape], size: f32) -> ColorImage {
        rasterize(
            shapes,
            Rect::from_min_size(pos2(0.0, 0.0), vec2(size, size)),
            1.0,
        )
    }

    #[test]
    fn a_square_fills_exactly_its_pixels() {
        let red = Color32::from_rgb(200, 0, 0);
        let square =
            Shape::rect_filled(Rect::from_min_max(pos2(2.0, 2.0), pos2(6.0, 6.0)), 0.0, red);
        let img = image(&[square], 8.0);
        // Well inside: solid; well outside: empty.
        assert_eq!(img[(3, 3)], red);
        assert_eq!(img[(4, 4)], red);
        assert_eq!(img[(0, 0)], Color32::TRANSPARENT);
        assert_eq!(img[(7, 7)], Color32::TRANSPARENT);
    }

    #[test]
    fn translucent_triangles_sharing_an_edge_show_no_seam() {
        // A translucent disc is a fan of triangles: every pixel inside must
        // be covered once, or seams would show darker.
        let colour = Color32::from_rgba_unmultiplied(0, 0, 255, 128);
        let disc = Shape::circle_filled(pos2(16.0, 16.0), 12.0, colour);
        let img = image(&[disc], 32.0);
        let centre = img[(16, 16)];
        for y in 8..24 {
            for x in 8..24 {
                assert_eq!(img[(x, y)], centre, "pixel {x},{y}");
            }
        }
        assert!((i32::from(centre.a()) - 128).abs() <= 1);
    }

    #[test]
    fn edges_are_anti_aliased() {
        let line = Shape::line_segment(
            [pos2(2.0, 2.0), pos2(30.0, 20.0)],
            Stroke::new(4.0, Color32::WHITE),
        );
        let img = image(&[line], 32.0);
        let partial = img
            .pixels
            .iter()
            .filter(|p| p.a() > 0 && p.a() < 255)
            .count();
        let solid = img.pixels.iter().filter(|p| p.a() == 255).count();
        assert!(solid > 50, "the line has a solid middle: {solid}");
        assert!(partial > 40, "and soft edges: {partial}");
    }

    #[test]
    fn pixel_centres_on_a_shared_diagonal_are_drawn_once() {
        // Two triangles meeting on a 45-degree line through pixel centres.
        let colour = Color32::from_rgba_premultiplied(0, 0, 100, 100);
        let mut a = Mesh::default();
        for p in [
            pos2(2.0, 2.0),
            pos2(14.0, 14.0),
            pos2(14.0, 2.0),
            pos2(2.0, 14.0),
        ] {
            a.colored_vertex(p, colour);
        }
        a.add_triangle(0, 1, 2);
        a.add_triangle(1, 0, 3);
        let img = image(&[Shape::mesh(a)], 16.0);
        for i in 3..13 {
            let p = img[(i, i)];
            assert_eq!(p.a(), 100, "pixel {i},{i} drawn once: {p:?}");
        }
    }

    #[test]
    fn later_shapes_cover_earlier_ones() {
        let under = Shape::rect_filled(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 8.0)),
            0.0,
            Color32::RED,
        );
        let over = Shape::rect_filled(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 8.0)),
            0.0,
            Color32::GREEN,
        );
        let img = image(&[under, over], 8.0);
        assert_eq!(img[(1, 4)], Color32::GREEN);
        assert_eq!(img[(6, 4)], Color32::RED);
    }

    #[test]
    fn only_occupied_tiles_are_kept() {
        // Two dots far apart in a 64x64 image: two runs, on their rows.
        let dots = [
            Shape::circle_filled(pos2(4.0, 4.0), 2.0, Color32::WHITE),
            Shape::circle_filled(pos2(60.0, 40.0), 2.0, Color32::WHITE),
        ];
        let img = image(&dots, 64.0);
        let runs = occupied_runs(&img, 16);
        assert_eq!(runs, vec![[0, 0, 16, 16], [48, 32, 64, 48]]);
        // Every visible pixel is inside a run.
        for y in 0..64 {
            for x in 0..64 {
                if img[(x, y)].a() > 0 {
                    assert!(
                        runs.iter()
                            .any(|r| (r[0]..r[2]).contains(&x) && (r[1]..r[3]).contains(&y)),
                        "pixel {x},{y} left out"
                    );
                }
            }
        }
    }

    #[test]
    fn bounds_lie_on_whole_pixels_and_inside_the_area() {
        let dot = Shape::circle_filled(pos2(10.3, 10.6), 3.2, Color32::WHITE);
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(12.0, 40.0));
        let b = bounds(&[dot], area, 1.5).unwrap();
        assert!(area.contains_rect(b));
        for v in [b.min.x, b.min.y, b.max.x, b.max.y] {
            assert!(((v * 1.5) - (v * 1.5).round()).abs() < 1e-3, "{b:?}");
        }
        assert!(b.contains(pos2(10.3, 10.6)));
    }
}
