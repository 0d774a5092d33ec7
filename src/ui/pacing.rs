//! How often the pacing animation is drawn: smoothly where a graphics card
//! draws the window, a few times a second where the processor does (a
//! software renderer pays for every pixel of every frame), or when the
//! person asks for less motion.

use std::time::Duration;

/// Frames a second of the pacing animation on a graphics card: smooth to
/// the eye, and no more than any display shows.
pub const SMOOTH_FPS: u32 = 30;

/// Frames a second under a software renderer or with "Reduce motion": a
/// marker moving a few centimetres a second is still easy to follow, and
/// the whole routine stays light (see the README's Performance section).
pub const LOW_FPS: u32 = 5;

/// Names (or parts of names) that OpenGL, Vulkan and Direct3D give their
/// software renderers: Mesa's llvmpipe, softpipe and lavapipe, Google's
/// SwiftShader, Microsoft's basic render driver and GDI fallback, and
/// Apple's software renderer.
const SOFTWARE: [&str; 8] = [
    "llvmpipe",
    "softpipe",
    "lavapipe",
    "swiftshader",
    "microsoft basic render",
    "gdi generic",
    "apple software renderer",
    "software rasterizer",
];

/// Whether the renderer called `name` draws with the processor.
pub fn is_software(name: &str) -> bool {
    let name = name.to_lowercase();
    SOFTWARE.iter().any(|s| name.contains(s))
}

/// How the pacing animation is drawn, chosen once the window is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pacing {
    /// The renderer's name, as it gives it; `None` where it is not known
    /// (tests, and renderers that do not say).
    pub renderer: Option<String>,
    /// Whether that renderer draws with the processor.
    pub software: bool,
}

impl Pacing {
    /// For the renderer called `renderer`. One that does not say is taken
    /// for a software one: the low rate is always safe.
    pub fn for_renderer(renderer: Option<String>) -> Pacing {
        let software = renderer.as_deref().is_none_or(is_software);
        Pacing { renderer, software }
    }

    /// Frames a second with or without `reduce_motion`.
    pub fn fps(&self, reduce_motion: bool) -> u32 {
        if self.software || reduce_motion {
            LOW_FPS
        } else {
            SMOOTH_FPS
        }
    }

    /// The time between two frames of the animation.
    pub fn frame(&self, reduce_motion: bool) -> Duration {
        Duration::from_secs(1) / self.fps(reduce_motion)
    }

    /// One line for the log: the renderer and the rate chosen.
    pub fn describe(&self, reduce_motion: bool) -> String {
        let renderer = self.renderer.as_deref().unwrap_or("an unnamed renderer");
        let why = match (self.software, reduce_motion) {
            (true, _) => ", a software renderer",
            (false, true) => ", with Reduce motion on",
            (false, false) => "",
        };
        format!(
            "drawing with {renderer}{why}: the pacing animation at {} frames a second",
            self.fps(reduce_motion)
        )
    }
}

/// The name the OpenGL driver gives its renderer.
#[allow(unsafe_code)]
pub fn gl_renderer(gl: &eframe::glow::Context) -> Option<String> {
    use eframe::glow::HasContext as _;
    // SAFETY: eframe makes its context current before it hands it over, and
    // RENDERER is a string every OpenGL implementation must answer (glow
    // copies it out).
    let name = unsafe { gl.get_parameter_string(eframe::glow::RENDERER) };
    let name = name.trim().to_owned();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_renderers_are_known_by_name() {
        for name in [
            "llvmpipe (LLVM 15.0.6, 256 bits)",
            "softpipe",
            "llvmpipe (LLVM 19.1.7, 128 bits)",
            "Google SwiftShader",
            "Microsoft Basic Render Driver",
            "GDI Generic",
            "Apple Software Renderer",
        ] {
            assert!(is_software(name), "{name}");
        }
        for name in [
            "Mesa Intel(R) UHD Graphics 620 (KBL GT2)",
            "AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6, DRM 3.49)",
            "NVIDIA GeForce RTX 3060/PCIe/SSE2",
            "Apple M1",
            "virgl (Intel UHD Graphics)",
        ] {
            assert!(!is_software(name), "{name}");
        }
    }

    #[test]
    fn the_frame_rate_follows_the_renderer_and_reduce_motion() {
        let card = Pacing::for_renderer(Some("NVIDIA GeForce RTX 3060/PCIe/SSE2".into()));
        assert_eq!(card.fps(false), 30);
        assert_eq!(card.frame(false), Duration::from_nanos(33_333_333));
        assert_eq!(card.fps(true), 5, "Reduce motion asks for the low rate");
        let cpu = Pacing::for_renderer(Some("llvmpipe (LLVM 15.0.6, 256 bits)".into()));
        assert_eq!(cpu.fps(false), 5);
        assert_eq!(cpu.frame(false), Duration::from_millis(200));
        let unknown = Pacing::for_renderer(None);
        assert_eq!(
            unknown.fps(false),
            5,
            "an unknown renderer gets the safe rate"
        );
        assert!(cpu.describe(false).ends_with("at 5 frames a second"));
        assert!(card.describe(false).contains("NVIDIA"));
    }
}
