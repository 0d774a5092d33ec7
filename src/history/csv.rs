//! The history as CSV for a spreadsheet: one row per exercise and side of
//! every session, the session's check-in beside each.

use super::History;
use crate::model::history::SessionRecord;

/// The first line: the columns' names.
pub const CSV_HEADER: &str = "date,time,utc,routine,stopped_early,exercise,name,area,side,\
seconds,holds,extensions,too_intense,done,sore_before,sore_after,felt";

/// Every session of `history`, oldest first, as CSV (with the header and
/// a line end after each row).
pub fn to_csv(history: &History) -> String {
    let mut out = String::with_capacity(64 + history.sessions.len() * 400);
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for record in history.records() {
        let local = record.started.local();
        let session = [
            local.format("%Y-%m-%d").to_string(),
            local.format("%H:%M").to_string(),
            record.started.utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            record.routine.clone(),
            record.stopped_early.to_string(),
        ];
        let felt = record.felt.map_or("", |f| f.slug());
        for exercise in &record.exercises {
            let rating = |ratings| {
                exercise
                    .area
                    .and_then(|area| SessionRecord::rating_in(ratings, area, exercise.side))
                    .map_or(String::new(), |v| v.to_string())
            };
            let row = [
                exercise.exercise.clone(),
                exercise.name.clone(),
                exercise.area.map_or("", |a| a.slug()).to_owned(),
                exercise.side.map_or("both", |s| s.label()).to_owned(),
                exercise.seconds.to_string(),
                exercise.holds.to_string(),
                exercise.extensions.to_string(),
                exercise.too_intense.to_string(),
                exercise.done.to_string(),
                rating(&record.before),
                rating(&record.after),
                felt.to_owned(),
            ];
            let cells: Vec<String> = session.iter().chain(&row).map(|c| cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// A cell, quoted when it holds a comma, a quote or a line end; a text a
/// spreadsheet would take for a formula starts with a quote mark.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_only_when_they_must_be() {
        assert_eq!(cell("Calves"), "Calves");
        assert_eq!(cell("Feet, calves"), "\"Feet, calves\"");
        assert_eq!(cell("The \"long\" one"), "\"The \"\"long\"\" one\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-3"), "-3");
    }
}
