"""DuckDB functions that normalise Thai government data, set-based.

Registered on a connection with ``register(con, key)``; validation SQL uses them.
"""

import hashlib
import hmac

import duckdb
import pyarrow as pa

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
MONTHS_FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
               "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]

_CHECKSUM = " + ".join(f"CAST(substr(d, {i + 1}, 1) AS INTEGER) * {13 - i}" for i in range(12))

MACROS = f"""
CREATE OR REPLACE MACRO th_clean(s) AS
    nullif(trim(regexp_replace(translate(s, '{THAI_DIGITS}', '0123456789'), '\\s+', ' ', 'g')), '');
CREATE OR REPLACE MACRO ce_year(y) AS CASE WHEN y > 2400 THEN y - 543 ELSE y END;
CREATE OR REPLACE MACRO th_month(m) AS
    coalesce(list_position({MONTHS_FULL}, m), list_position({MONTHS_SHORT}, m));
-- 2566-10-01, 1/10/2566, 1 ต.ค. 2566, 01 ตุลาคม 2566; Buddhist or Common Era years.
CREATE OR REPLACE MACRO parse_th_date(s) AS CASE
    WHEN regexp_full_match(s, '\\d{{4}}-\\d{{1,2}}-\\d{{1,2}}') THEN try(make_date(
        ce_year(CAST(split_part(s, '-', 1) AS INTEGER)),
        CAST(split_part(s, '-', 2) AS INTEGER), CAST(split_part(s, '-', 3) AS INTEGER)))
    WHEN regexp_full_match(s, '\\d{{1,2}}/\\d{{1,2}}/\\d{{4}}') THEN try(make_date(
        ce_year(CAST(split_part(s, '/', 3) AS INTEGER)),
        CAST(split_part(s, '/', 2) AS INTEGER), CAST(split_part(s, '/', 1) AS INTEGER)))
    WHEN regexp_full_match(s, '\\d{{1,2}} \\S+ \\d{{4}}') THEN try(make_date(
        ce_year(CAST(split_part(s, ' ', 3) AS INTEGER)),
        th_month(split_part(s, ' ', 2)), CAST(split_part(s, ' ', 1) AS INTEGER)))
    END;
CREATE OR REPLACE MACRO parse_amount(s) AS TRY_CAST(replace(replace(s, ',', ''), ' ', '') AS DECIMAL(18, 2));
CREATE OR REPLACE MACRO is_area_code(s) AS regexp_full_match(s, '\\d{{6}}');
CREATE OR REPLACE MACRO citizen_digits(s) AS regexp_replace(s, '[- ]', '', 'g');
CREATE OR REPLACE MACRO citizen_id_ok(d) AS
    regexp_full_match(d, '\\d{{13}}') AND (11 - ({_CHECKSUM}) % 11) % 10 = CAST(substr(d, 13, 1) AS INTEGER);
-- Thai fiscal year (Buddhist Era) of a date: FY2567 runs 1 Oct 2023 to 30 Sep 2024.
CREATE OR REPLACE MACRO fiscal_year_be(d) AS year(d) + 543 + CASE WHEN month(d) >= 10 THEN 1 ELSE 0 END;
CREATE OR REPLACE MACRO fiscal_year_end(fy) AS make_date(fy - 543, 9, 30);
CREATE OR REPLACE MACRO age_at(birth, on_day) AS
    year(on_day) - year(birth) - CASE WHEN strftime(on_day, '%m%d') < strftime(birth, '%m%d') THEN 1 ELSE 0 END;
"""


def pseudonymiser(key: bytes):
    """HMAC-SHA256 of a normalised citizen ID, hex. The same person gets the same pseudonym in
    every source loaded with the same key, so people can be counted once across sources."""
    inner = hmac.new(key, digestmod=hashlib.sha256)

    def pseudonymise(values: pa.Array) -> pa.Array:
        out = []
        for v in values.to_pylist():
            if v is None:
                out.append(None)
                continue
            h = inner.copy()
            h.update(v.encode())
            out.append(h.hexdigest())
        return pa.array(out, pa.string())

    return pseudonymise


def register(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    con.execute(MACROS)
    con.create_function("pseudonymise", pseudonymiser(key), ["VARCHAR"], "VARCHAR", type="arrow",
                        null_handling="special", side_effects=False)
