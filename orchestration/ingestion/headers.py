"""Find a source's header in the first rows of a file and name its columns.

Exports put title rows above the header, and spreadsheets merge a group header over two rows;
people type headers with odd spaces and line breaks. Headers are compared by ``header_key``.
"""

from dataclasses import dataclass
from pathlib import Path

from orchestration.ingestion.refusals import FileRefused
from orchestration.ingestion.text import header_key
from orchestration.metadata.sources import Source

SEARCH_ROWS = 12


@dataclass(frozen=True)
class Header:
    row: int  # index of its first row among the rows searched
    height: int  # 1, or 2 for a merged two-row header
    names: list[str]  # a column name for every cell: the source's, or _extra_<i>
    extra: list[str]  # header cells the source does not know, in their own words


def _merged(rows: list[list[str]], top: int) -> list[str]:
    """Two header rows where the lower names a column and the upper, merged, names its group.
    A column without a group is merged down, so its name sits in the upper row only."""
    upper = rows[top]
    lower = rows[top + 1] if top + 1 < len(rows) else []
    return [lower[i] if i < len(lower) and lower[i].strip() else upper[i] for i in range(len(upper))]


def _score(cells: list[str], keys: set[str]) -> int:
    return len({header_key(c) for c in cells} & keys)


def find(rows: list[list[str]], source: Source) -> Header | None:
    """The header among ``rows`` (the first rows of a file or sheet), or None if it has none of
    the source's columns. Missing columns are refused by ``name_columns``."""
    keys = {header_key(h) for h in source.headers}
    best, best_score, best_height = None, 0, 1
    for top in range(min(SEARCH_ROWS, len(rows))):
        for height, cells in ((1, rows[top]), (2, _merged(rows, top))):
            score = _score(cells, keys)
            if score > best_score:
                best, best_score, best_height = top, score, height
    if best is None:
        return None
    cells = rows[best] if best_height == 1 else _merged(rows, best)
    by_key = {header_key(h): name for h, name in source.headers.items()}
    names = []
    for i, c in enumerate(cells):
        name = by_key.get(header_key(c))
        names.append(name if name and name not in names else f"_extra_{i}")  # a repeated header is extra
    extra = [" ".join(c.split()) for c, n in zip(cells, names, strict=True) if n.startswith("_extra_") and c.strip()]
    return Header(best, best_height, names, extra)


def require_columns(path: Path, header: Header | None, source: Source) -> Header:
    """Refuse a file whose header lacks a source column. The message names the missing
    columns and counts the cells found, without quoting them: a "header" may be a row of data."""
    if header is None:
        raise FileRefused(path, "no_header", searched=SEARCH_ROWS)
    found = set(header.names)
    missing = [h for h, name in source.headers.items() if name not in found]
    if missing:
        raise FileRefused(path, "missing_columns", row=None, missing=", ".join(missing), found=len(header.names))
    return header
