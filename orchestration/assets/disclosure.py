"""Disclosure control, between the indicators dbt computes and the marts it publishes: which
cells of people counts to hide (see ``orchestration/disclosure.py``)."""

from collections import defaultdict

import dagster as dg
import pyarrow as pa

from orchestration import disclosure
from orchestration.resources import Warehouse
from orchestration.settings import suppression_threshold

CELLS = """
SELECT i.disclosure_family, i.aggregation, v.fiscal_year, v.area_level, v.area_code, a.parent_code,
       list(DISTINCT v.numerator) AS numerators
FROM intermediate.int_indicator_values v
JOIN staging.stg_indicators i ON i.indicator_code = v.indicator_code
JOIN intermediate.int_areas a ON a.area_level = v.area_level AND a.area_code = v.area_code
WHERE i.disclosure_family IS NOT NULL
GROUP BY ALL
"""
HIDDEN = pa.schema(
    [
        ("disclosure_family", pa.string()),
        ("area_level", pa.string()),
        ("area_code", pa.string()),
        ("fiscal_year", pa.int32()),
        ("suppression", pa.string()),
    ]
)


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
    tables: dict[tuple, dict] = defaultdict(lambda: {"values": {}, "parent": {}, "level": {}})
    aggregation = {}
    with warehouse.connect() as con:
        for family, agg, year, level, area, parent, numerators in con.execute(CELLS).fetchall():
            if len(numerators) != 1:
                raise dg.Failure(f"{family} {year} {area}: the indicators of one family disagree on the count")
            table = tables[(family, year)]
            table["values"][area], table["parent"][area], table["level"][area] = numerators[0], parent, level
            aggregation[family] = agg
        rows = []
        for (family, year), t in sorted(tables.items()):
            hidden = disclosure.suppress(disclosure.Table(t["values"], t["parent"], aggregation[family]), threshold)
            rows += [(family, t["level"][a], a, year, kind) for a, kind in sorted(hidden.items())]
        con.register(
            "hidden", pa.Table.from_pylist([dict(zip(HIDDEN.names, r, strict=True)) for r in rows], schema=HIDDEN)
        )
        con.execute("CREATE SCHEMA IF NOT EXISTS disclosure")
        con.execute("CREATE OR REPLACE TABLE disclosure.hidden_cells AS SELECT * FROM hidden")
    counts = defaultdict(int)
    for family, *_, kind in rows:
        counts[f"{family}_{kind}"] += 1
    context.log.info(f"threshold {threshold}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return dg.MaterializeResult(metadata={"threshold": threshold, **counts})
