"""What a landing file really is, from its content rather than its name: offices rename XLSX
and ODS files to .csv, save "Unicode text" (UTF-16) from Excel, or a web page as .xls.

``kind`` tells the reader to use; ``transcode`` streams any text file to normalised UTF-8.
"""

import codecs
import zipfile
from pathlib import Path

from orchestration.ingestion.refusals import FileRefused
from orchestration.ingestion.text import byte_replacements, compose, normalise

ZIP, OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
CHUNK = 1 << 24  # bytes read at a time: memory stays flat whatever the file's size
NOT_TABLES = {  # a start of file → (what it is, in English and Thai)
    b"%PDF": ("a PDF document", "เอกสาร PDF"),
    b"<!doctype html": ("an HTML page", "หน้าเว็บ HTML"),
    b"<html": ("an HTML page", "หน้าเว็บ HTML"),
    b"<table": ("an HTML page", "หน้าเว็บ HTML"),
}


def kind(path: Path) -> str:
    """'workbook' (XLSX, XLS, ODS), 'json' or 'text'; refuses files that are none of them."""
    with path.open("rb") as f:
        head = f.read(4096)
    if not head.strip():
        raise FileRefused(path, "empty")
    if head.startswith(ZIP):
        return _zip_kind(path)
    if head.startswith(OLE2):
        return "workbook"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, (what, what_th) in NOT_TABLES.items():
        if start.startswith(magic):
            raise FileRefused(path, "not_tabular", what=what, what_th=what_th)
    return "json" if start.startswith(b"{") else "text"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "xl/workbook.xml" in names or ("mimetype" in names and z.read("mimetype").strip() == ODS_MIMETYPE):
                return "workbook"
    except zipfile.BadZipFile:
        pass
    raise FileRefused(path, "not_tabular", what="a ZIP archive", what_th="ไฟล์บีบอัด ZIP")


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # UTF-16 without a byte-order mark: ASCII characters leave every other byte zero.
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return "utf-16-le"
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4:
        return "utf-16-be"
    return "utf-8"


def transcode(path: Path, target: Path) -> str:
    """Write ``path`` to ``target`` as normalised UTF-8 without a BOM; return the encoding read.

    UTF-8 is tried first; a file that fails on its first non-ASCII bytes is TIS-620 (cp874), as
    Thai government systems write. A file that is valid UTF-8 for a while and then is not is
    refused rather than guessed: decoding it as cp874 would turn its Thai into nonsense.
    """
    with path.open("rb") as f:
        encoding = _encoding(f.read(4096))
    if encoding == "utf-8":
        try:
            _copy(path, target, "utf-8")
            return "utf-8"
        except _DecodeFailed as e:
            if e.saw_non_ascii:
                raise FileRefused(path, "mixed_encoding", position=e.position) from None
            encoding = "cp874"
    try:
        _copy(path, target, encoding)
    except _DecodeFailed as e:
        raise FileRefused(path, "unknown_encoding", position=e.position) from None
    return encoding


class _DecodeFailed(Exception):
    def __init__(self, position: int, saw_non_ascii: bool):
        self.position, self.saw_non_ascii = position, saw_non_ascii


def _copy(path: Path, target: Path, encoding: str) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    # cp874 has one byte per character: its replacements are done on the bytes.
    replacements = byte_replacements(encoding) if encoding == "cp874" else None
    read, saw_non_ascii, carry = 0, False, ""
    with path.open("rb") as src, target.open("w", encoding="utf-8", newline="") as out:
        while True:
            raw = src.read(CHUNK)
            try:
                text = decoder.decode(raw if replacements is None else raw.translate(replacements), final=not raw)
            except UnicodeDecodeError as e:
                raise _DecodeFailed(read + e.start, saw_non_ascii or not raw[: e.start].isascii()) from None
            saw_non_ascii = saw_non_ascii or not raw.isascii()
            read += len(raw)
            # Normalise whole lines only: a character and its marks never straddle a line break.
            text = carry + text
            cut = len(text) if not raw else text.rfind("\n") + 1
            out.write(normalise(text[:cut]) if replacements is None else compose(text[:cut]))
            carry = text[cut:]
            if not raw:
                return
