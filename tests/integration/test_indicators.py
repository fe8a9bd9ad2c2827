"""Every computed indicator equals a recomputation from the demo files, independent of the dbt SQL."""

import csv
import sqlite3
from pathlib import Path

import oracle
import published
import pytest

YEARS = range(2563, 2569)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def clean(demo_build):
    """source → its rows without the ones the generator spoiled."""

    def rows(source: str) -> list[dict]:
        faults = next(f["faults"] for f in demo_build.manifest["files"].values() if f["source"] == source)
        return oracle.clean_rows(*oracle.read_source(demo_build.landing(source), source), faults)

    return rows


def expected_counts(code: str, rows) -> dict:
    date, fy = oracle.parse_date, oracle.fiscal_year_of
    if code == "S1.2":
        return oracle.tally(
            (r["รหัสตำบล"], fy(date(r["วันที่ปรับปรุงล่าสุด"])), r["รหัสฐานข้อมูล"])
            for r in rows("local_databases")
            if r["สถานะการยกระดับ"] == "ยกระดับแล้ว"
        )
    if code in ("S2.2", "S3.1"):
        return oracle.tally(
            (r["รหัสตำบล"], int(r["ปีงบประมาณที่ประเมิน"]), r["รหัสภาคี"])
            for r in rows("network_partners")
            if code == "S2.2" or r["ผลการประเมินคุณภาพ"] == "ผ่าน"
        )
    if code in ("S2.3", "S4.2"):
        return oracle.tally(
            (r["รหัสตำบล"], int(r["ปีงบประมาณ"]), r["รหัสโครงการ"])
            for r in rows("projects")
            if code == "S2.3" or r["น้อมนำหลักปรัชญาของเศรษฐกิจพอเพียง"] == "ใช่"
        )
    if code == "S2.4":
        return oracle.tally(oracle.active_at_year_end(rows("volunteers"), YEARS))
    if code == "S2.5":
        return oracle.tally(
            (r["รหัสตำบล"], fy(date(r["วันที่อบรม"])), r["รหัสภาคี"])
            for r in rows("capacity_trainings")
            if r["ผลการอบรม"] == "ผ่าน"
        )
    if code == "S2.6":
        return oracle.tally(
            (r["รหัสตำบลผู้ผลิต"], fy(date(r["วันที่พิจารณา"])), r["รหัสผลงาน"])
            for r in rows("creative_media")
            if r["ผลการพิจารณา"] == "ผ่านการพิจารณา"
        )
    if code == "S3.4":
        return oracle.tally((r["รหัสตำบล"], int(r["ปีงบประมาณ"]), r["เลขทะเบียนองค์กร"]) for r in rows("fund_applications"))
    if code == "S4.1":
        return oracle.tally(
            (r["รหัสตำบล"], int(r["ปีงบประมาณ"]), (r["รหัสตำบล"], r["หมู่ที่"]))
            for r in rows("sufficiency_villages")
            if r["ระดับ"] in ("พออยู่พอกิน", "อยู่ดีกินดี", "มั่งมีศรีสุข")
        )
    if code == "S4.3":
        out = {}
        for b in rows("lao_budgets"):
            if oracle.amount(b["เงินสมทบกองทุนสวัสดิการชุมชน (บาท)"]) > 0:
                for level, area in oracle._lao_levels(b):
                    key = (level, area, int(b["ปีงบประมาณ"]))
                    out[key] = out.get(key, 0) + 1
        return out
    if code == "D1.1":  # registered by the year end and not yet left the register
        return oracle.tally(
            (r["รหัสตำบล"], y, r["เลขประจำตัวประชาชน"])
            for r in rows("welfare_registry")
            for y in YEARS
            if date(r["วันที่ลงทะเบียน"]) <= oracle.fiscal_year_end(y)
            and ((left := date(r["วันที่พ้นจากทะเบียน"])) is None or left > oracle.fiscal_year_end(y))
        )
    if code == "D1.2":
        return oracle.tally(
            (oracle.subdistrict_of(r["ที่อยู่ (ตำบล อำเภอ จังหวัด)"]), fy(date(r["วันที่รับเรื่อง"])), r["เลขประจำตัวประชาชน"])
            for r in rows("social_assistance")
        )
    if code == "D2.1":
        return oracle.tally(oracle.active_at_year_end(rows("volunteers"), YEARS))
    raise KeyError(code)


def counts_people(db, code: str) -> bool:
    con = sqlite3.connect(db)
    (flag,) = con.execute("SELECT counts_people FROM dim_indicators WHERE indicator_code = ?", [code]).fetchone()
    con.close()
    return bool(flag)


@pytest.mark.parametrize(
    "code",
    ["S1.2", "S2.2", "S2.3", "S2.4", "S2.5", "S2.6", "S3.1", "S3.4", "S4.1", "S4.2", "S4.3", "D1.1", "D1.2", "D2.1"],
)
def test_indicator_matches_independent_recompute(demo_build, clean, code):
    expected = expected_counts(code, clean)
    got = published.indicator(demo_build.published_db, code)
    assert got, f"{code} is not published"
    assert any(num for _, num, _ in got.values()), f"{code} is zero everywhere: the test would prove nothing"
    people, complete = oracle.population(clean("population")) if code.startswith("D") else ({}, {})
    for key, (value, numerator, denominator) in got.items():
        count = expected.get(key, 0)
        if numerator is None:  # hidden by disclosure control; test_disclosure checks the rule
            assert value is None and counts_people(demo_build.published_db, code), (code, key)
            continue
        assert numerator == count, (code, key)
        if people and complete[key]:
            assert denominator == people[key], (code, key)
            assert value == pytest.approx(1000 * numerator / denominator, abs=published.PRECISION)
        elif people:  # a sex or subdistrict missing from the population: no rate
            assert (value, denominator) == (None, None), (code, key)
        else:
            assert value == numerator


def expected_status(value, direction, method, baseline_year, baseline, target_year, target, year) -> str:
    if target is None:
        return "no_target"
    if value is None:
        return "no_data"
    sign = 1 if direction == "increase" else -1
    if sign * value >= sign * target:
        return "achieved"
    if year >= target_year:
        return "not_achieved"
    if method == "linear":
        on_line = baseline + (target - baseline) * (year - baseline_year) / (target_year - baseline_year)
        return "on_track" if sign * value >= sign * on_line else "off_track"
    if value <= 0 or baseline <= 0 or target <= 0 or year == baseline_year:
        return "no_data"
    observed = (value / baseline) ** (1 / (year - baseline_year)) - 1
    needed = (target / baseline) ** (1 / (target_year - baseline_year)) - 1
    ratio = observed / needed if needed else -1
    for floor, status in ((0.95, "on_track"), (0.6, "acceleration_needed"), (0, "limited_progress")):
        if ratio >= floor:
            return status
    return "deterioration"


def expected_targets(con) -> dict:
    """(indicator, area) → (baseline year, baseline, target year, target, source): the plan's rows
    (seeds/indicator_targets.csv), and for a district without one its province's, scaled by the
    district's own published value in the baseline year."""
    with (REPO / "seeds" / "indicator_targets.csv").open(encoding="utf-8") as f:
        plan = {(r["indicator_code"], r["area_code"]): r for r in csv.DictReader(f)}
    targets = {}
    for key, r in plan.items():
        targets[key] = (int(r["baseline_year"]), float(r["baseline_value"]), int(r["target_year"]))
        targets[key] += (float(r["target_value"]), "plan")
    districts = con.execute(
        "SELECT indicator_code, area_code, fiscal_year, value FROM indicator_values WHERE area_level = 'district'"
    ).fetchall()
    for code, area, year, value in districts:
        province = targets.get((code, area[:2]))
        if (code, area) in plan or province is None or year != province[0] or value is None or not province[1]:
            continue
        targets[(code, area)] = (year, value, province[2], value * province[3] / province[1], "cascaded")
    return targets


def test_progress_status_follows_each_indicators_method_towards_planned_or_cascaded_targets(demo_build):
    con = sqlite3.connect(demo_build.published_db)
    targets = expected_targets(con)
    rows = con.execute("""
        SELECT v.indicator_code, v.area_code, v.value, i.direction, i.progress_method, v.fiscal_year,
               v.baseline_year, v.baseline_value, v.target_year, v.target_value, v.target_source,
               v.progress_status, v.target_is_demo
        FROM indicator_values v JOIN dim_indicators i USING (indicator_code)""").fetchall()
    con.close()
    statuses = {r[11] for r in rows}
    assert {"no_target", "on_track", "off_track", "achieved"} <= statuses
    assert statuses & {"acceleration_needed", "limited_progress", "deterioration"}, "growth-judged statuses appear"
    for code, area, value, direction, method, year, *given, source, status, is_demo in rows:
        target, where = targets.get((code, area)), (code, area, year)
        if target is None or year < target[0]:
            assert given == [None] * 4 and source is None and status == "no_target", where
            continue
        assert given == pytest.approx(list(target[:4]), rel=0.01, abs=0.01) and source == target[4], where
        # Published values are rounded to 2 places: at a band's edge either side may be right.
        nudged = (value,) if value is None else (value - 0.01, value, value + 0.01)
        assert status in {expected_status(v, direction, method, *target[:4], year) for v in nudged}, where
        assert is_demo == 1  # every target shipped with the project is a demo target


def test_districts_are_judged_against_targets_too(demo_build):
    """Only the province has targets in the plan; its districts take them by cascade, so their
    progress reads as more than `no_target`."""
    con = sqlite3.connect(demo_build.published_db)
    statuses = con.execute("""
        SELECT area_code, progress_status FROM indicator_values
        WHERE area_level = 'district' AND fiscal_year = (SELECT max(fiscal_year) FROM indicator_values)""").fetchall()
    con.close()
    untargeted = [area for area, status in statuses if status == "no_target"]
    assert statuses and len(untargeted) < len(statuses) / 2
    assert {area for area, _ in statuses} - set(untargeted), "every district has some target"


def test_rates_on_an_incomplete_population_are_withheld_with_a_reason(demo_build, clean):
    _, complete = oracle.population(clean("population"))
    incomplete = {key for key, ok in complete.items() if not ok}
    assert {level for level, _, _ in incomplete} == {"subdistrict", "district", "province"}, (
        "the demo's planted population faults should leave some area-years incomplete"
    )
    con = sqlite3.connect(demo_build.published_db)
    rows = con.execute(
        "SELECT area_level, area_code, fiscal_year, value, denominator, null_reason "
        "FROM indicator_values WHERE indicator_code IN ('D1.1', 'D1.2', 'D2.1')"
    ).fetchall()
    con.close()
    withheld = {
        (level, area, fy): (value, den, reason)
        for level, area, fy, value, den, reason in rows
        if (level, area, fy) in incomplete
    }
    assert withheld
    for key, (value, denominator, reason) in withheld.items():
        assert (value, denominator) == (None, None) and reason in ("population_incomplete", "suppressed"), key
