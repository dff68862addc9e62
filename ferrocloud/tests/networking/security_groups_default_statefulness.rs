//! The default statefulness of new security groups: every operation against the
//! reference's samples (Neutron 28.0 does not serve the resource, so there is no devcloud
//! test).

use crate::common::*;
use crate::{network, reply};
use ferrocloud::openstack::networking::v2::security_groups_default_statefulness::{
    self as statefulness, CreateOpts, ListOpts, UpdateOpts,
};
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/security-groups-default-statefulness";
const BASE: &str = "/network/v2.0/security-groups-default-statefulness";

#[tokio::test]
async fn create_list_show_update_delete() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let project = "e4f50856753b4dc6afee5fa6b9b6c550";
    Mock::given(method("POST"))
        .and(path(BASE))
        .and(body_json(sample_json(&format!(
            "{S}/security-groups-default-statefulness-create-request.json"
        ))))
        .respond_with(reply(
            S,
            201,
            "security-groups-default-statefulness-create-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let entry = statefulness::create(&client, &CreateOpts::new(false).project_id(project))
        .await
        .extract()
        .unwrap();
    assert_eq!(entry.project_id.as_deref(), Some(project));
    assert!(!entry.stateful);
    let id = entry.id.clone();

    Mock::given(method("GET"))
        .and(path(BASE))
        .and(query_param("stateful", "false"))
        .respond_with(reply(
            S,
            200,
            "security-groups-default-statefulness-list-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        stateful: Some(false),
        ..ListOpts::default()
    };
    let all = statefulness::list(&client, &opts).all().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].project_id, None, "the cloud's default");

    Mock::given(method("GET"))
        .and(path(format!("{BASE}/{id}")))
        .respond_with(reply(
            S,
            200,
            "security-groups-default-statefulness-show-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        statefulness::get(&client, &id).await.extract().unwrap(),
        entry
    );

    Mock::given(method("PUT"))
        .and(path(format!("{BASE}/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/security-groups-default-statefulness-update-request.json"
        ))))
        .respond_with(reply(
            S,
            200,
            "security-groups-default-statefulness-update-response.json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let updated = statefulness::update(&client, &id, &UpdateOpts::default().stateful(true))
        .await
        .extract()
        .unwrap();
    assert!(updated.stateful);

    Mock::given(method("DELETE"))
        .and(path(format!("{BASE}/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    statefulness::delete(&client, &id).await.ok().unwrap();
}
