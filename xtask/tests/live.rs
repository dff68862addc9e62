//! The live coverage report: log lines matched to SDK operations and to the index.

use xtask::coverage::Coverage;
use xtask::live::Live;

fn live(log: &str) -> Live {
    let (index, skips) = xtask::load(&xtask::conformance_dir()).unwrap();
    let ops = ferrocloud::openstack::all_operations();
    let coverage = Coverage::compute(&index, &ops, &skips);
    Live::compute(&index, &ops, &coverage, log)
}

fn service<'a>(live: &'a Live, name: &str) -> &'a xtask::live::ServiceLive {
    live.services.iter().find(|s| s.service == name).unwrap()
}

#[test]
fn successes_prove_and_errors_alone_refuse() {
    let log = "\
200\t/v2.1/servers/s1\tcompute GET /servers/{server_id}
404\t/v2.1/servers/s2\tcompute GET /servers/{server_id}
404\t/v2.1/flavors/f1\tcompute GET /flavors/{flavor_id}
";
    let live = live(log);
    let compute = service(&live, "compute");
    assert_eq!(compute.proven.len(), 1);
    assert_eq!(compute.refused.len(), 1);
    assert_eq!(
        compute.proven.len() + compute.refused.len() + compute.not_run.len(),
        compute.implemented
    );
    assert!(live.unknown.is_empty(), "{:?}", live.unknown);
    let report = live.render(&xtask::load(&xtask::conformance_dir()).unwrap().0, true);
    assert!(
        report.contains("compute answered only with errors (1):"),
        "{report}"
    );
    assert!(report.contains("\nlive: 1/"), "{report}");
}

#[test]
fn the_url_tells_which_api_version_ran() {
    // The same operation serves block storage v3 and v2: only the version in the URL counts.
    let v3 = live("200\t/v3/p1/snapshots/s1\tblock-storage GET /snapshots/{snapshot_id}\n");
    let v2 = live("200\t/v2/p1/snapshots/s1\tblock-storage GET /snapshots/{snapshot_id}\n");
    let index = xtask::load(&xtask::conformance_dir()).unwrap().0;
    let si = index.service("block-storage").unwrap();
    let proven_path = |l: &Live| {
        let s = service(l, "block-storage");
        assert_eq!(s.proven.len(), 1, "{:?}", s.proven);
        si.operations[*s.proven.iter().next().unwrap()].path.clone()
    };
    assert!(proven_path(&v3).starts_with("/v3/"));
    assert!(proven_path(&v2).starts_with("/v2/"));
}

#[test]
fn unknown_and_unreadable_lines_are_listed() {
    let live = live("200\t/x\tcompute GET /no-such-thing\nnot a line\n");
    assert_eq!(live.unknown.len(), 2, "{:?}", live.unknown);
}
