"""The Dagster code location: one Definitions with every asset, check, resource, the sensor
and the schedule."""

import dagster as dg

from orchestration import settings
from orchestration.assets import dbt, dimensions, ingestion, publish, quality
from orchestration.automation import landing_files_sensor, nightly_build, pipeline
from orchestration.resources import Folders, Warehouse


def build(config: settings.Settings) -> dg.Definitions:
    return dg.Definitions(
        assets=[
            *dimensions.assets,
            *ingestion.assets,
            dbt.welfare_dbt_assets,
            publish.datasette_release,
        ],
        asset_checks=quality.checks,
        jobs=[pipeline],
        schedules=[nightly_build],
        sensors=[landing_files_sensor],
        resources={
            "warehouse": Warehouse(path=str(config.warehouse_path)),
            "folders": Folders(landing=str(config.landing_dir), publish=str(config.publish_dir)),
            "dbt": dbt.cli_resource(),
        },
    )


defs = build(settings.from_environment())
