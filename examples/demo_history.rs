//! Fills a data folder with about three months of real-looking sessions,
//! to see the Progress screen as a returning person does.
//!
//!   cargo run --example demo_history -- FOLDER [DAYS]
//!   cargo run --release -- --data-dir FOLDER

#[path = "history/generate.rs"]
mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: demo_history FOLDER [DAYS]");
        std::process::exit(2);
    };
    let days = args.next().and_then(|d| d.parse().ok()).unwrap_or(90);
    let today = chrono::Local::now().date_naive();
    let written = generate::write_history(std::path::Path::new(&dir), days, today, false);
    println!("{written} sessions over {days} days in {dir}/history");
}
