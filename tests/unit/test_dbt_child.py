"""welfare-dbt: dbt refuses to start for a parent that is gone, and only then."""

import os
import subprocess
import sys
from pathlib import Path

from orchestration import dbt_child

WELFARE_DBT = str(Path(sys.executable).parent / "welfare-dbt")


def dbt_version() -> subprocess.CompletedProcess:
    return subprocess.run([WELFARE_DBT, "--version"], capture_output=True, text=True, check=False)


def test_dbt_started_here_runs_even_when_an_ended_build_was_inherited(monkeypatch):
    """A test or a build started by a build inherits the variable naming its parent; dbt started
    by this process must not mistake that for its own parent having died."""
    monkeypatch.setenv(dbt_child.PARENT, "1")
    with dbt_child.started_here():
        assert dbt_version().returncode == 0
    assert os.environ[dbt_child.PARENT] == "1"  # restored for whoever set it


def test_dbt_whose_starting_build_has_ended_does_not_run(monkeypatch):
    monkeypatch.setenv(dbt_child.PARENT, "1")
    refused = dbt_version()
    assert refused.returncode != 0
    assert "has already ended" in refused.stderr


def test_the_variable_is_gone_after_the_block_when_nobody_had_set_it(monkeypatch):
    monkeypatch.delenv(dbt_child.PARENT, raising=False)
    with dbt_child.started_here():
        assert os.environ[dbt_child.PARENT] == str(os.getpid())
    assert dbt_child.PARENT not in os.environ
