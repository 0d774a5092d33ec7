//! Starts Rollcoach: reads the command line, then opens the window.

use std::process::ExitCode;

use clap::Parser;
use eframe::egui;
use rollcoach::catalog::Catalog;
use rollcoach::cli::Cli;
use rollcoach::model::{Routine, TextSize};
use rollcoach::store::{DataDir, Loaded, read_routine, read_settings};
use rollcoach::ui::{self, RollcoachApp, StartOptions};

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    // Asked by the app itself at start-up (see `audio::probe_apart`).
    if std::env::args().nth(1).as_deref() == Some(rollcoach::audio::PROBE_ARG) {
        return match rollcoach::audio::answer_probe() {
            true => ExitCode::SUCCESS,
            false => ExitCode::FAILURE,
        };
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    let cli = Cli::parse();

    let Some(catalog) = builtin_catalog() else {
        return ExitCode::FAILURE;
    };
    if cli.list_exercises {
        print!("{}", catalog.listing());
        return ExitCode::SUCCESS;
    }
    // The user's files, read once: for the routine names here, then by the
    // window.
    let data_dir = cli.data_dir.clone().map(DataDir::at);
    if cli.list_routines {
        list_routines(&catalog, load(data_dir.as_ref()).as_ref());
        return ExitCode::SUCCESS;
    }
    if !cli.check.is_empty() {
        return check_files(&cli.check, &catalog);
    }
    let loaded = load(data_dir.as_ref());
    if let Some(name) = &cli.script {
        return print_script(name, &catalog, loaded.as_ref());
    }
    if let Some(ratings) = &cli.plan {
        return print_plan(&cli, ratings, &catalog, loaded.as_ref());
    }
    let start_routine = match &cli.start {
        None => None,
        Some(name) => match find_start_routine(name, &catalog, loaded.as_ref()) {
            Ok(routine) => Some(routine),
            Err(code) => return code,
        },
    };
    let options = StartOptions {
        data_dir,
        loaded,
        start_routine,
        window_cleared: true,
        report_first_frame: cli.report_first_frame.then_some(started),
        probe_with: std::env::current_exe().ok(),
        ..StartOptions::default()
    };
    run_window(catalog, options)
}

/// The built-in exercise library, or `None` (each problem told on stderr)
/// when it is damaged.
fn builtin_catalog() -> Option<Catalog> {
    match Catalog::builtin() {
        Ok(catalog) => Some(catalog),
        Err(problems) => {
            eprintln!("rollcoach: the built-in exercise library is damaged:");
            for p in problems {
                eprintln!("  {p}");
            }
            None
        }
    }
}

/// Reads the user's files from `data_dir`, or from the platform's folder
/// when none was chosen; `None` when the system has no home folder.
fn load(data_dir: Option<&DataDir>) -> Option<Loaded> {
    data_dir
        .cloned()
        .or_else(DataDir::platform)
        .map(|d| d.load())
}

/// The routines the user saved, as read at start.
fn user_routines(loaded: Option<&Loaded>) -> impl Iterator<Item = &Routine> {
    loaded
        .into_iter()
        .flat_map(|l| &l.routines)
        .map(|f| &f.routine)
}

/// `--list-routines`: prints the name of every built-in routine, then of
/// every routine of the user's, one a line.
fn list_routines(catalog: &Catalog, loaded: Option<&Loaded>) {
    for routine in catalog.routines().iter().chain(user_routines(loaded)) {
        println!("{}", routine.name);
    }
}

/// `--start NAME`: the built-in routine of that name, else the user's
/// (case and surrounding spaces aside). When there is none, says so on
/// stderr with every routine's name, and gives the exit code.
fn find_start_routine(
    name: &str,
    catalog: &Catalog,
    loaded: Option<&Loaded>,
) -> Result<Routine, ExitCode> {
    let mine: Vec<&Routine> = user_routines(loaded).collect();
    let found = catalog.routine(name).or_else(|| {
        mine.iter()
            .copied()
            .find(|r| r.name.trim().eq_ignore_ascii_case(name.trim()))
    });
    match found {
        Some(routine) => Ok(routine.clone()),
        None => {
            eprintln!("rollcoach: there is no routine called \"{name}\". The routines are:");
            for routine in catalog.routines().iter().chain(mine) {
                eprintln!("  {}", routine.name);
            }
            Err(ExitCode::from(2))
        }
    }
}

/// `--plan RATINGS`: the plan with its reasons, saved as one of the
/// user's routines with `--save NAME`. Bad input exits with 2.
fn print_plan(cli: &Cli, ratings: &str, catalog: &Catalog, loaded: Option<&Loaded>) -> ExitCode {
    let settings = loaded.map(|l| l.settings.clone()).unwrap_or_default();
    let answers = match rollcoach::cli::plan_answers(cli, ratings, &settings.tools_owned) {
        Ok(answers) => answers,
        Err(message) => {
            eprintln!("rollcoach: {message}");
            return ExitCode::from(2);
        }
    };
    let mut plan = match rollcoach::planner::plan(&answers, catalog, &settings) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("rollcoach: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(name) = &cli.save else {
        print!("{}", plan.text());
        return ExitCode::SUCCESS;
    };
    plan.routine.name = name.trim().to_owned();
    let taken = catalog.routine(name).is_some()
        || user_routines(loaded).any(|r| r.name.trim().eq_ignore_ascii_case(name.trim()));
    if taken {
        eprintln!(
            "rollcoach: there is already a routine called \"{name}\": give the plan another name."
        );
        return ExitCode::from(2);
    }
    let problems = catalog.routine_problems(&plan.routine);
    if let Some(problem) = problems.first() {
        eprintln!("rollcoach: the plan can't be saved as \"{name}\": {problem}");
        return ExitCode::from(2);
    }
    let Some(loaded) = loaded else {
        eprintln!(
            "rollcoach: there is no folder to save routines in (no home folder); use --data-dir."
        );
        return ExitCode::FAILURE;
    };
    print!("{}", plan.text());
    match loaded.routine_files.save_new(&plan.routine) {
        Ok(file) => {
            println!(
                "\nSaved as \"{}\" in {}.",
                plan.routine.name,
                file.path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rollcoach: the plan could not be saved: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--script NAME`: the routine as a timed script, with the user's
/// settings (their timings and voice).
fn print_script(name: &str, catalog: &Catalog, loaded: Option<&Loaded>) -> ExitCode {
    let routine = match find_start_routine(name, catalog, loaded) {
        Ok(routine) => routine,
        Err(code) => return code,
    };
    let settings = loaded.map(|l| l.settings.clone()).unwrap_or_default();
    match rollcoach::session::Timeline::build(&routine, catalog, &settings) {
        Ok(timeline) => {
            print!("{}", rollcoach::session::script(&routine.name, &timeline));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rollcoach: that routine can't be played: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How the window opens: its title, app id, sizes and icon, drawn with
/// OpenGL.
fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(ui::APP_TITLE)
            .with_app_id(ui::APP_ID)
            .with_inner_size([1100.0, 720.0])
            .with_min_inner_size(ui::theme::min_window_size(TextSize::Normal))
            .with_icon(ui::icon::window_icon()),
        // OpenGL: measured cheaper than wgpu (see README, Performance).
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    }
}

/// Opens the window and runs the app until it is closed; failure when the
/// window cannot be opened.
fn run_window(catalog: Catalog, options: StartOptions) -> ExitCode {
    let result = eframe::run_native(
        ui::APP_TITLE,
        native_options(),
        Box::new(|cc| {
            let mut options = options;
            options.renderer = cc.gl.as_deref().and_then(ui::pacing::gl_renderer);
            Ok(Box::new(RollcoachApp::new(&cc.egui_ctx, catalog, options)))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rollcoach: could not open the window: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--check`: reads each file as a settings file (if it is called
/// settings.ron) or a routine, and says what is wrong with it: where a file
/// cannot be parsed, its line and column; for a routine that parses, each
/// problem the editor would mark.
fn check_files(paths: &[std::path::PathBuf], catalog: &Catalog) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let shown = path.display();
        let is_settings = path.file_name().is_some_and(|n| n == "settings.ron");
        // Each line names its file (a file problem may name a folder in
        // the way instead).
        let problems: Vec<String> = if is_settings {
            match read_settings(path) {
                Ok(_) => Vec::new(),
                Err(problem) => vec![problem.to_string()],
            }
        } else {
            match read_routine(path) {
                Err(problem) => vec![problem.to_string()],
                Ok(routine) => catalog
                    .routine_problems(&routine)
                    .iter()
                    .map(|problem| format!("{shown}: {problem}"))
                    .collect(),
            }
        };
        if problems.is_empty() {
            println!("{shown}: ok");
        }
        for problem in &problems {
            failed = true;
            println!("{problem}");
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
