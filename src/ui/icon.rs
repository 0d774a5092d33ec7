//! The app icon, drawn in code: a roller seen end-on under a leg, on a
//! rounded tile. Same shapes and colours as the exercise pictures.

/// Side of the square icon, in pixels.
pub const SIZE: u32 = 256;

/// The icon as RGBA pixels, `SIZE` by `SIZE`.
pub fn rgba() -> Vec<u8> {
    let n = SIZE as f32;
    let mut out = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    let tile: [u8; 3] = [0x2b, 0x34, 0x40];
    let roller: [u8; 3] = [0x4f, 0xa3, 0xe0];
    let core: [u8; 3] = [0x1d, 0x3d, 0x57];
    let leg: [u8; 3] = [0xd3, 0xda, 0xe2];
    let accent: [u8; 3] = [0xff, 0x8c, 0x42];
    let floor: [u8; 3] = [0x6a, 0x73, 0x7e];
    for y in 0..SIZE {
        for x in 0..SIZE {
            let p = (x as f32 + 0.5, y as f32 + 0.5);
            // Layers from back to front: (signed distance, colour).
            let layers = [
                (rounded_square(p, n / 2.0, n / 2.0 - 4.0, n * 0.2), tile),
                (
                    capsule(p, (n * 0.14, n * 0.82), (n * 0.86, n * 0.82), n * 0.018),
                    floor,
                ),
                (circle(p, (n * 0.5, n * 0.66), n * 0.15), roller),
                (circle(p, (n * 0.5, n * 0.66), n * 0.055), core),
                (
                    capsule(p, (n * 0.2, n * 0.42), (n * 0.8, n * 0.42), n * 0.085),
                    leg,
                ),
                (
                    capsule(p, (n * 0.4, n * 0.42), (n * 0.6, n * 0.42), n * 0.095),
                    accent,
                ),
                (
                    capsule(p, (n * 0.3, n * 0.22), (n * 0.7, n * 0.22), n * 0.022),
                    accent,
                ),
            ];
            let mut rgb = [0.0f32; 3];
            let mut alpha = 0.0f32;
            for (i, (d, c)) in layers.iter().enumerate() {
                let cover = (0.5 - d).clamp(0.0, 1.0);
                if i == 0 {
                    alpha = cover;
                    rgb = c.map(f32::from);
                } else if cover > 0.0 {
                    for k in 0..3 {
                        rgb[k] = rgb[k] * (1.0 - cover) + f32::from(c[k]) * cover;
                    }
                }
            }
            out.extend(rgb.map(|v| v.round() as u8));
            out.push((alpha * 255.0).round() as u8);
        }
    }
    out
}

/// The icon for the window.
pub fn window_icon() -> eframe::egui::IconData {
    eframe::egui::IconData {
        rgba: rgba(),
        width: SIZE,
        height: SIZE,
    }
}

fn circle(p: (f32, f32), c: (f32, f32), r: f32) -> f32 {
    ((p.0 - c.0).powi(2) + (p.1 - c.1).powi(2)).sqrt() - r
}

fn capsule(p: (f32, f32), a: (f32, f32), b: (f32, f32), r: f32) -> f32 {
    let (bax, bay) = (b.0 - a.0, b.1 - a.1);
    let (pax, pay) = (p.0 - a.0, p.1 - a.1);
    let h = ((pax * bax + pay * bay) / (bax * bax + bay * bay)).clamp(0.0, 1.0);
    ((pax - bax * h).powi(2) + (pay - bay * h).powi(2)).sqrt() - r
}

fn rounded_square(p: (f32, f32), centre: f32, half: f32, radius: f32) -> f32 {
    let qx = (p.0 - centre).abs() - (half - radius);
    let qy = (p.1 - centre).abs() - (half - radius);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - radius
}

#[cfg(test)]
mod tests {
    #[test]
    fn icon_is_square_opaque_in_the_middle_and_clear_in_the_corners() {
        let px = super::rgba();
        let n = super::SIZE as usize;
        assert_eq!(px.len(), n * n * 4);
        let alpha = |x: usize, y: usize| px[(y * n + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(n / 2, n / 2), 255);
    }
}
