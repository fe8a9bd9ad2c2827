"""GX suites as Dagster asset checks: one on every raw source after ingestion and one on every
published mart, written from the metadata registry. A blocking failure stops what depends on the
asset; a warning is reported and stops nothing. Every result is kept in the GX context."""

import math
from collections.abc import Callable
from pathlib import Path

import dagster as dg
import great_expectations as gx
import pandas as pd
import pyarrow as pa

from expectations import runner, suites
from orchestration import validated_files
from orchestration.fingerprint import code_fingerprint
from orchestration.ingestion.sql_functions import scalar
from orchestration.metadata.models import PUBLISHED, Model, people_indicators
from orchestration.metadata.sources import SOURCES, Source
from orchestration.resources import Folders, Warehouse
from orchestration.settings import publication_settings, suppression_threshold
from publish import release, reuse

LOADS = """
SELECT source_file, rows_accepted, rows_read - rows_accepted - rows_quarantined AS rows_unaccounted,
       rows_quarantined / greatest(rows_read, 1) AS quarantined_share
FROM raw.load_log WHERE source = ? AND status = 'loaded'
"""
# Rows of a raw table GX validates at once, as one pandas DataFrame (about 1 GiB for the register):
# a larger table is validated in parts, so that memory stays bounded at national scale.
PART_ROWS = 1_000_000
VECTOR_ROWS = 2048
# The pandas types of Arrow's integers and yes/no, which may hold NULLs (as DuckDB's .df() gives them).
NULLABLE = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


def result(outcome: runner.Outcome, **metadata) -> dg.AssetCheckResult:
    """Passed if nothing failed; a failure is an error if anything blocking failed, else a warning."""
    return dg.AssetCheckResult(
        passed=not outcome.failures,
        severity=dg.AssetCheckSeverity.ERROR if outcome.blocking else dg.AssetCheckSeverity.WARN,
        description=outcome.describe(),
        metadata={
            "expectations": outcome.evaluated,
            "failed": len(outcome.failures),
            "blocking_failed": len(outcome.blocking),
            **metadata,
        },
    )


def _validate(context: dg.AssetCheckExecutionContext, warehouse: Warehouse, df, make_suite) -> runner.Outcome:
    return runner.validate(warehouse.folders.gx_dir, context.run.run_id, df, make_suite)


def _validate_rows(con, gx_dir: Path, run_id: str, source: Source, files: list[tuple]) -> runner.Outcome:
    """The source's suite on the rows of ``files``, in parts of at most about ``PART_ROWS`` rows,
    one part in memory at a time."""
    where, params = validated_files.rows_of(files)
    rows = con.execute(f"SELECT count(*) FROM raw.{source.name} s WHERE {where}", params).fetchone()[0]
    if not rows:  # every row of the files quarantined
        return runner.Outcome(0, [])
    parts = math.ceil(rows / PART_ROWS)
    vectors = math.ceil(rows / parts / VECTOR_ROWS)  # DuckDB hands rows over in vectors
    selected = con.execute(suites.source_select(source, where), params)
    return runner.validate_chunks(gx_dir, run_id, _chunks(selected, vectors), lambda: suites.source_table(source))


def _chunks(selected, vectors: int):
    while len(df := selected.fetch_df_chunk(vectors)):
        yield df


def _source_check(source: Source):
    @dg.asset_check(
        asset=dg.AssetKey(["raw", source.name]),
        name="gx_suite",
        blocking=True,
        description=f"GX suite written from the registry: {source.name}'s key, required columns, codes, "
        "ranges and areas (on the rows of the files not validated before), its size against the "
        "previous release, and every file's rows accounted for.",
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: Warehouse, folders: Folders) -> dg.AssetCheckResult:
        previous = release.live_manifest(Path(folders.publish)).get("rows_accepted", {}).get(source.name)
        code = code_fingerprint(publication_settings(Path(folders.landing)))
        gx_dir, run_id = warehouse.folders.gx_dir, context.run.run_id
        with warehouse.connect(read_only=True) as con:
            version = validated_files.suite_version(con, code)
            files = validated_files.pending(con, source.name, version)
            rows = con.execute(f"SELECT count(*) FROM raw.{source.name}").fetchone()[0]
            loads = con.execute(LOADS, [source.name]).df()
            table = _validate_rows(con, gx_dir, run_id, source, files) if files else runner.Outcome(0, [])
        if files and not table.failures:
            with warehouse.connect() as con:
                validated_files.record(con, source.name, files, version, run_id)
        outcome = table + _validate(context, warehouse, loads, lambda: suites.source_loads(source, previous))
        return result(outcome, rows=rows, files=len(loads), files_validated=len(files))

    return _check


# Derived columns some suites check besides the mart's own.
DERIVED = {
    "indicator_values": "100 * change / nullif(abs(previous_value), 0) AS change_percent",
    "dq_source_scores": "score - (completeness + validity + timeliness + coverage) / 4 AS score_difference",
}


def _suite(model: Model) -> Callable[[], gx.ExpectationSuite]:
    if model.name == "indicator_values":
        return lambda: suites.indicator_values(model, people_indicators(), suppression_threshold())
    if model.name == "dq_source_scores":
        return lambda: suites.source_scores(model)
    return lambda: suites.mart(model)


def _frame(con, query: str, params=None) -> pd.DataFrame:
    """A mart as GX validates it, through Arrow (ten times faster than DuckDB's .df() on text),
    its texts as categories: GX filters the whole frame for each row condition, and a category's
    rows are taken as integer codes, not strings (twice as fast on indicator_values). Decimals
    and dates are given the types .df() gives them."""
    table = con.sql(query, params=params).to_arrow_table()
    table = table.cast(
        pa.schema([f.with_type(pa.float64()) if pa.types.is_decimal(f.type) else f for f in table.schema])
    )
    return table.to_pandas(strings_to_categorical=True, types_mapper=NULLABLE.get, date_as_object=False)


def _validate_mart(con, gx_dir: Path, run_id: str, model: Model, parts_checked_in: dict[str, str]) -> runner.Outcome:
    """The mart's suite on the whole table; of a table divided into parts, on the parts the live
    release does not publish as they are: the others stand as checked by the run that published
    them (``parts_checked_in``). Every expectation holds of the table if it holds of each part
    (the part leads the key), so the parts checked in different runs add up to the table checked."""
    select = f"SELECT *{f', {DERIVED[model.name]}' if model.name in DERIVED else ''} FROM marts.{model.name}"
    validate = runner.dataframe_validation(gx_dir, _suite(model))
    if not parts_checked_in:
        return validate(run_id, _frame(con, select))
    values = con.execute(f'SELECT DISTINCT "{model.part}" FROM marts.{model.name} ORDER BY 1').fetchall()
    changed = [v for (v,) in values if v not in parts_checked_in]
    if not changed:  # only a part the live release publishes is gone
        return runner.Outcome(0, [])
    return validate(run_id, _frame(con, f'{select} WHERE "{model.part}" IN ?', [changed]), (model.part, changed))


def _mart_check(model: Model):
    @dg.asset_check(
        asset=dg.AssetKey(["marts", model.name]),
        name="gx_suite",
        blocking=True,
        description=f"GX suite on {model.name}, written from the registry; publication waits for it.",
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: Warehouse, folders: Folders) -> dg.AssetCheckResult:
        code = code_fingerprint(publication_settings(Path(folders.landing)))
        gx_dir = warehouse.folders.gx_dir
        with warehouse.connect(read_only=True) as con:
            # A mart the live release publishes as it is keeps the outcome of the run that checked it.
            earlier, parts_checked_in = reuse.checked_in(con, model, Path(folders.publish), code)
            stored = earlier and runner.stored_outcome(gx_dir, earlier, f"marts.{model.name}")
            if stored:
                return result(stored, checked_in_run=earlier)
            rows = scalar(con, f"SELECT count(*) FROM marts.{model.name}")
            outcome = _validate_mart(con, gx_dir, context.run.run_id, model, parts_checked_in)
        return result(outcome, rows=rows, parts_checked_in_earlier_runs=len(parts_checked_in))

    return _check


checks = [_source_check(s) for s in SOURCES.values()] + [
    _mart_check(m) for m in PUBLISHED.values() if m.layer == "marts"
]
