"""One build: every asset in one Dagster run, recorded in the instance ``welfare ui`` shows.

The command line and the tests build through here, so that what is tested is what runs.
"""

import os
import shutil
from collections.abc import Sequence

import dagster as dg
from dagster._core.instance.ref import InstanceRef

from orchestration import settings

INFO_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
KEEP_DBT_RUNS = 5  # dbt's artifacts and logs of the latest runs; older ones are removed


def instance(config: settings.Settings) -> dg.DagsterInstance:
    """The Dagster instance of this data folder: run history, event logs, compute logs."""
    config.dagster_home.mkdir(parents=True, exist_ok=True)
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(config.dagster_home)))


def run(config: settings.Settings, assets: Sequence[dg.AssetKey] | None = None) -> dg.ExecuteInProcessResult:
    """Every asset, or only ``assets`` (what the landing sensor asks for)."""
    from orchestration.automation import ALL_ASSETS_JOB
    from orchestration.definitions import build

    previous = os.environ.get("WELFARE_DATA_DIR")
    os.environ["WELFARE_DATA_DIR"] = str(config.data_dir)  # dbt's profile reads it
    try:
        with instance(config) as dagster:
            result = (
                build(config)
                .resolve_job_def(ALL_ASSETS_JOB)
                .execute_in_process(
                    instance=dagster, raise_on_error=False, run_config=INFO_LOGS, asset_selection=assets
                )
            )
    finally:
        if previous is None:
            os.environ.pop("WELFARE_DATA_DIR")
        else:
            os.environ["WELFARE_DATA_DIR"] = previous
    _prune_dbt_artifacts(config)
    return result


def _prune_dbt_artifacts(config: settings.Settings) -> None:
    folder = config.dbt_artifacts
    runs = (
        sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime) if folder.exists() else []
    )
    for old in runs[:-KEEP_DBT_RUNS]:
        shutil.rmtree(old, ignore_errors=True)
