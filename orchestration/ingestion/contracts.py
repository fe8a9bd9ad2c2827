"""Source contracts: the one place that says what each welfare source looks like.

A contract maps each Thai header to a column name and says its type, whether it is required,
its code list and whether it is personal data. Parsing, validation, pseudonymisation and the
published data dictionary are all driven from here.
"""

from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal["text", "integer", "decimal", "date", "citizen_id", "subdistrict", "fiscal_year"]
# What ingestion does with a personal column: replace by a keyed hash, drop it once used,
# or reduce a birth date to an age at the end of the record's fiscal year.
Personal = Literal["pseudonymise", "drop", "age"] | None


@dataclass(frozen=True)
class Column:
    name: str
    header_th: str
    type: ColumnType = "text"
    required: bool = False
    codes: tuple[str, ...] = ()
    personal: Personal = None
    non_negative: bool = False
    not_future: bool = False
    description_en: str = ""


@dataclass(frozen=True)
class Contract:
    source: str
    title_th: str
    title_en: str
    formats: tuple[str, ...]
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # Column holding the date that places a row in a fiscal year, used for ages.
    reference_date: str | None = None
    # Checks across columns: (reason code, SQL condition true for a bad row, column to blame).
    row_rules: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def headers(self) -> dict[str, str]:
        return {c.header_th: c.name for c in self.columns}


TARGET_GROUPS = ("ผู้สูงอายุ", "คนพิการ", "เด็กและเยาวชน", "ผู้มีบัตรสวัสดิการแห่งรัฐ", "คนไร้ที่พึ่ง", "สตรีในภาวะยากลำบาก")
SEXES = ("ชาย", "หญิง")
ORG_TYPES = ("มูลนิธิ", "สมาคม", "องค์กรภาคเอกชน", "องค์กรสวัสดิการชุมชน", "ส่วนราชการ", "องค์กรปกครองส่วนท้องถิ่น")
CERTIFICATION_STATUSES = ("รับเรื่อง", "อนุกรรมการรับรอง", "ส่งใบสำคัญ", "ประกาศราชกิจจานุเบกษา", "ไม่รับรอง")
LAO_TYPES = ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.")

WELFARE_REGISTRY = Contract(
    source="welfare_registry",
    title_th="ทะเบียนกลุ่มเป้าหมายการจัดสวัสดิการสังคม",
    title_en="Register of welfare target-group members",
    formats=("csv",),
    columns=(
        Column("citizen_id", "เลขประจำตัวประชาชน", "citizen_id", required=True, personal="pseudonymise",
               description_en="Citizen ID, replaced at ingestion by a keyed hash"),
        Column("first_name", "ชื่อ", personal="drop"),
        Column("last_name", "นามสกุล", personal="drop"),
        Column("birth_date", "วันเกิด", "date", required=True, personal="age", not_future=True),
        Column("sex", "เพศ", codes=SEXES, required=True),
        Column("target_group", "กลุ่มเป้าหมาย", codes=TARGET_GROUPS, required=True),
        Column("address", "ที่อยู่", personal="drop"),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("registered_on", "วันที่ลงทะเบียน", "date", required=True, not_future=True),
        Column("updated_on", "วันที่ปรับปรุงข้อมูล", "date", not_future=True),
        Column("benefit", "สวัสดิการที่ได้รับ"),
    ),
    primary_key=("citizen_id", "target_group"),
    reference_date="registered_on",
    row_rules=(("birth_after_registration", "birth_date > registered_on", "birth_date"),),
)

WELFARE_ORGS = Contract(
    source="welfare_orgs",
    title_th="ทะเบียนองค์การสวัสดิการสังคม",
    title_en="Register of social welfare organisations",
    formats=("xlsx",),
    columns=(
        Column("org_id", "เลขทะเบียน", required=True),
        Column("org_name", "ชื่อองค์กร", required=True),
        Column("org_type", "ประเภทองค์กร", codes=ORG_TYPES, required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("certification_status", "สถานะการรับรอง", codes=CERTIFICATION_STATUSES, required=True),
        Column("certified_on", "วันที่รับรอง", "date", not_future=True),
        Column("target_groups", "กลุ่มเป้าหมายที่ให้บริการ"),
    ),
    primary_key=("org_id",),
)

LAO_BUDGETS = Contract(
    source="lao_budgets",
    title_th="งบประมาณด้านสวัสดิการสังคมขององค์กรปกครองส่วนท้องถิ่น",
    title_en="Welfare budgets of local administrative organisations",
    formats=("csv",),
    columns=(
        Column("lao_code", "รหัส อปท.", required=True),
        Column("lao_name", "ชื่อ อปท.", required=True),
        Column("lao_type", "ประเภท อปท.", codes=LAO_TYPES, required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("fiscal_year", "ปีงบประมาณ", "fiscal_year", required=True),
        Column("welfare_budget_allocated", "งบประมาณสวัสดิการที่จัดสรร (บาท)", "decimal",
               required=True, non_negative=True),
        Column("welfare_budget_spent", "งบประมาณสวัสดิการที่ใช้จ่าย (บาท)", "decimal",
               required=True, non_negative=True),
        Column("community_fund_contribution", "เงินสมทบกองทุนสวัสดิการชุมชน (บาท)", "decimal",
               non_negative=True),
    ),
    primary_key=("lao_code", "fiscal_year"),
)

CONTRACTS: dict[str, Contract] = {c.source: c for c in (WELFARE_REGISTRY, WELFARE_ORGS, LAO_BUDGETS)}
