"""The dbt project on Apache Spark (``make test-spark``, not part of ``make test``): the demo built
on Spark publishes what the DuckDB build publishes, and every dbt test passes there too."""

import datetime
import decimal
import json
import math
import time

import duckdb
import pytest
from integration.conftest import data_dir, demo_build  # noqa: F401  (the demo, built on DuckDB)

from orchestration import spark


@pytest.fixture(scope="module")
def spark_build(demo_build):  # noqa: F811
    return spark.build(demo_build.config)


@pytest.fixture(scope="module")
def duckdb_build(demo_build):  # noqa: F811
    """The DuckDB build's marts, as (columns, rows) by table; then the dbt build run again on
    DuckDB, timed (read first: dbt keeps the warehouse open in this process)."""
    with duckdb.connect(str(demo_build.config.warehouse_path), read_only=True) as con:
        tables = [
            t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'marts'").fetchall()
        ]
        marts = {}
        for table in sorted(tables):
            cursor = con.execute(f"SELECT * FROM marts.{table}")
            marts[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    started = time.perf_counter()
    spark.dbt(demo_build.config, "build", target="warehouse")
    return marts, time.perf_counter() - started


def _plain(value):
    """A value as both engines can be compared on: numbers as float, dates as text."""
    if isinstance(value, decimal.Decimal | int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _same(a, b) -> bool:
    a, b = _plain(a), _plain(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _sorted(rows: list[tuple]) -> list[tuple]:
    """In an order both engines agree on: by every value, fractions rounded to 6 places (so that
    a difference in the last bits does not reorder rows)."""

    def key(row):
        values = [_plain(v) for v in row]
        return json.dumps([round(v, 6) if isinstance(v, float) else v for v in values], default=str)

    return sorted(rows, key=key)


def test_every_dbt_test_passes_on_spark(spark_build, demo_build):  # noqa: F811
    """dbt build stops at a failure (spark.build raises); here: every test of the project ran."""
    ran = [r.node.unique_id for r in spark_build.results if r.node.resource_type in ("test", "unit_test")]
    manifest = json.loads((demo_build.config.dbt_artifacts / "spark" / "target" / "manifest.json").read_text())
    declared = [n for n, node in manifest["nodes"].items() if node["resource_type"] == "test"]
    assert sorted(ran) == sorted(declared + list(manifest["unit_tests"]))
    assert len(manifest["unit_tests"]) >= 3
    assert all(str(r.status) in ("pass", "success") for r in spark_build.results)


def test_every_mart_equals_the_duckdb_build(spark_build, duckdb_build):
    duckdb_marts, duckdb_seconds = duckdb_build
    session = spark.session()
    compared = 0
    for table, (columns, expected) in duckdb_marts.items():
        found = session.sql(f"SELECT {', '.join(columns)} FROM marts.{table}").collect()
        assert len(found) == len(expected), table
        for want, got in zip(_sorted(expected), _sorted([tuple(r) for r in found]), strict=True):
            differ = [c for c, a, b in zip(columns, want, got, strict=True) if not _same(a, b)]
            assert not differ, f"{table}: {dict(zip(columns, want, strict=True))} differs on Spark in {differ}"
            compared += 1
    values = len(duckdb_marts["indicator_values"][1])
    # What the DuckDB build did: dbt with disclosure control among its models.
    spark_seconds = sum(s for stage, s in spark_build.seconds.items() if not stage.startswith("export"))
    print(f"\nSpark and DuckDB agree on {compared} rows of {len(duckdb_marts)} marts ({values} indicator values)")
    print("\n".join(f"Spark, {stage}: {s:.1f} s" for stage, s in spark_build.seconds.items()))
    print(
        f"the same dbt build, disclosure control included: Spark {spark_seconds:.1f} s, DuckDB {duckdb_seconds:.1f} s"
    )
