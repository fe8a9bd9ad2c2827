"""Resolve subdistricts written as Thai address text ("12 หมู่ 3 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์")
to DOPA codes with geothai. Each distinct text is resolved once, then joined in SQL."""

import re
from functools import lru_cache

import geothai
import pyarrow as pa

_PART = r"\s*([^\s]+)"
SUBDISTRICT = re.compile(r"(?:ต\.|ตำบล|แขวง)" + _PART)
DISTRICT = re.compile(r"(?:อ\.|อำเภอ|เขต)" + _PART)
PROVINCE = re.compile(r"(?:จ\.|จังหวัด)" + _PART)


@lru_cache(maxsize=100_000)
def resolve(text: str) -> tuple[str | None, str]:
    """(code, status): status is 'resolved', 'unresolved' (no current subdistrict has that name
    there) or 'ambiguous' (several do)."""
    parts = [p.search(text) for p in (SUBDISTRICT, DISTRICT, PROVINCE)]
    if parts[0] is None:
        return None, "unresolved"
    sub, district, province = (m.group(1) if m else None for m in parts)
    found = geothai.match(sub, district=district, province=province)
    if len(found) == 1:
        return found[0].subdistrict.code, "resolved"
    return None, "ambiguous" if found else "unresolved"


def lookup_table(texts: list[str]) -> pa.Table:
    resolved = [resolve(t) for t in texts]
    return pa.table({
        "address": pa.array(texts, pa.string()),
        "code": pa.array([r[0] for r in resolved], pa.string()),
        "status": pa.array([r[1] for r in resolved], pa.string()),
    })
