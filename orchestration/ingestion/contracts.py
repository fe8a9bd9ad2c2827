"""Source contracts: the one place that says what each welfare source looks like.

A contract maps each Thai header to a column name and says its type, whether it is required,
its code list and whether it is personal data. Parsing, validation, pseudonymisation and the
published data dictionary are all driven from here.
"""

from dataclasses import dataclass, field
from typing import Literal

import pyarrow as pa

# A "subdistrict" value is a 6-digit DOPA code or Thai address text ("ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์").
ColumnType = Literal["text", "integer", "decimal", "date", "citizen_id", "subdistrict", "fiscal_year"]
# What ingestion does with a personal column: replace by a keyed hash, drop it once used,
# reduce a birth date to an age at the end of the record's fiscal year, or keep only the
# subdistrict that address text resolves to (a house number identifies a household).
Personal = Literal["pseudonymise", "drop", "age", "locate"] | None


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
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # Column holding the date that places a row in a fiscal year, used for ages.
    reference_date: str | None = None
    # Checks across columns: (reason code, SQL condition true for a bad row, column to blame).
    row_rules: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    # What a new file does: "append" its rows (periodic exports) or "replace" every earlier
    # file (full snapshots of a register: only the newest file by name is loaded).
    on_new_file: Literal["append", "replace"] = "append"
    # Each row is a person: counts of its rows are counts of people, published under
    # disclosure control only.
    rows_are_people: bool = False

    @property
    def headers(self) -> dict[str, str]:
        return {c.header_th: c.name for c in self.columns}


TARGET_GROUPS = ("ผู้สูงอายุ", "คนพิการ", "เด็กและเยาวชน", "ผู้มีบัตรสวัสดิการแห่งรัฐ", "คนไร้ที่พึ่ง", "สตรีในภาวะยากลำบาก")
SEXES = ("ชาย", "หญิง")
ORG_TYPES = ("มูลนิธิ", "สมาคม", "องค์กรภาคเอกชน", "องค์กรสวัสดิการชุมชน", "ส่วนราชการ", "องค์กรปกครองส่วนท้องถิ่น")
CERTIFICATION_STATUSES = ("รับเรื่อง", "อนุกรรมการรับรอง", "ส่งใบสำคัญ", "ประกาศราชกิจจานุเบกษา", "ไม่รับรอง")
LAO_TYPES = ("อบจ.", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อบต.")
# The register is a stock: people leave it.
EXIT_REASONS = ("เสียชีวิต", "ย้ายออกนอกพื้นที่", "ขาดคุณสมบัติ", "ขอยกเลิก")

WELFARE_REGISTRY = Contract(
    source="welfare_registry",
    title_th="ทะเบียนกลุ่มเป้าหมายการจัดสวัสดิการสังคม",
    title_en="Register of welfare target-group members",
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
        Column("exited_on", "วันที่พ้นจากทะเบียน", "date", not_future=True),
        Column("exit_reason", "เหตุที่พ้นจากทะเบียน", codes=EXIT_REASONS),
    ),
    primary_key=("citizen_id", "target_group"),
    reference_date="registered_on",
    rows_are_people=True,
    row_rules=(("birth_after_registration", "birth_date > registered_on", "birth_date"),
               ("exit_before_registration", "exited_on < registered_on", "exited_on"),
               ("incomplete_exit", "(exited_on IS NULL) <> (exit_reason IS NULL)", "exit_reason")),
)

WELFARE_ORGS = Contract(
    source="welfare_orgs",
    title_th="ทะเบียนองค์การสวัสดิการสังคม",
    title_en="Register of social welfare organisations",
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
    on_new_file="replace",
)

LAO_BUDGETS = Contract(
    source="lao_budgets",
    title_th="งบประมาณด้านสวัสดิการสังคมขององค์กรปกครองส่วนท้องถิ่น",
    title_en="Welfare budgets of local administrative organisations",
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

POPULATION = Contract(
    source="population",
    title_th="จำนวนประชากรจากการทะเบียนราษฎร รายตำบล",
    title_en="Registered population by subdistrict, sex and year (DOPA)",
    columns=(
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("year", "ปี พ.ศ.", "fiscal_year", required=True, description_en="Population as of 31 December"),
        Column("sex", "เพศ", codes=SEXES, required=True),
        Column("population", "จำนวนประชากร", "integer", required=True, non_negative=True),
    ),
    primary_key=("subdistrict_code", "year", "sex"),
)

VOLUNTEER_STATUSES = ("ปฏิบัติงาน", "พ้นสภาพ")
VOLUNTEERS = Contract(
    source="volunteers",
    title_th="ทะเบียนอาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์ (อพม.)",
    title_en="Social development and human security volunteers",
    columns=(
        Column("citizen_id", "เลขประจำตัวประชาชน", "citizen_id", required=True, personal="pseudonymise"),
        Column("first_name", "ชื่อ", personal="drop"),
        Column("last_name", "นามสกุล", personal="drop"),
        Column("birth_date", "วันเกิด", "date", required=True, personal="age", not_future=True),
        Column("sex", "เพศ", codes=SEXES, required=True),
        Column("subdistrict_code", "ที่อยู่ (ตำบล อำเภอ จังหวัด)", "subdistrict", required=True, personal="locate"),
        Column("joined_on", "วันที่เป็นอาสาสมัคร", "date", required=True, not_future=True),
        Column("status", "สถานะ", codes=VOLUNTEER_STATUSES, required=True),
        Column("left_on", "วันที่พ้นสภาพ", "date", not_future=True),
        Column("trainings", "จำนวนหลักสูตรที่ผ่านการอบรม", "integer", non_negative=True),
    ),
    primary_key=("citizen_id",),
    reference_date="joined_on",
    on_new_file="replace",
    rows_are_people=True,
)

SECTORS = ("ภาครัฐ", "ภาคเอกชน", "ภาควิชาการ", "ภาคประชาสังคม", "ภาคชุมชน", "ภาคศาสนา", "ภาคสื่อมวลชน")
PASS_FAIL = ("ผ่าน", "ไม่ผ่าน")
NETWORK_PARTNERS = Contract(
    source="network_partners",
    title_th="ภาคีเครือข่ายการจัดสวัสดิการสังคมและผลการประเมินคุณภาพ",
    title_en="Welfare network partners and their quality assessments",
    columns=(
        Column("partner_id", "รหัสภาคี", required=True),
        Column("partner_name", "ชื่อภาคีเครือข่าย", required=True),
        Column("sector", "ภาคส่วน", codes=SECTORS, required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("joined_on", "วันที่เข้าร่วม", "date", required=True, not_future=True),
        Column("contact_person", "ผู้ประสานงาน", personal="drop"),
        Column("fiscal_year", "ปีงบประมาณที่ประเมิน", "fiscal_year", required=True),
        Column("quality_result", "ผลการประเมินคุณภาพ", codes=PASS_FAIL, required=True),
    ),
    primary_key=("partner_id", "fiscal_year"),
)

FUNDING_SOURCES = ("งบประมาณแผ่นดิน", "งบประมาณ อปท.", "กองทุนส่งเสริมการจัดสวัสดิการสังคม", "ภาคเอกชน", "เงินบริจาค")
YES_NO = ("ใช่", "ไม่ใช่")
PROJECTS = Contract(
    source="projects",
    title_th="โครงการ/กิจกรรมด้านการจัดสวัสดิการสังคม",
    title_en="Social welfare projects and activities",
    columns=(
        Column("project_id", "รหัสโครงการ", required=True),
        Column("project_name", "ชื่อโครงการ", required=True),
        Column("owner", "หน่วยงานเจ้าของโครงการ", required=True),
        Column("sector", "ภาคส่วน", codes=SECTORS, required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("fiscal_year", "ปีงบประมาณ", "fiscal_year", required=True),
        Column("budget", "งบประมาณ (บาท)", "decimal", required=True, non_negative=True),
        Column("funding_source", "แหล่งงบประมาณ", codes=FUNDING_SOURCES, required=True),
        Column("target_group", "กลุ่มเป้าหมาย", codes=TARGET_GROUPS, required=True),
        Column("sufficiency_economy", "น้อมนำหลักปรัชญาของเศรษฐกิจพอเพียง", codes=YES_NO, required=True),
        Column("beneficiaries", "จำนวนผู้รับประโยชน์ (คน)", "integer", non_negative=True),
    ),
    primary_key=("project_id",),
)

FUND_STATUSES = ("ยื่นคำขอ", "อนุมัติ", "ไม่อนุมัติ")
FUND_APPLICATIONS = Contract(
    source="fund_applications",
    title_th="คำขอรับการสนับสนุนจากกองทุนส่งเสริมการจัดสวัสดิการสังคม",
    title_en="Proposals to the social welfare promotion fund",
    columns=(
        Column("application_id", "เลขที่คำขอ", required=True),
        Column("org_id", "เลขทะเบียนองค์กร", required=True),
        Column("org_name", "ชื่อองค์กร", required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("fiscal_year", "ปีงบประมาณ", "fiscal_year", required=True),
        Column("submitted_on", "วันที่ยื่นคำขอ", "date", required=True, not_future=True),
        Column("amount_requested", "วงเงินที่ขอ (บาท)", "decimal", required=True, non_negative=True),
        Column("amount_approved", "วงเงินที่อนุมัติ (บาท)", "decimal", non_negative=True),
        Column("status", "สถานะ", codes=FUND_STATUSES, required=True),
    ),
    primary_key=("application_id",),
)

SUFFICIENCY_LEVELS = ("พออยู่พอกิน", "อยู่ดีกินดี", "มั่งมีศรีสุข", "ยังไม่ผ่านเกณฑ์")
SUFFICIENCY_VILLAGES = Contract(
    source="sufficiency_villages",
    title_th="ผลการประเมินหมู่บ้านเศรษฐกิจพอเพียง (กรมการพัฒนาชุมชน)",
    title_en="Sufficiency-economy village assessments (Community Development Department)",
    columns=(
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("village_no", "หมู่ที่", "integer", required=True, non_negative=True),
        Column("village_name", "ชื่อหมู่บ้าน", required=True),
        Column("fiscal_year", "ปีงบประมาณ", "fiscal_year", required=True),
        Column("level", "ระดับ", codes=SUFFICIENCY_LEVELS, required=True),
    ),
    primary_key=("subdistrict_code", "village_no", "fiscal_year"),
)

CAPACITY_TRAININGS = Contract(
    source="capacity_trainings",
    title_th="การพัฒนาศักยภาพองค์กรภาคีเครือข่าย",
    title_en="Capacity building of partner organisations",
    columns=(
        Column("training_id", "รหัสการอบรม", required=True),
        Column("partner_id", "รหัสภาคี", required=True),
        Column("course", "หลักสูตร", required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("trained_on", "วันที่อบรม", "date", required=True, not_future=True),
        Column("result", "ผลการอบรม", codes=PASS_FAIL, required=True),
    ),
    primary_key=("training_id",),
)

MEDIA_FIELDS = ("เด็กและเยาวชน", "สตรีและครอบครัว", "ผู้สูงอายุ", "คนพิการ", "ชุมชนและสังคม")
MEDIA_DECISIONS = ("ผ่านการพิจารณา", "ไม่ผ่านการพิจารณา")
CREATIVE_MEDIA = Contract(
    source="creative_media",
    title_th="สื่อสร้างสรรค์ด้านสังคมและผลการพิจารณาของคณะกรรมการ",
    title_en="Creative social media pieces and the committee's decisions",
    columns=(
        Column("media_id", "รหัสผลงาน", required=True),
        Column("title", "ชื่อผลงาน", required=True),
        Column("field", "ด้าน", codes=MEDIA_FIELDS, required=True),
        Column("subdistrict_code", "รหัสตำบลผู้ผลิต", "subdistrict", required=True),
        Column("reviewed_on", "วันที่พิจารณา", "date", required=True, not_future=True),
        Column("decision", "ผลการพิจารณา", codes=MEDIA_DECISIONS, required=True),
    ),
    primary_key=("media_id",),
)

UPGRADE_STATUSES = ("ยังไม่ยกระดับ", "อยู่ระหว่างยกระดับ", "ยกระดับแล้ว")
LOCAL_DATABASES = Contract(
    source="local_databases",
    title_th="ฐานข้อมูลระดับชุมชนและท้องถิ่น",
    title_en="Community and local databases",
    columns=(
        Column("database_id", "รหัสฐานข้อมูล", required=True),
        Column("database_name", "ชื่อฐานข้อมูล", required=True),
        Column("keeper", "หน่วยงานที่ดูแล", required=True),
        Column("subdistrict_code", "รหัสตำบล", "subdistrict", required=True),
        Column("updated_on", "วันที่ปรับปรุงล่าสุด", "date", required=True, not_future=True),
        Column("records", "จำนวนระเบียน", "integer", required=True, non_negative=True),
        Column("upgrade_status", "สถานะการยกระดับ", codes=UPGRADE_STATUSES, required=True),
    ),
    primary_key=("database_id",),
    on_new_file="replace",
)

PROBLEMS = ("ยากจน", "ไร้ที่พึ่ง", "ประสบภัยพิบัติ", "เจ็บป่วย", "ถูกทอดทิ้ง", "ความรุนแรงในครอบครัว")
ASSISTANCE = ("เงินสงเคราะห์", "สิ่งของ", "ส่งต่อหน่วยบริการ", "ที่พักชั่วคราว", "ฝึกอาชีพ")
SOCIAL_ASSISTANCE = Contract(
    source="social_assistance",
    title_th="การให้ความช่วยเหลือผู้ประสบปัญหาทางสังคม",
    title_en="Social assistance cases for people in hardship",
    columns=(
        Column("case_id", "เลขที่เรื่อง", required=True),
        Column("citizen_id", "เลขประจำตัวประชาชน", "citizen_id", required=True, personal="pseudonymise"),
        Column("subdistrict_code", "ที่อยู่ (ตำบล อำเภอ จังหวัด)", "subdistrict", required=True, personal="locate"),
        Column("received_on", "วันที่รับเรื่อง", "date", required=True, not_future=True),
        Column("problem", "ประเภทปัญหา", codes=PROBLEMS, required=True),
        Column("assistance", "ความช่วยเหลือที่ได้รับ", codes=ASSISTANCE, required=True),
        Column("amount", "จำนวนเงิน (บาท)", "decimal", non_negative=True),
    ),
    primary_key=("case_id",),
    rows_are_people=True,
)

CONTRACTS: dict[str, Contract] = {c.source: c for c in (
    WELFARE_REGISTRY, POPULATION, WELFARE_ORGS, VOLUNTEERS, NETWORK_PARTNERS, PROJECTS, LAO_BUDGETS,
    FUND_APPLICATIONS, SUFFICIENCY_VILLAGES, CAPACITY_TRAININGS, CREATIVE_MEDIA, LOCAL_DATABASES,
    SOCIAL_ASSISTANCE,
)}


PERSONAL_HANDLING = {"pseudonymise": "replaced by person_key, a keyed hash", "drop": "dropped at ingestion",
                     "age": "reduced to age_at_fy_end", "locate": "address text reduced to its subdistrict code",
                     None: ""}


def data_dictionary() -> pa.Table:
    """Every source column as the contracts define it: the published data dictionary."""
    rows = [{
        "source": k.source, "source_title_th": k.title_th, "source_title_en": k.title_en,
        "on_new_file": k.on_new_file, "rows_are_people": k.rows_are_people, "column_name": c.name, "header_th": c.header_th, "type": c.type,
        "required": c.required, "in_primary_key": c.name in k.primary_key, "code_list": " | ".join(c.codes),
        "personal_data": PERSONAL_HANDLING[c.personal], "description_en": c.description_en,
    } for k in CONTRACTS.values() for c in k.columns]
    return pa.Table.from_pylist(rows)
