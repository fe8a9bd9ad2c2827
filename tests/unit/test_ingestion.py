"""Ingestion on files written by hand here, in the formats Thai offices export."""

import hashlib
import hmac
import json
import os
import random
import time
from datetime import date

import duckdb
import openpyxl
import pytest

from orchestration import dimensions
from orchestration.ingestion import addresses, load, records, sql_functions, text, validate
from orchestration.ingestion.refusals import FileRefused
from orchestration.metadata import thai
from orchestration.metadata.sources import LAO_BUDGETS, POPULATION, SOCIAL_ASSISTANCE, WELFARE_ORGS, WELFARE_REGISTRY

TODAY = date(2026, 11, 22)
VALID_ID = "1101700230708"  # check digit 8
BAD_CHECKSUM_ID = "1101700230705"
REGISTRY_HEADER = ",".join(c.header_th for c in WELFARE_REGISTRY.columns)


@pytest.fixture
def con():
    con = duckdb.connect()
    sql_functions.register(con, b"test-key")
    load.prepare(con)
    dimensions.write_areas(con)
    yield con
    con.close()


def registry_line(
    citizen_id=VALID_ID,
    birth="๑๒ มี.ค. ๒๕๐๕",
    group="ผู้สูงอายุ",
    subdistrict="600101",
    registered="1/10/2566",
    name="สมชาย,ใจดี",
) -> str:
    return (
        f"{citizen_id},{name},{birth},ชาย,{group},12 หมู่ 3 ต.ปากน้ำโพ,{subdistrict},"
        f"{registered},2567-01-15,เบี้ยยังชีพผู้สูงอายุ,,"
    )


def write_registry(path, lines, encoding="cp874"):
    path.write_bytes(("\r\n".join([REGISTRY_HEADER, *lines]) + "\r\n").encode(encoding))
    return path


def quarantined(con, source):
    return con.execute(
        "SELECT row_number, reason_code FROM raw.quarantine WHERE source = ? ORDER BY 1", [source]
    ).fetchall()


def test_cp874_csv_with_thai_digits_and_buddhist_dates(con, tmp_path):
    path = write_registry(
        tmp_path / "registry.csv",
        [
            registry_line(),
            registry_line(citizen_id=BAD_CHECKSUM_ID),
            registry_line(citizen_id="3-1017-00230-70-4", subdistrict="609999"),
            registry_line(registered="31/02/2566", citizen_id="1111111111119"),
            registry_line(citizen_id="1111111111119", group="คนพิการ", registered="1/10/2590"),
            registry_line(),  # the same person and group again
        ],
    )
    record = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (6, 1, 5)
    assert quarantined(con, "welfare_registry") == [
        (3, "invalid_citizen_id"),
        (4, "unknown_area"),
        (5, "invalid_date"),
        (6, "future_date"),
        (7, "duplicate_key"),
    ]
    row = con.execute("SELECT registered_on, age_at_fy_end, person_key FROM raw.welfare_registry").fetchone()
    # Born 12 Mar 1962, registered in FY2567 which ends 30 Sep 2024: aged 62.
    assert row[:2] == (date(2023, 10, 1), 62)
    assert len(row[2]) == 32 and VALID_ID not in row[2]  # 128 bits, in hex


def test_rejected_rows_keep_the_subdistrict_they_name(con, tmp_path):
    path = write_registry(
        tmp_path / "registry.csv", [registry_line(citizen_id=BAD_CHECKSUM_ID), registry_line(subdistrict="609999")]
    )
    load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert con.execute("SELECT reason_code, subdistrict_code FROM raw.quarantine ORDER BY row_number").fetchall() == [
        ("invalid_citizen_id", "600101"),
        ("unknown_area", "609999"),
    ]


def test_a_warehouse_from_before_the_subdistrict_column_is_migrated(tmp_path):
    con = duckdb.connect()
    con.execute(
        "CREATE SCHEMA raw; CREATE TABLE raw.quarantine (source VARCHAR, source_file VARCHAR, "
        "file_hash VARCHAR, sheet VARCHAR, row_number BIGINT, reason_code VARCHAR, column_name VARCHAR, "
        "message_en VARCHAR, message_th VARCHAR, all_reasons VARCHAR[], row_values JSON, loaded_at TIMESTAMP)"
    )
    con.execute("INSERT INTO raw.quarantine (source, row_number) VALUES ('welfare_registry', 2)")
    load.prepare(con)
    assert con.execute("SELECT source, row_number, subdistrict_code FROM raw.quarantine").fetchall() == [
        ("welfare_registry", 2, None)
    ]


def test_personal_columns_never_reach_the_warehouse(con, tmp_path):
    path = write_registry(tmp_path / "registry.csv", [registry_line(), registry_line(subdistrict="")])
    load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    columns = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'welfare_registry'"
        ).fetchall()
    }
    assert not columns & {"citizen_id", "first_name", "last_name", "address", "birth_date"}
    dump = str(
        con.execute("SELECT * FROM raw.welfare_registry").fetchall()
        + con.execute("SELECT * FROM raw.quarantine").fetchall()
    )
    for personal in (VALID_ID, "สมชาย", "ใจดี", "ปากน้ำโพ", "2505", "1962"):
        assert personal not in dump


def test_same_person_gets_the_same_pseudonym_in_every_file(con, tmp_path):
    a = write_registry(tmp_path / "a.csv", [registry_line()])
    b = write_registry(
        tmp_path / "b.csv", [registry_line(citizen_id="1-1017-00230-70-8", group="คนพิการ")], encoding="utf-8-sig"
    )
    load.load_file(con, WELFARE_REGISTRY, a, "a.csv", TODAY, tmp_path)
    load.load_file(con, WELFARE_REGISTRY, b, "b.csv", TODAY, tmp_path)
    keys = con.execute("SELECT DISTINCT person_key FROM raw.welfare_registry").fetchall()
    assert len(keys) == 1


def test_reloading_a_file_is_a_no_op_and_a_corrected_file_replaces_it(con, tmp_path):
    path = write_registry(tmp_path / "registry.csv", [registry_line(), registry_line(citizen_id=BAD_CHECKSUM_ID)])
    first = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    again = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert (first.status, again.status) == ("loaded", "unchanged")
    assert con.execute("SELECT count(*) FROM raw.welfare_registry").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM raw.load_log").fetchone()[0] == 1

    write_registry(path, [registry_line(), registry_line(citizen_id="1111111111119")])
    corrected = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert (corrected.rows_accepted, corrected.rows_quarantined) == (2, 0)
    assert con.execute("SELECT count(*) FROM raw.welfare_registry").fetchone()[0] == 2
    assert quarantined(con, "welfare_registry") == []
    assert con.execute("SELECT count(*) FROM raw.load_log").fetchone()[0] == 1


def test_a_file_whose_size_and_settled_time_are_unchanged_is_not_hashed_again(con, tmp_path):
    """Its size and modification time stand for its content once that time had settled when it
    was hashed: a file of the same size and time is taken as loaded, unread. A file written just
    before it is loaded is hashed at every load, and so is one whose time moved by a nanosecond."""
    path = tmp_path / "registry.csv"

    def load_as(citizen_id, mtime_ns=None):  # each content is of the same size
        write_registry(path, [registry_line(citizen_id=citizen_id)])
        if mtime_ns:
            os.utime(path, ns=(mtime_ns, mtime_ns))
        return load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path).status

    def loaded_pseudonym():
        return con.execute("SELECT person_key FROM raw.welfare_registry").fetchall()

    assert load_as(VALID_ID) == "loaded"
    just_written = path.stat().st_mtime_ns
    assert load_as("1111111111119", just_written) == "loaded"  # not settled when hashed
    other = loaded_pseudonym()
    an_hour_ago = time.time_ns() - 3600 * 10**9
    assert load_as(VALID_ID, an_hour_ago) == "loaded"
    first = loaded_pseudonym()
    assert first != other
    assert load_as("1111111111119", an_hour_ago) == "unchanged"  # the same size and time: not read
    assert loaded_pseudonym() == first
    assert load_as("1111111111119", an_hour_ago + 1) == "loaded"
    assert loaded_pseudonym() == other
    assert load_as("1111111111119", an_hour_ago + 2) == "unchanged"  # touched: hashed, its time kept
    assert con.execute("SELECT file_mtime_ns FROM raw.load_log").fetchall() == [(an_hour_ago + 2,)]


def test_utf8_bom_csv_with_thousand_separators(con, tmp_path):
    header = ",".join(f'"{c.header_th}"' for c in LAO_BUDGETS.columns)
    lines = [
        'x6000101,อบต.ทดสอบ,อบต.,600101,2567,"1,250,000.50",๙๘๗๖๕.๐๐, 1000 ',
        "x6000102,อบต.ทดสอบ,อบต.,600102,2567,ไม่ระบุ,0,0",
        'x6000103,อบต.ทดสอบ,อบต.,600103,2567,"1,000.00",-5,0',
        "x6000104,อบต.ทดสอบ,อบต.ใหม่,600104,2567,0,0,0",
    ]
    path = tmp_path / "budgets.csv"
    path.write_bytes(("\r\n".join([header, *lines]) + "\r\n").encode("utf-8-sig"))
    load.load_file(con, LAO_BUDGETS, path, "budgets.csv", TODAY, tmp_path)
    assert con.execute(
        "SELECT welfare_budget_allocated, welfare_budget_spent, community_fund_contribution FROM raw.lao_budgets"
    ).fetchall() == [(1250000.50, 98765, 1000)]
    assert quarantined(con, "lao_budgets") == [(3, "invalid_number"), (4, "negative_amount"), (5, "not_in_code_list")]


def test_xlsx_with_title_rows_and_merged_two_row_header(con, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "ทะเบียนองค์การสวัสดิการสังคม จังหวัดนครสวรรค์"
    ws.merge_cells("A1:G1")
    ws["A2"] = "ข้อมูล ณ วันที่ 30 ก.ย. 2568"
    ws.append([])
    ws.append(["ข้อมูลองค์กร", None, None, "รหัสตำบล", "การรับรอง", None, "กลุ่มเป้าหมายที่ให้บริการ"])
    ws.append(["เลขทะเบียน", "ชื่อองค์กร", "ประเภทองค์กร", None, "สถานะการรับรอง", "วันที่รับรอง", None])
    for cells in ("A4:C4", "D4:D5", "E4:F4", "G4:G5"):
        ws.merge_cells(cells)
    ws.append(["60-1", "มูลนิธิทดสอบ", "มูลนิธิ", "600101", "ส่งใบสำคัญ", "15 มิ.ย. 2565", "เด็ก"])
    ws.append(["60-2", "ชมรมทดสอบ", "องค์กรภาคเอกชน", "600102", "รอพิจารณา", "", "สตรี"])
    ws.append([None, None, None, None, None, None, None])  # blank rows at the end are not data
    path = tmp_path / "orgs.xlsx"
    wb.save(path)
    record = load.load_file(con, WELFARE_ORGS, path, "orgs.xlsx", TODAY, tmp_path)
    assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (2, 1, 1)
    assert con.execute("SELECT org_id, certified_on, _sheet, _row_number FROM raw.welfare_orgs").fetchall() == [
        ("60-1", date(2022, 6, 15), "Sheet", 6)
    ]
    assert quarantined(con, "welfare_orgs") == [(7, "not_in_code_list")]


def test_an_unreadable_file_is_refused_with_its_name_and_reason(con, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileRefused, match=r"empty\.csv: the file is empty"):
        load.load_file(con, WELFARE_REGISTRY, empty, "empty.csv", TODAY, tmp_path)
    missing = tmp_path / "missing.csv"
    missing.write_bytes((REGISTRY_HEADER.replace(",เพศ", "") + "\r\n").encode("cp874"))
    with pytest.raises(FileRefused, match=r"missing\.csv: missing column.*เพศ"):
        load.load_file(con, WELFARE_REGISTRY, missing, "missing.csv", TODAY, tmp_path)
    assert con.execute("SELECT count(*) FROM raw.load_log WHERE status <> 'failed'").fetchone()[0] == 0


def test_a_load_leaves_none_of_the_rows_it_read_behind(con, tmp_path):
    """What a file held (citizen IDs, names) stays in the connection's temporary tables only while
    it is loaded, whether the file is loaded or refused."""
    path = write_registry(tmp_path / "registry.csv", [registry_line(), registry_line(citizen_id=BAD_CHECKSUM_ID)])
    load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    missing = tmp_path / "missing.csv"
    missing.write_bytes((REGISTRY_HEADER.replace(",เพศ", "") + "\r\n").encode("cp874"))
    with pytest.raises(FileRefused):
        load.load_file(con, WELFARE_REGISTRY, missing, "missing.csv", TODAY, tmp_path)
    left = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE temporary AND NOT internal"
    ).fetchall()
    assert left == []


def test_ckan_datastore_json(con, tmp_path):
    response = {
        "success": True,
        "result": {
            "resource_id": "population-60",
            "fields": [
                {"id": "_id", "type": "int"},
                {"id": "รหัสตำบล", "type": "text"},
                {"id": "ปี พ.ศ.", "type": "text"},
                {"id": "เพศ", "type": "text"},
                {"id": "จำนวนประชากร", "type": "numeric"},
            ],
            "records": [
                {"_id": 1, "รหัสตำบล": "600101", "ปี พ.ศ.": "2567", "เพศ": "ชาย", "จำนวนประชากร": 10234},
                {"_id": 2, "รหัสตำบล": "600101", "ปี พ.ศ.": "๒๕๖๗", "เพศ": "หญิง", "จำนวนประชากร": "11,002"},
                {"_id": 3, "รหัสตำบล": "600101", "ปี พ.ศ.": "2567", "เพศ": "ไม่ระบุ", "จำนวนประชากร": 5},
                {"_id": 4, "รหัสตำบล": "600102", "ปี พ.ศ.": "2567", "เพศ": "ชาย", "จำนวนประชากร": -3},
            ],
            "total": 4,
        },
    }
    path = tmp_path / "population.json"
    path.write_text(json.dumps(response, ensure_ascii=False), encoding="utf-8")
    record = load.load_file(con, POPULATION, path, "population.json", TODAY, tmp_path)
    assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (4, 2, 2)
    assert con.execute("SELECT year, sex, population FROM raw.population ORDER BY _row_number").fetchall() == [
        (2567, "ชาย", 10234),
        (2567, "หญิง", 11002),
    ]
    assert quarantined(con, "population") == [(3, "not_in_code_list"), (4, "negative_amount")]


def test_address_text_resolves_to_a_subdistrict_code(con, tmp_path):
    header = ",".join(c.header_th for c in SOCIAL_ASSISTANCE.columns)
    lines = [
        f"C1,{VALID_ID},12 หมู่ 3 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์,1/10/2566,ยากจน,สิ่งของ,",
        f"C2,{VALID_ID},ต.ไม่มีอยู่จริง อ.เมือง จ.นครสวรรค์,1/10/2566,ยากจน,สิ่งของ,",
        f"C3,{VALID_ID},ต.วังทอง,1/10/2566,ยากจน,สิ่งของ,",
        f'C4,{VALID_ID},600102,1/10/2566,ยากจน,เงินสงเคราะห์,"3,000"',
    ]
    path = tmp_path / "assistance.csv"
    path.write_bytes(("\r\n".join([header, *lines]) + "\r\n").encode("utf-8-sig"))
    load.load_file(con, SOCIAL_ASSISTANCE, path, "assistance.csv", TODAY, tmp_path)
    assert con.execute("SELECT case_id, subdistrict_code FROM raw.social_assistance ORDER BY 1").fetchall() == [
        ("C1", "600101"),
        ("C4", "600102"),
    ]
    assert quarantined(con, "social_assistance") == [(3, "unresolved_address"), (4, "ambiguous_address")]
    assert "ปากน้ำโพ" not in str(con.execute("SELECT * FROM raw.social_assistance").fetchall())


def test_a_row_cut_short_is_quarantined_not_lost(con, tmp_path):
    path = write_registry(tmp_path / "registry.csv", [registry_line(), registry_line(citizen_id="1111111111119")])
    path.write_bytes(path.read_bytes().rstrip(b"\r\n")[:-40])
    record = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (2, 1, 1)
    assert quarantined(con, "welfare_registry") == [(3, "malformed_row")]


def test_an_unexpected_extra_column_is_noted_and_ignored(con, tmp_path):
    path = tmp_path / "registry.csv"
    lines = [REGISTRY_HEADER + ",หมายเหตุ", registry_line() + ",ตรวจแล้ว"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp874"))
    record = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert record.rows_accepted == 1
    assert "unexpected column(s) ignored: หมายเหตุ" in record.notes


@pytest.mark.parametrize("key", [b"test-key", b"k" * 64, "กุญแจลับ".encode() * 10])
def test_pseudonyms_are_hmac_sha256_of_the_citizen_id(key):
    """DuckDB computes the keyed hash set-based; it must be the standard HMAC, whatever the key's
    length (one longer than SHA-256's block is hashed first), truncated to 128 bits."""
    con = duckdb.connect()
    sql_functions.register(con, key)
    for citizen_id in (VALID_ID, "1-1017-00230-70-8", "ไม่มีบัตร", ""):
        expected = hmac.new(key, citizen_id.encode(), hashlib.sha256).hexdigest()[:32]
        assert sql_functions.scalar(con, "SELECT pseudonymise(?)", [citizen_id]) == expected
    assert sql_functions.scalar(con, "SELECT pseudonymise(NULL)") is None
    macro = str(con.execute("SELECT * FROM duckdb_functions() WHERE function_name = 'pseudonymise'").fetchall())
    assert "getvariable" in macro and key.decode() not in macro  # the key is not in the SQL


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("  ผู้สูงอายุ ", "ผู้สูงอายุ"),
        ("ต.ปากน้ำโพ   อ.เมือง", "ต.ปากน้ำโพ อ.เมือง"),
        ("บ้าน\tเลขที่\r\n12", "บ้าน เลขที่ 12"),
        (" \n ", None),
        ("", None),
    ],
)
def test_white_space_is_collapsed_and_trimmed(text, clean):
    con = duckdb.connect()
    sql_functions.register(con, b"test-key")
    assert sql_functions.scalar(con, "SELECT th_clean(?)", [text]) == clean


def test_the_check_digit_in_sql_is_the_check_digit_in_python():
    """Every last digit of many IDs, and texts that are no ID, judged as the definition does."""
    rng = random.Random(13)
    twelve = [f"{rng.randrange(10**12):012d}" for _ in range(300)] + ["000000000000", "999999999999"]
    texts = [t + str(d) for t in twelve for d in range(10)]
    texts += ["110170023070", "11017002307088", "1.10170E+12", "+110170023070", "11017002307O8", " 1101700230708"]
    con = duckdb.connect()
    sql_functions.register(con, b"test-key")
    con.execute("CREATE TABLE ids AS SELECT unnest(?::VARCHAR[]) AS id", [texts])
    judged = dict(con.execute("SELECT id, citizen_id_ok(id, TRY_CAST(id AS BIGINT)) FROM ids").fetchall())
    assert judged == {t: thai.is_citizen_id(t) for t in texts}
    assert sum(judged.values()) == len(twelve)  # one last digit of ten is right


def test_cp874_replacements_on_bytes_equal_normalising_the_text():
    every_character = bytes(b for b in range(256) if bytes([b]).decode("cp874", errors="ignore"))
    table = text.byte_replacements("cp874")
    decoded = every_character.decode("cp874")
    assert text.compose(every_character.translate(table).decode("cp874")) == text.normalise(decoded)
    assert "๕" in decoded and "\u00a0" in decoded  # the table has work to do


def test_names_and_addresses_that_are_dropped_are_not_validated():
    validated = {c.name for c in validate.validated_columns(WELFARE_REGISTRY)}
    assert not validated & {"first_name", "last_name", "address"}
    assert {"citizen_id", "birth_date", "subdistrict_code"} <= validated


def test_every_house_of_a_subdistrict_is_resolved_as_one_place(con):
    """Only the place an address names is looked up, whatever house and village come first; it
    resolves as the whole address does."""
    written = [
        "12 หมู่ 3 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์",
        "7/1 ม.5 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์",
        "บ้านเลขที่ 99 ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์",
        "ต ปากน้ำโพ อ เมือง จ นครสวรรค์",
        "3 ตำบลปากน้ำโพ อำเภอเมืองนครสวรรค์ จังหวัดนครสวรรค์ 60000",
        "12/3 แขวงวังบูรพาภิรมย์ เขตพระนคร",
        "ต.วังทอง",
        "ปากน้ำโพ",
    ]
    places = [sql_functions.scalar(con, "SELECT address_place(?)", [text]) for text in written]
    assert len(set(places[:3])) == 1
    assert [addresses.resolve(p) for p in places] == [addresses.resolve(t) for t in written]
    assert addresses.resolve(places[0]) == ("600101", "resolved")


def test_files_read_in_place_load_as_their_transcoded_twin(con, tmp_path):
    """DuckDB reads UTF-8 where it lies, and TIS-620 as Latin-1; each distinct value is then
    normalised once. The rows stored and quarantined equal those of the same file in UTF-16,
    which is transcoded whole first: line numbers and normalisation alike (Thai digits, sara am
    typed as two characters, a tone mark typed before its vowel)."""
    lines = [
        registry_line(),
        '"' + registry_line(citizen_id="1111111111119", group="คนพิการ").replace(",", '",', 1),
        "",
        registry_line(citizen_id="3100600123450", birth="๕ ก.ค. ๒๔๙๘", group="ผ\u0e49\u0e39สูงอายุ"),
        registry_line(citizen_id=BAD_CHECKSUM_ID, name='"สม\r\nหญิง",ท\u0e4d\u0e32ดี'),
        registry_line(citizen_id="1609900456789")[:-30],  # cut short
        registry_line(citizen_id="5500100765439", registered="1/10/2590"),
    ]
    stored = {}
    for encoding in ("cp874", "utf-8", "utf-16"):
        path = write_registry(tmp_path / f"registry-{encoding}.csv", lines, encoding)
        record = load.load_file(con, WELFARE_REGISTRY, path, path.name, TODAY, tmp_path / "work")
        assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (6, 3, 3)
        stored[encoding] = (
            con.execute(
                "SELECT * EXCLUDE (_source_file, _file_hash, _loaded_at) FROM raw.welfare_registry "
                "WHERE _source_file = ? ORDER BY _row_number",
                [path.name],
            ).fetchall()
            + con.execute(
                "SELECT row_number, reason_code, row_values FROM raw.quarantine WHERE source_file = ? ORDER BY 1",
                [path.name],
            ).fetchall()
        )
    assert stored["cp874"] == stored["utf-8"] == stored["utf-16"]
    rows = con.execute(
        "SELECT _row_number, target_group FROM raw.welfare_registry WHERE _source_file = 'registry-cp874.csv' "
        "ORDER BY 1"
    ).fetchall()
    assert rows == [(2, "ผู้สูงอายุ"), (3, "คนพิการ"), (5, "ผู้สูงอายุ")]
    assert [r[:2] for r in stored["cp874"][3:]] == [(6, "invalid_citizen_id"), (8, "malformed_row"), (9, "future_date")]


@pytest.mark.parametrize("chunk", [3, 1 << 24])  # records across the chunks' edges, and in one chunk
def test_positions_in_a_file_read_as_latin1_are_widened_as_duckdb_counts_them(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(records, "WIDEN_CHUNK", chunk)
    path = tmp_path / "thai.csv"
    path.write_bytes('ก,ข\r\n\r\nไทย,"1\n2"\r\nabc,ง\r\n'.encode("cp874"))
    recs = records.scan(path)
    as_utf8 = path.read_bytes().decode("latin-1").encode("utf-8")
    expected = [len(path.read_bytes()[:s].decode("latin-1").encode("utf-8")) for s in recs.starts]
    assert list(records.widened_starts(path, recs)) == expected
    assert as_utf8[expected[-1] : expected[-1] + 3] == b"abc"


@pytest.mark.parametrize("head_bytes", [4, 1 << 20])  # a head that must grow, and one that holds the file
def test_the_head_of_a_file_is_its_first_records(tmp_path, monkeypatch, head_bytes):
    monkeypatch.setattr(records, "HEAD_BYTES", head_bytes)
    path = tmp_path / "file.csv"
    path.write_bytes(b'h1,h2\r\n\r\na,"1\n2"\r\nb,3\r\nc,4\r\nd,5')
    every = records.scan(path)
    first = records.head(path, 3)
    assert (~first.blank).sum() >= 3
    assert list(first.starts) == list(every.starts[: len(first)])
    assert list(first.lines) == list(every.lines[: len(first)])
    assert list(first.ends) == list(every.ends[: len(first)])  # only whole records


@pytest.mark.parametrize(
    ("content", "after_header"),
    [(b"h\r\na\r\nb\r\n", 2), (b"h\r\na\r\nb", 2), (b"h\r\n", 0), (b"h", 0), (b"h\r\n\r\na\r\n", 2)],
)
def test_lines_after_the_header_are_counted_with_a_last_line_that_has_no_line_break(tmp_path, content, after_header):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    assert records.lines_after(path, int(records.scan(path).ends[0])) == after_header


def test_a_tis620_file_with_a_byte_it_does_not_define_is_refused(con, tmp_path):
    path = write_registry(tmp_path / "registry.csv", [registry_line()])
    size = len(path.read_bytes())
    path.write_bytes(path.read_bytes() + b"\xfc\r\n")
    with pytest.raises(FileRefused, match=f"neither UTF-8, UTF-16 nor TIS-620/cp874 \\(byte {size}\\)"):
        load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)


def test_bytes_that_are_no_text_are_the_reason_given_whatever_else_is_wrong(con, tmp_path):
    """The encoding is checked while the file is read: its refusal is still the one given, as
    when it was checked first, for a file whose header lacks a column too."""
    path = tmp_path / "registry.csv"
    header = REGISTRY_HEADER.replace(",เพศ", "").encode("cp874")
    path.write_bytes(header + b"\r\n" + registry_line().encode("cp874") + b"\xfc\r\n")
    with pytest.raises(FileRefused, match=r"neither UTF-8, UTF-16 nor TIS-620/cp874"):
        load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)


def test_a_utf8_file_that_turns_into_tis620_is_refused_not_guessed(con, tmp_path):
    path = write_registry(tmp_path / "registry.csv", [registry_line()], encoding="utf-8")
    size = len(path.read_bytes())
    path.write_bytes(path.read_bytes() + registry_line(citizen_id="1111111111119").encode("cp874") + b"\r\n")
    with pytest.raises(FileRefused, match=f"mixes UTF-8 with another encoding \\(byte {size + 14}\\)"):
        load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)


def test_values_are_normalised_together_and_one_holding_a_nul_on_its_own(con, tmp_path):
    lines = [registry_line(group="ผู้สูง\x00อายุ"), registry_line(citizen_id="1111111111119", group="ผ\u0e49\u0e39สูงอายุ")]
    path = write_registry(tmp_path / "registry.csv", lines, encoding="utf-8")
    record = load.load_file(con, WELFARE_REGISTRY, path, "registry.csv", TODAY, tmp_path)
    assert (record.rows_accepted, record.rows_quarantined) == (1, 1)
    assert con.execute("SELECT target_group FROM raw.welfare_registry").fetchall() == [("ผู้สูงอายุ",)]
    assert quarantined(con, "welfare_registry") == [(2, "not_in_code_list")]
