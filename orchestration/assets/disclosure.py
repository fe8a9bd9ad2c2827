"""Disclosure control, between the indicators dbt computes and the marts it publishes: which
cells of people counts to hide (see ``orchestration/disclosure.py``)."""

from collections import defaultdict

import dagster as dg
import pyarrow as pa

from orchestration import disclosure
from orchestration.resources import Warehouse
from orchestration.settings import suppression_threshold


@dg.asset(
    key=["disclosure", "hidden_cells"],
    group_name="intermediate",
    kinds={"python", "duckdb"},
    deps=[
        dg.AssetKey(["intermediate", "int_indicator_values"]),
        dg.AssetKey(["intermediate", "int_areas"]),
        dg.AssetKey(["staging", "stg_indicators"]),
    ],
    description="Cells of people counts to hide: counts from 1 to the threshold, and the cells hidden "
    "with them so that no hidden count can be narrowed to less than the threshold.",
)
def hidden_cells(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    threshold = suppression_threshold()
    with warehouse.connect() as con:
        try:
            rows = disclosure.hidden_cells(con.execute(disclosure.CELLS).fetchall(), threshold)
        except ValueError as disagreement:
            raise dg.Failure(str(disagreement)) from disagreement
        con.register(
            "hidden",
            pa.Table.from_pylist(
                [dict(zip(disclosure.HIDDEN.names, r, strict=True)) for r in rows], schema=disclosure.HIDDEN
            ),
        )
        con.execute("CREATE SCHEMA IF NOT EXISTS disclosure")
        con.execute("CREATE OR REPLACE TABLE disclosure.hidden_cells AS SELECT * FROM hidden")
    counts = defaultdict(int)
    for family, *_, kind in rows:
        counts[f"{family}_{kind}"] += 1
    context.log.info(f"threshold {threshold}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return dg.MaterializeResult(metadata={"threshold": threshold, **counts})
