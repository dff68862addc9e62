//! Secret stores: list, show, preferred and global default.

use ferrocloud::ErrorKind;
use ferrocloud::openstack::keymanager::v1::common::Status;
use ferrocloud::openstack::keymanager::v1::secret_stores;
use serde_json::json;
use wiremock::MockServer;

use crate::{barbican, error_body, expect, href, sent};

const HSM: &str = "4d27b7a7-b82f-491d-88c0-746bd67dadc8";
const KMIP: &str = "93869b0f-60eb-4830-adb9-e2f7154a080b";

fn store(
    server: &MockServer,
    id: &str,
    name: &str,
    default: bool,
    crypto: Option<&str>,
    plugin: &str,
) -> serde_json::Value {
    json!({"status": "ACTIVE", "updated": "2016-08-22T23:46:45.114283", "name": name,
        "created": "2016-08-22T23:46:45.114283",
        "secret_store_ref": href(server, &format!("secret-stores/{id}")),
        "global_default": default, "crypto_plugin": crypto, "secret_store_plugin": plugin})
}

#[tokio::test]
async fn stores() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    let hsm = store(
        &server,
        HSM,
        "PKCS11 HSM",
        true,
        Some("p11_crypto"),
        "store_crypto",
    );
    let kmip = store(&server, KMIP, "KMIP HSM", false, None, "kmip_plugin");
    expect(
        &server,
        "GET",
        "secret-stores",
        None,
        200,
        Some(json!({"secret_stores": [hsm, kmip]})),
    )
    .await;
    let all = secret_stores::list(&client).await.extract().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id(), HSM);
    assert!(all[0].global_default);
    assert_eq!(all[0].crypto_plugin.as_deref(), Some("p11_crypto"));
    assert_eq!(all[1].crypto_plugin, None);
    assert_eq!(all[1].secret_store_plugin.as_deref(), Some("kmip_plugin"));
    assert_eq!(all[1].status, Status::Active);

    expect(
        &server,
        "GET",
        &format!("secret-stores/{KMIP}"),
        None,
        200,
        Some(kmip),
    )
    .await;
    let s = secret_stores::get(&client, &all[1].secret_store_ref)
        .await
        .extract()
        .unwrap();
    assert_eq!(s.name, "KMIP HSM");
    assert!(!s.global_default);

    expect(
        &server,
        "GET",
        "secret-stores/preferred",
        None,
        200,
        Some(hsm.clone()),
    )
    .await;
    assert_eq!(
        secret_stores::get_preferred(&client)
            .await
            .extract()
            .unwrap()
            .id(),
        HSM
    );
    expect(
        &server,
        "GET",
        "secret-stores/global-default",
        None,
        200,
        Some(hsm),
    )
    .await;
    assert!(
        secret_stores::get_global_default(&client)
            .await
            .extract()
            .unwrap()
            .global_default
    );

    expect(
        &server,
        "POST",
        &format!("secret-stores/{KMIP}/preferred"),
        None,
        204,
        None,
    )
    .await;
    secret_stores::set_preferred(&client, KMIP)
        .await
        .ok()
        .unwrap();
    expect(
        &server,
        "DELETE",
        &format!("secret-stores/{KMIP}/preferred"),
        None,
        204,
        None,
    )
    .await;
    secret_stores::unset_preferred(&client, &href(&server, &format!("secret-stores/{KMIP}")))
        .await
        .ok()
        .unwrap();

    let before = sent(&server).await;
    let err = secret_stores::set_preferred(&client, &href(&server, "secrets/x"))
        .await
        .ok()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(sent(&server).await, before);
}

#[tokio::test]
async fn without_multiple_backends_everything_is_not_found() {
    let server = MockServer::start().await;
    let client = barbican(&server).await;
    expect(
        &server,
        "GET",
        "secret-stores",
        None,
        404,
        Some(error_body(
            404,
            "Not Found",
            "Multiple backends support is not enabled in service configuration.",
        )),
    )
    .await;
    let err = secret_stores::list(&client).await.extract().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.service_message().contains("Multiple backends"));
}
