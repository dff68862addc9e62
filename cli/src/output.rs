//! Rendering command results: tables, JSON, YAML, values and CSV.
