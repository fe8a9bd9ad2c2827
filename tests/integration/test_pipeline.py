"""The whole stack on demo data: Dagster → DuckDB → dbt → GX → SQLite → Datasette."""

import hashlib
import sqlite3
from collections import Counter

import dagster as dg
import duckdb
import httpx
import oracle
import published
import pyarrow.parquet as pq
import pytest

from orchestration.metadata.sources import SOURCES
from publish import privacy

YEARS = range(2563, 2569)
GX_CHECK = dg.AssetCheckKey(dg.AssetKey(["marts", "indicator_values"]), "gx_suite")


def faults_of(build, source: str) -> list[dict]:
    return next(f["faults"] for f in build.manifest["files"].values() if f["source"] == source)


def test_pipeline_succeeds_and_publishes(demo_build):
    failed = {
        e.step_key: e.event_specific_data.error.message for e in demo_build.result.all_events if e.is_step_failure
    }
    assert not failed
    assert demo_build.result.success
    assert demo_build.published_db.exists()


def test_every_blocking_check_passed_including_areas_adding_up(demo_build):
    evaluations = demo_build.result.get_asset_check_evaluations()
    assert "assert_areas_add_up" in {e.check_name for e in evaluations}
    blocking = [e for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    assert [e.asset_check_key for e in blocking] == []


def test_certified_organisations_match_independent_recompute(demo_build):
    orgs = oracle.clean_rows(
        oracle.read_xlsx(demo_build.landing("welfare_orgs")), 6, faults_of(demo_build, "welfare_orgs")
    )
    expected = oracle.s2_1(orgs, YEARS)
    got = published.indicator(demo_build.published_db, "S2.1")
    assert {k for k in got if k[0] == "district"} == {
        ("district", f"60{d:02d}", fy) for d in range(1, 16) for fy in YEARS
    }
    for key, (value, numerator, _) in got.items():
        assert numerator == expected.get(key, 0), key
        assert value == numerator


def test_laos_funding_welfare_match_independent_recompute(demo_build):
    budgets = oracle.clean_rows(
        oracle.read_csv(demo_build.landing("lao_budgets"), "utf-8-sig"), 2, faults_of(demo_build, "lao_budgets")
    )
    expected = oracle.s3_2(budgets)
    got = published.indicator(demo_build.published_db, "S3.2")
    assert sum(1 for k in got if k[0] == "province") == len(YEARS)
    for key, (_, numerator, _) in got.items():
        assert numerator == expected.get(key, 0), key


def test_welfare_spending_growth_matches_independent_recompute(demo_build):
    budgets = oracle.clean_rows(
        oracle.read_csv(demo_build.landing("lao_budgets"), "utf-8-sig"), 2, faults_of(demo_build, "lao_budgets")
    )
    spent = oracle.welfare_spending(budgets)
    got = published.indicator(demo_build.published_db, "S3.3")
    checked = 0
    for (level, code, fy), (value, numerator, _) in got.items():
        this_year, last_year = spent.get((level, code, fy)), spent.get((level, code, fy - 1))
        assert numerator == (float(this_year) if this_year is not None else None)
        if this_year is not None and last_year:
            assert value == pytest.approx(float(100 * (this_year - last_year) / last_year), abs=published.PRECISION)
            checked += 1
        else:
            assert value is None
    assert checked >= 15 * 5  # every district has a growth rate from FY2564 on


def test_every_row_read_is_accepted_or_quarantined_for_the_planted_reason(demo_build):
    con = duckdb.connect(str(demo_build.config.warehouse_path), read_only=True)
    for name, planted in demo_build.manifest["files"].items():
        read, accepted, quarantined = con.execute(
            "SELECT rows_read, rows_accepted, rows_quarantined FROM raw.load_log WHERE source_file = ?", [name]
        ).fetchone()
        assert read == planted["rows"] == accepted + quarantined
        rejected = con.execute(
            "SELECT row_number, reason_code FROM raw.quarantine WHERE source_file = ?", [name]
        ).fetchall()
        assert sorted(rejected) == sorted((f["row"], f["reason"]) for f in planted["faults"])
        stored = con.execute(f"SELECT count(*) FROM raw.{planted['source']} WHERE _source_file = ?", [name]).fetchone()[
            0
        ]
        assert stored == accepted
    con.close()


def source_people(build) -> tuple[set[str], set[str]]:
    """Citizen IDs and full names written in the demo's personal sources."""
    registry = oracle.read_csv(build.landing("welfare_registry"), "cp874")
    volunteers = oracle.read_xlsx(build.landing("volunteers"))
    assistance = oracle.read_csv(build.landing("social_assistance"), "utf-8-sig")
    ids = {p["เลขประจำตัวประชาชน"] for p in registry + volunteers + assistance}
    names = {f"{p['ชื่อ']} {p['นามสกุล']}" for p in registry + volunteers}
    names |= {p["ผู้ประสานงาน"] for p in oracle.read_csv(build.landing("network_partners"), "utf-8-sig")}
    return ids - {""}, names - {"", " "}


def published_text(build) -> str:
    """Everything the live release publishes: every value of both databases and of the downloads,
    every other file."""
    text = []
    for path in sorted(build.published_db.parent.rglob("*")):
        if path.suffix == ".db":
            con = sqlite3.connect(path)
            text += [
                str(v)
                for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
                for row in con.execute(f'SELECT * FROM "{table}"')
                for v in row
            ]
            con.close()
        elif path.suffix == ".parquet":
            text += [str(v) for row in pq.read_table(path).to_pylist() for v in row.values()]
        elif path.suffix in (".json", ".jsonld", ".html", ".css", ".csv"):
            text.append(path.read_text(encoding="utf-8-sig"))
    return "\n".join(text)


def test_no_citizen_id_or_name_is_published(demo_build):
    ids, names = source_people(demo_build)
    text = published_text(demo_build)
    assert not [i for i in ids if i in text]
    assert not [n for n in names if n in text]
    assert not privacy.citizen_ids_in_text(text)


def test_no_personal_data_anywhere_in_the_warehouse(demo_build):
    ids, names = source_people(demo_build)
    wh = duckdb.connect(str(demo_build.config.warehouse_path), read_only=True)
    columns = wh.execute(
        "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog <> 'temp'"
    ).fetchall()
    # Columns that leave under another name or not at all ("locate" keeps only the subdistrict code).
    personal = {
        c.name for source in SOURCES.values() for c in source.columns if c.personal in ("pseudonymise", "drop", "age")
    }
    assert not [c for c in columns if c[2] in personal - {"citizen_id"}]
    wh.execute("CREATE TEMP TABLE people AS SELECT unnest(?) AS v", [sorted(ids | names)])
    for schema, table, column, data_type in columns:
        if data_type not in ("VARCHAR", "JSON"):
            continue
        values = f'CAST("{column}" AS VARCHAR)'
        hits = wh.execute(
            f'SELECT count(*) FROM "{schema}"."{table}" WHERE {values} IN (SELECT v FROM people) '
            f"OR regexp_matches({values}, '(^|[^0-9A-Za-z.])[0-9]{{13}}([^0-9A-Za-z.]|$)')"
        ).fetchone()[0]
        assert hits == 0, f"{schema}.{table}.{column}"
    wh.close()


def test_the_same_person_has_the_same_pseudonym_in_every_source(demo_build):
    wh = duckdb.connect(str(demo_build.config.warehouse_path), read_only=True)
    shared = wh.execute(
        "SELECT count(DISTINCT person_key) FROM raw.social_assistance "
        "WHERE person_key IN (SELECT person_key FROM raw.welfare_registry)"
    ).fetchone()[0]
    helped = wh.execute("SELECT count(DISTINCT person_key) FROM raw.social_assistance").fetchone()[0]
    wh.close()
    assert 0.3 * helped < shared < helped  # the demo draws about 60% of them from the register


def test_published_metadata_labels_demo_data_in_both_languages(demo_build):
    import json

    meta = json.loads((demo_build.published_db.parent / "metadata.json").read_text(encoding="utf-8"))
    assert "ข้อมูลสาธิต" in meta["title"] and "DEMO" in meta["title"]
    table = meta["databases"]["welfare"]["tables"]["indicator_values"]
    assert "ข้อมูลสาธิต" in table["description"]
    assert table["title"] == "ค่าตัวชี้วัด — Indicator values"
    assert "ปีงบประมาณ" in table["columns"]["fiscal_year"] and "Buddhist Era" in table["columns"]["fiscal_year"]


def test_datasette_serves_indicator_json(portal):
    response = httpx.get(
        f"{portal}/welfare/indicator_values.json",
        params={"indicator_code": "S2.1", "area_level": "province", "_shape": "array"},
    )
    assert response.status_code == 200
    rows = response.json()
    assert [r["fiscal_year"] for r in rows] == list(YEARS)
    assert {r["area_name_en"] for r in rows} == {"Nakhon Sawan"}
    # Read-only: Datasette refuses SQL that writes.
    write = httpx.get(f"{portal}/welfare.json", params={"sql": "DELETE FROM indicator_values"})
    assert write.status_code == 400


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_broken_mart_fails_the_gx_gate_and_nothing_is_published(demo_build):
    live_before = _sha256(demo_build.published_db)
    warehouse = str(demo_build.config.warehouse_path)
    con = duckdb.connect(warehouse)
    con.execute("CREATE TABLE marts.indicator_values_backup AS SELECT * FROM marts.indicator_values")
    con.execute("UPDATE marts.indicator_values SET numerator = -1 WHERE indicator_code = 'S3.2'")
    con.close()
    try:
        gate = dg.define_asset_job(
            "gate",
            selection=dg.AssetSelection.checks(GX_CHECK) | dg.AssetSelection.assets("datasette_release"),
            executor_def=dg.in_process_executor,
        )
        defs = dg.Definitions.merge(demo_build.defs, dg.Definitions(jobs=[gate]))
        result = defs.resolve_job_def("gate").execute_in_process(raise_on_error=False)
        evaluations = {e.asset_check_key: e for e in result.get_asset_check_evaluations()}
        assert evaluations[GX_CHECK].passed is False
        assert "numerator" in evaluations[GX_CHECK].description
        materialized = {e.asset_key for e in result.get_asset_materialization_events()}
        assert dg.AssetKey("datasette_release") not in materialized
        assert _sha256(demo_build.published_db) == live_before
    finally:
        con = duckdb.connect(warehouse)
        con.execute("CREATE OR REPLACE TABLE marts.indicator_values AS SELECT * FROM marts.indicator_values_backup")
        con.execute("DROP TABLE marts.indicator_values_backup")
        con.close()


def test_quarantine_reasons_are_explained_in_thai_and_english(demo_build):
    con = sqlite3.connect(demo_build.published_db)
    rows = con.execute(
        "SELECT source, reason_code, message_en, message_th, rows_quarantined FROM dq_quarantine_summary"
    ).fetchall()
    con.close()
    planted = Counter(
        (f["source"], fault["reason"]) for f in demo_build.manifest["files"].values() for fault in f["faults"]
    )
    summarised = Counter()
    for source, reason, *_, n in rows:
        summarised[(source, reason)] += n
    assert summarised == planted
    assert all(en and th and en != th for _, _, en, th, _ in rows)
