"""The SQLite export: a table taken from the previous file, its full-text index with it, gives
the file a full export writes, byte for byte (an incremental build publishes what a rebuild does)."""

import sqlite3

import duckdb

from orchestration.metadata.models import PUBLISHED
from publish import export


def test_tables_copied_with_their_search_index_give_the_bytes_of_a_full_export(demo_build, tmp_path):
    searched = frozenset(name for name, model in PUBLISHED.items() if model.search)
    assert searched  # the directories: else this test would test nothing
    full, taken = tmp_path / "full.db", tmp_path / "taken.db"
    with duckdb.connect(str(demo_build.config.warehouse_path), read_only=True) as con:
        export.export_sqlite(con, full, PUBLISHED)
        export.export_sqlite(con, taken, PUBLISHED, full, searched | {"dim_areas"})
    assert taken.read_bytes() == full.read_bytes()
    with sqlite3.connect(taken) as db:
        for name in searched:
            column = PUBLISHED[name].search[0]
            (text,) = db.execute(f"SELECT [{column}] FROM [{name}] WHERE length([{column}]) >= 3 LIMIT 1").fetchone()
            found = db.execute(
                f"SELECT count(*) FROM [{name}_fts] WHERE [{name}_fts] MATCH ?", [f'"{text}"']
            ).fetchone()
            assert found[0] >= 1


def test_a_table_written_in_parts_some_copied_gives_the_bytes_of_a_full_export(demo_build, tmp_path):
    full, earlier, parted = tmp_path / "full.db", tmp_path / "earlier.db", tmp_path / "parted.db"
    with duckdb.connect(str(demo_build.config.warehouse_path), read_only=True) as con:
        export.export_sqlite(con, full, PUBLISHED)
        codes = [
            c for (c,) in con.sql("SELECT DISTINCT indicator_code FROM marts.indicator_values ORDER BY 1").fetchall()
        ]
        copied = {"indicator_values": frozenset(codes[::2])}
        export.export_sqlite(con, parted, PUBLISHED, full, frozenset(), copied)
        assert parted.read_bytes() == full.read_bytes()
        # The parts taken are the earlier file's rows, the others DuckDB's.
        earlier.write_bytes(full.read_bytes())
        with sqlite3.connect(earlier) as db:
            db.execute("UPDATE indicator_values SET unit_en = 'as published earlier'")
        export.export_sqlite(con, parted, PUBLISHED, earlier, frozenset(), copied)
        (rows,) = con.execute("SELECT count(*) FROM marts.indicator_values").fetchone()
    with sqlite3.connect(parted) as db:
        marked = db.execute(
            "SELECT DISTINCT indicator_code FROM indicator_values WHERE unit_en = 'as published earlier'"
        )
        assert {c for (c,) in marked} == copied["indicator_values"]
        assert db.execute("SELECT count(*) FROM indicator_values").fetchone() == (rows,)
