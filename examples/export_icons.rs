//! Writes the app icon, drawn by `rollcoach::ui::icon`, as files for the
//! desktop: `assets/icons/rollcoach.svg` and
//! `assets/icons/hicolor/NxN/apps/rollcoach.png` for each size in
//! [`PNG_SIZES`]. Run it after changing the icon, look at the pictures and
//! commit them; `tests/icons.rs` fails while they are out of date.
//!
//!     cargo run --example export_icons [-- OUTPUT_DIR]

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rollcoach::ui::icon;

/// The sizes of the PNG icons, in pixels.
const PNG_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn main() -> ExitCode {
    let out = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons"),
        PathBuf::from,
    );
    match export(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("export_icons: {message}");
            ExitCode::FAILURE
        }
    }
}

fn export(out: &Path) -> Result<(), String> {
    let svg_path = out.join("rollcoach.svg");
    create_parent(&svg_path)?;
    std::fs::write(&svg_path, icon::svg())
        .map_err(|e| format!("cannot write {}: {e}", svg_path.display()))?;
    println!("{}", svg_path.display());
    for size in PNG_SIZES {
        let path = out.join(format!("hicolor/{size}x{size}/apps/rollcoach.png"));
        create_parent(&path)?;
        write_png(&path, size, &icon::rgba_at(size))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}

fn create_parent(path: &Path) -> Result<(), String> {
    match path.parent() {
        Some(dir) => std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display())),
        None => Ok(()),
    }
}

fn write_png(path: &Path, size: u32, rgba: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
    let file = BufWriter::new(File::create(path)?);
    let mut encoder = png::Encoder::new(file, size, size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(())
}
