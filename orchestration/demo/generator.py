"""Deterministic demo sources that look and fail like real Thai government exports.

``generate(out_dir, provinces, seed)`` writes landing files and a ``manifest.json`` that lists
every planted fault (file, row number, reason code) so tests can check that ingestion catches
each one. The same arguments always give byte-identical files. All data is fictitious.
"""

import csv
import io
import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import geothai
import xlsxwriter
from geothai.abolished import abolished_areas

from orchestration.ingestion.contracts import (
    CERTIFICATION_STATUSES, LAO_BUDGETS, SEXES, TARGET_GROUPS, WELFARE_ORGS, WELFARE_REGISTRY, Contract,
)
from orchestration.ingestion.sql_functions import MONTHS_FULL, MONTHS_SHORT, THAI_DIGITS

FISCAL_YEARS = range(2563, 2569)  # FY2563-FY2568
PEOPLE_PER_SUBDISTRICT = 8150      # Nakhon Sawan: about 1.06 million people in 130 subdistricts
REGISTRY_SHARE = 0.28              # a quarter to a third of people are in the welfare register
FIRST_NAMES = ["สมชาย", "สมหญิง", "ประยูร", "บุญมี", "มาลี", "สมศักดิ์", "วันดี", "สุนทร", "อำไพ", "ทองดี",
               "จันทร์เพ็ญ", "ประเสริฐ", "บุญเรือน", "สายสุนีย์", "ชูชาติ", "ละเอียด"]
LAST_NAMES = ["ใจดี", "แสงทอง", "บุญมา", "ศรีสุข", "มีสุข", "พันธ์ดี", "ทองคำ", "อินทร์แก้ว", "สุขสวัสดิ์", "วงศ์ไทย"]
BENEFITS = ["เบี้ยยังชีพผู้สูงอายุ", "เบี้ยความพิการ", "เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด",
            "บัตรสวัสดิการแห่งรัฐ", "เงินสงเคราะห์ครอบครัวผู้มีรายได้น้อย", ""]
AGE_RANGE = {"ผู้สูงอายุ": (60, 95), "เด็กและเยาวชน": (0, 24)}
DEMO_TIME = datetime(2025, 10, 1)  # fixed file timestamps keep output byte-identical


def be(d: date) -> int:
    return d.year + 543


def citizen_id(rng: random.Random) -> str:
    digits = [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]
    check = (11 - sum(d * (13 - i) for i, d in enumerate(digits)) % 11) % 10
    return "".join(map(str, digits + [check]))


def thai_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", THAI_DIGITS))


def format_date(d: date, rng: random.Random) -> str:
    """One of the spellings Thai offices use, in Buddhist Era, sometimes with Thai digits."""
    text = rng.choice([
        f"{be(d)}-{d.month:02d}-{d.day:02d}",
        f"{d.day}/{d.month}/{be(d)}",
        f"{d.day} {MONTHS_SHORT[d.month - 1]} {be(d)}",
        f"{d.day:02d} {MONTHS_FULL[d.month - 1]} {be(d)}",
    ])
    return thai_digits(text) if rng.random() < 0.1 else text


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


@dataclass
class SourceFile:
    """Rows of one landing file as text, and the faults planted in them (row index → reason)."""
    contract: Contract
    rows: list[dict[str, str]] = field(default_factory=list)
    faults: dict[int, str] = field(default_factory=dict)

    def plant(self, rng: random.Random, rate: float, faults: dict) -> None:
        """Spoil ``rate`` of the rows, each with one fault; a duplicate copies an earlier clean row."""
        n = len(self.rows)
        for i in sorted(rng.sample(range(1, n), k=min(n - 1, round(n * rate)))):
            reason = rng.choice(sorted(faults))
            if reason == "duplicate_key":
                j = rng.randrange(i)
                if j in self.faults:
                    continue
                self.rows[i] = dict(self.rows[j])
            else:
                faults[reason](self.rows[i])
            self.faults[i] = reason


class Areas:
    def __init__(self, provinces: list[str]):
        self.subdistricts = [s for p in provinces for d in geothai.districts(p) for s in geothai.subdistricts(d.code)]
        self.abolished = sorted(a.code for a in abolished_areas() if a.level == "subdistrict")

    @staticmethod
    def address_text(code: str) -> str:
        a = geothai.address(code)
        return f"ต.{a.subdistrict.name_th} อ.{a.district.name_th} จ.{a.province.name_th}"


def welfare_registry(rng: random.Random, subdistricts, scale: float, rate: float, abolished) -> SourceFile:
    f = SourceFile(WELFARE_REGISTRY)
    for s in subdistricts:
        for _ in range(round(PEOPLE_PER_SUBDISTRICT * REGISTRY_SHARE * scale * rng.uniform(0.7, 1.3))):
            group = rng.choices(TARGET_GROUPS, weights=[45, 10, 15, 25, 2, 3])[0]
            registered = random_date(rng, date(2019, 10, 1), date(2025, 9, 30))
            low, high = AGE_RANGE.get(group, (18, 80))
            birth = registered - timedelta(days=rng.randint(low * 365 + 1, high * 365 + 200))
            updated = random_date(rng, registered, date(2025, 9, 30))
            f.rows.append({
                "citizen_id": citizen_id(rng), "first_name": rng.choice(FIRST_NAMES),
                "last_name": rng.choice(LAST_NAMES), "birth_date": format_date(birth, rng),
                "sex": rng.choice(SEXES), "target_group": group,
                "address": f"{rng.randint(1, 299)} หมู่ {rng.randint(1, 15)} {Areas.address_text(s.code)}",
                "subdistrict_code": s.code, "registered_on": format_date(registered, rng),
                "updated_on": format_date(updated, rng) if rng.random() < 0.8 else "",
                "benefit": rng.choice(BENEFITS),
            })
    f.plant(rng, rate, {
        "invalid_citizen_id": lambda r: r.update(citizen_id=r["citizen_id"][:12] + str((int(r["citizen_id"][12]) + 1) % 10)),
        "missing_required": lambda r: r.update(subdistrict_code=""),
        "unknown_area": lambda r: r.update(subdistrict_code=r["subdistrict_code"][:4] + "99"),
        "abolished_area": lambda r: r.update(subdistrict_code=rng.choice(abolished)),
        "future_date": lambda r: r.update(registered_on="1/10/2580"),
        "invalid_date": lambda r: r.update(registered_on="31/02/2566"),
        "not_in_code_list": lambda r: r.update(target_group="กลุ่มอื่น ๆ"),
        "birth_after_registration": lambda r: r.update(birth_date="1/1/2569", registered_on="1/1/2567"),
        "duplicate_key": None,
    })
    return f


def welfare_orgs(rng: random.Random, subdistricts, scale: float, rate: float) -> SourceFile:
    f = SourceFile(WELFARE_ORGS)
    kinds = [("มูลนิธิ", "มูลนิธิเพื่อ"), ("สมาคม", "สมาคม"), ("องค์กรภาคเอกชน", "ชมรม"),
             ("องค์กรสวัสดิการชุมชน", "องค์กรสวัสดิการชุมชนตำบล"), ("ส่วนราชการ", "ศูนย์"),
             ("องค์กรปกครองส่วนท้องถิ่น", "องค์การบริหารส่วนตำบล")]
    for s in subdistricts:
        for _ in range(max(1, round(3 * scale ** 0.5 * rng.uniform(0.3, 1.7)))):
            org_type, prefix = rng.choices(kinds, weights=[15, 10, 10, 40, 10, 15])[0]
            status = rng.choices(CERTIFICATION_STATUSES, weights=[10, 10, 15, 55, 10])[0]
            certified = "" if status in ("รับเรื่อง", "ไม่รับรอง") else random_date(rng, date(2012, 1, 1), date(2025, 9, 30))
            seq = len(f.rows) + 1
            f.rows.append({
                "org_id": f"{s.code[:2]}-{seq:05d}", "org_name": f"{prefix}{s.name_th} {seq}",
                "org_type": org_type, "subdistrict_code": s.code, "certification_status": status,
                "certified_on": certified if not certified or rng.random() < 0.3 else format_date(certified, rng),
                "target_groups": ", ".join(rng.sample(["เด็ก", "เยาวชน", "สตรี", "ผู้สูงอายุ", "คนพิการ", "ผู้ด้อยโอกาส"], 2)),
            })
    f.plant(rng, rate, {
        "missing_required": lambda r: r.update(org_id=""),
        "not_in_code_list": lambda r: r.update(certification_status="รอพิจารณา"),
        "unknown_area": lambda r: r.update(subdistrict_code="609999"),
        "invalid_date": lambda r: r.update(certified_on="ยังไม่ระบุ"),
        "duplicate_key": None,
    })
    return f


LAO_KINDS = {"อบจ.": (1, 8e6, 20e6), "เทศบาลนคร": (2, 3e6, 8e6), "เทศบาลเมือง": (3, 1e6, 3e6),
             "เทศบาลตำบล": (4, 2e5, 1e6), "อบต.": (5, 1e5, 8e5)}


def _laos(rng: random.Random, subdistricts) -> list[tuple[str, str, str, str]]:
    """(DLA code, name, type, subdistrict) — demo codes: type digit + subdistrict code."""
    laos, seen_provinces = [], set()
    for s in subdistricts:
        if s.province_code not in seen_provinces:
            seen_provinces.add(s.province_code)
            laos.append(("อบจ.", s, f"องค์การบริหารส่วนจังหวัด{geothai.province(s.province_code).name_th}"))
        if s.code.endswith("01") and s.district_code.endswith("01"):
            laos.append(("เทศบาลนคร", s, f"เทศบาลนคร{s.name_th}"))
        elif s.code.endswith("01"):
            laos.append(("เทศบาลตำบล", s, f"เทศบาลตำบล{s.name_th}"))
        laos.append(("อบต.", s, f"องค์การบริหารส่วนตำบล{s.name_th}"))
    return [(f"{LAO_KINDS[t][0]}{s.code}", name, t, s.code) for t, s, name in laos]


def _amount(value: float, rng: random.Random) -> str:
    text = f"{value:,.2f}" if rng.random() < 0.8 else f"{value:.2f}"
    return thai_digits(text) if rng.random() < 0.05 else (f" {text} " if rng.random() < 0.05 else text)


def lao_budgets(rng: random.Random, subdistricts, rate: float) -> SourceFile:
    f = SourceFile(LAO_BUDGETS)
    for code, name, kind, sub in _laos(rng, subdistricts):
        base = rng.uniform(*LAO_KINDS[kind][1:])
        start_share = rng.uniform(0.3, 0.9)  # some LAOs start funding welfare only in later years
        for i, fy in enumerate(FISCAL_YEARS):
            funds = kind == "อบจ." or rng.random() < start_share + 0.08 * i
            allocated = round(base * (1 + 0.05 * i) * rng.uniform(0.9, 1.1), 2) if funds else 0.0
            spent = round(allocated * rng.uniform(0.7, 1.0), 2)
            fund = round(allocated * rng.uniform(0, 0.1), 2) if rng.random() < 0.6 else 0.0
            f.rows.append({
                "lao_code": code, "lao_name": name, "lao_type": kind, "subdistrict_code": sub,
                "fiscal_year": str(fy), "welfare_budget_allocated": _amount(allocated, rng),
                "welfare_budget_spent": _amount(spent, rng), "community_fund_contribution": _amount(fund, rng),
            })
    f.plant(rng, rate, {
        "negative_amount": lambda r: r.update(welfare_budget_spent=f"-{rng.randint(1_000, 900_000):,}.00"),
        "invalid_number": lambda r: r.update(welfare_budget_allocated="ไม่ระบุ"),
        "unknown_area": lambda r: r.update(subdistrict_code="609999"),
        "invalid_fiscal_year": lambda r: r.update(fiscal_year="2067"),
        "duplicate_key": None,
    })
    return f


def _headers(f: SourceFile) -> list[str]:
    return [c.header_th for c in f.contract.columns]


def _values(f: SourceFile) -> list[list[str]]:
    return [[r[c.name] for c in f.contract.columns] for r in f.rows]


def write_csv(f: SourceFile, path: Path, encoding: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(_headers(f))
    writer.writerows(_values(f))
    path.write_bytes(buf.getvalue().encode(encoding))


def write_xlsx(f: SourceFile, path: Path, title: str) -> None:
    """A title row, a date line, then a two-row header whose upper row groups columns."""
    groups = {"org_id": "ข้อมูลองค์กร", "org_name": "ข้อมูลองค์กร", "org_type": "ข้อมูลองค์กร",
              "certification_status": "การรับรอง", "certified_on": "การรับรอง"}
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": DEMO_TIME, "title": title})
    ws = wb.add_worksheet("ทะเบียน")
    bold = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    cols = f.contract.columns
    ws.merge_range(0, 0, 0, len(cols) - 1, title, bold)
    ws.write(1, 0, "ข้อมูล ณ วันที่ 30 กันยายน 2568 (ข้อมูลสาธิต)")
    i = 0
    while i < len(cols):
        group = groups.get(cols[i].name)
        if group is None:
            ws.merge_range(3, i, 4, i, cols[i].header_th, bold)
            i += 1
            continue
        span = 1
        while i + span < len(cols) and groups.get(cols[i + span].name) == group:
            span += 1
        ws.merge_range(3, i, 3, i + span - 1, group, bold)
        for j in range(i, i + span):
            ws.write(4, j, cols[j].header_th, bold)
        i += span
    for r, row in enumerate(f.rows, start=5):
        for c, col in enumerate(cols):
            value = row[col.name]
            if isinstance(value, date):
                ws.write_datetime(r, c, datetime(value.year, value.month, value.day), dates)
            else:
                ws.write_string(r, c, value)
    wb.close()


def generate(out_dir: Path, provinces: list[str], seed: int = 2567, scale: float = 1.0,
             fault_rate: float = 0.01) -> dict:
    """Write every demo source for ``provinces`` under ``out_dir``; return the manifest."""
    rng = random.Random(seed)
    areas = Areas(provinces)
    label = "all" if len(provinces) == 77 else "-".join(provinces)
    files = {
        f"welfare_registry/welfare_registry_{label}.csv":
            (welfare_registry(rng, areas.subdistricts, scale, fault_rate, areas.abolished), "cp874"),
        f"welfare_orgs/welfare_orgs_{label}.xlsx": (welfare_orgs(rng, areas.subdistricts, scale, fault_rate), None),
        f"lao_budgets/lao_budgets_{label}.csv": (lao_budgets(rng, areas.subdistricts, fault_rate), "utf-8-sig"),
    }
    manifest = {"seed": seed, "provinces": provinces, "scale": scale, "fault_rate": fault_rate, "files": {}}
    for name, (f, encoding) in files.items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".csv":
            write_csv(f, path, encoding)
            first_row = 2
        else:
            write_xlsx(f, path, f"{f.contract.title_th} (ข้อมูลสาธิต)")
            first_row = 6
        manifest["files"][name] = {
            "source": f.contract.source, "rows": len(f.rows),
            "faults": [{"row": first_row + i, "reason": reason} for i, reason in sorted(f.faults.items())],
        }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return manifest
