//! The app icon: a roller seen end-on under a leg, on a rounded tile. Same
//! shapes and colours as the exercise pictures.
//!
//! The shapes are data ([`LAYERS`]), drawn two ways from that one source: as
//! pixels at any size ([`rgba_at`], for the window icon and the PNG icons)
//! and as SVG ([`svg`], for the scalable icon). `examples/export_icons.rs`
//! writes both into `assets/icons/`, and `tests/icons.rs` checks that the
//! files there still match.

use std::fmt::Write as _;

/// Side of the window icon, in pixels.
pub const SIZE: u32 = 256;

/// Side of the SVG's view box: its coordinates are those of the 256-pixel
/// raster.
const SVG_SIDE: f32 = 256.0;

/// A shape, with every length a fraction of the icon's side and (0, 0) at the
/// top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A square with rounded corners.
    RoundedSquare {
        /// The top left corner.
        corner: (f32, f32),
        side: f32,
        /// Radius of the corners.
        radius: f32,
    },
    /// A filled circle.
    Circle { centre: (f32, f32), radius: f32 },
    /// A line with round ends: every point within `radius` of the segment.
    Capsule {
        from: (f32, f32),
        to: (f32, f32),
        radius: f32,
    },
}

/// One shape in one colour. Layers are painted in order, back to front.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layer {
    pub shape: Shape,
    /// sRGB colour, opaque.
    pub colour: [u8; 3],
}

const TILE: [u8; 3] = [0x2b, 0x34, 0x40];
const FLOOR: [u8; 3] = [0x6a, 0x73, 0x7e];
const ROLLER: [u8; 3] = [0x4f, 0xa3, 0xe0];
const CORE: [u8; 3] = [0x1d, 0x3d, 0x57];
const LEG: [u8; 3] = [0xd3, 0xda, 0xe2];
/// The orange of the worked muscle in the exercise pictures.
const ACCENT: [u8; 3] = [0xff, 0x8c, 0x42];

/// A length on the 16-unit grid the icon is designed on, as a fraction of
/// the side. Edges on this grid fall on whole pixels at 16 pixels and every
/// multiple, which keeps the small icons sharp.
const fn grid(units: f32) -> f32 {
    units / 16.0
}

/// The icon, back to front.
pub const LAYERS: [Layer; 7] = [
    Layer {
        shape: Shape::RoundedSquare {
            corner: (grid(1.0), grid(1.0)),
            side: grid(14.0),
            radius: grid(3.0),
        },
        colour: TILE,
    },
    // The floor.
    Layer {
        shape: Shape::Capsule {
            from: (grid(3.5), grid(13.5)),
            to: (grid(12.5), grid(13.5)),
            radius: grid(0.5),
        },
        colour: FLOOR,
    },
    // The roller, end-on, and its core.
    Layer {
        shape: Shape::Circle {
            centre: (grid(8.0), grid(10.0)),
            radius: grid(3.0),
        },
        colour: ROLLER,
    },
    Layer {
        shape: Shape::Circle {
            centre: (grid(8.0), grid(10.0)),
            radius: grid(1.25),
        },
        colour: CORE,
    },
    // The leg lying on the roller, with the worked muscle.
    Layer {
        shape: Shape::Capsule {
            from: (grid(3.5), grid(6.5)),
            to: (grid(12.5), grid(6.5)),
            radius: grid(1.5),
        },
        colour: LEG,
    },
    Layer {
        shape: Shape::Capsule {
            from: (grid(6.5), grid(6.5)),
            to: (grid(9.5), grid(6.5)),
            radius: grid(1.5),
        },
        colour: ACCENT,
    },
    // The way to roll.
    Layer {
        shape: Shape::Capsule {
            from: (grid(5.5), grid(3.5)),
            to: (grid(10.5), grid(3.5)),
            radius: grid(0.5),
        },
        colour: ACCENT,
    },
];

/// The icon as RGBA pixels (sRGB, straight alpha), `size` by `size`, row by
/// row from the top.
pub fn rgba_at(size: u32) -> Vec<u8> {
    let n = size as f32;
    let mut out = Vec::with_capacity(size as usize * size as usize * 4);
    for y in 0..size {
        for x in 0..size {
            // The pixel's centre, as a fraction of the side.
            let p = ((x as f32 + 0.5) / n, (y as f32 + 0.5) / n);
            // Premultiplied colour and coverage, painted back to front.
            let mut rgb = [0.0f32; 3];
            let mut alpha = 0.0f32;
            for layer in &LAYERS {
                // Distance in pixels; half a pixel of ramp either side of
                // the edge smooths it.
                let cover = (0.5 - layer.shape.distance(p) * n).clamp(0.0, 1.0);
                if cover > 0.0 {
                    for (channel, c) in rgb.iter_mut().zip(layer.colour) {
                        *channel = f32::from(c) * cover + *channel * (1.0 - cover);
                    }
                    alpha = cover + alpha * (1.0 - cover);
                }
            }
            if alpha > 0.0 {
                out.extend(rgb.map(|v| (v / alpha).round().clamp(0.0, 255.0) as u8));
            } else {
                out.extend([0, 0, 0]);
            }
            out.push((alpha * 255.0).round() as u8);
        }
    }
    out
}

/// The icon at [`SIZE`] as RGBA pixels.
pub fn rgba() -> Vec<u8> {
    rgba_at(SIZE)
}

/// The icon for the window.
pub fn window_icon() -> eframe::egui::IconData {
    eframe::egui::IconData {
        rgba: rgba(),
        width: SIZE,
        height: SIZE,
    }
}

/// The icon as an SVG document: the same shapes and colours as [`rgba_at`].
pub fn svg() -> String {
    let side = num(SVG_SIDE);
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{side}" height="{side}" viewBox="0 0 {side} {side}">"#
    );
    out.push_str("  <title>Rollcoach</title>\n");
    for layer in &LAYERS {
        let [r, g, b] = layer.colour;
        let colour = format!("#{r:02x}{g:02x}{b:02x}");
        let s = |v: f32| num(v * SVG_SIDE);
        let _ = match layer.shape {
            Shape::RoundedSquare {
                corner,
                side,
                radius,
            } => writeln!(
                out,
                r#"  <rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{colour}"/>"#,
                s(corner.0),
                s(corner.1),
                s(side),
                s(side),
                s(radius)
            ),
            Shape::Circle { centre, radius } => writeln!(
                out,
                r#"  <circle cx="{}" cy="{}" r="{}" fill="{colour}"/>"#,
                s(centre.0),
                s(centre.1),
                s(radius)
            ),
            Shape::Capsule { from, to, radius } => writeln!(
                out,
                r#"  <line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}" stroke-linecap="round"/>"#,
                s(from.0),
                s(from.1),
                s(to.0),
                s(to.1),
                s(2.0 * radius)
            ),
        };
    }
    out.push_str("</svg>\n");
    out
}

/// A coordinate for the SVG: at most three decimals, no trailing zeros.
fn num(v: f32) -> String {
    let text = format!("{v:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

impl Shape {
    /// Signed distance from `p` to the shape's edge: negative inside. In
    /// fractions of the side, like the shape.
    fn distance(&self, p: (f32, f32)) -> f32 {
        match *self {
            Shape::RoundedSquare {
                corner,
                side,
                radius,
            } => {
                let half = side / 2.0;
                let qx = (p.0 - corner.0 - half).abs() - (half - radius);
                let qy = (p.1 - corner.1 - half).abs() - (half - radius);
                let (ox, oy) = (qx.max(0.0), qy.max(0.0));
                (ox * ox + oy * oy).sqrt() + qx.max(qy).min(0.0) - radius
            }
            Shape::Circle { centre, radius } => {
                let (dx, dy) = (p.0 - centre.0, p.1 - centre.1);
                (dx * dx + dy * dy).sqrt() - radius
            }
            Shape::Capsule { from, to, radius } => {
                let (bax, bay) = (to.0 - from.0, to.1 - from.1);
                let (pax, pay) = (p.0 - from.0, p.1 - from.1);
                let h = ((pax * bax + pay * bay) / (bax * bax + bay * bay)).clamp(0.0, 1.0);
                let (dx, dy) = (pax - bax * h, pay - bay * h);
                (dx * dx + dy * dy).sqrt() - radius
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(px: &[u8], size: u32, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * size + x) * 4) as usize;
        [px[i], px[i + 1], px[i + 2], px[i + 3]]
    }

    #[test]
    fn icon_is_square_opaque_in_the_middle_and_clear_in_the_corners() {
        let px = rgba();
        let n = SIZE as usize;
        assert_eq!(px.len(), n * n * 4);
        let alpha = |x: usize, y: usize| px[(y * n + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(n / 2, n / 2), 255);
    }

    #[test]
    fn every_size_shows_each_part_in_its_own_colour() {
        for size in [16, 32, 48, 64, 128, 256, 512] {
            let px = rgba_at(size);
            assert_eq!(px.len(), (size * size * 4) as usize, "{size}");
            // The pixel under a point of the design grid.
            let at = |gx: f32, gy: f32| {
                let i = |g: f32| (grid(g) * size as f32) as u32;
                pixel(&px, size, i(gx), i(gy))
            };
            assert_eq!(at(0.0, 0.0)[3], 0, "corner clear at {size}");
            let spots = [
                ((1.5, 9.5), TILE),
                ((5.5, 13.5), FLOOR),
                ((6.5, 11.5), ROLLER),
                ((8.0, 10.0), CORE),
                ((3.5, 6.5), LEG),
                ((8.0, 6.5), ACCENT),
                ((8.0, 3.5), ACCENT),
            ];
            for ((gx, gy), [r, g, b]) in spots {
                assert_eq!(at(gx, gy), [r, g, b, 255], "at {gx},{gy} at {size}");
            }
        }
    }

    #[test]
    fn the_smallest_icon_has_sharp_edges() {
        // At 16 pixels the way to roll is one clean row of six pixels.
        let px = rgba_at(16);
        let colour = |[r, g, b]: [u8; 3]| [r, g, b, 255];
        for x in 5..11 {
            assert_eq!(pixel(&px, 16, x, 3), colour(ACCENT), "x {x}");
            assert_eq!(pixel(&px, 16, x, 2), colour(TILE), "x {x}");
            assert_eq!(pixel(&px, 16, x, 4), colour(TILE), "x {x}");
        }
        assert_eq!(pixel(&px, 16, 4, 3), colour(TILE));
        assert_eq!(pixel(&px, 16, 11, 3), colour(TILE));
        // The leg fills three whole rows.
        for y in 5..8 {
            assert_eq!(pixel(&px, 16, 3, y), colour(LEG), "y {y}");
        }
        // The tile's straight edges are whole pixels.
        assert_eq!(pixel(&px, 16, 0, 8)[3], 0);
        assert_eq!(pixel(&px, 16, 1, 8)[3], 255);
    }

    #[test]
    fn distances_are_negative_inside_and_positive_outside() {
        let circle = Shape::Circle {
            centre: (0.5, 0.5),
            radius: 0.25,
        };
        assert!((circle.distance((0.5, 0.5)) + 0.25).abs() < 1e-6);
        assert!((circle.distance((1.0, 0.5)) - 0.25).abs() < 1e-6);
        let capsule = Shape::Capsule {
            from: (0.2, 0.5),
            to: (0.8, 0.5),
            radius: 0.1,
        };
        assert!((capsule.distance((0.5, 0.5)) + 0.1).abs() < 1e-6);
        assert!((capsule.distance((0.9, 0.5))).abs() < 1e-6);
        assert!((capsule.distance((0.5, 0.7)) - 0.1).abs() < 1e-6);
        let square = Shape::RoundedSquare {
            corner: (0.0, 0.0),
            side: 1.0,
            radius: 0.2,
        };
        assert!(square.distance((0.5, 0.5)) < 0.0);
        assert!((square.distance((0.5, 0.0))).abs() < 1e-6);
        // The corner is cut by the radius: (0, 0) is outside.
        let d = square.distance((0.0, 0.0));
        assert!((d - (0.2 * 2f32.sqrt() - 0.2)).abs() < 1e-6);
    }

    #[test]
    fn svg_has_one_element_per_layer_in_the_same_order() {
        let svg = svg();
        let elements: Vec<&str> = svg
            .lines()
            .map(str::trim)
            .filter(|l| {
                l.starts_with("<rect") || l.starts_with("<circle") || l.starts_with("<line")
            })
            .collect();
        assert_eq!(elements.len(), LAYERS.len());
        assert!(elements[0].starts_with(
            r##"<rect x="16" y="16" width="224" height="224" rx="48" fill="#2b3440""##
        ));
        assert!(elements[2].starts_with(r##"<circle cx="128" cy="160" r="48" fill="#4fa3e0""##));
        assert!(elements[6].contains(r#"stroke-linecap="round""#));
        assert!(elements[1].contains(r#"stroke-width="16""#));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(4.0), "4");
        assert_eq!(num(51.2), "51.2");
        assert_eq!(num(4.608), "4.608");
        assert_eq!(num(0.0001), "0");
        assert_eq!(num(-0.0001), "0");
    }
}
