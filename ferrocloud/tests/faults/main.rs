//! The fault-injection suite: a local server that misbehaves on purpose, one case at a
//! time, and the exact outcome the SDK must give for each: retried N times and
//! succeeded, or a typed error of a given kind; never a panic, never a lost or
//! duplicated request. The last test prints the totals (cases, requests, retries,
//! panics).

#[path = "../common/mod.rs"]
mod common;
mod limits;
mod memory;
mod pagination;
mod secrets;
#[allow(dead_code)] // not every case uses every fault
mod server;
mod transport;

use std::sync::atomic::Ordering;

use limits::*;
use pagination::*;
use secrets::*;
use server::{CASES, REQUESTS, RETRIES};
use transport::*;

/// Every case in turn, each in its own task so that a panic is caught and reported;
/// then the totals.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_injection_suite() {
    macro_rules! run {
        ($($case:ident),*) => {{
            let mut panics = 0;
            $(
                if let Err(e) = tokio::spawn($case()).await {
                    panics += 1;
                    eprintln!("case {} failed: {e}", stringify!($case));
                }
            )*
            panics
        }};
    }
    let panics = run!(
        connection_dropped_before_headers,
        connection_dropped_after_headers,
        stalled_past_the_timeout,
        throttled_and_unavailable,
        server_error_then_success,
        bad_bodies,
        body_larger_than_announced,
        unauthorized_in_the_middle_of_a_listing,
        token_expiring_under_a_thousand_tasks,
        one_request_in_flight_meets_a_401,
        waiting_tasks_share_the_failed_reauthentication,
        fifty_megabyte_bodies_stay_out_of_memory,
        discovery_cannot_move_the_password,
        redirects_are_errors,
        retry_after_longer_than_allowed,
        echoing_bad_request_hides_the_password,
        echoing_token_request_hides_the_password,
        malformed_token_answers_hide_the_token,
        a_next_link_cycle,
        a_changing_next_link_with_the_same_marker,
        a_marker_that_does_not_advance,
        more_pages_than_the_limit,
        a_next_link_to_another_host,
        a_next_link_to_an_internal_address_is_rebased
    );
    println!(
        "fault injection: {} cases, {} requests, {} retries, {panics} panics",
        CASES.load(Ordering::SeqCst),
        REQUESTS.load(Ordering::SeqCst),
        RETRIES.load(Ordering::SeqCst)
    );
    assert_eq!(panics, 0, "every case must give its expected outcome");
}

/// Runs beside the suite: it waits for the default timeouts (a minute).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_servers_end_within_the_default_timeouts() {
    silent_servers_with_default_settings().await;
}
