"""Every published table as a file to download, written by DuckDB's own writers from the query the
candidate's SQLite is written from (``export.published_query``), so a file holds exactly what the
API serves: CSV in UTF-8 with a byte-order mark (Excel then reads the Thai as Thai) and Parquet
with the column types. DuckDB streams both: memory stays bounded whatever the size of a table."""

import os
import shutil
from pathlib import Path

import duckdb

from orchestration.metadata.models import Model
from publish.export import published_query

BOM = "\ufeff".encode()


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _with_bom(written: Path, path: Path) -> None:
    """DuckDB writes no byte-order mark: put one before what it wrote."""
    with path.open("wb") as out, written.open("rb") as text:
        out.write(BOM)
        shutil.copyfileobj(text, out, 1 << 20)
    written.unlink()


def write_table(con: duckdb.DuckDBPyConnection, model: Model, folder: Path) -> None:
    rows, _ = published_query(con, model)
    csv, parquet = folder / f"{model.name}.csv", folder / f"{model.name}.parquet"
    con.execute(f"COPY ({rows}) TO {_literal(parquet)} (FORMAT parquet, COMPRESSION zstd)")
    # The CSV from the Parquet, in its order: the same text, without sorting the mart again.
    written = csv.with_suffix(".csv.part")
    read = f"SELECT * FROM read_parquet({_literal(parquet)})"
    con.execute(f"COPY ({read}) TO {_literal(written)} (FORMAT csv, HEADER, NEW_LINE '\r\n')")
    _with_bom(written, csv)


def _link(name: str, previous: Path, folder: Path) -> None:
    """The files of ``previous`` (a release's, never changed once published) as this folder's:
    linked, or copied where the disk keeps no links (a network share)."""
    for suffix in (".csv", ".parquet"):
        source, target = previous / f"{name}{suffix}", folder / f"{name}{suffix}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def write(
    con: duckdb.DuckDBPyConnection,
    folder: Path,
    tables: dict[str, Model],
    previous: Path | None = None,
    copied: frozenset[str] = frozenset(),
) -> None:
    """CSV and Parquet of each of ``tables`` into ``folder``; those of the ``copied`` ones are
    the folder ``previous``'s."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, model in tables.items():
        if name in copied:
            _link(model.name, previous, folder)
        else:
            write_table(con, model, folder)
