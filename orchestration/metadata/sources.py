"""The welfare sources: for each, the Thai header of every column (the field it holds is
described in fields.py), what is required, its key, how a new file is taken, and which dates
place a record in time. Ingestion parses, validates and pseudonymises by these; the data
dictionary, dbt's source YAML and the GX suites on raw tables are written from them.

Adding a source: an entry here (and in ``SOURCES``), its staging model in ``models.py`` and
``stg_<source>.sql``, a demo writer in ``demo/sources.py``; then ``welfare generate``
(the checklist in docs/architecture.md).
"""

from dataclasses import dataclass, field
from typing import Literal

import pyarrow as pa

from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.fields import Field, FieldType, Personal
from orchestration.metadata.fields import field as field_of


@dataclass(frozen=True)
class Column:
    """A source column as ingestion reads it: its field's description with the source's header."""

    name: str
    header_th: str
    type: FieldType
    required: bool
    codes: tuple[str, ...]
    personal: Personal
    non_negative: bool
    not_future: bool
    field: Field

    @property
    def raw_name(self) -> str | None:
        """Its name in ``raw.<source>`` after ingestion: a pseudonym, an age, itself, or nothing."""
        return {"pseudonymise": "person_key", "age": "age_at_fy_end", "drop": None}.get(self.personal, self.name)


@dataclass(frozen=True)
class Source:
    name: str
    title_th: str
    title_en: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # The columns whose first filled value dates a record (its fiscal year, for timeliness).
    dated_by: tuple[str, ...]
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


_UNSET = object()


def column(name: str, header_th: str, required: bool = False, personal=_UNSET) -> Column:
    """A column holding ``name``'s field; ``personal`` overrides the field's own handling."""
    f = field_of(name)
    return Column(
        name,
        header_th,
        f.type,
        required,
        CODE_LISTS[f.codes].values if f.codes else (),
        f.personal if personal is _UNSET else personal,
        f.non_negative,
        f.not_future,
        f,
    )


WELFARE_REGISTRY = Source(
    name="welfare_registry",
    title_th="ทะเบียนกลุ่มเป้าหมายการจัดสวัสดิการสังคม",
    title_en="Register of welfare target-group members",
    columns=(
        column("citizen_id", "เลขประจำตัวประชาชน", required=True),
        column("first_name", "ชื่อ"),
        column("last_name", "นามสกุล"),
        column("birth_date", "วันเกิด", required=True),
        column("sex", "เพศ", required=True),
        column("target_group", "กลุ่มเป้าหมาย", required=True),
        column("address", "ที่อยู่"),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("registered_on", "วันที่ลงทะเบียน", required=True),
        column("updated_on", "วันที่ปรับปรุงข้อมูล"),
        column("benefit", "สวัสดิการที่ได้รับ"),
        column("exited_on", "วันที่พ้นจากทะเบียน"),
        column("exit_reason", "เหตุที่พ้นจากทะเบียน"),
    ),
    primary_key=("citizen_id", "target_group"),
    dated_by=("updated_on", "registered_on"),
    reference_date="registered_on",
    row_rules=(
        ("birth_after_registration", "birth_date > registered_on", "birth_date"),
        ("exit_before_registration", "exited_on < registered_on", "exited_on"),
        ("incomplete_exit", "(exited_on IS NULL) <> (exit_reason IS NULL)", "exit_reason"),
    ),
    rows_are_people=True,
)

WELFARE_ORGS = Source(
    name="welfare_orgs",
    title_th="ทะเบียนองค์การสวัสดิการสังคม",
    title_en="Register of social welfare organisations",
    columns=(
        column("org_id", "เลขทะเบียน", required=True),
        column("org_name", "ชื่อองค์กร", required=True),
        column("org_type", "ประเภทองค์กร", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("certification_status", "สถานะการรับรอง", required=True),
        column("certified_on", "วันที่รับรอง"),
        column("target_groups", "กลุ่มเป้าหมายที่ให้บริการ"),
    ),
    primary_key=("org_id",),
    dated_by=("certified_on",),
    on_new_file="replace",
)

LAO_BUDGETS = Source(
    name="lao_budgets",
    title_th="งบประมาณด้านสวัสดิการสังคมขององค์กรปกครองส่วนท้องถิ่น",
    title_en="Welfare budgets of local administrative organisations",
    columns=(
        column("lao_code", "รหัส อปท.", required=True),
        column("lao_name", "ชื่อ อปท.", required=True),
        column("lao_type", "ประเภท อปท.", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("fiscal_year", "ปีงบประมาณ", required=True),
        column("welfare_budget_allocated", "งบประมาณสวัสดิการที่จัดสรร (บาท)", required=True),
        column("welfare_budget_spent", "งบประมาณสวัสดิการที่ใช้จ่าย (บาท)", required=True),
        column("community_fund_contribution", "เงินสมทบกองทุนสวัสดิการชุมชน (บาท)"),
    ),
    primary_key=("lao_code", "fiscal_year"),
    dated_by=("fiscal_year",),
)

POPULATION = Source(
    name="population",
    title_th="จำนวนประชากรจากการทะเบียนราษฎร รายตำบล",
    title_en="Registered population by subdistrict, sex and year (DOPA)",
    columns=(
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("year", "ปี พ.ศ.", required=True),
        column("sex", "เพศ", required=True),
        column("population", "จำนวนประชากร", required=True),
    ),
    primary_key=("subdistrict_code", "year", "sex"),
    dated_by=("year",),
)

VOLUNTEERS = Source(
    name="volunteers",
    title_th="ทะเบียนอาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์ (อพม.)",
    title_en="Social development and human security volunteers",
    columns=(
        column("citizen_id", "เลขประจำตัวประชาชน", required=True),
        column("first_name", "ชื่อ"),
        column("last_name", "นามสกุล"),
        column("birth_date", "วันเกิด", required=True),
        column("sex", "เพศ", required=True),
        column("subdistrict_code", "ที่อยู่ (ตำบล อำเภอ จังหวัด)", required=True, personal="locate"),
        column("joined_on", "วันที่เป็นอาสาสมัคร", required=True),
        column("volunteer_status", "สถานะ", required=True),
        column("left_on", "วันที่พ้นสภาพ"),
        column("trainings", "จำนวนหลักสูตรที่ผ่านการอบรม"),
    ),
    primary_key=("citizen_id",),
    dated_by=("left_on", "joined_on"),
    reference_date="joined_on",
    on_new_file="replace",
    rows_are_people=True,
)

NETWORK_PARTNERS = Source(
    name="network_partners",
    title_th="ภาคีเครือข่ายการจัดสวัสดิการสังคมและผลการประเมินคุณภาพ",
    title_en="Welfare network partners and their quality assessments",
    columns=(
        column("partner_id", "รหัสภาคี", required=True),
        column("partner_name", "ชื่อภาคีเครือข่าย", required=True),
        column("sector", "ภาคส่วน", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("joined_on", "วันที่เข้าร่วม", required=True),
        column("contact_person", "ผู้ประสานงาน"),
        column("fiscal_year", "ปีงบประมาณที่ประเมิน", required=True),
        column("quality_result", "ผลการประเมินคุณภาพ", required=True),
    ),
    primary_key=("partner_id", "fiscal_year"),
    dated_by=("fiscal_year",),
)

PROJECTS = Source(
    name="projects",
    title_th="โครงการ/กิจกรรมด้านการจัดสวัสดิการสังคม",
    title_en="Social welfare projects and activities",
    columns=(
        column("project_id", "รหัสโครงการ", required=True),
        column("project_name", "ชื่อโครงการ", required=True),
        column("owner", "หน่วยงานเจ้าของโครงการ", required=True),
        column("sector", "ภาคส่วน", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("fiscal_year", "ปีงบประมาณ", required=True),
        column("budget", "งบประมาณ (บาท)", required=True),
        column("funding_source", "แหล่งงบประมาณ", required=True),
        column("target_group", "กลุ่มเป้าหมาย", required=True),
        column("sufficiency_economy", "น้อมนำหลักปรัชญาของเศรษฐกิจพอเพียง", required=True),
        column("beneficiaries", "จำนวนผู้รับประโยชน์ (คน)"),
    ),
    primary_key=("project_id",),
    dated_by=("fiscal_year",),
)

FUND_APPLICATIONS = Source(
    name="fund_applications",
    title_th="คำขอรับการสนับสนุนจากกองทุนส่งเสริมการจัดสวัสดิการสังคม",
    title_en="Proposals to the social welfare promotion fund",
    columns=(
        column("application_id", "เลขที่คำขอ", required=True),
        column("org_id", "เลขทะเบียนองค์กร", required=True),
        column("org_name", "ชื่อองค์กร", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("fiscal_year", "ปีงบประมาณ", required=True),
        column("submitted_on", "วันที่ยื่นคำขอ", required=True),
        column("amount_requested", "วงเงินที่ขอ (บาท)", required=True),
        column("amount_approved", "วงเงินที่อนุมัติ (บาท)"),
        column("application_status", "สถานะ", required=True),
    ),
    primary_key=("application_id",),
    dated_by=("fiscal_year",),
)

SUFFICIENCY_VILLAGES = Source(
    name="sufficiency_villages",
    title_th="ผลการประเมินหมู่บ้านเศรษฐกิจพอเพียง (กรมการพัฒนาชุมชน)",
    title_en="Sufficiency-economy village assessments (Community Development Department)",
    columns=(
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("village_no", "หมู่ที่", required=True),
        column("village_name", "ชื่อหมู่บ้าน", required=True),
        column("fiscal_year", "ปีงบประมาณ", required=True),
        column("sufficiency_level", "ระดับ", required=True),
    ),
    primary_key=("subdistrict_code", "village_no", "fiscal_year"),
    dated_by=("fiscal_year",),
)

CAPACITY_TRAININGS = Source(
    name="capacity_trainings",
    title_th="การพัฒนาศักยภาพองค์กรภาคีเครือข่าย",
    title_en="Capacity building of partner organisations",
    columns=(
        column("training_id", "รหัสการอบรม", required=True),
        column("partner_id", "รหัสภาคี", required=True),
        column("course", "หลักสูตร", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("trained_on", "วันที่อบรม", required=True),
        column("training_result", "ผลการอบรม", required=True),
    ),
    primary_key=("training_id",),
    dated_by=("trained_on",),
)

CREATIVE_MEDIA = Source(
    name="creative_media",
    title_th="สื่อสร้างสรรค์ด้านสังคมและผลการพิจารณาของคณะกรรมการ",
    title_en="Creative social media pieces and the committee's decisions",
    columns=(
        column("media_id", "รหัสผลงาน", required=True),
        column("media_title", "ชื่อผลงาน", required=True),
        column("media_field", "ด้าน", required=True),
        column("subdistrict_code", "รหัสตำบลผู้ผลิต", required=True),
        column("reviewed_on", "วันที่พิจารณา", required=True),
        column("media_decision", "ผลการพิจารณา", required=True),
    ),
    primary_key=("media_id",),
    dated_by=("reviewed_on",),
)

LOCAL_DATABASES = Source(
    name="local_databases",
    title_th="ฐานข้อมูลระดับชุมชนและท้องถิ่น",
    title_en="Community and local databases",
    columns=(
        column("database_id", "รหัสฐานข้อมูล", required=True),
        column("database_name", "ชื่อฐานข้อมูล", required=True),
        column("keeper", "หน่วยงานที่ดูแล", required=True),
        column("subdistrict_code", "รหัสตำบล", required=True),
        column("updated_on", "วันที่ปรับปรุงล่าสุด", required=True),
        column("records", "จำนวนระเบียน", required=True),
        column("upgrade_status", "สถานะการยกระดับ", required=True),
    ),
    primary_key=("database_id",),
    dated_by=("updated_on",),
    on_new_file="replace",
)

SOCIAL_ASSISTANCE = Source(
    name="social_assistance",
    title_th="การให้ความช่วยเหลือผู้ประสบปัญหาทางสังคม",
    title_en="Social assistance cases for people in hardship",
    columns=(
        column("case_id", "เลขที่เรื่อง", required=True),
        column("citizen_id", "เลขประจำตัวประชาชน", required=True),
        column("subdistrict_code", "ที่อยู่ (ตำบล อำเภอ จังหวัด)", required=True, personal="locate"),
        column("received_on", "วันที่รับเรื่อง", required=True),
        column("problem", "ประเภทปัญหา", required=True),
        column("assistance", "ความช่วยเหลือที่ได้รับ", required=True),
        column("amount", "จำนวนเงิน (บาท)"),
    ),
    primary_key=("case_id",),
    dated_by=("received_on",),
    rows_are_people=True,
)

SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        WELFARE_REGISTRY,
        POPULATION,
        WELFARE_ORGS,
        VOLUNTEERS,
        NETWORK_PARTNERS,
        PROJECTS,
        LAO_BUDGETS,
        FUND_APPLICATIONS,
        SUFFICIENCY_VILLAGES,
        CAPACITY_TRAININGS,
        CREATIVE_MEDIA,
        LOCAL_DATABASES,
        SOCIAL_ASSISTANCE,
    )
}

PERSONAL_HANDLING = {
    "pseudonymise": "replaced by person_key, a keyed hash",
    "drop": "dropped at ingestion",
    "age": "reduced to age_at_fy_end",
    "locate": "address text reduced to its subdistrict code",
    None: "",
}


def data_dictionary() -> pa.Table:
    """Every source column as the registry describes it: the published data dictionary."""
    return pa.Table.from_pylist(
        [
            {
                "source": s.name,
                "source_title_th": s.title_th,
                "source_title_en": s.title_en,
                "on_new_file": s.on_new_file,
                "rows_are_people": s.rows_are_people,
                "column_name": c.name,
                "header_th": c.header_th,
                "type": c.type,
                "required": c.required,
                "in_primary_key": c.name in s.primary_key,
                "code_list": " | ".join(c.codes),
                "personal_data": PERSONAL_HANDLING[c.personal],
                "title_en": c.field.title_en,
                "title_th": c.field.title_th,
                "description_en": c.field.description_en,
                "description_th": c.field.description_th,
            }
            for s in SOURCES.values()
            for c in s.columns
        ]
    )
