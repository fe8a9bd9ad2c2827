"""Publish the marts: build a candidate SQLite + metadata, audit it, then promote it."""

import errno
import shutil
import sqlite3
from pathlib import Path

import dagster as dg

from orchestration.fingerprint import inputs_fingerprint
from orchestration.metadata.models import PUBLISHED
from orchestration.resources import Folders, Warehouse
from orchestration.settings import publication_settings
from publish import export, metadata, privacy, release

# Errors of the place being written rather than of the data: said in one line, no traceback.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


@dg.asset(
    group_name="publish",
    deps=[dg.AssetKey(["marts", t]) for t in PUBLISHED],
    kinds={"sqlite"},
    description="The SQLite file and metadata Datasette serves; replaced only when every check passed.",
)
def datasette_release(
    context: dg.AssetExecutionContext, warehouse: Warehouse, folders: Folders
) -> dg.MaterializeResult:
    publish_dir = Path(folders.publish)
    settings = publication_settings(Path(folders.landing))
    candidate = None
    try:
        candidate = release.new_candidate(publish_dir)
        with warehouse.connect(read_only=True) as con:
            counts = export.export_sqlite(con, candidate / release.DATABASE)
            fingerprint = inputs_fingerprint(con, settings)
        release.write_json(candidate, release.METADATA, metadata.build(demo=settings["demo"]))
        release.write_json(candidate, release.INSPECT, release.inspect(candidate / release.DATABASE))
        findings = privacy.scan_sqlite(candidate / release.DATABASE)
        if findings:
            raise dg.Failure(f"candidate not published: citizen IDs found in {', '.join(findings)}")
        live = release.promote(candidate, publish_dir, {"inputs_fingerprint": fingerprint, **settings})
    except (OSError, sqlite3.Error) as e:
        _discard(candidate)
        raise dg.Failure(_unwritable(e, candidate or publish_dir)) from None
    except BaseException:
        _discard(candidate)
        raise
    context.log.info(f"published release {live.name}")
    return dg.MaterializeResult(
        metadata={
            **{f"rows_{t}": n for t, n in counts.items()},
            **settings,
            "release": live.name,
            "path": str(live / release.DATABASE),
        }
    )


def _discard(candidate: Path | None) -> None:
    if candidate is not None:
        shutil.rmtree(candidate, ignore_errors=True)


def _unwritable(error: OSError | sqlite3.Error, where: Path) -> str:
    """One line that says what went wrong where, for a full disk or a folder that cannot be written."""
    if getattr(error, "errno", None) in DISK_FULL or "full" in str(error):
        reason = "the disk is full"
    elif isinstance(error, OSError):
        reason = f"{error.strerror or type(error).__name__}: {error.filename or where}"
    else:
        reason = f"SQLite could not write the file ({error})"
    return f"nothing published: {reason} (writing {where}); the previous release stays live"
