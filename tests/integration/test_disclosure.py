"""Disclosure control, audited as an attacker would: from everything published together (the
indicator table, the topic marts that repeat its counts, the data-quality tables), with linear
programming over how areas add up, no hidden count can be narrowed to less than the threshold."""

import sqlite3
from collections import defaultdict

import pytest
from lp_audit import lp_bounds

from orchestration.disclosure import Table
from orchestration.settings import suppression_threshold

# Topic marts that publish a family's count again, under another name.
TOPIC_MARTS = {
    "volunteers_by_area": ("active_volunteers", "active_volunteers", "volunteers_per_1000"),
    "registry_coverage": ("registered_people", "registered_people", "registered_per_1000"),
}


def query(db, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def attacker_view(db):
    """What the attacker sees: (family, year) → {area: [every count published for it]}, with
    None where a table hides it; and every area's parent."""
    cells = defaultdict(lambda: defaultdict(list))
    for family, year, area, count, value in query(
        db,
        """
            SELECT i.disclosure_family, v.fiscal_year, v.area_code, v.numerator, v.value
            FROM indicator_values v JOIN dim_indicators i USING (indicator_code)
            WHERE i.disclosure_family IS NOT NULL""",
    ):
        cells[(family, year)][area].append((count, value))
    for table, (family, count_column, rate_column) in TOPIC_MARTS.items():
        for year, area, count, value in query(
            db, f"SELECT fiscal_year, area_code, {count_column}, {rate_column} FROM {table}"
        ):
            cells[(family, year)][area].append((count, value))
    parent = dict(query(db, "SELECT area_code, parent_code FROM dim_areas"))
    return cells, parent


def narrow_cells(db) -> tuple[int, list]:
    """(hidden cells audited, those whose bounds are narrower than the threshold). The attacker
    takes every family to add up exactly, people counted once across areas too: in the demo they
    do (nobody is in two areas), and where they do, the attacker may guess it."""
    cells, parent = attacker_view(db)
    threshold, audited, narrow = suppression_threshold(), 0, []
    for (family, year), areas in cells.items():
        known = {
            a: next(c for c, _ in shown if c is not None)
            for a, shown in areas.items()
            if any(c is not None for c, _ in shown)
        }
        hidden = set(areas) - set(known)
        if not hidden:
            continue
        table = Table({**known, **dict.fromkeys(hidden, 0)}, {a: parent[a] for a in areas}, "sum")
        for area, (lo, hi) in lp_bounds(table, hidden).items():
            audited += 1
            if hi - lo < threshold:
                narrow.append((family, year, area, lo, hi))
    return audited, narrow


@pytest.fixture(scope="module")
def published(demo_build):
    return attacker_view(demo_build.published_db)


def test_a_rate_is_hidden_wherever_its_count_is(published):
    cells, _ = published
    assert not [
        (key, area)
        for key, areas in cells.items()
        for area, shown in areas.items()
        for count, value in shown
        if count is None and value is not None
    ]


def test_no_count_of_one_to_four_people_is_visible_in_any_table(published):
    cells, _ = published
    threshold = suppression_threshold()
    visible_small = [
        (key, area)
        for key, areas in cells.items()
        for area, shown in areas.items()
        for count, _ in shown
        if count is not None and 0 < count < threshold
    ]
    assert not visible_small


def test_no_hidden_count_can_be_narrowed_below_the_threshold(demo_build):
    audited, narrow = narrow_cells(demo_build.published_db)
    assert narrow == []
    assert audited > 100, "too few hidden cells for the audit to mean much"


def test_data_quality_tables_publish_no_count_of_people_by_area(demo_build):
    db = demo_build.published_db
    people = [s for (s,) in query(db, "SELECT DISTINCT source FROM dim_source_columns WHERE rows_are_people")]
    assert set(people) == {"welfare_registry", "volunteers", "social_assistance"}
    counted = query(
        db,
        f"SELECT count(*) FROM dq_source_scores WHERE source IN ({', '.join('?' * len(people))}) AND "
        "coalesce(rows_read, rows_accepted, rows_missing_required) IS NOT NULL",
        people,
    )
    assert counted == [(0,)]
    by_area = query(
        db, f"SELECT count(*) FROM dq_quarantine_by_area WHERE source IN ({', '.join('?' * len(people))})", people
    )
    assert by_area == [(0,)] and query(db, "SELECT count(*) > 0 FROM dq_quarantine_by_area") == [(1,)]
    levels = dict(query(db, "SELECT source, group_concat(DISTINCT area_level) FROM dq_source_scores GROUP BY source"))
    assert "subdistrict" not in levels["social_assistance"]  # its indicator, D1.2, is published per district
    assert "subdistrict" in levels["welfare_registry"] and "subdistrict" in levels["lao_budgets"]


def test_organisation_counts_are_never_hidden(demo_build):
    db = demo_build.published_db
    assert query(
        db,
        "SELECT count(*) FROM indicator_values JOIN dim_indicators USING (indicator_code) "
        "WHERE NOT counts_people AND is_suppressed",
    ) == [(0,)]
    assert (
        query(db, "SELECT count(*) FROM indicator_values WHERE indicator_code = 'S2.1' AND numerator BETWEEN 1 AND 4")[
            0
        ][0]
        > 0
    )
