"""Ingestion as assets: the warehouse's raw schema, one asset per welfare source loading its
landing files, and the records ingestion keeps of them (checked in quality.py)."""

import json
from datetime import date
from pathlib import Path

import dagster as dg

from orchestration.ingestion import load
from orchestration.ingestion.load import load_file
from orchestration.ingestion.refusals import FileRefused
from orchestration.metadata.sources import SOURCES, Source
from orchestration.resources import Folders, Warehouse
from orchestration.settings import DEMO_KEY_NOTICE, uses_demo_key

AREA_DEPS = [dg.AssetKey(["raw", "areas"]), dg.AssetKey(["raw", "abolished_areas"]), dg.AssetKey(["raw", "schema"])]
# What a file is comes from its content, so a source takes any tabular format an office sends.
LANDING_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json"}


def landing_files(landing: Path, source: Source) -> list[Path]:
    """The files to load, by name; a "replace" source loads only its newest (last by name)."""
    folder = landing / source.name
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in LANDING_SUFFIXES) if folder.exists() else []
    return files[-1:] if source.on_new_file == "replace" else files


def demo_files(landing: Path) -> set[str] | None:
    """Under the public demo key, the SHA-256 of the demo generator's files, the only files it may
    pseudonymise; None when a real key is set."""
    if not uses_demo_key():
        return None
    manifest = landing / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {"files": {}}
    return {f.get("sha256") for f in doc["files"].values()} | set(doc.get("unreadable_sha256", []))


def _source_asset(source: Source):
    @dg.asset(
        key=["raw", source.name],
        group_name="ingestion",
        deps=AREA_DEPS,
        kinds={"duckdb"},
        description=f"{source.title_en} ({source.title_th}): accepted rows; rejected rows go to raw.quarantine.",
    )
    def _asset(context: dg.AssetExecutionContext, warehouse: Warehouse, folders: Folders) -> dg.MaterializeResult:
        landing = Path(folders.landing)
        files = landing_files(landing, source)
        if not files:
            raise dg.Failure(f"no files for {source.name} in {landing / source.name}")
        records, refused = [], []
        allowed = demo_files(landing)
        if allowed is not None:
            context.log.warning(DEMO_KEY_NOTICE)
        with warehouse.connect() as con:
            load.prepare_records(con)
            for f in files:
                try:
                    records.append(
                        load_file(
                            con,
                            source,
                            f,
                            f.relative_to(landing).as_posix(),
                            date.today(),
                            warehouse.folders.scratch_dir,
                            only=allowed,
                        )
                    )
                except FileRefused as e:  # this file alone fails; the others still load
                    refused.append(f"{f.relative_to(landing).as_posix()}: {e.reason_en} / {e.reason_th}")
        for r in records:
            context.log.info(
                f"{r.source_file}: {r.status}, read {r.rows_read}, accepted {r.rows_accepted}, "
                f"quarantined {r.rows_quarantined}{'; ' + r.notes if r.notes else ''}"
            )
        if refused:  # the readable files are loaded; the asset still fails so that nobody misses it
            raise dg.Failure(f"{source.name}: {len(refused)} file(s) refused:\n" + "\n".join(refused))
        return dg.MaterializeResult(
            metadata={
                "files": len(records),
                "rows_read": sum(r.rows_read for r in records),
                "rows_accepted": sum(r.rows_accepted for r in records),
                "rows_quarantined": sum(r.rows_quarantined for r in records),
            }
        )

    return _asset


SOURCE_KEYS = [dg.AssetKey(["raw", s]) for s in SOURCES]


@dg.asset(key=["raw", "schema"], group_name="ingestion", kinds={"duckdb"})
def warehouse_schema(warehouse: Warehouse) -> dg.MaterializeResult:
    """The raw schema and the tables ingestion keeps its records in: the load log, the
    quarantine, the rows per area, and the reasons a row is rejected for."""
    with warehouse.connect() as con:
        load.prepare(con)
    return dg.MaterializeResult()


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "load_log"], deps=SOURCE_KEYS, description="One record per landing file."),
        dg.AssetSpec(["raw", "quarantine"], deps=SOURCE_KEYS, description="Rejected rows with their reasons."),
        dg.AssetSpec(
            ["raw", "source_areas"],
            deps=SOURCE_KEYS,
            description="Rows read, accepted and missing a required value per file and subdistrict.",
        ),
    ],
    group_name="ingestion",
)
def ingestion_records(warehouse: Warehouse):
    """What ingestion recorded of this run's files; the checks on each source judge them."""
    with warehouse.connect(read_only=True) as con:
        files, quarantined = con.execute(
            "SELECT count(*), coalesce(sum(rows_quarantined), 0) FROM raw.load_log"
        ).fetchall()[0]
        areas = con.execute("SELECT count(*) FROM raw.source_areas").fetchall()[0][0]
    yield dg.MaterializeResult(asset_key=["raw", "load_log"], metadata={"files": files})
    yield dg.MaterializeResult(asset_key=["raw", "quarantine"], metadata={"rows": quarantined})
    yield dg.MaterializeResult(asset_key=["raw", "source_areas"], metadata={"rows": areas})


assets = [warehouse_schema, *(_source_asset(s) for s in SOURCES.values()), ingestion_records]
