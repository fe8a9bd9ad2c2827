"""Write demo rows the way Thai government systems export them: cp874 or BOM CSV, XLSX with
title rows and merged two-row headers, JSON as a CKAN datastore API returns it. Each export is
written as its rows come (``write`` as often as needed, then ``close``), so a file of the whole
country never has to be held in memory."""

import codecs
import csv
import io
import json
import os
import random
from datetime import date, datetime, timedelta
from pathlib import Path

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


class CsvExport:
    """A CSV export written as its rows come, in ``encoding`` ("cp874" or "utf-8-sig": the
    byte-order mark once, at the start), with Windows line ends."""

    def __init__(self, path: Path, source: Source, encoding: str, extra_column: str | None = None, truncated=False):
        self.file = open(path, "w+b")  # noqa: SIM115 (closed by close())
        self.encoder = codecs.getincrementalencoder(encoding)()
        self.columns = [c.name for c in source.columns]
        self.extra = [""] if extra_column else []  # an export whose system added a column the source does not know
        self.truncated = truncated  # a transfer cut short in its last row
        self._write([[c.header_th for c in source.columns] + ([extra_column] if extra_column else [])])

    def _write(self, values: list[list]) -> None:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows(values)
        self.file.write(self.encoder.encode(buf.getvalue()))

    def write(self, rows: list[dict]) -> None:
        self._write([[r[c] for c in self.columns] + self.extra for r in rows])

    def close(self) -> None:
        if self.truncated:
            self._cut_last_row()
        self.file.close()

    def _cut_last_row(self) -> None:
        """The last row loses its second half, and the file its last line end."""
        size = self.file.seek(0, os.SEEK_END)
        start = max(0, size - 1_000_000)  # well over one row
        self.file.seek(start)
        body = self.file.read().rstrip(b"\r\n")
        line = body.rfind(b"\n") + 1
        cut = body.find(b",", line + (len(body) - line) // 2)
        self.file.truncate(start + (cut if cut > 0 else len(body)))


class CkanJsonExport:
    """A CKAN datastore_search response written as its records come."""

    def __init__(self, path: Path, source: Source, resource_id: str):
        self.file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed by close())
        self.header = {c.name: c.header_th for c in source.columns}
        fields = [{"id": "_id", "type": "int"}] + [{"id": h, "type": "text"} for h in self.header.values()]
        response = {
            "help": "https://data.go.th/api/3/action/help_show?name=datastore_search",
            "success": True,
            "result": {
                "resource_id": resource_id,
                "fields": fields,
                "records": "@records@",
                "total": "@total@",
                "_links": {"start": f"/api/3/action/datastore_search?resource_id={resource_id}"},
            },
        }
        head, self.tail = json.dumps(response, ensure_ascii=False, indent=1).split('"@records@"')
        self.file.write(head + "[")
        self.records = 0

    def write(self, rows: list[dict]) -> None:
        for row in rows:
            self.records += 1
            record = {"_id": self.records} | {h: row[c] for c, h in self.header.items()}
            self.file.write(("\n" if self.records == 1 else ",\n") + json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        self.file.write("\n]" + self.tail.replace('"@total@"', str(self.records)))
        self.file.close()


class XlsxExport:
    """A title row, a date line, then a two-row header: ``groups`` names the merged upper cell
    over consecutive columns; other columns are merged down over both header rows. Rows are
    written as they come (xlsxwriter's constant-memory mode)."""

    def __init__(self, path: Path, source: Source, title: str, groups: dict[str, str]):
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        self.book.set_properties({"created": DEMO_TIME, "title": title})
        self.sheet = ws = self.book.add_worksheet("ทะเบียน")
        bold = self.book.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1})
        self.dates = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.columns = cols = source.columns
        ws.merge_range(0, 0, 0, len(cols) - 1, title, bold)
        ws.write(1, 0, "ข้อมูล ณ วันที่ 30 กันยายน 2568 (ข้อมูลสาธิต)")
        spans = self._header_spans(groups)
        # Row by row, as constant-memory mode requires: a row is written out as soon as a later
        # one is touched, and a vertical merge touches the row below.
        for i, span, group in spans:
            if group is None:
                ws.write_string(3, i, cols[i].header_th, bold)
            else:
                ws.merge_range(3, i, 3, i + span - 1, group, bold)
        for i, span, group in spans:
            if group is None:
                ws.merge_range(3, i, 4, i, cols[i].header_th, bold)  # row 3's value is written already
            else:
                for j in range(i, i + span):
                    ws.write_string(4, j, cols[j].header_th, bold)
        self.next_row = XLSX_FIRST_DATA_ROW - 1

    def _header_spans(self, groups: dict[str, str]) -> list[tuple[int, int, str | None]]:
        """(first column, columns spanned, group) of each upper header cell."""
        spans, i = [], 0
        while i < len(self.columns):
            group = groups.get(self.columns[i].name)
            span = 1
            while group and i + span < len(self.columns) and groups.get(self.columns[i + span].name) == group:
                span += 1
            spans.append((i, span, group))
            i += span
        return spans

    def write(self, rows: list[dict]) -> None:
        for row in rows:
            for c, col in enumerate(self.columns):
                value = row[col.name]
                if isinstance(value, date):  # some offices type dates, some enter real date cells
                    self.sheet.write_datetime(
                        self.next_row, c, datetime(value.year, value.month, value.day), self.dates
                    )
                else:
                    self.sheet.write_string(self.next_row, c, value)
            self.next_row += 1

    def close(self) -> None:
        self.book.close()
