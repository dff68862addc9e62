//! Fault injection as the SDK sees it: retries, rate limits, re-authentication.

use std::time::Duration;

use fakecloud::{FakeCloud, Faults};
use ferrocloud::openstack::compute::v2::flavors;
use ferrocloud::retry::RetryPolicy;
use ferrocloud::{ErrorKind, ProviderClient, ServiceClient, openstack};

async fn provider(cloud: &FakeCloud, retry: RetryPolicy) -> ProviderClient {
    let p = ProviderClient::builder(cloud.auth_url())
        .retry(retry)
        .build()
        .unwrap();
    p.authenticate(cloud.auth_options("demo").unwrap())
        .await
        .unwrap();
    p
}

fn compute(p: &ProviderClient) -> ServiceClient {
    openstack::new_compute_v2(p, Default::default()).unwrap()
}

fn quick() -> Faults {
    Faults {
        retry_after_secs: 0,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_503_then_success_is_retried() {
    let cloud = FakeCloud::builder().faults(quick()).start().await.unwrap();
    let p = provider(&cloud, RetryPolicy::default()).await;
    cloud.fail_next(503, 1);
    let all = flavors::list(&compute(&p), &Default::default())
        .all_pages()
        .await
        .unwrap()
        .extract()
        .unwrap();
    assert_eq!(all.len(), 7);
}

#[tokio::test]
async fn without_retries_the_503_is_the_error() {
    let cloud = FakeCloud::builder().faults(quick()).start().await.unwrap();
    let p = provider(&cloud, RetryPolicy::none()).await;
    cloud.fail_next(503, 1);
    let e = flavors::get(&compute(&p), "1").await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ServerError);
    assert_eq!(e.status().map(|s| s.as_u16()), Some(503));
    cloud.fail_next(429, 1);
    let e = flavors::get(&compute(&p), "1").await.extract().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    // The next request goes through.
    flavors::get(&compute(&p), "1").await.extract().unwrap();
}

#[tokio::test]
async fn rate_limits_with_retry_after_are_waited_out() {
    let cloud = FakeCloud::builder().faults(quick()).start().await.unwrap();
    let p = provider(&cloud, RetryPolicy::default()).await;
    cloud.fail_next(429, 2);
    flavors::get(&compute(&p), "42").await.extract().unwrap();
}

#[tokio::test]
async fn short_lived_tokens_make_the_sdk_reauthenticate() {
    let cloud = FakeCloud::builder()
        .faults(Faults {
            token_uses: Some(2),
            ..quick()
        })
        .start()
        .await
        .unwrap();
    let p = provider(&cloud, RetryPolicy::default()).await;
    let c = compute(&p);
    for _ in 0..5 {
        flavors::get(&c, "1").await.extract().unwrap();
    }
    // One token per two requests, plus the first.
    let issued = cloud.state(|s| s.tokens.len());
    assert!(issued >= 3, "{issued}");
}

#[tokio::test]
async fn random_faults_are_the_same_for_the_same_seed() {
    let faults = Faults {
        error_rate: 0.5,
        seed: 42,
        ..quick()
    };
    let mut runs = Vec::new();
    for _ in 0..2 {
        let cloud = FakeCloud::builder()
            .faults(faults.clone())
            .start()
            .await
            .unwrap();
        let p = provider(&cloud, RetryPolicy::none()).await;
        let c = compute(&p);
        let mut outcomes = Vec::new();
        for _ in 0..12 {
            outcomes.push(flavors::get(&c, "1").await.extract().is_ok());
        }
        runs.push(outcomes);
    }
    assert_eq!(runs[0], runs[1]);
    assert!(runs[0].iter().any(|ok| *ok) && runs[0].iter().any(|ok| !ok));
}

#[tokio::test]
async fn latency_is_added() {
    let cloud = FakeCloud::builder()
        .faults(Faults {
            latency: Duration::from_millis(50),
            ..quick()
        })
        .start()
        .await
        .unwrap();
    let p = provider(&cloud, RetryPolicy::default()).await;
    let t = std::time::Instant::now();
    flavors::get(&compute(&p), "1").await.extract().unwrap();
    assert!(t.elapsed() >= Duration::from_millis(50));
}

#[tokio::test]
async fn an_expired_token_makes_the_sdk_reauthenticate() {
    let clock = fakecloud::Clock::frozen();
    let cloud = FakeCloud::builder()
        .clock(clock.clone())
        .token_lifetime(Duration::from_secs(60))
        .start()
        .await
        .unwrap();
    let p = provider(&cloud, RetryPolicy::default()).await;
    let c = compute(&p);
    flavors::get(&c, "1").await.extract().unwrap();
    // An hour later on the cloud's clock, the token has expired: the SDK meets a 401,
    // authenticates again and replays the request.
    clock.advance(Duration::from_secs(3600));
    flavors::get(&c, "1").await.extract().unwrap();
    assert_eq!(cloud.state(|s| s.tokens.len()), 2);
}

#[tokio::test]
async fn a_cut_body_is_an_error_never_a_short_answer() {
    let cloud = FakeCloud::builder()
        .faults(Faults {
            cut_body_rate: 1.0,
            ..quick()
        })
        .start()
        .await
        .unwrap();
    // Token answers are never cut, so the client authenticates.
    let p = provider(&cloud, RetryPolicy::none()).await;
    let e = flavors::list(&compute(&p), &Default::default())
        .all_pages()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    cloud.set_faults(quick());
    let all = flavors::list(&compute(&p), &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 7);
}

#[tokio::test]
async fn a_slow_body_arrives_whole_piece_by_piece() {
    let delay = Duration::from_millis(40);
    let cloud = FakeCloud::builder()
        .faults(Faults {
            body_delay: delay,
            ..quick()
        })
        .start()
        .await
        .unwrap();
    let p = provider(&cloud, RetryPolicy::none()).await;
    // The flavor listing is one piece (under 16 KiB): one delay.
    let started = std::time::Instant::now();
    let all = flavors::list(&compute(&p), &Default::default())
        .all()
        .await
        .unwrap();
    assert_eq!(all.len(), 7);
    assert!(started.elapsed() >= delay, "{:?}", started.elapsed());
    // 40 KiB of image data: three pieces, three delays.
    let glance = openstack::new_image_v2(&p, Default::default()).unwrap();
    let data = bytes::Bytes::from(vec![7u8; 40 * 1024]);
    let image = ferrocloud::openstack::image::v2::images::create(
        &glance,
        &ferrocloud::openstack::image::v2::images::CreateOpts {
            name: Some("slow".into()),
            disk_format: Some("raw".into()),
            container_format: Some("bare".into()),
            ..Default::default()
        },
    )
    .await
    .extract()
    .unwrap();
    ferrocloud::openstack::image::v2::image_data::upload(
        &glance,
        &image.id,
        data.clone(),
        &Default::default(),
    )
    .await
    .ok()
    .unwrap();
    let started = std::time::Instant::now();
    let got = ferrocloud::openstack::image::v2::image_data::download(
        &glance,
        &image.id,
        &Default::default(),
    )
    .await
    .unwrap()
    .bytes()
    .await
    .unwrap();
    assert_eq!(got, data);
    assert!(started.elapsed() >= delay * 3, "{:?}", started.elapsed());
}
