"""The scan that stops a release holding something that looks like a citizen ID."""

import sqlite_utils

from publish import privacy

CITIZEN = "1101700230708"  # a valid check digit


def test_a_citizen_id_in_a_published_column_is_found_but_not_in_the_search_index(tmp_path):
    path = tmp_path / "welfare.db"
    db = sqlite_utils.Database(path)
    db["projects"].insert_all([{"id": 1, "name": "โครงการ", "owner": "อบต."}], pk="id")
    db["projects"].enable_fts(["name", "owner"], tokenize="trigram")
    # Full-text search's own segment ids grow to 13 digits in a large index.
    db.execute("INSERT INTO projects_fts_data (id, block) VALUES (?, x'00')", [int(CITIZEN)])
    db.conn.commit()
    assert privacy.scan_sqlite(path) == []
    db["projects"].insert({"id": 2, "name": f"ผู้รับ {CITIZEN}", "owner": "อบต."})
    db.conn.commit()
    assert privacy.scan_sqlite(path) == ["projects.name", "projects_fts.name"]
    db["payments"].insert({"id": 1, "payee": int(CITIZEN), "amount": 1_000_000_000_000})
    db.conn.commit()
    assert privacy.scan_sqlite(path) == ["payments.payee", "projects.name", "projects_fts.name"]


def test_of_a_table_written_in_parts_only_the_parts_written_anew_are_scanned(tmp_path):
    path = tmp_path / "welfare.db"
    db = sqlite_utils.Database(path)
    db["indicator_values"].insert_all(
        [{"indicator_code": "D1.1", "note": f"ผู้รับ {CITIZEN}"}, {"indicator_code": "D1.2", "note": "ไม่มี"}]
    )
    db.conn.commit()
    parts = {"indicator_values": ("indicator_code", frozenset({"D1.2"}))}
    assert privacy.scan_sqlite(path, parts=parts) == []  # D1.1 was taken from the live release, scanned then
    parts = {"indicator_values": ("indicator_code", frozenset({"D1.1", "D1.2"}))}
    assert privacy.scan_sqlite(path, parts=parts) == ["indicator_values.note"]
