"""Dagster resources: the DuckDB warehouse and the folders around it."""

from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.ingestion import load, sql_functions
from orchestration.settings import hmac_key


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. Connections are short-lived: dbt opens the same file."""

    path: str

    @property
    def scratch(self) -> Path:
        """Working copies of landing files (personal data): beside the warehouse, never in /tmp."""
        return Path(self.path).parent / "tmp"

    @property
    def dbt_artifacts(self) -> Path:
        """dbt's target folders and logs, one per run."""
        return Path(self.path).parent / "dbt"

    @contextmanager
    def connect(self, read_only: bool = False):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, read_only=read_only)
        try:
            if not read_only:
                sql_functions.register(con, hmac_key())
                load.prepare(con)
            yield con
        finally:
            con.close()


class Folders(dg.ConfigurableResource):
    landing: str
    publish: str
