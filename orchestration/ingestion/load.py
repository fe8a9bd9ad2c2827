"""Load landing files into the warehouse: accepted rows to ``raw.<source>``, rejected rows to
``raw.quarantine``, one record per file in ``raw.load_log``.

Loading is idempotent by file hash: a file already loaded with the same content is skipped,
whatever its name; a changed file with the same name replaces the rows of its earlier version.
A file whose size and modification time are those it had when it was loaded is not read again
to hash it (as make, rsync and git trust them), once that time had settled before it was hashed.
A file loaded by an earlier version of this code (``LOADER_VERSION``) is loaded again. Per file
and subdistrict, ``raw.source_areas`` counts what was read, for the data-quality score.
A file that cannot be read is refused on its own, recorded as failed, and its earlier version
(if any) stays loaded. No row is lost silently: each file's rows read equal the rows stored
plus the rows quarantined, counted separately.
"""

import hashlib
import json
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from orchestration.ingestion import addresses, dates, readers, validate
from orchestration.ingestion.readers import ReadResult
from orchestration.ingestion.refusals import FileRefused, unexpected
from orchestration.ingestion.sql_functions import scalar
from orchestration.ingestion.validate import REASONS
from orchestration.metadata.sources import Column, Source

DDL = """
CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE IF NOT EXISTS raw.quarantine (
    source VARCHAR, source_file VARCHAR, file_hash VARCHAR, sheet VARCHAR, row_number BIGINT,
    reason_code VARCHAR, column_name VARCHAR, message_en VARCHAR, message_th VARCHAR,
    all_reasons VARCHAR[], row_values JSON, loaded_at TIMESTAMP, subdistrict_code VARCHAR);
CREATE TABLE IF NOT EXISTS raw.load_log (
    source VARCHAR, source_file VARCHAR, file_hash VARCHAR, rows_read BIGINT, rows_accepted BIGINT,
    rows_quarantined BIGINT, loaded_at TIMESTAMP, duration_s DOUBLE, notes VARCHAR);
-- Warehouses made before these were recorded.
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS notes VARCHAR;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS status VARCHAR;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS file_bytes BIGINT;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS message_en VARCHAR;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS message_th VARCHAR;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS origin JSON;
UPDATE raw.load_log SET status = 'loaded' WHERE status IS NULL;
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS loader_version INTEGER;
-- The file's modification time when it was hashed, if settled by then (see SETTLED_NS).
ALTER TABLE raw.load_log ADD COLUMN IF NOT EXISTS file_mtime_ns BIGINT;
ALTER TABLE raw.quarantine ADD COLUMN IF NOT EXISTS subdistrict_code VARCHAR;
CREATE TABLE IF NOT EXISTS raw.source_areas (
    source VARCHAR, source_file VARCHAR, subdistrict_code VARCHAR, rows_read BIGINT, rows_accepted BIGINT,
    rows_missing_required BIGINT, latest_record_fiscal_year INTEGER);
"""
CHECKED = "checked"  # temp table: every row typed, with its problems
# Raised when reading, validating or pseudonymising changes, so that files loaded before are
# read again (3: pseudonyms of 128 bits).
LOADER_VERSION = 3
# A file modified this long before it is hashed keeps its hash while its size and modification
# time stay: a write within the clock's tick after hashing (file systems stamp in ticks of a few
# milliseconds) could otherwise leave both as they were.
SETTLED_NS = 2_000_000_000


@dataclass(frozen=True)
class LoadRecord:
    source_file: str
    status: str  # loaded, unchanged (loaded before), duplicate (same content as another file)
    rows_read: int
    rows_accepted: int
    rows_quarantined: int
    notes: str | None = None


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """The raw schema: the tables ingestion keeps its records in, and the reasons a row is
    rejected for."""
    prepare_records(con)
    con.execute(
        "CREATE OR REPLACE TABLE raw.reason_codes (reason_code VARCHAR, message_en VARCHAR, message_th VARCHAR)"
    )
    con.executemany("INSERT INTO raw.reason_codes VALUES (?, ?, ?)", [(k, *v) for k, v in REASONS.items()])


def prepare_records(con: duckdb.DuckDBPyConnection) -> None:
    """The tables ingestion keeps its records in, made or brought up to date: a build of one
    source alone (the landing sensor's) may be the first since the code changed them."""
    con.execute(DDL)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 24):
            h.update(chunk)
    return h.hexdigest()


def load_file(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    path: Path,
    name: str,
    today: date,
    workdir: Path,
    only: set[str] | None = None,
) -> LoadRecord:
    """Load one file. ``name`` is its path under the landing folder, stable across runs;
    ``workdir`` holds transcoded copies while they are read (they are personal data); ``only``,
    if given, are the SHA-256 hashes of the files that may be loaded (the demo's, under the
    demo key)."""
    started = time.perf_counter()
    digest = size = None
    in_transaction = False
    try:
        stat = path.stat()
        settled_mtime = stat.st_mtime_ns if time.time_ns() - stat.st_mtime_ns > SETTLED_NS else None
        known = _hash_as_loaded(con, source.name, name, stat)
        digest, size = known or file_digest(path), stat.st_size
        if only is not None and digest not in only:
            raise FileRefused(path, "demo_key")
        earlier = _loaded_with_hash(con, source.name, digest)
        if name in earlier:
            if settled_mtime and not known:  # hashed again (touched, or not settled at its load)
                _record_mtime(con, source.name, name, settled_mtime)
            return LoadRecord(name, "unchanged", *earlier[name])
        if earlier:
            return _record_duplicate(con, source.name, name, digest, size, next(iter(earlier)))
        read = readers.read(con, path, source, workdir)
        # Outside the transaction: a temp table made inside one is copied once more at COMMIT.
        _make_dictionaries(con, source, read, today)
        _check(con, source, read, today)
        con.execute("BEGIN")
        in_transaction = True
        record = _store(con, source, name, digest, size, settled_mtime, read, started)
        con.execute("COMMIT")
        return record
    except Exception as error:
        if in_transaction:
            con.execute("ROLLBACK")
        refusal = error if isinstance(error, FileRefused) else unexpected(path, error)
        _record_failure(con, source.name, name, digest, size, refusal, started)
        raise refusal from None
    finally:
        readers.release(con)
        _drop(con, [CHECKED, "address_lookup", "date_lookup", *_dictionary_tables(source)])


def _hash_as_loaded(con, source: str, name: str, stat: os.stat_result) -> str | None:
    """The hash recorded when the file ``name`` was loaded, if its size and settled modification
    time are still those it had then."""
    row = con.execute(
        "SELECT file_hash FROM raw.load_log WHERE source = ? AND source_file = ? AND status = 'loaded' "
        "AND loader_version = ? AND file_bytes = ? AND file_mtime_ns = ?",
        [source, name, LOADER_VERSION, stat.st_size, stat.st_mtime_ns],
    ).fetchone()
    return row[0] if row else None


def _record_mtime(con, source: str, name: str, mtime_ns: int) -> None:
    con.execute(
        "UPDATE raw.load_log SET file_mtime_ns = ? WHERE source = ? AND source_file = ? AND status = 'loaded'",
        [mtime_ns, source, name],
    )


def _loaded_with_hash(con, source: str, digest: str) -> dict[str, tuple]:
    rows = con.execute(
        "SELECT source_file, rows_read, rows_accepted, rows_quarantined, notes FROM raw.load_log "
        "WHERE source = ? AND file_hash = ? AND status = 'loaded' AND loader_version = ? "
        "ORDER BY loaded_at",
        [source, digest, LOADER_VERSION],
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def _log(con, **values) -> None:
    columns = ", ".join(values)
    con.execute(f"INSERT INTO raw.load_log ({columns}) VALUES ({', '.join('?' * len(values))})", list(values.values()))


def _record_duplicate(con, source: str, name: str, digest: str, size: int, twin: str) -> LoadRecord:
    notes = f"same content as {twin}: not loaded twice"
    con.execute(
        "DELETE FROM raw.load_log WHERE source = ? AND source_file = ? AND status = 'duplicate'", [source, name]
    )
    _log(
        con,
        source=source,
        source_file=name,
        file_hash=digest,
        file_bytes=size,
        status="duplicate",
        rows_read=0,
        rows_accepted=0,
        rows_quarantined=0,
        loaded_at=_now(con),
        notes=notes,
    )
    return LoadRecord(name, "duplicate", 0, 0, 0, notes)


def _record_failure(
    con, source: str, name: str, digest: str | None, size: int | None, refusal: FileRefused, started: float
) -> None:
    con.execute("DELETE FROM raw.load_log WHERE source = ? AND source_file = ? AND status = 'failed'", [source, name])
    _log(
        con,
        source=source,
        source_file=name,
        file_hash=digest,
        file_bytes=size,
        status="failed",
        loaded_at=_now(con),
        duration_s=time.perf_counter() - started,
        message_en=refusal.reason_en,
        message_th=refusal.reason_th,
    )


def _now(con):
    return scalar(con, "SELECT now()::TIMESTAMP")


def _dictionary_tables(source: Source) -> list[str]:
    return [
        table(c)
        for c in validate.validated_columns(source)
        for table in (validate.distinct_values, validate.changed_values, validate.tidied_values, validate.dictionary)
    ]


def _drop(con, tables: list[str]) -> None:
    for table in tables:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def _make_dictionaries(con, source: Source, read: ReadResult, today: date) -> None:
    """The dictionary of each looked-up column (see validate.py): its distinct values as read,
    normalised and tidied; then each distinct date text and address place resolved once; then
    each value typed and checked."""
    looked_up = [c for c in validate.validated_columns(source) if validate.looked_up(c, source)]
    for c in looked_up:
        values = validate.distinct_values(c)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {values} AS SELECT DISTINCT {c.name} AS raw FROM {readers.VALUES}")
        changed = readers.changed_values(con, values, "raw", read.reading, validate.changed_values(c))
        tidied = validate.tidied_values_sql(c, changed)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {validate.tidied_values(c)} AS {tidied}")
    _prepare_lookups(con, source)
    for c in looked_up:
        dictionary = validate.dictionary_sql(c, today.isoformat())
        con.execute(f"CREATE OR REPLACE TEMP TABLE {validate.dictionary(c)} AS {dictionary}")
    _drop(con, [table(c) for c in looked_up for table in (validate.distinct_values, validate.tidied_values)])


def _prepare_lookups(con, source: Source) -> None:
    """Each distinct address text and date text, resolved once."""
    for table, query, build in (
        ("address_lookup", validate.address_texts_sql(source), addresses.lookup_table),
        ("date_lookup", validate.date_texts_sql(source), dates.lookup_table),
    ):
        texts = [r[0] for r in con.execute(query).fetchall()] if query else []
        con.register("lookup", build(texts))
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM lookup")
        con.unregister("lookup")


def _check(con, source: Source, read: ReadResult, today: date) -> None:
    """Every row typed and checked; the rows as read are let go, then duplicates are marked."""
    changed = {
        c.name
        for c in validate.validated_columns(source)
        if not validate.looked_up(c, source)
        and readers.changed_values(con, readers.VALUES, c.name, read.reading, validate.changed_values(c))
    }
    checked = validate.checked_rows_sql(source, readers.LANDING, changed, today.isoformat())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {CHECKED} AS {checked}")
    readers.release(con)
    con.execute(validate.mark_duplicates_sql(source, CHECKED))


def _store(
    con, source: Source, name: str, digest: str, size: int, mtime_ns: int | None, read: ReadResult, started: float
) -> LoadRecord:
    _remove_superseded(con, source, name)
    _insert_accepted(con, source, name, digest)
    _insert_quarantined(con, source, name, digest)
    _insert_malformed(con, source.name, name, digest, read)
    _insert_source_areas(con, source, name, read)
    accepted = scalar(con, f"SELECT count(*) FROM raw.{source.name} WHERE _source_file = ?", [name])
    quarantined = scalar(
        con, "SELECT count(*) FROM raw.quarantine WHERE source = ? AND source_file = ?", [source.name, name]
    )
    notes = "; ".join(read.notes) or None
    _log(
        con,
        source=source.name,
        source_file=name,
        file_hash=digest,
        file_bytes=size,
        file_mtime_ns=mtime_ns,
        status="loaded",
        rows_read=read.rows,
        rows_accepted=accepted,
        rows_quarantined=quarantined,
        loaded_at=_now(con),
        duration_s=time.perf_counter() - started,
        notes=notes,
        loader_version=LOADER_VERSION,
        origin=None if read.origin is None else json.dumps(read.origin, ensure_ascii=False, sort_keys=True),
    )
    return LoadRecord(name, "loaded", read.rows, accepted, quarantined, notes)


def _accepted_expression(col: Column, source: Source) -> str | None:
    """How a column is stored once accepted (as ``col.raw_name``); personal columns are
    transformed or dropped."""
    if col.personal == "pseudonymise":
        return f"pseudonymise({col.name}) AS {col.raw_name}"
    if col.personal == "age":
        ref = source.reference_date
        return f"age_at({col.name}, fiscal_year_end(fiscal_year_be({ref}))) AS {col.raw_name}"
    return col.raw_name  # a "locate" column is already the subdistrict code


def accepted_columns_sql(source: Source) -> str:
    exprs = [e for c in source.columns if (e := _accepted_expression(c, source))]
    return ", ".join(exprs)


def _remove_superseded(con, source: Source, name: str) -> None:
    """Rows of an earlier version of this file go; for a "replace" source, of every other file too."""
    same = "source_file = ?" if source.on_new_file == "append" else "true"
    params = [name] if source.on_new_file == "append" else []
    if _table_exists(con, source.name):
        con.execute(f"DELETE FROM raw.{source.name} WHERE {same.replace('source_file', '_source_file')}", params)
    for table in ("quarantine", "load_log", "source_areas"):
        con.execute(f"DELETE FROM raw.{table} WHERE source = ? AND {same}", [source.name, *params])


def _table_exists(con, source: str) -> bool:
    return bool(
        scalar(
            con,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = ?",
            [source],
        )
    )


def _insert_accepted(con, source: Source, name: str, digest: str) -> None:
    select = (
        f"SELECT {accepted_columns_sql(source)}, ? AS _source_file, _sheet, _row_number, "
        f"? AS _file_hash, now() AS _loaded_at FROM {CHECKED} WHERE len(problems) = 0"
    )
    if not _table_exists(con, source.name):
        con.execute(f"CREATE TABLE raw.{source.name} AS {select}", [name, digest])
    else:
        con.execute(f"INSERT INTO raw.{source.name} BY NAME {select}", [name, digest])


def _insert_quarantined(con, source: Source, name: str, digest: str) -> None:
    # The row's subdistrict as read (resolved from address text where it could be), so that the
    # data-quality score can place rejected rows in their area.
    place = next((f"q.{c.name}" for c in source.columns if c.type == "subdistrict"), "NULL")
    values, joins = validate.row_values_sql(source, "q")
    con.execute(
        f"""
        INSERT INTO raw.quarantine
        SELECT ?, ?, ?, q._sheet, q._row_number, q.problems[1].reason, q.problems[1].column,
               replace(r.message_en, '{{column}}', q.problems[1].column),
               replace(r.message_th, '{{column}}', q.problems[1].column),
               list_transform(q.problems, lambda p: p.reason), {values}, now(), {place}
        FROM {CHECKED} q JOIN raw.reason_codes r ON r.reason_code = q.problems[1].reason {joins}
        WHERE len(q.problems) > 0
    """,
        [source.name, name, digest],
    )


def _insert_malformed(con, source: str, name: str, digest: str, read: ReadResult) -> None:
    """Rows the reader could not split into columns; their text is not kept (it may be personal)."""
    if not read.malformed:
        return
    en, th = REASONS["malformed_row"]
    con.executemany(
        "INSERT INTO raw.quarantine VALUES (?, ?, ?, NULL, ?, 'malformed_row', NULL, ?, ?, ['malformed_row'], "
        "to_json({'problem': ?}), now(), NULL)",
        [[source, name, digest, row, en, th, problem] for row, problem in read.malformed],
    )


def _record_fiscal_year_sql(source: Source) -> str:
    """The fiscal year of a row's latest date: the first of its ``dated_by`` columns filled."""
    types = {c.name: c.type for c in source.columns}
    years = [name if types[name] == "fiscal_year" else f"fiscal_year_be({name})" for name in source.dated_by]
    return f"coalesce({', '.join(years)})" if len(years) > 1 else years[0]


def _insert_source_areas(con, source: Source, name: str, read: ReadResult) -> None:
    """Rows read, accepted and missing a required value per subdistrict the rows name (rows cut
    short name none), and the newest accepted record's fiscal year: the data-quality inputs."""
    con.execute(
        f"""
        INSERT INTO raw.source_areas
        SELECT ?, ?, subdistrict_code, count(*), count(*) FILTER (WHERE len(problems) = 0),
               count(*) FILTER (WHERE list_contains(list_transform(problems, lambda p: p.reason), 'missing_required')),
               max({_record_fiscal_year_sql(source)}) FILTER (WHERE len(problems) = 0)
        FROM {CHECKED} GROUP BY subdistrict_code
    """,
        [source.name, name],
    )
    if read.malformed:
        con.execute(
            "INSERT INTO raw.source_areas VALUES (?, ?, NULL, ?, 0, 0, NULL)", [source.name, name, len(read.malformed)]
        )
