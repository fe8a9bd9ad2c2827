"""The audit trail in the warehouse's ``audit`` schema, kept across runs: every GX expectation's
result (from the GX context's validation store), every dbt test (from dbt's run_results.json),
and, for the demo, the planted faults that ingestion caught. Published as the ``audit_*`` tables.
"""

import json
from pathlib import Path

import duckdb
import pyarrow as pa

from expectations import runner, suites
from orchestration.metadata.models import AUDIT, Model

SCHEMA = "audit"
DUCKDB_TYPES = {"integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "timestamp": "TIMESTAMPTZ"}
LONG_LIST = 12  # a value set longer than this is shown by its length (the areas are thousands)
TABLES = {m.name.removeprefix("audit_"): m for m in AUDIT}


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for model in AUDIT:
        columns = ", ".join(f"{c} {DUCKDB_TYPES.get(model.field(c).type, 'VARCHAR')}" for c in model.columns)
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{model.name} ({columns}, PRIMARY KEY ({', '.join(model.key)}))"
        )


def _insert(con: duckdb.DuckDBPyConnection, model: Model, rows: list[tuple]) -> None:
    """The rows not held yet, as one Arrow table (a statement per row took half a second for a
    build's dbt tests)."""
    if rows:
        columns = zip(*rows, strict=True)
        con.register("new_rows", pa.table(dict(zip(model.columns, map(list, columns), strict=True))))
        con.execute(f"INSERT OR IGNORE INTO {SCHEMA}.{model.name} SELECT * FROM new_rows")
        con.unregister("new_rows")


def _expectation(config) -> str:
    """The expectation and its arguments, long value sets shortened to their length."""
    kwargs = {
        k: (f"<{len(v)} values>" if isinstance(v, list) and len(v) > LONG_LIST else v)
        for k, v in config.kwargs.items()
        if k != "batch_id"
    }
    return f"{config.type} {json.dumps(kwargs, ensure_ascii=False, sort_keys=True, default=str)}"


def _combined(results: tuple) -> tuple:
    """One expectation's result over the chunks or parts its table was validated in within a run
    (see ``runner.validate_chunks`` and ``Model.part``): it held if it held in every one; its
    counts are summed."""
    if len(results) == 1:
        r = results[0].result
        observed = r.get("observed_value")
        return (
            None if observed is None else json.dumps(observed, default=str),
            r.get("element_count"),
            r.get("unexpected_count"),
            r.get("unexpected_percent"),
        )
    elements, unexpected, missing = (
        sum(r.result.get(name) or 0 for r in results) for name in ("element_count", "unexpected_count", "missing_count")
    )
    return None, elements, unexpected, 100 * unexpected / (elements - missing) if elements > missing else None


def record_validations(con: duckdb.DuckDBPyConnection, gx_root: Path) -> None:
    """Every validation the GX context stored and the trail does not hold yet: one row per
    expectation of a suite in a run, however many parts its table was validated in."""
    store = runner.context(gx_root).validation_results_store
    seen = set(con.execute(f"SELECT DISTINCT run_id, suite FROM {SCHEMA}.audit_validation_results").fetchall())
    rows = []
    for (run_id, suite), keys in runner.stored_runs(store).items():
        if (run_id, suite) in seen:
            continue
        parts = [store.get(k).results for k in keys]
        for number, results in enumerate(zip(*parts, strict=True), start=1):
            config = results[0].expectation_config
            rows.append(
                (
                    run_id,
                    keys[0].run_id.run_time,
                    suite,
                    runner.asset_of(suite),
                    number,
                    _expectation(config),
                    suites.severity(config),
                    all(r.success for r in results),
                    *_combined(results),
                )
            )
    _insert(con, TABLES["validation_results"], rows)


def record_dbt_tests(con: duckdb.DuckDBPyConnection, run_results: Path, run_id: str) -> None:
    """The data tests of one dbt build."""
    if not run_results.exists():
        return
    results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    rows = [
        (run_id, r["unique_id"], r["status"], r.get("failures"), r.get("execution_time"))
        for r in results
        if r["unique_id"].startswith("test.")
    ]
    _insert(con, TABLES["dbt_tests"], rows)


PLANTED = pa.schema([("row", pa.int64()), ("reason", pa.string())])  # a fault as the demo's manifest lists it


def record_planted_faults(con: duckdb.DuckDBPyConnection, landing: Path) -> None:
    """Demo only: each planted fault against the quarantine, matched on file, row and reason."""
    con.execute(f"DELETE FROM {SCHEMA}.audit_planted_faults")
    manifest = landing / "manifest.json"
    if not manifest.exists():
        return
    files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    # One Arrow table, not a statement per fault: the whole country's demo plants 200,000. Made
    # from each file's list as it is (0.06 s), not from a Python list per column (0.5 s).
    by_file = [
        pa.Table.from_pylist(file["faults"], PLANTED).append_column(
            "source_file", pa.array([name] * len(file["faults"]), pa.string())
        )
        for name, file in files.items()
        if file["faults"]
    ]
    if not by_file:
        return
    planted = pa.concat_tables(by_file)
    con.register("planted", planted)
    con.execute(f"""
        INSERT INTO {SCHEMA}.audit_planted_faults
        SELECT p.reason AS reason_code, count(*), count(q.row_number), count(*) - count(q.row_number)
        FROM planted AS p
        -- A row may hold a second fault by chance: each of its reasons counts.
        LEFT JOIN (SELECT DISTINCT source_file, row_number, unnest(all_reasons) AS reason_code FROM raw.quarantine) AS q
            ON p.source_file = q.source_file AND p.row = q.row_number AND p.reason = q.reason_code
        GROUP BY p.reason
    """)
    con.unregister("planted")
