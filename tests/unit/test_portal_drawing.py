"""The portal's drawing helpers on values written by hand: number formats by unit, the path to a
target by each progress method, the map's classes and colours."""

import re

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


def test_axis_ticks_are_round_and_cover_the_values():
    assert charts.nice_ticks(0, 87) == [0, 20, 40, 60, 80, 100]
    assert charts.nice_ticks(-3.2, 4.1) == [-4, -2, 0, 2, 4, 6]
    assert charts.nice_ticks(0, 0) == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]


INDICATOR = {"unit_en": "people", "progress_method": "linear", "name_en": "People"}


def test_the_trend_marks_each_measured_year_and_the_target_and_breaks_at_a_gap():
    rows = [
        {"fiscal_year": y, "value": v, "target_value": None}
        for y, v in ((2565, 10.0), (2566, None), (2567, 14.0), (2568, 15.0))
    ]
    rows[0] |= {"target_value": 20.0, "target_year": 2569, "baseline_value": 10.0, "baseline_year": 2565}
    svg = charts.trend(rows, INDICATOR, "แนวโน้ม")
    assert svg.count('class="dot"') == 4  # three measured years, one target
    assert "<title>2567: 14</title>" in svg and "<title>2569: 20</title>" in svg
    # The measured line is broken at the gap (2565 stands alone); the path to target is one line.
    assert svg.count("<polyline") == 2 and svg.count('stroke-dasharray="6 4"') == 1


def test_bars_are_largest_first_with_hidden_areas_named_and_negative_values_left_of_zero():
    rows = [
        {"area_code": "6001", "value": 5.0},
        {"area_code": "6002", "value": 9.0},
        {"area_code": "6003", "value": None, "is_suppressed": True},
        {"area_code": "6004", "value": -2.0},
    ]
    svg = charts.comparison(rows, INDICATOR, {"6001": "เมือง", "6002": "โกรกพระ"}, "เปรียบเทียบ")
    assert svg.count('class="bar"') == 3 and "ปกปิด" in svg
    assert svg.index("โกรกพระ") < svg.index("เมือง") < svg.index("6004")
    xs = [float(x) for x in re.findall(r'class="bar" x="([\d.]+)"', svg)]
    assert xs[0] == xs[1] > xs[2]  # the positive bars start at zero; the negative one before it
