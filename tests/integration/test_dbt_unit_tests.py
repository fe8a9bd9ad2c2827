"""dbt's unit tests (``models/*/_unit_tests.yml``) check the SQL against fixed inputs: they run
here, in CI, as dbt recommends, not in every build of the data."""

import json
import os
import subprocess

import yaml

from orchestration.assets.dbt import DBT_EXECUTABLE, project


def test_every_dbt_unit_test_passes(demo_build):
    defined = [
        test["name"]
        for path in (project.project_dir / "models").rglob("_unit_tests.yml")
        for test in yaml.safe_load(path.read_text(encoding="utf-8"))["unit_tests"]
    ]
    target = demo_build.config.dbt_artifacts / "unit-tests"  # its own: the builds' partial parse stays
    folders = ["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir)]
    done = subprocess.run(
        [DBT_EXECUTABLE, "test", "--select", "test_type:unit", "--target", "build", *folders, "--target-path", target],
        capture_output=True,
        text=True,
        env=os.environ | {"DBT_LOG_PATH": str(demo_build.config.dbt_artifacts)},
    )
    assert done.returncode == 0, done.stdout[-3000:]
    results = [
        r for r in json.loads((target / "run_results.json").read_text())["results"] if "unit_test" in r["unique_id"]
    ]
    assert sorted(r["unique_id"].split(".")[-1] for r in results) == sorted(defined)
    assert {r["status"] for r in results} == {"pass"}
