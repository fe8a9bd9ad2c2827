"""What a landing file really is, from its content rather than its name: offices rename XLSX
and ODS files to .csv, save "Unicode text" (UTF-16) from Excel, or a web page as .xls.

``kind`` tells the reader to use, ``encoding`` how text is encoded; ``transcode`` streams a text
file to normalised UTF-8.
"""

import codecs
import zipfile
from pathlib import Path

from orchestration.ingestion.refusals import FileRefused
from orchestration.ingestion.text import byte_replacements, compose, normalise

ZIP, OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
CHUNK = 1 << 24  # bytes read at a time: memory stays flat whatever the file's size
# The bytes that are characters in cp874 (it leaves a few undefined).
_CP874_BYTES = bytes(b for b in range(256) if bytes([b]).decode("cp874", errors="ignore"))
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


def _marked_encoding(head: bytes) -> str | None:
    """An encoding the first bytes show: a byte-order mark, or the zero bytes of UTF-16."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # UTF-16 without a byte-order mark: ASCII characters leave every other byte zero.
    if len(head) >= 4 and head[1::2].count(0) > len(head) // 4:
        return "utf-16-le"
    if len(head) >= 4 and head[0::2].count(0) > len(head) // 4:
        return "utf-16-be"
    return None


def encoding(path: Path) -> str:
    """How a text file is encoded. Without a mark it is UTF-8, unless its first non-ASCII bytes
    are not UTF-8: then it is TIS-620 (cp874), as Thai government systems write."""
    with path.open("rb") as f:
        marked = _marked_encoding(f.read(4096))
        if marked:
            return marked
        f.seek(0)
        while raw := f.read(CHUNK):
            if raw.isascii():
                continue
            raw += f.read(3)  # the rest of a character the chunk's end may cut
            try:
                codecs.getincrementaldecoder("utf-8")(errors="strict").decode(raw, final=False)
            except UnicodeDecodeError as e:
                if raw[: e.start].isascii():
                    return "cp874"
            return "utf-8"
    return "utf-8"


def check(path: Path, encoding: str) -> None:
    """Refuse a UTF-8 or TIS-620 file holding bytes that are no text in its encoding. A file that
    is valid UTF-8 for a while and then is not is refused rather than guessed: decoding it as
    cp874 would turn its Thai into nonsense."""
    decoder, read = codecs.getincrementaldecoder("utf-8")(errors="strict"), 0  # a BOM is UTF-8 too
    with path.open("rb") as f:
        while True:
            raw = f.read(CHUNK)
            if encoding == "cp874":
                undefined = raw.translate(None, delete=_CP874_BYTES)  # what is left is no character
                if undefined:
                    position = read + min(raw.find(b) for b in set(undefined))
                    raise FileRefused(path, "unknown_encoding", position=position)
            else:
                try:
                    decoder.decode(raw, final=not raw)
                except UnicodeDecodeError as e:
                    raise FileRefused(path, "mixed_encoding", position=read + e.start) from None
            if not raw:
                return
            read += len(raw)


def transcode(path: Path, target: Path, encoding: str) -> None:
    """Write ``path`` to ``target`` as normalised UTF-8 without a BOM."""
    try:
        _copy(path, target, encoding)
    except _DecodeFailed as e:
        raise FileRefused(path, "unknown_encoding", position=e.position) from None


class _DecodeFailed(Exception):
    def __init__(self, position: int):
        self.position = position


def _copy(path: Path, target: Path, encoding: str) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    # cp874 has one byte per character: its replacements are done on the bytes.
    replacements = byte_replacements(encoding) if encoding == "cp874" else None
    read, carry = 0, ""
    with path.open("rb") as src, target.open("w", encoding="utf-8", newline="") as out:
        while True:
            raw = src.read(CHUNK)
            try:
                text = decoder.decode(raw if replacements is None else raw.translate(replacements), final=not raw)
            except UnicodeDecodeError as e:
                raise _DecodeFailed(read + e.start) from None
            read += len(raw)
            # Normalise whole lines only: a character and its marks never straddle a line break.
            text = carry + text
            cut = len(text) if not raw else text.rfind("\n") + 1
            out.write(normalise(text[:cut]) if replacements is None else compose(text[:cut]))
            carry = text[cut:]
            if not raw:
                return
