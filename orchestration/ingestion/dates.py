"""Dates as Thai offices write them, in Buddhist or Common Era.

``2566-10-01``, ``1/10/2566``, ``01-10-2566``, ``1 ต.ค. 2566``, ``1 ตค 66``,
``01 ตุลาคม พ.ศ. 2566``, ``2023-10-01T00:00:00`` (CKAN timestamps). Digits are already ASCII
(see ``text.normalise``). A column has few distinct date texts however many rows it has, so each
distinct text is parsed once here and joined in SQL (``lookup_table``).
"""

import re
from datetime import date

import pyarrow as pa

from orchestration.metadata.thai import BUDDHIST_ERA_OFFSET

MONTHS_FULL = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
_MONTH = {name.replace(".", ""): i for i, name in enumerate(MONTHS_SHORT, 1)} | {
    name: i for i, name in enumerate(MONTHS_FULL, 1)
}

_TIME = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_MONTH_NAME = re.compile(r"(\d{1,2})\s*([^\d\s]+?)\s*(?:พ\.?ศ\.?|ค\.?ศ\.?)?\s*(\d{4}|\d{2})")


def _year(text: str) -> int:
    """A year as written: Buddhist Era (2566, or 66 after a Thai month) or Common Era (2023)."""
    y = int(text)
    if y < 100:
        y += 2500
    return y - BUDDHIST_ERA_OFFSET if y > 2400 else y


def parse(text: str | None) -> date | None:
    if not text:
        return None
    text = _TIME.sub("", text.strip())
    try:
        if m := _YEAR_FIRST.fullmatch(text):
            y, mo, d = m.groups()
            return date(_year(y), int(mo), int(d))
        if m := _DAY_FIRST.fullmatch(text):
            d, mo, y = m.groups()
            return date(_year(y), int(mo), int(d))
        if (m := _MONTH_NAME.fullmatch(text)) and (month := _MONTH.get(m[2].replace(".", ""))):
            return date(_year(m[3]), month, int(m[1]))
    except ValueError:  # 31/02/2566
        return None
    return None


def lookup_table(texts: list[str]) -> pa.Table:
    return pa.table({"text": pa.array(texts, pa.string()), "parsed": pa.array([parse(t) for t in texts], pa.date32())})
