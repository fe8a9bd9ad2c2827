"""Publish the marts: build a candidate (the SQLite of the marts, the audit trail, Data Docs,
metadata and the run manifest), audit it, then promote it."""

import errno
import shutil
import sqlite3
from pathlib import Path

import dagster as dg

from orchestration import audit_trail
from orchestration.fingerprint import code_fingerprint, inputs_fingerprint
from orchestration.meanwhile import meanwhile
from orchestration.metadata.models import PUBLISHED, PUBLISHED_AUDIT
from orchestration.resources import Folders, Warehouse
from orchestration.settings import public_url, publication_settings
from publish import (
    candidate_checks,
    catalogue_records,
    data_docs,
    downloads,
    export,
    metadata,
    privacy,
    release,
    reuse,
    run_manifest,
)

# Errors of the place being written rather than of the data: said in one line, no traceback.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


@dg.asset(
    group_name="publish",
    deps=[dg.AssetKey(["marts", t]) for t in PUBLISHED],
    kinds={"sqlite"},
    description="What Datasette serves (the marts' SQLite, the audit trail, Data Docs, metadata, the run "
    "manifest); replaced only when every blocking check passed, the candidate's own included.",
)
def datasette_release(
    context: dg.AssetExecutionContext, warehouse: Warehouse, folders: Folders
) -> dg.MaterializeResult:
    publish_dir = Path(folders.publish)
    settings = publication_settings(Path(folders.landing))
    gx_dir = warehouse.folders.gx_dir
    candidate = None
    try:
        candidate = release.new_candidate(publish_dir)
        with warehouse.connect() as con:
            taken = reuse.plan(con, PUBLISHED, publish_dir, code_fingerprint(settings))
            database, reused = candidate / release.DATABASE, taken.reused
            previous, copied = taken.taken_from(release.DATABASE)
            files = (candidate / release.FILES, PUBLISHED, *taken.taken_from(release.FILES))
            # The downloads are DuckDB's work, the database mostly SQLite's: written side by side.
            with con.cursor() as other, meanwhile(downloads.write, other, *files):
                counts = export.export_sqlite(con, database, PUBLISHED, previous, copied, taken.parts_taken)
            threshold = settings["suppression_threshold"]
            audit = candidate_checks.check(gx_dir, context.run_id, con, database, threshold, taken)
            _record_audit_trail(con, warehouse, folders)  # the candidate's audit too, passed or not
            export.export_sqlite(con, candidate / release.AUDIT_DATABASE, PUBLISHED_AUDIT)
            fingerprint = inputs_fingerprint(con, settings)
            manifest = run_manifest.build(con, context.run_id, _started_at(context))
        if audit.blocking:
            raise dg.Failure(f"candidate not published: {audit.describe()}")
        for warning in audit.failures:
            context.log.warning(f"candidate: {warning.describe()}")
        suites = data_docs.build(gx_dir, candidate / release.DATA_DOCS, taken.runs)
        _write_catalogue_records(candidate, settings, manifest)
        release.write_json(candidate, release.METADATA, metadata.build(demo=settings["demo"]))
        release.write_json(candidate, release.INSPECT, release.inspect(candidate / release.DATABASE))
        release.write_json(candidate, release.AUDIT_INSPECT, release.inspect(candidate / release.AUDIT_DATABASE))
        findings = _personal_data(candidate, reused, taken.parts_written())
        if findings:
            raise dg.Failure(f"candidate not published: citizen IDs found in {', '.join(findings)}")
        manifest |= {"inputs_fingerprint": fingerprint, **settings, **taken.manifest(context.run_id)}
        live = release.promote(candidate, publish_dir, manifest)
    except (OSError, sqlite3.Error) as e:
        _discard(candidate)
        raise dg.Failure(_unwritable(e, candidate or publish_dir)) from None
    except BaseException:
        _discard(candidate)
        raise
    parts = [f"{t} ({len(p)} of {len(taken.parts[t])} parts)" for t, p in taken.parts_taken.items()]
    context.log.info(
        f"published release {live.name}; taken from the previous one: {sorted(reused) + parts or 'nothing'}"
    )
    return dg.MaterializeResult(
        metadata={
            **{f"rows_{t}": n for t, n in counts.items()},
            **settings,
            "release": live.name,
            "tables_taken_from_the_previous_release": len(reused),
            "data_docs_suites": len(suites),
            "path": str(live / release.DATABASE),
        }
    )


def _write_catalogue_records(candidate: Path, settings: dict, manifest: dict) -> None:
    """The data package, DCAT and CKAN records beside the downloads."""
    files, database = candidate / release.FILES, candidate / release.DATABASE
    package = catalogue_records.data_package(database, PUBLISHED, settings["demo"])
    release.write_json(files, release.DATA_PACKAGE, package)
    release.write_json(files, release.DCAT, catalogue_records.dcat(PUBLISHED, public_url(), manifest))
    release.write_json(files, release.CKAN, catalogue_records.ckan_dataset(PUBLISHED, public_url(), manifest))


def _personal_data(candidate: Path, reused: frozenset[str], parts_written: dict[str, frozenset[str]]) -> list[str]:
    """Where the candidate holds anything that looks like a citizen ID: its databases (but the tables
    and parts taken from the live release, scanned then), its pages, its catalogue records (the CSV
    and Parquet files hold what the database holds: one query writes them all)."""
    return [
        *privacy.scan_sqlite(
            candidate / release.DATABASE, reused, {t: (PUBLISHED[t].part, v) for t, v in parts_written.items()}
        ),
        *privacy.scan_sqlite(candidate / release.AUDIT_DATABASE),
        *privacy.scan_pages(candidate / release.DATA_DOCS),
        *privacy.scan_pages(candidate / release.FILES),
    ]


def _record_audit_trail(con, warehouse: Warehouse, folders: Folders) -> None:
    audit_trail.prepare(con)
    audit_trail.record_validations(con, warehouse.folders.gx_dir)
    audit_trail.record_planted_faults(con, Path(folders.landing))


def _started_at(context: dg.AssetExecutionContext) -> float | None:
    stats = context.instance.get_run_stats(context.run_id)
    return stats.start_time


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
