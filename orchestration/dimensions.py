"""Reference dimensions: DOPA areas from the geothai package, and Thai fiscal years."""

from datetime import date

import geothai
import pyarrow as pa
from geothai.abolished import abolished_areas

FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 2540, 2600


def areas() -> pa.Table:
    """Every current subdistrict with its district and province, names in Thai and English."""
    rows = [
        (s.code, s.name_th, s.name_en, d.code, d.name_th, d.name_en, p.code, p.name_th, p.name_en)
        for p in geothai.provinces() for d in geothai.districts(p.code) for s in geothai.subdistricts(d.code)
    ]
    names = ["subdistrict_code", "subdistrict_name_th", "subdistrict_name_en", "district_code",
             "district_name_th", "district_name_en", "province_code", "province_name_th", "province_name_en"]
    return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})


def abolished() -> pa.Table:
    """Area codes DOPA abolished; old records may still carry them."""
    rows = abolished_areas()
    return pa.table({
        "code": [a.code for a in rows], "level": [a.level for a in rows],
        "name_th": [a.name_th for a in rows], "abolished_on": [a.abolished_on for a in rows],
        "successors": [" ".join(a.successors) for a in rows],
    })


def fiscal_years() -> pa.Table:
    """Fiscal years in Buddhist Era; FY2567 runs 1 Oct 2023 to 30 Sep 2024."""
    years = range(FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR + 1)
    return pa.table({
        "fiscal_year": pa.array(years, pa.int32()),
        "fiscal_year_ce": pa.array([y - 543 for y in years], pa.int32()),
        "starts_on": [date(y - 544, 10, 1) for y in years],
        "ends_on": [date(y - 543, 9, 30) for y in years],
    })
