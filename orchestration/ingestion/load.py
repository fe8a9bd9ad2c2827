"""Load landing files into the warehouse: accepted rows to ``raw.<source>``, rejected rows to
``raw.quarantine``, one record per file in ``raw.load_log``.

Loading is idempotent by file hash: a file already loaded with the same content is skipped; a
changed file with the same name replaces the rows of its earlier version.
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from orchestration.ingestion import addresses
from orchestration.ingestion.contracts import Column, Contract
from orchestration.ingestion.readers import ReadResult, read_file
from orchestration.ingestion.validate import REASONS, address_texts_sql, checked_rows_sql

DDL = """
CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE IF NOT EXISTS raw.quarantine (
    source VARCHAR, source_file VARCHAR, file_hash VARCHAR, sheet VARCHAR, row_number BIGINT,
    reason_code VARCHAR, column_name VARCHAR, message_en VARCHAR, message_th VARCHAR,
    all_reasons VARCHAR[], row_values JSON, loaded_at TIMESTAMP, subdistrict_code VARCHAR);
CREATE TABLE IF NOT EXISTS raw.load_log (
    source VARCHAR, source_file VARCHAR, file_hash VARCHAR, rows_read BIGINT, rows_accepted BIGINT,
    rows_quarantined BIGINT, loaded_at TIMESTAMP, duration_s DOUBLE, notes VARCHAR);
-- Warehouses made before load notes and the rejected rows' subdistricts were recorded.
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS notes VARCHAR;
ALTER TABLE raw.quarantine ADD COLUMN IF NOT EXISTS subdistrict_code VARCHAR;
CREATE OR REPLACE TABLE raw.reason_codes (reason_code VARCHAR, message_en VARCHAR, message_th VARCHAR);
"""


@dataclass(frozen=True)
class LoadRecord:
    source_file: str
    file_hash: str
    rows_read: int
    rows_accepted: int
    rows_quarantined: int
    skipped: bool
    notes: str | None = None


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)
    con.executemany("INSERT INTO raw.reason_codes VALUES (?, ?, ?)", [(k, *v) for k, v in REASONS.items()])


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _accepted_expression(col: Column, contract: Contract) -> str | None:
    """How a column is stored once accepted; personal columns are transformed or dropped."""
    if col.personal == "drop":
        return None
    if col.personal == "pseudonymise":
        return f"pseudonymise({col.name}) AS person_key"
    if col.personal == "age":
        ref = contract.reference_date
        return f"age_at({col.name}, fiscal_year_end(fiscal_year_be({ref}))) AS age_at_fy_end"
    return col.name


def accepted_columns_sql(contract: Contract) -> str:
    exprs = [e for c in contract.columns if (e := _accepted_expression(c, contract))]
    return ", ".join(exprs)


def _row_values_sql(contract: Contract) -> str:
    """The rejected row's cleaned text, without its personal columns: the file and row number
    lead an authorised person back to the original."""
    pairs = ", ".join(f"'{c.name}': c_{c.name}" for c in contract.columns if c.personal is None)
    return f"to_json({{{pairs}}})"


def load_file(con: duckdb.DuckDBPyConnection, contract: Contract, path: Path, name: str,
              today: date) -> LoadRecord:
    """Load one file. ``name`` is its path under the landing folder, stable across runs."""
    digest = file_hash(path)
    done = con.execute("SELECT rows_read, rows_accepted, rows_quarantined, notes FROM raw.load_log "
                       "WHERE source = ? AND source_file = ? AND file_hash = ?",
                       [contract.source, name, digest]).fetchone()
    if done:
        return LoadRecord(name, digest, *done[:3], skipped=True, notes=done[3])

    started = time.perf_counter()
    read = read_file(path, contract)
    notes = f"unexpected column(s) ignored: {', '.join(read.extra_columns)}" if read.extra_columns else None
    con.register("landing_file", read.table)
    try:
        con.execute("BEGIN")
        _resolve_addresses(con, contract)
        con.execute("CREATE OR REPLACE TEMP TABLE checked AS " + checked_rows_sql(contract, "landing_file", today.isoformat()))
        _remove_superseded(con, contract, name)
        _insert_accepted(con, contract, name, digest)
        _insert_quarantined(con, contract, name, digest)
        _insert_malformed(con, contract.source, name, digest, read)
        accepted = con.execute("SELECT count(*) FROM checked WHERE len(problems) = 0").fetchone()[0]
        quarantined = read.rows_read - accepted
        con.execute("INSERT INTO raw.load_log VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?)",
                    [contract.source, name, digest, read.rows_read, accepted, quarantined,
                     time.perf_counter() - started, notes])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("landing_file")
    return LoadRecord(name, digest, read.rows_read, accepted, quarantined, skipped=False, notes=notes)


def _resolve_addresses(con, contract: Contract) -> None:
    query = address_texts_sql(contract, "landing_file")
    texts = [r[0] for r in con.execute(query).fetchall()] if query else []
    con.register("address_texts", addresses.lookup_table(texts))
    con.execute("CREATE OR REPLACE TEMP TABLE address_lookup AS SELECT * FROM address_texts")
    con.unregister("address_texts")


def _remove_superseded(con, contract: Contract, name: str) -> None:
    """Rows of an earlier version of this file go; for a "replace" source, of every other file too."""
    same = "source_file = ?" if contract.on_new_file == "append" else "true"
    params = [name] if contract.on_new_file == "append" else []
    if _table_exists(con, contract.source):
        con.execute(f"DELETE FROM raw.{contract.source} WHERE {same.replace('source_file', '_source_file')}", params)
    for table in ("quarantine", "load_log"):
        con.execute(f"DELETE FROM raw.{table} WHERE source = ? AND {same}", [contract.source, *params])


def _table_exists(con, source: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' "
                            "AND table_name = ?", [source]).fetchone()[0])


def _insert_accepted(con, contract: Contract, name: str, digest: str) -> None:
    select = (f"SELECT {accepted_columns_sql(contract)}, ? AS _source_file, _sheet, _row_number, "
              f"? AS _file_hash, now() AS _loaded_at FROM checked WHERE len(problems) = 0")
    if not _table_exists(con, contract.source):
        con.execute(f"CREATE TABLE raw.{contract.source} AS {select}", [name, digest])
    else:
        con.execute(f"INSERT INTO raw.{contract.source} BY NAME {select}", [name, digest])


def _insert_quarantined(con, contract: Contract, name: str, digest: str) -> None:
    # The row's subdistrict as read (resolved from address text where it could be), so that the
    # data-quality score can place rejected rows in their area.
    place = next((c.name for c in contract.columns if c.type == "subdistrict"), None)
    con.execute(f"""
        INSERT INTO raw.quarantine
        SELECT ?, ?, ?, _sheet, _row_number, problems[1].reason, problems[1].column,
               replace(r.message_en, '{{column}}', problems[1].column),
               replace(r.message_th, '{{column}}', problems[1].column),
               list_transform(problems, lambda p: p.reason), {_row_values_sql(contract)}, now(),
               {place or 'NULL'}
        FROM checked JOIN raw.reason_codes r ON r.reason_code = problems[1].reason
        WHERE len(problems) > 0
    """, [contract.source, name, digest])


def _insert_malformed(con, source: str, name: str, digest: str, read: ReadResult) -> None:
    """Rows the reader could not split into columns; their text is not kept (it may be personal)."""
    if not read.malformed:
        return
    en, th = REASONS["malformed_row"]
    con.executemany(
        "INSERT INTO raw.quarantine VALUES (?, ?, ?, NULL, ?, 'malformed_row', NULL, ?, ?, ['malformed_row'], "
        "to_json({'columns_found': ?}), now(), NULL)",
        [[source, name, digest, row, en, th, found] for row, found in read.malformed])
