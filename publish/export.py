"""Write the publishable marts from DuckDB into a SQLite file for Datasette.

The same marts always give the same bytes: rows are written in key order, decimals rounded to
``DECIMALS`` places (the last digits of a parallel floating-point sum differ from run to run),
dates as ISO text, and the file is analysed and vacuumed.
"""

from pathlib import Path

import duckdb
import sqlite_utils

# Mart → primary key. Only these tables leave the warehouse.
PUBLISHED_TABLES: dict[str, list[str]] = {
    "indicator_values": ["indicator_code", "area_level", "area_code", "fiscal_year"],
    "dim_indicators": ["indicator_code"],
    "dim_areas": ["area_level", "area_code"],
    "dim_fiscal_years": ["fiscal_year"],
    "dq_source_loads": ["source", "source_file", "status"],
    "dq_quarantine_summary": ["source", "source_file", "reason_code", "column_name"],
    "dim_source_columns": ["source", "column_name"],
    "dq_source_scores": ["source", "area_level", "area_code", "fiscal_year"],
    "organisations_by_type": ["area_level", "area_code", "org_type", "certification_status", "is_certified"],
    "lao_welfare_budgets": ["area_level", "area_code", "fiscal_year"],
    "projects_by_sector": ["area_level", "area_code", "fiscal_year", "sector", "funding_source"],
    "sufficiency_villages_by_level": ["area_level", "area_code", "fiscal_year", "sufficiency_level"],
    "volunteers_by_area": ["area_level", "area_code", "fiscal_year"],
    "registry_coverage": ["area_level", "area_code", "fiscal_year"],
}
# Published decimals (rates, shares, scores, baht and satang) carry two decimal places.
DECIMALS = 2
BATCH = 50_000


def _published_column(name: str, duckdb_type: str) -> tuple[str, type]:
    """The SELECT expression and SQLite type of a mart column."""
    kind = duckdb_type.split("(")[0]
    if kind in ("DOUBLE", "FLOAT", "DECIMAL", "REAL"):
        return f'CAST(round("{name}", {DECIMALS}) AS DOUBLE)', float
    if kind in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                "UBIGINT", "BOOLEAN"):
        return f'"{name}"', int
    return f'CAST("{name}" AS VARCHAR)', str  # text, and dates as ISO text


def export_sqlite(con: duckdb.DuckDBPyConnection, path: Path) -> dict[str, int]:
    """Write every published mart to a new SQLite file at ``path``; return rows per table."""
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode = OFF")  # a new candidate: if writing fails, it is thrown away
    counts = {}
    for table, pk in PUBLISHED_TABLES.items():
        columns = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE "
                              "table_schema = 'marts' AND table_name = ? ORDER BY ordinal_position",
                              [table]).fetchall()
        published = {name: _published_column(name, kind) for name, kind in columns}
        db[table].create({name: sqlite_type for name, (_, sqlite_type) in published.items()}, pk=pk)
        select = ", ".join(expr for expr, _ in published.values())
        order = ", ".join(f'"{k}"' for k in pk)
        reader = con.sql(f"SELECT {select} FROM marts.{table} ORDER BY {order}").to_arrow_reader(BATCH)
        insert = f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(published))})"
        with db.conn:  # one transaction per table
            for batch in reader:
                db.conn.executemany(insert, zip(*(column.to_pylist() for column in batch.columns)))
        counts[table] = db[table].count
    db["indicator_values"].create_index(["indicator_code", "fiscal_year"])
    db.execute("ANALYZE")
    db.vacuum()
    db.close()
    return counts
