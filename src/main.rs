//! Starts Rollcoach: reads the command line, then opens the window.

use std::process::ExitCode;

use clap::Parser;
use eframe::egui;
use rollcoach::catalog::Catalog;
use rollcoach::cli::Cli;
use rollcoach::store::DataDir;
use rollcoach::ui::{self, RollcoachApp, StartOptions};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();

    let catalog = match Catalog::builtin() {
        Ok(catalog) => catalog,
        Err(problems) => {
            eprintln!("rollcoach: the built-in exercise library is damaged:");
            for p in problems {
                eprintln!("  {p}");
            }
            return ExitCode::FAILURE;
        }
    };
    if cli.list_exercises {
        print!("{}", catalog.listing());
        return ExitCode::SUCCESS;
    }
    if cli.list_routines {
        for routine in catalog.routines() {
            println!("{}", routine.name);
        }
        return ExitCode::SUCCESS;
    }
    let start_routine = match &cli.start {
        None => None,
        Some(name) => match catalog.routine(name) {
            Some(routine) => Some(routine.clone()),
            None => {
                eprintln!("rollcoach: there is no routine called \"{name}\". The routines are:");
                for routine in catalog.routines() {
                    eprintln!("  {}", routine.name);
                }
                return ExitCode::from(2);
            }
        },
    };

    let options = StartOptions {
        data_dir: cli.data_dir.map(DataDir::at),
        start_routine,
        ..StartOptions::default()
    };
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(ui::APP_TITLE)
            .with_app_id(ui::APP_ID)
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size([720.0, 520.0])
            .with_icon(ui::icon::window_icon()),
        ..Default::default()
    };
    let result = eframe::run_native(
        ui::APP_TITLE,
        native_options,
        Box::new(|cc| Ok(Box::new(RollcoachApp::new(&cc.egui_ctx, catalog, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rollcoach: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}
