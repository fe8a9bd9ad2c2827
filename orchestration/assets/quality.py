"""GX suites as Dagster asset checks: one on every raw source after ingestion (written from the
metadata registry) and one on the indicator mart. A blocking failure stops what depends on the
asset; a warning is reported and stops nothing."""

import dagster as dg

from expectations import runner, suites
from orchestration.metadata.sources import SOURCES, Source
from orchestration.resources import Warehouse
from orchestration.settings import suppression_threshold

LOADS = """
SELECT source_file, rows_read - rows_accepted - rows_quarantined AS rows_unaccounted,
       rows_quarantined / greatest(rows_read, 1) AS quarantined_share
FROM raw.load_log WHERE source = ? AND status = 'loaded'
"""


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


def _source_check(source: Source):
    @dg.asset_check(
        asset=dg.AssetKey(["raw", source.name]),
        name="gx_suite",
        blocking=True,
        description=f"GX suite written from the registry: {source.name}'s key, required columns, codes, "
        "ranges and areas, and every file's rows accounted for.",
    )
    def _check(warehouse: Warehouse) -> dg.AssetCheckResult:
        columns = ", ".join(c.raw_name for c in source.columns if c.raw_name)
        with warehouse.connect(read_only=True) as con:
            table = con.execute(f"SELECT {columns} FROM raw.{source.name}").df()
            loads = con.execute(LOADS, [source.name]).df()
            subdistricts = [c for (c,) in con.execute("SELECT subdistrict_code FROM raw.areas").fetchall()]
        outcome = runner.validate(table, lambda: suites.source_table(source, subdistricts)) + runner.validate(
            loads, lambda: suites.source_loads(source)
        )
        return result(outcome, rows=len(table), files=len(loads))

    return _check


@dg.asset_check(
    asset=dg.AssetKey(["marts", "indicator_values"]),
    blocking=True,
    description="GX suite on the indicator mart; publication waits for it to pass.",
)
def indicator_values_gx(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as con:
        df = con.execute("SELECT * FROM marts.indicator_values").df()
        indicators = con.execute("SELECT indicator_code, counts_people FROM marts.dim_indicators").fetchall()
    codes, people = [c for c, _ in indicators], [c for c, counts_people in indicators if counts_people]
    return result(
        runner.validate(df, lambda: suites.indicator_values(codes, people, suppression_threshold())), rows=len(df)
    )


checks = [_source_check(s) for s in SOURCES.values()] + [indicator_values_gx]
