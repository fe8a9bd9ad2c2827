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


def _table(model: Model, demo: bool) -> dict:
    return {
        "title": f"{model.title_th} — {model.title_en}",
        "description": f"{model.description_th} — {model.description_en}" + (f" {DEMO_NOTE}" if demo else ""),
        "columns": {c: _column(model, c) for c in model.columns},
    }


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
        "databases": {
            "welfare": {**about, "tables": tables},
            "audit": {
                **about,
                "title": "ประวัติการตรวจสอบ — Audit trail",
                "description": AUDIT_DESCRIPTION,
                "tables": audit,
            },
        },
    }
