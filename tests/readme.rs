//! The README is the operator's manual: it must list every setting heard reads.

#[test]
fn readme_lists_every_setting_with_its_default() {
    let readme = include_str!("../README.md");
    for (name, default, _) in heard::config::SETTINGS {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}` |")))
            .unwrap_or_else(|| panic!("README has no row for {name}"));
        if !default.starts_with('(') {
            assert!(
                row.contains(&format!("`{default}`")),
                "README's default for {name}: {row}"
            );
        }
    }
}
