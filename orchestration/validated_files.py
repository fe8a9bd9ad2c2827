"""Which loaded files of a source GX has validated, so that a source's check validates only the
rows of files it has not: a month of social assistance, not the three million rows before it.

A file's rows are validated again when they were loaded again (a new ``loaded_at``), or when what
validates them changed: the code and settings (the suite is written from the registry) or the
areas (a subdistrict's existence is checked). The key's uniqueness over the whole table is a flag
each validated row carries (``suites.source_select``), so a new file repeating an old file's key
still fails. The record is kept in the warehouse's ``audit`` schema, beside the audit trail.
"""

import hashlib

import duckdb

TABLE = "audit.source_files_validated"
LOADED = """
SELECT source_file, file_hash, loaded_at FROM raw.load_log
WHERE source = ? AND status = 'loaded' ORDER BY source_file
"""


def suite_version(con: duckdb.DuckDBPyConnection, code: str) -> str:
    """What the rows are validated with: the code and settings, and the areas."""
    (areas,) = con.execute("SELECT count(*) || ':' || sum(hash(subdistrict_code)::HUGEINT) FROM raw.areas").fetchone()
    return hashlib.sha256(f"{code}\0{areas}".encode()).hexdigest()


def _recorded(con: duckdb.DuckDBPyConnection) -> bool:
    schema, table = TABLE.split(".")
    found = "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"
    return bool(con.execute(found, [schema, table]).fetchone()[0])


def pending(con: duckdb.DuckDBPyConnection, source: str, version: str) -> list[tuple]:
    """The loaded files of ``source`` whose rows this ``version`` has not validated:
    (source_file, file_hash, loaded_at) each."""
    loaded = con.execute(LOADED, [source]).fetchall()
    if not _recorded(con):
        return loaded
    done = set(
        con.execute(
            f"SELECT source_file, file_hash, loaded_at FROM {TABLE} WHERE source = ? AND suite_version = ?",
            [source, version],
        ).fetchall()
    )
    return [file for file in loaded if file not in done]


def rows_of(files: list[tuple]) -> tuple[str, list[str]]:
    """A SQL condition on a raw table (aliased ``s``) true for the rows of ``files``, and the
    parameters it binds."""
    pairs = ", ".join("(?, ?)" for _ in files)
    return f"(s._source_file, s._file_hash) IN ({pairs})", [v for name, digest, _ in files for v in (name, digest)]


def record(con: duckdb.DuckDBPyConnection, source: str, files: list[tuple], version: str, run_id: str) -> None:
    """``files`` of ``source`` passed the suite of ``version`` in the run ``run_id``."""
    con.execute("CREATE SCHEMA IF NOT EXISTS audit")
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} (source VARCHAR, source_file VARCHAR, file_hash VARCHAR, "
        "loaded_at TIMESTAMP, suite_version VARCHAR, run_id VARCHAR)"
    )
    con.executemany(
        f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, ?)",
        [(source, name, digest, loaded_at, version, run_id) for name, digest, loaded_at in files],
    )
