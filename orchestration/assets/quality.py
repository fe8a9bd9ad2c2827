"""GX validation of the marts as blocking Dagster asset checks: a failure stops publication."""

import dagster as dg

from expectations import runner, suites
from orchestration.resources import Warehouse
from orchestration.settings import suppression_threshold


@dg.asset_check(asset=dg.AssetKey(["marts", "indicator_values"]), blocking=True,
                description="GX suite on the indicator mart; publication waits for it to pass.")
def indicator_values_gx(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as con:
        df = con.execute("SELECT * FROM marts.indicator_values").df()
        indicators = con.execute("SELECT indicator_code, counts_people FROM marts.dim_indicators").fetchall()
    codes, people = [c for c, _ in indicators], [c for c, counts_people in indicators if counts_people]
    outcome = runner.validate(df, lambda: suites.indicator_values(codes, people, suppression_threshold()))
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR,
        description=outcome.describe(),
        metadata={"expectations": outcome.evaluated, "failed": len(outcome.failed), "rows": len(df)},
    )


checks = [indicator_values_gx]
