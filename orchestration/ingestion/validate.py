"""Turn a source into SQL that types every column and lists each row's problems.

The SQL runs over a whole file at once. A row's problems are a list of
``{reason, column}`` structs; an empty list means the row is accepted.
"""

from orchestration.metadata.sources import Column, Source

# reason code -> (English, Thai). {column} is replaced by the column name.
REASONS: dict[str, tuple[str, str]] = {
    "missing_required": ("{column}: a required value is missing", "{column}: ไม่มีข้อมูลในช่องที่ต้องกรอก"),
    "invalid_citizen_id": (
        "{column}: not 13 digits or the check digit does not match",
        "{column}: เลขประจำตัวประชาชนไม่ครบ 13 หลักหรือเลขตรวจสอบไม่ถูกต้อง",
    ),
    "invalid_date": ("{column}: not a date in a known format", "{column}: รูปแบบวันที่ไม่ถูกต้อง"),
    "future_date": ("{column}: the date is in the future", "{column}: วันที่อยู่ในอนาคต"),
    "invalid_number": (
        "{column}: not a number, or a fraction where a whole number or baht and satang belong",
        "{column}: ไม่ใช่ตัวเลข หรือมีทศนิยมในช่องจำนวนเต็ม/เกินสองตำแหน่ง",
    ),
    "negative_amount": ("{column}: the amount is negative", "{column}: จำนวนเงินติดลบ"),
    "invalid_fiscal_year": ("{column}: not a Buddhist-era fiscal year", "{column}: ปีงบประมาณไม่ถูกต้อง"),
    "unknown_area": ("{column}: not a DOPA subdistrict code", "{column}: ไม่พบรหัสตำบลในทะเบียนของกรมการปกครอง"),
    "abolished_area": ("{column}: the subdistrict code was abolished", "{column}: รหัสตำบลถูกยกเลิกแล้ว"),
    "not_in_code_list": ("{column}: the value is not in the code list", "{column}: ค่าไม่อยู่ในรายการรหัสที่กำหนด"),
    "birth_after_registration": ("{column}: born after the registration date", "{column}: วันเกิดอยู่หลังวันที่ลงทะเบียน"),
    "exit_before_registration": (
        "{column}: left the register before registering",
        "{column}: วันที่พ้นจากทะเบียนอยู่ก่อนวันที่ลงทะเบียน",
    ),
    "incomplete_exit": (
        "{column}: an exit needs both its date and its reason",
        "{column}: การพ้นจากทะเบียนต้องมีทั้งวันที่และเหตุ",
    ),
    "unresolved_address": ("{column}: the address matches no current subdistrict", "{column}: ที่อยู่ไม่ตรงกับตำบลใดในปัจจุบัน"),
    "ambiguous_address": (
        "{column}: the address matches more than one subdistrict",
        "{column}: ที่อยู่ตรงกับหลายตำบล ระบุอำเภอหรือจังหวัดเพิ่ม",
    ),
    "malformed_row": (
        "the row does not have the header's number of columns (file cut short?)",
        "จำนวนคอลัมน์ของแถวไม่ตรงกับหัวตาราง (ไฟล์อาจไม่สมบูรณ์)",
    ),
    "duplicate_key": (
        "{column}: the same key appears on an earlier row of this file",
        "{column}: ข้อมูลซ้ำกับแถวก่อนหน้าในไฟล์เดียวกัน",
    ),
}


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Amounts are stored in baht and satang: DECIMAL(18, 2) holds up to 10^16.
AMOUNT_LIMIT = "1e16"


def _parsed_expression(col: Column) -> str | None:
    """A number column's exact value (``n_<name>``), a date column's (``t_<name>``), parsed once."""
    c = f"c_{col.name}"
    if col.type in ("decimal", "integer", "fiscal_year"):
        return f"parse_decimal({c}) AS n_{col.name}"
    if col.type == "date":
        return f"t_{col.name}.parsed AS t_{col.name}"
    return None


def typed_expression(col: Column) -> str:
    """SQL for the typed value of a column from its cleaned text ``c_<name>``; NULL when the
    text is not a valid value. A whole-number column never rounds a fraction."""
    c, n = f"c_{col.name}", f"n_{col.name}"
    whole = f"CASE WHEN {n} = trunc({n}) AND abs({n}) < {AMOUNT_LIMIT} THEN CAST({n} AS BIGINT) END"
    return {
        "text": c,
        "subdistrict": f"CASE WHEN is_area_code({c}) THEN {c} ELSE a_{col.name}_code END",
        "citizen_id": f"citizen_digits({c})",
        "date": f"t_{col.name}",
        "decimal": f"CASE WHEN {n} = round({n}, 2) AND abs({n}) < {AMOUNT_LIMIT} THEN CAST({n} AS DECIMAL(18, 2)) END",
        "integer": whole,
        "fiscal_year": whole,
    }[col.type]


def _checks(col: Column, today: str) -> list[tuple[str, str, str]]:
    """(reason, condition true for a bad row, column) for one column, in reporting order."""
    c, v = f"c_{col.name}", col.name
    checks = []
    if col.required:
        checks.append(("missing_required", f"{c} IS NULL"))
    present = f"{c} IS NOT NULL AND "
    if col.type == "citizen_id":
        checks.append(("invalid_citizen_id", present + f"NOT citizen_id_ok({v})"))
    if col.type == "date":
        checks.append(("invalid_date", present + f"{v} IS NULL"))
        if col.not_future:
            checks.append(("future_date", f"{v} > DATE {_q(today)}"))
    if col.type in ("decimal", "integer"):
        checks.append(("invalid_number", present + f"{v} IS NULL"))
    if col.type == "fiscal_year":
        checks.append(("invalid_fiscal_year", present + f"({v} IS NULL OR {v} NOT BETWEEN 2500 AND 2700)"))
    if col.non_negative:
        checks.append(("negative_amount", f"{v} < 0"))
    if col.codes:
        checks.append(("not_in_code_list", present + f"{v} NOT IN ({', '.join(map(_q, col.codes))})"))
    if col.type == "subdistrict":
        for status in ("unresolved", "ambiguous"):
            checks.append((f"{status}_address", f"address_status_{col.name} = '{status}'"))
        checks.append(("abolished_area", f"{v} IN (SELECT code FROM raw.abolished_areas)"))
        checks.append(
            (
                "unknown_area",
                present + f"{v} NOT IN (SELECT subdistrict_code FROM raw.areas) "
                f"AND {v} NOT IN (SELECT code FROM raw.abolished_areas)",
            )
        )
    return [(reason, cond, v) for reason, cond in checks]


def validated_columns(source: Source) -> list[Column]:
    """The columns validation reads: a dropped personal column (a name, an address) only when a
    check needs its value; otherwise nothing is done with it at all."""
    return [c for c in source.columns if c.personal != "drop" or _checks(c, "today")]


def cleaned_rows_sql(source: Source, source_view: str) -> str:
    """Every row of ``source_view`` with the tidied text (``c_<name>``) of each validated column
    and, for a subdistrict written as an address, the place it names (``p_<name>``)."""
    cols = validated_columns(source)
    cleaned = "".join(f", th_clean({c.name}) AS c_{c.name}" for c in cols)
    places = "".join(f", address_place(c_{c.name}) AS p_{c.name}" for c in cols if c.type == "subdistrict")
    return f"SELECT *{places} FROM (SELECT _row_number, _sheet{cleaned} FROM {source_view})"


def _distinct_texts_sql(columns: list[Column], cleaned: str, prefix: str = "c") -> str | None:
    if not columns:
        return None
    texts = ", ".join(f"{prefix}_{c.name}" for c in columns)
    return f"SELECT DISTINCT text FROM (SELECT unnest([{texts}]) AS text FROM {cleaned}) WHERE text IS NOT NULL"


def date_texts_sql(source: Source, cleaned: str) -> str | None:
    """Distinct texts of the date columns: each is parsed once (see ``dates.py``)."""
    return _distinct_texts_sql([c for c in source.columns if c.type == "date"], cleaned)


def address_texts_sql(source: Source, cleaned: str) -> str | None:
    """Distinct places named by subdistrict columns that are not codes: address text."""
    query = _distinct_texts_sql([c for c in source.columns if c.type == "subdistrict"], cleaned, prefix="p")
    return f"SELECT text FROM ({query}) WHERE NOT is_area_code(text)" if query else None


def checked_rows_sql(source: Source, cleaned: str, today: str) -> str:
    """Every row of ``cleaned`` (see ``cleaned_rows_sql``) with its typed columns, the text of
    those that may be shown and its list of problems. Needs the tables
    ``address_lookup(address, code, status)`` and ``date_lookup(text, parsed)``."""
    cols = validated_columns(source)
    parsed = "".join(f", {e}" for c in cols if (e := _parsed_expression(c)))
    typed = ", ".join(f"{typed_expression(c)} AS {c.name}" for c in cols)
    checks = [chk for c in cols for chk in _checks(c, today)]
    checks += list(source.row_rules)
    problems = ", ".join(
        f"CASE WHEN {cond} THEN {{'reason': {_q(reason)}, 'column': {_q(column)}}} END"
        for reason, cond, column in checks
    )
    # Most rows pass every check: their list is not built.
    any_problem = " OR ".join(f"({cond})" for _, cond, _ in checks)
    # Address text resolves through one join per subdistrict column; codes do not need it.
    places = [c.name for c in cols if c.type == "subdistrict"]
    joins = " ".join(
        [f"LEFT JOIN address_lookup a_{n} ON a_{n}.address = p_{n}" for n in places]
        + [f"LEFT JOIN date_lookup t_{c.name} ON t_{c.name}.text = c_{c.name}" for c in cols if c.type == "date"]
    )
    address_codes = "".join(f", a_{n}.code AS a_{n}_code, a_{n}.status AS address_status_{n}" for n in places)
    shown = "".join(f", c_{c.name}" for c in cols if c.personal is None)
    return f"""
    WITH parsed AS (SELECT {cleaned}.*{parsed}{address_codes} FROM {cleaned} {joins}),
    typed AS (SELECT parsed.*, {typed} FROM parsed)
    SELECT _row_number, _sheet, {", ".join(c.name for c in cols)}{shown},
        CASE WHEN {any_problem} THEN list_filter([{problems}], lambda p: p IS NOT NULL) ELSE [] END AS problems
    FROM typed
    """


def mark_duplicates_sql(source: Source, checked: str) -> str:
    """Of the valid rows of ``checked`` with the same key, the first wins; the later ones become
    duplicates. Keys are grouped by their hash first, which is cheap; only the rows whose hash
    is seen twice (few: the duplicates and the odd collision) are sorted."""
    key = ", ".join(source.primary_key)
    valid = f"len(problems) = 0 AND {' AND '.join(f'{k} IS NOT NULL' for k in source.primary_key)}"
    seen_twice = f"SELECT hash({key}) FROM {checked} WHERE {valid} GROUP BY ALL HAVING count(*) > 1"
    return f"""
    UPDATE {checked} SET problems = [{{'reason': 'duplicate_key', 'column': {_q(key)}}}]
    WHERE rowid IN (
        SELECT rowid FROM {checked} WHERE {valid} AND hash({key}) IN ({seen_twice})
        QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY _row_number) > 1)
    """
