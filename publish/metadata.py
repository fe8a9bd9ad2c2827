"""Datasette metadata written from the registry (orchestration/metadata), so every published
table and column carries the same Thai and English words as the docs and the data dictionary."""

import html

from orchestration.metadata.models import PUBLISHED, PUBLISHED_AUDIT, Model
from publish import release

LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
TITLE = "ตัวชี้วัดสวัสดิการสังคม — Welfare strategy indicators"
DESCRIPTION = (
    "ตัวชี้วัดตามยุทธศาสตร์การจัดสวัสดิการสังคมจังหวัดนครสวรรค์ ฉบับที่ ๓ และแผนปฏิบัติราชการกรมพัฒนาสังคม"
    "และสวัสดิการ รายจังหวัด อำเภอ ตำบล และปีงบประมาณ — Indicators of the Nakhon Sawan social welfare "
    "strategy No. 3 and the Department of Social Development and Welfare action plan 2566–2570, per "
    "province, district, subdistrict and Thai fiscal year."
)
DEMO_NOTE = (
    "ข้อมูลสาธิต ไม่ใช่ข้อมูลจริง — DEMO DATA: generated, fictitious records for trying the "
    "warehouse; not real people, organisations or budgets."
)


# How the table pages open: the facets offered, and the column a code's label is read from.
FACETS = {
    "indicator_values": ["indicator_code", "area_level", "fiscal_year", "progress_status"],
    "dim_indicators": ["document", "strategy_no", "progress_method"],
    "directory_welfare_orgs": ["org_type", "district_code"],
    "directory_projects": ["sector", "fiscal_year", "district_code"],
    "dq_quarantine_by_area": ["source", "reason_code"],
}
LABEL_COLUMNS = {
    "dim_indicators": "name_th",
    "dim_areas": "name_th",
    "dim_progress_statuses": "label_th",
    "dim_area_levels": "label_th",
}
UNMET = "('off_track', 'acceleration_needed', 'limited_progress', 'deterioration', 'not_achieved')"
# The questions people ask most, as canned queries with a form (and a JSON API of their own).
QUERIES = {
    "indicator_over_years": {
        "title": "ตัวชี้วัดหนึ่งตัวของพื้นที่หนึ่งตามปี — One indicator for one area over the years",
        "sql": "select fiscal_year, value, unit_th, target_value, progress_status from indicator_values "
        "where indicator_code = :indicator_code and area_code = :area_code order by fiscal_year",
    },
    "all_indicators_for_an_area": {
        "title": "ทุกตัวชี้วัดของพื้นที่หนึ่งในปีหนึ่ง — Every indicator for an area in a year",
        "sql": "select v.indicator_code, i.name_th, i.name_en, v.value, v.unit_th, v.progress_status "
        "from indicator_values as v join dim_indicators as i on i.indicator_code = v.indicator_code "
        "where v.area_code = :area_code and v.fiscal_year = :fiscal_year "
        "order by i.document desc, i.strategy_no, i.indicator_no",
    },
    "off_track": {
        "title": "ตัวชี้วัดที่ยังไม่เป็นไปตามแผนในปีหนึ่ง — Indicators not on track in a year",
        "sql": "select indicator_code, area_level, area_code, area_name_th, value, target_value, progress_status "
        f"from indicator_values where fiscal_year = :fiscal_year and progress_status in {UNMET} "
        "order by progress_status, indicator_code, area_code",
    },
    "quarantine_by_source": {
        "title": "จำนวนแถวที่ถูกกักตามแหล่งข้อมูลและเหตุผล — Rows quarantined by source and reason",
        "sql": "select source, reason_code, sum(rows_quarantined) as rows_quarantined, count(*) as files "
        "from dq_quarantine_summary group by source, reason_code order by source, rows_quarantined desc",
    },
}
# Crawlers may read the pages, not run SQL or walk every facet of every table.
ROBOTS = {"disallow": ["/*?sql=", "/*&sql=", "/welfare?", "/welfare.json", "/welfare.db", "/audit", "/-/"]}


def _table(model: Model, demo: bool) -> dict:
    table = {
        "title": f"{model.title_th} — {model.title_en}",
        "description": f"{model.description_th} — {model.description_en}" + (f" {DEMO_NOTE}" if demo else ""),
        "columns": {c: _column(model, c) for c in model.columns},
    }
    if model.name in FACETS:
        table["facets"] = FACETS[model.name]
    if model.name in LABEL_COLUMNS:
        table["label_column"] = LABEL_COLUMNS[model.name]
    return table


def _column(model: Model, column: str) -> str:
    f = model.field(column)
    return f"{f.title_th} — {f.description_th} | {f.title_en}: {f.description_en}"


AUDIT_DESCRIPTION = (
    "หลักฐานคุณภาพข้อมูลสำหรับผู้ตรวจสอบ: ผลการตรวจทุกข้อกำหนดในทุกรอบ การทดสอบของ dbt และข้อผิดพลาดที่ฝังไว้"
    " — Evidence for auditors: every check of every run, dbt's tests, planted faults caught."
)
# Where an auditor starts: the Data Docs, the audit trail and what the release was built from.
AUDIT_LINKS = (
    (f"/{release.DATA_DOCS}/index.html", "รายงานคุณภาพข้อมูล — Data quality reports (Great Expectations Data Docs)"),
    ("/audit", "ประวัติการตรวจสอบ — Validation history (SQL)"),
    (f"/release/{release.MANIFEST}", "ที่มาของชุดข้อมูลนี้ — What this release was built from (run manifest)"),
)


def _home(description: str) -> str:
    links = "".join(f'<li><a href="{href}">{html.escape(text)}</a></li>' for href, text in AUDIT_LINKS)
    return f"<p>{html.escape(description)}</p><ul>{links}</ul>"


def build(demo: bool) -> dict:
    about = {
        "title": f"{TITLE} (DEMO / ข้อมูลสาธิต)" if demo else TITLE,
        "description": DESCRIPTION + (f" {DEMO_NOTE}" if demo else ""),
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": "Welfare indicators warehouse (DEMO data)" if demo else "Welfare indicators warehouse",
    }
    tables = {name: _table(model, demo) for name, model in PUBLISHED.items()}
    audit = {name: _table(model, demo=False) for name, model in PUBLISHED_AUDIT.items()}
    return {
        **about,
        "description_html": _home(about["description"]),
        "plugins": {"datasette-block-robots": ROBOTS},
        "databases": {
            "welfare": {**about, "tables": tables, "queries": QUERIES},
            "audit": {
                **about,
                "title": "ประวัติการตรวจสอบ — Audit trail",
                "description": AUDIT_DESCRIPTION,
                "tables": audit,
            },
        },
    }
