"""Scan a published file for personal data before it is promoted."""

import re
import sqlite3
from pathlib import Path

CITIZEN_ID = re.compile(r"(?<!\d)\d{13}(?!\d)")


def is_citizen_id(digits: str) -> bool:
    """13 digits whose last is the checksum of the first twelve."""
    check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(digits[:12])) % 11) % 10
    return len(digits) == 13 and digits.isdigit() and check == int(digits[12])


def citizen_ids_in_text(text: str) -> list[str]:
    return [m for m in CITIZEN_ID.findall(text.replace("-", "").replace(" ", "")) if is_citizen_id(m)]


def scan_sqlite(path: Path) -> list[str]:
    """Every table.column holding a value that looks like a citizen ID."""
    findings = []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                for (value,) in con.execute(f'SELECT DISTINCT CAST("{column}" AS TEXT) FROM "{table}"'):
                    if value and citizen_ids_in_text(value):
                        findings.append(f"{table}.{column}")
                        break
    finally:
        con.close()
    return findings
