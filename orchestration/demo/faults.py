"""Plant row faults read off a source's source, one per spoiled row, and say which.

Every kind of value a source checks can be spoiled: a citizen ID's check digit, a required
value, a date, an amount, a code, an area. The reason each fault must be quarantined for is
returned, so the manifest records what ingestion has to find.
"""

import random
import re
from collections.abc import Callable

from orchestration.metadata.sources import Source

Mutator = Callable[[dict], str]
FUTURE = "1/10/2580"
NO_SUCH_ADDRESS = "ต.ไม่มีอยู่จริง อ.เมือง จ.นครสวรรค์"


def _set(row: dict, column: str, value: str, reason: str) -> str:
    row[column] = value
    return reason


def _spoil_area(row: dict, column: str) -> str:
    value = row[column]
    if re.fullmatch(r"\d{6}", value):
        return _set(row, column, value[:4] + "99", "unknown_area")
    return _set(row, column, NO_SUCH_ADDRESS, "unresolved_address")


def source_faults(source: Source, rng: random.Random, abolished: list[str]) -> dict[str, Mutator]:
    """Fault kind → a function that spoils a row in place and returns the expected reason."""
    cols = source.columns
    faults: dict[str, Mutator] = {}
    required = [c.name for c in cols if c.required]
    if required:
        faults["missing_required"] = lambda r: _set(r, rng.choice(required), "", "missing_required")
    for c in cols:
        n = c.name
        if c.type == "citizen_id":
            faults["invalid_citizen_id"] = lambda r, n=n: _set(
                r, n, r[n][:12] + str((int(r[n][12]) + 1) % 10), "invalid_citizen_id"
            )
        elif c.type == "date":
            faults["invalid_date"] = lambda r, n=n: _set(r, n, "31/02/2566", "invalid_date")
            if c.not_future:
                faults["future_date"] = lambda r, n=n: _set(r, n, FUTURE, "future_date")
        elif c.type in ("decimal", "integer"):
            faults["invalid_number"] = lambda r, n=n: _set(r, n, "ไม่ระบุ", "invalid_number")
            if c.non_negative:
                faults["negative_amount"] = lambda r, n=n: _set(r, n, f"-{rng.randint(1, 90_000):,}", "negative_amount")
        elif c.type == "fiscal_year":
            faults["invalid_fiscal_year"] = lambda r, n=n: _set(r, n, "2067", "invalid_fiscal_year")
        elif c.type == "subdistrict":
            faults["unknown_area"] = lambda r, n=n: _spoil_area(r, n)
            faults["abolished_area"] = lambda r, n=n: _set(r, n, rng.choice(abolished), "abolished_area")
        if c.codes:
            faults["not_in_code_list"] = lambda r, n=n: _set(r, n, "อื่น ๆ", "not_in_code_list")
    return faults


def plant(rows: list[dict], rng: random.Random, rate: float, faults: dict[str, Mutator]) -> dict[int, str]:
    """Spoil ``rate`` of the rows; a duplicate copies an earlier clean row. Returns index → reason."""
    planted: dict[int, str] = {}
    n = len(rows)
    if n < 2:
        return planted
    kinds = [*sorted(faults), "duplicate_key"]
    for i in sorted(rng.sample(range(1, n), k=min(n - 1, round(n * rate)))):
        kind = rng.choice(kinds)
        if kind == "duplicate_key":
            j = rng.randrange(i)
            if j in planted:
                continue
            rows[i] = dict(rows[j])
            planted[i] = "duplicate_key"
        else:
            planted[i] = faults[kind](rows[i])
    return planted
