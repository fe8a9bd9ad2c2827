"""Why a whole landing file is refused, in words a clerk understands, in Thai and English.

A refusal names the file and, where known, the row, but never quotes a value from it: a header
line that is really data would otherwise put a citizen ID into logs and run storage.
"""

from pathlib import Path

# problem → (English, Thai); {placeholders} are filled with counts and names, never cell values.
PROBLEMS: dict[str, tuple[str, str]] = {
    "empty": ("the file is empty", "ไฟล์ว่างเปล่า"),
    "missing_columns": (
        "missing column(s) {missing}; the header found has {found} column(s)",
        "ไม่พบคอลัมน์ {missing} (หัวตารางที่พบมี {found} คอลัมน์)",
    ),
    "no_header": (
        "no header with this source's columns in the first {searched} rows",
        "ไม่พบหัวตารางของแหล่งข้อมูลนี้ใน {searched} แถวแรก",
    ),
    "no_sheet": (
        "no sheet has this source's columns ({sheets} sheet(s) looked at)",
        "ไม่มีแผ่นงานใดมีคอลัมน์ของแหล่งข้อมูลนี้ (ตรวจ {sheets} แผ่นงาน)",
    ),
    "unknown_encoding": (
        "the text is neither UTF-8, UTF-16 nor TIS-620/cp874 (byte {position})",
        "รหัสอักขระของไฟล์ไม่ใช่ UTF-8, UTF-16 หรือ TIS-620 (ไบต์ที่ {position})",
    ),
    "mixed_encoding": (
        "the text mixes UTF-8 with another encoding (byte {position})",
        "ไฟล์ใช้รหัสอักขระปนกัน UTF-8 กับแบบอื่น (ไบต์ที่ {position})",
    ),
    "not_tabular": (
        "{what}, not a table: save it as CSV (UTF-8) or XLSX",
        "ไฟล์นี้เป็น{what_th} ไม่ใช่ตาราง: บันทึกเป็น CSV (UTF-8) หรือ XLSX",
    ),
    "unreadable_workbook": ("the workbook cannot be opened ({error})", "เปิดไฟล์สเปรดชีตไม่ได้ ({error})"),
    "not_ckan": ("not a CKAN datastore_search response", "ไม่ใช่ผลลัพธ์ datastore_search ของ CKAN"),
    "ckan_error": ("the CKAN portal answered with an error: {error}", "พอร์ทัล CKAN ตอบกลับว่าผิดพลาด: {error}"),
    "ckan_partial": (
        "one page of a paged download: records {first}-{last} of {total}; fetch every page (welfare fetch-ckan)",
        "ไฟล์นี้เป็นเพียงหน้าหนึ่งของข้อมูลที่แบ่งหน้า: ระเบียนที่ {first}-{last} จาก {total} ให้ดึงข้อมูลทุกหน้า (welfare fetch-ckan)",
    ),
    "demo_key": (
        "not one of the demo generator's files, and the public demo key may pseudonymise only "
        "those: set WELFARE_HMAC_KEY to load real data",
        "ไม่ใช่ไฟล์ข้อมูลสาธิต กุญแจสาธิตใช้ได้กับข้อมูลสาธิตเท่านั้น ตั้งค่า WELFARE_HMAC_KEY ก่อนนำเข้าข้อมูลจริง",
    ),
    "unexpected": (
        "could not be read ({error} at {where}); the other files were loaded",
        "อ่านไฟล์ไม่ได้ ({error} ที่ {where}) ไฟล์อื่นนำเข้าตามปกติ",
    ),
}


class FileRefused(Exception):
    """A landing file that cannot be loaded as a whole. The source's other files still load."""

    def __init__(self, path: Path, problem: str, row: int | None = None, **details):
        en, th = PROBLEMS[problem]
        self.reason_en = en.format(**details)
        self.reason_th = th.format(**details)
        where = f" (row {row})" if row else ""
        super().__init__(f"{path.name}{where}: {self.reason_en} / {self.reason_th}")


def unexpected(path: Path, error: BaseException) -> FileRefused:
    """A refusal for an error nobody foresaw, named by its type and the code that raised it:
    the error's own message may quote a value from the file, so it is not repeated."""
    frame = error.__traceback__
    while frame and frame.tb_next:
        frame = frame.tb_next
    where = f"{Path(frame.tb_frame.f_code.co_filename).name}:{frame.tb_lineno}" if frame else "?"
    return FileRefused(path, "unexpected", error=type(error).__name__, where=where)
