"""Reference dimensions loaded into the warehouse: areas and fiscal years."""

import dagster as dg

from orchestration import dimensions
from orchestration.metadata.sources import data_dictionary
from orchestration.resources import Warehouse

TABLES = {
    "areas": dimensions.areas,
    "abolished_areas": dimensions.abolished,
    "fiscal_years": dimensions.fiscal_years,
    "source_columns": data_dictionary,
}


def _dimension_asset(name: str):
    build = TABLES[name]

    @dg.asset(
        key=["raw", name],
        group_name="dimensions",
        description=build.__doc__,
        kinds={"duckdb"},
        deps=[dg.AssetKey(["raw", "schema"])],
    )
    def _asset(warehouse: Warehouse) -> dg.MaterializeResult:
        table = build()
        with warehouse.connect() as con:
            dimensions.write(con, name, table)
        return dg.MaterializeResult(metadata={"rows": table.num_rows})

    return _asset


assets = [_dimension_asset(name) for name in TABLES]
