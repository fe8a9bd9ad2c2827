"""Turn a source into SQL that types every column and lists each row's problems.

The SQL runs over a whole file at once. Most columns repeat a few values over many rows (a code,
a date, a subdistrict): each such column is looked up in a dictionary of its distinct values as
read, where each value is tidied, typed and checked once, and a row takes its entry by a join.
The columns that hold a value of their own in almost every row (a citizen ID, an identifier in
the source's key) are tidied, typed and checked row by row. A row's problems are a list of
``{reason, column}`` structs, in the order of the source's columns and then its row rules; an
empty list means the row is accepted.
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
    """A number column's exact value (``n_<name>``), a date column's (``t_<name>``), parsed once
    a value."""
    c = f"c_{col.name}"
    if col.type in ("decimal", "integer", "fiscal_year"):
        return f"parse_decimal({c}) AS n_{col.name}"
    if col.type == "citizen_id":  # for its check digit
        return f"TRY_CAST(citizen_digits({c}) AS BIGINT) AS n_{col.name}"
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
        checks.append(("invalid_citizen_id", present + f"NOT citizen_id_ok({v}, n_{v})"))
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


def looked_up(col: Column, source: Source) -> bool:
    """Whether a column is checked through a dictionary of its values: all but citizen IDs and
    the identifiers of the source's key, whose values hardly repeat."""
    return not (col.type == "citizen_id" or (col.type == "text" and col.name in source.primary_key and not col.codes))


def _shown_from_dictionary(col: Column, source: Source) -> bool:
    """Whether a rejected row shows the column's text (see ``row_values_sql``) from its entry in
    the column's dictionary: rows keep the entry's id (``i_<name>``) for it."""
    return col.personal is None and looked_up(col, source)


# The temp tables a looked-up column's dictionary is built through, named after the column.
def distinct_values(col: Column) -> str:
    return f"values_{col.name}"


def changed_values(col: Column) -> str:
    return f"changed_{col.name}"


def tidied_values(col: Column) -> str:
    return f"tidied_{col.name}"


def dictionary(col: Column) -> str:
    return f"dictionary_{col.name}"


def tidied_values_sql(col: Column, changed: bool) -> str:
    """Each distinct value of a looked-up column as read (``raw``, from ``distinct_values``) with
    its normalised and tidied text (``c_<name>``) and, for a subdistrict written as an address,
    the place it names (``p_<name>``). ``changed``: whether ``changed_values`` holds the values
    that normalising changes."""
    n, values = col.name, distinct_values(col)
    text, join = "v.raw", ""
    if changed:
        text, join = "coalesce(ch.text, v.raw)", f"LEFT JOIN {changed_values(col)} ch ON ch.raw = v.raw"
    place = f", address_place(c_{n}) AS p_{n}" if col.type == "subdistrict" else ""
    return f"SELECT *{place} FROM (SELECT v.raw, th_clean({text}) AS c_{n} FROM {values} v {join})"


def _texts_sql(columns: list[Column], prefix: str) -> str | None:
    if not columns:
        return None
    texts = " UNION ALL ".join(f"SELECT {prefix}_{c.name} AS text FROM {tidied_values(c)}" for c in columns)
    return f"SELECT DISTINCT text FROM ({texts}) WHERE text IS NOT NULL"


def date_texts_sql(source: Source) -> str | None:
    """Distinct texts of the date columns: each is parsed once (see ``dates.py``)."""
    return _texts_sql([c for c in validated_columns(source) if c.type == "date"], "c")


def address_texts_sql(source: Source) -> str | None:
    """Distinct places named by subdistrict columns that are not codes: address text."""
    query = _texts_sql([c for c in validated_columns(source) if c.type == "subdistrict"], "p")
    return f"SELECT text FROM ({query}) WHERE NOT is_area_code(text)" if query else None


def _problems(checks: list[tuple[str, str, str]]) -> str:
    """The problems a row or value has of ``checks``, as a list."""
    cases = ", ".join(
        f"CASE WHEN {cond} THEN {{'reason': {_q(reason)}, 'column': {_q(column)}}} END"
        for reason, cond, column in checks
    )
    return f"list_filter([{cases}], lambda p: p IS NOT NULL)"


def dictionary_sql(col: Column, today: str) -> str:
    """The dictionary of a looked-up column: each value of ``tidied_values`` with an ``id``, its
    typed value (``<name>``) and the column's problems with it (``problems``, and ``bad`` when
    there is one). Needs the tables ``date_lookup(text, parsed)`` and ``address_lookup(address,
    code, status)``, of every distinct date text and address place."""
    n, tidied = col.name, tidied_values(col)
    parsed = "".join(f", {e}" for e in [_parsed_expression(col)] if e)
    joins = ""
    if col.type == "date":
        joins = f"LEFT JOIN date_lookup t_{n} ON t_{n}.text = c_{n}"
    if col.type == "subdistrict":
        joins = f"LEFT JOIN address_lookup a_{n} ON a_{n}.address = p_{n}"
        parsed += f", a_{n}.code AS a_{n}_code, a_{n}.status AS address_status_{n}"
    checks = _checks(col, today)
    problems = f", {_problems(checks)} AS problems" if checks else ""
    bad = "len(problems) > 0" if checks else "false"
    return f"""
    WITH parsed AS (SELECT {tidied}.*{parsed} FROM {tidied} {joins}),
    typed AS (SELECT parsed.*, {typed_expression(col)} AS {n} FROM parsed),
    checked AS (SELECT CAST(row_number() OVER () AS INTEGER) AS id, raw, c_{n}, {n}{problems} FROM typed)
    SELECT *, {bad} AS bad FROM checked
    """


def checked_rows_sql(source: Source, landing: str, changed: set[str], today: str) -> str:
    """Every row of ``landing`` (the source's columns as read, ``_row_number``, ``_sheet``) with
    its typed columns, the id of the dictionary entry of each value a rejected row shows
    (``i_<name>``) and its list of problems. Needs the dictionary of each looked-up column (``dictionary_sql``) and,
    for the columns in ``changed``, ``changed_values``: their values that normalising changes."""
    cols = validated_columns(source)
    joined, parsed, typed, joins, bad, lists = [], [], [], [], [], []
    for c in cols:
        n = c.name
        if looked_up(c, source):
            joins.append(f"LEFT JOIN {dictionary(c)} d_{n} ON d_{n}.raw IS NOT DISTINCT FROM l.{n}")
            joined += [f"d_{n}.id AS i_{n}", f"d_{n}.{n}"]
            if _checks(c, today):
                joined += [f"d_{n}.bad AS b_{n}", f"d_{n}.problems AS q_{n}"]
                bad.append(f"b_{n}")
                lists.append(f"q_{n}")
            continue
        text = f"l.{n}"
        if n in changed:
            joins.append(f"LEFT JOIN {changed_values(c)} ch_{n} ON ch_{n}.raw = l.{n}")
            text = f"coalesce(ch_{n}.text, {text})"
        joined.append(f"th_clean({text}) AS c_{n}")
        parsed += [f", {e}" for e in [_parsed_expression(c)] if e]
        typed.append(f", {typed_expression(c)} AS {n}")
        checks = _checks(c, today)
        bad += [f"({cond})" for _, cond, _ in checks]
        lists += [_problems(checks)] if checks else []
    if source.row_rules:
        bad += [f"({cond})" for _, cond, _ in source.row_rules]
        lists.append(_problems(list(source.row_rules)))
    ids = "".join(f", i_{c.name}" for c in cols if _shown_from_dictionary(c, source))
    # Most rows have no problem: their list is not built.
    return f"""
    WITH joined AS (SELECT l._row_number, l._sheet, {", ".join(joined)} FROM {landing} l {" ".join(joins)}),
    parsed AS (SELECT joined.*{"".join(parsed)} FROM joined),
    typed AS (SELECT parsed.*{"".join(typed)} FROM parsed)
    SELECT _row_number, _sheet, {", ".join(c.name for c in cols)}{ids},
        CASE WHEN {" OR ".join(bad)} THEN {" || ".join(lists)} ELSE [] END AS problems
    FROM typed
    """


def row_values_sql(source: Source, checked: str) -> tuple[str, str]:
    """A rejected row's tidied text without its personal columns (address text keeps only the
    subdistrict it resolved to), as JSON, and the joins that give it: the file and row number
    lead an authorised person to the rest. A looked-up value's text is its dictionary entry's;
    the other columns shown are identifiers, whose typed value is their text."""
    pairs, joins = [], []
    for c in source.columns:
        if c.personal not in (None, "locate"):
            continue
        value = f"{checked}.{c.name}"
        if _shown_from_dictionary(c, source):
            joins.append(f"LEFT JOIN {dictionary(c)} v_{c.name} ON v_{c.name}.id = {checked}.i_{c.name}")
            value = f"v_{c.name}.c_{c.name}"
        pairs.append(f"'{c.name}': {value}")
    return f"to_json({{{', '.join(pairs)}}})", " ".join(joins)


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
