"""What a release was built from, published with it (``release.json``): the run, the code and the
tools, every source file with its hash and counts, the fiscal years, demo or real."""

import platform
import subprocess
from datetime import UTC, datetime
from importlib.metadata import version

import duckdb

from orchestration.metadata import thai
from orchestration.settings import REPO

TOOLS = ("dagster", "dagster-dbt", "dbt-core", "dbt-duckdb", "duckdb", "great-expectations", "datasette")
FILES_COLUMNS = (
    "source",
    "source_file",
    "status",
    "file_hash",
    "file_bytes",
    "rows_read",
    "rows_accepted",
    "rows_quarantined",
)
FILES = f"SELECT {', '.join(FILES_COLUMNS)} FROM raw.load_log ORDER BY source, source_file"


def _git(*args: str) -> str | None:
    done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else None


def code() -> dict:
    """The commit the code was at, and whether it had changes not committed (None outside git)."""
    commit = _git("rev-parse", "HEAD")
    status = _git("status", "--porcelain", "--untracked-files=no")
    return {"git_commit": commit, "git_dirty": None if status is None else bool(status)}


def build(con: duckdb.DuckDBPyConnection, run_id: str, started_at: float | None) -> dict:
    files = [dict(zip(FILES_COLUMNS, row, strict=True)) for row in con.execute(FILES).fetchall()]
    accepted: dict[str, int] = {}
    for f in files:
        if f["status"] == "loaded":
            accepted[f["source"]] = accepted.get(f["source"], 0) + f["rows_accepted"]
    return {
        "run_id": run_id,
        "run_started_at": datetime.fromtimestamp(started_at, UTC).isoformat() if started_at else None,
        "run_ended_at": datetime.now(UTC).isoformat(),
        **code(),
        "versions": {"python": platform.python_version(), **{tool: version(tool) for tool in TOOLS}},
        "fiscal_years": list(thai.REPORTING_YEARS),
        "files": files,
        "rows_accepted": accepted,  # per source: the next build's size check compares with it
    }
