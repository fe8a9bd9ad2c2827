"""DuckDB functions that normalise Thai government data, set-based.

Registered on a connection with ``register(con, key)``; validation SQL uses them.
"""

import hashlib

import duckdb

from orchestration.ingestion import addresses
from orchestration.metadata import thai

BLOCK = 64  # bytes: SHA-256's block size
PSEUDONYM_HEX_DIGITS = 32  # 128 bits of the HMAC
MACROS = f"""
-- Text arrives normalised (see text.py): here only the spacing is tidied. Most values have
-- no run of white space to collapse (\\s is tab, line feed, form feed, return and space) and
-- no space at either end: the regular expression and the trimming run only on those that do.
CREATE OR REPLACE MACRO th_clean(s) AS nullif(CASE
    WHEN contains(s, '  ') OR contains(s, chr(9)) OR contains(s, chr(10)) OR contains(s, chr(12))
        OR contains(s, chr(13)) THEN trim(regexp_replace(s, '\\s+', ' ', 'g'))
    WHEN starts_with(s, ' ') OR ends_with(s, ' ') THEN trim(s)
    ELSE s END, '');
-- Numbers as Thai offices write them: 1,250.50 / ฿1,000 / 1,000 บาท / 15,000.- / (12,500.00)
-- for a negative / a dash for nothing. Exact: a decimal, never rounded here.
CREATE OR REPLACE MACRO accounting_number(t) AS CASE
    WHEN t IN ('-', '–', '—') THEN '0'
    WHEN t LIKE '(%)' THEN '-' || substr(t, 2, length(t) - 2)
    ELSE regexp_replace(t, '^(\\d+(\\.\\d+)?)\\.?-$', '\\1')
END;
CREATE OR REPLACE MACRO parse_decimal(s) AS coalesce(TRY_CAST(s AS DECIMAL(38, 6)),
    TRY_CAST(accounting_number(regexp_replace(s, '[,\\s฿]|บาท|บ\\.', '', 'g')) AS DECIMAL(38, 6)));
-- An address without what comes before its first marker (ต. อ. จ. ตำบล …), see addresses.py.
CREATE OR REPLACE MACRO address_place(s) AS coalesce(nullif(regexp_extract(s, '{addresses.PLACE_PATTERN}', 1), ''), s);
CREATE OR REPLACE MACRO is_area_code(s) AS regexp_full_match(s, '\\d{{6}}');
CREATE OR REPLACE MACRO citizen_digits(s) AS replace(replace(s, '-', ''), ' ', '');
-- A citizen ID's digits d and the number n they read as (TRY_CAST(d AS BIGINT), given once so
-- that it is computed once): text such as ไม่มีบัตร or 1.10170E+12 is an invalid ID, not an error.
CREATE OR REPLACE MACRO citizen_id_ok(d, n) AS coalesce(
    regexp_full_match(d, '\\d{{13}}') AND {thai.check_digit_sql("n")} = n % 10, false);
-- Thai fiscal year (Buddhist Era) of a date: FY2567 runs 1 Oct 2023 to 30 Sep 2024.
CREATE OR REPLACE MACRO fiscal_year_be(d) AS {thai.fiscal_year_sql("d")};
CREATE OR REPLACE MACRO fiscal_year_end(fy) AS
    make_date(fy - {thai.BUDDHIST_ERA_OFFSET}, {thai.FISCAL_YEAR_START_MONTH - 1}, 30);
CREATE OR REPLACE MACRO age_at(birth, on_day) AS year(on_day) - year(birth)
    - CASE WHEN month(on_day) * 100 + day(on_day) < month(birth) * 100 + day(birth) THEN 1 ELSE 0 END;
"""


def _hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """HMAC's inner and outer padded keys (RFC 2104), for SHA-256's 64-byte blocks."""
    block = (hashlib.sha256(key).digest() if len(key) > BLOCK else key).ljust(BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params=()):
    """The one value a query returns, its result drained (DuckDB refuses other work on a
    connection while a result is left open)."""
    return con.execute(sql, list(params)).fetchall()[0][0]


def register(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    con.execute(MACROS)
    # pseudonymise(id): HMAC-SHA256 of a normalised citizen ID, computed by DuckDB's own sha256
    # (set-based, no Python per row), truncated to its first 128 bits (RFC 2104, section 5) and
    # written as 32 hex digits: no two of a country's people share one, and half the text to
    # store. The same person gets the same pseudonym in every source loaded with the same key, so
    # people can be counted once across sources. The key stays in this connection's variables,
    # never in SQL text.
    inner, outer = _hmac_pads(key)
    con.execute("SET VARIABLE welfare_hmac_inner = ?", [inner])
    con.execute("SET VARIABLE welfare_hmac_outer = ?", [outer])
    con.execute(
        f"CREATE OR REPLACE TEMP MACRO pseudonymise(id) AS left(sha256(getvariable('welfare_hmac_outer') "
        f"|| unhex(sha256(getvariable('welfare_hmac_inner') || encode(id)))), {PSEUDONYM_HEX_DIGITS})"
    )
