"""What the portal's pages read from the published database. Every filter here is served by an
index (``indexes`` and keys in orchestration/metadata/models.py); the small tables (indicators,
areas, code labels, years) are read once per release and kept."""

from dataclasses import dataclass

from publish.portal.display import Labels

DATABASE = "welfare"
LABELLED = ("progress_status", "area_level", "direction", "progress_method", "target_source", "null_reason")


@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, dict]  # by code, in the catalogue's order
    areas: dict[str, dict]  # provinces and districts (and the country), by code
    years: list[int]  # the fiscal years reported, oldest first
    labels: Labels

    def districts(self, province_code: str) -> list[dict]:
        return [a for a in self.areas.values() if a["area_level"] == "district" and a["parent_code"] == province_code]

    def provinces(self) -> list[dict]:
        return [a for a in self.areas.values() if a["area_level"] == "province"]

    def province_of(self, area: dict) -> dict | None:
        return self.areas.get(area["province_code"]) if area["area_level"] == "district" else None


def _codes_under(parent: str) -> tuple[str, str]:
    """The area codes that start with ``parent`` (a province's districts, a district's
    subdistricts; every province under ""), as a range the key's index can seek: DOPA codes are
    digits, and ":" sorts right after "9"."""
    return parent, parent + ":"


async def _rows(db, sql: str, params=()) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


async def catalogue(db) -> Catalogue:
    indicators = await _rows(db, "SELECT * FROM dim_indicators ORDER BY document DESC, strategy_no, indicator_no")
    areas = await _rows(
        db,
        # One index seek per area (codes are unique across levels), not a scan of every value.
        "SELECT * FROM dim_areas AS a WHERE area_level IN ('country', 'province', 'district') "
        "AND EXISTS (SELECT 1 FROM indicator_values AS v WHERE v.area_code = a.area_code) ORDER BY area_code",
    )
    years = await _rows(db, "SELECT fiscal_year FROM dim_fiscal_years WHERE in_reporting_period ORDER BY fiscal_year")
    marks = ", ".join("?" * len(LABELLED))
    labels = await _rows(db, f"SELECT * FROM dim_code_lists WHERE code_list IN ({marks})", LABELLED)
    return Catalogue(
        indicators={i["indicator_code"]: i for i in indicators},
        areas={a["area_code"]: a for a in areas},
        years=[y["fiscal_year"] for y in years],
        labels=Labels(labels),
    )


async def series(db, indicator: str, area: str) -> list[dict]:
    """One indicator in one area, every year."""
    return await _rows(
        db,
        "SELECT * FROM indicator_values WHERE indicator_code = ? AND area_code = ? ORDER BY fiscal_year",
        (indicator, area),
    )


async def children(db, indicator: str, parent: str, level: str, year: int) -> list[dict]:
    """One indicator in one year for the districts of a province or the subdistricts of a district."""
    return await _rows(
        db,
        "SELECT * FROM indicator_values WHERE indicator_code = ? AND area_level = ? AND fiscal_year = ? "
        "AND area_code >= ? AND area_code < ? ORDER BY area_code",
        (indicator, level, year, *_codes_under(parent)),
    )


async def area_year(db, area: str, year: int, compare_with: str | None) -> list[dict]:
    """Every indicator for one area in one year, with the value of the area it is compared with."""
    return await _rows(
        db,
        "SELECT v.*, p.value AS compared_value FROM indicator_values AS v "
        "LEFT JOIN indicator_values AS p ON p.indicator_code = v.indicator_code "
        "AND p.area_code = ? AND p.fiscal_year = v.fiscal_year "
        "WHERE v.area_code = ? AND v.fiscal_year = ?",
        (compare_with or "", area, year),
    )


async def status_counts(db, level: str, area_prefix: str, year: int) -> list[dict]:
    """How many indicators are in each progress status, for the areas of one level in one year."""
    return await _rows(
        db,
        "SELECT progress_status, count(*) AS n FROM indicator_values WHERE area_level = ? AND fiscal_year = ? "
        "AND area_code >= ? AND area_code < ? GROUP BY progress_status ORDER BY n DESC",
        (level, year, *_codes_under(area_prefix)),
    )
