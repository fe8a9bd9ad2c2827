"""Personal data stays in the warehouse. Not in what is published (see test_pipeline), nor in
what operators see: the command's output, Dagster's run storage, event and compute logs, and
dbt's artifacts and logs, even when a file puts a person where its header belongs."""

import os
import re
import subprocess
import sys
from pathlib import Path

import oracle
import pytest

from orchestration import settings
from orchestration.demo.generator import generate
from orchestration.settings import REPO

# A person typed on the first line of an export whose header row was deleted.
PLANTED = ["4100200333447", "สมหญิง", "ทองดี", "7 ก.ค. 2498", "45 หมู่ 6 ซอยวัดกลาง"]
THIRTEEN_DIGITS = re.compile(rb"(?<![0-9])[0-9]{13}(?![0-9])")


def operator_files(config: settings.Settings) -> list[Path]:
    """Everything a build leaves for operators: run storage, event and compute logs, dbt's
    artifacts and logs (dbt's own folder too, in case anything still writes there), the GX
    context's stored results."""
    folders = [
        config.dagster_home,
        config.dbt_artifacts,
        config.gx_dir,
        REPO / "dbt_project" / "logs",
        REPO / "dbt_project" / "target",
    ]
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def containing(files: list[Path], needles: list[str]) -> list[tuple[str, str]]:
    found = []
    for f in files:
        data = f.read_bytes()
        found += [(str(f), n) for n in needles if n.encode("utf-8") in data]
    return found


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """``welfare build`` on a small demo plus one registry file whose header line is a person."""
    config = settings.Settings(tmp_path_factory.mktemp("planted"))
    generate(config.landing_dir, ["60"], scale=0.003)
    line = f"{PLANTED[0]},{PLANTED[1]},{PLANTED[2]},{PLANTED[3]},หญิง,ผู้สูงอายุ,{PLANTED[4]},600105,1/10/2566,,,,"
    (config.landing_dir / "welfare_registry" / "ทะเบียน_ส่งเพิ่ม.csv").write_bytes((line + "\r\n").encode("cp874"))
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "WELFARE_DATA_DIR": str(config.data_dir), "WELFARE_HMAC_KEY": "a-real-secret-for-this-test"},
        timeout=600,
    )
    return config, done


def test_the_refused_file_is_named_and_nothing_of_it_is_printed(planted):
    _, done = planted
    assert done.returncode == 1
    assert "ทะเบียน_ส่งเพิ่ม.csv" in done.stderr and "no header" in done.stderr
    assert not [p for p in PLANTED if p in done.stdout + done.stderr]


def test_run_storage_and_logs_hold_nothing_of_the_refused_file(planted):
    config, _ = planted
    files = operator_files(config)
    assert any(f.suffix == ".db" for f in files) and any("compute_logs" in str(f) for f in files)
    assert containing(files, PLANTED) == []


def test_run_storage_and_dbt_artifacts_hold_no_person_of_the_demo(demo_build):
    files = operator_files(demo_build.config)
    assert any(f.name == "run_results.json" for f in files)
    registry = oracle.read_csv(demo_build.landing("welfare_registry"), "cp874")
    ids = {r["เลขประจำตัวประชาชน"] for r in registry} - {""}
    names = sorted({f"{r['ชื่อ']} {r['นามสกุล']}" for r in registry})
    digits = {m.decode() for f in files for m in THIRTEEN_DIGITS.findall(f.read_bytes())}
    assert digits & ids == set()
    assert containing(files, names) == []
