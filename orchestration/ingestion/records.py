"""Where each record of a UTF-8 CSV file starts, and on which line a person sees it.

DuckDB parses CSV fast but does not say where a row came from, and its reject line numbers do
not count line breaks inside quoted values. A line break ends a record only outside quotes,
that is after an even number of quote characters (an escaped quote is two of them), so one
vectorised pass over the bytes finds every record; no Python runs per row. Most files need
less: their first records (``head``) for the header, and a count of the line breaks after it
(``lines_after``), which shows when each row is one line.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

CHUNK = 1 << 26
HEAD_BYTES = 1 << 20
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
    """Every record of the file."""
    return _scan(_bytes(path))


def head(path: Path, count: int) -> Records:
    """The first records of the file, at least ``count`` of them with content (or all there
    are): a megabyte or so is scanned, whatever the file's size."""
    data, stop = _bytes(path), HEAD_BYTES
    while True:
        records = _scan(data, min(stop, len(data)))
        if stop >= len(data) or (~records.blank).sum() >= count:
            return records
        stop *= 4


def lines_after(path: Path, end: int) -> int:
    """How many lines follow the line that ends at byte ``end`` (its line break, or the file's
    end): a last line without a line break counts."""
    data = _bytes(path)
    if end >= len(data):
        return 0
    breaks = sum(int(np.count_nonzero(data[i : i + CHUNK] == NEWLINE)) for i in range(end, len(data), CHUNK))
    return breaks - 1 + (data[-1] != NEWLINE)


def _bytes(path: Path) -> np.ndarray:
    """The file's bytes, mapped (numpy maps no empty file)."""
    return np.memmap(path, dtype=np.uint8, mode="r") if path.stat().st_size else np.zeros(0, np.uint8)


def _scan(data: np.ndarray, stop: int | None = None) -> Records:
    """The records of a file's bytes up to byte ``stop``: all of them, or those that end before it."""
    size = len(data)
    stop = size if stop is None else stop
    newlines, separators, quotes_before = [], [], 0
    for offset in range(0, stop, CHUNK):
        chunk = data[offset : min(offset + CHUNK, stop)]
        quotes = np.flatnonzero(chunk == QUOTE)
        breaks = np.flatnonzero(chunk == NEWLINE)
        outside = (quotes_before + np.searchsorted(quotes, breaks)) % 2 == 0
        newlines.append(breaks + offset)
        separators.append(breaks[outside] + offset)
        quotes_before += len(quotes)
    all_newlines = np.concatenate(newlines) if newlines else np.zeros(0, np.int64)
    ends = np.concatenate(separators) if separators else np.zeros(0, np.int64)
    starts = np.concatenate([[0], ends + 1])
    ends = np.concatenate([ends, [size]])
    # The record a part ends in goes on after it; a file that ends with a line break has no
    # record after it.
    if stop < size or starts[-1] == size:
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
