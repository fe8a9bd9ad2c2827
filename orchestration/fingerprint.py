"""What a release is built from, in one hash: the files loaded into the warehouse, the code and
reference data that turn them into the published tables, and the settings that change them.

A build whose fingerprint equals the live release's has nothing new to say: it runs no dbt and
publishes nothing. A published table whose rows, code and settings equal the live release's is
taken from it (``publish/reuse.py``).
"""

import hashlib
from pathlib import Path

import duckdb

from orchestration.settings import REPO

# Everything a published table depends on, besides the landing files.
CODE = [
    "orchestration",
    "publish",
    "expectations",
    "dbt_project/models",
    "dbt_project/macros",
    "dbt_project/tests",
    "dbt_project/dbt_project.yml",
    "seeds",
]
SKIPPED = {"__pycache__", "target", "logs"}


def _code_files() -> list[Path]:
    files = []
    for entry in CODE:
        path = REPO / entry
        found = [path] if path.is_file() else sorted(path.rglob("*"))
        files += [p for p in found if p.is_file() and not SKIPPED & set(p.relative_to(REPO).parts)]
    return files


def code_fingerprint(settings: dict) -> str:
    """The code, the reference data and the settings, without the files loaded."""
    h = hashlib.sha256()
    for path in _code_files():
        h.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    h.update(repr(sorted(settings.items())).encode())
    return h.hexdigest()


def inputs_fingerprint(con: duckdb.DuckDBPyConnection, settings: dict) -> str:
    h = hashlib.sha256()
    for source, name, digest in con.execute(
        "SELECT source, source_file, file_hash FROM raw.load_log WHERE status = 'loaded' ORDER BY 1, 2"
    ).fetchall():
        h.update(f"{source}\0{name}\0{digest}\n".encode())
    h.update(code_fingerprint(settings).encode())
    return h.hexdigest()
