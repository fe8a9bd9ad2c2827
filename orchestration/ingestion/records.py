"""Where each record of a UTF-8 CSV file starts, and on which line a person sees it.

DuckDB parses CSV fast but does not say where a row came from, and its reject line numbers do
not count line breaks inside quoted values. A line break ends a record only outside quotes,
that is after an even number of quote characters (an escaped quote is two of them), so one
vectorised pass over the bytes finds every record; no Python runs per row.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

CHUNK = 1 << 26
WIDEN_CHUNK = 1 << 24  # its running count takes eight bytes a byte
QUOTE, NEWLINE, RETURN = ord('"'), ord("\n"), ord("\r")


@dataclass(frozen=True)
class Records:
    """Every record of a file in order, blank ones included (DuckDB's ``skip`` counts them)."""

    starts: np.ndarray  # byte offset where the record begins
    ends: np.ndarray  # byte offset of the line break that ends it, or the file's size
    lines: np.ndarray  # the 1-based line the record begins on
    blank: np.ndarray  # no content: DuckDB skips these without a word

    def __len__(self) -> int:
        return len(self.starts)


def scan(path: Path) -> Records:
    size = path.stat().st_size
    if size == 0:
        empty = np.zeros(0, np.int64)
        return Records(empty, empty, empty, np.zeros(0, bool))
    data = np.memmap(path, dtype=np.uint8, mode="r")
    newlines, separators, quotes_before = [], [], 0
    for offset in range(0, size, CHUNK):
        chunk = data[offset : offset + CHUNK]
        quotes = np.flatnonzero(chunk == QUOTE)
        breaks = np.flatnonzero(chunk == NEWLINE)
        outside = (quotes_before + np.searchsorted(quotes, breaks)) % 2 == 0
        newlines.append(breaks + offset)
        separators.append(breaks[outside] + offset)
        quotes_before += len(quotes)
    all_newlines, ends = np.concatenate(newlines), np.concatenate(separators)
    starts = np.concatenate([[0], ends + 1])
    ends = np.concatenate([ends, [size]])
    if starts[-1] == size:  # the file ends with a line break: no record after it
        starts, ends = starts[:-1], ends[:-1]
    lengths = ends - starts
    blank = lengths == 0
    one = np.flatnonzero(lengths == 1)
    blank[one] = data[starts[one]] == RETURN  # a CRLF line with nothing on it
    lines = np.searchsorted(all_newlines, starts) + 1
    return Records(starts, ends, lines, blank)


def text_of(path: Path, records: Records, indices, decode) -> list[str]:
    """The text of a few records, for finding the header; ``decode`` turns bytes into text."""
    with path.open("rb") as f:
        out = []
        for i in indices:
            f.seek(records.starts[i])
            out.append(decode(f.read(records.ends[i] - records.starts[i])).rstrip("\r"))
    return out


def widened_starts(path: Path, records: Records) -> np.ndarray:
    """Where each record starts once every byte above 127 is widened to two, as DuckDB counts
    positions in a file it reads as Latin-1 (its UTF-8 is two bytes for each of them)."""
    data = np.memmap(path, dtype=np.uint8, mode="r")
    widened, before = records.starts.copy(), 0
    for offset in range(0, len(data), WIDEN_CHUNK):
        high = np.cumsum(data[offset : offset + WIDEN_CHUNK] >= 0x80, dtype=np.int64)
        lo, hi = np.searchsorted(records.starts, [offset, offset + WIDEN_CHUNK])
        at = records.starts[lo:hi] - offset  # the high bytes before a start are those before ``at``
        widened[lo:hi] += before + np.where(at > 0, high[np.maximum(at - 1, 0)], 0)
        before += int(high[-1])
    return widened
