"""Fictitious rows for each welfare source, sized from each subdistrict's population, and how
each source is exported.

Every writer takes the shared ``World`` (the random generator, areas, population, and the people,
organisations and partners other sources refer to) and returns rows of text keyed by column.
``@writer`` records how the source is exported; writers run in the order they are declared here
(later sources refer to what earlier ones made), so a new source is declared last.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import geothai

from orchestration.demo.formats import format_amount, format_date, random_date
from orchestration.metadata import codes, thai

FISCAL_YEARS = thai.REPORTING_YEARS
FIRST_DAY, LAST_DAY = thai.fiscal_year_starts(FISCAL_YEARS[0]), thai.fiscal_year_ends(FISCAL_YEARS[-1])
PEOPLE_PER_SUBDISTRICT = 8150  # Nakhon Sawan: about 1.06 million people in 130 subdistricts
FIRST_NAMES = [
    "สมชาย",
    "สมหญิง",
    "ประยูร",
    "บุญมี",
    "มาลี",
    "สมศักดิ์",
    "วันดี",
    "สุนทร",
    "อำไพ",
    "ทองดี",
    "จันทร์เพ็ญ",
    "ประเสริฐ",
    "บุญเรือน",
    "สายสุนีย์",
    "ชูชาติ",
    "ละเอียด",
]
LAST_NAMES = ["ใจดี", "แสงทอง", "บุญมา", "ศรีสุข", "มีสุข", "พันธ์ดี", "ทองคำ", "อินทร์แก้ว", "สุขสวัสดิ์", "วงศ์ไทย"]
BENEFITS = [
    "เบี้ยยังชีพผู้สูงอายุ",
    "เบี้ยความพิการ",
    "เงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด",
    "บัตรสวัสดิการแห่งรัฐ",
    "เงินสงเคราะห์ครอบครัวผู้มีรายได้น้อย",
    "",
]
AGE_RANGE = {"ผู้สูงอายุ": (60, 95), "เด็กและเยาวชน": (0, 24)}


@dataclass
class World:
    """What the sources share: areas, people, organisations, partners."""

    rng: random.Random
    subdistricts: list
    scale: float
    population: dict[str, int] = field(default_factory=dict)
    registered_ids: dict[str, list[str]] = field(default_factory=dict)
    org_ids: list[tuple[str, str, str]] = field(default_factory=list)
    partner_ids: list[tuple[str, str]] = field(default_factory=list)
    # How far a programme has reached an area: a quarter of subdistricts have only just started
    # recruiting volunteers, and a few districts see almost no assistance cases, so small counts
    # of people (and their disclosure control) occur at every scale.
    volunteer_reach: dict[str, float] = field(default_factory=dict)
    assistance_reach: dict[str, float] = field(default_factory=dict)
    # Rows of each source written for the provinces before this world's (the generator makes
    # one world per province): numbered keys carry on from there, unique in the whole file.
    written: dict[str, int] = field(default_factory=dict)

    def __post_init__(self):
        self.population = {
            s.code: round(PEOPLE_PER_SUBDISTRICT * self.rng.uniform(0.6, 1.4)) for s in self.subdistricts
        }
        self.volunteer_reach = {
            s.code: self.rng.uniform(0.01, 0.12) if self.rng.random() < 0.25 else self.rng.uniform(0.6, 1.4)
            for s in self.subdistricts
        }
        self.assistance_reach = {
            d: 0.004 if self.rng.random() < 0.1 else self.rng.uniform(0.7, 1.3)
            for d in sorted({s.district_code for s in self.subdistricts})
        }

    def serial(self, source: str, rows: list) -> int:
        """The number of the next row of ``source``, counting the provinces written before."""
        return self.written.get(source, 0) + len(rows) + 1

    def count(self, expected: float) -> int:
        """``expected × scale`` rounded at random, so that rare things still happen at small scale."""
        x = expected * self.scale
        return int(x) + (self.rng.random() < x - int(x))


@dataclass(frozen=True)
class Spec:
    """How a source is exported: its rows, file format and quirks."""

    rows: Callable[[World], list[dict]]
    format: str  # "cp874", "utf-8-sig" (CSV), "xlsx" or "json"
    groups: dict[str, str] = field(default_factory=dict)  # XLSX: column → merged group header
    extra_faults: dict = field(default_factory=dict)  # faults beyond those read off the registry
    extra_column: str | None = None  # an export with a column the registry does not know
    truncated: bool = False  # a transfer cut short in its last row


WRITERS: dict[str, Spec] = {}


def writer(source: str, format: str, **quirks):
    """Declare the function below as the demo writer of ``source``."""

    def register(rows: Callable[[World], list[dict]]):
        WRITERS[source] = Spec(rows, format, **quirks)
        return rows

    return register


def citizen_id(rng: random.Random) -> str:
    first_twelve = "".join(map(str, [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]))
    return first_twelve + str(thai.check_digit(first_twelve))


def address_text(code: str, rng: random.Random) -> str:
    a = geothai.address(code)
    district = "เมือง" if a.district.name_th.startswith("เมือง") and rng.random() < 0.5 else a.district.name_th
    return (
        f"{rng.randint(1, 299)} หมู่ {rng.randint(1, 15)} ต.{a.subdistrict.name_th} อ.{district} จ.{a.province.name_th}"
    )


def area_or_address(code: str, rng: random.Random) -> str:
    """Systems that never stored codes write the address the way a clerk types it."""
    return code if rng.random() < 0.3 else address_text(code, rng)


def date_cell(d: date | None, rng: random.Random):
    """For XLSX: a real date cell sometimes, typed Thai text otherwise."""
    if d is None:
        return ""
    return d if rng.random() < 0.3 else format_date(d, rng)


@writer(
    "welfare_registry",
    "cp874",
    extra_faults={
        "birth_after_registration": lambda r: (
            r.update(birth_date="1/1/2569", registered_on="1/1/2567"),
            "birth_after_registration",
        )[1],
        "exit_before_registration": lambda r: (
            r.update(registered_on="1/1/2567", exited_on="1/1/2566", exit_reason="ย้ายออกนอกพื้นที่"),
            "exit_before_registration",
        )[1],
    },
)
def welfare_registry(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        ids = w.registered_ids.setdefault(s.code, [])
        for _ in range(w.count(w.population[s.code] * 0.28)):
            group = rng.choices(codes.TARGET_GROUP.values, weights=[45, 10, 15, 25, 2, 3])[0]
            registered = random_date(rng, FIRST_DAY, LAST_DAY)
            low, high = AGE_RANGE.get(group, (18, 80))
            birth = registered - timedelta(days=rng.randint(low * 365 + 1, high * 365 + 200))
            person = citizen_id(rng)
            ids.append(person)
            # People leave the register: about one in eight within the years the demo covers.
            exited = random_date(rng, registered, LAST_DAY) if rng.random() < 0.12 else None
            rows.append(
                {
                    "citizen_id": person,
                    "first_name": rng.choice(FIRST_NAMES),
                    "last_name": rng.choice(LAST_NAMES),
                    "birth_date": format_date(birth, rng),
                    "sex": rng.choice(codes.SEX.values),
                    "target_group": group,
                    "address": address_text(s.code, rng),
                    "subdistrict_code": s.code,
                    "registered_on": format_date(registered, rng),
                    "updated_on": format_date(random_date(rng, registered, LAST_DAY), rng)
                    if rng.random() < 0.8
                    else "",
                    "benefit": rng.choice(BENEFITS),
                    "exited_on": format_date(exited, rng) if exited else "",
                    "exit_reason": rng.choice(codes.EXIT_REASON.values) if exited else "",
                }
            )
    return rows


@writer("population", "json")
def population(w: World) -> list[dict]:
    rows = []
    for s in w.subdistricts:
        for year in FISCAL_YEARS:
            total = w.population[s.code] * (1 + 0.002 * (FISCAL_YEARS[-1] - year)) * w.scale
            for sex, share in (("ชาย", 0.485), ("หญิง", 0.515)):
                rows.append(
                    {
                        "subdistrict_code": s.code,
                        "year": str(year),
                        "sex": sex,
                        "population": f"{round(total * share):,}",
                    }
                )
    return rows


@writer(
    "welfare_orgs",
    "xlsx",
    groups={
        "org_id": "ข้อมูลองค์กร",
        "org_name": "ข้อมูลองค์กร",
        "org_type": "ข้อมูลองค์กร",
        "certification_status": "การรับรอง",
        "certified_on": "การรับรอง",
    },
)
def welfare_orgs(w: World) -> list[dict]:
    rng, rows = w.rng, []
    kinds = [
        ("มูลนิธิ", "มูลนิธิเพื่อ"),
        ("สมาคม", "สมาคม"),
        ("องค์กรภาคเอกชน", "ชมรม"),
        ("องค์กรสวัสดิการชุมชน", "องค์กรสวัสดิการชุมชนตำบล"),
        ("ส่วนราชการ", "ศูนย์"),
        ("องค์กรปกครองส่วนท้องถิ่น", "องค์การบริหารส่วนตำบล"),
    ]
    for s in w.subdistricts:
        for _ in range(max(1, w.count(3 * rng.uniform(0.3, 1.7)))):
            org_type, prefix = rng.choices(kinds, weights=[15, 10, 10, 40, 10, 15])[0]
            status = rng.choices(codes.CERTIFICATION_STATUS.values, weights=[10, 10, 15, 55, 10])[0]
            certified = None if status in ("รับเรื่อง", "ไม่รับรอง") else random_date(rng, date(2012, 1, 1), LAST_DAY)
            org_id = f"{s.code[:2]}-{len(rows) + 1:05d}"
            name = f"{prefix}{s.name_th} {len(rows) + 1}"
            w.org_ids.append((org_id, name, s.code))
            rows.append(
                {
                    "org_id": org_id,
                    "org_name": name,
                    "org_type": org_type,
                    "subdistrict_code": s.code,
                    "certification_status": status,
                    "certified_on": date_cell(certified, rng),
                    "target_groups": ", ".join(
                        rng.sample(["เด็ก", "เยาวชน", "สตรี", "ผู้สูงอายุ", "คนพิการ", "ผู้ด้อยโอกาส"], 2)
                    ),
                }
            )
    return rows


@writer(
    "volunteers",
    "xlsx",
    groups={
        "first_name": "ชื่อ - นามสกุล",
        "last_name": "ชื่อ - นามสกุล",
        "joined_on": "การปฏิบัติงาน",
        "volunteer_status": "การปฏิบัติงาน",
        "left_on": "การปฏิบัติงาน",
    },
)
def volunteers(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for _ in range(w.count(w.population[s.code] * 0.004 * w.volunteer_reach[s.code])):
            joined = random_date(rng, date(2012, 1, 1), LAST_DAY)
            left = random_date(rng, joined, LAST_DAY) if rng.random() < 0.15 else None
            birth = joined - timedelta(days=rng.randint(25 * 365, 65 * 365))
            rows.append(
                {
                    "citizen_id": citizen_id(rng),
                    "first_name": rng.choice(FIRST_NAMES),
                    "last_name": rng.choice(LAST_NAMES),
                    "birth_date": date_cell(birth, rng),
                    "sex": rng.choice(codes.SEX.values),
                    "subdistrict_code": area_or_address(s.code, rng),
                    "joined_on": date_cell(joined, rng),
                    "volunteer_status": "พ้นสภาพ" if left else "ปฏิบัติงาน",
                    "left_on": date_cell(left, rng),
                    "trainings": str(rng.randint(0, 6)),
                }
            )
    return rows


@writer("network_partners", "utf-8-sig", extra_column="หมายเหตุ")
def network_partners(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for _ in range(w.count(2)):
            partner_id = f"P{s.code}{len(w.partner_ids) + 1:05d}"
            sector = rng.choices(codes.SECTOR.values, weights=[20, 15, 5, 20, 30, 7, 3])[0]
            w.partner_ids.append((partner_id, s.code))
            joined = random_date(rng, date(2015, 1, 1), LAST_DAY)
            quality = rng.uniform(0.3, 0.9)
            for fy in FISCAL_YEARS:
                if fy >= thai.fiscal_year_of(joined):
                    rows.append(
                        {
                            "partner_id": partner_id,
                            "partner_name": f"เครือข่าย{sector}ตำบล{s.name_th}",
                            "sector": sector,
                            "subdistrict_code": s.code,
                            "joined_on": format_date(joined, rng),
                            "contact_person": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                            "fiscal_year": str(fy),
                            "quality_result": "ผ่าน" if rng.random() < quality else "ไม่ผ่าน",
                        }
                    )
    return rows


@writer("projects", "json")
def projects(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for i, fy in enumerate(FISCAL_YEARS):
            for _ in range(w.count(2 + 0.2 * i)):
                sector = rng.choices(codes.SECTOR.values, weights=[35, 10, 5, 15, 30, 3, 2])[0]
                group = rng.choice(codes.TARGET_GROUP.values)
                rows.append(
                    {
                        "project_id": f"PRJ{fy}-{w.serial('projects', rows):06d}",
                        "project_name": f"โครงการส่งเสริมคุณภาพชีวิต{group}",
                        "owner": f"{sector}ตำบล{s.name_th}",
                        "sector": sector,
                        "subdistrict_code": s.code,
                        "fiscal_year": str(fy),
                        "budget": format_amount(rng.uniform(5_000, 500_000), rng),
                        "funding_source": rng.choice(codes.FUNDING_SOURCE.values),
                        "target_group": group,
                        "sufficiency_economy": "ใช่" if rng.random() < 0.25 + 0.03 * i else "ไม่ใช่",
                        "beneficiaries": str(rng.randint(10, 500)),
                    }
                )
    return rows


LAO_KINDS = {"อบจ.": (1, 8e6, 20e6), "เทศบาลนคร": (2, 3e6, 8e6), "เทศบาลตำบล": (4, 2e5, 1e6), "อบต.": (5, 1e5, 8e5)}


def _laos(subdistricts) -> list[tuple[str, str, str, str]]:
    """(DLA code, name, type, subdistrict) — demo codes: type digit + subdistrict code."""
    laos, provinces = [], set()
    for s in subdistricts:
        if s.province_code not in provinces:
            provinces.add(s.province_code)
            laos.append(("อบจ.", s, f"องค์การบริหารส่วนจังหวัด{geothai.province(s.province_code).name_th}"))
        if s.code.endswith("01") and s.district_code.endswith("01"):
            laos.append(("เทศบาลนคร", s, f"เทศบาลนคร{s.name_th}"))
        elif s.code.endswith("01"):
            laos.append(("เทศบาลตำบล", s, f"เทศบาลตำบล{s.name_th}"))
        laos.append(("อบต.", s, f"องค์การบริหารส่วนตำบล{s.name_th}"))
    return [(f"{LAO_KINDS[t][0]}{s.code}", name, t, s.code) for t, s, name in laos]


@writer("lao_budgets", "utf-8-sig")
def lao_budgets(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for code, name, kind, sub in _laos(w.subdistricts):
        base = rng.uniform(*LAO_KINDS[kind][1:])
        start_share = rng.uniform(0.3, 0.9)  # some LAOs start funding welfare only in later years
        for i, fy in enumerate(FISCAL_YEARS):
            funds = kind == "อบจ." or rng.random() < start_share + 0.08 * i
            allocated = round(base * (1 + 0.05 * i) * rng.uniform(0.9, 1.1), 2) if funds else 0.0
            spent = round(allocated * rng.uniform(0.7, 1.0), 2)
            fund = round(allocated * rng.uniform(0, 0.1), 2) if rng.random() < 0.6 else 0.0
            rows.append(
                {
                    "lao_code": code,
                    "lao_name": name,
                    "lao_type": kind,
                    "subdistrict_code": sub,
                    "fiscal_year": str(fy),
                    "welfare_budget_allocated": format_amount(allocated, rng),
                    "welfare_budget_spent": format_amount(spent, rng),
                    "community_fund_contribution": format_amount(fund, rng),
                }
            )
    return rows


@writer("fund_applications", "cp874", truncated=True)
def fund_applications(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for fy in FISCAL_YEARS:
        for org_id, name, sub in w.org_ids:
            if rng.random() < 0.15 * w.scale**0.5:
                requested = rng.uniform(20_000, 300_000)
                status = rng.choices(codes.APPLICATION_STATUS.values, weights=[15, 60, 25])[0]
                start = date(fy - 544, 10, 1)
                rows.append(
                    {
                        "application_id": f"F{fy}-{w.serial('fund_applications', rows):05d}",
                        "org_id": org_id,
                        "org_name": name,
                        "subdistrict_code": sub,
                        "fiscal_year": str(fy),
                        "submitted_on": format_date(random_date(rng, start, start + timedelta(days=200)), rng),
                        "amount_requested": format_amount(requested, rng),
                        "amount_approved": format_amount(requested * rng.uniform(0.5, 1), rng)
                        if status == "อนุมัติ"
                        else "",
                        "application_status": status,
                    }
                )
    return rows


@writer(
    "sufficiency_villages", "xlsx", groups={"subdistrict_code": "หมู่บ้าน", "village_no": "หมู่บ้าน", "village_name": "หมู่บ้าน"}
)
def sufficiency_villages(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for moo in range(1, max(1, w.count(12 * rng.uniform(0.5, 1.5))) + 1):
            level = rng.choices(range(4), weights=[30, 40, 20, 10])[0]
            for fy in FISCAL_YEARS:
                level = min(3, level + (rng.random() < 0.15))  # villages move up over the years
                rows.append(
                    {
                        "subdistrict_code": s.code,
                        "village_no": str(moo),
                        "village_name": f"บ้าน{s.name_th} {moo}",
                        "fiscal_year": str(fy),
                        "sufficiency_level": codes.SUFFICIENCY_LEVEL.values[
                            (3, 0, 1, 2)[level]
                        ],  # from ยังไม่ผ่านเกณฑ์ up to มั่งมีศรีสุข
                    }
                )
    return rows


@writer("capacity_trainings", "utf-8-sig")
def capacity_trainings(w: World) -> list[dict]:
    rng, rows = w.rng, []
    courses = ["การจัดสวัสดิการชุมชน", "การเขียนโครงการ", "การบริหารกองทุน", "การคุ้มครองเด็ก"]
    for partner_id, sub in w.partner_ids:
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            rows.append(
                {
                    "training_id": f"T{w.serial('capacity_trainings', rows):06d}",
                    "partner_id": partner_id,
                    "course": rng.choice(courses),
                    "subdistrict_code": sub,
                    "trained_on": format_date(random_date(rng, FIRST_DAY, LAST_DAY), rng),
                    "training_result": "ผ่าน" if rng.random() < 0.85 else "ไม่ผ่าน",
                }
            )
    return rows


@writer("creative_media", "json")
def creative_media(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for _ in range(w.count(1.2 * w.scale**-0.5)):
            field_ = rng.choice(codes.MEDIA_FIELD.values)
            rows.append(
                {
                    "media_id": f"M{w.serial('creative_media', rows):05d}",
                    "media_title": f"สื่อสร้างสรรค์ด้าน{field_} ตำบล{s.name_th}",
                    "media_field": field_,
                    "subdistrict_code": s.code,
                    "reviewed_on": format_date(random_date(rng, FIRST_DAY, LAST_DAY), rng),
                    "media_decision": rng.choices(codes.MEDIA_DECISION.values, weights=[70, 30])[0],
                }
            )
    return rows


@writer("local_databases", "cp874")
def local_databases(w: World) -> list[dict]:
    rng, rows = w.rng, []
    for s in w.subdistricts:
        for _ in range(max(1, w.count(1.5 * w.scale**-0.5))):
            rows.append(
                {
                    "database_id": f"DB{s.code}{len(rows) + 1:04d}",
                    "database_name": f"ฐานข้อมูลครัวเรือนตำบล{s.name_th}",
                    "keeper": f"องค์การบริหารส่วนตำบล{s.name_th}",
                    "subdistrict_code": s.code,
                    "updated_on": format_date(random_date(rng, date(2020, 1, 1), LAST_DAY), rng),
                    "records": f"{rng.randint(200, 5_000):,}",
                    "upgrade_status": rng.choices(codes.UPGRADE_STATUS.values, weights=[30, 25, 45])[0],
                }
            )
    return rows


@writer("social_assistance", "utf-8-sig")
def social_assistance(w: World) -> list[dict]:
    """Many people helped are already in the welfare register: same citizen ID, same pseudonym."""
    rng, rows = w.rng, []
    for s in w.subdistricts:
        registered = w.registered_ids.get(s.code, [])
        for _ in range(w.count(w.population[s.code] * 0.01 * len(FISCAL_YEARS) * w.assistance_reach[s.district_code])):
            person = rng.choice(registered) if registered and rng.random() < 0.6 else citizen_id(rng)
            assistance = rng.choice(codes.ASSISTANCE.values)
            rows.append(
                {
                    "case_id": f"C{w.serial('social_assistance', rows):07d}",
                    "citizen_id": person,
                    "subdistrict_code": area_or_address(s.code, rng),
                    "received_on": format_date(random_date(rng, FIRST_DAY, LAST_DAY), rng),
                    "problem": rng.choice(codes.PROBLEM.values),
                    "assistance": assistance,
                    "amount": format_amount(rng.choice([1000, 2000, 3000]), rng) if assistance == "เงินสงเคราะห์" else "",
                }
            )
    return rows
