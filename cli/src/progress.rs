//! Progress on standard error: byte-transfer bars for uploads and downloads, and live
//! status lines for waits.
//!
//! Whether anything is drawn is the caller's decision (`enabled`: standard error is a
//! terminal and `--quiet` was not given). A hidden [`Progress`] still counts bytes, so the
//! code that transfers does not depend on it. A [`Capture`] draws to memory instead, for
//! tests.
//!
//! ```
//! use ferrocloud_cli::progress::Progress;
//!
//! let progress = Progress::transfer("Uploading cirros.img", Some(2048), false);
//! progress.inc(1024);
//! progress.inc(1024);
//! progress.finish();
//! assert_eq!(progress.position(), 2048);
//! ```

#![warn(missing_docs)]

use std::fmt;
use std::io::{self, IsTerminal};
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures::{Stream, StreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle, TermLike};
use tokio::io::{AsyncRead, ReadBuf};

/// How often a visible bar or status line redraws itself while nothing happens.
const TICK: Duration = Duration::from_millis(120);

/// The width of a [`Capture`]'s screen.
const CAPTURE_WIDTH: usize = 100;

/// Where a bar draws.
enum Target<'a> {
    Stderr,
    Hidden,
    Capture(&'a Capture),
}

impl Target<'_> {
    fn for_enabled(enabled: bool) -> Target<'static> {
        if enabled {
            Target::Stderr
        } else {
            Target::Hidden
        }
    }

    /// Drawn to a standard error that is not a terminal (asked for with
    /// `FERROCLOUD_PROGRESS=always`): nothing moves there, so only the final line is
    /// written, as plain text.
    fn is_plain(&self) -> bool {
        matches!(self, Target::Stderr) && !std::io::stderr().is_terminal()
    }

    fn draw_target(&self) -> ProgressDrawTarget {
        match self {
            Target::Stderr => ProgressDrawTarget::stderr(),
            Target::Hidden => ProgressDrawTarget::hidden(),
            Target::Capture(capture) => {
                ProgressDrawTarget::term_like(Box::new(CaptureTerm((*capture).clone())))
            }
        }
    }
}

/// A byte-transfer progress bar. Cheap to clone: clones count into the same bar.
///
/// ```
/// use ferrocloud_cli::progress::Progress;
///
/// // Hidden: nothing is drawn, bytes are still counted.
/// let progress = Progress::transfer("Downloading cirros.img", None, false);
/// progress.inc(512);
/// assert_eq!(progress.position(), 512);
/// ```
#[derive(Clone)]
pub struct Progress {
    bar: ProgressBar,
    verb: &'static str,
    done: Arc<Mutex<Option<String>>>,
    plain: bool,
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Progress")
            .field("position", &self.bar.position())
            .field("total", &self.bar.length())
            .finish()
    }
}

impl Progress {
    /// A byte-transfer bar ("Uploading cirros.img") with the total when known (else a
    /// spinner with bytes and rate), showing bytes done/total, rate and ETA; drawn to
    /// stderr only when `enabled`; otherwise hidden (no output).
    ///
    /// ```
    /// let progress = ferrocloud_cli::progress::Progress::transfer("Uploading a.img", Some(10), false);
    /// assert_eq!(progress.position(), 0);
    /// ```
    pub fn transfer(label: &str, total: Option<u64>, enabled: bool) -> Progress {
        Progress::with_target(label, total, Target::for_enabled(enabled))
    }

    /// The same bar drawn on `capture`'s screen instead of standard error.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{Capture, Progress};
    ///
    /// let capture = Capture::new();
    /// let progress = Progress::captured("Uploading a.img", Some(3), &capture);
    /// progress.inc(3);
    /// progress.finish();
    /// assert!(capture.text().starts_with("Uploaded 3 B in "));
    /// ```
    pub fn captured(label: &str, total: Option<u64>, capture: &Capture) -> Progress {
        Progress::with_target(label, total, Target::Capture(capture))
    }

    fn with_target(label: &str, total: Option<u64>, target: Target<'_>) -> Progress {
        let template = if total.is_some() {
            "{msg} [{wide_bar}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}"
        } else {
            "{spinner} {msg} {binary_bytes} {binary_bytes_per_sec} {elapsed}"
        };
        let style = ProgressStyle::with_template(template)
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(total, target.draw_target())
            .with_style(style)
            .with_message(label.to_string())
            // Dropped unfinished (a failed transfer): stay where it stopped.
            .with_finish(ProgressFinish::Abandon);
        if matches!(target, Target::Stderr) {
            bar.enable_steady_tick(TICK);
        }
        Progress {
            bar,
            verb: past_tense(label),
            done: Arc::new(Mutex::new(None)),
            plain: target.is_plain(),
        }
    }

    /// Counts `n` more bytes.
    ///
    /// ```
    /// let progress = ferrocloud_cli::progress::Progress::transfer("Uploading", None, false);
    /// progress.inc(7);
    /// assert_eq!(progress.position(), 7);
    /// ```
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Ends the bar. When drawn, it is replaced by a final line such as
    /// "Uploaded 12.0 MiB in 1.2 s (10.0 MiB/s)". Further calls change nothing.
    ///
    /// ```
    /// let progress = ferrocloud_cli::progress::Progress::transfer("Uploading", Some(5), false);
    /// progress.inc(2);
    /// progress.finish();
    /// assert_eq!(progress.position(), 2);
    /// ```
    pub fn finish(&self) {
        let mut done = lock(&self.done);
        if done.is_some() {
            return;
        }
        let line = summary(self.verb, self.bar.position(), self.bar.elapsed());
        if let Ok(style) = ProgressStyle::with_template("{msg}") {
            self.bar.set_style(style);
        }
        self.bar.abandon_with_message(line.clone());
        if self.plain {
            eprintln!("{line}");
        }
        *done = Some(line);
    }

    /// The final line, once [`Progress::finish`] was called (also when hidden).
    ///
    /// ```
    /// let progress = ferrocloud_cli::progress::Progress::transfer("Downloading x", None, false);
    /// assert_eq!(progress.final_line(), None);
    /// progress.finish();
    /// assert!(progress.final_line().unwrap().starts_with("Downloaded 0 B in "));
    /// ```
    pub fn final_line(&self) -> Option<String> {
        lock(&self.done).clone()
    }

    /// The bytes counted so far (also when hidden).
    ///
    /// ```
    /// let progress = ferrocloud_cli::progress::Progress::transfer("Uploading", None, false);
    /// assert_eq!(progress.position(), 0);
    /// ```
    pub fn position(&self) -> u64 {
        self.bar.position()
    }
}

/// A live one-line status for waits ("server web-1: BUILD (spawning) 12 s").
///
/// ```
/// use ferrocloud_cli::progress::StatusLine;
///
/// let status = StatusLine::new("server web-1", false);
/// status.set("BUILD (spawning)");
/// status.finish("ACTIVE");
/// ```
pub struct StatusLine {
    bar: ProgressBar,
    label: String,
    plain: bool,
}

impl fmt::Debug for StatusLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatusLine")
            .field("label", &self.label)
            .field("status", &self.bar.message())
            .finish()
    }
}

impl StatusLine {
    /// A live one-line status for waits ("server web-1: BUILD (spawning) 12 s") on stderr
    /// when `enabled`; hidden otherwise.
    ///
    /// ```
    /// let status = ferrocloud_cli::progress::StatusLine::new("volume data", false);
    /// status.set("creating");
    /// status.finish("available");
    /// ```
    pub fn new(label: &str, enabled: bool) -> StatusLine {
        StatusLine::with_target(label, Target::for_enabled(enabled))
    }

    /// The same status line drawn on `capture`'s screen instead of standard error.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{Capture, StatusLine};
    ///
    /// let capture = Capture::new();
    /// let status = StatusLine::captured("server web-1", &capture);
    /// status.finish("ACTIVE");
    /// assert!(capture.text().starts_with("server web-1: ACTIVE ("));
    /// ```
    pub fn captured(label: &str, capture: &Capture) -> StatusLine {
        StatusLine::with_target(label, Target::Capture(capture))
    }

    fn with_target(label: &str, target: Target<'_>) -> StatusLine {
        let seconds = |state: &indicatif::ProgressState, w: &mut dyn fmt::Write| {
            let _ = write!(w, "{} s", state.elapsed().as_secs());
        };
        let style = ProgressStyle::with_template("{spinner} {prefix}: {msg} {seconds}")
            .map(|style| style.with_key("seconds", seconds))
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::with_draw_target(None, target.draw_target())
            .with_style(style)
            .with_prefix(label.to_string())
            .with_finish(ProgressFinish::Abandon);
        if matches!(target, Target::Stderr) {
            bar.enable_steady_tick(TICK);
        }
        StatusLine {
            bar,
            label: label.to_string(),
            plain: target.is_plain(),
        }
    }

    /// Shows a new status.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{Capture, StatusLine};
    ///
    /// let capture = Capture::new();
    /// let status = StatusLine::captured("server web-1", &capture);
    /// status.set("BUILD (spawning)");
    /// assert!(capture.text().contains("server web-1: BUILD (spawning) "));
    /// ```
    pub fn set(&self, status: &str) {
        self.bar.set_message(status.to_string());
        self.bar.tick();
    }

    /// Ends the status line with its last status and the seconds waited, such as
    /// "server web-1: ACTIVE (34 s)".
    ///
    /// ```
    /// let status = ferrocloud_cli::progress::StatusLine::new("server web-1", false);
    /// status.finish("ERROR");
    /// ```
    pub fn finish(&self, final_status: &str) {
        if self.bar.is_finished() {
            return;
        }
        if let Ok(style) = ProgressStyle::with_template("{msg}") {
            self.bar.set_style(style);
        }
        let line = format!(
            "{}: {final_status} ({} s)",
            self.label,
            self.bar.elapsed().as_secs()
        );
        if self.plain {
            eprintln!("{line}");
        }
        self.bar.abandon_with_message(line);
    }
}

/// Wraps a byte stream so each chunk advances `progress` by its length.
///
/// ```
/// use bytes::Bytes;
/// use ferrocloud_cli::progress::{counting_stream, Progress};
/// use futures::StreamExt;
///
/// let progress = Progress::transfer("Uploading", Some(6), false);
/// let chunks = futures::stream::iter([Ok::<_, std::io::Error>(Bytes::from("abc")), Ok(Bytes::from("def"))]);
/// let counted = counting_stream(chunks, progress.clone());
/// let all: Vec<_> = futures::executor::block_on(counted.collect());
/// assert_eq!(all.len(), 2);
/// assert_eq!(progress.position(), 6);
/// ```
pub fn counting_stream<S, E>(stream: S, progress: Progress) -> impl Stream<Item = Result<Bytes, E>>
where
    S: Stream<Item = Result<Bytes, E>>,
{
    stream.inspect(move |item| {
        if let Ok(chunk) = item {
            progress.inc(chunk.len() as u64);
        }
    })
}

pin_project_lite::pin_project! {
    /// An [`AsyncRead`] whose reads advance a [`Progress`] (see [`counting_reader`]).
    ///
    /// ```
    /// use ferrocloud_cli::progress::{counting_reader, Progress};
    ///
    /// let reader = counting_reader(&b"data"[..], Progress::transfer("Downloading", None, false));
    /// assert_eq!(reader.progress().position(), 0);
    /// ```
    #[derive(Debug)]
    pub struct CountingReader<R> {
        #[pin]
        inner: R,
        progress: Progress,
    }
}

impl<R> CountingReader<R> {
    /// The progress the reads advance.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{counting_reader, Progress};
    ///
    /// let reader = counting_reader(tokio::io::empty(), Progress::transfer("Downloading", None, false));
    /// assert_eq!(reader.progress().position(), 0);
    /// ```
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The wrapped reader.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{counting_reader, Progress};
    ///
    /// let reader = counting_reader(&b"x"[..], Progress::transfer("Downloading", None, false));
    /// assert_eq!(reader.into_inner(), b"x");
    /// ```
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: AsyncRead> AsyncRead for CountingReader<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.project();
        let before = buf.filled().len();
        let poll = this.inner.poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = poll {
            this.progress
                .inc(buf.filled().len().saturating_sub(before) as u64);
        }
        poll
    }
}

/// Wraps an [`AsyncRead`] so each read advances `progress` by the bytes read (for
/// downloads written to a file).
///
/// ```
/// use ferrocloud_cli::progress::{counting_reader, Progress};
/// use tokio::io::AsyncReadExt;
///
/// let progress = Progress::transfer("Downloading cirros.img", Some(5), false);
/// let mut reader = counting_reader(&b"hello"[..], progress.clone());
/// let mut out = Vec::new();
/// futures::executor::block_on(reader.read_to_end(&mut out))?;
/// assert_eq!(progress.position(), 5);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn counting_reader<R: AsyncRead>(reader: R, progress: Progress) -> CountingReader<R> {
    CountingReader {
        inner: reader,
        progress,
    }
}

/// A screen in memory that progress bars and status lines can draw on, for tests: it
/// keeps what a terminal would show once the drawing is done.
///
/// ```
/// use ferrocloud_cli::progress::{Capture, StatusLine};
///
/// let capture = Capture::new();
/// StatusLine::captured("image cirros", &capture).finish("active");
/// assert!(capture.text().starts_with("image cirros: active ("));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Capture {
    screen: Arc<Mutex<Screen>>,
}

impl Capture {
    /// An empty screen.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::progress::Capture::new().text(), "");
    /// ```
    pub fn new() -> Capture {
        Capture::default()
    }

    /// What the screen shows: its lines without trailing spaces, joined by line breaks,
    /// without the empty lines at the end.
    ///
    /// ```
    /// use ferrocloud_cli::progress::{Capture, Progress};
    ///
    /// let capture = Capture::new();
    /// Progress::captured("Uploading", None, &capture).finish();
    /// assert!(capture.text().starts_with("Uploaded 0 B"));
    /// ```
    pub fn text(&self) -> String {
        let screen = lock(&self.screen);
        let mut lines: Vec<String> = screen
            .lines
            .iter()
            .map(|line| line.iter().collect::<String>().trim_end().to_string())
            .collect();
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines.join("\n")
    }
}

/// Lines of characters and a cursor that writes over them, wrapping at the width.
#[derive(Debug, Default)]
struct Screen {
    lines: Vec<Vec<char>>,
    row: usize,
    column: usize,
}

impl Screen {
    fn line(&mut self) -> &mut Vec<char> {
        while self.lines.len() <= self.row {
            self.lines.push(Vec::new());
        }
        &mut self.lines[self.row]
    }

    fn write(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\r' => self.column = 0,
                '\n' => {
                    self.row += 1;
                    self.column = 0;
                }
                c => {
                    if self.column >= CAPTURE_WIDTH {
                        self.row += 1;
                        self.column = 0;
                    }
                    let column = self.column;
                    let line = self.line();
                    if line.len() <= column {
                        line.resize(column, ' ');
                        line.push(c);
                    } else {
                        line[column] = c;
                    }
                    self.column += 1;
                }
            }
        }
    }
}

/// The [`TermLike`] face of a [`Capture`].
#[derive(Debug)]
struct CaptureTerm(Capture);

impl CaptureTerm {
    fn screen(&self) -> MutexGuard<'_, Screen> {
        lock(&self.0.screen)
    }
}

impl TermLike for CaptureTerm {
    fn width(&self) -> u16 {
        CAPTURE_WIDTH as u16
    }

    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        let mut screen = self.screen();
        screen.row = screen.row.saturating_sub(n);
        Ok(())
    }

    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.screen().row += n;
        Ok(())
    }

    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.screen().column += n;
        Ok(())
    }

    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        let mut screen = self.screen();
        screen.column = screen.column.saturating_sub(n);
        Ok(())
    }

    fn write_line(&self, s: &str) -> io::Result<()> {
        let mut screen = self.screen();
        screen.write(s);
        screen.write("\n");
        Ok(())
    }

    fn write_str(&self, s: &str) -> io::Result<()> {
        self.screen().write(s);
        Ok(())
    }

    fn clear_line(&self) -> io::Result<()> {
        let mut screen = self.screen();
        screen.line().clear();
        screen.column = 0;
        Ok(())
    }

    fn flush(&self) -> io::Result<()> {
        Ok(())
    }
}

/// Locks a mutex, also after a panic elsewhere poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The verb of the final line: "Uploading x" gives "Uploaded", "Downloading x"
/// "Downloaded"; a label that does not start with such a verb gives "Transferred".
fn past_tense(label: &str) -> &'static str {
    let first = label.split_whitespace().next().unwrap_or("");
    const VERBS: [(&str, &str); 8] = [
        ("uploading", "Uploaded"),
        ("downloading", "Downloaded"),
        ("copying", "Copied"),
        ("saving", "Saved"),
        ("writing", "Wrote"),
        ("reading", "Read"),
        ("sending", "Sent"),
        ("fetching", "Fetched"),
    ];
    VERBS
        .iter()
        .find(|(verb, _)| first.eq_ignore_ascii_case(verb))
        .map(|(_, past)| *past)
        .unwrap_or("Transferred")
}

/// "Uploaded 12.0 MiB in 1.2 s (10.0 MiB/s)".
fn summary(verb: &str, bytes: u64, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    // An instant transfer is counted as one millisecond long.
    let rate = bytes as f64 / seconds.max(0.001);
    format!(
        "{verb} {} in {} ({}/s)",
        human_bytes(bytes as f64),
        human_duration(elapsed),
        human_bytes(rate)
    )
}

/// Bytes in binary units with one decimal ("12.0 MiB"), whole bytes under 1 KiB.
fn human_bytes(bytes: f64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024.0 {
        return format!("{} B", bytes.round() as u64);
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// "1.2 s" under a minute, "3 min 4 s" under an hour, "1 h 2 min" beyond.
fn human_duration(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    if seconds < 60 {
        format!("{:.1} s", elapsed.as_secs_f64())
    } else if seconds < 3600 {
        format!("{} min {} s", seconds / 60, seconds % 60)
    } else {
        format!("{} h {} min", seconds / 3600, seconds % 3600 / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use tokio::io::AsyncReadExt;

    fn chunks(sizes: &[usize]) -> impl Stream<Item = Result<Bytes, io::Error>> {
        let chunks: Vec<Result<Bytes, io::Error>> = sizes
            .iter()
            .map(|&n| Ok(Bytes::from(vec![7u8; n])))
            .collect();
        futures::stream::iter(chunks)
    }

    #[test]
    fn a_counted_stream_reaches_the_total() {
        let progress = Progress::transfer("Uploading cirros.img", Some(10_000), false);
        let counted = counting_stream(chunks(&[4096, 4096, 1808]), progress.clone());
        let received: Vec<Bytes> = block_on(counted.map(|c| c.unwrap()).collect());
        assert_eq!(received.iter().map(Bytes::len).sum::<usize>(), 10_000);
        assert_eq!(progress.position(), 10_000);
        progress.finish();
        assert_eq!(progress.position(), 10_000);
    }

    #[test]
    fn counted_streams_and_readers_can_move_between_tasks() {
        fn sendable<T: Send + 'static>(_: &T) {}
        fn unpin<T: Unpin>(_: &T) {}
        let progress = Progress::transfer("Uploading", None, false);
        let stream = counting_stream(chunks(&[1]), progress.clone());
        sendable(&stream);
        unpin(&stream);
        let reader = counting_reader(tokio::io::empty(), progress);
        sendable(&reader);
        unpin(&reader);
    }

    #[test]
    fn errors_in_the_stream_pass_through_uncounted() {
        let progress = Progress::transfer("Uploading", None, false);
        let items = futures::stream::iter(vec![
            Ok(Bytes::from_static(b"abc")),
            Err(io::Error::other("broken")),
            Ok(Bytes::from_static(b"de")),
        ]);
        let results: Vec<_> = block_on(counting_stream(items, progress.clone()).collect());
        assert!(results[1].is_err());
        assert_eq!(progress.position(), 5);
    }

    #[test]
    fn a_counted_reader_reaches_the_total() {
        let data = vec![1u8; 70_000];
        let progress = Progress::transfer("Downloading cirros.img", Some(70_000), false);
        let mut reader = counting_reader(&data[..], progress.clone());
        let mut out = Vec::new();
        block_on(reader.read_to_end(&mut out)).unwrap();
        assert_eq!(out, data);
        assert_eq!(progress.position(), 70_000);
    }

    #[test]
    fn a_small_upload_ends_with_a_line_naming_its_size_and_rate() {
        let capture = Capture::new();
        let progress = Progress::captured("Uploading cirros.img", Some(3 * 1024 * 1024), &capture);
        block_on(
            counting_stream(chunks(&[1024 * 1024; 3]), progress.clone()).for_each(|_| async {}),
        );
        assert_eq!(progress.position(), 3 * 1024 * 1024);
        progress.finish();
        let text = capture.text();
        assert!(text.starts_with("Uploaded 3.0 MiB in "), "{text:?}");
        assert!(text.ends_with("/s)"), "{text:?}");
        assert!(!text.contains('\n'), "the bar was replaced: {text:?}");
        assert_eq!(progress.final_line().as_deref(), Some(text.as_str()));
        // Finishing again changes nothing.
        progress.finish();
        assert_eq!(capture.text(), text);
    }

    #[test]
    fn a_bar_shows_bytes_total_and_rate_while_running() {
        let capture = Capture::new();
        let progress = Progress::captured("Uploading cirros.img", Some(4096), &capture);
        progress.inc(2048);
        let text = capture.text();
        assert!(text.starts_with("Uploading cirros.img ["), "{text:?}");
        assert!(text.contains("2.00 KiB/4.00 KiB"), "{text:?}");
        assert!(text.contains("ETA"), "{text:?}");
    }

    #[test]
    fn a_spinner_without_total_shows_bytes() {
        let capture = Capture::new();
        let progress = Progress::captured("Downloading cirros.img", None, &capture);
        progress.inc(1536);
        let text = capture.text();
        assert!(text.contains("Downloading cirros.img 1.50 KiB"), "{text:?}");
        progress.finish();
        assert!(capture.text().starts_with("Downloaded 1.5 KiB in "));
    }

    #[test]
    fn hidden_progress_and_status_print_nothing() {
        let capture = Capture::new();
        // Hidden ones never touch a target; a capture left unused stays empty.
        let progress = Progress::transfer("Uploading", Some(10), false);
        progress.inc(10);
        progress.finish();
        let status = StatusLine::new("server web-1", false);
        status.set("BUILD");
        status.finish("ACTIVE");
        assert_eq!(capture.text(), "");
        assert!(progress.bar.is_hidden());
        assert!(status.bar.is_hidden());
        assert_eq!(progress.position(), 10);
        assert!(
            progress
                .final_line()
                .unwrap()
                .starts_with("Uploaded 10 B in ")
        );
    }

    #[test]
    fn a_status_line_shows_label_status_and_seconds() {
        let capture = Capture::new();
        let status = StatusLine::captured("server web-1", &capture);
        status.bar.set_elapsed(Duration::from_secs(12));
        status.set("BUILD (spawning)");
        let text = capture.text();
        assert!(
            text.ends_with("server web-1: BUILD (spawning) 12 s"),
            "{text:?}"
        );
        status.finish("ACTIVE");
        assert_eq!(capture.text(), "server web-1: ACTIVE (12 s)");
        status.finish("ERROR");
        assert_eq!(capture.text(), "server web-1: ACTIVE (12 s)");
    }

    #[test]
    fn final_lines_read_as_sentences() {
        assert_eq!(
            summary("Uploaded", 12 * 1024 * 1024, Duration::from_millis(1200)),
            "Uploaded 12.0 MiB in 1.2 s (10.0 MiB/s)"
        );
        assert_eq!(
            summary("Downloaded", 0, Duration::ZERO),
            "Downloaded 0 B in 0.0 s (0 B/s)"
        );
        assert_eq!(
            summary("Transferred", 500, Duration::from_secs(2)),
            "Transferred 500 B in 2.0 s (250 B/s)"
        );
        assert_eq!(
            summary("Saved", 5 * 1024 * 1024 * 1024, Duration::from_secs(125)),
            "Saved 5.0 GiB in 2 min 5 s (41.0 MiB/s)"
        );
        assert_eq!(human_duration(Duration::from_secs(3720)), "1 h 2 min");
        assert_eq!(human_bytes(u64::MAX as f64), "16.0 EiB");
        assert_eq!(past_tense("Uploading cirros.img"), "Uploaded");
        assert_eq!(past_tense("downloading"), "Downloaded");
        assert_eq!(past_tense("cirros.img"), "Transferred");
        assert_eq!(past_tense(""), "Transferred");
    }

    #[test]
    fn the_capture_screen_overwrites_and_wraps() {
        let capture = Capture::new();
        let term = CaptureTerm(capture.clone());
        term.write_str("first draw").unwrap();
        term.write_str("\rsecond").unwrap();
        assert_eq!(capture.text(), "seconddraw");
        term.clear_line().unwrap();
        term.write_line("line one").unwrap();
        term.write_str(&"x".repeat(CAPTURE_WIDTH + 2)).unwrap();
        assert_eq!(
            capture.text(),
            format!("line one\n{}\nxx", "x".repeat(CAPTURE_WIDTH))
        );
        term.move_cursor_up(5).unwrap();
        term.move_cursor_left(500).unwrap();
        term.write_str("L").unwrap();
        assert!(capture.text().starts_with("Line one"));
    }
}
