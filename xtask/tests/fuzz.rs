//! The fuzz targets: saved regression inputs never panic again, and a short run of every
//! target finds nothing.

use std::time::Duration;

#[test]
fn regressions_and_a_short_run() {
    let root = xtask::conformance_dir();
    let targets = xtask::fuzz::targets(&root).unwrap();
    let names: Vec<&str> = targets.iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "responses",
            "errors",
            "dates",
            "pages",
            "page_links",
            "clouds_yaml",
            "versions"
        ]
    );
    assert!(
        targets[0].seeds.len() > 20,
        "{} response seeds",
        targets[0].seeds.len()
    );
    let dir = std::env::temp_dir().join(format!("ferro-fuzz-crashes-{}", std::process::id()));
    for t in &targets {
        let failing = xtask::fuzz::replay(t, &root.join("../fuzz/regressions"));
        assert!(failing.is_empty(), "{}: {failing:?}", t.name);
        let stats = xtask::fuzz::run(t, Duration::from_millis(500), 42, &dir);
        assert!(stats.execs > 0);
        assert!(stats.crashes.is_empty(), "{}: {:?}", t.name, stats.crashes);
    }
}
