"""S1.1 and its parts per source and area equal a recomputation from the demo files and the
generator's manifest of planted faults, independent of the dbt SQL."""

import re
import sqlite3
from collections import defaultdict

import oracle
import pytest
from published import PRECISION

from orchestration.metadata.sources import SOURCES

REPORTING_YEAR = 2568
REPORTING_YEARS = range(2563, 2569)
# The Thai column(s) each source's records are dated by, the first filled one counting.
DATED_BY = {
    "welfare_registry": ("วันที่ปรับปรุงข้อมูล", "วันที่ลงทะเบียน"),
    "welfare_orgs": ("วันที่รับรอง",),
    "volunteers": ("วันที่พ้นสภาพ", "วันที่เป็นอาสาสมัคร"),
    "capacity_trainings": ("วันที่อบรม",),
    "creative_media": ("วันที่พิจารณา",),
    "local_databases": ("วันที่ปรับปรุงล่าสุด",),
    "social_assistance": ("วันที่รับเรื่อง",),
}
YEAR_COLUMN = {
    "lao_budgets": "ปีงบประมาณ",
    "population": "ปี พ.ศ.",
    "network_partners": "ปีงบประมาณที่ประเมิน",
    "projects": "ปีงบประมาณ",
    "fund_applications": "ปีงบประมาณ",
    "sufficiency_villages": "ปีงบประมาณ",
}


def subdistrict_named(text) -> str | None:
    """The subdistrict code a row names, if it can be read: a code, or address text with one match."""
    text = re.sub(r"\s+", " ", str(text or "").translate(oracle.THAI_DIGITS)).strip()
    if re.fullmatch(r"\d{6}", text):
        return text
    try:
        return oracle.subdistrict_of(text)
    except (AttributeError, ValueError):  # not an address, or no single match
        return None


def record_year(source: str, row: dict) -> int:
    if source in YEAR_COLUMN:
        return int(row[YEAR_COLUMN[source]])
    columns = DATED_BY[source]
    if source == "volunteers" and row["สถานะ"] != "พ้นสภาพ":
        columns = columns[1:]  # an active volunteer's leaving date is not a date of the record
    dates = [d for c in columns if (d := oracle.parse_date(row[c]))]
    return oracle.fiscal_year_of(dates[0]) if dates else None


def expected_scores(build, areas: dict) -> dict:
    """(source, area) → score, for every area in ``areas`` (code → its subdistricts)."""
    scores = {}
    for name, planted in build.manifest["files"].items():
        source = planted["source"]
        column = next(c.header_th for c in SOURCES[source].columns if c.type == "subdistrict")
        rows, first = oracle.read_source(build.config.landing_dir / name, source)
        faults = {f["row"]: f["reason"] for f in planted["faults"]}
        read, accepted, missing, years, reporting, cells = (
            defaultdict(int),
            defaultdict(int),
            defaultdict(int),
            defaultdict(set),
            defaultdict(set),
            defaultdict(int),
        )
        for number, row in enumerate(rows, start=first):
            code = None if faults.get(number) == "malformed_row" else subdistrict_named(row.get(column))
            for area in areas:
                if code and code.startswith(area):
                    read[area] += 1
                    missing[area] += faults.get(number) == "missing_required"
                    if number not in faults:
                        accepted[area] += 1
                        years[area].add(record_year(source, row))
                        reporting[area].add(code)
                        cells[area] += record_year(source, row) in REPORTING_YEARS
        for area, subdistricts in areas.items():
            n = read[area]
            latest = max((y for y in years[area] if y), default=None)
            # The population is a grid of subdistrict × sex × year: its completeness is the share present.
            completeness = (
                100 * cells[area] / (2 * subdistricts * len(REPORTING_YEARS))
                if source == "population"
                else 100 * (n - missing[area]) / n
                if n
                else 0
            )
            parts = [
                completeness,
                100 * accepted[area] / n if n else 0,
                0 if latest is None else max(0, min(100, 100 - 25 * (REPORTING_YEAR - latest))),
                100 * len(reporting[area]) / subdistricts,
            ]
            scores[(source, area)] = sum(parts) / 4
    return scores


@pytest.fixture(scope="module")
def published(demo_build):
    con = sqlite3.connect(demo_build.published_db)
    areas = dict(
        con.execute("""
        SELECT a.area_code, count(*) FROM dim_areas a JOIN dim_areas s
            ON s.area_level = 'subdistrict' AND s.area_code LIKE a.area_code || '%'
        WHERE a.area_level IN ('district', 'province') AND a.province_code = '60'
        GROUP BY a.area_code""").fetchall()
    )
    scores = {
        (s, a): v
        for s, a, v in con.execute(
            "SELECT source, area_code, score FROM dq_source_scores WHERE area_level IN ('district', 'province')"
        )
    }
    s1_1 = {
        (a, y): v
        for a, y, v in con.execute(
            "SELECT area_code, fiscal_year, value FROM indicator_values WHERE indicator_code = 'S1.1' "
            "AND area_level IN ('district', 'province')"
        )
    }
    con.close()
    return areas, scores, s1_1


def test_each_source_scores_as_recomputed(demo_build, published):
    areas, scores, _ = published
    assert len(areas) == 16  # Nakhon Sawan and its 15 districts
    expected = expected_scores(demo_build, areas)
    assert set(expected) == set(scores)
    for key, score in expected.items():
        assert scores[key] == pytest.approx(score, abs=PRECISION), key
    assert len({round(s, 6) for s in scores.values()}) > 10, "scores too uniform for the test to mean much"


def test_s1_1_is_the_mean_of_the_sources_scores_in_the_reporting_year(published):
    areas, scores, s1_1 = published
    assert set(s1_1) == {(area, REPORTING_YEAR) for area in areas}
    for area in areas:
        mean = sum(v for (_, a), v in scores.items() if a == area) / len(SOURCES)
        # Both S1.1 and the scores it is the mean of are rounded when published.
        assert s1_1[(area, REPORTING_YEAR)] == pytest.approx(mean, abs=2 * PRECISION)
