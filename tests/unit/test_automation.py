"""Which landing files the sensor takes, and which sources they affect."""

import os

from orchestration import automation


def test_a_file_is_taken_once_it_has_settled(tmp_path):
    folder = tmp_path / "volunteers"
    folder.mkdir()
    (folder / "volunteers_2568.csv").write_text("header\n")
    (tmp_path / "manifest.json").write_text("{}")  # not a source's file
    written = (folder / "volunteers_2568.csv").stat().st_mtime
    assert automation.settled_files(tmp_path, written + 1) == {}
    later = written + automation.SETTLE_SECONDS
    assert list(automation.settled_files(tmp_path, later)) == ["volunteers/volunteers_2568.csv"]


def test_only_the_newest_file_of_a_replacing_source_counts(tmp_path):
    folder = tmp_path / "volunteers"  # each file is the whole register: the newest replaces the rest
    folder.mkdir()
    for name in ("volunteers_2567.csv", "volunteers_2568.csv"):
        (folder / name).write_text("header\n")
        os.utime(folder / name, (0, 0))
    assert list(automation.settled_files(tmp_path, automation.SETTLE_SECONDS)) == ["volunteers/volunteers_2568.csv"]


def test_new_and_changed_files_name_their_sources():
    before = {"projects/a.json": [10, 1], "population/p.json": [5, 1]}
    now = {"projects/a.json": [10, 1], "population/p.json": [6, 2], "social_assistance/m.csv": [3, 1]}
    assert automation.affected_sources(before, now) == ["population", "social_assistance"]
    assert automation.affected_sources(now, now) == []


def test_building_some_sources_builds_what_depends_on_them_only(tmp_path):
    """``welfare build --sources``: what the sensor runs for new files of those sources."""
    from orchestration import cli, settings

    selected = {k.to_user_string() for k in cli._selected(settings.Settings(tmp_path), "social_assistance")}
    assert {"raw/social_assistance", "staging/stg_social_assistance", "datasette_release"} <= selected
    assert not selected & {"raw/welfare_registry", "raw/volunteers", "staging/stg_volunteers", "raw/areas"}
    # The indicators it feeds (D1.2) and the data-quality score (S1.1), not the others: they are
    # computed for every area, and only their union keeps the areas in scope.
    fed = {"int_indicator_d1_2", "int_indicator_s1_1", "int_indicator_values", "int_hidden_cells"}
    assert {f"intermediate/{m}" for m in fed} <= selected
    others = {"intermediate/int_indicator_s2_4", "intermediate/int_indicator_d2_1", "intermediate/int_area_year_spine"}
    others |= {"intermediate/int_population_by_area", "marts/projects_by_sector", "marts/directory_projects"}
    assert not selected & others


def test_an_unknown_source_is_refused_before_anything_runs(tmp_path, monkeypatch, capsys):
    from orchestration import cli

    monkeypatch.setenv("WELFARE_DATA_DIR", str(tmp_path))
    assert cli.main(["build", "--sources", "social_assistance,volunters"]) == 2
    assert "no such source: volunters" in capsys.readouterr().err
    assert not (tmp_path / "build.lock").exists()
