"""The Dagster code location: one Definitions with every asset, check and resource."""

import dagster as dg

from orchestration import settings
from orchestration.assets import dbt, dimensions, disclosure, ingestion, publish, quality
from orchestration.resources import Folders, Warehouse

ALL_ASSETS_JOB = "welfare_pipeline"


def build(config: settings.Settings) -> dg.Definitions:
    return dg.Definitions(
        assets=[
            *dimensions.assets,
            *ingestion.assets,
            dbt.welfare_dbt_assets,
            disclosure.hidden_cells,
            dbt.welfare_dbt_disclosed,
            publish.datasette_release,
        ],
        asset_checks=quality.checks,
        jobs=[
            dg.define_asset_job(ALL_ASSETS_JOB, selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor)
        ],
        resources={
            "warehouse": Warehouse(path=str(config.warehouse_path)),
            "folders": Folders(landing=str(config.landing_dir), publish=str(config.publish_dir)),
            "dbt": dbt.cli_resource(),
        },
    )


defs = build(settings.from_environment())
