"""The dbt project on Apache Spark, for when one machine is outgrown (README, "Spark").

The warehouse's raw tables, as ingestion loaded them, are exported to Parquet; dbt then builds
the same seeds, models and tests on Spark (the profile's ``spark`` target: a local pyspark in
this process), with disclosure control between the indicators and the marts as in the Dagster
build. Ingestion stays one code path: Spark starts where the warehouse's raw schema ends.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
from dbt.cli.main import dbtRunner

from orchestration import disclosure
from orchestration.settings import REPO, Settings, duckdb_memory_limit, suppression_threshold

PROJECT = REPO / "dbt_project"
SPARK_TYPES = {"string": "string", "int32": "int"}


class SparkBuildFailed(RuntimeError):
    pass


def raw_folder(config: Settings) -> Path:
    """Where the raw tables are exported; dbt's on-run-start hook is told to read them there."""
    return config.data_dir / "spark" / "raw"


def export_raw(config: Settings) -> None:
    """Each table of the warehouse's raw schema as Parquet, a folder per table (JSON as text,
    which Spark reads)."""
    folder = raw_folder(config)
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(config.warehouse_path), read_only=True) as con:
        con.execute("SET memory_limit = ?", [duckdb_memory_limit()])
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'raw' ORDER BY 1").fetchall()
        for (table,) in tables:
            columns = con.execute(
                "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'raw' AND table_name = ?",
                [table],
            ).fetchall()
            select = ", ".join(f'"{c}"::VARCHAR AS "{c}"' if t == "JSON" else f'"{c}"' for c, t in columns)
            # A table is a folder of files to Spark (and to Hive's catalogue), even of one file.
            (folder / table).mkdir(exist_ok=True)
            target = folder / table / f"{table}.parquet"
            con.execute(f"COPY (SELECT {select} FROM raw.\"{table}\") TO '{target}' (FORMAT parquet)")


def dbt(config: Settings, *args: str, target: str = "spark") -> list:
    """One dbt command, on the Spark target unless told, in this process (so the Spark session is
    shared): its node results, or SparkBuildFailed naming what failed."""
    artifacts = config.dbt_artifacts / target
    result = dbtRunner().invoke(
        [
            *args,
            "--project-dir",
            str(PROJECT),
            "--profiles-dir",
            str(PROJECT),
            "--target",
            target,
            "--target-path",
            str(artifacts / "target"),
            "--log-path",
            str(artifacts / "logs"),
            "--vars",
            json.dumps({"raw_parquet": str(raw_folder(config))}),
        ]
    )
    if not result.success:
        failed = [r.node.unique_id for r in result.result or [] if str(r.status) in ("error", "fail")]
        raise SparkBuildFailed(f"dbt {' '.join(args)} failed on {target}: {', '.join(failed) or result.exception}")
    return list(result.result)


def session():
    """The Spark session dbt opened in this process, with the profile's settings."""
    from pyspark.sql import SparkSession

    return SparkSession.builder.getOrCreate()


def write_hidden_cells(threshold: int) -> None:
    """Disclosure control on Spark's indicators, written as the table of its dbt model (a Python
    model, which dbt runs on DuckDB only), where the marts read it."""
    spark = session()
    rows = disclosure.hidden_cells([tuple(r) for r in spark.sql(disclosure.CELLS).collect()], threshold)
    schema = ", ".join(f"{f.name} {SPARK_TYPES[str(f.type)]}" for f in disclosure.HIDDEN)
    table = f"intermediate.{disclosure.MODEL}"
    spark.createDataFrame(rows, schema).write.mode("overwrite").saveAsTable(table)


@dataclass
class SparkBuild:
    seconds: dict[str, float]  # by stage
    results: list  # dbt's, of every seed, model and test


def build(config: Settings) -> SparkBuild:
    """Export, then dbt on Spark, with disclosure control between the indicators and the marts."""
    seconds, results = {}, []
    started = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        seconds[stage] = time.perf_counter() - started
        started = time.perf_counter()

    export_raw(config)
    lap("export raw to Parquet")
    results += dbt(config, "build", "--exclude", f"{disclosure.MODEL}+")
    lap("dbt build: seeds, staging, indicators")
    write_hidden_cells(suppression_threshold())
    lap("disclosure control")
    results += dbt(config, "build", "--select", f"{disclosure.MODEL}+", "--exclude", disclosure.MODEL)
    lap("dbt build: marts")
    return SparkBuild(seconds, results)
