"""Reference dimensions: DOPA areas from the geothai package, and Thai fiscal years."""

import geothai
import pyarrow as pa
from geothai.abolished import abolished_areas

from orchestration.metadata import thai


def areas() -> pa.Table:
    """Every current subdistrict with its district and province, names in Thai and English."""
    rows = [
        (s.code, s.name_th, s.name_en, d.code, d.name_th, d.name_en, p.code, p.name_th, p.name_en)
        for p in geothai.provinces()
        for d in geothai.districts(p.code)
        for s in geothai.subdistricts(d.code)
    ]
    names = [
        "subdistrict_code",
        "subdistrict_name_th",
        "subdistrict_name_en",
        "district_code",
        "district_name_th",
        "district_name_en",
        "province_code",
        "province_name_th",
        "province_name_en",
    ]
    return pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})


def abolished() -> pa.Table:
    """Area codes DOPA abolished; old records may still carry them."""
    rows = abolished_areas()
    return pa.table(
        {
            "code": [a.code for a in rows],
            "level": [a.level for a in rows],
            "name_th": [a.name_th for a in rows],
            "abolished_on": [a.abolished_on for a in rows],
            "successors": [" ".join(a.successors) for a in rows],
        }
    )


def write(con, name: str, table: pa.Table) -> None:
    """A dimension ``table`` as ``raw.<name>``, replacing what was there."""
    con.register("dimension", table)
    con.execute(f"CREATE OR REPLACE TABLE raw.{name} AS SELECT * FROM dimension")
    con.unregister("dimension")


def write_areas(con) -> None:
    """The area tables ingestion checks codes against, in ``raw``, as their assets write them: for
    a warehouse that ingestion loads into outside a build (the bench's load alone, the tests)."""
    write(con, "areas", areas())
    write(con, "abolished_areas", abolished())


def fiscal_years() -> pa.Table:
    """Fiscal years in Buddhist Era (FY2567 runs 1 Oct 2023 to 30 Sep 2024), and which of them the
    indicators report on."""
    years = thai.CALENDAR_YEARS
    return pa.table(
        {
            "fiscal_year": pa.array(years, pa.int32()),
            "fiscal_year_ce": pa.array([y - thai.BUDDHIST_ERA_OFFSET for y in years], pa.int32()),
            "starts_on": [thai.fiscal_year_starts(y) for y in years],
            "ends_on": [thai.fiscal_year_ends(y) for y in years],
            "in_reporting_period": [y in thai.REPORTING_YEARS for y in years],
        }
    )
