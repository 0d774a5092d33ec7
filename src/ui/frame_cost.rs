//! Keeps each frame cheap to draw on a software renderer (Mesa's llvmpipe,
//! the usual renderer of virtual machines and remote desktops).
//!
//! Such a renderer shades pixels in 4x4 blocks, once per triangle touching
//! a block. egui fills a rounded rectangle as a fan of triangles from one
//! corner: dozens of slivers crossing the whole shape, so a wide progress
//! bar or a button row is shaded many times over. Just before the frame is
//! handed over, [`lighten`] replaces those fills with a mesh of a centre
//! rectangle, four edge strips and four small corner fans, with the same
//! anti-aliased edge; the look stays the same. (Panels paint no background
//! at all when the window is cleared to their colour: see `panel`.)
//!
//! `benches/frame.rs` counts the shaded pixels of real screens.

use eframe::egui::{self, Color32, LayerId, Mesh, Pos2, Rect, Shape, epaint, pos2, vec2};
use egui::emath::GuiRounding as _;

/// Rewrites the shapes of this frame so they cost less to draw.
pub fn lighten(ctx: &egui::Context) {
    let pixels_per_point = ctx.pixels_per_point();
    let mut layers: Vec<LayerId> = ctx.memory(|m| m.layer_ids().collect());
    if !layers.contains(&LayerId::background()) {
        layers.insert(0, LayerId::background());
    }
    ctx.graphics_mut(|graphics| {
        for layer in layers {
            let Some(list) = graphics.get_mut(layer) else {
                continue;
            };
            for i in 0..list.next_idx().0 {
                list.mutate_shape(egui::layers::ShapeIdx(i), |clipped| {
                    lighten_shape(&mut clipped.shape, pixels_per_point);
                });
            }
        }
    });
}

/// Replaces a rounded rectangle's fill by a cheaper mesh, looking into
/// nested shapes.
fn lighten_shape(shape: &mut Shape, pixels_per_point: f32) {
    match shape {
        Shape::Vec(shapes) => {
            for s in shapes {
                lighten_shape(s, pixels_per_point);
            }
        }
        Shape::Rect(rect) => {
            if let Some(mesh) = rounded_fill(rect, pixels_per_point) {
                let mut outline = rect.clone();
                outline.fill = Color32::TRANSPARENT;
                *shape = if outline.stroke.is_empty() {
                    Shape::mesh(mesh)
                } else {
                    Shape::Vec(vec![Shape::mesh(mesh), Shape::Rect(outline)])
                };
            }
        }
        _ => {}
    }
}

/// The fill of a rounded rectangle as a cheap mesh, or `None` for the
/// rectangles better left to egui (square, tiny, blurred, rotated,
/// textured, or mostly stroke).
fn rounded_fill(shape: &epaint::RectShape, pixels_per_point: f32) -> Option<Mesh> {
    let feather = 1.0 / pixels_per_point;
    let radius = shape.corner_radius;
    if shape.fill == Color32::TRANSPARENT
        || radius == egui::CornerRadius::ZERO
        || shape.brush.is_some()
        || shape.blur_width > 0.0
        || shape.angle != 0.0
    {
        return None;
    }
    let mut rect = shape.rect;
    if shape.round_to_pixels.unwrap_or(true) {
        rect = rect.round_to_pixels(pixels_per_point);
    }
    let min_side = rect.size().min_elem();
    if !rect.is_finite() || min_side <= 2.0 * shape.stroke.width + 4.0 * feather {
        return None;
    }
    let max_r = min_side / 2.0;
    let radii = [radius.nw, radius.ne, radius.se, radius.sw].map(|r| f32::from(r).min(max_r));
    Some(rounded_rect_mesh(rect, radii, shape.fill, feather))
}

/// A filled rounded rectangle with an anti-aliased edge `feather` wide.
/// `radii` are the corners' radii clockwise from the top left.
pub fn rounded_rect_mesh(rect: Rect, radii: [f32; 4], fill: Color32, feather: f32) -> Mesh {
    let half = feather / 2.0;
    // Corner centres, clockwise from the top left, and the angle each
    // corner's arc starts at (screen coordinates: y down).
    let centres = [
        pos2(rect.left() + radii[0], rect.top() + radii[0]),
        pos2(rect.right() - radii[1], rect.top() + radii[1]),
        pos2(rect.right() - radii[2], rect.bottom() - radii[2]),
        pos2(rect.left() + radii[3], rect.bottom() - radii[3]),
    ];
    let starts = [180.0f32, 270.0, 0.0, 90.0];

    let mut mesh = Mesh::default();
    let vertex = |mesh: &mut Mesh, pos: Pos2, colour: Color32| {
        let index = mesh.vertices.len() as u32;
        mesh.vertices.push(epaint::Vertex {
            pos,
            uv: epaint::WHITE_UV,
            color: colour,
        });
        index
    };

    // The outline: each corner's arc, inset by half the feather (solid)
    // and outset by half the feather (transparent), as pairs.
    let mut outline: Vec<(u32, u32)> = Vec::new();
    let mut corner_ranges = [(0usize, 0usize); 4];
    let mut centre_ids = [0u32; 4];
    for corner in 0..4 {
        let r = radii[corner];
        let centre = centres[corner];
        centre_ids[corner] = vertex(&mut mesh, centre, fill);
        let first = outline.len();
        if r > 0.0 {
            // As many steps per corner as egui takes for the radius.
            let segments = match r {
                r if r <= 2.0 => 2,
                r if r <= 5.0 => 4,
                r if r < 18.0 => 8,
                r if r < 50.0 => 16,
                _ => 32,
            };
            for s in 0..=segments {
                let angle = (starts[corner] + 90.0 * s as f32 / segments as f32).to_radians();
                let dir = vec2(angle.cos(), angle.sin());
                let i = vertex(&mut mesh, centre + dir * (r - half).max(0.0), fill);
                let o = vertex(&mut mesh, centre + dir * (r + half), Color32::TRANSPARENT);
                outline.push((i, o));
            }
        } else {
            // A square corner: its point moves diagonally, half the feather
            // along each side.
            let d = corner_diagonal(corner) * half;
            let i = vertex(&mut mesh, centre - d, fill);
            let o = vertex(&mut mesh, centre + d, Color32::TRANSPARENT);
            outline.push((i, o));
        }
        corner_ranges[corner] = (first, outline.len());
    }

    // Corner fans around each centre.
    for corner in 0..4 {
        let (first, end) = corner_ranges[corner];
        for k in first..end - 1 {
            mesh.add_triangle(centre_ids[corner], outline[k].0, outline[k + 1].0);
        }
    }
    // Edge strips between neighbouring corners, and the centre rectangle.
    for corner in 0..4 {
        let next = (corner + 1) % 4;
        let last_of_this = outline[corner_ranges[corner].1 - 1].0;
        let first_of_next = outline[corner_ranges[next].0].0;
        mesh.add_triangle(centre_ids[corner], last_of_this, first_of_next);
        mesh.add_triangle(centre_ids[corner], first_of_next, centre_ids[next]);
    }
    mesh.add_triangle(centre_ids[0], centre_ids[1], centre_ids[2]);
    mesh.add_triangle(centre_ids[0], centre_ids[2], centre_ids[3]);

    // The feathered edge all around.
    let n = outline.len();
    for k in 0..n {
        let (i0, o0) = outline[k];
        let (i1, o1) = outline[(k + 1) % n];
        mesh.add_triangle(i0, i1, o1);
        mesh.add_triangle(i0, o1, o0);
    }
    mesh
}

/// The outward diagonal of a square corner, clockwise from the top left.
fn corner_diagonal(corner: usize) -> egui::Vec2 {
    match corner {
        0 => vec2(-1.0, -1.0),
        1 => vec2(1.0, -1.0),
        2 => vec2(1.0, 1.0),
        _ => vec2(-1.0, 1.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::widgets::raster;

    fn max_difference(a: &egui::ColorImage, b: &egui::ColorImage) -> u8 {
        a.pixels
            .iter()
            .zip(&b.pixels)
            .flat_map(|(p, q)| {
                let (p, q) = (p.to_array(), q.to_array());
                (0..4).map(move |k| p[k].abs_diff(q[k]))
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn a_rounded_fill_looks_as_egui_draws_it() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(120.0, 60.0));
        for (rect, radius, ppp) in [
            (
                Rect::from_min_max(pos2(4.0, 4.0), pos2(116.0, 40.0)),
                8u8,
                1.0f32,
            ),
            (
                Rect::from_min_max(pos2(10.0, 10.0), pos2(110.0, 24.0)),
                7,
                1.0,
            ),
            (
                Rect::from_min_max(pos2(3.0, 5.0), pos2(90.0, 55.0)),
                12,
                1.5,
            ),
        ] {
            let fill = Color32::from_rgb(40, 110, 180);
            let shape = epaint::RectShape::filled(rect, radius, fill);
            let egui_drawn = raster::rasterize(&[Shape::Rect(shape.clone())], area, ppp);
            let mut lightened = Shape::Rect(shape);
            lighten_shape(&mut lightened, ppp);
            assert!(matches!(lightened, Shape::Mesh(_)), "the fill was replaced");
            let ours = raster::rasterize(&[lightened], area, ppp);
            // The same pixels; the edge's anti-aliasing may differ a little
            // where the corners' curves are cut into other steps.
            let worst = max_difference(&egui_drawn, &ours);
            assert!(worst <= 64, "{rect:?} r{radius}: {worst}");
            let coverage =
                |img: &egui::ColorImage| img.pixels.iter().map(|p| u32::from(p.a())).sum::<u32>();
            let (a, b) = (coverage(&egui_drawn), coverage(&ours));
            assert!(a.abs_diff(b) * 200 < a, "area {a} against {b}");
        }
    }

    #[test]
    fn the_outline_stays_when_the_fill_is_replaced() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 40.0));
        let mut shape = Shape::Rect(epaint::RectShape::new(
            rect,
            6,
            Color32::WHITE,
            egui::Stroke::new(1.0, Color32::BLACK),
            egui::StrokeKind::Inside,
        ));
        lighten_shape(&mut shape, 1.0);
        let Shape::Vec(parts) = shape else {
            panic!("a fill and an outline")
        };
        assert!(matches!(&parts[0], Shape::Mesh(_)));
        assert!(
            matches!(&parts[1], Shape::Rect(r) if r.fill == Color32::TRANSPARENT && !r.stroke.is_empty())
        );
    }

    #[test]
    fn square_and_blurred_rectangles_are_left_to_egui() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 40.0));
        let mut square = Shape::Rect(epaint::RectShape::filled(rect, 0, Color32::WHITE));
        lighten_shape(&mut square, 1.0);
        assert!(matches!(square, Shape::Rect(_)));
        let mut shadow = epaint::RectShape::filled(rect, 8, Color32::BLACK);
        shadow.blur_width = 12.0;
        let mut shadow = Shape::Rect(shadow);
        lighten_shape(&mut shadow, 1.0);
        assert!(matches!(shadow, Shape::Rect(_)));
    }
}
