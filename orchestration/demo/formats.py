"""Write demo rows the way Thai government systems export them: cp874 or BOM CSV, XLSX with
title rows and merged two-row headers, JSON as a CKAN datastore API returns it."""

import csv
import io
import json
import random
from datetime import date, datetime, timedelta

import xlsxwriter

from orchestration.ingestion.dates import MONTHS_FULL, MONTHS_SHORT
from orchestration.ingestion.text import THAI_DIGITS
from orchestration.metadata.sources import Source
from orchestration.metadata.thai import BUDDHIST_ERA_OFFSET

DEMO_TIME = datetime(2025, 10, 1)  # fixed file timestamps keep output byte-identical
XLSX_FIRST_DATA_ROW = 6  # title, date line, blank, two header rows


def be(d: date) -> int:
    return d.year + BUDDHIST_ERA_OFFSET


def thai_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", THAI_DIGITS))


def format_date(d: date, rng: random.Random) -> str:
    """One of the spellings Thai offices use, in Buddhist Era, sometimes with Thai digits."""
    text = rng.choice(
        [
            f"{be(d)}-{d.month:02d}-{d.day:02d}",
            f"{d.day}/{d.month}/{be(d)}",
            f"{d.day} {MONTHS_SHORT[d.month - 1]} {be(d)}",
            f"{d.day:02d} {MONTHS_FULL[d.month - 1]} {be(d)}",
        ]
    )
    return thai_digits(text) if rng.random() < 0.1 else text


def format_amount(value: float, rng: random.Random) -> str:
    """Thousand separators mostly, Thai digits or stray spaces sometimes."""
    text = f"{value:,.2f}" if rng.random() < 0.8 else f"{value:.2f}"
    if rng.random() < 0.05:
        return thai_digits(text)
    return f" {text} " if rng.random() < 0.05 else text


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _table(source: Source, rows: list[dict]) -> tuple[list[str], list[list]]:
    return [c.header_th for c in source.columns], [[r[c.name] for c in source.columns] for r in rows]


def csv_bytes(source: Source, rows: list[dict], encoding: str, extra_column: str | None = None) -> bytes:
    header, values = _table(source, rows)
    if extra_column:  # an export whose system added a column the source does not know
        header, values = [*header, extra_column], [[*v, ""] for v in values]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(values)
    return buf.getvalue().encode(encoding)


def truncate_last_line(data: bytes) -> bytes:
    """A transfer cut short: the last row loses its second half."""
    body = data.rstrip(b"\r\n")
    start = body.rfind(b"\n") + 1
    cut = body.find(b",", start + (len(body) - start) // 2)
    return body[: cut if cut > 0 else len(body)]


def ckan_json_bytes(source: Source, rows: list[dict], resource_id: str) -> bytes:
    header, values = _table(source, rows)
    fields = [{"id": "_id", "type": "int"}] + [{"id": h, "type": "text"} for h in header]
    records = [{"_id": i, **dict(zip(header, v, strict=True))} for i, v in enumerate(values, start=1)]
    response = {
        "help": "https://data.go.th/api/3/action/help_show?name=datastore_search",
        "success": True,
        "result": {
            "resource_id": resource_id,
            "fields": fields,
            "records": records,
            "total": len(records),
            "_links": {"start": f"/api/3/action/datastore_search?resource_id={resource_id}"},
        },
    }
    return json.dumps(response, ensure_ascii=False, indent=1).encode("utf-8")


def write_xlsx(path, source: Source, rows: list[dict], title: str, groups: dict[str, str]) -> None:
    """A title row, a date line, then a two-row header: ``groups`` names the merged upper cell
    over consecutive columns; other columns are merged down over both header rows."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": DEMO_TIME, "title": title})
    ws = wb.add_worksheet("ทะเบียน")
    bold = wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1})
    dates = wb.add_format({"num_format": "yyyy-mm-dd"})
    cols = source.columns
    ws.merge_range(0, 0, 0, len(cols) - 1, title, bold)
    ws.write(1, 0, "ข้อมูล ณ วันที่ 30 กันยายน 2568 (ข้อมูลสาธิต)")
    i = 0
    while i < len(cols):
        group = groups.get(cols[i].name)
        span = 1
        while group and i + span < len(cols) and groups.get(cols[i + span].name) == group:
            span += 1
        if group is None:
            ws.merge_range(3, i, 4, i, cols[i].header_th, bold)
        else:
            ws.merge_range(3, i, 3, i + span - 1, group, bold)
            for j in range(i, i + span):
                ws.write(4, j, cols[j].header_th, bold)
        i += span
    for r, row in enumerate(rows, start=XLSX_FIRST_DATA_ROW - 1):
        for c, col in enumerate(cols):
            value = row[col.name]
            if isinstance(value, date):  # some offices type dates, some enter real date cells
                ws.write_datetime(r, c, datetime(value.year, value.month, value.day), dates)
            else:
                ws.write_string(r, c, value)
    wb.close()
