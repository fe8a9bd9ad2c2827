"""The portal's drawing helpers on values written by hand: number formats by unit, the path to a
target by each progress method, the map's classes and colours."""

import pytest

from publish.portal import charts, gridmap
from publish.portal.display import number


def test_numbers_are_rounded_by_unit_and_separated_by_thousands():
    assert number(12345.0, "people") == "12,345"
    assert number(48.73468065048315, "score 0-100") == "48.7"
    assert number(243.256, "per 1,000 population") == "243.26"
    assert number(None, "people") == "–"


def test_the_path_to_target_is_a_line_or_steady_growth():
    row = {"baseline_year": 2565, "baseline_value": 10.0, "target_year": 2569, "target_value": 20.0}
    years = [2564, 2565, 2567, 2569]
    assert charts.path_to_target(row, "linear", years) == [None, 10.0, 15.0, 20.0]
    growth = charts.path_to_target(row, "cagr", years)
    assert growth[:2] == [None, 10.0] and growth[2] == pytest.approx(10 * 2**0.5) and growth[3] == pytest.approx(20)


def test_the_map_colours_five_classes_and_marks_hidden_and_missing_areas():
    rows = [{"area_code": f"60{i:02}", "value": float(i), "is_suppressed": False} for i in range(1, 11)]
    rows += [{"area_code": "6011", "value": None, "is_suppressed": True}]
    rows += [{"area_code": "6012", "value": None, "is_suppressed": False}]
    assert gridmap.classes([r["value"] for r in rows[:10]]) == [2.0, 4.0, 6.0, 8.0, 10.0]
    svg = gridmap.grid_map(rows, {"6001": "เมือง"}, "people", lambda a: f"/areas/{a}", "แผนที่")
    assert svg.count("<rect") == 12 and "เมือง" in svg and "ปกปิด" in svg
    assert svg.count(gridmap.PALETTE[0]) == 2 and svg.count(gridmap.PALETTE[4]) == 2
    assert [fill for fill, _ in gridmap.legend(rows, "people")][-2:] == [gridmap.HIDDEN, gridmap.EMPTY]
