//! The fault server: a raw HTTP/1.1 server on 127.0.0.1 that plays a script of faults,
//! and what the cases share.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferrocloud::http::Method;
use ferrocloud::retry::RetryPolicy;
use ferrocloud::{Operation, ProviderClient, ServiceClient};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What the fault server does with one request.
#[derive(Clone)]
pub(crate) enum Fault {
    /// A complete answer.
    Answer {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// Close the connection without answering.
    DropBeforeHeaders,
    /// Send the headers and part of the body, then close.
    DropAfterHeaders,
    /// Wait this long before answering 200 `{}`.
    Stall(Duration),
    /// Announce `announced` bytes and send `body` (longer).
    Oversized { announced: usize, body: Vec<u8> },
    /// Accept the request and never answer (the connection stays open).
    Silent,
    /// Write these bytes as they are, then keep serving the connection.
    Raw(Vec<u8>),
    /// A body of `size` bytes of `fill`, written in 64 KiB blocks (never held whole),
    /// announced with Content-Length, or chunked when `chunked`.
    Big {
        status: u16,
        size: usize,
        fill: u8,
        chunked: bool,
    },
}

pub(crate) fn answer(status: u16, body: &str) -> Fault {
    Fault::Answer {
        status,
        headers: vec![("content-type", "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

pub(crate) fn answer_with(status: u16, headers: Vec<(&'static str, String)>, body: &str) -> Fault {
    Fault::Answer {
        status,
        headers,
        body: body.as_bytes().to_vec(),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub(crate) method: String,
    pub(crate) path: String,
    /// The query string, without the `?` (empty when there is none).
    pub(crate) query: String,
    pub(crate) token: Option<String>,
    /// Every header, names in lower case.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

/// A raw HTTP/1.1 server on 127.0.0.1 that plays a script of faults.
pub(crate) struct FaultServer {
    pub(crate) uri: String,
    pub(crate) script: Arc<Mutex<VecDeque<Fault>>>,
    pub(crate) seen: Arc<Mutex<Vec<Seen>>>,
}

impl FaultServer {
    pub(crate) async fn start(script: Vec<Fault>) -> FaultServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let uri = format!("http://{}", listener.local_addr().unwrap());
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s2, seen2) = (script.clone(), seen.clone());
        tokio::spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    return;
                };
                let (s3, seen3) = (s2.clone(), seen2.clone());
                tokio::spawn(async move { serve(sock, s3, seen3).await });
            }
        });
        FaultServer { uri, script, seen }
    }

    pub(crate) fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub(crate) fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|s| s.method == method && s.path == path)
            .count()
    }

    /// The requests seen by path.
    pub(crate) fn seen(&self, method: &str, path: &str) -> Vec<Seen> {
        self.requests()
            .into_iter()
            .filter(|s| s.method == method && s.path == path)
            .collect()
    }

    pub(crate) fn client(&self, policy: RetryPolicy) -> ServiceClient {
        let p = ProviderClient::builder(format!("{}/v3", self.uri))
            .retry(policy)
            .timeout(Duration::from_millis(500))
            .build()
            .unwrap();
        p.set_token("tok", None);
        ServiceClient::new(p, "compute", &self.uri, None).unwrap()
    }
}

/// Reads one request (headers and a Content-Length body) from the socket.
pub(crate) async fn read_request(sock: &mut TcpStream) -> Option<Seen> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.lines();
    let first = lines.next()?;
    let mut parts = first.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?;
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut len = 0usize;
    let mut token = None;
    let mut headers = Vec::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
            match k.as_str() {
                "content-length" => len = v.parse().unwrap_or(0),
                "x-auth-token" => token = Some(v.clone()),
                _ => {}
            }
            headers.push((k, v));
        }
    }
    while buf.len() < head_end + len {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = buf[head_end..buf.len().min(head_end + len)].to_vec();
    Some(Seen {
        method,
        path: path.to_string(),
        query: query.to_string(),
        token,
        headers,
        body,
    })
}

pub(crate) async fn serve(
    mut sock: TcpStream,
    script: Arc<Mutex<VecDeque<Fault>>>,
    seen: Arc<Mutex<Vec<Seen>>>,
) {
    loop {
        let Some(request) = read_request(&mut sock).await else {
            return;
        };
        seen.lock().unwrap().push(request);
        let fault = script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| answer(200, "{}"));
        match fault {
            Fault::Answer {
                status,
                headers,
                body,
            } => {
                let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
                for (k, v) in headers {
                    out.push_str(&format!("{k}: {v}\r\n"));
                }
                out.push_str("\r\n");
                let mut bytes = out.into_bytes();
                bytes.extend_from_slice(&body);
                if sock.write_all(&bytes).await.is_err() {
                    return;
                }
            }
            Fault::DropBeforeHeaders => return,
            Fault::DropAfterHeaders => {
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"serv")
                    .await;
                return;
            }
            Fault::Stall(d) => {
                tokio::time::sleep(d).await;
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")
                    .await;
                return;
            }
            Fault::Oversized { announced, body } => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {announced}\r\n\r\n"
                );
                let _ = sock.write_all(head.as_bytes()).await;
                let _ = sock.write_all(&body).await;
                return;
            }
            Fault::Silent => {
                // Hold the connection open until the client gives up.
                let mut sink = [0u8; 1024];
                while matches!(sock.read(&mut sink).await, Ok(n) if n > 0) {}
                return;
            }
            Fault::Big {
                status,
                size,
                fill,
                chunked,
            } => {
                let framing = if chunked {
                    "transfer-encoding: chunked".to_string()
                } else {
                    format!("content-length: {size}")
                };
                let head = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\n{framing}\r\n\r\n"
                );
                if sock.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let block = vec![fill; 64 * 1024];
                let mut left = size;
                while left > 0 {
                    let n = left.min(block.len());
                    let ok = if chunked {
                        let mut piece = format!("{n:x}\r\n").into_bytes();
                        piece.extend_from_slice(&block[..n]);
                        piece.extend_from_slice(b"\r\n");
                        sock.write_all(&piece).await.is_ok()
                    } else {
                        sock.write_all(&block[..n]).await.is_ok()
                    };
                    if !ok {
                        return;
                    }
                    left -= n;
                }
                if chunked && sock.write_all(b"0\r\n\r\n").await.is_err() {
                    return;
                }
            }
            Fault::Raw(bytes) => {
                if sock.write_all(&bytes).await.is_err() {
                    return;
                }
            }
        }
    }
}

pub(crate) static GET_THING: Operation = Operation::new("compute", Method::GET, "/thing");
pub(crate) static POST_THING: Operation = Operation::new("compute", Method::POST, "/thing");

pub(crate) fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .delays(Duration::from_millis(2), Duration::from_millis(20))
}

/// Totals for the report.
pub(crate) static CASES: AtomicUsize = AtomicUsize::new(0);
pub(crate) static REQUESTS: AtomicUsize = AtomicUsize::new(0);
pub(crate) static RETRIES: AtomicUsize = AtomicUsize::new(0);

pub(crate) fn tally(server: &FaultServer, logical_requests: usize) {
    let n = server.requests().len();
    CASES.fetch_add(1, Ordering::SeqCst);
    REQUESTS.fetch_add(n, Ordering::SeqCst);
    RETRIES.fetch_add(n.saturating_sub(logical_requests), Ordering::SeqCst);
}
