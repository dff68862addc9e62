use ferrocloud::openstack::image::v2::versions::{self, VersionStatus};
use wiremock::MockServer;
use wiremock::matchers::{method, path};

use crate::common;

fn answer(status: u16) -> wiremock::ResponseTemplate {
    wiremock::ResponseTemplate::new(status).set_body_string(common::sample(
        "image/api-ref/source/versions/samples/image-versions-response.json",
    ))
}

#[tokio::test]
async fn versions_are_read_at_the_service_root() {
    let server = MockServer::start().await;
    let client = crate::image(&server).await;
    wiremock::Mock::given(method("GET"))
        .and(path("/image/versions"))
        .respond_with(answer(200))
        .expect(1)
        .mount(&server)
        .await;
    wiremock::Mock::given(method("GET"))
        .and(path("/image/"))
        .respond_with(answer(300))
        .expect(1)
        .mount(&server)
        .await;
    let all = versions::list(&client).await.extract().unwrap();
    assert_eq!(all[0].id, "v2.18");
    assert_eq!(versions::current(&all).unwrap().id, "v2.18");
    assert_eq!(all[1].status, VersionStatus::Supported);
    let root = versions::list_root(&client).await.extract().unwrap();
    assert_eq!(root, all);
}
