"""Every dbt model: what it holds, its columns (described in fields.py), its key, and for the
tables published, their title. dbt's YAML (descriptions and tests), the published tables' keys
and indexes, and Datasette's labels are written from here."""

import csv
from dataclasses import dataclass, field

from orchestration.metadata.fields import FIELDS, Field
from orchestration.metadata.fields import field as field_of
from orchestration.settings import REPO

CATALOGUE = REPO / "seeds" / "indicators.csv"


@dataclass(frozen=True)
class Model:
    name: str
    description_en: str
    description_th: str
    columns: tuple[str, ...]
    key: tuple[str, ...] = ()
    title_en: str | None = None  # a published table's title
    title_th: str | None = None
    not_null: tuple[str, ...] = ()  # besides the key
    nullable_key: tuple[str, ...] = ()  # key columns that may be NULL
    indexes: tuple[tuple[str, ...], ...] = ()  # a published table's indexes besides its key
    people_count: str | None = None  # a column counting people: never 1 to the threshold - 1 when shown
    references: tuple[tuple[str, str], ...] = ()  # (column, published table whose one-column key it names)
    search: tuple[str, ...] = ()  # text columns of a published table searched in full text
    # A large published table's first key column: the rows of each of its values that the live
    # release publishes as they are, a build takes from it (publish/reuse.py).
    part: str | None = None
    tests: dict[str, list] = field(default_factory=dict)  # column → more dbt tests

    @property
    def layer(self) -> str:
        return {"stg": "staging", "int": "intermediate", "audit": "audit"}.get(self.name.split("_")[0], "marts")

    @property
    def published(self) -> bool:
        return self.title_en is not None

    @property
    def description(self) -> str:
        return f"{self.description_en} {self.description_th}"

    def field(self, column: str) -> Field:
        return field_of(column, self.name)


def indicators() -> list[dict]:
    """The indicator catalogue (seeds/indicators.csv), the one home of the indicators."""
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def people_indicators() -> list[str]:
    """The indicators that count people: published under disclosure control."""
    return [i["indicator_code"] for i in indicators() if i["counts_people"] == "true"]


def indicator_model(code: str) -> str:
    return "int_indicator_" + code.lower().replace(".", "_")


# The catalogue's columns, as seeds/indicators.csv has them and dim_indicators publishes them.
CATALOGUE_COLUMNS = (
    "indicator_code",
    "document",
    "strategy_no",
    "strategy_name_th",
    "indicator_no",
    "name_th",
    "name_en",
    "unit_en",
    "unit_th",
    "direction",
    "progress_method",
    "sources",
    "levels",
    "counts_people",
    "disclosure_family",
    "aggregation",
    "computation_en",
    "computation_th",
)
AREA_YEAR = ("area_level", "area_code", "fiscal_year")
NAMED_AREA = ("area_level", "area_code", "area_name_th", "area_name_en")
INDICATOR = (
    "indicator_code",
    "area_level",
    "area_code",
    "fiscal_year",
    "numerator",
    "denominator",
    "value",
    "null_reason",
)
RAW_FILE = ("_source_file", "_row_number")
# A directory entry's place, with its names for full-text search.
AREA_NAMES = (
    "subdistrict_code",
    "subdistrict_name_th",
    "district_code",
    "district_name_th",
    "province_code",
)
AREA_REFERENCES = (
    ("subdistrict_code", "dim_areas"),
    ("district_code", "dim_areas"),
    ("province_code", "dim_areas"),
)


def _m(name, description_en, description_th, columns, **kw) -> Model:
    return Model(name, description_en, description_th, tuple(columns), **kw)


STAGING = (
    _m(
        "stg_areas",
        "DOPA subdistricts with their district and province, from the geothai package.",
        "ตำบล อำเภอ จังหวัด",
        [
            "subdistrict_code",
            "subdistrict_name_th",
            "subdistrict_name_en",
            "district_code",
            "district_name_th",
            "district_name_en",
            "province_code",
            "province_name_th",
            "province_name_en",
        ],
        key=("subdistrict_code",),
    ),
    _m(
        "stg_fiscal_years",
        "Thai fiscal years in Buddhist Era with their October-to-September dates.",
        "ปีงบประมาณ",
        ["fiscal_year", "fiscal_year_ce", "starts_on", "ends_on", "in_reporting_period"],
        key=("fiscal_year",),
    ),
    _m(
        "stg_indicators",
        "The indicator catalogue from seeds/indicators.csv, an empty disclosure family as NULL.",
        "บัญชีตัวชี้วัด",
        CATALOGUE_COLUMNS,
        key=("indicator_code",),
    ),
    _m(
        "stg_source_columns",
        "The sources as the registry describes them, one row per column.",
        "พจนานุกรมข้อมูลของแหล่งข้อมูล",
        [
            "source",
            "source_title_th",
            "source_title_en",
            "on_new_file",
            "rows_are_people",
            "column_name",
            "header_th",
            "type",
            "required",
            "in_primary_key",
            "code_list",
            "personal_data",
            "title_en",
            "title_th",
            "description_en",
            "description_th",
        ],
        key=("source", "column_name"),
    ),
    _m(
        "stg_load_log",
        "One record per landing file: loaded, refused, or a duplicate of another.",
        "บันทึกการนำเข้าไฟล์",
        [
            "source",
            "source_file",
            "status",
            "file_hash",
            "file_bytes",
            "rows_read",
            "rows_accepted",
            "rows_quarantined",
            "notes",
            "message_en",
            "message_th",
            "origin",
        ],
    ),
    _m(
        "stg_quarantine",
        "Rows rejected at ingestion, without their contents.",
        "แถวที่ถูกกัก",
        [
            "source",
            "source_file",
            "row_number",
            "reason_code",
            "column_name",
            "message_en",
            "message_th",
            "subdistrict_code",
        ],
    ),
    _m(
        "stg_source_areas",
        "Per landing file and subdistrict named: rows read, accepted and missing a required "
        "value, and the newest accepted record's fiscal year; the inputs of the data-quality score.",
        "ข้อมูลสำหรับคะแนนคุณภาพข้อมูลรายไฟล์และตำบล",
        [
            "source",
            "source_file",
            "subdistrict_code",
            "rows_read",
            "rows_accepted",
            "rows_missing_required",
            "latest_record_fiscal_year",
        ],
    ),
    _m(
        "stg_welfare_registry",
        "People in welfare target groups. Names, addresses and birth dates are gone; the citizen ID is a keyed hash.",
        "ทะเบียนกลุ่มเป้าหมาย",
        [
            "person_key",
            "age_at_registration_fy_end",
            "sex",
            "target_group",
            "subdistrict_code",
            "registered_on",
            "registered_fiscal_year",
            "updated_on",
            "benefit",
            "exited_on",
            "exit_reason",
            *RAW_FILE,
        ],
        not_null=("person_key", "subdistrict_code"),
    ),
    _m(
        "stg_welfare_orgs",
        "Register of social welfare organisations, with the certification rule of S2.1.",
        "ทะเบียนองค์การสวัสดิการสังคม",
        [
            "org_id",
            "org_name",
            "org_type",
            "subdistrict_code",
            "certification_status",
            "certified_on",
            "certified_fiscal_year",
            "target_groups",
            "is_public_benefit_type",
            "is_community_welfare_type",
            "is_certified",
            *RAW_FILE,
        ],
        key=("org_id",),
        not_null=("subdistrict_code",),
    ),
    _m(
        "stg_lao_budgets",
        "Welfare budgets of local administrative organisations per fiscal year.",
        "งบประมาณสวัสดิการของ อปท.",
        [
            "lao_code",
            "lao_name",
            "lao_type",
            "subdistrict_code",
            "fiscal_year",
            "welfare_budget_allocated",
            "welfare_budget_spent",
            "community_fund_contribution",
            *RAW_FILE,
        ],
        not_null=("lao_code", "subdistrict_code"),
    ),
    _m(
        "stg_population",
        "Registered population by subdistrict, sex and year (DOPA).",
        "ประชากรตามทะเบียนราษฎร",
        ["subdistrict_code", "population_year", "sex", "population"],
        not_null=("subdistrict_code",),
    ),
    _m(
        "stg_volunteers",
        "Social development and human security volunteers (อพม.).",
        "อาสาสมัครพัฒนาสังคมและความมั่นคงของมนุษย์",
        [
            "person_key",
            "age_at_joining_fy_end",
            "sex",
            "subdistrict_code",
            "joined_on",
            "volunteer_status",
            "left_on",
            "trainings",
        ],
        not_null=("person_key", "subdistrict_code"),
    ),
    _m(
        "stg_network_partners",
        "Welfare network partners with a quality assessment per fiscal year.",
        "ภาคีเครือข่าย",
        [
            "partner_id",
            "partner_name",
            "sector",
            "subdistrict_code",
            "joined_on",
            "assessed_fiscal_year",
            "meets_quality_criteria",
        ],
        not_null=("partner_id", "subdistrict_code"),
    ),
    _m(
        "stg_projects",
        "Welfare projects and activities of every sector.",
        "โครงการด้านสวัสดิการสังคม",
        [
            "project_id",
            "project_name",
            "owner",
            "sector",
            "subdistrict_code",
            "fiscal_year",
            "budget",
            "funding_source",
            "target_group",
            "applies_sufficiency_economy",
            "beneficiaries",
        ],
        not_null=("project_id", "subdistrict_code"),
    ),
    _m(
        "stg_fund_applications",
        "Proposals to the social welfare promotion fund.",
        "คำขอรับการสนับสนุนจากกองทุนส่งเสริมการจัดสวัสดิการสังคม",
        [
            "application_id",
            "org_id",
            "org_name",
            "subdistrict_code",
            "fiscal_year",
            "submitted_on",
            "amount_requested",
            "amount_approved",
            "application_status",
        ],
        not_null=("application_id", "subdistrict_code"),
    ),
    _m(
        "stg_sufficiency_villages",
        "Sufficiency-economy village assessments per fiscal year.",
        "หมู่บ้านเศรษฐกิจพอเพียง",
        [
            "village_code",
            "subdistrict_code",
            "village_no",
            "village_name",
            "fiscal_year",
            "sufficiency_level",
            "is_sufficiency_village",
        ],
        not_null=("village_code", "subdistrict_code"),
    ),
    _m(
        "stg_capacity_trainings",
        "Capacity-building trainings of partner organisations.",
        "การพัฒนาศักยภาพภาคีเครือข่าย",
        ["training_id", "partner_id", "course", "subdistrict_code", "trained_on", "fiscal_year", "passed"],
        not_null=("training_id", "subdistrict_code"),
    ),
    _m(
        "stg_creative_media",
        "Creative social media pieces and the committee's decisions.",
        "สื่อสร้างสรรค์สังคม",
        ["media_id", "media_title", "media_field", "subdistrict_code", "reviewed_on", "fiscal_year", "approved"],
        not_null=("media_id", "subdistrict_code"),
    ),
    _m(
        "stg_local_databases",
        "Community and local databases with their last update and upgrade status.",
        "ฐานข้อมูลชุมชนและท้องถิ่น",
        [
            "database_id",
            "database_name",
            "keeper",
            "subdistrict_code",
            "updated_on",
            "updated_fiscal_year",
            "records",
            "upgrade_status",
            "is_upgraded",
        ],
        not_null=("database_id", "subdistrict_code"),
    ),
    _m(
        "stg_social_assistance",
        "Social assistance cases for people in hardship; the citizen ID is a keyed hash.",
        "การช่วยเหลือผู้ประสบปัญหาทางสังคม",
        ["case_id", "person_key", "subdistrict_code", "received_on", "fiscal_year", "problem", "assistance", "amount"],
        not_null=("case_id", "person_key", "subdistrict_code"),
    ),
)

INTERMEDIATE = (
    _m(
        "int_areas",
        "Areas at every level with Thai and English names and the area one level up.",
        "พื้นที่ทุกระดับ",
        ["area_level", "area_code", "name_th", "name_en", "parent_code", "province_code"],
    ),
    _m(
        "int_areas_in_scope",
        "Subdistricts of every province that the loaded sources report on.",
        "ตำบลในจังหวัดที่มีข้อมูล",
        ["subdistrict_code", "district_code", "province_code"],
        key=("subdistrict_code",),
    ),
    _m(
        "int_area_year_spine",
        "Every area of the country at every level × every reporting fiscal year, so that an area with nothing to "
        "count shows 0.",
        "พื้นที่ทุกระดับ × ปีงบประมาณที่รายงาน",
        [*AREA_YEAR, "fiscal_year_ends_on"],
    ),
    _m(
        "int_population_by_area",
        "Registered population per area and year, the denominator of every rate per "
        "1,000 people, and whether every subdistrict reported every sex (for the country, every subdistrict of "
        "the country).",
        "ประชากรรายพื้นที่และปี",
        [*AREA_YEAR, "population", "cells_reported", "cells_expected", "is_complete"],
    ),
    _m(
        "int_registered_people_by_area",
        "People in the welfare register at each fiscal-year end, by area (D1.1's numerator).",
        "จำนวนคนในทะเบียนสวัสดิการ ณ สิ้นปีงบประมาณ รายพื้นที่",
        [*AREA_YEAR, "numerator"],
    ),
    _m(
        "int_certified_orgs_by_year",
        "Organisations counted by S2.1 at each fiscal-year end (certified "
        "public-benefit or community welfare organisations).",
        "องค์กรที่ได้รับการรับรองรายปี",
        ["org_id", "subdistrict_code", "district_code", "province_code", "fiscal_year"],
    ),
    _m(
        "int_lao_budgets_located",
        "LAO budgets placed in the area each LAO serves; an อบจ. has no subdistrict or district.",
        "งบประมาณ อปท. รายพื้นที่",
        [
            "lao_code",
            "lao_type",
            "fiscal_year",
            "subdistrict_code",
            "district_code",
            "province_code",
            "welfare_budget_allocated",
            "welfare_budget_spent",
            "community_fund_contribution",
        ],
    ),
    _m(
        "int_source_quality",
        "The data-quality score behind S1.1 per source and area; see dq_source_scores for the rule.",
        "คะแนนคุณภาพข้อมูลรายแหล่งและพื้นที่",
        [
            "source",
            *AREA_YEAR,
            "rows_read",
            "rows_accepted",
            "rows_missing_required",
            "latest_record_fiscal_year",
            "subdistricts_reporting",
            "subdistricts",
            "completeness",
            "validity",
            "timeliness",
            "coverage",
            "score",
        ],
    ),
    *(
        _m(
            indicator_model(i["indicator_code"]),
            f"{i['indicator_code']} {i['name_en']}: {i['computation_en']}",
            i["name_th"],
            INDICATOR,
        )
        for i in indicators()
    ),
    _m(
        "int_indicator_values",
        "Every computed indicator in one long table at the levels the catalogue names, in the areas in scope "
        "(the country when several provinces are loaded), before disclosure control and targets.",
        "ค่าตัวชี้วัดก่อนการปกปิดข้อมูล",
        [
            "indicator_code",
            *NAMED_AREA,
            "fiscal_year",
            "value",
            "numerator",
            "denominator",
            "null_reason",
            "unit_en",
            "unit_th",
        ],
    ),
    _m(
        "int_hidden_cells",
        "Cells of people counts hidden by disclosure control (orchestration/disclosure.py, run as a dbt "
        "Python model between the indicators and the marts).",
        "เซลล์ที่ปกปิด",
        ["disclosure_family", "area_level", "area_code", "fiscal_year", "suppression", "cells_digest"],
    ),
)

MARTS = (
    _m(
        "indicator_values",
        "Welfare strategy indicators per area and Thai fiscal year (Buddhist Era), one row per "
        "indicator × area × year, with previous year, target and progress.",
        "ค่าตัวชี้วัดยุทธศาสตร์การจัดสวัสดิการสังคม รายพื้นที่และปีงบประมาณ",
        [
            "indicator_code",
            *NAMED_AREA,
            "fiscal_year",
            "value",
            "numerator",
            "denominator",
            "unit_en",
            "unit_th",
            "previous_value",
            "change",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_value",
            "target_is_demo",
            "target_source",
            "is_suppressed",
            "null_reason",
            "progress_status",
        ],
        key=("indicator_code", *AREA_YEAR),
        references=(
            ("indicator_code", "dim_indicators"),
            ("area_level", "dim_area_levels"),
            ("area_code", "dim_areas"),
            ("progress_status", "dim_progress_statuses"),
        ),
        title_en="Indicator values",
        title_th="ค่าตัวชี้วัด",
        not_null=("is_suppressed", "progress_status"),
        part="indicator_code",  # a month of one source changes the few indicators drawn from it
        # what the portal's pages and canned queries filter by; the key serves an indicator's rows
        indexes=(("area_code", "fiscal_year"), ("fiscal_year", "progress_status"), ("area_level", "fiscal_year")),
    ),
    _m(
        "indicator_provenance",
        "For every indicator and area published, the landing files (name and SHA-256) whose accepted rows lie in "
        "that area, among the sources the indicator is computed from; the same for every fiscal year. Sources "
        "whose rows are people are traced to districts and above.",
        "ที่มาของค่าตัวชี้วัด: ไฟล์ต้นทางที่มีข้อมูลในพื้นที่ของตัวชี้วัดแต่ละตัว",
        ["indicator_code", "area_level", "area_code", "source", "source_file", "file_hash"],
        key=("indicator_code", "area_level", "area_code", "source_file"),
        title_en="Indicator provenance: the files behind each value",
        title_th="ที่มาของค่าตัวชี้วัด: ไฟล์ต้นทางของแต่ละค่า",
        indexes=(("source_file",),),
        part="indicator_code",  # as indicator_values: a month of one source changes its indicators' files
    ),
    _m(
        "dim_areas",
        "DOPA areas at every level from the geothai package.",
        "พื้นที่ตามรหัสกรมการปกครอง",
        ["area_level", "area_code", "name_th", "name_en", "parent_code", "province_code"],
        key=("area_code",),  # DOPA codes are unique across levels: 2, 4 and 6 digits
        title_en="Areas",
        title_th="พื้นที่",
    ),
    _m(
        "dim_indicators",
        "The indicator catalogue, with the Thai wording exactly as the strategy documents state it.",
        "บัญชีตัวชี้วัด",
        CATALOGUE_COLUMNS,
        key=("indicator_code",),
        title_en="Indicator catalogue",
        title_th="บัญชีตัวชี้วัด",
    ),
    _m(
        "directory_welfare_orgs",
        "Certified welfare organisations with their type and subdistrict: public bodies, so a directory to search.",
        "ทำเนียบองค์กรสวัสดิการที่ได้รับการรับรอง",
        [
            "org_id",
            "org_name",
            "org_type",
            "certification_status",
            "certified_fiscal_year",
            *AREA_NAMES,
        ],
        key=("org_id",),
        references=AREA_REFERENCES,
        indexes=(("district_code",),),
        search=("org_name", "org_type", "subdistrict_name_th", "district_name_th"),
        title_en="Directory of certified welfare organisations",
        title_th="ทำเนียบองค์กรสวัสดิการสังคมที่ได้รับการรับรอง",
    ),
    _m(
        "directory_projects",
        "Welfare projects with their owner, sector, budget and subdistrict; beneficiaries are counts of people "
        "and are left out.",
        "ทำเนียบโครงการด้านสวัสดิการสังคม",
        [
            "project_id",
            "project_name",
            "owner",
            "sector",
            "fiscal_year",
            "budget",
            "funding_source",
            "target_group",
            *AREA_NAMES,
        ],
        key=("project_id",),
        references=AREA_REFERENCES,
        search=("project_name", "owner", "sector", "target_group", "subdistrict_name_th", "district_name_th"),
        indexes=(("district_code",), ("fiscal_year",)),
        title_en="Directory of welfare projects",
        title_th="ทำเนียบโครงการด้านสวัสดิการสังคม",
    ),
    _m(
        "dim_fiscal_years",
        "The Thai fiscal years reported, and the one before, in Buddhist Era with their dates.",
        "ปีงบประมาณ",
        ["fiscal_year", "fiscal_year_ce", "starts_on", "ends_on", "in_reporting_period"],
        key=("fiscal_year",),
        title_en="Fiscal years",
        title_th="ปีงบประมาณ",
    ),
    _m(
        "dim_code_lists",
        "Every code the sources and tables use, with what it means in Thai and English.",
        "รายการรหัสและความหมาย",
        ["code_list", "code", "label_th", "label_en", "category", "position"],
        key=("code_list", "code"),
        title_en="Code lists",
        title_th="รายการรหัส",
    ),
    _m(
        "dim_progress_statuses",
        "The progress statuses an indicator value can have, with their words in Thai and English.",
        "สถานะความก้าวหน้า",
        ["code", "label_th", "label_en", "position"],
        key=("code",),
        title_en="Progress statuses",
        title_th="สถานะความก้าวหน้า",
    ),
    _m(
        "dim_area_levels",
        "The area levels, with their words in Thai and English.",
        "ระดับพื้นที่",
        ["code", "label_th", "label_en", "position"],
        key=("code",),
        title_en="Area levels",
        title_th="ระดับพื้นที่",
    ),
    _m(
        "dim_source_columns",
        "Every column of every welfare source: Thai header, type, whether it is required, "
        "its code list, how personal data is handled, and what it holds.",
        "พจนานุกรมข้อมูลของแหล่งข้อมูล",
        [
            "source",
            "source_title_th",
            "source_title_en",
            "on_new_file",
            "rows_are_people",
            "column_name",
            "header_th",
            "type",
            "required",
            "in_primary_key",
            "code_list",
            "personal_data",
            "title_en",
            "title_th",
            "description_en",
            "description_th",
        ],
        key=("source", "column_name"),
        title_en="Data dictionary of the sources",
        title_th="พจนานุกรมข้อมูลของแหล่งข้อมูล",
    ),
    _m(
        "dq_source_loads",
        "Every landing file, with rows read, accepted and quarantined, or why it was refused or not loaded twice.",
        "บันทึกการนำเข้าไฟล์",
        [
            "source",
            "source_file",
            "status",
            "file_hash",
            "file_bytes",
            "rows_read",
            "rows_accepted",
            "rows_quarantined",
            "counts_add_up",
            "notes",
            "message_en",
            "message_th",
            "origin",
        ],
        key=("source", "source_file", "status"),
        title_en="Source file loads",
        title_th="การนำเข้าไฟล์ต้นทาง",
        tests={"counts_add_up": [{"accepted_values": {"arguments": {"values": [True], "quote": False}}}]},
    ),
    _m(
        "dq_quarantine_by_area",
        "Rejected rows by source, reason and the district or province they name; sources whose rows are people "
        "are left out (their files' totals are in dq_quarantine_summary).",
        "แถวที่ถูกกักไว้ จำแนกตามแหล่งข้อมูล เหตุผล และอำเภอหรือจังหวัด",
        ["source", "reason_code", "area_level", "area_code", "rows_quarantined"],
        key=("source", "reason_code", "area_level", "area_code"),
        title_en="Quarantined rows by area",
        title_th="แถวที่ถูกกักไว้รายพื้นที่",
    ),
    _m(
        "dq_quarantine_summary",
        "Rejected rows counted by file and reason; row contents stay in the warehouse.",
        "สรุปแถวที่ถูกกักตามเหตุผล",
        [
            "source",
            "source_file",
            "reason_code",
            "column_name",
            "message_en",
            "message_th",
            "rows_quarantined",
            "first_row_number",
        ],
        key=("source", "source_file", "reason_code", "column_name"),
        nullable_key=("column_name",),  # a reason about the whole row names no column
        title_en="Quarantined rows by reason",
        title_th="แถวที่ถูกกักจำแนกตามเหตุผล",
    ),
    _m(
        "dq_source_scores",
        "The parts of indicator S1.1 for every source in every area, each 0-100: completeness, "
        "validity, timeliness and coverage; score is their mean, and S1.1 the mean of the sources' scores. Sources "
        "whose rows are people publish no counts of rows, and only at their indicators' levels.",
        "คะแนนคุณภาพข้อมูล (ความครบถ้วน ความถูกต้อง ความทันสมัย ความครอบคลุม) รายแหล่งข้อมูลและพื้นที่",
        [
            *NAMED_AREA,
            "source",
            "fiscal_year",
            "rows_read",
            "rows_accepted",
            "rows_missing_required",
            "latest_record_fiscal_year",
            "subdistricts_reporting",
            "subdistricts",
            "completeness",
            "validity",
            "timeliness",
            "coverage",
            "score",
        ],
        key=("source", *AREA_YEAR),
        title_en="Data-quality score per source and area (S1.1)",
        title_th="คะแนนคุณภาพข้อมูลรายแหล่งข้อมูลและพื้นที่ (ตัวชี้วัด 1.1)",
        not_null=("score",),
        part="source",  # a month of one source changes its own scores
    ),
    _m(
        "organisations_by_type",
        "Organisations on the welfare register now, counted by type and certification "
        "status in every area. Organisations are not people, so small counts are published.",
        "องค์กรสวัสดิการสังคมในทะเบียน จำแนกตามประเภทและสถานะการรับรอง",
        [*NAMED_AREA, "org_type", "certification_status", "is_certified", "organisations"],
        key=("area_level", "area_code", "org_type", "certification_status", "is_certified"),
        title_en="Welfare organisations by type and certification status",
        title_th="องค์กรสวัสดิการสังคมจำแนกตามประเภทและสถานะการรับรอง",
    ),
    _m(
        "lao_welfare_budgets",
        "Welfare budgets of local administrative organisations (อปท.) per area and fiscal "
        "year. An อบจ. serves its whole province, so it counts at province level only.",
        "งบประมาณด้านสวัสดิการสังคมของ อปท. รายพื้นที่และปีงบประมาณ",
        [
            *NAMED_AREA,
            "fiscal_year",
            "laos_reporting",
            "laos_allocating_welfare",
            "welfare_budget_allocated",
            "welfare_budget_spent",
            "spent_pct_of_allocated",
            "community_fund_contribution",
        ],
        key=AREA_YEAR,
        title_en="Welfare budgets of local administrative organisations",
        title_th="งบประมาณสวัสดิการขององค์กรปกครองส่วนท้องถิ่น",
    ),
    _m(
        "projects_by_sector",
        "Welfare projects per area and fiscal year by the sector running them and their funding source.",
        "โครงการ/กิจกรรมด้านสวัสดิการสังคม จำแนกตามภาคส่วนและแหล่งงบประมาณ",
        [*NAMED_AREA, "fiscal_year", "sector", "funding_source", "projects", "sufficiency_economy_projects", "budget"],
        key=(*AREA_YEAR, "sector", "funding_source"),
        title_en="Welfare projects by sector and funding source",
        title_th="โครงการด้านสวัสดิการสังคมจำแนกตามภาคส่วนและแหล่งงบประมาณ",
    ),
    _m(
        "sufficiency_villages_by_level",
        "Villages assessed under the sufficiency-economy village programme, per area, fiscal year and level reached.",
        "หมู่บ้านที่ได้รับการประเมินหมู่บ้านเศรษฐกิจพอเพียง จำแนกตามระดับ",
        [*NAMED_AREA, "fiscal_year", "sufficiency_level", "is_sufficiency_village", "villages"],
        key=(*AREA_YEAR, "sufficiency_level"),
        title_en="Sufficiency-economy villages by level",
        title_th="หมู่บ้านเศรษฐกิจพอเพียงจำแนกตามระดับ",
    ),
    _m(
        "volunteers_by_area",
        "Social development and human security volunteers (อพม.) active at each fiscal-year "
        "end, with the registered population and the rate per 1,000 (indicator D2.1), suppressed as in "
        "indicator_values.",
        "อพม. ที่ปฏิบัติงาน ณ สิ้นปีงบประมาณ ต่อประชากร 1,000 คน",
        [*NAMED_AREA, "fiscal_year", "population", "active_volunteers", "volunteers_per_1000", "is_suppressed"],
        key=AREA_YEAR,
        people_count="active_volunteers",
        title_en="Active volunteers per 1,000 population",
        title_th="อาสาสมัครพัฒนาสังคมฯ ที่ปฏิบัติงานต่อประชากร 1,000 คน",
        not_null=("is_suppressed",),
    ),
    _m(
        "registry_coverage",
        "People in the welfare target-group register at each fiscal-year end per 1,000 "
        "registered population (indicator D1.1), suppressed as in indicator_values.",
        "ผู้ที่อยู่ในทะเบียนกลุ่มเป้าหมาย ต่อประชากร 1,000 คน",
        [*NAMED_AREA, "fiscal_year", "population", "registered_people", "registered_per_1000", "is_suppressed"],
        key=AREA_YEAR,
        people_count="registered_people",
        title_en="Welfare register coverage per 1,000 population",
        title_th="ความครอบคลุมของทะเบียนกลุ่มเป้าหมายต่อประชากร 1,000 คน",
        not_null=("is_suppressed",),
    ),
)

# The audit trail, written by the build itself (not by dbt) to the warehouse's audit schema and
# kept across runs: what every check found, so an auditor can follow it in SQL.
AUDIT = (
    _m(
        "audit_validation_results",
        "Every GX expectation of every run: the asset it checks, its severity, whether it held and how many rows "
        "broke it. Kept across runs; never a value of a row.",
        "ผลการตรวจสอบคุณภาพข้อมูลด้วย Great Expectations ทุกข้อกำหนดในทุกรอบการประมวลผล",
        [
            "run_id",
            "validated_at",
            "suite",
            "asset",
            "expectation_no",
            "expectation",
            "severity",
            "success",
            "observed_value",
            "element_count",
            "unexpected_count",
            "unexpected_percent",
        ],
        key=("run_id", "suite", "expectation_no"),
        title_en="Validation history (Great Expectations)",
        title_th="ประวัติการตรวจสอบคุณภาพข้อมูล (Great Expectations)",
        indexes=(("asset", "validated_at"),),
    ),
    _m(
        "audit_dbt_tests",
        "Every dbt data test of every run, from dbt's run_results.json. Kept across runs.",
        "ผลการทดสอบของ dbt ทุกรายการในทุกรอบการประมวลผล",
        ["run_id", "dbt_node", "test_status", "failures", "execution_seconds"],
        key=("run_id", "dbt_node"),
        title_en="dbt test history",
        title_th="ประวัติการทดสอบของ dbt",
    ),
    _m(
        "audit_planted_faults",
        "Demo only: per kind of fault, how many the generator planted, how many ingestion quarantined at the "
        "same file, row and reason, and how many it missed.",
        "เฉพาะข้อมูลสาธิต: ข้อผิดพลาดที่ฝังไว้ ตรวจพบ และตรวจไม่พบ จำแนกตามชนิด",
        ["reason_code", "planted", "caught", "missed"],
        key=("reason_code",),
        title_en="Planted faults caught (demo)",
        title_th="ข้อผิดพลาดที่ฝังไว้และตรวจพบ (ข้อมูลสาธิต)",
    ),
)

MODELS: dict[str, Model] = {m.name: m for m in (*STAGING, *INTERMEDIATE, *MARTS)}
PUBLISHED: dict[str, Model] = {m.name: m for m in MARTS if m.published}
PUBLISHED_AUDIT: dict[str, Model] = {m.name: m for m in AUDIT}


def check() -> list[str]:
    """Columns the registry does not describe: each must be a field."""
    return [f"{m.name}.{c}" for m in (*MODELS.values(), *AUDIT) for c in m.columns if c not in FIELDS]
