"""DuckDB functions that normalise Thai government data, set-based.

Registered on a connection with ``register(con, key)``; validation SQL uses them.
"""

import hashlib
import hmac

import duckdb
import pyarrow as pa

from orchestration.metadata import thai

MACROS = f"""
-- Text arrives normalised (see text.py): here only the spacing is tidied.
CREATE OR REPLACE MACRO th_clean(s) AS nullif(trim(regexp_replace(s, '\\s+', ' ', 'g')), '');
-- Numbers as Thai offices write them: 1,250.50 / ฿1,000 / 1,000 บาท / 15,000.- / (12,500.00)
-- for a negative / a dash for nothing. Exact: a decimal, never rounded here.
CREATE OR REPLACE MACRO accounting_number(t) AS CASE
    WHEN t IN ('-', '–', '—') THEN '0'
    WHEN t LIKE '(%)' THEN '-' || substr(t, 2, length(t) - 2)
    ELSE regexp_replace(t, '^(\\d+(\\.\\d+)?)\\.?-$', '\\1')
END;
CREATE OR REPLACE MACRO parse_decimal(s) AS coalesce(TRY_CAST(s AS DECIMAL(38, 6)),
    TRY_CAST(accounting_number(regexp_replace(s, '[,\\s฿]|บาท|บ\\.', '', 'g')) AS DECIMAL(38, 6)));
CREATE OR REPLACE MACRO is_area_code(s) AS regexp_full_match(s, '\\d{{6}}');
CREATE OR REPLACE MACRO citizen_digits(s) AS regexp_replace(s, '[- ]', '', 'g');
-- TRY_CAST: text such as ไม่มีบัตร or 1.10170E+12 is an invalid ID, not an error.
CREATE OR REPLACE MACRO citizen_id_ok(d) AS coalesce(
    regexp_full_match(d, '\\d{{13}}') AND {thai.check_digit_sql("d")} = TRY_CAST(substr(d, 13, 1) AS INTEGER), false);
-- Thai fiscal year (Buddhist Era) of a date: FY2567 runs 1 Oct 2023 to 30 Sep 2024.
CREATE OR REPLACE MACRO fiscal_year_be(d) AS {thai.fiscal_year_sql("d")};
CREATE OR REPLACE MACRO fiscal_year_end(fy) AS
    make_date(fy - {thai.BUDDHIST_ERA_OFFSET}, {thai.FISCAL_YEAR_START_MONTH - 1}, 30);
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


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params=()):
    """The one value a query returns, its result drained (DuckDB refuses other work on a
    connection while a result is left open)."""
    return con.execute(sql, list(params)).fetchall()[0][0]


def register(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    con.execute(MACROS)
    con.create_function(
        "pseudonymise",
        pseudonymiser(key),
        ["VARCHAR"],
        "VARCHAR",
        type="arrow",
        null_handling="special",
        side_effects=False,
    )
