"""What a candidate takes from the live release: only a table whose published rows, code and
settings are the release's; a changed value, a lost row or other code is written and checked again."""

import duckdb
import pytest

from orchestration.metadata.models import PUBLISHED
from publish import release, reuse

MODEL = PUBLISHED["indicator_values"]
MART = """
CREATE SCHEMA marts;
CREATE TABLE marts.indicator_values (
    indicator_code VARCHAR, area_level VARCHAR, area_code VARCHAR, fiscal_year INTEGER, value DOUBLE
);
INSERT INTO marts.indicator_values VALUES
    ('D1.1', 'province', '60', 2568, 12.3456), ('D1.2', 'province', '60', 2568, 40.0);
"""


def digest(con, code: str) -> str:
    return reuse.digests(con, MODEL, code)[0]


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute(MART)
    return con


def test_the_digest_changes_with_any_published_value_and_nothing_else(con):
    first = digest(con, "code")
    con.execute("UPDATE marts.indicator_values SET value = 12.3461 WHERE indicator_code = 'D1.1'")
    assert digest(con, "code") == first  # the same value once rounded to its 2 places
    assert digest(con, "other code") != first
    con.execute("UPDATE marts.indicator_values SET value = 12.36 WHERE indicator_code = 'D1.1'")
    changed = digest(con, "code")
    assert changed != first
    con.execute("DELETE FROM marts.indicator_values WHERE indicator_code = 'D1.2'")
    assert digest(con, "code") not in (first, changed)


def test_a_table_is_taken_from_the_live_release_only_when_its_digest_is_the_same(con, tmp_path):
    tables = {"indicator_values": MODEL}
    assert reuse.plan(con, tables, tmp_path, "code").reused == frozenset()  # nothing published yet
    candidate = release.new_candidate(tmp_path)
    (candidate / release.DATABASE).touch()
    (candidate / release.FILES).mkdir()
    for suffix in (".csv", ".parquet"):
        (candidate / release.FILES / f"indicator_values{suffix}").touch()
    first = reuse.plan(con, tables, tmp_path, "code")
    release.promote(candidate, tmp_path, first.manifest("run-1"))

    again = reuse.plan(con, tables, tmp_path, "code")
    assert again.reused == {"indicator_values"} and again.previous == release.live_release(tmp_path)
    assert again.manifest("run-2")[reuse.TABLES]["indicator_values"]["checked_in_run"] == "run-1"
    assert again.runs == {"run-1"}
    (again.previous / release.FILES / "indicator_values.parquet").unlink()  # a download removed by hand
    assert reuse.plan(con, tables, tmp_path, "code").reused == frozenset()
    con.execute("UPDATE marts.indicator_values SET value = 41 WHERE indicator_code = 'D1.2'")
    changed = reuse.plan(con, tables, tmp_path, "code")
    assert changed.reused == frozenset()
    assert changed.manifest("run-2")[reuse.TABLES]["indicator_values"]["checked_in_run"] == "run-2"
    assert reuse.plan(con, tables, tmp_path, "other code").previous is None


def test_of_a_table_written_again_the_parts_left_as_they_were_are_taken(con, tmp_path):
    tables = {"indicator_values": MODEL}
    assert MODEL.part == "indicator_code"
    candidate = release.new_candidate(tmp_path)
    (candidate / release.DATABASE).touch()
    first = reuse.plan(con, tables, tmp_path, "code")
    assert set(first.manifest("run-1")[reuse.TABLES]["indicator_values"]["parts"]) == {"D1.1", "D1.2"}
    release.promote(candidate, tmp_path, first.manifest("run-1"))

    con.execute("UPDATE marts.indicator_values SET value = 41 WHERE indicator_code = 'D1.2'")
    con.execute("INSERT INTO marts.indicator_values VALUES ('S1.1', 'province', '60', 2568, 80.0)")
    changed = reuse.plan(con, tables, tmp_path, "code")
    assert changed.reused == frozenset() and changed.previous == release.live_release(tmp_path)
    assert changed.parts_taken == {"indicator_values": {"D1.1"}}
    assert changed.parts_written() == {"indicator_values": {"D1.2", "S1.1"}}
    # A part taken keeps the run that checked it, here and in the next release's manifest.
    assert changed.parts_checked_in == {"indicator_values": {"D1.1": "run-1"}} and changed.runs == {"run-1"}
    parts = changed.manifest("run-2")[reuse.TABLES]["indicator_values"]["parts"]
    assert {p: e["checked_in_run"] for p, e in parts.items()} == {"D1.1": "run-1", "D1.2": "run-2", "S1.1": "run-2"}
    assert reuse.checked_in(con, MODEL, tmp_path, "code") == (None, {"D1.1": "run-1"})
    other_code = reuse.plan(con, tables, tmp_path, "other code")
    assert other_code.parts_taken == {} and other_code.previous is None
