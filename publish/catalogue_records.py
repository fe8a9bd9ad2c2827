"""What other catalogues read about the release, written from the registry: a Frictionless Data
Package (v2) describing every table and column, a DCAT-AP catalogue in JSON-LD for harvesters, and
a CKAN dataset record in the Thai Government Data Catalog's schema (ckanext-thai-gdc) that a
provincial office can register as it stands."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.models import Model, indicators
from publish.metadata import DESCRIPTION, LICENSE, LICENSE_URL, TITLE

PACKAGE_NAME = "welfare-indicators"
FORMATS = (("csv", "CSV", "text/csv"), ("parquet", "Parquet", "application/vnd.apache.parquet"))


def _schema_field(model: Model, name: str, sqlite_type: str, key: bool) -> dict:
    f = model.field(name)
    if sqlite_type == "INTEGER":
        kind = "boolean" if f.type == "boolean" else "integer"
    elif sqlite_type == "REAL":
        kind = "number"
    else:
        kind = "date" if f.type == "date" else "string"
    field = {"name": name, "type": kind, "title": f.title_en, "description": f"{f.description_en} {f.description_th}"}
    if kind == "boolean":
        field |= {"trueValues": ["1"], "falseValues": ["0"]}
    constraints = {"required": True} if key else {}
    if f.codes and kind == "string":
        constraints["enum"] = list(CODE_LISTS[f.codes].values)
    return field | ({"constraints": constraints} if constraints else {})


def _resource(con: sqlite3.Connection, table: str, tables: dict[str, Model]) -> dict:
    model = tables[table]
    columns = [(name, kind.upper()) for _, name, kind, *_ in con.execute(f"PRAGMA table_info([{table}])")]
    key = list(model.key)
    schema = {
        "fields": [_schema_field(model, n, t, n in key and n not in model.nullable_key) for n, t in columns],
        "primaryKey": key,
    }
    if model.references:
        schema["foreignKeys"] = [
            {
                "fields": [column],
                "reference": {"resource": other, "fields": [tables[other].key[0]]},
            }
            for column, other in model.references
        ]
    return {
        "name": table,
        "path": f"{table}.csv",
        "title": f"{model.title_th} — {model.title_en}",
        "description": f"{model.description_th} — {model.description_en}",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": schema,
    }


def data_package(database: Path, tables: dict[str, Model], demo: bool) -> dict:
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        resources = [_resource(con, table, tables) for table in tables]
    finally:
        con.close()
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": PACKAGE_NAME,
        "title": TITLE,
        "description": DESCRIPTION + (" DEMO DATA — ข้อมูลสาธิต" if demo else ""),
        "licenses": [{"name": LICENSE, "path": LICENSE_URL, "title": "Creative Commons Attribution 4.0"}],
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "keywords": ["สวัสดิการสังคม", "social welfare", "indicators", "Thailand"],
        "resources": resources,
    }


def _years(release: dict) -> tuple[int, int]:
    years = release["fiscal_years"]
    return min(years), max(years)


def dcat(tables: dict[str, Model], base_url: str, release: dict) -> dict:
    """A DCAT-AP catalogue with one dataset, each table in CSV and Parquet its distributions."""
    first, last = _years(release)
    distributions = [
        {
            "@id": f"{base_url}/files/{table}.{ext}",
            "@type": "dcat:Distribution",
            "dct:title": [{"@value": model.title_th, "@language": "th"}, {"@value": model.title_en, "@language": "en"}],
            "dcat:accessURL": {"@id": f"{base_url}/welfare/{table}"},
            "dcat:downloadURL": {"@id": f"{base_url}/files/{table}.{ext}"},
            "dct:format": name,
            "dcat:mediaType": media,
            "dct:license": {"@id": LICENSE_URL},
        }
        for table, model in tables.items()
        for ext, name, media in FORMATS
    ]
    dataset = {
        "@id": f"{base_url}/#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": PACKAGE_NAME,
        "dct:title": [{"@value": TITLE, "@language": "th"}],
        "dct:description": [{"@value": DESCRIPTION, "@language": "th"}],
        "dcat:keyword": ["สวัสดิการสังคม", "social welfare", "indicators"],
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/THA"},
        "dct:spatial": {"@id": "https://www.geonames.org/1605651"},  # Thailand
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": f"{first - 544}-10-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{last - 543}-09-30", "@type": "xsd:date"},
        },
        "dct:modified": {"@value": release.get("run_ended_at", "")[:10], "@type": "xsd:date"},
        "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/ANNUAL"},
        "dct:license": {"@id": LICENSE_URL},
        "dcat:landingPage": {"@id": f"{base_url}/"},
        "dcat:distribution": distributions,
    }
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": f"{base_url}/files/dcat.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": [{"@value": TITLE, "@language": "th"}],
        "dct:description": [{"@value": DESCRIPTION, "@language": "th"}],
        "dcat:dataset": [dataset],
    }


def ckan_dataset(tables: dict[str, Model], base_url: str, release: dict) -> dict:
    """A CKAN ``package_create`` body in the Thai Government Data Catalog schema (ckanext-thai-gdc)."""
    first, last = _years(release)
    catalogue = indicators()
    units = sorted({f"{i['unit_th']} ({i['unit_en']})" for i in catalogue})
    methods = "\n".join(f"- {i['indicator_code']} {i['name_th']}: {i['computation_th']}" for i in catalogue)
    return {
        "name": PACKAGE_NAME,
        "title": TITLE,
        "notes": DESCRIPTION,
        "data_type": "ข้อมูลสถิติ",
        "objective": ["แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "พันธกิจหน่วยงาน"],
        "update_frequency_unit": "ปี",
        "update_frequency_interval": "1",
        "geo_coverage": "จังหวัด",
        "data_source": "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด และองค์กรปกครองส่วนท้องถิ่น (ทะเบียนและรายงานที่นำเข้าคลังข้อมูล)",
        "data_format": ["CSV", "Database", "JSON", "อื่นๆ"],
        "data_format_other": "Parquet",
        "data_category": "ข้อมูลสาธารณะ",
        "license_id": "Creative Commons Attributions",
        "data_language": ["ไทย", "อังกฤษ"],
        "first_year_of_data": str(first),
        "last_year_of_data": str(last),
        "disaggregate": ["ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่"],
        "unit_of_measure": "; ".join(units),
        "unit_of_multiplier": "หน่วย",
        "calculation_method": methods,
        "url": f"{base_url}/",
        "tag_string": "สวัสดิการสังคม,ตัวชี้วัด,ยุทธศาสตร์",
        "last_updated_date": release.get("run_ended_at", "")[:10],
        "resources": [
            {
                "name": f"{model.title_th} ({name})",
                "description": model.description_th,
                "url": f"{base_url}/files/{table}.{ext}",
                "format": name,
                "mimetype": media,
            }
            for table, model in tables.items()
            for ext, name, media in FORMATS
        ],
    }
