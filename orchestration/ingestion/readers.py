"""Read a landing file into an Arrow table of text columns named by its contract.

Every value stays text here; typing and validation happen in SQL (see ``validate.py``) so that
a bad value becomes a quarantined row instead of a failed file. Each row keeps the row number a
person would see when opening the file (header lines counted), and the sheet name for XLSX.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
from python_calamine import CalamineWorkbook

from orchestration.ingestion.contracts import Contract

HEADER_SEARCH_ROWS = 12


class UnreadableFileError(Exception):
    """The file as a whole cannot be read against its contract."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class ReadResult:
    table: pa.Table
    # Rows that could not be split into the header's columns: (row number, columns found).
    malformed: list[tuple[int, int]] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return self.table.num_rows + len(self.malformed)


def read_file(path: Path, contract: Contract) -> ReadResult:
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise UnreadableFileError(path, "the file is empty")
    readers = {".csv": _read_csv, ".xlsx": _read_xlsx, ".json": _read_ckan_json}
    if suffix not in readers:
        raise UnreadableFileError(path, f"unsupported file type {suffix!r}")
    return readers[suffix](path, contract)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a BOM) if it decodes, else cp874 (TIS-620), as Thai offices write."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp874")


def _read_csv(path: Path, contract: Contract) -> ReadResult:
    text = decode(path.read_bytes())
    header = next(csv.reader(io.StringIO(text)), [])
    names = _column_names(path, contract, header)
    malformed: list[tuple[int, int]] = []

    def keep_malformed(row) -> str:
        malformed.append((row.number, row.actual_columns))
        return "skip"

    # One thread, so that pyarrow knows the line number of a malformed row.
    table = pacsv.read_csv(
        io.BytesIO(text.encode("utf-8")),
        read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, use_threads=False),
        parse_options=pacsv.ParseOptions(invalid_row_handler=keep_malformed),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                             strings_can_be_null=False),
    )
    # Line 1 is the header, so the first data row is row 2 as a spreadsheet shows it. Row
    # numbers count lines; a quoted value spanning lines would shift them (not seen in exports).
    numbers = _row_numbers(2, table.num_rows + len(malformed), {m[0] for m in malformed})
    return _result(table, numbers, None, contract, names, malformed)


def _read_ckan_json(path: Path, contract: Contract) -> ReadResult:
    """The JSON a CKAN datastore_search call returns: result.fields and result.records."""
    try:
        result = json.loads(decode(path.read_bytes()))["result"]
        records, fields = result["records"], [f["id"] for f in result["fields"]]
    except (ValueError, KeyError, TypeError) as e:
        raise UnreadableFileError(path, f"not a CKAN datastore response ({e})") from e
    names = _column_names(path, contract, [f for f in fields if f != "_id"])
    headers = {name: header for header, name in zip([f for f in fields if f != "_id"], names)}
    columns = {n: pa.array([_cell_text(r.get(headers[n])) for r in records], pa.string()) for n in names}
    table = pa.table(columns) if records else pa.table({n: pa.array([], pa.string()) for n in names})
    # A record's row is its CKAN _id where there is one, else its position.
    numbers = [int(r.get("_id", i)) for i, r in enumerate(records, start=1)]
    return _result(table, numbers, None, contract, names)


def _read_xlsx(path: Path, contract: Contract) -> ReadResult:
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    except Exception as e:  # calamine raises its own error types for broken workbooks
        raise UnreadableFileError(path, f"not a readable XLSX workbook ({e})") from e
    rows = [[_cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    top, header = _find_header(rows, contract)
    names = _column_names(path, contract, header)
    first = top + _header_height(rows, top, contract)
    # Sheet row numbers as Excel shows them; wholly blank rows are not data.
    data = [(first + 1 + i, r + [""] * (len(names) - len(r)))
            for i, r in enumerate(rows[first:]) if any(v.strip() for v in r)]
    columns = {n: pa.array([r[i] for _, r in data], pa.string()) for i, n in enumerate(names)}
    table = pa.table(columns) if data else pa.table({n: pa.array([], pa.string()) for n in names})
    return _result(table, [n for n, _ in data], sheet.name, contract, names)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _merged_header(rows: list[list[str]], top: int) -> list[str]:
    """Two header rows where the lower names a column and the upper, merged, names its group.
    A column without a group is merged down, so its name sits in the upper row only."""
    upper, lower = rows[top], rows[top + 1] if top + 1 < len(rows) else []
    return [(lower[i] if i < len(lower) and lower[i].strip() else upper[i]) for i in range(len(upper))]


def _score(header: list[str], contract: Contract) -> int:
    return len({h.strip() for h in header} & set(contract.headers))


def _header_height(rows: list[list[str]], top: int, contract: Contract) -> int:
    single, double = _score(rows[top], contract), _score(_merged_header(rows, top), contract)
    return 2 if double > single else 1


def _find_header(rows: list[list[str]], contract: Contract) -> tuple[int, list[str]]:
    """Skip title rows: the header is where the contract's Thai headers are found."""
    best = max(range(min(HEADER_SEARCH_ROWS, len(rows))), key=lambda r: _score(_merged_header(rows, r), contract),
               default=0)
    header = _merged_header(rows, best) if _header_height(rows, best, contract) == 2 else rows[best]
    return best, header


def _column_names(path: Path, contract: Contract, header: list[str]) -> list[str]:
    """Map Thai headers to column names; every contract column must be there, extras are kept
    under their own header so the file still parses, and dropped when selected."""
    stripped = [h.strip() for h in header]
    missing = [h for h in contract.headers if h not in stripped]
    if missing:
        raise UnreadableFileError(path, f"missing column(s) {', '.join(missing)}; found {', '.join(stripped)}")
    return [contract.headers.get(h, f"_extra_{i}_{h}") for i, h in enumerate(stripped)]


def _row_numbers(first: int, count: int, skipped: set[int]) -> list[int]:
    return [n for n in range(first, first + count) if n not in skipped]


def _result(table: pa.Table, numbers: list[int], sheet: str | None, contract: Contract, names: list[str],
            malformed: list[tuple[int, int]] | None = None) -> ReadResult:
    """The contract's columns with each row's position; extra columns are reported, not kept."""
    n = table.num_rows
    table = table.select([c.name for c in contract.columns])
    table = table.append_column("_row_number", pa.array(numbers, pa.int64()))
    table = table.append_column("_sheet", pa.array([sheet] * n, pa.string()))
    extra = [name.split("_", 3)[3] for name in names if name.startswith("_extra_")]
    return ReadResult(table, malformed or [], extra)
