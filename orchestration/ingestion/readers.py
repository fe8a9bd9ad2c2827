"""Read a landing file into the DuckDB temp view ``landing_file``: the source's columns as
text, as read, each row with the row number a person sees when opening the file and, in a
workbook, the sheet it is on; ``landing_values`` holds the same values without the numbering.
The views stand on temp tables named ``landing_*``; ``release`` drops them all once their rows
have been used. Views rather than tables: the rows are copied once, by the step that reads them.

A CSV file is read where it lies, so its values are not yet normalised (see text.py): the
``reading`` of the result says how a value as read becomes normalised text, and
``changed_values`` does it for the values that change, each distinct value once. Values read
row by row in Python (workbooks, CKAN, CSV the record scan could not follow) are normalised as
they are read.

Every value stays text here; typing and validation happen in SQL (``validate.py``) so that a bad
value quarantines its row instead of failing the file. What a file is comes from its content
(``sniff.py``): CSV or tab-separated text in any encoding Thai offices use, XLSX, XLS and ODS
workbooks (every sheet with the source's header), CKAN datastore JSON.
"""

import csv
import io
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from python_calamine import CalamineWorkbook

from orchestration.ingestion import headers, records, sniff
from orchestration.ingestion.refusals import FileRefused
from orchestration.ingestion.sql_functions import scalar
from orchestration.ingestion.text import CHANGED, from_cp874, normalise
from orchestration.ingestion.validate import validated_columns
from orchestration.meanwhile import meanwhile
from orchestration.metadata.sources import Source

LANDING = "landing_file"
VALUES = "landing_values"
ROWS = "landing_rows"  # the rows read in Python (workbooks, CKAN, CSV read row by row)
BATCH = 50_000
DELIMITERS = (",", "\t", ";", "|")
MAX_LINE_BYTES = 1 << 25  # a record may hold a megabyte in one cell, and more
csv.field_size_limit(MAX_LINE_BYTES)  # the csv module's default is 128 KiB a field


@dataclass
class ReadResult:
    rows: int = 0  # data rows read, malformed ones included
    # Rows that could not be split into the header's columns: (row number, what was wrong).
    malformed: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origin: dict | None = None  # where a fetched file came from: portal, resource, time
    reading: "InPlace | None" = None  # how a value as read becomes normalised text; None: it is already


def read(con: duckdb.DuckDBPyConnection, path: Path, source: Source, workdir: Path) -> ReadResult:
    """Fill ``landing_file`` from ``path``; refuse a file that cannot be read as a whole."""
    what = sniff.kind(path)
    if what == "workbook":
        return _read_workbook(con, path, source)
    if what == "json":
        return _read_ckan(con, path, source)
    return _read_text(con, path, source, workdir)


def release(con: duckdb.DuckDBPyConnection) -> None:
    """Drop ``landing_file``, ``landing_values`` and the tables they stand on."""
    con.execute(f"DROP VIEW IF EXISTS {LANDING}")
    con.execute(f"DROP VIEW IF EXISTS {VALUES}")
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'landing_')"
    ).fetchall()
    for (table,) in tables:
        con.execute(f"DROP TABLE {table}")


def cell_text(value) -> str:
    """A spreadsheet or JSON cell as text: whole numbers without ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return normalise(str(value))


# --- text (CSV, tab-separated) ---------------------------------------------------------------


def _read_text(con, path: Path, source: Source, workdir: Path) -> ReadResult:
    """UTF-8 and TIS-620 are read where they lie, and checked meanwhile; UTF-16 is first
    transcoded to UTF-8."""
    workdir.mkdir(parents=True, exist_ok=True)
    utf8 = workdir / f"landing-{uuid.uuid4().hex}.csv"  # holds personal data: stays in the data folder
    try:
        encoding = sniff.encoding(path)
        if encoding in IN_PLACE:
            # Checked while read (see below): bytes that are no text in the encoding refuse the
            # file, whatever else is wrong with it (DuckDB may fail on them too).
            text, reading, checking = path, IN_PLACE[encoding], meanwhile(sniff.check, path, encoding)
        else:
            sniff.transcode(path, utf8, encoding)
            text, reading, checking = utf8, _UTF8, nullcontext()
        with checking:
            # The first records hold the header, and the first data row below a two-row one.
            head = records.head(text, headers.SEARCH_ROWS + 2)
            content = np.flatnonzero(~head.blank)
            first = records.text_of(text, head, content[: headers.SEARCH_ROWS], reading.from_bytes)
            delimiter, header = _find_text_header(first, source)
            header = headers.require_columns(path, header, source)
            last = int(content[header.row + header.height - 1])  # the header's last record
            result = _read_csv_with_duckdb(con, text, reading, head, last, delimiter, header, source)
            if result is None:  # DuckDB and the record scan disagree (a stray quote): read it row by row
                if text == path:
                    sniff.transcode(path, utf8, encoding)
                result = _read_csv_with_python(con, path, utf8, delimiter, source)
            else:
                result.notes += _extra_columns_note(header)
        if encoding not in ("utf-8", "utf-8-sig"):
            result.notes.append(f"read as {encoding}")
        return result
    finally:
        utf8.unlink(missing_ok=True)


@dataclass(frozen=True)
class InPlace:
    """How DuckDB reads a file in an encoding where it lies, and how its text is normalised as
    ``sniff.transcode`` would write it: ``from_bytes`` for a few records (the header),
    ``from_value`` for a value DuckDB read that ``changes`` (SQL, true where it may)."""

    duckdb_encoding: str
    from_bytes: Callable[[bytes], str]
    from_value: Callable[[str], str]
    changes: str


# A UTF-8 value changes if it holds a character normalising replaces or composes, or is not NFC.
_UTF8_CHANGES = f"regexp_matches(value, '[{''.join(sorted(CHANGED))}]') OR nfc_normalize(value) <> value"
_UTF8 = InPlace("utf-8", lambda b: normalise(b.decode("utf-8")), normalise, _UTF8_CHANGES)
IN_PLACE = {
    "utf-8": _UTF8,
    # DuckDB takes a byte-order mark off the first value and counts positions from the file's start.
    "utf-8-sig": _UTF8,
    # DuckDB cannot decode TIS-620: read as Latin-1, each byte is one character, as in TIS-620;
    # every value that is not ASCII is decoded.
    "cp874": InPlace("latin-1", from_cp874, lambda v: from_cp874(v.encode("latin-1")), "true"),
}


def _parse(texts: list[str], delimiter: str) -> list[list[str]]:
    return [next(csv.reader(io.StringIO(t), delimiter=delimiter), []) for t in texts]


def _find_text_header(texts: list[str], source: Source):
    """The delimiter under which the first records hold the best header."""
    found = [(d, headers.find(_parse(texts, d), source)) for d in DELIMITERS]
    found = [(d, h) for d, h in found if h is not None]
    if not found:
        return ",", None
    return max(found, key=lambda dh: sum(not n.startswith("_extra_") for n in dh[1].names))


def _read_csv_with_duckdb(
    con,
    text: Path,
    reading: InPlace,
    head: records.Records,
    last: int,
    delimiter: str,
    header: headers.Header,
    source: Source,
) -> ReadResult | None:
    """DuckDB's reader for the values, the records for the line numbers: the file's first
    records, when each row DuckDB read is a line of its own below the header, or else every
    record. Rows DuckDB rejects (too few or too many columns) are malformed; the rest must be
    exactly the records."""
    columns = ", ".join(f"'{n}': 'VARCHAR'" for n in header.names)
    names = _read_columns(source)
    for table in ("landing_rejects", "landing_scans", "landing_raw"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    # The lines below the header, counted while DuckDB reads: a pass over the file's bytes that takes
    # the share of the two cores DuckDB's reader leaves (about a quarter), not time of its own.
    with meanwhile(records.lines_after, text, int(head.ends[last])) as lines:
        # Only the columns kept are taken from the file: the others are never stored. DuckDB
        # counts blank records among those it skips, and passes over those below without a word.
        con.execute(
            f"""
            CREATE TEMP TABLE landing_raw AS SELECT {", ".join(names)}
            FROM read_csv(?, header = false, skip = {last + 1}, auto_detect = false, columns = {{{columns}}},
                delim = ?, quote = '"', escape = '"', encoding = '{reading.duckdb_encoding}',
                strict_mode = true, max_line_size = {MAX_LINE_BYTES}, store_rejects = true,
                rejects_table = 'landing_rejects', rejects_scan = 'landing_scans')
        """,
            [str(text), delimiter],
        )
        # Only the position and kind of each error: csv_line would be the row's text.
        rejected = con.execute("SELECT DISTINCT line_byte_position, lower(error_type) FROM landing_rejects").fetchall()
        con.execute("DROP TABLE landing_rejects; DROP TABLE landing_scans")
        read = scalar(con, "SELECT count(*) FROM landing_raw")
        one_line_each = not rejected and lines.result() == read
    if one_line_each:
        # Each row a line: the first is the line below the header's, the rest follow.
        number, rows = f"r.rowid + {int(head.lines[last + 1]) if read else 0}", "landing_raw r"
        malformed = []
    else:
        recs = records.scan(text)
        data = np.flatnonzero(~recs.blank)
        data = data[data > last]
        widened = reading.duckdb_encoding == "latin-1" and rejected
        starts = records.widened_starts(text, recs) if widened else recs.starts
        holding = _records_holding(starts, recs.blank, np.array([p for p, _ in rejected], np.int64))
        bad = {int(i): kind for i, (_, kind) in zip(holding, rejected, strict=True)}
        accepted = data[~np.isin(data, list(bad))]
        if read != len(accepted):
            con.execute("DROP TABLE landing_raw")
            return None
        number, rows = _numbered(con, recs.lines[accepted])
        malformed = sorted((int(recs.lines[i]), kind) for i, kind in bad.items())
        read = len(data)
    columns = ", ".join(f"r.{n}" for n in names)
    con.execute(f"CREATE OR REPLACE TEMP VIEW {VALUES} AS SELECT {columns} FROM landing_raw r")
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {LANDING} AS SELECT {columns}, {number} AS _row_number, "
        f"CAST(NULL AS VARCHAR) AS _sheet FROM {rows}"
    )
    return ReadResult(rows=read, malformed=malformed, reading=reading)


def _numbered(con, lines: np.ndarray) -> tuple[str, str]:
    """The line of each row of ``landing_raw`` r (the n-th row DuckDB kept is the n-th accepted
    record) and the relation it is read from. Where each record is one line and none was left
    out, as in most files, it is counted from the first; otherwise it is joined on the row's
    number (in parallel, where a POSITIONAL JOIN would run on one thread)."""
    if len(lines) == 0 or bool((np.diff(lines) == 1).all()):
        return f"r.rowid + {int(lines[0]) if len(lines) else 0}", "landing_raw r"
    con.register("lines", pa.table({"n": np.arange(len(lines)), "line": lines}))
    con.execute("CREATE OR REPLACE TEMP TABLE landing_lines AS SELECT * FROM lines")
    con.unregister("lines")
    return "l.line", "(SELECT rowid AS n, * FROM landing_raw) r JOIN landing_lines l USING (n)"


def _read_columns(source: Source) -> list[str]:
    """The columns taken from a file: those validation reads (a name or an address is left)."""
    return [c.name for c in validated_columns(source)]


def changed_values(con, relation: str, column: str, reading: InPlace | None, table: str) -> bool:
    """Make ``table`` (raw, text): each distinct value of ``column`` in ``relation`` that
    normalising changes, as read, and its normalised text. False, and no table, when none does
    (ASCII never changes; nor do values read in Python, normalised as they were read)."""
    if reading is None:
        return False
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT row_number() OVER () AS n, value AS raw FROM "
        f"(SELECT DISTINCT {column} AS value FROM {relation} WHERE strlen({column}) <> length({column})) "
        f"WHERE {reading.changes}"
    )
    count = scalar(con, f"SELECT count(*) FROM {table}")
    if not count:
        con.execute(f"DROP TABLE {table}")
        return False
    texts = [
        _normalised_batch(con, table, start, min(start + BATCH, count), reading.from_value)
        for start in range(0, count, BATCH)
    ]
    con.register("normalised", pa.table({"n": np.arange(1, count + 1), "text": pa.concat_arrays(texts)}))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT raw, text FROM {table} JOIN normalised USING (n)")
    con.unregister("normalised")
    return True


def _normalised_batch(con, table: str, start: int, stop: int, normalised: Callable[[str], str]) -> pa.Array:
    """Values ``start`` + 1 to ``stop`` of ``table``, normalised all at once: they travel as one
    text, joined by a NUL (which normalising leaves alone and no mark combines with), so that no
    Python object is made per value."""
    where = "WHERE n > ? AND n <= ?"
    joined = scalar(con, f"SELECT string_agg(raw, chr(0) ORDER BY n) FROM {table} {where}", [start, stop])
    texts = pc.split_pattern(pa.array([normalised(joined)]), "\0").flatten()
    if len(texts) == stop - start:
        return texts
    raw = con.execute(f"SELECT raw FROM {table} {where} ORDER BY n", [start, stop]).fetchall()  # a value held a NUL
    return pa.array([normalised(v) for (v,) in raw], pa.string())


def _records_holding(starts: np.ndarray, blank: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The record each byte position falls in; DuckDB reports the start of a line, which may be a
    blank one before the record, so a blank record stands for the next one with content."""
    n = len(starts)
    with_content = np.where(~blank, np.arange(n), n - 1)
    next_with_content = np.minimum.accumulate(with_content[::-1])[::-1]
    return next_with_content[np.searchsorted(starts, positions, side="right") - 1]


def _read_csv_with_python(con, path: Path, utf8: Path, delimiter: str, source: Source) -> ReadResult:
    with utf8.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)

        def numbered() -> Iterator[tuple[int, list[str]]]:
            line = 1
            for row in reader:
                if row:  # csv gives a blank line as []
                    yield line, row
                line = reader.line_num + 1

        _create_landing(con, source)
        result = _load_rows(con, path, source, numbered(), sheet=None, strict_width=True)
    if result is None:
        raise FileRefused(path, "no_header", searched=headers.SEARCH_ROWS)
    return result


# --- workbooks (XLSX, XLS, ODS) --------------------------------------------------------------


def _read_workbook(con, path: Path, source: Source) -> ReadResult:
    try:
        with path.open("rb") as f:
            book = CalamineWorkbook.from_filelike(f)
    except Exception as e:  # calamine raises its own error types for broken workbooks
        raise FileRefused(path, "unreadable_workbook", error=type(e).__name__) from None
    _create_landing(con, source)
    total, skipped = ReadResult(), []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        top = sheet.start[0] if sheet.start else 0
        rows = ((top + i + 1, [cell_text(v) for v in row]) for i, row in enumerate(sheet.iter_rows()))
        result = _load_rows(con, path, source, rows, sheet=name, strict_width=False)
        if result is None:
            skipped.append(name)
            continue
        total.rows += result.rows
        total.notes += [n for n in result.notes if n not in total.notes]
    if len(skipped) == len(book.sheet_names):
        raise FileRefused(path, "no_sheet", sheets=len(skipped))
    if skipped:
        total.notes.append(f"sheet(s) without this source's header, not read: {', '.join(skipped)}")
    return total


# --- CKAN datastore JSON ---------------------------------------------------------------------


def _read_ckan(con, path: Path, source: Source) -> ReadResult:
    """The JSON a CKAN datastore_search call returns. A failed call and one page of several are
    refused: loading them would pass part of a source off as the whole of it."""
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        if doc.get("success") is False:
            error = doc.get("error") or {}
            raise FileRefused(path, "ckan_error", error=error.get("message") or error.get("__type") or "?")
        result = doc["result"]
        entries, fields = result["records"], [f["id"] for f in result["fields"] if f["id"] != "_id"]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FileRefused(path, "not_ckan") from None
    total, offset = result.get("total"), int(result.get("offset") or 0)
    if total is not None and (offset or len(entries) < total):
        raise FileRefused(path, "ckan_partial", first=offset + 1, last=offset + len(entries), total=total)
    rows = [(0, fields)] + [
        (int(r.get("_id", i)), [cell_text(r.get(f)) for f in fields]) for i, r in enumerate(entries, start=1)
    ]
    _create_landing(con, source)
    read = _load_rows(con, path, source, iter(rows), sheet=None, strict_width=False)
    if read is None:
        raise FileRefused(path, "no_header", searched=1)
    read.origin = doc.get("provenance")
    return read


# --- rows read in Python: workbooks, CKAN records, CSV the scan could not follow --------------


def _create_landing(con, source: Source) -> None:
    names = _read_columns(source)
    columns = ", ".join(f"{n} VARCHAR" for n in names)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {ROWS} ({columns}, _row_number BIGINT, _sheet VARCHAR)")
    con.execute(f"CREATE OR REPLACE TEMP VIEW {LANDING} AS SELECT * FROM {ROWS}")
    con.execute(f"CREATE OR REPLACE TEMP VIEW {VALUES} AS SELECT {', '.join(names)} FROM {ROWS}")


def _load_rows(
    con, path: Path, source: Source, rows: Iterator[tuple[int, list[str]]], sheet: str | None, strict_width: bool
) -> ReadResult | None:
    """Find the header in the first rows, then append the data rows below it to ``landing_rows``
    in batches. None if the rows hold no header of this source (a sheet of instructions)."""
    first = list(islice(rows, headers.SEARCH_ROWS))
    header = headers.find([r for _, r in first], source)
    if header is None:
        return None
    headers.require_columns(path, header, source)
    width = len(header.names)
    wanted = [header.names.index(n) for n in _read_columns(source)]
    result = ReadResult(notes=_extra_columns_note(header))
    batch: list[tuple[int, list[str]]] = []

    def flush() -> None:
        if batch:
            _append(con, source, batch, sheet, wanted)
            batch.clear()

    for number, row in _chain(first[header.row + header.height :], rows):
        if not any(v.strip() for v in row):
            continue  # a blank row is not data
        result.rows += 1
        if strict_width and len(row) != width:
            result.malformed.append((number, "missing columns" if len(row) < width else "too many columns"))
            continue
        batch.append((number, row + [""] * (width - len(row))))
        if len(batch) >= BATCH:
            flush()
    flush()
    return result


def _chain(first: list, rest: Iterator) -> Iterable:
    yield from first
    yield from rest


def _append(con, source: Source, batch: list[tuple[int, list[str]]], sheet: str | None, wanted: list[int]) -> None:
    table = pa.table(
        {
            **{
                n: pa.array([row[i] for _, row in batch], pa.string())
                for n, i in zip(_read_columns(source), wanted, strict=True)
            },
            "_row_number": pa.array([n for n, _ in batch], pa.int64()),
            "_sheet": pa.array([sheet] * len(batch), pa.string()),
        }
    )
    con.register("landing_batch", table)
    con.execute(f"INSERT INTO {ROWS} SELECT * FROM landing_batch")
    con.unregister("landing_batch")


def _extra_columns_note(header: headers.Header) -> list[str]:
    return [f"unexpected column(s) ignored: {', '.join(header.extra)}"] if header.extra else []
