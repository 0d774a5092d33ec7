//! Times in words and digits, as the screens show them.

use std::time::Duration;

/// "1:05", "0:09": whole seconds, rounded up so 0:00 shows only at the end.
pub fn clock_text(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// A length of time as people say it: "19 min", "4 min 35 s", "45 s"
/// (whole seconds, rounded to the nearest).
pub fn length_text(length: Duration) -> String {
    let secs = (length.as_secs_f64().round()) as u64;
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_read_as_people_say_them() {
        let s = Duration::from_secs;
        assert_eq!(length_text(s(19 * 60)), "19 min");
        assert_eq!(length_text(s(4 * 60 + 35)), "4 min 35 s");
        assert_eq!(length_text(s(45)), "45 s");
        assert_eq!(length_text(Duration::from_millis(59_600)), "1 min");
    }

    #[test]
    fn the_clock_rounds_up() {
        assert_eq!(clock_text(Duration::from_millis(8_200)), "0:09");
        assert_eq!(clock_text(Duration::from_secs(65)), "1:05");
        assert_eq!(clock_text(Duration::ZERO), "0:00");
    }
}
