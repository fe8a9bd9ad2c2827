"""docs/architecture.md's checklists hold: a registry entry, a demo writer and a staging model are
all it takes for a fourteenth source to be ingested, checked, scored and published; a catalogue
row and one model, for a nineteenth indicator computed from it. The test follows the checklists
in a copy of the repository and builds it."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from orchestration.settings import REPO

SOURCE = """
ELDERLY_SCHOOLS = Source(
    name="elderly_schools",
    title_th="โรงเรียนผู้สูงอายุ",
    title_en="Schools for older people",
    columns=(
        column("org_id", "เลขทะเบียนโรงเรียน", required=True),
        column("org_name", "ชื่อโรงเรียน", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("registered_on", "วันที่จัดตั้ง", required=True),
        column("beneficiaries", "จำนวนนักเรียน"),
    ),
    primary_key=("org_id",),
    dated_by=("registered_on",),
)

"""
STAGING_MODEL = """    _m("stg_elderly_schools", "Schools for older people.", "โรงเรียนผู้สูงอายุ",
       ["org_id", "org_name", "subdistrict_code", "registered_on", "beneficiaries"], key=("org_id",)),
"""
WRITER = """

@writer("elderly_schools", "utf-8-sig")
def elderly_schools(w: World) -> list[dict]:
    return [{"org_id": f"ES{s.code}", "org_name": f"โรงเรียนผู้สูงอายุตำบล{s.name_th}", "subdistrict_code": s.code,
             "registered_on": format_date(random_date(w.rng, FIRST_DAY, LAST_DAY), w.rng),
             "beneficiaries": str(w.rng.randint(20, 90))} for s in w.subdistricts]
"""
INDICATOR = (
    "D9.1,dsdw-action-plan-2566-2570,9,ส่งเสริมการเรียนรู้ตลอดชีวิตของผู้สูงอายุ,1,จำนวนโรงเรียนผู้สูงอายุ,"
    "Schools for older people,schools,แห่ง,increase,linear,elderly_schools,subdistrict;district;province;country,false,,"
    "sum,Schools for older people founded by the fiscal-year end.,จำนวนโรงเรียนผู้สูงอายุที่จัดตั้ง ณ สิ้นปีงบประมาณ\n"
)
INDICATOR_SQL = """-- D9.1 schools for older people founded by each fiscal-year end.
with counted as (
    {{ by_area_level(located_each_year(ref('stg_elderly_schools'), 'r.registered_on <= y.ends_on'),
        'count(distinct org_id) as numerator', fiscal_year='reporting_year') }}
)

{{ count_indicator('D9.1', 'counted') }}
"""
STAGING_SQL = """with source as (
    select * from {{ source('raw', 'elderly_schools') }}
),

renamed as (
    select
        org_id,
        org_name,
        subdistrict_code,
        registered_on,
        beneficiaries
    from source
)

select * from renamed
"""
REGISTRY_SOURCES = "orchestration/metadata/sources.py"
REGISTRY_MODELS = "orchestration/metadata/models.py"
DEMO_WRITERS = "orchestration/demo/sources.py"
STAGING = "dbt_project/models/staging/stg_elderly_schools.sql"
CATALOGUE = "seeds/indicators.csv"
INDICATOR_MODEL = "dbt_project/models/intermediate/int_indicator_d9_1.sql"


def insert(path: Path, before: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.count(before) == 1, f"{path}: the checklist's anchor {before!r} moved"
    path.write_text(content.replace(before, text + before), encoding="utf-8")


def copy_repository(to: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, to / name)
    subprocess.run(["git", "init", "-q"], cwd=to, check=True)
    subprocess.run(["git", "add", "-A"], cwd=to, check=True)
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-qm", "copy"], cwd=to, check=True
    )
    return to


def welfare(repo: Path, data: Path, *args: str) -> None:
    env = os.environ | {"PYTHONPATH": str(repo), "WELFARE_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *args], cwd=repo, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_fourteenth_source_and_an_indicator_on_it_reach_the_published_tables(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    insert(repo / REGISTRY_SOURCES, "SOURCES: dict[str, Source] = {", SOURCE)
    insert(repo / REGISTRY_SOURCES, "\n    )\n}\n\nPERSONAL_HANDLING", "\n        ELDERLY_SCHOOLS,")
    insert(repo / REGISTRY_MODELS, ")\n\nINTERMEDIATE = (", STAGING_MODEL)
    append(repo / DEMO_WRITERS, WRITER)
    (repo / STAGING).write_text(STAGING_SQL, encoding="utf-8")
    append(repo / CATALOGUE, INDICATOR)
    (repo / INDICATOR_MODEL).write_text(INDICATOR_SQL, encoding="utf-8")

    data = tmp_path / "data"
    welfare(repo, data, "generate")
    welfare(repo, data, "demo", "--scale", "0.01")
    welfare(repo, data, "build")

    changed = subprocess.run(
        ["git", "status", "--porcelain"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.splitlines()
    generated = {
        f"dbt_project/models/{layer}.yml"
        for layer in ("staging/_sources", "staging/_staging", "intermediate/_intermediate")
    }
    generated.add("dbt_project/macros/_registry.sql")
    touched = {REGISTRY_SOURCES, REGISTRY_MODELS, DEMO_WRITERS, STAGING, CATALOGUE, INDICATOR_MODEL}
    assert {line[3:] for line in changed} == touched | generated

    db = sqlite3.connect(data / "publish" / "live" / "welfare.db")
    loads = db.execute(
        "SELECT status, rows_read, rows_accepted + rows_quarantined FROM dq_source_loads "
        "WHERE source = 'elderly_schools'"
    ).fetchall()
    assert len(loads) == 1 and loads[0][0] == "loaded" and loads[0][1] == loads[0][2] > 100
    scores = db.execute(
        "SELECT count(*), min(score) FROM dq_source_scores WHERE source = 'elderly_schools' AND area_level = 'province'"
    ).fetchone()
    assert scores[0] > 0 and scores[1] > 0
    described = db.execute(
        "SELECT count(*) FROM dim_source_columns WHERE source = 'elderly_schools' "
        "AND description_th <> '' AND description_en <> ''"
    ).fetchone()[0]
    assert described == 5
    schools = db.execute(
        "SELECT value FROM indicator_values WHERE indicator_code = 'D9.1' AND area_level = "
        "'province' ORDER BY fiscal_year DESC LIMIT 1"
    ).fetchone()[0]
    assert (
        schools
        == loads[0][2]
        - db.execute(
            "SELECT coalesce(sum(rows_quarantined), 0) FROM dq_quarantine_summary WHERE source = 'elderly_schools'"
        ).fetchone()[0]
    )
