"""Files dropped into the landing folder: the sensor runs only what they affect, and what that
publishes is exactly what a full rebuild of the same files publishes."""

import json
import os
import shutil
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import automation, build, disclosure, settings
from orchestration.definitions import build as definitions
from orchestration.demo.generator import generate
from orchestration.metadata.models import PUBLISHED as PUBLISHED_TABLES
from orchestration.resources import Folders
from publish import release, reuse

SCALE = 0.003
PUBLISHED = [release.DATABASE, release.METADATA, release.INSPECT]
NEW_MONTH = "social_assistance/social_assistance_2568-10.csv"
OFFICE_KEY = "an office's own key, not the demo's"


def settle(*paths: Path) -> None:
    """Files as the sensor finds them once a copy into the share has finished."""
    past = time.time() - 2 * automation.SETTLE_SECONDS
    for path in paths:
        os.utime(path, (past, past))


def write_new_month(generated: Path, target: Path) -> None:
    """Next month's cases, as the office exports them: new case numbers (a case is never
    reported twice), the same columns and encoding."""
    lines = generated.read_text(encoding="utf-8-sig").splitlines()
    renumbered = [lines[0], *(f"2568-10/{line}" for line in lines[1:])]
    target.write_text("\r\n".join(renumbered) + "\r\n", encoding="utf-8-sig")


def evaluate(config: settings.Settings, cursor: str | None):
    defs = definitions(config)
    repository = defs.get_repository_def()
    folders = Folders(landing=str(config.landing_dir), publish=str(config.publish_dir))
    with dg.build_sensor_context(cursor=cursor, repository_def=repository, resources={"folders": folders}) as context:
        return repository.get_sensor_def("landing_files_sensor")(context), context.cursor


def published(config: settings.Settings) -> dict[str, bytes]:
    live = release.live_release(config.publish_dir)
    return {name: (live / name).read_bytes() for name in PUBLISHED}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A province built, then a month of social assistance dropped in and picked up by the
    sensor; beside it, the same files built in full in a fresh folder."""
    previous_key = os.environ.get("WELFARE_HMAC_KEY")
    os.environ["WELFARE_HMAC_KEY"] = OFFICE_KEY  # the new file is not the demo's
    try:
        picked_up = settings.Settings(tmp_path_factory.mktemp("picked_up"))
        generate(picked_up.landing_dir, ["60"], seed=11, scale=SCALE)
        settle(*picked_up.landing_dir.rglob("*"))
        first = build.run(picked_up)
        _, cursor = evaluate(picked_up, None)
        unchanged, cursor = evaluate(picked_up, cursor)

        month = tmp_path_factory.mktemp("month")
        generate(month, ["60"], seed=12, scale=SCALE)
        write_new_month(month / "social_assistance/social_assistance_60.csv", picked_up.landing_dir / NEW_MONTH)
        arriving, _ = evaluate(picked_up, cursor)  # still being copied: not yet
        settle(picked_up.landing_dir / NEW_MONTH)
        request, _ = evaluate(picked_up, cursor)
        incremental = build.run(picked_up, request.asset_selection)

        full = settings.Settings(tmp_path_factory.mktemp("full"))
        shutil.copytree(picked_up.landing_dir, full.landing_dir)
        rebuilt = build.run(full)
    finally:
        if previous_key is None:
            os.environ.pop("WELFARE_HMAC_KEY")
        else:
            os.environ["WELFARE_HMAC_KEY"] = previous_key
    return {
        "first": first,
        "unchanged": unchanged,
        "arriving": arriving,
        "request": request,
        "incremental": incremental,
        "rebuilt": rebuilt,
        "picked_up": picked_up,
        "full": full,
    }


def test_the_sensor_waits_for_a_new_file_and_skips_when_nothing_changed(runs):
    assert runs["first"].success
    assert isinstance(runs["unchanged"], dg.SkipReason)
    assert isinstance(runs["arriving"], dg.SkipReason)  # copied a moment ago: may still be arriving


def test_a_new_file_runs_its_source_and_what_depends_on_it_only(runs):
    request = runs["request"]
    selected = {key.to_user_string() for key in request.asset_selection}
    assert request.tags["welfare/sources"] == "social_assistance"
    assert {"raw/social_assistance", "staging/stg_social_assistance", "datasette_release"} <= selected
    assert not selected & {"raw/welfare_registry", "raw/volunteers", "staging/stg_volunteers", "raw/areas"}
    ran = {e.asset_key.to_user_string() for e in runs["incremental"].get_asset_materialization_events()}
    assert runs["incremental"].success
    assert "raw/social_assistance" in ran and "raw/welfare_registry" not in ran


def test_the_incremental_run_publishes_what_a_full_rebuild_publishes(runs):
    assert runs["rebuilt"].success
    incremental, full = published(runs["picked_up"]), published(runs["full"])
    assert [name for name in PUBLISHED if incremental[name] != full[name]] == []
    loads = json.loads(incremental[release.INSPECT])["welfare"]["tables"]["dq_source_loads"]["count"]
    assert loads > 0


def test_the_tables_the_month_left_as_they_were_are_taken_from_the_live_release(runs):
    """Copied, linked and not checked again, yet the same as a full rebuild's, downloads too."""
    incremental, full = (release.live_manifest(runs[f].publish_dir)[reuse.TABLES] for f in ("picked_up", "full"))
    assert {t: e["digest"] for t, e in incremental.items()} == {t: e["digest"] for t, e in full.items()}
    checked_in = {t: e["checked_in_run"] for t, e in incremental.items()}
    assert checked_in["dim_areas"] == checked_in["directory_projects"] == runs["first"].run_id
    assert checked_in["indicator_values"] == checked_in["dq_source_loads"] == runs["incremental"].run_id
    marts = {e.asset_key.path[-1]: e.metadata for e in runs["incremental"].get_asset_check_evaluations()}
    assert "directory_projects" not in marts  # not downstream of the month's source: not even selected
    # A mart downstream of it that the month left as it was: its GX suite's outcome stands.
    stood = {t for t, run in checked_in.items() if run == runs["first"].run_id} & set(marts)
    assert stood and {marts[t]["checked_in_run"].value for t in stood} == {runs["first"].run_id}
    assert "checked_in_run" not in marts["indicator_values"]
    # Of indicator_values, written again, the indicators the month left as they were keep their checks.
    parts = {p: e["checked_in_run"] for p, e in incremental["indicator_values"]["parts"].items()}
    assert parts["D1.2"] == runs["incremental"].run_id
    stood_parts = [p for p, run in parts.items() if run == runs["first"].run_id]
    assert stood_parts and marts["indicator_values"]["parts_checked_in_earlier_runs"].value == len(stood_parts)
    provenance = {p: e["checked_in_run"] for p, e in incremental["indicator_provenance"]["parts"].items()}
    assert provenance["D1.2"] == runs["incremental"].run_id and runs["first"].run_id in provenance.values()
    files = [
        {p.name: p.read_bytes() for p in (release.live_release(runs[f].publish_dir) / release.FILES).glob("*")}
        for f in ("picked_up", "full")
    ]
    downloads = [name for name in files[0] if name.endswith((".csv", ".parquet"))]
    assert len(downloads) == 2 * len(PUBLISHED_TABLES)
    assert [name for name in downloads if files[0][name] != files[1][name]] == []


def test_disclosure_control_after_the_month_hides_what_a_full_rebuild_hides(runs):
    """The families whose cells the month left as they were keep the hidden cells of the last
    build, the others are worked out again: the same rows, digest for digest, as worked out whole."""
    hidden = []
    for folder in ("picked_up", "full"):
        with duckdb.connect(str(runs[folder].warehouse_path), read_only=True) as con:
            hidden.append(con.execute(f"SELECT * FROM intermediate.{disclosure.MODEL} ORDER BY ALL").fetchall())
    assert hidden[0] and hidden[0] == hidden[1]
    assert {row[0] for row in hidden[0]} >= {"assisted_people", "active_volunteers"}


def test_no_build_parses_the_dbt_project_again(runs):
    """The project's partial-parse file serves every data folder, the first build in one too
    (dbt's build target names no folder)."""
    built = [("picked_up", "first"), ("picked_up", "incremental"), ("full", "rebuilt")]
    logs = [runs[folder].dbt_artifacts / runs[run].run_id / "dbt.log" for folder, run in built]
    assert all(log.exists() for log in logs)
    assert [str(log) for log in logs if "UnableToPartialParse" in log.read_text()] == []


def test_a_run_of_one_source_brings_a_warehouse_made_by_earlier_code_up_to_date(runs, tmp_path, monkeypatch):
    """The sensor's run on a warehouse whose load log lacks a column this code keeps there (as one
    made before the code kept it): ingestion adds the column, and the next month loads."""
    monkeypatch.setenv("WELFARE_HMAC_KEY", OFFICE_KEY)
    copy = settings.Settings(tmp_path / "copy")
    shutil.copytree(runs["picked_up"].data_dir, copy.data_dir, symlinks=True)
    with duckdb.connect(str(copy.warehouse_path)) as con:
        con.execute("ALTER TABLE raw.load_log DROP COLUMN file_mtime_ns")
    month = (copy.landing_dir / NEW_MONTH).read_text(encoding="utf-8-sig").replace("2568-10/", "2568-11/")
    (copy.landing_dir / "social_assistance/social_assistance_2568-11.csv").write_text(month, encoding="utf-8-sig")
    upgraded = build.run(
        copy, automation.affected_assets(definitions(copy).get_repository_def().asset_graph, ["social_assistance"])
    )
    assert upgraded.success
    with duckdb.connect(str(copy.warehouse_path), read_only=True) as con:
        loaded = con.execute(
            "SELECT count(*) FROM raw.load_log WHERE source_file LIKE '%2568-11%' AND status = 'loaded'"
        ).fetchone()
    assert loaded == (1,)


def test_only_the_new_files_rows_are_validated_yet_a_key_repeated_from_an_old_file_is_caught(
    runs, tmp_path, monkeypatch
):
    """A file of next month repeating three cases of the month before: its source's check validates
    only its rows, finds the three repeated keys, and stops the build."""
    monkeypatch.setenv("WELFARE_HMAC_KEY", OFFICE_KEY)
    copy = settings.Settings(tmp_path / "copy")
    shutil.copytree(runs["picked_up"].data_dir, copy.data_dir, symlinks=True)
    lines = (copy.landing_dir / NEW_MONTH).read_text(encoding="utf-8-sig").splitlines()
    repeated = copy.landing_dir / "social_assistance/social_assistance_2568-11.csv"
    repeated.write_text("\r\n".join(lines[:4]) + "\r\n", encoding="utf-8-sig")
    checked = build.run(
        copy, automation.affected_assets(definitions(copy).get_repository_def().asset_graph, ["social_assistance"])
    )
    evaluation = next(
        e for e in checked.get_asset_check_evaluations() if e.asset_key == dg.AssetKey(["raw", "social_assistance"])
    )
    assert not checked.success and not evaluation.passed
    assert evaluation.metadata["files_validated"].value == 1
    assert evaluation.description == "blocking: expect_column_values_to_be_in_set(case_id_is_unique): 3 unexpected"
