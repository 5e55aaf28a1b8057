//! `heard import` shows a progress bar on a terminal for a long file, and nothing when its
//! output is piped. The terminal is a real pseudo-terminal from util-linux's `script`.

mod common;

use std::process::Command;

use common::{spawn_app, TEST_SECRET};

const HEARD: &str = env!("CARGO_BIN_EXE_heard");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_imports_show_a_bar_on_a_terminal_only() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let app = spawn_app(common::TestBackend::Sqlite).await;
    // Each run its own refs, so both store every row.
    let run = |on_terminal: bool, refs: &str| {
        let mut csv = String::from("ref,area,group,listened-to\n");
        for i in 0..2_000 {
            csv.push_str(&format!("{refs}{i},Torridge,parent-carer,3\n"));
        }
        let file = app.dir.path().join(format!("{refs}.csv"));
        std::fs::write(&file, csv).unwrap();
        let import = format!(
            "{HEARD} import {} --consultation four-cornerstones",
            file.display()
        );
        let mut cmd = if on_terminal {
            let mut c = Command::new("script");
            // -e: the command's exit status; the typescript goes nowhere.
            c.args(["-qec", &import, "/dev/null"]);
            c
        } else {
            let mut c = Command::new(HEARD);
            c.args([
                "import",
                &file.display().to_string(),
                "--consultation",
                "four-cornerstones",
            ]);
            c
        };
        let output = cmd
            .current_dir(app.dir.path())
            .env("HEARD_DATABASE_URL", &app.database_url)
            .env("HEARD_SECRET", TEST_SECRET)
            .env("HEARD_CONFIG", app.dir.path().join("absent.toml"))
            .env("HEARD_LOG", "warn")
            .env("TERM", "xterm")
            .output()
            .expect("run heard import");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr)
    };
    let on_terminal = run(true, "t");
    assert!(on_terminal.contains("storing"), "{on_terminal}");
    assert!(on_terminal.contains("/2000 views"), "{on_terminal}");
    assert!(on_terminal.contains("2000 new"), "{on_terminal}");
    let piped = run(false, "p");
    assert!(!piped.contains("storing"), "{piped}");
    assert!(piped.contains("2000 new"), "{piped}");
    app.stop().await;
}
