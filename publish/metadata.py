"""Datasette metadata built from the dbt docs, so tables and columns are described once."""

import json
from pathlib import Path

from publish.export import PUBLISHED_TABLES

LICENSE = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
DEMO_NOTE = ("ข้อมูลสาธิต ไม่ใช่ข้อมูลจริง — DEMO DATA: generated, fictitious records for trying the "
             "warehouse; not real people, organisations or budgets.")


def build(manifest_path: Path, demo: bool) -> dict:
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    models = {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    title = "ตัวชี้วัดสวัสดิการสังคม — Welfare strategy indicators"
    tables = {}
    for table in PUBLISHED_TABLES:
        model = models[table]
        tables[table] = {
            "title": f"{model['meta']['title_th']} — {model['meta']['title_en']}",
            "description": model["description"] + (f" {DEMO_NOTE}" if demo else ""),
            "columns": {name: col["description"] for name, col in model["columns"].items()},
        }
    about = {
        "title": f"{title} (DEMO / ข้อมูลสาธิต)" if demo else title,
        "description": (
            "Indicators of the Nakhon Sawan social welfare strategy No. 3 and the Department of Social "
            "Development and Welfare action plan 2566–2570, per province, district, subdistrict and Thai "
            "fiscal year. ตัวชี้วัดตามยุทธศาสตร์การจัดสวัสดิการสังคมจังหวัดนครสวรรค์ ฉบับที่ ๓ "
            "และแผนปฏิบัติราชการกรมพัฒนาสังคมและสวัสดิการ"
            + (f" {DEMO_NOTE}" if demo else "")
        ),
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": "Welfare indicators warehouse (DEMO data)" if demo else "Welfare indicators warehouse",
    }
    return {**about, "databases": {"welfare": {**about, "tables": tables}}}
