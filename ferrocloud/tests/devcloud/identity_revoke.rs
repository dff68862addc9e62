use crate::support::*;
use ferrocloud::ErrorKind;
use ferrocloud::openstack::identity::v3::revoke::{self, ListEventsOpts};
use ferrocloud::openstack::identity::v3::tokens::{self, AuthRequest, CreateOpts};

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn revoking_a_token_records_an_event() {
    let identity = admin_identity().await;
    let before = chrono::Utc::now() - chrono::Duration::seconds(5);
    let created = tokens::create(
        &identity,
        &AuthRequest::from_options(&member_opts()).unwrap(),
        &CreateOpts::default(),
    )
    .await
    .unwrap();
    let audit_id = created.token.audit_ids[0].clone();
    tokens::revoke(&identity, &created.subject_token)
        .await
        .ok()
        .unwrap();

    let events = revoke::extract_events(
        &revoke::list_events(
            &identity,
            &ListEventsOpts {
                since: Some(before),
            },
        )
        .all_pages()
        .await
        .unwrap(),
    )
    .unwrap();
    let e = events
        .iter()
        .find(|e| e.audit_id.as_deref() == Some(audit_id.as_str()))
        .expect("an event for the revoked token");
    assert!(e.issued_before.is_some());
    assert!(e.revoked_at.is_some());
    assert!(e.revoked_at.unwrap() >= before);

    // Events are filtered by `since`.
    let later = ListEventsOpts {
        since: Some(chrono::Utc::now() + chrono::Duration::hours(1)),
    };
    let none = revoke::extract_events(
        &revoke::list_events(&identity, &later)
            .all_pages()
            .await
            .unwrap(),
    )
    .unwrap();
    assert!(
        none.iter()
            .all(|e| e.audit_id.as_deref() != Some(audit_id.as_str()))
    );
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn revoked_pki_tokens_are_forbidden() {
    let identity = admin_identity().await;
    let err = revoke::list_revoked_tokens(&identity)
        .await
        .extract()
        .unwrap_err();
    // Keystone keeps the route but refuses it (403; 410 when revoke_by_id is off).
    assert!(
        matches!(err.kind(), ErrorKind::Forbidden) || err.status().map(|s| s.as_u16()) == Some(410),
        "{err}"
    );
}
