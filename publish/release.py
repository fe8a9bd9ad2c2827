"""Write–audit–publish: a candidate is built beside the live release and replaces it only
after every check passed, so a failed run leaves the previous release live."""

import json
import os
import shutil
from pathlib import Path

DATABASE = "welfare.db"
METADATA = "metadata.json"


def candidate_dir(publish_dir: Path) -> Path:
    path = publish_dir / "candidate"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def live_dir(publish_dir: Path) -> Path:
    return publish_dir / "live"


def write_metadata(folder: Path, metadata: dict) -> None:
    (folder / METADATA).write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")


def promote(candidate: Path, publish_dir: Path) -> Path:
    """Replace the live files with the candidate's, each by an atomic rename."""
    live = live_dir(publish_dir)
    live.mkdir(parents=True, exist_ok=True)
    for name in (METADATA, DATABASE):
        os.replace(candidate / name, live / name)
    candidate.rmdir()
    return live
