//! TLS settings of clouds.yaml against a local HTTPS Keystone with certificates made for
//! the test: a configured CA is trusted (file, `~` path, inline PEM, `OS_CACERT`), no CA
//! or another CA fails verification, `verify: false`/`insecure: true` accepts anything,
//! and client certificates are presented from files or inline PEM.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ferrocloud::ErrorKind;
use ferrocloud::config::{Cloud, CloudsConfig, Environment};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig, ServerConnection, StreamOwned};

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "ferrocloud-config-tls-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Ca {
    pem: String,
    der: CertificateDer<'static>,
    issuer: Issuer<'static, KeyPair>,
}

fn new_ca(name: &str) -> Ca {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name.push(DnType::CommonName, name);
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let key = KeyPair::generate().unwrap();
    let cert = p.self_signed(&key).unwrap();
    Ca {
        pem: cert.pem(),
        der: cert.der().clone(),
        issuer: Issuer::new(p, key),
    }
}

struct Leaf {
    cert_pem: String,
    key_pem: String,
    cert_der: CertificateDer<'static>,
    key_der: Vec<u8>,
}

fn new_leaf(ca: &Ca, name: &str, purpose: ExtendedKeyUsagePurpose) -> Leaf {
    let mut p = CertificateParams::new(vec![name.to_string()]).unwrap();
    p.distinguished_name.push(DnType::CommonName, name);
    p.extended_key_usages = vec![purpose];
    let key = KeyPair::generate().unwrap();
    let cert = p.signed_by(&key, &ca.issuer).unwrap();
    Leaf {
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
        cert_der: cert.der().clone(),
        key_der: key.serialize_der(),
    }
}

fn server_config(leaf: &Leaf, client_ca: Option<&Ca>) -> ServerConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .unwrap();
    let builder = match client_ca {
        None => builder.with_no_client_auth(),
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            roots.add(ca.der.clone()).unwrap();
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .unwrap();
            builder.with_client_cert_verifier(verifier)
        }
    };
    builder
        .with_single_cert(
            vec![leaf.cert_der.clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf.key_der.clone())),
        )
        .unwrap()
}

/// Serves HTTPS on 127.0.0.1 in a thread, for at most `connections` connections: token
/// requests get a Keystone token whose catalog points back here, anything else `{}`.
fn serve(config: ServerConfig, connections: usize) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!(
        "https://127.0.0.1:{}",
        listener.local_addr().unwrap().port()
    );
    let config = Arc::new(config);
    let uri = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(tcp) = stream else { continue };
            let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
            let Ok(conn) = ServerConnection::new(config.clone()) else {
                continue;
            };
            let mut tls = StreamOwned::new(conn, tcp);
            // A client that refuses our certificate ends the handshake: next connection.
            let _ = answer(&mut tls, &uri);
        }
    });
    base
}

fn answer(
    s: &mut StreamOwned<ServerConnection, std::net::TcpStream>,
    uri: &str,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let len: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())
                .flatten()
        })
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let request_line = head.lines().next().unwrap_or_default();
    let (status, extra, body) =
        if request_line.starts_with("POST") && request_line.contains("/auth/tokens") {
            (
                "201 Created",
                "x-subject-token: tok-tls\r\n",
                common::token_body(uri, "2999-01-01T00:00:00Z").to_string(),
            )
        } else {
            ("200 OK", "", "{}".to_string())
        };
    write!(
        s,
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n{extra}\r\n{body}",
        body.len()
    )?;
    s.flush()?;
    s.conn.send_close_notify();
    s.flush()
}

/// `text` as a YAML block scalar indented by `indent` spaces.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::from("|\n");
    for line in text.lines() {
        out.push_str(&pad);
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn config(dir: &TempDir, vars: &[(&str, &str)]) -> CloudsConfig {
    let mut all: Vec<(String, String)> = vec![("HOME".into(), dir.path().display().to_string())];
    all.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    CloudsConfig::load_with(Environment::from_vars(all).with_search_dirs([dir.path()])).unwrap()
}

async fn authenticate(config: &CloudsConfig, name: &str) -> ferrocloud::Result<Cloud> {
    let cloud = Cloud::new(config.cloud(Some(name))?)?;
    cloud.authenticate().await?;
    Ok(cloud)
}

fn assert_verification_failed(result: ferrocloud::Result<Cloud>, name: &str) {
    let e = result.expect_err(name);
    assert_eq!(e.kind(), ErrorKind::Transport, "{name}: {e}");
    assert!(
        e.to_string().to_lowercase().contains("certificate"),
        "{name}: {e}"
    );
}

#[tokio::test]
async fn a_configured_ca_is_trusted_and_verification_is_on_unless_turned_off() {
    let ca = new_ca("ferrocloud test CA");
    let other = new_ca("some other CA");
    let server = new_leaf(&ca, "127.0.0.1", ExtendedKeyUsagePurpose::ServerAuth);
    let base = serve(server_config(&server, None), 64);

    let dir = TempDir::new("ca");
    let ca_path = dir.write("ca.pem", &ca.pem);
    dir.write("other.pem", &other.pem);
    let auth =
        format!("auth: {{auth_url: '{base}/identity/v3', user_id: u, password: p, project_id: x}}");
    dir.write(
        "clouds.yaml",
        &format!(
            "clouds:
  with-ca:
    {auth}
    cacert: {ca}
  with-home-ca:
    {auth}
    cacert: ~/ca.pem
  with-inline-ca:
    {auth}
    cacert: {inline}
  without-ca:
    {auth}
  other-ca:
    {auth}
    cacert: ~/other.pem
  verify-off:
    {auth}
    verify: false
  insecure:
    {auth}
    insecure: true
  insecure-wins:
    {auth}
    insecure: true
    verify: true
    cacert: ~/other.pem
",
            ca = ca_path.display(),
            inline = block(&ca.pem, 6),
        ),
    );
    let config = config(&dir, &[]);

    // (a) With the CA configured, the request succeeds.
    for name in ["with-ca", "with-home-ca", "with-inline-ca"] {
        let cloud = authenticate(&config, name)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(cloud.provider().token_generation(), 1, "{name}");
        // The catalog's endpoints are reached over the same client.
        let compute = cloud.compute().await.unwrap();
        assert_eq!(compute.endpoint().as_str(), format!("{base}/compute/v2.1/"));
        let resp = cloud
            .provider()
            .http_client()
            .get(compute.endpoint().as_str())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
    }
    // (b) Without it, or with another CA, verification fails.
    assert_verification_failed(authenticate(&config, "without-ca").await, "without-ca");
    assert_verification_failed(authenticate(&config, "other-ca").await, "other-ca");
    // (c) With verification turned off, it succeeds.
    for name in ["verify-off", "insecure", "insecure-wins"] {
        authenticate(&config, name)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // OS_CACERT complements a cloud that has no cacert, but does not replace one.
    let with_env = self::config(&dir, &[("OS_CACERT", ca_path.to_str().unwrap())]);
    authenticate(&with_env, "without-ca").await.unwrap();
    assert_verification_failed(
        authenticate(&with_env, "other-ca").await,
        "other-ca with OS_CACERT",
    );
}

#[tokio::test]
async fn client_certificates_from_files_or_inline_pem() {
    let server_ca = new_ca("server CA");
    let client_ca = new_ca("client CA");
    let server = new_leaf(&server_ca, "127.0.0.1", ExtendedKeyUsagePurpose::ServerAuth);
    let client = new_leaf(
        &client_ca,
        "ferrocloud-client",
        ExtendedKeyUsagePurpose::ClientAuth,
    );
    let stranger = new_leaf(&server_ca, "stranger", ExtendedKeyUsagePurpose::ClientAuth);
    let base = serve(server_config(&server, Some(&client_ca)), 64);

    let dir = TempDir::new("client");
    dir.write("ca.pem", &server_ca.pem);
    dir.write("client.crt", &client.cert_pem);
    dir.write("client.key", &client.key_pem);
    dir.write(
        "combined.pem",
        &format!("{}{}", client.cert_pem, client.key_pem),
    );
    dir.write("stranger.crt", &stranger.cert_pem);
    dir.write("stranger.key", &stranger.key_pem);
    let auth = format!("auth: {{auth_url: '{base}/identity/v3', user_id: u, password: p}}");
    dir.write(
        "clouds.yaml",
        &format!(
            "clouds:
  cert-and-key:
    {auth}
    cacert: ~/ca.pem
    cert: ~/client.crt
    key: ~/client.key
  combined:
    {auth}
    cacert: ~/ca.pem
    cert: ~/combined.pem
  inline:
    {auth}
    cacert: ~/ca.pem
    cert: {cert}
    key: {key}
  no-cert:
    {auth}
    cacert: ~/ca.pem
  wrong-cert:
    {auth}
    cacert: ~/ca.pem
    cert: ~/stranger.crt
    key: ~/stranger.key
  key-without-cert:
    {auth}
    cacert: ~/ca.pem
    key: ~/client.key
",
            cert = block(&client.cert_pem, 6),
            key = block(&client.key_pem, 6),
        ),
    );
    let config = config(&dir, &[]);
    for name in ["cert-and-key", "combined", "inline"] {
        let cloud = authenticate(&config, name)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(cloud.provider().token_generation(), 1);
    }
    for name in ["no-cert", "wrong-cert"] {
        let e = authenticate(&config, name).await.expect_err(name);
        assert_eq!(e.kind(), ErrorKind::Transport, "{name}: {e}");
    }
    let e = authenticate(&config, "key-without-cert").await.unwrap_err();
    assert!(e.to_string().contains("key is set without cert"), "{e}");
    // The key never shows, neither in Debug output nor in errors.
    let secret_line = client.key_pem.lines().nth(1).unwrap();
    let inline = config.cloud(Some("inline")).unwrap();
    assert!(!format!("{inline:?}").contains(secret_line));
    assert!(!format!("{:?}", Cloud::new(inline).unwrap()).contains(secret_line));
    // OS_CERT and OS_KEY complement a cloud without them.
    let with_env = self::config(
        &dir,
        &[("OS_CERT", "~/client.crt"), ("OS_KEY", "~/client.key")],
    );
    authenticate(&with_env, "no-cert").await.unwrap();
}
