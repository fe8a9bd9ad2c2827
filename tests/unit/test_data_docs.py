"""Data Docs drawn incrementally: a build draws only the results it has not drawn yet, drops the
pages of forgotten runs, and gives the pages a build from nothing gives."""

import re

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

from expectations import runner, suites
from publish import data_docs


def suite() -> gx.ExpectationSuite:
    s = gx.ExpectationSuite("marts.example")
    s.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column="a", meta={"severity": suites.BLOCKING}))
    return s


# GX names the folding parts of a page with a random UUID each time it draws one.
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def pages(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): UUID.sub(b"", p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


def test_a_build_draws_only_new_results_and_gives_what_a_build_from_nothing_gives(tmp_path, monkeypatch):
    gx_root = tmp_path / "gx"
    monkeypatch.setattr(data_docs, "RUNS", 2)
    for run in ("run-1", "run-2"):
        runner.validate(gx_root, run, pd.DataFrame({"a": [1.0]}), suite)
    data_docs.build(gx_root, tmp_path / "first")
    site = data_docs._site(gx_root)
    drawn = {p: p.stat().st_mtime_ns for p in site.glob("validations/**/*.html")}
    assert len(drawn) == 2

    runner.validate(gx_root, "run-3", pd.DataFrame({"a": [None]}), suite)
    data_docs.build(gx_root, tmp_path / "second")
    now = {p: p.stat().st_mtime_ns for p in site.glob("validations/**/*.html")}
    assert sorted(p.parts[-3] for p in now) == ["run-2", "run-3"]  # run-1 forgotten, its folders too
    assert not list(site.glob("validations/**/run-1"))
    run_2 = next(p for p in now if p.parts[-3] == "run-2")
    assert now[run_2] == drawn[run_2]  # drawn once, kept

    data_docs._site(gx_root).joinpath("gx-version").write_text("another GX")  # drawn again whole
    data_docs.build(gx_root, tmp_path / "third")
    assert pages(tmp_path / "third") == pages(tmp_path / "second")
    assert "gx-version" not in pages(tmp_path / "second")
