"""Write the published marts (``metadata.models.PUBLISHED``) or the audit trail from DuckDB into
a SQLite file for Datasette, with the keys, references, indexes and full-text search the registry
gives them (references let Datasette show a code's label; search is by trigram, since Thai is
written without spaces between words).

The same marts always give the same bytes: rows are written in key order, numbers rounded to the
places their field publishes (the last digits of a parallel floating-point sum differ from run to
run), dates as ISO text, and the file is analysed and written out by ``VACUUM INTO``, whose copy
depends on the content only, not on how the file it copies was written.
"""

from pathlib import Path

import duckdb
import sqlite_utils

from orchestration.metadata.models import Model
from publish.privacy import FTS_INDEX_TABLES

BATCH = 50_000


def _published_column(model: Model, name: str, duckdb_type: str) -> tuple[str, type]:
    """The SELECT expression and SQLite type of a mart column."""
    kind = duckdb_type.split("(")[0]
    if kind in ("DOUBLE", "FLOAT", "DECIMAL", "REAL"):
        decimals = model.field(name).decimals
        if decimals is None:
            raise ValueError(f"{model.name}.{name}: the registry gives no decimals to publish it with")
        # + 0.0 turns a negative zero (a tiny negative change, rounded) into 0: no "-0.0" in a file.
        return f'CAST(round("{name}", {decimals}) AS DOUBLE) + 0.0', float
    if kind in (
        "TINYINT",
        "SMALLINT",
        "INTEGER",
        "BIGINT",
        "HUGEINT",
        "UTINYINT",
        "USMALLINT",
        "UINTEGER",
        "UBIGINT",
        "BOOLEAN",
    ):
        return f'CAST("{name}" AS BIGINT)', int  # SQLite's 64-bit INTEGER: a yes/no is 1 or 0
    return f'CAST("{name}" AS VARCHAR)', str  # text, and dates as ISO text


def published_query(
    con: duckdb.DuckDBPyConnection, model: Model, where: str = "true", ordered: bool = True
) -> tuple[str, dict[str, type]]:
    """The SELECT of a mart as it is published, in key order (unless not ``ordered``: to hash its
    rows, say), and the SQLite type of each column: the database and the downloads are written
    from it, so they hold the same values."""
    columns = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE "
        "table_schema = ? AND table_name = ? ORDER BY ordinal_position",
        [model.layer, model.name],
    ).fetchall()
    published = {name: _published_column(model, name, kind) for name, kind in columns}
    select = ", ".join(f'{expr} AS "{name}"' for name, (expr, _) in published.items())
    query = f"SELECT {select} FROM {model.layer}.{model.name} WHERE {where}"
    if ordered:
        query += " ORDER BY " + ", ".join(f'"{k}"' for k in model.key)
    return query, {name: sqlite_type for name, (_, sqlite_type) in published.items()}


def _referenced_first(tables: dict[str, Model]) -> list[tuple[str, Model]]:
    """The tables in an order that creates each before any table that references it."""
    return sorted(tables.items(), key=lambda item: bool(item[1].references))


def _insert_rows(
    con: duckdb.DuckDBPyConnection, db: sqlite_utils.Database, table: str, query: str, width: int, params=None
):
    insert = f"INSERT INTO [{table}] VALUES ({', '.join('?' * width)})"
    for batch in con.sql(query, params=params).to_arrow_reader(BATCH):
        db.conn.executemany(insert, zip(*(column.to_pylist() for column in batch.columns), strict=True))


def _insert_by_part(
    con: duckdb.DuckDBPyConnection,
    db: sqlite_utils.Database,
    model: Model,
    query: str,
    width: int,
    taken: frozenset[str],
):
    """The rows of a table divided into parts (the values of its key's first column), part by
    part in key order (``query`` is its published query): a part ``taken`` is copied from the
    attached ``previous`` file, where its rows were written in the same order; the others are
    written from DuckDB. The rows, in the same order, give the bytes of writing them all from DuckDB."""
    table, part = model.name, model.part
    for (value,) in con.execute(f'SELECT DISTINCT "{part}" FROM ({query}) ORDER BY 1').fetchall():
        if value in taken:  # its rows lie together there, as they were written (the part leads the key)
            first, last = db.conn.execute(
                f"SELECT min(rowid), max(rowid) FROM previous.[{table}] WHERE [{part}] = ?", [value]
            ).fetchone()
            db.conn.execute(
                f"INSERT INTO main.[{table}] SELECT * FROM previous.[{table}] WHERE rowid BETWEEN ? AND ?",
                [first, last],
            )
        else:
            written, _ = published_query(con, model, where=f'"{part}" = ?')
            _insert_rows(con, db, table, written, width, [value])


def _copy_search_index(db: sqlite_utils.Database, table: str) -> None:
    """The full-text index of a table copied from the attached ``previous`` file, copied with it:
    over the same rows, the index sqlite-utils would build is the one built there (FTS5 keeps it
    in plain shadow tables), copied in a fraction of the time it takes to build."""
    fts = f"{table}_fts"
    (create,) = db.execute("SELECT sql FROM previous.sqlite_master WHERE name = ?", [fts]).fetchone()
    db.executescript(create)  # the statement sqlite-utils wrote there, run as it runs it
    with db.conn:
        for shadow in (f"{fts}_{suffix}" for suffix in FTS_INDEX_TABLES):
            db.conn.execute(f"DELETE FROM main.[{shadow}]")
            db.conn.execute(f"INSERT INTO main.[{shadow}] SELECT * FROM previous.[{shadow}]")


def export_sqlite(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    tables: dict[str, Model],
    previous: Path | None = None,
    copied: frozenset[str] = frozenset(),
    parts_copied: dict[str, frozenset[str]] | None = None,
) -> dict[str, int]:
    """Write ``tables`` to a new SQLite file at ``path``; return rows per table. The ``copied``
    tables, and the parts ``parts_copied`` of tables divided into parts, are taken as they are
    from the SQLite file ``previous`` (written by this function, so the new file has the bytes it
    would have had with every row written from DuckDB)."""
    parts_copied = parts_copied or {}
    building = path.with_name(f"{path.name}.building")
    for file in (path, building):
        file.unlink(missing_ok=True)
    db = sqlite_utils.Database(building)
    # Written once and copied: if writing fails, it is thrown away, so nothing is journalled or synced.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    if copied or parts_copied:
        db.execute("ATTACH DATABASE ? AS previous", [str(previous)])
    counts = {}
    for table, model in _referenced_first(tables):
        query, types = published_query(con, model)
        db[table].create(
            types,
            pk=list(model.key),
            foreign_keys=[(column, other, tables[other].key[0]) for column, other in model.references],
        )
        with db.conn:  # one transaction per table
            if table in copied:
                db.conn.execute(f"INSERT INTO main.[{table}] SELECT * FROM previous.[{table}]")
            elif parts_copied.get(table):
                _insert_by_part(con, db, model, query, len(types), parts_copied[table])
            else:
                _insert_rows(con, db, table, query, len(types))
        for index in model.indexes:  # built once over the rows, cheaper than kept up row by row
            db[table].create_index(list(index))
        if model.search and table in copied:
            _copy_search_index(db, table)
        elif model.search:
            db[table].enable_fts(list(model.search), tokenize="trigram")
        counts[table] = db[table].count
    if copied or parts_copied:
        db.execute("DETACH DATABASE previous")
    db.execute("ANALYZE")
    db.execute("PRAGMA synchronous = FULL")  # the copy is synced once it is written (VACUUM INTO takes this)
    db.execute("VACUUM INTO ?", [str(path)])
    db.close()
    building.unlink()
    return counts
