"""DuckDB works within a memory limit and spills inside the data folder, as configured."""

import duckdb

from orchestration.resources import Warehouse


def reported(limit: str) -> str:
    con = duckdb.connect()
    con.execute("SET memory_limit = ?", [limit])
    return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]


def test_the_warehouse_connection_takes_the_configured_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("WELFARE_DUCKDB_MEMORY", "1GB")
    warehouse = Warehouse(path=str(tmp_path / "warehouse.duckdb"))
    with warehouse.connect() as con:
        settings = "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
        limit, spill = con.execute(settings).fetchall()[0]
    assert limit == reported("1GB") != reported("4GB")
    assert spill == str(tmp_path / "tmp" / "duckdb")
