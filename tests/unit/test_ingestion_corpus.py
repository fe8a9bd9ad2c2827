"""Ingestion on a corpus of files written by hand the way Thai provincial offices export them
(``tests/corpus``; workbooks are written below from literal rows). Each file either loads with
the rows read, accepted and quarantined by reason stated here, or is refused with a clear
reason in Thai and English that quotes nothing from the file."""

import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest

from orchestration import dimensions
from orchestration.ingestion import load, sql_functions
from orchestration.ingestion.refusals import FileRefused
from orchestration.metadata.sources import SOURCES

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TODAY = date(2026, 11, 22)


@dataclass(frozen=True)
class Case:
    file: str
    read: int = 0
    accepted: int = 0
    quarantined: dict = field(default_factory=dict)  # reason → rows
    refused: str | None = None  # words the refusal must contain

    @property
    def source(self) -> str:
        return self.file.split("/")[0]


CASES = [
    # Files are what their content says, whatever their name.
    Case("lao_budgets/utf8_no_bom_lf.csv", read=2, accepted=2),
    Case("lao_budgets/utf8_bom_crlf.csv", read=2, accepted=2),
    Case("lao_budgets/tis620_cp874.csv", read=2, accepted=2),
    Case("lao_budgets/excel_unicode_text.txt", read=2, accepted=2),
    Case("lao_budgets/web_page_saved_as.xls", refused="an HTML page"),
    Case("welfare_orgs/xlsx_saved_as.csv", read=2, accepted=1, quarantined={"not_in_code_list": 1}),
    Case("welfare_orgs/ods_saved_as.csv", read=2, accepted=1, quarantined={"not_in_code_list": 1}),
    # CSV edge cases.
    Case("welfare_registry/header_only_crlf.csv"),
    Case("welfare_registry/header_only_no_final_newline.csv"),
    Case(
        "welfare_registry/blank_lines_and_quoted_newlines.csv",
        read=5,
        accepted=2,
        quarantined={"invalid_citizen_id": 1, "malformed_row": 1, "future_date": 1},
    ),
    Case("welfare_registry/a_megabyte_in_one_cell.csv", read=2, accepted=2),
    # Headers and numbers as people type them.
    Case("lao_budgets/headers_as_typed.csv", read=2, accepted=1, quarantined={"not_in_code_list": 1}),
    Case("social_assistance/sara_am_decomposed.csv", read=2, accepted=2),
    Case(
        "lao_budgets/thai_accounting_numbers.csv",
        read=4,
        accepted=2,
        quarantined={"negative_amount": 1, "invalid_number": 1},
    ),
    Case(
        "population/whole_numbers.csv", read=5, accepted=3, quarantined={"invalid_number": 1, "invalid_fiscal_year": 1}
    ),
    # Citizen IDs, dates, addresses.
    Case("welfare_registry/citizen_ids_broken_by_excel.csv", read=5, accepted=2, quarantined={"invalid_citizen_id": 3}),
    Case("social_assistance/ckan_timestamps.json", read=2, accepted=2),
    Case("social_assistance/addresses_as_written.csv", read=5, accepted=4, quarantined={"ambiguous_address": 1}),
    Case(
        "welfare_registry/register_exits.csv",
        read=4,
        accepted=1,
        quarantined={"exit_before_registration": 1, "incomplete_exit": 1, "not_in_code_list": 1},
    ),
    # Workbooks with several sheets.
    Case("volunteers/one_sheet_per_district.xlsx", read=3, accepted=3),
    # CKAN.
    Case("population/ckan_error.json", refused='Not found: Resource "population-60" was not found.'),
    Case("population/ckan_page_1_of_3.json", refused="records 1-3 of 7"),
    # A person's row where the header belongs: refused without repeating it.
    Case("welfare_registry/data_in_place_of_header.csv", refused="no header"),
]

ORG_HEADER = ["เลขทะเบียน", "ชื่อองค์กร", "ประเภทองค์กร", "รหัสตำบล", "สถานะการรับรอง", "วันที่รับรอง", "กลุ่มเป้าหมายที่ให้บริการ"]
ORGS = [
    ORG_HEADER,
    ["60-1", "มูลนิธิทดสอบ", "มูลนิธิ", "600101", "ส่งใบสำคัญ", "15 มิ.ย. 2565", "เด็ก"],
    ["60-2", "ชมรมทดสอบ", "องค์กรภาคเอกชน", "600102", "รอพิจารณา", "", "สตรี"],
]
VOLUNTEER_HEADER = [
    "เลขประจำตัวประชาชน",
    "ชื่อ",
    "นามสกุล",
    "วันเกิด",
    "เพศ",
    "ที่อยู่ (ตำบล อำเภอ จังหวัด)",
    "วันที่เป็นอาสาสมัคร",
    "สถานะ",
    "วันที่พ้นสภาพ",
    "จำนวนหลักสูตรที่ผ่านการอบรม",
]


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def write_ods(path: Path, rows: list[list[str]]) -> None:
    """An OpenDocument spreadsheet, as LibreOffice saves one, written out by hand."""
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(cell.format(v) for v in row) + "</table:table-row>" for row in rows)
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="ทะเบียน">{body}</table:table>'
        f"</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def volunteer(citizen_id: str, address: str) -> list:
    return [citizen_id, "สมชาย", "ใจดี", date(1970, 1, 5), "ชาย", address, "1/10/2565", "ปฏิบัติงาน", None, 2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The committed text files, and the workbooks written here from literal rows."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in CORPUS.rglob("*"):
        if f.is_file():
            (folder / f.relative_to(CORPUS)).parent.mkdir(parents=True, exist_ok=True)
            (folder / f.relative_to(CORPUS)).write_bytes(f.read_bytes())
    (folder / "welfare_orgs").mkdir()
    write_xlsx(folder / "welfare_orgs/xlsx_saved_as.csv", {"ทะเบียน": ORGS})
    write_ods(folder / "welfare_orgs/ods_saved_as.csv", ORGS)
    (folder / "volunteers").mkdir()
    write_xlsx(
        folder / "volunteers/one_sheet_per_district.xlsx",
        {
            "คำชี้แจง": [["กรอกข้อมูลอาสาสมัครแยกแผ่นงานตามอำเภอ"], ["ห้ามแก้ไขหัวตาราง"]],
            "เมืองนครสวรรค์": [
                ["อาสาสมัคร อ.เมืองนครสวรรค์"],
                VOLUNTEER_HEADER,
                volunteer("1101700230708", "ต.ปากน้ำโพ อ.เมือง จ.นครสวรรค์"),
                volunteer("3100600123450", "600102"),
            ],
            "ตาคลี": [VOLUNTEER_HEADER, [], volunteer("1609900456788", "ตำบลตาคลี อำเภอตาคลี")],
            "รวม": [["อำเภอ", "จำนวนอาสาสมัคร"], ["เมืองนครสวรรค์", 2], ["ตาคลี", 1]],
        },
    )
    header = ",".join(c.header_th for c in SOURCES["welfare_registry"].columns)
    rows = [
        f'1101700230708,สมชาย,ใจดี,12/3/2505,ชาย,ผู้สูงอายุ,,600101,1/10/2566,,"{"ก" * 400_000}",,',
        "3100600123450,สมศรี,ใจงาม,1/1/2500,หญิง,ผู้สูงอายุ,,600101,1/10/2566,,,,",
    ]
    (folder / "welfare_registry/a_megabyte_in_one_cell.csv").write_bytes("\r\n".join([header, *rows]).encode("utf-8"))
    return folder


@pytest.fixture
def con():
    con = duckdb.connect()
    sql_functions.register(con, b"test-key")
    load.prepare(con)
    dimensions.write_areas(con)
    yield con
    con.close()


def load_case(con, corpus: Path, tmp_path: Path, file: str):
    return load.load_file(con, SOURCES[file.split("/")[0]], corpus / file, file, TODAY, tmp_path / "work")


def quarantined(con, file: str) -> list[tuple[int, str]]:
    return con.execute(
        "SELECT row_number, reason_code FROM raw.quarantine WHERE source_file = ? ORDER BY 1", [file]
    ).fetchall()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_corpus_file(con, corpus, tmp_path, case):
    if case.refused:
        with pytest.raises(FileRefused) as refusal:
            load_case(con, corpus, tmp_path, case.file)
        assert case.refused in str(refusal.value)
        assert refusal.value.reason_th and refusal.value.reason_th != refusal.value.reason_en
        logged = con.execute(
            "SELECT status, message_en, message_th FROM raw.load_log WHERE source_file = ?", [case.file]
        ).fetchall()
        assert logged == [("failed", refusal.value.reason_en, refusal.value.reason_th)]
        return
    record = load_case(con, corpus, tmp_path, case.file)
    assert (record.rows_read, record.rows_accepted, record.rows_quarantined) == (
        case.read,
        case.accepted,
        sum(case.quarantined.values()),
    )
    reasons = {}
    for _, reason in quarantined(con, case.file):
        reasons[reason] = reasons.get(reason, 0) + 1
    assert reasons == case.quarantined
    assert not list((tmp_path / "work").glob("*")), "a working copy of personal data was left behind"


def stored(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_row_numbers_count_blank_lines_and_line_breaks_inside_quotes(con, corpus, tmp_path):
    file = "welfare_registry/blank_lines_and_quoted_newlines.csv"
    load_case(con, corpus, tmp_path, file)
    assert quarantined(con, file) == [(7, "invalid_citizen_id"), (9, "malformed_row"), (10, "future_date")]
    assert stored(con, "SELECT _row_number FROM raw.welfare_registry ORDER BY 1") == [(2,), (4,)]


def test_a_header_typed_across_lines_still_numbers_rows_by_line(con, corpus, tmp_path):
    file = "lao_budgets/headers_as_typed.csv"
    record = load_case(con, corpus, tmp_path, file)
    assert quarantined(con, file) == [(7, "not_in_code_list")]
    assert stored(con, "SELECT _row_number, fiscal_year FROM raw.lao_budgets") == [(6, 2567)]
    assert "read as" not in (record.notes or "")


def test_numbers_are_read_exactly_as_thai_offices_write_them(con, corpus, tmp_path):
    load_case(con, corpus, tmp_path, "lao_budgets/thai_accounting_numbers.csv")
    assert stored(
        con,
        "SELECT welfare_budget_allocated, welfare_budget_spent, community_fund_contribution "
        "FROM raw.lao_budgets ORDER BY _row_number",
    ) == [
        (Decimal("1250000.50"), Decimal("98765.00"), Decimal("0.00")),
        (Decimal("15000.00"), Decimal("1000.00"), Decimal("1000.00")),
    ]
    load_case(con, corpus, tmp_path, "population/whole_numbers.csv")
    assert stored(con, "SELECT population FROM raw.population ORDER BY _row_number") == [(2000,), (1234,), (0,)]


def test_encodings_and_disguised_workbooks_give_the_same_rows(con, corpus, tmp_path):
    notes = {}
    for file in (
        "lao_budgets/utf8_no_bom_lf.csv",
        "lao_budgets/tis620_cp874.csv",
        "lao_budgets/excel_unicode_text.txt",
    ):
        notes[file] = load_case(con, corpus, tmp_path, file).notes
    rows = stored(con, "SELECT _source_file, lao_code, welfare_budget_spent FROM raw.lao_budgets ORDER BY 2, 1")
    assert {(code, spent) for _, code, spent in rows} == {
        ("6600101", Decimal("120500.25")),
        ("6600102", Decimal("180000.00")),
    }
    assert len(rows) == 6
    assert notes["lao_budgets/tis620_cp874.csv"] == "read as cp874"
    assert notes["lao_budgets/excel_unicode_text.txt"] == "read as utf-16"
    for file in ("welfare_orgs/xlsx_saved_as.csv", "welfare_orgs/ods_saved_as.csv"):
        load_case(con, corpus, tmp_path, file)
        assert stored(con, "SELECT org_id, certified_on FROM raw.welfare_orgs") == [("60-1", date(2022, 6, 15))]


def test_every_sheet_with_the_header_is_read_and_the_others_are_named(con, corpus, tmp_path):
    record = load_case(con, corpus, tmp_path, "volunteers/one_sheet_per_district.xlsx")
    assert stored(con, "SELECT _sheet, _row_number, subdistrict_code FROM raw.volunteers ORDER BY 1 DESC, 2") == [
        ("เมืองนครสวรรค์", 3, "600101"),
        ("เมืองนครสวรรค์", 4, "600102"),
        ("ตาคลี", 3, "600701"),
    ]
    assert record.notes == "sheet(s) without this source's header, not read: คำชี้แจง, รวม"


def test_timestamps_and_addresses_as_written(con, corpus, tmp_path):
    load_case(con, corpus, tmp_path, "social_assistance/ckan_timestamps.json")
    assert stored(con, "SELECT received_on FROM raw.social_assistance ORDER BY 1") == [
        (date(2024, 3, 15),),
        (date(2024, 3, 16),),
    ]
    load_case(con, corpus, tmp_path, "social_assistance/addresses_as_written.csv")
    assert stored(
        con,
        "SELECT case_id, subdistrict_code FROM raw.social_assistance WHERE _source_file LIKE '%addresses%' ORDER BY 1",
    ) == [("C1", "600101"), ("C2", "600101"), ("C3", "600701"), ("C4", "600701")]


def test_decomposed_sara_am_matches_in_headers_and_addresses(con, corpus, tmp_path):
    load_case(con, corpus, tmp_path, "social_assistance/sara_am_decomposed.csv")
    assert stored(con, "SELECT subdistrict_code, amount FROM raw.social_assistance ORDER BY 2") == [
        ("600101", Decimal("2000.00")),
        ("600101", Decimal("3000.00")),
    ]


def test_a_refusal_never_quotes_the_file(con, corpus, tmp_path):
    file = "welfare_registry/data_in_place_of_header.csv"
    with pytest.raises(FileRefused) as refusal:
        load_case(con, corpus, tmp_path, file)
    logged = str(stored(con, "SELECT * FROM raw.load_log"))
    for personal in ("4100200333447", "สมหญิง", "ทองดี", "2498", "45 หมู่ 6"):
        assert personal not in str(refusal.value) and personal not in logged


def test_quarantine_keeps_the_subdistrict_not_the_address_text(con, corpus, tmp_path):
    load_case(con, corpus, tmp_path, "social_assistance/addresses_as_written.csv")
    kept = stored(con, "SELECT row_values, subdistrict_code FROM raw.quarantine")
    assert len(kept) == 1 and "วังทอง" not in str(kept)


def test_a_renamed_copy_of_a_loaded_file_adds_nothing(con, corpus, tmp_path):
    first = load_case(con, corpus, tmp_path, "lao_budgets/utf8_no_bom_lf.csv")
    copy = corpus / "lao_budgets/utf8_no_bom_lf (copy).csv"
    copy.write_bytes((corpus / "lao_budgets/utf8_no_bom_lf.csv").read_bytes())
    again = load_case(con, corpus, tmp_path, "lao_budgets/utf8_no_bom_lf (copy).csv")
    assert (first.status, again.status) == ("loaded", "duplicate")
    assert "same content as lao_budgets/utf8_no_bom_lf.csv" in again.notes
    assert stored(con, "SELECT count(*) FROM raw.lao_budgets") == [(2,)]
