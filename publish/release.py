"""Write–audit–publish with versioned releases.

Each release is a folder of its own under ``publish/releases/``; ``publish/live`` is a symbolic
link to the current one, switched by an atomic rename. A candidate is written beside them and
becomes a release only after every check passed, so a failed run leaves the previous release
live, and a server that follows the link (``publish/server.py``) never sees a half-written one.
"""

import asyncio
import json
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path

DATABASE = "welfare.db"
METADATA = "metadata.json"
INSPECT = "inspect.json"  # Datasette's counts and hash of the immutable database
MANIFEST = "release.json"  # what the release was built from (publish/run_manifest.py)
# The audit trail and the Data Docs: they name the run, so unlike the files above they differ
# from run to run.
AUDIT_DATABASE = "audit.db"
AUDIT_INSPECT = "audit-inspect.json"
DATA_DOCS = "data-docs"
# Downloads: each table as CSV and Parquet, and the records other catalogues read.
FILES = "files"
DATA_PACKAGE = "datapackage.json"
DCAT = "dcat.jsonld"
CKAN = "ckan-dataset.json"
RELEASES, LIVE = "releases", "live"
KEEP = 3  # releases kept on disk: the live one and the ones before it, to fall back to


def new_candidate(publish_dir: Path) -> Path:
    """An empty folder for a candidate; candidates of earlier, failed runs are removed."""
    publish_dir.mkdir(parents=True, exist_ok=True)
    for old in publish_dir.glob("candidate-*"):
        shutil.rmtree(old, ignore_errors=True)
    path = publish_dir / f"candidate-{uuid.uuid4().hex[:8]}"
    path.mkdir()
    return path


def live_dir(publish_dir: Path) -> Path:
    return publish_dir / LIVE


def live_release(publish_dir: Path) -> Path | None:
    """The release folder the live link points at, if any."""
    live = live_dir(publish_dir)
    return live.resolve() if (live / DATABASE).exists() else None


def live_manifest(publish_dir: Path) -> dict:
    release = live_release(publish_dir)
    path = release / MANIFEST if release else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}


def write_json(folder: Path, name: str, content: dict) -> None:
    (folder / name).write_text(
        json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def inspect(database: Path) -> dict:
    """Datasette's inspect data for an immutable database (its hash, size and table counts), so
    that a server starts at once and never counts a table again."""
    from datasette.cli import inspect_

    data = asyncio.run(inspect_([str(database)], []))
    for entry in data.values():
        entry["file"] = database.name
    return data


def promote(candidate: Path, publish_dir: Path, manifest: dict) -> Path:
    """Make the candidate the live release: rename it into ``releases/`` and switch the link."""
    releases = publish_dir / RELEASES
    releases.mkdir(exist_ok=True)
    release_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    write_json(candidate, MANIFEST, {"release_id": release_id, **manifest})
    release = releases / release_id
    os.rename(candidate, release)
    live = live_dir(publish_dir)
    if live.is_dir() and not live.is_symlink():  # a data folder from before releases had folders
        os.rename(live, releases / "00000000-first")
    link = publish_dir / f".live-{release_id}"
    link.symlink_to(Path(RELEASES) / release_id)
    os.replace(link, live)
    _prune(releases, keep=release)
    return release


def _prune(releases: Path, keep: Path) -> None:
    for old in sorted(p for p in releases.iterdir() if p.is_dir())[:-KEEP]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
