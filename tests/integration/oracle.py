"""An independent reading of the demo sources, written without the project's parsers or SQL,
to recompute the indicators the warehouse publishes. It states the Thai calendar facts again on
purpose (see orchestration/metadata/thai.py): a recomputation that shared them would share
their mistakes."""

import csv
import re
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MONTHS = {
    name: i + 1
    for i, name in enumerate(
        [
            *("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน"),
            *("กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
        ]
    )
}
MONTHS |= {
    name: i + 1
    for i, name in enumerate(
        ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
    )
}


def parse_date(text) -> date | None:
    if isinstance(text, datetime):
        return text.date()
    text = (text or "").translate(THAI_DIGITS).strip()
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text):
        y, mo, d = map(int, m.groups())
    elif m := re.fullmatch(r"(\d+)/(\d+)/(\d{4})", text):
        d, mo, y = map(int, m.groups())
    elif m := re.fullmatch(r"(\d+) (\S+) (\d{4})", text):
        d, mo, y = int(m[1]), MONTHS[m[2]], int(m[3])
    else:
        return None
    return date(y - 543 if y > 2400 else y, mo, d)


def amount(text: str) -> Decimal:
    return Decimal(text.translate(THAI_DIGITS).replace(",", "").strip())


def fiscal_year_end(fy: int) -> date:
    return date(fy - 543, 9, 30)


ENCODINGS = {
    "welfare_registry": "cp874",
    "fund_applications": "cp874",
    "local_databases": "cp874",
    "lao_budgets": "utf-8-sig",
    "network_partners": "utf-8-sig",
    "capacity_trainings": "utf-8-sig",
    "social_assistance": "utf-8-sig",
}
FIRST_ROW = {"csv": 2, "xlsx": 6, "json": 1}


def read_source(path: Path, source: str) -> tuple[list[dict], int]:
    """A demo file's rows, whatever its format, and the number of its first data row."""
    kind = path.suffix[1:]
    read = {
        "csv": lambda: read_csv(path, ENCODINGS[source]),
        "xlsx": lambda: read_xlsx(path),
        "json": lambda: read_ckan_json(path),
    }[kind]
    return read(), FIRST_ROW[kind]


def clean_rows(rows: list[dict], first_row: int, faults: list[dict]) -> list[dict]:
    bad = {f["row"] for f in faults}
    return [r for i, r in enumerate(rows, start=first_row) if i not in bad]


def read_csv(path: Path, encoding: str) -> list[dict]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def read_xlsx(path: Path) -> list[dict]:
    """Header on rows 4-5 (the lower row names grouped columns), data from row 6."""
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header = [lower or upper for upper, lower in zip(rows[3], rows[4], strict=True)]
    return [dict(zip(header, r, strict=False)) for r in rows[5:]]


PUBLIC_BENEFIT_OR_COMMUNITY = {"มูลนิธิ", "สมาคม", "องค์กรภาคเอกชน", "องค์กรสวัสดิการชุมชน"}
CERTIFIED = {"อนุกรรมการรับรอง", "ส่งใบสำคัญ", "ประกาศราชกิจจานุเบกษา"}


def s2_1(orgs: list[dict], years) -> dict:
    """(level, code, fy) → certified organisations at the fiscal-year end."""
    out = defaultdict(int)
    for o in orgs:
        certified_on = parse_date(o["วันที่รับรอง"])
        if o["ประเภทองค์กร"] not in PUBLIC_BENEFIT_OR_COMMUNITY or o["สถานะการรับรอง"] not in CERTIFIED:
            continue
        code = o["รหัสตำบล"]
        for fy in years:
            if certified_on and certified_on <= fiscal_year_end(fy):
                for level, n in (("subdistrict", 6), ("district", 4), ("province", 2)):
                    out[(level, code[:n], fy)] += 1
    return out


def _lao_levels(row: dict):
    code = row["รหัสตำบล"]
    if row["ประเภท อปท."] == "อบจ.":
        return [("province", code[:2])]
    return [("subdistrict", code), ("district", code[:4]), ("province", code[:2])]


def s3_2(budgets: list[dict]) -> dict:
    out = defaultdict(int)
    for b in budgets:
        if amount(b["งบประมาณสวัสดิการที่จัดสรร (บาท)"]) > 0:
            for level, code in _lao_levels(b):
                out[(level, code, int(b["ปีงบประมาณ"]))] += 1
    return out


def welfare_spending(budgets: list[dict]) -> dict:
    out = defaultdict(Decimal)
    for b in budgets:
        for level, code in _lao_levels(b):
            out[(level, code, int(b["ปีงบประมาณ"]))] += amount(b["งบประมาณสวัสดิการที่ใช้จ่าย (บาท)"])
    return out


def read_ckan_json(path: Path) -> list[dict]:
    import json

    return json.loads(path.read_text(encoding="utf-8"))["result"]["records"]


ADDRESS = re.compile(r"ต\.(\S+) อ\.(\S+) จ\.(\S+)")


def subdistrict_of(text: str) -> str:
    """A code as it is, or the one subdistrict geothai matches for "ต.… อ.… จ.…"."""
    if re.fullmatch(r"\d{6}", text):
        return text
    import geothai

    sub, district, province = ADDRESS.search(text).groups()
    (match,) = geothai.match(sub, district=district, province=province)
    return match.subdistrict.code


def fiscal_year_of(d: date) -> int:
    return d.year + 543 + (d.month >= 10)


LEVELS = (("subdistrict", 6), ("district", 4), ("province", 2))


def tally(items) -> dict:
    """(subdistrict code, fiscal year, key) items → distinct keys per (level, area, year)."""
    keys = defaultdict(set)
    for code, fy, key in items:
        for level, n in LEVELS:
            keys[(level, code[:n], fy)].add(key)
    return {k: len(v) for k, v in keys.items()}


def active_at_year_end(volunteers: list[dict], years) -> list[tuple]:
    items = []
    for v in volunteers:
        joined, left = parse_date(v["วันที่เป็นอาสาสมัคร"]), parse_date(v["วันที่พ้นสภาพ"])
        if v["สถานะ"] == "พ้นสภาพ" and left is None:
            left = joined
        for fy in years:
            if joined <= fiscal_year_end(fy) and (left is None or left > fiscal_year_end(fy)):
                items.append((subdistrict_of(v["ที่อยู่ (ตำบล อำเภอ จังหวัด)"]), fy, v["เลขประจำตัวประชาชน"]))
    return items


def population(records: list[dict]) -> tuple[dict, dict]:
    """(level, area, year) → registered population, and whether every subdistrict of the area
    reported both sexes that year (Nakhon Sawan's 130 subdistricts)."""
    import geothai

    total, cells = defaultdict(int), defaultdict(int)
    for r in records:
        for level, n in LEVELS:
            key = (level, r["รหัสตำบล"][:n], int(r["ปี พ.ศ."]))
            total[key] += int(str(r["จำนวนประชากร"]).replace(",", ""))
            cells[key] += 1
    subdistricts = defaultdict(int)
    for d in geothai.districts("60"):
        for s in geothai.subdistricts(d.code):
            for level, n in LEVELS:
                subdistricts[(level, s.code[:n])] += 1
    complete = defaultdict(bool, {k: cells[k] == 2 * subdistricts[k[:2]] for k in cells})
    return total, complete
