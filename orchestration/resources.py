"""Dagster resources: the DuckDB warehouse and the folders around it."""

import os
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from pydantic import PrivateAttr

from orchestration.ingestion import sql_functions
from orchestration.lock import BuildLock
from orchestration.settings import Settings, duckdb_memory_limit, hmac_key

PID_TAG = "welfare/pid"


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Connections are short-lived: dbt opens the same file.

    A run that uses the warehouse holds the build lock from start to end: a second run waits
    for the first instead of failing half-way on DuckDB's own lock.
    """

    path: str
    _lock: BuildLock | None = PrivateAttr(default=None)

    @property
    def folders(self) -> Settings:
        """The data folder's other paths: the warehouse sits at its top."""
        return Settings(Path(self.path).parent)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        instance, run = context.instance, context.dagster_run
        if instance and run:
            instance.add_run_tags(run.run_id, {PID_TAG: str(os.getpid())})
        self._lock = BuildLock(self.folders.lock_path)
        self._lock.acquire(wait=True)
        if instance and run:
            _fail_abandoned_runs(instance, run.run_id)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock:
            self._lock.release()

    @contextmanager
    def connect(self, read_only: bool = False):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, read_only=read_only)
        try:
            # SET rather than connect(config=...): the settings are the database's, and a second
            # connection to the same file in this process with other config would be refused.
            con.execute("SET memory_limit = ?", [duckdb_memory_limit()])
            # Once DuckDB has spilled, setting the folder again fails even to the same value: a
            # connection opened while another in this process is open leaves it as it is.
            spill = self.folders.duckdb_spill_dir
            spill.mkdir(parents=True, exist_ok=True)  # DuckDB makes the last folder only (dbt's too)
            if sql_functions.scalar(con, "SELECT current_setting('temp_directory')") != str(spill):
                con.execute("SET temp_directory = ?", [str(spill)])
            if not read_only:
                sql_functions.register(con, hmac_key())
            yield con
        finally:
            con.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fail_abandoned_runs(instance: dg.DagsterInstance, current: str) -> None:
    """Runs still marked started whose process is gone were killed: say so in the run history.
    Holding the build lock, this run is the only one working on the warehouse."""
    started = dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING])
    for run in instance.get_runs(filters=started):
        pid = run.tags.get(PID_TAG)
        if run.run_id != current and not (pid and _alive(int(pid))):
            instance.report_run_failed(
                run, "the process running it ended without finishing (killed?); marked failed by the next build"
            )


class Folders(dg.ConfigurableResource):
    landing: str
    publish: str
