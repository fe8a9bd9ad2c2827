"""Every published table as a file to download, written from the candidate's SQLite so a file
holds exactly what the API serves: CSV in UTF-8 with a byte-order mark (Excel then reads the Thai
as Thai) and Parquet with the column types. Read in batches: memory stays bounded whatever the
size of a table."""

import csv
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

BATCH = 50_000
ARROW = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}


def _columns(con: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(name, kind.upper()) for _, name, kind, *_ in con.execute(f"PRAGMA table_info([{table}])")]


def _batches(con: sqlite3.Connection, table: str):
    cursor = con.execute(f"SELECT * FROM [{table}]")
    while rows := cursor.fetchmany(BATCH):
        yield rows


def write_table(con: sqlite3.Connection, table: str, folder: Path) -> None:
    columns = _columns(con, table)
    schema = pa.schema([(name, ARROW[kind]) for name, kind in columns])
    with (
        (folder / f"{table}.csv").open("w", encoding="utf-8-sig", newline="") as text,
        pq.ParquetWriter(folder / f"{table}.parquet", schema, compression="zstd") as parquet,
    ):
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(name for name, _ in columns)
        for rows in _batches(con, table):
            writer.writerows(rows)
            parquet.write_table(pa.Table.from_pylist([dict(zip(schema.names, r, strict=True)) for r in rows], schema))


def write(database: Path, folder: Path, tables) -> None:
    """CSV and Parquet of each of ``tables`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        for table in tables:
            write_table(con, table, folder)
    finally:
        con.close()
