"""Metadata as code: every field, code list, source and table described once (see
docs/architecture.md). Everything else that names a column, a code or a source reads it here."""
