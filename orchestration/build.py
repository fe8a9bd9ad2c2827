"""One build: every asset in one Dagster run, recorded in the instance ``welfare ui`` shows.

The command line and the tests build through here, so that what is tested is what runs.
"""

import os

import dagster as dg
from dagster._core.instance.ref import InstanceRef

from orchestration import settings

INFO_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def instance(config: settings.Settings) -> dg.DagsterInstance:
    """The Dagster instance of this data folder: run history, event logs, compute logs."""
    config.dagster_home.mkdir(parents=True, exist_ok=True)
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(config.dagster_home)))


def run(config: settings.Settings) -> dg.ExecuteInProcessResult:
    from orchestration.definitions import ALL_ASSETS_JOB, build

    os.environ["WELFARE_DATA_DIR"] = str(config.data_dir)  # dbt's profile reads it
    with instance(config) as dagster:
        return build(config).resolve_job_def(ALL_ASSETS_JOB).execute_in_process(
            instance=dagster, raise_on_error=False, run_config=INFO_LOGS)
