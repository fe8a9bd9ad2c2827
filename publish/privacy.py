"""Scan a published file for personal data before it is promoted."""

import re
import sqlite3
from pathlib import Path

from orchestration.metadata import thai

ID_DIGITS = 13
# 13 digits, bare or written 1-2345-67890-12-3, not inside a longer number, a decimal or a
# hex digest (pseudonyms and file hashes are hex and would match by chance).
CITIZEN_ID = re.compile(r"(?<![0-9A-Za-z.])\d[- ]?\d{4}[- ]?\d{5}[- ]?\d{2}[- ]?\d(?![0-9A-Za-z.])")


def citizen_ids_in_text(text: str) -> list[str]:
    found = (re.sub(r"[- ]", "", m) for m in CITIZEN_ID.findall(text))
    return [d for d in found if thai.is_citizen_id(d)]


# The tables SQLite's full-text search keeps its index in: integers and blobs of its own (a
# segment id passes the checksum by chance in a national database), never the text itself,
# which is scanned where it is stored.
FTS_INDEX_TABLES = ("data", "idx", "docsize", "config")


def _fts_index_tables(con: sqlite3.Connection) -> set[str]:
    searches = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(sql) LIKE 'CREATE VIRTUAL TABLE%USING FTS%'"
    )
    return {f"{name}_{suffix}" for (name,) in searches for suffix in FTS_INDEX_TABLES}


def scan_sqlite(
    path: Path, scanned_before: frozenset[str] = frozenset(), parts: dict[str, tuple[str, frozenset[str]]] | None = None
) -> list[str]:
    """Every table.column holding a value that looks like a citizen ID, but in the tables
    ``scanned_before`` (and their search), and in a table of ``parts`` (table → its part column
    and the values of the parts written anew) but in its other parts. Floating-point columns are
    skipped: no ID is stored as a REAL, and their digits would match by chance."""
    findings = []
    parts = parts or {}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        skipped = _fts_index_tables(con) | scanned_before | {f"{t}_fts" for t in scanned_before}
        for table in sorted(tables - skipped):
            part, values = parts.get(table, (None, ()))
            rows = f'"{part}" IN ({", ".join("?" * len(values))})' if part else "true"
            for _, column, *_ in con.execute(f'PRAGMA table_info("{table}")'):
                # A value shorter than an ID's 13 digits holds none: SQLite leaves it out.
                found = con.execute(
                    f'SELECT DISTINCT CAST("{column}" AS TEXT) FROM "{table}" '
                    f"WHERE {rows} AND typeof(\"{column}\") IN ('text', 'integer') "
                    f'AND length(CAST("{column}" AS TEXT)) >= {ID_DIGITS}',
                    list(values),
                )
                if any(citizen_ids_in_text(v) for (v,) in found):
                    findings.append(f"{table}.{column}")
    finally:
        con.close()
    return findings


def scan_pages(folder: Path) -> list[str]:
    """Every HTML or JSON file under ``folder`` holding something that looks like a citizen ID."""
    pages = [*folder.rglob("*.html"), *folder.rglob("*.json"), *folder.rglob("*.jsonld")]
    return [str(p.relative_to(folder)) for p in pages if citizen_ids_in_text(p.read_text(encoding="utf-8"))]
