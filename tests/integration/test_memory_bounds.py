"""dbt's DuckDB takes the memory limit and spill folder the settings give (dbt_project/profiles.yml)."""

import os
import subprocess

import duckdb

from orchestration.assets.dbt import DBT_EXECUTABLE, project


def test_dbt_runs_duckdb_within_the_configured_memory_limit(demo_build):
    done = subprocess.run(
        [
            DBT_EXECUTABLE,
            "show",
            "--inline",
            "select current_setting('memory_limit') as memory_limit, current_setting('temp_directory') as spill",
            "--project-dir",
            str(project.project_dir),
            "--profiles-dir",
            str(project.project_dir),
            "--output",
            "json",
            # Its own target folder: the project's partial parse stays that of the builds' profile.
            "--target-path",
            str(demo_build.config.dbt_artifacts / "memory-limit"),
        ],
        capture_output=True,
        text=True,
        env=os.environ | {"WELFARE_DUCKDB_MEMORY": "1GB", "DBT_LOG_PATH": str(demo_build.config.dbt_artifacts)},
    )
    assert done.returncode == 0, done.stdout[-2000:]
    con = duckdb.connect()
    con.execute("SET memory_limit = '1GB'")
    expected = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert expected in done.stdout
    assert str(demo_build.config.data_dir / "tmp" / "duckdb") in done.stdout
