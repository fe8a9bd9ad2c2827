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
