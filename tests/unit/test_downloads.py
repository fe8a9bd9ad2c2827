"""The download files DuckDB writes: what Excel needs (a byte-order mark, CRLF), the values the
database publishes (rounded, yes/no as 1/0, no negative zero), in key order."""

import csv

import duckdb
import pyarrow.parquet as pq

from orchestration.metadata.models import PUBLISHED
from publish import downloads

MART = """
CREATE SCHEMA marts;
CREATE TABLE marts.indicator_values (
    indicator_code VARCHAR, area_level VARCHAR, area_code VARCHAR, area_name_th VARCHAR,
    fiscal_year INTEGER, value DOUBLE, change DOUBLE, is_suppressed BOOLEAN, null_reason VARCHAR
);
INSERT INTO marts.indicator_values VALUES
    ('D1.2', 'province', '60', 'นครสวรรค์, "เมือง"', 2568, 12.3456, -0.0001, false, NULL),
    ('D1.1', 'province', '60', 'นครสวรรค์', 2568, NULL, NULL, true, 'suppressed');
"""


def test_csv_and_parquet_hold_the_published_values_in_key_order(tmp_path):
    con = duckdb.connect()
    con.execute(MART)
    downloads.write(con, tmp_path, {"indicator_values": PUBLISHED["indicator_values"]})
    data = (tmp_path / "indicator_values.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 3
    with (tmp_path / "indicator_values.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = "indicator_code area_level area_code area_name_th fiscal_year value change is_suppressed null_reason"
    assert rows == [
        header.split(),
        ["D1.1", "province", "60", "นครสวรรค์", "2568", "", "", "1", "suppressed"],
        ["D1.2", "province", "60", 'นครสวรรค์, "เมือง"', "2568", "12.35", "0.0", "0", ""],
    ]
    parquet = pq.read_table(tmp_path / "indicator_values.parquet").to_pylist()
    assert [(r["indicator_code"], r["value"], r["is_suppressed"]) for r in parquet] == [
        ("D1.1", None, 1),
        ("D1.2", 12.35, 0),
    ]
    assert not list(tmp_path.glob("*.part"))
