//! Rendering command results: tables, JSON, YAML, values, CSV and shell variables.
//!
//! A `list` command produces a [`Listing`] (headers and rows), a `show` command a
//! [`Record`] (ordered field/value pairs). [`render_listing`] and [`render_record`] turn
//! them into the text the user asked for with [`OutputOptions`], in the formats
//! openstackclient users know (`-f table|json|yaml|value|csv|shell`, `-c`,
//! `--sort-column`, `--fit-width`, `--max-width`, `--noindent`, `--quote`, `--prefix`).
//!
//! ```
//! use ferrocloud_cli::output::{render_listing, Listing, OutputOptions};
//! use serde_json::json;
//!
//! let listing = Listing {
//!     headers: vec!["ID".into(), "Name".into()],
//!     rows: vec![vec![json!("1"), json!("web")]],
//! };
//! let text = render_listing(&listing, &OutputOptions::default())?;
//! assert_eq!(text, "+----+------+\n| ID | Name |\n+----+------+\n| 1  | web  |\n+----+------+\n");
//! # Ok::<(), ferrocloud_cli::output::OutputError>(())
//! ```

#![warn(missing_docs)]

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

/// A list result: column headers (display names such as "ID", "Name", "Status") and rows
/// of JSON values, one value per header.
///
/// ```
/// use ferrocloud_cli::output::Listing;
/// use serde_json::json;
///
/// let mut listing = Listing::new(["ID", "Name"]);
/// listing.rows.push(vec![json!("1"), json!("web")]);
/// assert_eq!(listing.headers, ["ID", "Name"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The column headers, in display order.
    pub headers: Vec<String>,
    /// The rows; each has exactly one value per header.
    pub rows: Vec<Vec<Value>>,
}

impl Listing {
    /// A listing with these headers and no rows yet.
    ///
    /// ```
    /// let listing = ferrocloud_cli::output::Listing::new(["ID", "Status"]);
    /// assert!(listing.rows.is_empty());
    /// ```
    pub fn new<I, S>(headers: I) -> Listing
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Listing {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }
}

/// A single object (a `show` result): ordered (field name, value) pairs.
///
/// ```
/// use ferrocloud_cli::output::Record;
/// use serde_json::json;
///
/// let record = Record::new().field("id", json!("1")).field("name", json!("web"));
/// assert_eq!(record.fields[1].0, "name");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The fields, in display order.
    pub fields: Vec<(String, Value)>,
}

impl Record {
    /// A record without fields.
    ///
    /// ```
    /// assert!(ferrocloud_cli::output::Record::new().fields.is_empty());
    /// ```
    pub fn new() -> Record {
        Record::default()
    }

    /// This record with one more field at the end.
    ///
    /// ```
    /// use serde_json::json;
    /// let record = ferrocloud_cli::output::Record::new().field("ram", json!(512));
    /// assert_eq!(record.fields, [("ram".to_string(), json!(512))]);
    /// ```
    pub fn field(mut self, name: impl Into<String>, value: Value) -> Record {
        self.fields.push((name.into(), value));
        self
    }

    /// A record of every member of a JSON object, in the object's key order (sorted by
    /// name, as `show` commands list an object's fields).
    ///
    /// ```
    /// use serde_json::json;
    /// let object = json!({"name": "web", "id": "1"});
    /// let record = ferrocloud_cli::output::Record::from_object(object.as_object().unwrap());
    /// assert_eq!(record.fields[0], ("id".to_string(), json!("1")));
    /// ```
    pub fn from_object(object: &Map<String, Value>) -> Record {
        Record {
            fields: object.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        }
    }
}

/// An output format (`-f/--format`).
///
/// ```
/// use ferrocloud_cli::output::Format;
/// assert_eq!("json".parse::<Format>(), Ok(Format::Json));
/// assert_eq!(Format::Yaml.to_string(), "yaml");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// An ASCII table with borders.
    #[default]
    Table,
    /// JSON: an array of objects for a listing, an object for a record.
    Json,
    /// YAML, block style, with the same structure as JSON.
    Yaml,
    /// The values only, without headers.
    Value,
    /// Comma-separated values with a header row.
    Csv,
    /// `name="value"` lines for a shell's `eval` (records only).
    Shell,
}

impl Format {
    /// Every format's name, as `-f` accepts them.
    ///
    /// ```
    /// assert!(ferrocloud_cli::output::Format::NAMES.contains(&"csv"));
    /// ```
    pub const NAMES: [&'static str; 6] = ["table", "json", "yaml", "value", "csv", "shell"];

    /// The format's name, as `-f` accepts it.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::output::Format::Value.name(), "value");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Value => "value",
            Format::Csv => "csv",
            Format::Shell => "shell",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = OutputError;

    fn from_str(s: &str) -> Result<Format, OutputError> {
        Ok(match s {
            "table" => Format::Table,
            "json" => Format::Json,
            "yaml" => Format::Yaml,
            "value" => Format::Value,
            "csv" => Format::Csv,
            "shell" => Format::Shell,
            _ => {
                return Err(OutputError(format!(
                    "no format {s:?}; formats: {}",
                    Format::NAMES.join(", ")
                )));
            }
        })
    }
}

/// How CSV fields are quoted (`--quote`), as in Python's `csv` module.
///
/// ```
/// use ferrocloud_cli::output::Quote;
/// assert_eq!("nonnumeric".parse::<Quote>(), Ok(Quote::NonNumeric));
/// assert_eq!(Quote::default(), Quote::NonNumeric);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Quote {
    /// Every field is quoted.
    All,
    /// Only fields that contain a comma, a quote or a line break are quoted.
    Minimal,
    /// No field is quoted; commas, quotes, line breaks and backslashes are escaped with a
    /// backslash.
    None,
    /// Every field but numbers and booleans is quoted.
    #[default]
    NonNumeric,
}

impl Quote {
    /// Every quoting mode's name, as `--quote` accepts them.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::output::Quote::NAMES.len(), 4);
    /// ```
    pub const NAMES: [&'static str; 4] = ["all", "minimal", "none", "nonnumeric"];

    /// The mode's name, as `--quote` accepts it.
    ///
    /// ```
    /// assert_eq!(ferrocloud_cli::output::Quote::Minimal.name(), "minimal");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Quote::All => "all",
            Quote::Minimal => "minimal",
            Quote::None => "none",
            Quote::NonNumeric => "nonnumeric",
        }
    }
}

impl fmt::Display for Quote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Quote {
    type Err = OutputError;

    fn from_str(s: &str) -> Result<Quote, OutputError> {
        Ok(match s {
            "all" => Quote::All,
            "minimal" => Quote::Minimal,
            "none" => Quote::None,
            "nonnumeric" => Quote::NonNumeric,
            _ => {
                return Err(OutputError(format!(
                    "no quoting mode {s:?}; modes: {}",
                    Quote::NAMES.join(", ")
                )));
            }
        })
    }
}

/// What the user asked of the output. The default is a table of every column, in the
/// listing's order, sorted ascending when sort columns are given, as wide as its content.
///
/// ```
/// use ferrocloud_cli::output::{Format, OutputOptions};
///
/// let options = OutputOptions { format: Format::Json, noindent: true, ..Default::default() };
/// assert!(options.sort_ascending);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputOptions {
    /// The format (`-f/--format`).
    pub format: Format,
    /// The columns to keep, in this order, by header name (`-c/--column`); empty keeps all.
    /// For a record these are field names.
    pub columns: Vec<String>,
    /// The columns to sort a listing by, the first one first (`--sort-column`).
    pub sort: Vec<String>,
    /// Ascending (`--sort-ascending`, the default) or descending (`--sort-descending`).
    pub sort_ascending: bool,
    /// Fit the table to the terminal's width (`--fit-width`).
    pub fit_width: bool,
    /// The table's maximum width (`--max-width`); `Some(0)` or `None` sets none. A
    /// positive value wins over `fit_width`.
    pub max_width: Option<usize>,
    /// Headers in bold; the caller sets it when standard output is a terminal.
    pub color: bool,
    /// JSON on one line (`--noindent`).
    pub noindent: bool,
    /// CSV quoting (`--quote`).
    pub quote: Quote,
    /// A prefix for every variable name of the shell format (`--prefix`).
    pub prefix: String,
}

impl Default for OutputOptions {
    fn default() -> OutputOptions {
        OutputOptions {
            format: Format::Table,
            columns: Vec::new(),
            sort: Vec::new(),
            sort_ascending: true,
            fit_width: false,
            max_width: None,
            color: false,
            noindent: false,
            quote: Quote::NonNumeric,
            prefix: String::new(),
        }
    }
}

/// Why a result could not be rendered: an unknown column, a row of the wrong length, a
/// format that does not apply.
///
/// ```
/// use ferrocloud_cli::output::{render_listing, Listing, OutputOptions};
///
/// let listing = Listing::new(["ID", "Name"]);
/// let options = OutputOptions { columns: vec!["Nmae".into()], ..Default::default() };
/// let error = render_listing(&listing, &options).unwrap_err();
/// assert_eq!(error.to_string(), "no column \"Nmae\"; columns: ID, Name");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputError(String);

impl OutputError {
    /// What was wrong, as `Display` writes it.
    ///
    /// ```
    /// let error = "xml".parse::<ferrocloud_cli::output::Format>().unwrap_err();
    /// assert!(error.message().starts_with("no format \"xml\""));
    /// ```
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OutputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OutputError {}

/// Renders a list result. The text ends with a line break, except an empty table, which
/// is empty (no rows, no output).
///
/// ```
/// use ferrocloud_cli::output::{render_listing, Format, Listing, OutputOptions};
/// use serde_json::json;
///
/// let listing = Listing {
///     headers: vec!["ID".into(), "Name".into()],
///     rows: vec![vec![json!("2"), json!("db")], vec![json!("1"), json!("web")]],
/// };
/// let options = OutputOptions {
///     format: Format::Value,
///     sort: vec!["Name".into()],
///     ..Default::default()
/// };
/// assert_eq!(render_listing(&listing, &options)?, "2 db\n1 web\n");
/// # Ok::<(), ferrocloud_cli::output::OutputError>(())
/// ```
pub fn render_listing(l: &Listing, o: &OutputOptions) -> Result<String, OutputError> {
    for (i, row) in l.rows.iter().enumerate() {
        if row.len() != l.headers.len() {
            return Err(OutputError(format!(
                "row {} has {} values for {} columns",
                i + 1,
                row.len(),
                l.headers.len()
            )));
        }
    }
    let mut rows: Vec<&Vec<Value>> = l.rows.iter().collect();
    if !o.sort.is_empty() {
        let keys = column_indexes(&l.headers, &o.sort)?;
        rows.sort_by(|a, b| {
            let ordering = keys
                .iter()
                .map(|&k| compare_values(&a[k], &b[k]))
                .find(|ordering| ordering.is_ne())
                .unwrap_or(Ordering::Equal);
            if o.sort_ascending {
                ordering
            } else {
                ordering.reverse()
            }
        });
    }
    let keep = selected_indexes(&l.headers, &o.columns)?;
    let headers: Vec<&str> = keep.iter().map(|&i| l.headers[i].as_str()).collect();
    let rows: Vec<Vec<&Value>> = rows
        .iter()
        .map(|row| keep.iter().map(|&i| &row[i]).collect())
        .collect();

    Ok(match o.format {
        Format::Table => {
            if rows.is_empty() {
                return Ok(String::new());
            }
            let align = headers
                .iter()
                .enumerate()
                .map(|(i, _)| match rows.first().map(|row| row[i]) {
                    Some(Value::Number(_)) => Align::Right,
                    _ => Align::Left,
                })
                .collect::<Vec<_>>();
            let cells = rows
                .iter()
                .map(|row| row.iter().map(|v| cell_text(v)).collect())
                .collect::<Vec<Vec<String>>>();
            table(&headers, &cells, &align, table_width(o), o.color)
        }
        Format::Json => json_text(&listing_node(&headers, &rows), o.noindent),
        Format::Yaml => yaml_text(&listing_node(&headers, &rows)),
        Format::Value => {
            let mut out = String::new();
            for row in &rows {
                let texts: Vec<String> = row.iter().map(|v| cell_text(v)).collect();
                out.push_str(&texts.join(" "));
                out.push('\n');
            }
            out
        }
        Format::Csv => csv_text(&headers, &rows, o.quote),
        Format::Shell => {
            return Err(OutputError(
                "the shell format shows a single object; it does not apply to lists".into(),
            ));
        }
    })
}

/// Renders a single object: a `Field`/`Value` table, a JSON or YAML object, one value per
/// line, a one-row CSV, or shell variables. The text ends with a line break.
///
/// ```
/// use ferrocloud_cli::output::{render_record, Format, OutputOptions, Record};
/// use serde_json::json;
///
/// let record = Record::new().field("id", json!("1")).field("OS-EXT:host", json!("cmp1"));
/// let options = OutputOptions { format: Format::Shell, prefix: "srv_".into(), ..Default::default() };
/// assert_eq!(render_record(&record, &options)?, "srv_id=\"1\"\nsrv_os_ext_host=\"cmp1\"\n");
/// # Ok::<(), ferrocloud_cli::output::OutputError>(())
/// ```
pub fn render_record(r: &Record, o: &OutputOptions) -> Result<String, OutputError> {
    let names: Vec<String> = r.fields.iter().map(|(name, _)| name.clone()).collect();
    let keep = selected_indexes(&names, &o.columns)?;
    let fields: Vec<(&str, &Value)> = keep
        .iter()
        .map(|&i| (r.fields[i].0.as_str(), &r.fields[i].1))
        .collect();

    Ok(match o.format {
        Format::Table => {
            let cells = fields
                .iter()
                .map(|(name, value)| vec![(*name).to_string(), cell_text(value)])
                .collect::<Vec<_>>();
            table(
                &["Field", "Value"],
                &cells,
                &[Align::Left, Align::Left],
                table_width(o),
                o.color,
            )
        }
        Format::Json => json_text(&record_node(&fields), o.noindent),
        Format::Yaml => yaml_text(&record_node(&fields)),
        Format::Value => {
            let mut out = String::new();
            for (_, value) in &fields {
                out.push_str(&cell_text(value));
                out.push('\n');
            }
            out
        }
        Format::Csv => {
            let headers: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
            let row: Vec<&Value> = fields.iter().map(|(_, value)| *value).collect();
            csv_text(&headers, &[row], o.quote)
        }
        Format::Shell => {
            let mut out = String::new();
            for (name, value) in &fields {
                out.push_str(&o.prefix);
                out.push_str(&shell_name(name));
                out.push_str("=\"");
                out.push_str(&shell_escape(&cell_text(value)));
                out.push_str("\"\n");
            }
            out
        }
    })
}

/// The text of a value in a table cell (and in the value, CSV and shell formats): a
/// string as it is, `null` as nothing, numbers and booleans as JSON writes them, a list of
/// scalars as `a, b, c`, an object as `key='value', key2='value2'`, a list of objects one
/// object per line.
///
/// ```
/// use ferrocloud_cli::output::cell_text;
/// use serde_json::json;
///
/// assert_eq!(cell_text(&json!(null)), "");
/// assert_eq!(cell_text(&json!(true)), "true");
/// assert_eq!(cell_text(&json!(["a", "b", 3])), "a, b, 3");
/// assert_eq!(cell_text(&json!({"net": "private", "ip": "10.0.0.3"})), "ip='10.0.0.3', net='private'");
/// assert_eq!(cell_text(&json!([{"id": "a"}, {"id": "b"}])), "id='a'\nid='b'");
/// ```
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let nested = items
                .iter()
                .any(|item| matches!(item, Value::Array(_) | Value::Object(_)));
            let texts: Vec<String> = items.iter().map(cell_text).collect();
            texts.join(if nested { "\n" } else { ", " })
        }
        Value::Object(map) => object_text(map),
    }
}

/// `key='value', key2='value2'`, nested objects in braces, lists inline.
fn object_text(map: &Map<String, Value>) -> String {
    let parts: Vec<String> = map
        .iter()
        .map(|(k, v)| match v {
            Value::Object(inner) => format!("{k}={{{}}}", object_text(inner)),
            _ => format!("{k}='{}'", inline_text(v)),
        })
        .collect();
    parts.join(", ")
}

/// A value's text on one line, for inside an object.
fn inline_text(v: &Value) -> String {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Object(map) => format!("{{{}}}", object_text(map)),
                Value::Array(_) => format!("[{}]", inline_text(item)),
                _ => inline_text(item),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => object_text(map),
        _ => cell_text(v),
    }
}

// ---------------------------------------------------------------------------------------
// Columns and sorting

/// The indexes of `wanted` in `headers`; an unknown name is an error naming the columns.
fn column_indexes(headers: &[String], wanted: &[String]) -> Result<Vec<usize>, OutputError> {
    let mut indexes = Vec::with_capacity(wanted.len());
    for name in wanted {
        match headers.iter().position(|h| h == name) {
            Some(i) => {
                if !indexes.contains(&i) {
                    indexes.push(i);
                }
            }
            None => {
                return Err(OutputError(format!(
                    "no column {name:?}; columns: {}",
                    headers.join(", ")
                )));
            }
        }
    }
    Ok(indexes)
}

/// The columns to show: those of `-c` in its order, or all.
fn selected_indexes(headers: &[String], wanted: &[String]) -> Result<Vec<usize>, OutputError> {
    if wanted.is_empty() {
        Ok((0..headers.len()).collect())
    } else {
        column_indexes(headers, wanted)
    }
}

/// Orders values for sorting: nulls first, then booleans, numbers (as numbers), strings,
/// lists and objects (by their cell text).
fn compare_values(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => {
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64()) {
                x.cmp(&y)
            } else if let (Some(x), Some(y)) = (x.as_u64(), y.as_u64()) {
                x.cmp(&y)
            } else {
                let x = x.as_f64().unwrap_or(f64::NAN);
                let y = y.as_f64().unwrap_or(f64::NAN);
                x.total_cmp(&y)
            }
        }
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(_), Value::Array(_)) | (Value::Object(_), Value::Object(_)) => {
            cell_text(a).cmp(&cell_text(b))
        }
        _ => rank(a).cmp(&rank(b)),
    }
}

// ---------------------------------------------------------------------------------------
// Tables

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// The width the table must fit in, if any: `--max-width`, else the terminal's with
/// `--fit-width` (none when standard output is not a terminal).
fn table_width(o: &OutputOptions) -> Option<usize> {
    match o.max_width {
        Some(width) if width > 0 => Some(width),
        _ if o.fit_width => {
            terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w))
        }
        _ => None,
    }
}

/// A cell's text made safe to draw: line breaks split lines, tabs become spaces and other
/// control characters (escape sequences included) become U+FFFD.
fn display_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split('\n')
        .map(|line| {
            line.chars()
                .map(|c| match c {
                    '\t' => ' ',
                    c if c.is_control() => '\u{fffd}',
                    c => c,
                })
                .collect()
        })
        .collect()
}

fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// Column widths that fit `available` characters of content. The widest columns shrink
/// first, and none below its longest word while the words of every column fit; when they
/// do not, columns shrink down to one character.
fn fit_widths(natural: &[usize], words: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let floors: Vec<usize> = if words.iter().sum::<usize>() <= available {
        words.to_vec()
    } else {
        natural.iter().map(|&w| w.min(1)).collect()
    };
    let capped = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(&floors)
            .map(|(&w, &floor)| w.min(cap).max(floor))
            .collect()
    };
    // The largest cap whose columns fit (at least 1).
    let (mut low, mut high) = (1, natural.iter().copied().max().unwrap_or(1));
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if capped(middle).iter().sum::<usize>() <= available {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let mut widths = capped(low);
    let mut spare = available.saturating_sub(widths.iter().sum());
    for (width, &wanted) in widths.iter_mut().zip(natural) {
        if spare == 0 {
            break;
        }
        if wanted > *width {
            *width += 1;
            spare -= 1;
        }
    }
    widths
}

/// The length of the longest word (run of characters without spaces) in some lines.
fn longest_word<'a>(lines: impl IntoIterator<Item = &'a String>) -> usize {
    lines
        .into_iter()
        .flat_map(|line| line.split(' '))
        .map(width_of)
        .max()
        .unwrap_or(0)
}

/// Splits one line into pieces of at most `width` characters, at spaces where it can and
/// inside words where it must. Nothing but the space at a break is dropped.
fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    if width == 0 || chars.len() <= width {
        return vec![line.to_string()];
    }
    let mut pieces = Vec::new();
    let mut rest = &chars[..];
    while rest.len() > width {
        let space = rest[..=width]
            .iter()
            .rposition(|&c| c == ' ')
            .filter(|&at| at > 0);
        match space {
            Some(at) => {
                pieces.push(rest[..at].iter().collect());
                rest = &rest[at + 1..];
            }
            None => {
                pieces.push(rest[..width].iter().collect());
                rest = &rest[width..];
            }
        }
    }
    pieces.push(rest.iter().collect());
    pieces
}

fn wrap_cell(lines: &[String], width: usize) -> Vec<String> {
    lines
        .iter()
        .flat_map(|line| wrap_line(line, width))
        .collect()
}

/// Draws an ASCII table with borders; `width` is the total width to fit in, if any.
fn table(
    headers: &[&str],
    rows: &[Vec<String>],
    align: &[Align],
    width: Option<usize>,
    color: bool,
) -> String {
    let header_lines: Vec<Vec<String>> = headers.iter().map(|h| display_lines(h)).collect();
    let row_lines: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| display_lines(cell)).collect())
        .collect();
    let natural: Vec<usize> = (0..headers.len())
        .map(|i| {
            std::iter::once(&header_lines[i])
                .chain(row_lines.iter().map(|row| &row[i]))
                .flatten()
                .map(|line| width_of(line))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let widths = match width {
        Some(total) => {
            let words: Vec<usize> = (0..headers.len())
                .map(|i| {
                    longest_word(
                        std::iter::once(&header_lines[i])
                            .chain(row_lines.iter().map(|row| &row[i]))
                            .flatten(),
                    )
                })
                .collect();
            fit_widths(
                &natural,
                &words,
                total.saturating_sub(3 * headers.len() + 1),
            )
        }
        None => natural,
    };

    let mut border = String::from("+");
    for &w in &widths {
        border.push_str(&"-".repeat(w + 2));
        border.push('+');
    }
    border.push('\n');

    let mut out = String::new();
    out.push_str(&border);
    let header_cells: Vec<Vec<String>> = header_lines
        .iter()
        .zip(&widths)
        .map(|(lines, &w)| wrap_cell(lines, w))
        .collect();
    draw_row(&mut out, &header_cells, &widths, align, color);
    out.push_str(&border);
    for row in &row_lines {
        let cells: Vec<Vec<String>> = row
            .iter()
            .zip(&widths)
            .map(|(lines, &w)| wrap_cell(lines, w))
            .collect();
        draw_row(&mut out, &cells, &widths, align, false);
    }
    if !rows.is_empty() {
        out.push_str(&border);
    }
    out
}

/// Draws one table row, as many lines high as its tallest cell.
fn draw_row(
    out: &mut String,
    cells: &[Vec<String>],
    widths: &[usize],
    align: &[Align],
    bold: bool,
) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for line in 0..height {
        out.push('|');
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.get(line).map(String::as_str).unwrap_or("");
            let pad = " ".repeat(widths[i].saturating_sub(width_of(text)));
            let text = if bold && !text.is_empty() {
                format!("\x1b[1m{text}\x1b[0m")
            } else {
                text.to_string()
            };
            out.push(' ');
            match align.get(i) {
                Some(Align::Right) => {
                    out.push_str(&pad);
                    out.push_str(&text);
                }
                _ => {
                    out.push_str(&text);
                    out.push_str(&pad);
                }
            }
            out.push_str(" |");
        }
        out.push('\n');
    }
}

// ---------------------------------------------------------------------------------------
// JSON and YAML

/// A document to write as JSON or YAML: objects keep their keys in the given order.
enum Node<'a> {
    Array(Vec<Node<'a>>),
    Object(Vec<(&'a str, Node<'a>)>),
    Json(&'a Value),
}

/// A listing as an array of objects keyed by header.
fn listing_node<'a>(headers: &[&'a str], rows: &[Vec<&'a Value>]) -> Node<'a> {
    Node::Array(
        rows.iter()
            .map(|row| {
                Node::Object(
                    headers
                        .iter()
                        .zip(row)
                        .map(|(h, v)| (*h, Node::Json(v)))
                        .collect(),
                )
            })
            .collect(),
    )
}

/// A record as an object keyed by field name.
fn record_node<'a>(fields: &[(&'a str, &'a Value)]) -> Node<'a> {
    Node::Object(
        fields
            .iter()
            .map(|(name, value)| (*name, Node::Json(value)))
            .collect(),
    )
}

fn json_string(s: &str) -> String {
    // Serializing a string cannot fail; the fallback keeps the function total.
    serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""))
}

fn json_text(node: &Node<'_>, compact: bool) -> String {
    let mut out = String::new();
    write_json(&mut out, node, 0, compact);
    out.push('\n');
    out
}

fn write_json(out: &mut String, node: &Node<'_>, depth: usize, compact: bool) {
    match node {
        Node::Array(items) => {
            let items: Vec<&Node<'_>> = items.iter().collect();
            write_json_seq(out, &items, depth, compact, ('[', ']'), |out, item, d| {
                write_json(out, item, d, compact)
            });
        }
        Node::Object(members) => {
            write_json_seq(
                out,
                members,
                depth,
                compact,
                ('{', '}'),
                |out, (k, v), d| {
                    out.push_str(&json_string(k));
                    out.push_str(": ");
                    write_json(out, v, d, compact);
                },
            );
        }
        Node::Json(Value::Array(items)) => {
            let items: Vec<Node<'_>> = items.iter().map(Node::Json).collect();
            write_json(out, &Node::Array(items), depth, compact);
        }
        Node::Json(Value::Object(map)) => {
            let members = map
                .iter()
                .map(|(k, v)| (k.as_str(), Node::Json(v)))
                .collect();
            write_json(out, &Node::Object(members), depth, compact);
        }
        Node::Json(Value::String(s)) => out.push_str(&json_string(s)),
        Node::Json(Value::Number(n)) => out.push_str(&n.to_string()),
        Node::Json(Value::Bool(b)) => out.push_str(if *b { "true" } else { "false" }),
        Node::Json(Value::Null) => out.push_str("null"),
    }
}

fn write_json_seq<T>(
    out: &mut String,
    items: &[T],
    depth: usize,
    compact: bool,
    (open, close): (char, char),
    mut write_item: impl FnMut(&mut String, &T, usize),
) {
    out.push(open);
    if items.is_empty() {
        out.push(close);
        return;
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
            if compact {
                out.push(' ');
            }
        }
        if !compact {
            out.push('\n');
            out.push_str(&"    ".repeat(depth + 1));
        }
        write_item(out, item, depth + 1);
    }
    if !compact {
        out.push('\n');
        out.push_str(&"    ".repeat(depth));
    }
    out.push(close);
}

fn yaml_text(node: &Node<'_>) -> String {
    let mut out = String::new();
    match node {
        Node::Array(items) if !items.is_empty() => write_yaml_block(&mut out, node, 0),
        Node::Object(members) if !members.is_empty() => write_yaml_block(&mut out, node, 0),
        Node::Json(Value::Array(items)) if !items.is_empty() => write_yaml_block(&mut out, node, 0),
        Node::Json(Value::Object(map)) if !map.is_empty() => write_yaml_block(&mut out, node, 0),
        _ => {
            out.push_str(&yaml_inline(node));
            out.push('\n');
        }
    }
    out
}

/// The YAML of a scalar or an empty collection, on one line.
fn yaml_inline(node: &Node<'_>) -> String {
    match node {
        Node::Array(_) | Node::Json(Value::Array(_)) => "[]".into(),
        Node::Object(_) | Node::Json(Value::Object(_)) => "{}".into(),
        Node::Json(Value::String(s)) => yaml_string(s),
        Node::Json(Value::Number(n)) => n.to_string(),
        Node::Json(Value::Bool(b)) => b.to_string(),
        Node::Json(Value::Null) => "null".into(),
    }
}

/// Whether a node is written as a block (a non-empty list or object).
fn yaml_is_block(node: &Node<'_>) -> bool {
    match node {
        Node::Array(items) => !items.is_empty(),
        Node::Object(members) => !members.is_empty(),
        Node::Json(Value::Array(items)) => !items.is_empty(),
        Node::Json(Value::Object(map)) => !map.is_empty(),
        Node::Json(_) => false,
    }
}

/// Writes a non-empty list or object that starts at the cursor, in column `indent`; its
/// further lines are indented by `indent` spaces.
fn write_yaml_block(out: &mut String, node: &Node<'_>, indent: usize) {
    let owned;
    let node = match node {
        Node::Json(Value::Array(items)) => {
            owned = Node::Array(items.iter().map(Node::Json).collect());
            &owned
        }
        Node::Json(Value::Object(map)) => {
            owned = Node::Object(
                map.iter()
                    .map(|(k, v)| (k.as_str(), Node::Json(v)))
                    .collect(),
            );
            &owned
        }
        other => other,
    };
    match node {
        Node::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&" ".repeat(indent));
                }
                out.push_str("- ");
                if yaml_is_block(item) {
                    write_yaml_block(out, item, indent + 2);
                } else {
                    out.push_str(&yaml_inline(item));
                    out.push('\n');
                }
            }
        }
        Node::Object(members) => {
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(&" ".repeat(indent));
                }
                out.push_str(&yaml_string(key));
                out.push(':');
                if yaml_is_block(value) {
                    out.push('\n');
                    let list = matches!(value, Node::Array(_) | Node::Json(Value::Array(_)));
                    // Lists under a key are not indented further, objects are.
                    let inner = if list { indent } else { indent + 2 };
                    out.push_str(&" ".repeat(inner));
                    write_yaml_block(out, value, inner);
                } else {
                    out.push(' ');
                    out.push_str(&yaml_inline(value));
                    out.push('\n');
                }
            }
        }
        Node::Json(_) => {
            out.push_str(&yaml_inline(node));
            out.push('\n');
        }
    }
}

/// A string as a YAML scalar: plain when no YAML reader could take it for anything else,
/// double-quoted with escapes otherwise.
fn yaml_string(s: &str) -> String {
    if yaml_plain_is_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Plain scalars are kept to letters, digits, inner spaces and `-_./@+`, never a word a
/// YAML 1.1 or 1.2 reader takes for a boolean, a null or a number, nor anything that
/// looks like a number, a date or a time.
fn yaml_plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_ascii_alphanumeric() || first == '_' || first == '/') || s.ends_with(' ') {
        return false;
    }
    let allowed =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '/' | '@' | '+');
    if !s.chars().all(allowed) {
        return false;
    }
    const WORDS: [&str; 9] = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"];
    if WORDS.iter().any(|w| s.eq_ignore_ascii_case(w)) || s.parse::<f64>().is_ok() {
        return false;
    }
    if first.is_ascii_digit() {
        let lower = s.to_ascii_lowercase();
        // Integers in other bases.
        if ["0x", "0o", "0b"].iter().any(|p| lower.starts_with(p)) {
            return false;
        }
        // Numbers with `_` separators (YAML 1.1), such as 1_000 or 1_0.5e+3.
        let number_like = |c: char| c.is_ascii_digit() || matches!(c, '_' | '.' | '+' | '-' | 'e');
        if lower.chars().all(number_like) && lower.matches('.').count() <= 1 {
            return false;
        }
        // Dates and times (YAML 1.1 timestamps start with a four-digit year).
        let bytes = s.as_bytes();
        if bytes.len() > 5 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-' {
            return false;
        }
    }
    true
}

// ---------------------------------------------------------------------------------------
// CSV and shell

fn csv_text(headers: &[&str], rows: &[Vec<&Value>], quote: Quote) -> String {
    let mut out = String::new();
    let header_fields: Vec<String> = headers.iter().map(|h| csv_field(h, false, quote)).collect();
    out.push_str(&header_fields.join(","));
    out.push('\n');
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|v| {
                let numeric = matches!(v, Value::Number(_) | Value::Bool(_));
                csv_field(&cell_text(v), numeric, quote)
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

fn csv_field(text: &str, numeric: bool, quote: Quote) -> String {
    let special = |c: char| matches!(c, ',' | '"' | '\n' | '\r');
    let quoted = match quote {
        Quote::All => true,
        Quote::NonNumeric => !numeric,
        Quote::Minimal => text.contains(special),
        Quote::None => {
            let mut out = String::with_capacity(text.len());
            for c in text.chars() {
                if special(c) || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            return out;
        }
    };
    if quoted {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A shell variable name: lower case, every character but letters, digits and `_`
/// replaced by `_`.
fn shell_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Escapes what a double-quoted shell string would interpret.
fn shell_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '"' | '\\' | '$' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use yaml_rust2::{Yaml, YamlLoader};

    fn servers() -> Listing {
        Listing {
            headers: vec!["ID".into(), "Name".into(), "RAM".into()],
            rows: vec![
                vec![json!("a1"), json!("web"), json!(512)],
                vec![json!("b2"), json!("db"), json!(16384)],
            ],
        }
    }

    fn server() -> Record {
        Record::new()
            .field("id", json!("a1"))
            .field("name", json!("web"))
            .field("ram", json!(512))
            .field(
                "addresses",
                json!({"private": ["10.0.0.3", "fd00::3"], "public": "203.0.113.9"}),
            )
            .field("locked", json!(false))
            .field("description", json!(null))
    }

    fn with(format: Format) -> OutputOptions {
        OutputOptions {
            format,
            ..Default::default()
        }
    }

    fn listing(headers: &[&str], rows: Vec<Vec<Value>>) -> Listing {
        Listing {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
        }
    }

    #[test]
    fn listing_table() {
        let text = render_listing(&servers(), &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "\
+----+------+-------+
| ID | Name |   RAM |
+----+------+-------+
| a1 | web  |   512 |
| b2 | db   | 16384 |
+----+------+-------+
"
        );
    }

    #[test]
    fn record_table() {
        let text = render_record(&server(), &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "\
+-------------+---------------------------------------------------+
| Field       | Value                                             |
+-------------+---------------------------------------------------+
| id          | a1                                                |
| name        | web                                               |
| ram         | 512                                               |
| addresses   | private='10.0.0.3, fd00::3', public='203.0.113.9' |
| locked      | false                                             |
| description |                                                   |
+-------------+---------------------------------------------------+
"
        );
    }

    #[test]
    fn empty_record_table_has_its_header() {
        let text = render_record(&Record::new(), &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "+-------+-------+\n| Field | Value |\n+-------+-------+\n"
        );
    }

    #[test]
    fn multi_line_cells_span_lines() {
        let record = Record::new()
            .field("fault", json!("No valid host\nwas found"))
            .field("networks", json!([{"id": "n1"}, {"id": "n2"}]));
        let text = render_record(&record, &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "\
+----------+---------------+
| Field    | Value         |
+----------+---------------+
| fault    | No valid host |
|          | was found     |
| networks | id='n1'       |
|          | id='n2'       |
+----------+---------------+
"
        );
    }

    #[test]
    fn cell_text_of_every_kind() {
        assert_eq!(cell_text(&json!("text")), "text");
        assert_eq!(cell_text(&json!(null)), "");
        assert_eq!(cell_text(&json!(1.5)), "1.5");
        assert_eq!(cell_text(&json!(-3)), "-3");
        assert_eq!(cell_text(&json!(false)), "false");
        assert_eq!(cell_text(&json!(["a", 1, null, true])), "a, 1, , true");
        assert_eq!(cell_text(&json!([])), "");
        assert_eq!(
            cell_text(&json!({"b": 2, "a": "x", "c": {"d": "e"}})),
            "a='x', b='2', c={d='e'}"
        );
        assert_eq!(
            cell_text(&json!([{"k": "v", "l": [1, 2]}, "plain"])),
            "k='v', l='1, 2'\nplain"
        );
    }

    #[test]
    fn control_characters_are_not_drawn() {
        let l = listing(&["Name"], vec![vec![json!("a\tb\x1b[31mc\r\nd")]]);
        let text = render_listing(&l, &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "\
+-----------+
| Name      |
+-----------+
| a b\u{fffd}[31mc |
| d         |
+-----------+
"
        );
    }

    #[test]
    fn unicode_is_measured_in_characters() {
        let l = listing(&["Name"], vec![vec![json!("héllo wörld")]]);
        let text = render_listing(&l, &OutputOptions::default()).unwrap();
        assert_eq!(
            text,
            "+-------------+\n| Name        |\n+-------------+\n| héllo wörld |\n+-------------+\n"
        );
        assert_eq!(wrap_line("ééééé", 2), ["éé", "éé", "é"]);
    }

    #[test]
    fn colour_makes_headers_bold_without_changing_widths() {
        let options = OutputOptions {
            color: true,
            ..Default::default()
        };
        let text = render_listing(&servers(), &options).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[1],
            "| \x1b[1mID\x1b[0m | \x1b[1mName\x1b[0m |   \x1b[1mRAM\x1b[0m |"
        );
        assert_eq!(lines[3], "| a1 | web  |   512 |");
        assert_eq!(lines[0].len(), lines[3].len());
    }

    #[test]
    fn fit_width_wraps_at_word_boundaries() {
        let l = listing(
            &["ID", "Description"],
            vec![vec![json!("1"), json!("the quick brown fox jumps")]],
        );
        let options = OutputOptions {
            max_width: Some(20),
            ..Default::default()
        };
        let text = render_listing(&l, &options).unwrap();
        assert_eq!(
            text,
            "\
+----+-------------+
| ID | Description |
+----+-------------+
| 1  | the quick   |
|    | brown fox   |
|    | jumps       |
+----+-------------+
"
        );
        assert!(text.lines().all(|line| line.chars().count() <= 20));
    }

    #[test]
    fn fit_width_keeps_words_whole_while_they_fit() {
        let l = listing(
            &["ID", "Description"],
            vec![vec![
                json!("6d2c9b4e-1f0a-4c2e-9f3b-2a1c0e9d8b7a"),
                json!("a rather long description"),
            ]],
        );
        let options = OutputOptions {
            max_width: Some(55),
            ..Default::default()
        };
        assert_eq!(
            render_listing(&l, &options).unwrap(),
            "\
+--------------------------------------+--------------+
| ID                                   | Description  |
+--------------------------------------+--------------+
| 6d2c9b4e-1f0a-4c2e-9f3b-2a1c0e9d8b7a | a rather     |
|                                      | long         |
|                                      | description  |
+--------------------------------------+--------------+
"
        );
    }

    #[test]
    fn fit_width_splits_long_words_and_keeps_every_character() {
        let word = "abcdefghijklmnopqrstuvwxyz";
        let l = listing(&["ID", "Fingerprint"], vec![vec![json!("1"), json!(word)]]);
        let text = render_listing(&l, &OutputOptions::default()).unwrap();
        assert!(text.contains(word));
        let rendered = table(
            &["ID", "Fingerprint"],
            &[vec!["1".into(), word.into()]],
            &[Align::Left, Align::Left],
            Some(20),
            false,
        );
        assert_eq!(
            rendered,
            "\
+----+-------------+
| ID | Fingerprint |
+----+-------------+
| 1  | abcdefghijk |
|    | lmnopqrstuv |
|    | wxyz        |
+----+-------------+
"
        );
    }

    #[test]
    fn fit_width_shrinks_the_widest_columns_first() {
        assert_eq!(fit_widths(&[2, 25], &[2, 5], 13), [2, 11]);
        assert_eq!(fit_widths(&[10, 10, 3], &[1, 1, 1], 20), [9, 8, 3]);
        assert_eq!(fit_widths(&[4, 5], &[4, 5], 100), [4, 5]);
        // Columns keep their longest word while the words fit...
        assert_eq!(fit_widths(&[36, 4, 86], &[36, 4, 11], 60), [36, 4, 20]);
        // ...and shrink below it when they do not.
        assert_eq!(fit_widths(&[36, 4, 86], &[36, 4, 11], 40), [18, 4, 18]);
        // Narrower than one character per column: one character each, nothing lost.
        assert_eq!(fit_widths(&[4, 0, 5], &[4, 0, 5], 1), [1, 0, 1]);
        let tiny = table(
            &["ID", "Name"],
            &[vec!["a1".into(), "web".into()]],
            &[Align::Left, Align::Left],
            Some(3),
            false,
        );
        assert_eq!(
            tiny,
            "+---+---+\n| I | N |\n| D | a |\n|   | m |\n|   | e |\n+---+---+\n| a | w |\n| 1 | e |\n|   | b |\n+---+---+\n"
        );
    }

    #[test]
    fn max_width_zero_is_unlimited() {
        let options = OutputOptions {
            max_width: Some(0),
            ..Default::default()
        };
        assert_eq!(
            render_listing(&servers(), &options).unwrap(),
            render_listing(&servers(), &OutputOptions::default()).unwrap()
        );
    }

    #[test]
    fn wrap_line_breaks_at_spaces() {
        assert_eq!(wrap_line("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap_line("aaa bbb", 3), ["aaa", "bbb"]);
        assert_eq!(wrap_line(" aaaa", 2), [" a", "aa", "a"]);
        assert_eq!(wrap_line("", 5), [""]);
    }

    #[test]
    fn listing_json() {
        assert_eq!(
            render_listing(&servers(), &with(Format::Json)).unwrap(),
            r#"[
    {
        "ID": "a1",
        "Name": "web",
        "RAM": 512
    },
    {
        "ID": "b2",
        "Name": "db",
        "RAM": 16384
    }
]
"#
        );
        let options = OutputOptions {
            noindent: true,
            ..with(Format::Json)
        };
        assert_eq!(
            render_listing(&servers(), &options).unwrap(),
            "[{\"ID\": \"a1\", \"Name\": \"web\", \"RAM\": 512}, {\"ID\": \"b2\", \"Name\": \"db\", \"RAM\": 16384}]\n"
        );
    }

    #[test]
    fn record_json_keeps_field_order_and_values() {
        let text = render_record(&server(), &with(Format::Json)).unwrap();
        assert_eq!(
            text,
            r#"{
    "id": "a1",
    "name": "web",
    "ram": 512,
    "addresses": {
        "private": [
            "10.0.0.3",
            "fd00::3"
        ],
        "public": "203.0.113.9"
    },
    "locked": false,
    "description": null
}
"#
        );
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["addresses"]["private"][1], "fd00::3");
        let compact = OutputOptions {
            noindent: true,
            ..with(Format::Json)
        };
        let record = Record::new()
            .field("b", json!({"y": [], "x": {}}))
            .field("a", json!("q\"uote"));
        assert_eq!(
            render_record(&record, &compact).unwrap(),
            "{\"b\": {\"x\": {}, \"y\": []}, \"a\": \"q\\\"uote\"}\n"
        );
    }

    /// The YAML a loader should read back from a JSON value.
    fn yaml_of(v: &Value) -> Yaml {
        match v {
            Value::Null => Yaml::Null,
            Value::Bool(b) => Yaml::Boolean(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Yaml::Integer(i),
                None => Yaml::Real(n.to_string()),
            },
            Value::String(s) => Yaml::String(s.clone()),
            Value::Array(items) => Yaml::Array(items.iter().map(yaml_of).collect()),
            Value::Object(map) => Yaml::Hash(
                map.iter()
                    .map(|(k, v)| (Yaml::String(k.clone()), yaml_of(v)))
                    .collect(),
            ),
        }
    }

    fn load_yaml(text: &str) -> Yaml {
        let mut docs = YamlLoader::load_from_str(text).unwrap();
        assert_eq!(docs.len(), 1, "{text}");
        docs.remove(0)
    }

    #[test]
    fn listing_yaml() {
        let text = render_listing(&servers(), &with(Format::Yaml)).unwrap();
        assert_eq!(
            text,
            "\
- ID: a1
  Name: web
  RAM: 512
- ID: b2
  Name: db
  RAM: 16384
"
        );
        let expected = json!([
            {"ID": "a1", "Name": "web", "RAM": 512},
            {"ID": "b2", "Name": "db", "RAM": 16384}
        ]);
        assert_eq!(load_yaml(&text), yaml_of(&expected));
    }

    #[test]
    fn record_yaml() {
        let text = render_record(&server(), &with(Format::Yaml)).unwrap();
        assert_eq!(
            text,
            "\
id: a1
name: web
ram: 512
addresses:
  private:
  - 10.0.0.3
  - \"fd00::3\"
  public: 203.0.113.9
locked: false
description: null
"
        );
        let loaded = load_yaml(&text);
        assert_eq!(loaded["addresses"]["private"][1].as_str(), Some("fd00::3"));
        assert_eq!(loaded["locked"].as_bool(), Some(false));
        assert!(loaded["description"].is_null());
    }

    #[test]
    fn yaml_round_trips_strings_that_need_quoting() {
        let strings = [
            "",
            " lead",
            "trail ",
            "true",
            "False",
            "yes",
            "NO",
            "on",
            "y",
            "null",
            "~",
            "123",
            "-5",
            "1.5",
            "1e5",
            ".inf",
            "nan",
            "0x1f",
            "0o17",
            "0b101",
            "1_000",
            "2014-12-31",
            "2001-12-14t21:59:43.10-05:00",
            "12:30",
            "a: b",
            "a #b",
            "#c",
            "- x",
            "[a]",
            "{a}",
            "*ref",
            "&anchor",
            "!tag",
            "%d",
            "@at",
            "`tick`",
            "'single'",
            "\"double\"",
            "back\\slash",
            "line\nbreak",
            "tab\there",
            "cr\rx",
            "bell\x07",
            "del\x7f",
            "nel\u{85}x",
            "ls\u{2028}x",
            "bom\u{feff}",
            "é ü ☃",
            "emoji 🎉",
            "?",
            "|",
            ">",
            "6d2c9b4e-1f0a-4c2e-9f3b-2a1c0e9d8b7a",
            "123e4567-e89b-12d3-a456-426614174000",
            "web-1",
            "m1.tiny",
            "/dev/vda",
            "a,b",
            "x=y",
            "<<",
        ];
        for s in strings {
            let record = Record::new().field(s, json!(s));
            let text = render_record(&record, &with(Format::Yaml)).unwrap();
            assert_eq!(load_yaml(&text), yaml_of(&json!({ s: s })), "{text}");
            let l = listing(&["k"], vec![vec![json!([s, {"n": s}])]]);
            let text = render_listing(&l, &with(Format::Yaml)).unwrap();
            assert_eq!(
                load_yaml(&text),
                yaml_of(&json!([{"k": [s, {"n": s}]}])),
                "{text}"
            );
        }
        assert_eq!(yaml_string("web-1"), "web-1");
        assert_eq!(yaml_string("true"), "\"true\"");
        assert_eq!(yaml_string("10.0.0.3"), "10.0.0.3");
        assert_eq!(yaml_string("1_000"), "\"1_000\"");
        assert_eq!(yaml_string("2024-01-02"), "\"2024-01-02\"");
        assert_eq!(yaml_string("a\u{85}"), "\"a\\u0085\"");
    }

    #[test]
    fn yaml_round_trips_nested_and_empty_values() {
        let value = json!({
            "a": [[1, 2], [], {}, [{"b": null, "c": [true]}]],
            "d": {"e": {"f": 1.25, "g": -7, "h": 18446744073709551615u64}},
            "i": []
        });
        let record = Record::from_object(value.as_object().unwrap());
        let text = render_record(&record, &with(Format::Yaml)).unwrap();
        assert_eq!(
            text,
            "\
a:
- - 1
  - 2
- []
- {}
- - b: null
    c:
    - true
d:
  e:
    f: 1.25
    g: -7
    h: 18446744073709551615
i: []
"
        );
        let loaded = load_yaml(&text);
        assert_eq!(loaded["a"], yaml_of(&value["a"]));
        assert_eq!(loaded["d"]["e"]["f"].as_f64(), Some(1.25));
        assert_eq!(loaded["i"], Yaml::Array(vec![]));
    }

    #[test]
    fn value_format() {
        assert_eq!(
            render_listing(&servers(), &with(Format::Value)).unwrap(),
            "a1 web 512\nb2 db 16384\n"
        );
        let options = OutputOptions {
            columns: vec!["name".into(), "addresses".into()],
            ..with(Format::Value)
        };
        assert_eq!(
            render_record(&server(), &options).unwrap(),
            "web\nprivate='10.0.0.3, fd00::3', public='203.0.113.9'\n"
        );
    }

    #[test]
    fn csv_quoting_modes() {
        let l = listing(
            &["ID", "Name", "Size", "Public"],
            vec![
                vec![
                    json!("a1"),
                    json!("say \"hi\", then go"),
                    json!(1.5),
                    json!(true),
                ],
                vec![
                    json!("b2"),
                    json!("two\nlines"),
                    json!(null),
                    json!(["x", "y"]),
                ],
            ],
        );
        let csv = |quote| {
            let options = OutputOptions {
                quote,
                ..with(Format::Csv)
            };
            render_listing(&l, &options).unwrap()
        };
        assert_eq!(
            csv(Quote::NonNumeric),
            "\"ID\",\"Name\",\"Size\",\"Public\"\n\"a1\",\"say \"\"hi\"\", then go\",1.5,true\n\"b2\",\"two\nlines\",\"\",\"x, y\"\n"
        );
        assert_eq!(csv(Quote::NonNumeric), csv(OutputOptions::default().quote));
        assert_eq!(
            csv(Quote::Minimal),
            "ID,Name,Size,Public\na1,\"say \"\"hi\"\", then go\",1.5,true\nb2,\"two\nlines\",,\"x, y\"\n"
        );
        assert_eq!(
            csv(Quote::All),
            "\"ID\",\"Name\",\"Size\",\"Public\"\n\"a1\",\"say \"\"hi\"\", then go\",\"1.5\",\"true\"\n\"b2\",\"two\nlines\",\"\",\"x, y\"\n"
        );
        assert_eq!(
            csv(Quote::None),
            "ID,Name,Size,Public\na1,say \\\"hi\\\"\\, then go,1.5,true\nb2,two\\\nlines,,x\\, y\n"
        );
    }

    #[test]
    fn record_csv_is_one_row() {
        let record = Record::new()
            .field("id", json!("a1"))
            .field("ram", json!(512));
        assert_eq!(
            render_record(&record, &with(Format::Csv)).unwrap(),
            "\"id\",\"ram\"\n\"a1\",512\n"
        );
    }

    #[test]
    fn shell_format() {
        let record = Record::new()
            .field("ID", json!("a1"))
            .field("OS-EXT-STS:vm_state", json!("active"))
            .field("description", json!("a \"b\" $HOME `x` \\"))
            .field("size", json!(1));
        let options = OutputOptions {
            prefix: "server_".into(),
            ..with(Format::Shell)
        };
        assert_eq!(
            render_record(&record, &options).unwrap(),
            "server_id=\"a1\"\nserver_os_ext_sts_vm_state=\"active\"\nserver_description=\"a \\\"b\\\" \\$HOME \\`x\\` \\\\\"\nserver_size=\"1\"\n"
        );
        let error = render_listing(&servers(), &with(Format::Shell)).unwrap_err();
        assert!(error.to_string().contains("shell"), "{error}");
    }

    #[test]
    fn columns_select_and_order() {
        let options = OutputOptions {
            columns: vec!["RAM".into(), "ID".into()],
            ..Default::default()
        };
        assert_eq!(
            render_listing(&servers(), &options).unwrap(),
            "\
+-------+----+
|   RAM | ID |
+-------+----+
|   512 | a1 |
| 16384 | b2 |
+-------+----+
"
        );
        let options = OutputOptions {
            columns: vec!["name".into(), "id".into(), "name".into()],
            ..with(Format::Json)
        };
        assert_eq!(
            render_record(&server(), &options).unwrap(),
            "{\n    \"name\": \"web\",\n    \"id\": \"a1\"\n}\n"
        );
    }

    #[test]
    fn unknown_columns_are_errors() {
        let options = OutputOptions {
            columns: vec!["Name".into(), "Nmae".into()],
            ..Default::default()
        };
        let error = render_listing(&servers(), &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no column \"Nmae\"; columns: ID, Name, RAM"
        );
        let error = render_record(&server(), &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no column \"Name\"; columns: id, name, ram, addresses, locked, description"
        );
        let options = OutputOptions {
            sort: vec!["Size".into()],
            ..Default::default()
        };
        let error = render_listing(&servers(), &options).unwrap_err();
        assert_eq!(
            error.to_string(),
            "no column \"Size\"; columns: ID, Name, RAM"
        );
    }

    #[test]
    fn rows_of_the_wrong_length_are_errors() {
        let l = listing(&["ID", "Name"], vec![vec![json!("a1")]]);
        let error = render_listing(&l, &OutputOptions::default()).unwrap_err();
        assert_eq!(error.to_string(), "row 1 has 1 values for 2 columns");
    }

    fn images() -> Listing {
        listing(
            &["Name", "Size"],
            vec![
                vec![json!("b"), json!(10)],
                vec![json!("a"), json!(9)],
                vec![json!("c"), json!(null)],
                vec![json!("d"), json!(100)],
                vec![json!("e"), json!(9)],
            ],
        )
    }

    fn sorted(l: &Listing, sort: &[&str], ascending: bool) -> String {
        let options = OutputOptions {
            sort: sort.iter().map(|s| s.to_string()).collect(),
            sort_ascending: ascending,
            columns: vec!["Name".into()],
            ..with(Format::Value)
        };
        render_listing(l, &options).unwrap().replace('\n', " ")
    }

    #[test]
    fn sorting_compares_numbers_as_numbers_and_puts_nulls_first() {
        assert_eq!(sorted(&images(), &["Size"], true), "c a e b d ");
        assert_eq!(sorted(&images(), &["Size"], false), "d b a e c ");
        assert_eq!(sorted(&images(), &["Name"], false), "e d c b a ");
        let text = listing(
            &["Name", "Size"],
            vec![
                vec![json!("x"), json!("10")],
                vec![json!("y"), json!("9")],
                vec![json!("z"), json!("100")],
            ],
        );
        // Strings compare as strings.
        assert_eq!(sorted(&text, &["Size"], true), "x z y ");
    }

    #[test]
    fn sorting_is_stable_and_uses_every_key() {
        let l = listing(
            &["Name", "Status", "Size"],
            vec![
                vec![json!("a"), json!("ACTIVE"), json!(2)],
                vec![json!("b"), json!("ERROR"), json!(1)],
                vec![json!("c"), json!("ACTIVE"), json!(1)],
                vec![json!("d"), json!("ACTIVE"), json!(2)],
            ],
        );
        assert_eq!(sorted(&l, &["Status"], true), "a c d b ");
        assert_eq!(sorted(&l, &["Status", "Size"], true), "c a d b ");
        assert_eq!(sorted(&l, &["Status", "Size"], false), "b a d c ");
        let mixed = listing(
            &["Name", "V"],
            vec![
                vec![json!("s"), json!("x")],
                vec![json!("n"), json!(-1.5)],
                vec![json!("big"), json!(u64::MAX)],
                vec![json!("z"), json!(null)],
                vec![json!("t"), json!(true)],
            ],
        );
        assert_eq!(sorted(&mixed, &["V"], true), "z t n big s ");
    }

    #[test]
    fn empty_listing() {
        let l = Listing::new(["ID", "Name"]);
        assert_eq!(render_listing(&l, &OutputOptions::default()).unwrap(), "");
        assert_eq!(render_listing(&l, &with(Format::Json)).unwrap(), "[]\n");
        assert_eq!(render_listing(&l, &with(Format::Yaml)).unwrap(), "[]\n");
        assert_eq!(render_listing(&l, &with(Format::Value)).unwrap(), "");
        assert_eq!(
            render_listing(&l, &with(Format::Csv)).unwrap(),
            "\"ID\",\"Name\"\n"
        );
        assert_eq!(load_yaml("[]\n"), Yaml::Array(vec![]));
    }

    #[test]
    fn empty_record_in_every_format() {
        let r = Record::new();
        assert_eq!(render_record(&r, &with(Format::Json)).unwrap(), "{}\n");
        assert_eq!(render_record(&r, &with(Format::Yaml)).unwrap(), "{}\n");
        assert_eq!(render_record(&r, &with(Format::Value)).unwrap(), "");
        assert_eq!(render_record(&r, &with(Format::Shell)).unwrap(), "");
    }

    #[test]
    fn formats_and_quoting_modes_parse_by_name() {
        for name in Format::NAMES {
            assert_eq!(name.parse::<Format>().unwrap().name(), name);
        }
        for name in Quote::NAMES {
            assert_eq!(name.parse::<Quote>().unwrap().to_string(), name);
        }
        assert_eq!(
            "xml".parse::<Format>().unwrap_err().to_string(),
            "no format \"xml\"; formats: table, json, yaml, value, csv, shell"
        );
        assert!("some".parse::<Quote>().is_err());
    }
}
