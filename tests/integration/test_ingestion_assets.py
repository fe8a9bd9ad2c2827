"""The ingestion assets in Dagster: failures stay with their source, re-runs change nothing,
new files append or replace as each source says."""

import shutil

import dagster as dg
import duckdb
import pytest

from orchestration import settings
from orchestration.assets import dimensions, ingestion
from orchestration.demo.generator import generate
from orchestration.metadata.sources import SOURCES
from orchestration.resources import Folders, Warehouse

SCALE = 0.003


def ingest(config: settings.Settings) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*dimensions.assets, *ingestion.assets],
        resources={
            "warehouse": Warehouse(path=str(config.warehouse_path)),
            "folders": Folders(landing=str(config.landing_dir), publish=str(config.publish_dir)),
        },
        raise_on_error=False,
    )


def query(config: settings.Settings, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(config.warehouse_path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


@pytest.fixture
def config(tmp_path) -> settings.Settings:
    return settings.Settings(tmp_path)


def failures(result: dg.ExecuteInProcessResult) -> dict[str, str]:
    return {e.step_key: e.event_specific_data.error.message for e in result.all_events if e.is_step_failure}


def test_an_unreadable_file_fails_its_source_only(config):
    manifest = generate(config.landing_dir, ["60"], scale=SCALE, unreadable_files=True)
    result = ingest(config)
    failed = failures(result)
    assert set(failed) == {"raw__projects", "raw__capacity_trainings"}
    for name, reason in manifest["unreadable"].items():
        assert any(name in message and reason in message for message in failed.values()), name
    loaded = {s for (s,) in query(config, "SELECT DISTINCT source FROM raw.load_log")}
    # Every source loaded its readable files, the two with a broken file included.
    assert loaded == set(SOURCES)


def test_a_file_that_crashes_the_reader_fails_alone_and_is_named(config):
    generate(config.landing_dir, ["60"], scale=SCALE)
    # Nobody foresaw this one: a folder named like an export (a copy unpacked in place).
    (config.landing_dir / "welfare_registry" / "registry_2568_ชุดที่2.csv").mkdir()
    result = ingest(config)
    failed = failures(result)
    assert set(failed) == {"raw__welfare_registry"}
    message = failed["raw__welfare_registry"]
    assert "welfare_registry/registry_2568_ชุดที่2.csv" in message and "IsADirectoryError" in message
    assert "อ่านไฟล์ไม่ได้" in message  # and in Thai
    loaded = query(config, "SELECT source_file, status FROM raw.load_log WHERE source = 'welfare_registry' ORDER BY 1")
    assert loaded == [
        ("welfare_registry/registry_2568_ชุดที่2.csv", "failed"),
        ("welfare_registry/welfare_registry_60.csv", "loaded"),
    ]
    assert query(config, "SELECT count(*) FROM raw.welfare_registry")[0][0] > 0


def test_reingesting_unchanged_files_is_a_no_op(config):
    generate(config.landing_dir, ["60"], scale=SCALE)
    assert ingest(config).success
    sql = "SELECT source_file, file_hash, rows_read, loaded_at FROM raw.load_log ORDER BY 1"
    first, rows = query(config, sql), query(config, "SELECT count(*) FROM raw.welfare_registry")
    assert ingest(config).success
    assert query(config, sql) == first
    assert query(config, "SELECT count(*) FROM raw.welfare_registry") == rows


def test_the_demo_key_loads_only_the_demo_generators_files(config, tmp_path, monkeypatch):
    generate(config.landing_dir, ["60"], scale=SCALE)
    other = tmp_path / "other"
    generate(other, ["60"], seed=99, scale=SCALE)  # stands in for a real export: not in the manifest
    shutil.copy(other / "lao_budgets/lao_budgets_60.csv", config.landing_dir / "lao_budgets/lao_budgets_2568.csv")
    monkeypatch.delenv("WELFARE_HMAC_KEY", raising=False)
    failed = failures(ingest(config))
    assert set(failed) == {"raw__lao_budgets"}
    assert "lao_budgets_2568.csv" in failed["raw__lao_budgets"] and "WELFARE_HMAC_KEY" in failed["raw__lao_budgets"]
    monkeypatch.setenv("WELFARE_HMAC_KEY", "a-real-secret-for-this-test")
    assert ingest(config).success


def test_append_sources_add_files_and_replace_sources_keep_the_newest(config, tmp_path, monkeypatch):
    monkeypatch.setenv("WELFARE_HMAC_KEY", "a-real-secret-for-this-test")  # the files below are not the demo's
    generate(config.landing_dir, ["60"], scale=SCALE)
    assert ingest(config).success
    budgets_before = query(config, "SELECT count(*) FROM raw.lao_budgets")[0][0]

    newer = tmp_path / "newer"
    generate(newer, ["60"], seed=99, scale=SCALE)
    shutil.copy(newer / "lao_budgets/lao_budgets_60.csv", config.landing_dir / "lao_budgets/lao_budgets_60_z.csv")
    shutil.copy(newer / "welfare_orgs/welfare_orgs_60.xlsx", config.landing_dir / "welfare_orgs/welfare_orgs_60_z.xlsx")
    assert ingest(config).success

    budget_files = query(config, "SELECT DISTINCT _source_file FROM raw.lao_budgets ORDER BY 1")
    assert budget_files == [("lao_budgets/lao_budgets_60.csv",), ("lao_budgets/lao_budgets_60_z.csv",)]
    assert query(config, "SELECT count(*) FROM raw.lao_budgets")[0][0] > budgets_before
    for table in ("welfare_orgs", "quarantine", "load_log"):
        column = "_source_file" if table == "welfare_orgs" else "source_file"
        where = "" if table == "welfare_orgs" else " WHERE source = 'welfare_orgs'"
        files = query(config, f"SELECT DISTINCT {column} FROM raw.{table}{where}")
        assert files in ([("welfare_orgs/welfare_orgs_60_z.xlsx",)], []), table
    assert query(config, "SELECT count(*) FROM raw.load_log WHERE source = 'welfare_orgs'") == [(1,)]
