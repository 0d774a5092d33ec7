//! The icon files in `assets/icons/` are what `rollcoach::ui::icon` draws
//! now, so the desktop icons and the window icon cannot drift apart. After a
//! change to the icon, `cargo run --example export_icons` writes them anew.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed test

use std::path::{Path, PathBuf};

use rollcoach::ui::icon;

mod xml;
use xml::check_well_formed;

const PNG_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];
const REGENERATE: &str = "out of date: run `cargo run --example export_icons`";

fn icons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons")
}

/// A PNG file's size and RGBA pixels.
fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut pixels = vec![0; reader.output_buffer_size().expect("buffer size fits")];
    let info = reader
        .next_frame(&mut pixels)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        (info.color_type, info.bit_depth),
        (png::ColorType::Rgba, png::BitDepth::Eight),
        "{} is not 8-bit RGBA",
        path.display()
    );
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
fn png_icons_are_what_the_code_draws() {
    for size in PNG_SIZES {
        let path = icons_dir().join(format!("hicolor/{size}x{size}/apps/rollcoach.png"));
        let (width, height, pixels) = read_png(&path);
        assert_eq!((width, height), (size, size), "{}", path.display());
        let expected = icon::rgba_at(size);
        let differing = pixels
            .chunks(4)
            .zip(expected.chunks(4))
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(
            differing,
            0,
            "{}: {differing} pixels differ, {REGENERATE}",
            path.display()
        );
    }
}

#[test]
fn the_window_icon_is_the_256_pixel_png() {
    let window = icon::window_icon();
    let (width, height, pixels) = read_png(&icons_dir().join("hicolor/256x256/apps/rollcoach.png"));
    assert_eq!((window.width, window.height), (width, height));
    assert!(
        window.rgba == pixels,
        "the window icon differs from the PNG"
    );
}

#[test]
fn svg_icon_is_what_the_code_draws() {
    let path = icons_dir().join("rollcoach.svg");
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(file == icon::svg(), "{} is {REGENERATE}", path.display());
}

#[test]
fn svg_icon_is_well_formed_and_square() {
    let svg = icon::svg();
    let root = check_well_formed(&svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
    assert_eq!(root, "svg");
    let open = svg.lines().next().unwrap_or_default();
    for attribute in [
        r#"xmlns="http://www.w3.org/2000/svg""#,
        r#"width="256""#,
        r#"height="256""#,
        r#"viewBox="0 0 256 256""#,
    ] {
        assert!(open.contains(attribute), "{attribute} missing in {open}");
    }
    // One shape for each layer, back to front, and nothing the desktop's
    // renderers might not draw.
    let shapes: Vec<&str> = svg
        .split('<')
        .skip(1)
        .filter_map(|tag| tag.split([' ', '>', '/']).next())
        .filter(|name| !matches!(*name, "" | "svg" | "title"))
        .collect();
    assert_eq!(shapes.len(), icon::LAYERS.len(), "{shapes:?}");
    for (name, layer) in shapes.iter().zip(icon::LAYERS) {
        let expected = match layer.shape {
            icon::Shape::RoundedSquare { .. } => "rect",
            icon::Shape::Circle { .. } => "circle",
            icon::Shape::Capsule { .. } => "line",
        };
        assert_eq!(*name, expected);
    }
}
