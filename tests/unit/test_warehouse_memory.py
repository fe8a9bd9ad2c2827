"""DuckDB works within a memory limit and spills inside the data folder, as configured."""

import duckdb
import yaml

from orchestration.assets.dbt import project
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


def test_a_second_connection_after_a_spill_keeps_the_spill_folder(tmp_path, monkeypatch):
    """DuckDB refuses to set its spill folder again once it has spilled there, even to the same
    folder: at national scale the build failed so (dbt set it on every thread's cursor)."""
    monkeypatch.setenv("WELFARE_DUCKDB_MEMORY", "64MB")
    warehouse = Warehouse(path=str(tmp_path / "warehouse.duckdb"))
    with warehouse.connect() as con:
        con.execute("SET threads = 1")
        con.execute("CREATE TABLE t AS SELECT md5(range::VARCHAR) AS h FROM range(2000000)")
        con.execute("SELECT h, count(*) FROM t GROUP BY h ORDER BY h LIMIT 1").fetchall()
        assert any((tmp_path / "tmp" / "duckdb").iterdir())  # it did spill
        with warehouse.connect() as again:
            assert again.execute("SELECT count(*) FROM t").fetchall() == [(2_000_000,)]


def test_dbt_sets_the_spill_folder_once_when_the_database_opens():
    profile = yaml.safe_load((project.project_dir / "profiles.yml").read_text())["welfare"]["outputs"]["warehouse"]
    assert "temp_directory" in profile["config_options"] and "temp_directory" not in profile["settings"]
