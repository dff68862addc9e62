use super::*;
use serde_json::json;

fn body(o: &AuthOptions) -> Value {
    o.v3_request_body().unwrap()
}

#[test]
fn password_by_name_with_domain_and_project_scope() {
    let o = AuthOptions::password("http://k/v3", "alice", "pw")
        .user_domain_name("Default")
        .scope(Scope::project_name("demo", DomainRef::Id("default".into())));
    assert_eq!(
        body(&o),
        json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": "alice", "domain": {"name": "Default"}, "password": "pw"}}},
            "scope": {"project": {"name": "demo", "domain": {"id": "default"}}}}})
    );
}

#[test]
fn each_scope() {
    let base = AuthOptions::password_by_user_id("http://k/v3", "u1", "pw");
    let cases = [
        (Scope::project_id("p1"), json!({"project": {"id": "p1"}})),
        (
            Scope::Domain(DomainRef::Name("D".into())),
            json!({"domain": {"name": "D"}}),
        ),
        (
            Scope::Domain(DomainRef::Id("d1".into())),
            json!({"domain": {"id": "d1"}}),
        ),
        (Scope::System, json!({"system": {"all": true}})),
        (
            Scope::Trust("t1".into()),
            json!({"OS-TRUST:trust": {"id": "t1"}}),
        ),
        (Scope::Unscoped, json!("unscoped")),
    ];
    for (scope, want) in cases {
        let b = body(&base.clone().scope(scope));
        assert_eq!(b["auth"]["scope"], want);
        assert_eq!(b["auth"]["identity"]["password"]["user"]["id"], "u1");
    }
    assert!(body(&base).get("auth").unwrap().get("scope").is_none());
}

#[test]
fn token_method() {
    let o = AuthOptions::token("http://k/v3", "tok").scope(Scope::project_id("p"));
    assert_eq!(
        body(&o),
        json!({"auth": {"identity": {"methods": ["token"], "token": {"id": "tok"}},
            "scope": {"project": {"id": "p"}}}})
    );
}

#[test]
fn application_credentials_by_id_and_by_name_send_no_scope() {
    let o = AuthOptions::application_credential("http://k", "ac", "sec")
        .scope(Scope::project_id("ignored"));
    assert_eq!(
        body(&o),
        json!({"auth": {"identity": {"methods": ["application_credential"],
            "application_credential": {"id": "ac", "secret": "sec"}}}})
    );
    let mut o = AuthOptions::base("http://k");
    o.application_credential_name = Some("mine".into());
    o.application_credential_secret = Some(SecretString::from("sec".to_string()));
    o.username = Some("alice".into());
    o.user_domain = Some(DomainRef::Id("default".into()));
    assert_eq!(
        body(&o)["auth"]["identity"]["application_credential"],
        json!({"name": "mine", "user": {"name": "alice", "domain": {"id": "default"}}, "secret": "sec"})
    );
    o.username = None;
    let e = o.v3_request_body().unwrap_err();
    assert!(e.to_string().contains("user_id or username"), "{e}");
    o.user_id = Some("u".into());
    o.application_credential_secret = None;
    assert!(
        o.v3_request_body()
            .unwrap_err()
            .to_string()
            .contains("application_credential_secret")
    );
}

#[test]
fn totp_alone_and_with_password() {
    let mut o = AuthOptions::base("http://k/v3");
    o.user_id = Some("u".into());
    o.passcode = Some(SecretString::from("123456".to_string()));
    assert_eq!(
        body(&o)["auth"]["identity"],
        json!({"methods": ["totp"], "totp": {"user": {"id": "u", "passcode": "123456"}}})
    );
    o.password = Some(SecretString::from("pw".to_string()));
    let b = body(&o);
    assert_eq!(
        b["auth"]["identity"]["methods"],
        json!(["password", "totp"])
    );
    assert_eq!(b["auth"]["identity"]["password"]["user"]["password"], "pw");
}

#[test]
fn invalid_options_name_the_field() {
    let o = AuthOptions::password("http://k/v3", "alice", "pw");
    let e = o.v3_request_body().unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("user_domain"), "{e}");
    let mut with_default = o.clone();
    with_default.default_domain = Some(DomainRef::Id("default".into()));
    assert_eq!(
        body(&with_default)["auth"]["identity"]["password"]["user"]["domain"]["id"],
        "default"
    );
    let e = AuthOptions::base("http://k").v3_request_body().unwrap_err();
    assert!(e.to_string().contains("no credentials"), "{e}");
}

#[test]
fn v2_bodies() {
    let o = AuthOptions::password("http://k/v2.0", "alice", "pw")
        .scope(Scope::project_name("demo", DomainRef::Id("default".into())));
    assert_eq!(
        o.v2_request_body().unwrap(),
        json!({"auth": {"passwordCredentials": {"username": "alice", "password": "pw"}, "tenantName": "demo"}})
    );
    let o = AuthOptions::token("http://k/v2.0", "tok").scope(Scope::project_id("t"));
    assert_eq!(
        o.v2_request_body().unwrap(),
        json!({"auth": {"token": {"id": "tok"}, "tenantId": "t"}})
    );
    let e = AuthOptions::token("http://k/v2.0", "tok")
        .scope(Scope::System)
        .v2_request_body()
        .unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::InvalidInput);
    let e = AuthOptions::application_credential("http://k", "a", "s")
        .v2_request_body()
        .unwrap_err();
    assert!(e.to_string().contains("password and token"));
}

#[test]
fn debug_never_shows_secrets() {
    let mut o = AuthOptions::password("http://k/v3", "alice", "hunter2-password")
        .passcode("987654")
        .scope(Scope::System);
    o.token = Some(SecretString::from("gAAAAA-token-value".to_string()));
    o.application_credential_secret = Some(SecretString::from("ac-secret-value".to_string()));
    let d = format!("{o:?} {o:#?}");
    for secret in [
        "hunter2-password",
        "987654",
        "gAAAAA-token-value",
        "ac-secret-value",
    ] {
        assert!(!d.contains(secret), "{secret} leaked in {d}");
    }
    assert!(d.contains("alice"));
}

mod env {
    use super::super::env::auth_options_from;
    use super::*;
    use std::collections::HashMap;

    fn from(pairs: &[(&str, &str)]) -> crate::Result<AuthOptions> {
        let m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        auth_options_from(|k| m.get(k).cloned())
    }

    #[test]
    fn missing_variables_are_named() {
        let e = from(&[]).unwrap_err();
        assert!(e.to_string().contains("OS_AUTH_URL"), "{e}");
        let e = from(&[("OS_AUTH_URL", "http://k/v3")]).unwrap_err();
        assert!(e.to_string().contains("OS_PASSWORD"), "{e}");
        let e = from(&[("OS_AUTH_URL", "http://k/v3"), ("OS_PASSWORD", "p")]).unwrap_err();
        assert!(e.to_string().contains("OS_USERNAME"), "{e}");
        let e = from(&[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_PASSWORD", "p"),
            ("OS_USERNAME", "u"),
        ])
        .unwrap()
        .v3_request_body()
        .unwrap_err();
        // The domains are needed by identity v3 only: the request body names them.
        assert!(e.to_string().contains("OS_USER_DOMAIN_NAME"), "{e}");
        let e = from(&[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_PASSWORD", "p"),
            ("OS_USER_ID", "u"),
            ("OS_PROJECT_NAME", "x"),
        ])
        .unwrap()
        .v3_request_body()
        .unwrap_err();
        assert!(e.to_string().contains("OS_PROJECT_DOMAIN"), "{e}");
        let e = from(&[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_APPLICATION_CREDENTIAL_ID", "a"),
        ])
        .unwrap_err();
        assert!(
            e.to_string().contains("OS_APPLICATION_CREDENTIAL_SECRET"),
            "{e}"
        );
        let e = from(&[
            ("OS_AUTH_URL", "http://k/v3"),
            ("OS_TOKEN", "t"),
            ("OS_SYSTEM_SCOPE", "some"),
        ])
        .unwrap_err();
        assert!(e.to_string().contains("OS_SYSTEM_SCOPE"), "{e}");
    }

    #[test]
    fn every_variable_maps() {
        let o = from(&[
            ("OS_AUTH_URL", "http://k:5000"),
            ("OS_USERNAME", "alice"),
            ("OS_PASSWORD", "pw"),
            ("OS_PASSCODE", "123"),
            ("OS_USER_DOMAIN_ID", "default"),
            ("OS_TENANT_NAME", "demo"),
            ("OS_DEFAULT_DOMAIN", "dd"),
            ("OS_IDENTITY_API_VERSION", "3"),
        ])
        .unwrap();
        let b = o.v3_request_body().unwrap();
        assert_eq!(
            b["auth"]["identity"]["methods"],
            json!(["password", "totp"])
        );
        assert_eq!(
            b["auth"]["scope"],
            json!({"project": {"name": "demo", "domain": {"id": "dd"}}})
        );
        assert_eq!(o.identity_version, Some(IdentityVersion::V3));

        let o = from(&[
            ("OS_AUTH_URL", "http://k"),
            ("OS_AUTH_TOKEN", "t"),
            ("OS_DOMAIN_NAME", "D"),
        ])
        .unwrap();
        assert_eq!(o.scope, Some(Scope::Domain(DomainRef::Name("D".into()))));
        let o = from(&[
            ("OS_AUTH_URL", "http://k"),
            ("OS_TOKEN", "t"),
            ("OS_SYSTEM_SCOPE", "all"),
            ("OS_PROJECT_ID", "p"),
        ])
        .unwrap();
        assert_eq!(o.scope, Some(Scope::System));
        let o = from(&[
            ("OS_AUTH_URL", "http://k"),
            ("OS_TOKEN", "t"),
            ("OS_TRUST_ID", "tr"),
            ("OS_PROJECT_ID", "p"),
        ])
        .unwrap();
        assert_eq!(o.scope, Some(Scope::Trust("tr".into())));
        let o = from(&[
            ("OS_AUTH_URL", "http://k"),
            ("OS_TOKEN", "t"),
            ("OS_TENANT_ID", "p"),
        ])
        .unwrap();
        assert_eq!(o.scope, Some(Scope::ProjectId("p".into())));
        let o = from(&[
            ("OS_AUTH_URL", "http://k"),
            ("OS_APPLICATION_CREDENTIAL_NAME", "n"),
            ("OS_APPLICATION_CREDENTIAL_SECRET", "s"),
            ("OS_USER_ID", "u"),
            ("OS_PROJECT_NAME", "ignored-by-keystone"),
            ("OS_PROJECT_DOMAIN_NAME", "Default"),
        ])
        .unwrap();
        assert!(o.v3_request_body().unwrap()["auth"].get("scope").is_none());
        // v2.0 needs no domains.
        let o = from(&[
            ("OS_AUTH_URL", "http://k/v2.0"),
            ("OS_USERNAME", "u"),
            ("OS_PASSWORD", "p"),
            ("OS_TENANT_NAME", "t"),
        ])
        .unwrap();
        assert_eq!(o.v2_request_body().unwrap()["auth"]["tenantName"], "t");
        // Empty values count as unset.
        let e = from(&[("OS_AUTH_URL", "  ")]).unwrap_err();
        assert!(e.to_string().contains("OS_AUTH_URL"));
    }
}
