"""Write the publishable marts from DuckDB into a SQLite file for Datasette."""

from pathlib import Path

import duckdb
import pyarrow as pa
import sqlite_utils

# Mart → primary key. Only these tables leave the warehouse.
PUBLISHED_TABLES: dict[str, list[str]] = {
    "indicator_values": ["indicator_code", "area_level", "area_code", "fiscal_year"],
    "dim_indicators": ["indicator_code"],
    "dim_areas": ["area_level", "area_code"],
    "dim_fiscal_years": ["fiscal_year"],
    "dq_source_loads": ["source", "source_file"],
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
BATCH = 10_000


def sqlite_type(arrow_type: pa.DataType) -> type:
    """Column types come from the mart's schema, not from guessing at the first rows."""
    if pa.types.is_integer(arrow_type) or pa.types.is_boolean(arrow_type):
        return int
    if pa.types.is_floating(arrow_type) or pa.types.is_decimal(arrow_type):
        return float
    return str


def export_sqlite(con: duckdb.DuckDBPyConnection, path: Path) -> dict[str, int]:
    """Write every published mart to a new SQLite file at ``path``; return rows per table."""
    path.unlink(missing_ok=True)
    db = sqlite_utils.Database(path)
    counts = {}
    for table, pk in PUBLISHED_TABLES.items():
        reader = con.sql(f"SELECT * FROM marts.{table}").to_arrow_reader(BATCH)
        db[table].create({f.name: sqlite_type(f.type) for f in reader.schema}, pk=pk)
        # SQLite has no decimal type: exact sums in DuckDB are published as REAL.
        as_sqlite = pa.schema([f.with_type(pa.float64()) if pa.types.is_decimal(f.type) else f for f in reader.schema])
        rows = (row for batch in reader for row in batch.cast(as_sqlite).to_pylist())
        db[table].insert_all(rows, batch_size=BATCH)
        counts[table] = db[table].count
    db["indicator_values"].create_index(["indicator_code", "fiscal_year"])
    db.vacuum()
    db.close()
    return counts
