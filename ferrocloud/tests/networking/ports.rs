//! Ports: CRUD with extension attributes (bindings, DNS, QoS, hints, trusted…), bulk
//! creation, listing with fixed-IP and security-group filters over pages,
//! compare-and-swap updates, find, trunk details, the status waiter.

use std::time::Duration;

use crate::common::*;
use crate::{network, reply};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::networking::v2::common::{ListControls, SortDir};
use ferrocloud::openstack::networking::v2::extensions::{
    binding::{Binding, VnicType},
    data_plane_status::DataPlaneStatus,
    dns::DnsDomain,
    port_dns::PortDns,
    port_hardware_offload_type::HardwareOffloadType,
    port_hints::Hints,
    port_resource_request::PortResourceRequest,
    port_security::PortSecurity,
    port_trusted_vif::Trusted,
    pvlan::Pvlan,
    qos::QosPolicyId,
    qos_network_policy::QosNetworkPolicyId,
    trunk_details::TrunkDetails,
    uplink_status_propagation::PropagateUplinkStatus,
};
use ferrocloud::openstack::networking::v2::ports::{
    self, AddressPair, CreateOpts, FixedIpFilter, FixedIpOpts, ListOpts, Port, UpdateOpts,
};
use ferrocloud::request::With;
use ferrocloud::wait::WaitOpts;
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const S: &str = "network/api-ref/source/v2/samples/ports";

fn qos() -> QosPolicyId {
    QosPolicyId::default().qos_policy_id("29d5e02e-d5ab-4929-bee4-4a9fc12e22ae")
}

#[tokio::test]
async fn create_with_extension_attributes_and_read_them_back() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/ports"))
        .and(body_json(sample_json(&format!(
            "{S}/port-create-request.json"
        ))))
        .respond_with(reply(S, 201, "port-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let base = CreateOpts::new("a87cc70a-3e15-4acf-8205-9b711a3531b7")
        .name("private-port")
        .admin_state_up(true)
        .allowed_address_pairs([AddressPair::new("12.12.11.12").mac_address("fa:14:2a:b3:cb:f0")]);
    let opts = With::new(
        With::new(
            With::new(
                With::new(
                    With::new(
                        With::new(
                            With::new(base, DnsDomain::default().dns_domain("my-domain.org.")),
                            PortDns::default().dns_name("myport"),
                        ),
                        qos(),
                    ),
                    PortSecurity::default().port_security_enabled(true),
                ),
                PropagateUplinkStatus::default().propagate_uplink_status(false),
            ),
            Pvlan::default()
                .pvlan_type("community")
                .pvlan_community("community_1"),
        ),
        With::new(
            HardwareOffloadType::default().hardware_offload_type(""),
            Trusted::default().trusted(true),
        ),
    );
    let result = ports::create(&client, &opts).await;
    let port = result.extract().unwrap();
    assert_eq!(port.id, "65c0ee9f-d634-4522-8954-51021b570b0d");
    assert_eq!(port.name, "private-port");
    assert_eq!(port.status, "DOWN");
    assert_eq!(port.mac_address, "fa:16:3e:c9:cb:f0");
    assert_eq!(port.fixed_ips[0].ip_address, "10.0.0.2");
    assert_eq!(
        port.fixed_ips[0].subnet_id,
        "a0304c3a-4f08-4c43-88af-d796509c97d2"
    );
    assert_eq!(
        port.allowed_address_pairs,
        [AddressPair::new("12.12.11.12").mac_address("fa:14:2a:b3:cb:f0")]
    );
    let read = result
        .extract_into::<With<With<With<Port, PortDns>, Trusted>, DataPlaneStatus>>()
        .unwrap();
    assert_eq!(read.base.base.ext.dns_name.as_deref(), Some("myport"));
    let assignment = read.base.base.ext.dns_assignment.as_ref().unwrap();
    assert_eq!(assignment[0].fqdn, "myport.my-domain.org");
    assert_eq!(read.base.ext.trusted, Some(true));
    assert_eq!(read.ext.data_plane_status, None);
}

#[tokio::test]
async fn create_a_bound_port_with_a_profile_and_hints() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    // The sample has no network_id, which Neutron requires: the test adds it.
    let mut sent = sample_json(&format!("{S}/port-bind-create-request.json"));
    sent["port"]["network_id"] = json!("a87cc70a-3e15-4acf-8205-9b711a3531b7");
    Mock::given(method("POST"))
        .and(path("/network/v2.0/ports"))
        .and(body_json(&sent))
        .respond_with(reply(S, 201, "port-bind-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let profile = sent["port"]["binding:profile"].as_object().unwrap().clone();
    let hints = sent["port"]["hints"].as_object().unwrap().clone();
    let base = CreateOpts::new("a87cc70a-3e15-4acf-8205-9b711a3531b7")
        .device_id("d90a13da-be41-461f-9f99-1dbcf438fdf2")
        .device_owner("baremetal:none");
    let binding = Binding::default()
        .host_id("4df8d9ff-6f6f-438f-90a1-ef660d4586ad")
        .vnic_type(VnicType::Baremetal)
        .profile(profile.clone());
    let opts = With::new(
        With::new(
            With::new(
                With::new(
                    With::new(base, binding),
                    DnsDomain::default().dns_domain("my-domain.org."),
                ),
                PortDns::default().dns_name("myport"),
            ),
            With::new(Hints::default().hints(hints.clone()), qos()),
        ),
        With::new(
            PropagateUplinkStatus::default().propagate_uplink_status(false),
            Trusted::default().trusted(true),
        ),
    );
    let result = ports::create(&client, &opts).await;
    let read = result
        .extract_into::<With<With<Port, Binding>, Hints>>()
        .unwrap();
    assert_eq!(read.device_owner, "baremetal:none");
    let bound = &read.base.ext;
    assert_eq!(
        bound.host_id.as_deref(),
        Some("4df8d9ff-6f6f-438f-90a1-ef660d4586ad")
    );
    // The sample answers with a VNIC type the SDK does not name.
    assert_eq!(bound.vnic_type, Some(VnicType::Other("other".into())));
    assert_eq!(bound.profile, Some(Some(profile)));
    assert_eq!(bound.vif_type.as_deref(), Some("unbound"));
    assert_eq!(read.ext.hints, Some(hints));
}

#[tokio::test]
async fn show_reads_bindings_resource_request_and_qos() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "46d4bfb9-b26e-41f3-bd2e-e6dcc1ccedb2";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .respond_with(reply(S, 200, "port-bind-show-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let result = ports::get(&client, id).await;
    let port = result.extract().unwrap();
    assert_eq!(port.device_owner, "network:router_interface");
    assert_eq!(port.revision_number, 1);
    assert_eq!(port.tags, ["tag1,tag2"]);
    assert_eq!(port.extra_dhcp_opts[0].opt_name, "bootfile-name");
    assert_eq!(
        port.extra_dhcp_opts[0].opt_value.as_deref(),
        Some("pxelinux.0")
    );
    assert_eq!(port.extra_dhcp_opts[0].ip_version, Some(4));
    let read = result
        .extract_into::<With<With<With<Port, Binding>, PortResourceRequest>, QosNetworkPolicyId>>()
        .unwrap();
    let binding = &read.base.base.ext;
    assert_eq!(binding.vnic_type, Some(VnicType::Normal));
    assert_eq!(binding.vif_type.as_deref(), Some("ovs"));
    assert_eq!(
        binding.vif_details.as_ref().unwrap()["ovs_hybrid_plug"],
        true
    );
    let request = read.base.ext.resource_request.as_ref().unwrap();
    assert_eq!(request.request_groups.len(), 2);
    assert_eq!(
        request.request_groups[1].resources["NET_BW_EGR_KILOBIT_PER_SEC"],
        1000
    );
    assert_eq!(request.same_subtree.len(), 2);
    assert_eq!(
        read.ext.qos_network_policy_id.as_deref(),
        Some("174dd0c1-a4eb-49d4-a807-ae80246d82f4")
    );
}

#[tokio::test]
async fn show_reads_trunk_details_of_a_parent_port() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "8027c4da-772f-4e43-bfbf-023b4a4e63de";
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .respond_with(ResponseTemplate::new(200).set_body_string(sample(
            "network/api-ref/source/v2/samples/trunks/trunk-details-show-response.json",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let read = ports::get(&client, id)
        .await
        .extract_into::<With<Port, TrunkDetails>>()
        .unwrap();
    assert_eq!(read.id, id);
    let details = read.ext.trunk_details.as_ref().unwrap();
    assert_eq!(details.trunk_id, "8905d084-010c-46e8-a863-f21cb4441ab1");
    assert_eq!(details.sub_ports.len(), 2);
    assert_eq!(details.sub_ports[1].segmentation_id, 44);
    assert_eq!(details.sub_ports[1].mac_address, "fa:16:3e:fe:29:97");
}

#[tokio::test]
async fn bulk_create_sends_every_port_and_refuses_an_empty_list() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("POST"))
        .and(path("/network/v2.0/ports"))
        .and(body_json(sample_json(&format!(
            "{S}/ports-bulk-create-request.json"
        ))))
        .respond_with(reply(S, 201, "ports-bulk-create-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let net = "a87cc70a-3e15-4acf-8205-9b711a3531b7";
    let opts = [
        With::new(
            With::new(
                CreateOpts::new(net)
                    .admin_state_up(false)
                    .name("sample_port_1"),
                qos(),
            ),
            HardwareOffloadType::default(),
        ),
        With::new(
            With::new(
                CreateOpts::new(net)
                    .admin_state_up(false)
                    .name("sample_port_2"),
                QosPolicyId::default(),
            ),
            HardwareOffloadType::default().hardware_offload_type("switchdev"),
        ),
    ];
    let created = ports::create_bulk(&client, &opts).await.extract().unwrap();
    assert_eq!(
        created.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["sample_port_1", "sample_port_2"]
    );
    assert_eq!(created[1].fixed_ips[0].ip_address, "10.0.0.6");

    let none: [CreateOpts; 0] = [];
    let err = ports::create_bulk(&client, &none)
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    let err = ports::create(&client, &CreateOpts::default())
        .await
        .extract()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("network_id"), "{err}");
    let bad_ip = CreateOpts::new(net).fixed_ips([FixedIpOpts::default()]);
    let err = ports::create(&client, &bad_ip).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[tokio::test]
async fn list_sends_fixed_ip_and_other_filters_and_follows_links() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let uri = server.uri();
    let mut first = sample_json(&format!("{S}/ports-bind-list-response.json"));
    let second = first["ports"][1].clone();
    first["ports"].as_array_mut().unwrap().truncate(1);
    first["ports_links"] = json!([{"rel": "next",
        "href": format!("{uri}/network/v2.0/ports?limit=1&marker=m1&device_owner=network%3Arouter_gateway")}]);
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports"))
        .and(query_param("network_id", "n1"))
        .and(query_param("fixed_ips", "subnet_id=s1"))
        .and(query_param("fixed_ips", "ip_address_substr=172.24"))
        .and(query_param("security_groups", "sg1"))
        .and(query_param("binding:host_id", "devstack"))
        .and(query_param("binding:vnic_type", "normal"))
        .and(query_param("sort_key", "name"))
        .and(query_param("sort_dir", "asc"))
        .and(query_param("limit", "1"))
        .and(query_param("not-tags", "old"))
        .and(wiremock::matchers::query_param_is_missing("marker"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports"))
        .and(query_param("marker", "m1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"ports": [second], "ports_links": []})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = ListOpts {
        network_id: Some("n1".into()),
        fixed_ips: vec![
            FixedIpFilter::SubnetId("s1".into()),
            FixedIpFilter::IpAddressSubstr("172.24".into()),
        ],
        security_groups: vec!["sg1".into()],
        host_id: Some("devstack".into()),
        vnic_type: Some(VnicType::Normal),
        controls: ListControls::default()
            .sort("name", SortDir::Asc)
            .limit(1)
            .not_tags(["old"]),
        ..ListOpts::default()
    };
    let page_items: Vec<With<Port, Binding>> = ports::list(&client, &opts)
        .all_pages()
        .await
        .unwrap()
        .extract_into()
        .unwrap();
    assert_eq!(page_items.len(), 2);
    assert_eq!(page_items[0].device_owner, "network:router_gateway");
    assert_eq!(page_items[1].device_owner, "network:router_interface");
    assert!(
        page_items
            .iter()
            .all(|p| p.ext.host_id.as_deref() == Some("devstack"))
    );
}

#[tokio::test]
async fn update_with_bindings_and_if_revision() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    let id = "43c831e0-19ce-4a76-9a49-57b57e69428b";
    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .and(header("If-Match", "revision_number=3"))
        .and(body_json(sample_json(&format!(
            "{S}/port-bind-update-request.json"
        ))))
        .respond_with(reply(S, 200, "port-bind-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        With::new(
            With::new(
                UpdateOpts::default()
                    .device_id("d90a13da-be41-461f-9f99-1dbcf438fdf2")
                    .device_owner("compute:nova"),
                Binding::default()
                    .host_id("test_for_port_update_host")
                    .clear_profile(),
            ),
            DataPlaneStatus::default().data_plane_status("DOWN"),
        ),
        qos(),
    );
    let result = ports::update_if_revision(&client, id, 3, &opts).await;
    let read = result
        .extract_into::<With<Port, DataPlaneStatus>>()
        .unwrap();
    assert_eq!(read.device_owner, "compute:nova");
    assert_eq!(read.ext.data_plane_status.as_deref(), Some("DOWN"));

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .and(body_json(sample_json(&format!(
            "{S}/port-update-request.json"
        ))))
        .respond_with(reply(S, 200, "port-update-response.json"))
        .expect(1)
        .mount(&server)
        .await;
    let opts = With::new(
        With::new(
            With::new(
                UpdateOpts::default()
                    .admin_state_up(true)
                    .device_id("d90a13da-be41-461f-9f99-1dbcf438fdf2")
                    .device_owner("compute:nova")
                    .name("test-for-port-update"),
                qos(),
            ),
            PropagateUplinkStatus::default().propagate_uplink_status(true),
        ),
        Pvlan::default()
            .pvlan_type("community")
            .pvlan_community("community_1"),
    );
    let port = ports::update(&client, id, &opts).await.extract().unwrap();
    assert_eq!(port.name, "test-for-port-update");
    assert_eq!(port.fixed_ips[0].ip_address, "20.20.0.4");

    Mock::given(method("PUT"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .and(header("If-Match", "revision_number=1"))
        .respond_with(
            ResponseTemplate::new(412).set_body_json(json!({"NeutronError": {
            "type": "RevisionNumberConstraintFailed",
            "message": "Constrained to 1, but current revision is 2", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let err = ports::update_if_revision(&client, id, 1, &UpdateOpts::default().name("x"))
        .await
        .extract()
        .unwrap_err();
    assert!(err.is_precondition_failed(), "{err}");
}

#[tokio::test]
async fn find_by_name_delete_and_wait_for_status() {
    let server = MockServer::start().await;
    let client = network(&server).await;
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports/web-1"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"NeutronError": {
            "type": "PortNotFound", "message": "Port web-1 could not be found.", "detail": ""}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut listed = sample_json(&format!("{S}/ports-list-response.json"));
    listed["ports"].as_array_mut().unwrap().truncate(1);
    listed["ports"][0]["name"] = json!("web-1");
    let id = listed["ports"][0]["id"].as_str().unwrap().to_string();
    Mock::given(method("GET"))
        .and(path("/network/v2.0/ports"))
        .and(query_param("name", "web-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&listed))
        .expect(1)
        .mount(&server)
        .await;
    let found = ports::find(&client, "web-1").await.unwrap();
    assert_eq!(
        (found.name.as_str(), found.id.as_str()),
        ("web-1", id.as_str())
    );

    // DOWN first, then ACTIVE.
    let mut down = json!({"port": listed["ports"][0].clone()});
    down["port"]["status"] = json!("DOWN");
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(&down))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"port": listed["ports"][0].clone()})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let opts = WaitOpts::new(Duration::from_secs(5))
        .interval(Duration::from_millis(1), Duration::from_millis(5));
    let port = ports::wait_for_status(&client, &id, "ACTIVE", &opts)
        .await
        .unwrap();
    assert_eq!(port.status, "ACTIVE");

    Mock::given(method("DELETE"))
        .and(path(format!("/network/v2.0/ports/{id}")))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    ports::delete(&client, &id).await.ok().unwrap();
}
