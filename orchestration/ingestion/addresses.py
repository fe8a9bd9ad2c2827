"""Resolve subdistricts written as Thai address text to DOPA codes with geothai. Each distinct
text is resolved once, then joined in SQL.

Clerks write "12 หมู่ 3 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์", "ต.ปากน้ำโพ, อ.เมือง, จ.นครสวรรค์",
"ต ปากน้ำโพ อ เมือง จ นครสวรรค์" or "ตำบลปากน้ำโพ อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ 60000".
"""

import re
from functools import lru_cache

import geothai
import pyarrow as pa

# Words and short forms that introduce a part of an address, longest first.
MARKERS = (
    ("subdistrict", "ตำบล"),
    ("subdistrict", "แขวง"),
    ("district", "อำเภอ"),
    ("district", "เขต"),
    ("province", "จังหวัด"),
    ("subdistrict", "ต."),
    ("district", "อ."),
    ("province", "จ."),
)
# The short forms typed without their dot stand alone before the name: "ต ปากน้ำโพ".
BARE = {"ต": "subdistrict", "อ": "district", "จ": "province"}
POSTAL_CODE = re.compile(r"\d{5}")
# An address from its first marker on, for DuckDB (RE2): house number and village come before
# it and never decide the subdistrict, so every house of a subdistrict is resolved as one text.
PLACE_PATTERN = r"(?:^|[\s,])((?:{}|[{}](?:[\s,]|$)).*)".format(
    "|".join(re.escape(marker) for _, marker in MARKERS), "".join(BARE)
)


def parts(text: str) -> dict[str, str]:
    """The subdistrict, district, province and postal code an address names, where it names them."""
    tokens = text.replace(",", " ").split()
    found: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        part, name = BARE.get(token), None
        if part:
            name = tokens[i + 1] if i + 1 < len(tokens) else None
            i += 1
        else:
            for level, marker in MARKERS:
                if token.startswith(marker):
                    part, name = level, token[len(marker) :]
                    if not name and i + 1 < len(tokens):
                        name = tokens[i + 1]
                        i += 1
                    break
        if part and name:
            found.setdefault(part, name)
        elif POSTAL_CODE.fullmatch(token):
            found.setdefault("postal_code", token)
        i += 1
    return found


@lru_cache(maxsize=100_000)
def resolve(text: str) -> tuple[str | None, str]:
    """(code, status): status is 'resolved', 'unresolved' (no current subdistrict has that name
    there) or 'ambiguous' (several do)."""
    named = parts(text)
    if "subdistrict" not in named:
        return None, "unresolved"
    found = geothai.match(
        named["subdistrict"],
        district=named.get("district"),
        province=named.get("province"),
        postal_code=named.get("postal_code"),
    )
    if len(found) == 1:
        return found[0].subdistrict.code, "resolved"
    return None, "ambiguous" if found else "unresolved"


def lookup_table(texts: list[str]) -> pa.Table:
    resolved = [resolve(t) for t in texts]
    return pa.table(
        {
            "address": pa.array(texts, pa.string()),
            "code": pa.array([r[0] for r in resolved], pa.string()),
            "status": pa.array([r[1] for r in resolved], pa.string()),
        }
    )
