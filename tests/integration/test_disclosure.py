"""Disclosure control: no count of 1 to 4 people is visible, and no hidden cell can be solved
from the published totals (every parent area = the sum of its children)."""

import sqlite3
from collections import defaultdict

import numpy as np


def published_cells(db) -> dict:
    """(indicator, year) → {(level, area): (numerator or None, parent area)} for people counts."""
    con = sqlite3.connect(db)
    rows = con.execute("""
        SELECT v.indicator_code, v.fiscal_year, v.area_level, v.area_code, v.numerator, v.is_suppressed,
               a.parent_code
        FROM indicator_values v
        JOIN dim_indicators i USING (indicator_code)
        JOIN dim_areas a ON a.area_level = v.area_level AND a.area_code = v.area_code
        WHERE i.counts_people""").fetchall()
    con.close()
    cells = defaultdict(dict)
    for code, year, level, area, numerator, hidden, parent in rows:
        assert bool(hidden) == (numerator is None), (code, year, area)
        cells[(code, year)][(level, area)] = (numerator, parent)
    return cells


def solvable_hidden_cells(cells: dict) -> list:
    """Hidden cells whose value follows from the equations parent = sum of children."""
    hidden = [key for key, (numerator, _) in cells.items() if numerator is None]
    index = {key: i for i, key in enumerate(hidden)}
    child_level = {"country": "province", "province": "district", "district": "subdistrict"}
    equations = []
    for (level, area) in cells:
        children = [k for k, (_, parent) in cells.items() if k[0] == child_level.get(level) and parent == area]
        if not children:
            continue
        row = np.zeros(len(hidden))
        for key, sign in [((level, area), 1)] + [(c, -1) for c in children]:
            if key in index:
                row[index[key]] += sign
        if row.any():
            equations.append(row)
    if not equations:
        return []
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    return [key for key, i in index.items() if np.linalg.matrix_rank(np.vstack([a, np.eye(len(hidden))[i]])) == rank]


def test_no_count_of_one_to_four_people_is_visible(demo_build):
    cells = published_cells(demo_build.published_db)
    assert sum(n is None for c in cells.values() for n, _ in c.values()) > 0, "nothing hidden: test data too large"
    visible_small = [(k, area) for k, c in cells.items() for area, (n, _) in c.items() if n is not None and 1 <= n <= 4]
    assert not visible_small


def test_no_hidden_cell_can_be_recovered_from_published_totals(demo_build):
    for key, cells in published_cells(demo_build.published_db).items():
        assert not solvable_hidden_cells(cells), key


def test_volunteer_count_and_rate_hide_the_same_cells(demo_build):
    cells = published_cells(demo_build.published_db)
    for (code, year), c in cells.items():
        if code == "S2.4":
            rate = cells[("D2.1", year)]
            assert {k for k, (n, _) in c.items() if n is None} == {k for k, (n, _) in rate.items() if n is None}


def test_organisation_counts_are_never_hidden(demo_build):
    con = sqlite3.connect(demo_build.published_db)
    hidden = con.execute("SELECT count(*) FROM indicator_values JOIN dim_indicators USING (indicator_code) "
                         "WHERE NOT counts_people AND is_suppressed").fetchone()[0]
    small = con.execute("SELECT count(*) FROM indicator_values WHERE indicator_code = 'S2.1' "
                        "AND numerator BETWEEN 1 AND 4").fetchone()[0]
    con.close()
    assert hidden == 0 and small > 0
