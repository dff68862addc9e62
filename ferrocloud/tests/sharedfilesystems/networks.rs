//! Share networks, their subnets and subnet metadata, and security services.

use crate::{expect, expect_action_sample, mock, pages, sample};
use ferrocloud::ErrorKind;
use ferrocloud::openstack::sharedfilesystems::v2::{
    security_services, share_network_subnet_metadata, share_network_subnets, share_networks,
};

const NET: &str = "1324e7d3-fba8-45e4-bb37-b59c12eb06dc";

#[tokio::test]
async fn share_networks_and_security_services() {
    let (server, c) = mock("2.63").await;
    expect(
        &server,
        "POST",
        "share-networks",
        "2.63",
        Some("share-network-create-request.json"),
        202,
        Some("share-network-create-response.json"),
    )
    .await;
    let opts: share_networks::CreateOpts = serde_json::from_value(
        sample("share-network-create-request.json")["share_network"].clone(),
    )
    .unwrap();
    let net = share_networks::create(&c, &opts).await.extract().unwrap();
    assert_eq!(net.status.as_deref(), Some("active"));
    assert_eq!(
        net.neutron_net_id.as_deref(),
        Some("998b42ee-2cee-4d36-8b95-67b5ca1f2109")
    );

    expect(
        &server,
        "GET",
        &format!("share-networks/{NET}"),
        "2.63",
        None,
        200,
        Some("share-network-show-response-with-subnets.json"),
    )
    .await;
    let shown = share_networks::get(&c, NET).await.extract().unwrap();
    assert_eq!(
        shown.share_network_subnets[0].cidr.as_deref(),
        Some("172.24.5.0/24")
    );

    expect(
        &server,
        "POST",
        &format!("share-networks/{NET}/action"),
        "2.63",
        Some("share-network-add-security-service-request.json"),
        200,
        Some("share-network-add-security-service-response.json"),
    )
    .await;
    share_networks::add_security_service(&c, NET, "3c829734-0679-4c17-9637-801da48c0d5f")
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "POST",
        &format!("share-networks/{NET}/action"),
        "2.63",
        Some("share-network-remove-security-service-request.json"),
        200,
        Some("share-network-remove-security-service-response.json"),
    )
    .await;
    share_networks::remove_security_service(&c, NET, "3c829734-0679-4c17-9637-801da48c0d5f")
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "POST",
        &format!("share-networks/{NET}/action"),
        "2.63",
        Some("share-network-update-security-service-check-request.json"),
        200,
        Some("share-network-update-security-service-check-response.json"),
    )
    .await;
    let check: share_networks::ReplaceSecurityServiceOpts = serde_json::from_value(sample("share-network-update-security-service-check-request.json")["update_security_service_check"].clone()).unwrap();
    let result = share_networks::update_security_service_check(&c, NET, &check)
        .await
        .extract()
        .unwrap();
    assert_eq!(result.compatible, Some(true));
    assert!(result.hosts_check_result["ubuntu@dummy2"]);
    expect(
        &server,
        "POST",
        &format!("share-networks/{NET}/action"),
        "2.63",
        Some("share-network-update-security-service-request.json"),
        200,
        Some("share-network-update-security-service-response.json"),
    )
    .await;
    share_networks::update_security_service(
        &c,
        NET,
        "8971c5f6-52ec-4c53-bf6a-3fae38a9221e",
        "6cff8d33-f73b-483f-88af-e5429ad9daef",
    )
    .await
    .extract()
    .unwrap();
    expect(
        &server,
        "POST",
        &format!("share-networks/{NET}/action"),
        "2.63",
        Some("share-network-add-security-service-check-request.json"),
        200,
        Some("share-network-add-security-service-check-response.json"),
    )
    .await;
    let add = share_networks::SecurityServiceOpts {
        security_service_id: "8971c5f6-52ec-4c53-bf6a-3fae38a9221e".into(),
        reset_operation: Some(false),
    };
    assert_eq!(
        share_networks::add_security_service_check(&c, NET, &add)
            .await
            .extract()
            .unwrap()
            .requested_operation
            .current_security_service,
        None
    );
    expect_action_sample(
        &server,
        &format!("share-networks/{NET}"),
        "2.63",
        "share-network-reset-state-request.json",
    )
    .await;
    share_networks::reset_status(&c, NET, "active")
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "PUT",
        &format!("share-networks/{NET}"),
        "2.63",
        Some("share-network-update-request.json"),
        200,
        Some("share-network-show-response.json"),
    )
    .await;
    let up: share_networks::UpdateOpts = serde_json::from_value(
        sample("share-network-update-request.json")["share_network"].clone(),
    )
    .unwrap();
    share_networks::update(&c, NET, &up)
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "GET",
        "share-networks/detail",
        "2.63",
        None,
        200,
        Some("share-networks-list-detailed-response.json"),
    )
    .await;
    assert_eq!(
        share_networks::extract(&pages(share_networks::list_detail(&c, &Default::default())).await)
            .unwrap()
            .len(),
        3
    );
    expect(
        &server,
        "GET",
        "share-networks",
        "2.63",
        None,
        200,
        Some("share-networks-list-response.json"),
    )
    .await;
    assert_eq!(
        share_networks::extract_summaries(
            &pages(share_networks::list(&c, &Default::default())).await
        )
        .unwrap()[2]
            .name,
        None
    );
    expect(
        &server,
        "DELETE",
        &format!("share-networks/{NET}"),
        "2.63",
        None,
        202,
        None,
    )
    .await;
    share_networks::delete(&c, NET).await.ok().unwrap();
    // Reset status needs 2.63.
    let e = share_networks::reset_status(&c.with_microversion("2.62"), NET, "active")
        .await
        .ok()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);

    expect(
        &server,
        "POST",
        "security-services",
        "2.63",
        Some("security-service-create-request.json"),
        200,
        Some("security-service-create-response.json"),
    )
    .await;
    let opts: security_services::CreateOpts = serde_json::from_value(
        sample("security-service-create-request.json")["security_service"].clone(),
    )
    .unwrap();
    assert!(
        !format!("{opts:?}").contains("***"),
        "the password is redacted"
    );
    let s = security_services::create(&c, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.kind, "kerberos");
    let shown = format!("{s:?}");
    assert!(!shown.contains("supersecret"), "{shown}");
    expect(
        &server,
        "GET",
        "security-services/detail",
        "2.63",
        None,
        200,
        Some("security-services-list-detailed-response.json"),
    )
    .await;
    let all = security_services::extract(
        &pages(security_services::list_detail(&c, &Default::default())).await,
    )
    .unwrap();
    assert_eq!(all[0].user.as_deref(), Some("demo"));
    expect(
        &server,
        "GET",
        "security-services",
        "2.63",
        None,
        200,
        Some("security-services-list-response.json"),
    )
    .await;
    assert_eq!(
        security_services::extract_summaries(
            &pages(security_services::list(&c, &Default::default())).await
        )
        .unwrap()[1]
            .kind,
        "ldap"
    );
    expect(
        &server,
        "PUT",
        "security-services/ss1",
        "2.63",
        Some("security-service-update-request.json"),
        200,
        Some("security-service-update-response.json"),
    )
    .await;
    let up: security_services::UpdateOpts = serde_json::from_value(
        sample("security-service-update-request.json")["security_service"].clone(),
    )
    .unwrap();
    assert_eq!(
        security_services::update(&c, "ss1", &up)
            .await
            .extract()
            .unwrap()
            .ou
            .as_deref(),
        Some("CN=Computers")
    );
    expect(
        &server,
        "GET",
        "security-services/ss1",
        "2.63",
        None,
        200,
        Some("security-service-show-response.json"),
    )
    .await;
    security_services::get(&c, "ss1").await.extract().unwrap();
    expect(
        &server,
        "DELETE",
        "security-services/ss1",
        "2.63",
        None,
        202,
        None,
    )
    .await;
    security_services::delete(&c, "ss1").await.ok().unwrap();
    server.verify().await;
}

#[tokio::test]
async fn subnets_and_their_metadata() {
    let (server, c) = mock("2.78").await;
    let base = format!("share-networks/{NET}/subnets");
    expect(
        &server,
        "POST",
        &base,
        "2.78",
        Some("share-network-subnet-create-request.json"),
        202,
        Some("share-network-subnet-create-response.json"),
    )
    .await;
    let opts: share_network_subnets::CreateOpts = serde_json::from_value(
        sample("share-network-subnet-create-request.json")["share-network-subnet"].clone(),
    )
    .unwrap();
    let subnet = share_network_subnets::create(&c, NET, &opts)
        .await
        .extract()
        .unwrap();
    assert_eq!(subnet.availability_zone.as_deref(), Some("manila-zone-0"));
    expect(
        &server,
        "GET",
        &base,
        "2.78",
        None,
        200,
        Some("share-network-subnet-list-response.json"),
    )
    .await;
    assert_eq!(
        share_network_subnets::list(&c, NET)
            .await
            .extract()
            .unwrap()
            .len(),
        2
    );
    expect(
        &server,
        "GET",
        &format!("{base}/sn1"),
        "2.78",
        None,
        200,
        Some("share-network-subnet-show-response.json"),
    )
    .await;
    assert_eq!(
        share_network_subnets::get(&c, NET, "sn1")
            .await
            .extract()
            .unwrap()
            .mtu,
        Some(1500)
    );
    expect(
        &server,
        "DELETE",
        &format!("{base}/sn1"),
        "2.78",
        None,
        202,
        None,
    )
    .await;
    share_network_subnets::delete(&c, NET, "sn1")
        .await
        .ok()
        .unwrap();

    expect(
        &server,
        "GET",
        &format!("{base}/sn1/metadata"),
        "2.78",
        None,
        200,
        Some("share-network-subnet-show-metadata-response.json"),
    )
    .await;
    assert_eq!(
        share_network_subnet_metadata::list(&c, NET, "sn1")
            .await
            .extract()
            .unwrap()["key"],
        "value"
    );
    expect(
        &server,
        "GET",
        &format!("{base}/sn1/metadata/key"),
        "2.78",
        None,
        200,
        Some("share-show-network-subnet-metadata-item-response.json"),
    )
    .await;
    share_network_subnet_metadata::get_item(&c, NET, "sn1", "key")
        .await
        .extract()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("{base}/sn1/metadata/key"),
        "2.78",
        None,
        200,
        None,
    )
    .await;
    share_network_subnet_metadata::delete_item(&c, NET, "sn1", "key")
        .await
        .ok()
        .unwrap();
    server.verify().await;
}
