"""Text as Thai offices type it, put in one form so that headers and values compare equal.

Applied to every value before validation: each distinct CSV value once (UTF-16 text chunk by
chunk as it is transcoded), cells of workbooks and CKAN records one by one. Line breaks are
kept, so CSV line numbers stay true.
"""

import re
import unicodedata

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
# Characters that take no space, left behind by copying from web pages and Word.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Spaces other than the plain one: no-break (Excel, web forms), thin, ideographic.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
# Each character that changes, and what it becomes. One str.replace per character present is
# about ten times faster than str.translate with this table over a file's worth of Thai text.
_REPLACEMENTS = {
    **dict.fromkeys(_INVISIBLE, ""),
    **dict.fromkeys(_SPACES, " "),
    **{t: str(i) for i, t in enumerate(THAI_DIGITS)},
}
# Sara am typed as nikhahit + sara aa, a tone mark before or between them: one character.
# NFC does not compose it (the decomposition of U+0E33 is a compatibility one).
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
# The characters ``normalise`` replaces or composes; NFC may change text without any of them.
CHANGED = frozenset(_REPLACEMENTS) | {"\u0e4d"}


def normalise(text: str) -> str:
    """Unicode NFC, no invisible characters, sara am composed, Thai digits as 0-9, every kind of
    space as a plain one. Line breaks and runs of spaces are left for the caller."""
    for char, replacement in _REPLACEMENTS.items():
        if char in text:
            text = text.replace(char, replacement)
    return compose(text)


def compose(text: str) -> str:
    """The part of ``normalise`` that needs whole characters: NFC and sara am."""
    text = unicodedata.normalize("NFC", text)
    return _SARA_AM.sub("\\1\u0e33", text) if "\u0e4d" in text else text


def byte_replacements(encoding: str) -> bytes:
    """``normalise``'s replacements as a ``bytes.translate`` table for an encoding of one byte per
    character (TIS-620, cp874): applied before decoding, many times faster than in decoded text.
    In such an encoding each of them is one byte to one ASCII byte (a Thai digit, a no-break
    space); ``normalise`` would delete none."""
    table = bytearray(range(256))
    for byte in range(128, 256):
        char = bytes([byte]).decode(encoding, errors="ignore")
        if char in _REPLACEMENTS:
            replacement = _REPLACEMENTS[char]
            assert len(replacement) == 1 and replacement.isascii(), (encoding, char)
            table[byte] = ord(replacement)
    return bytes(table)


_CP874_REPLACEMENTS = byte_replacements("cp874")


def from_cp874(raw: bytes) -> str:
    """TIS-620 (cp874) bytes as normalised text: its replacements done on the bytes."""
    return compose(raw.translate(_CP874_REPLACEMENTS).decode("cp874"))


def header_key(text: str) -> str:
    """How a header cell is compared with a source's: normalised, with no white space at all
    (people put spaces and Alt+Enter line breaks anywhere), case-folded."""
    return "".join(normalise(text).split()).casefold()
