"""Ingestion speed per source: rows per second from landing file to raw table and quarantine.

    python scripts/benchmark_ingestion.py                      # Nakhon Sawan, full size
    python scripts/benchmark_ingestion.py --provinces all --scale 0.05

Generates the demo sources into a temporary folder (not timed), then loads each file into a
fresh DuckDB warehouse and prints rows, seconds and rows/s per source. Compare sources and
scales within one run; absolute figures depend on the machine.
"""

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb
import geothai

from orchestration import dimensions
from orchestration.demo.generator import generate
from orchestration.ingestion import load, sql_functions
from orchestration.metadata.sources import SOURCES


def warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    sql_functions.register(con, b"benchmark")
    load.prepare(con)
    for name, table in (("areas", dimensions.areas()), ("abolished_areas", dimensions.abolished())):
        con.register("t", table)
        con.execute(f"CREATE TABLE raw.{name} AS SELECT * FROM t")
        con.unregister("t")
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", default="60", help="comma-separated codes or 'all'")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    provinces = [p.code for p in geothai.provinces()] if args.provinces == "all" else args.provinces.split(",")

    with tempfile.TemporaryDirectory() as tmp:
        landing = Path(tmp) / "landing"
        started = time.perf_counter()
        manifest = generate(landing, provinces, scale=args.scale)
        print(
            f"generated {len(manifest['files'])} files for {len(provinces)} province(s) at scale "
            f"{args.scale} in {time.perf_counter() - started:.1f} s"
        )
        con = warehouse(Path(tmp) / "warehouse.duckdb")
        print(f"{'source':<22}{'format':>7}{'rows':>12}{'seconds':>10}{'rows/s':>12}")
        total_rows, total_seconds = 0, 0.0
        for name, info in sorted(manifest["files"].items()):
            path = landing / name
            started = time.perf_counter()
            record = load.load_file(con, SOURCES[info["source"]], path, name, date.today(), Path(tmp) / "work")
            seconds = time.perf_counter() - started
            total_rows, total_seconds = total_rows + record.rows_read, total_seconds + seconds
            print(
                f"{info['source']:<22}{path.suffix[1:]:>7}{record.rows_read:>12,}{seconds:>10.2f}"
                f"{record.rows_read / seconds:>12,.0f}"
            )
        print(f"{'all sources':<22}{'':>7}{total_rows:>12,}{total_seconds:>10.2f}{total_rows / total_seconds:>12,.0f}")
        con.close()


if __name__ == "__main__":
    main()
