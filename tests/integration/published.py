"""Reading the published SQLite file as a user of the open data would."""

import sqlite3
from pathlib import Path

# Published decimals carry two places: a recomputed value matches to half a unit of the last.
PRECISION = 0.005 + 1e-9


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def indicator(db: Path, code: str) -> dict:
    """(area level, area code, fiscal year) → (value, numerator, denominator) of one indicator."""
    found = rows(
        db,
        "SELECT area_level, area_code, fiscal_year, value, numerator, denominator "
        "FROM indicator_values WHERE indicator_code = ?",
        [code],
    )
    return {(level, area, fy): (value, num, den) for level, area, fy, value, num, den in found}
