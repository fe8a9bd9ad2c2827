"""One asset per welfare source: load its landing files, then audit the load as a whole."""

import json
from datetime import date
from pathlib import Path

import dagster as dg

from orchestration.ingestion.contracts import CONTRACTS, Contract
from orchestration.ingestion.load import load_file
from orchestration.ingestion.refusals import FileRefused
from orchestration.resources import Folders, Warehouse
from orchestration.settings import DEMO_KEY_NOTICE, uses_demo_key

AREA_DEPS = [dg.AssetKey(["raw", "areas"]), dg.AssetKey(["raw", "abolished_areas"])]
# What a file is comes from its content, so a source takes any tabular format an office sends.
LANDING_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods", ".json"}


def landing_files(landing: Path, contract: Contract) -> list[Path]:
    """The files to load, by name; a "replace" source loads only its newest (last by name)."""
    folder = landing / contract.source
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in LANDING_SUFFIXES) if folder.exists() else []
    return files[-1:] if contract.on_new_file == "replace" else files


def demo_files(landing: Path) -> set[str] | None:
    """Under the public demo key, the SHA-256 of the demo generator's files, the only files it may
    pseudonymise; None when a real key is set."""
    if not uses_demo_key():
        return None
    manifest = landing / "manifest.json"
    doc = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {"files": {}}
    return {f.get("sha256") for f in doc["files"].values()} | set(doc.get("unreadable_sha256", []))


def _source_asset(contract: Contract):
    @dg.asset(key=["raw", contract.source], group_name="ingestion", deps=AREA_DEPS, kinds={"duckdb"},
              description=f"{contract.title_en} ({contract.title_th}): accepted rows; rejected rows go to raw.quarantine.")
    def _asset(context: dg.AssetExecutionContext, warehouse: Warehouse, folders: Folders) -> dg.MaterializeResult:
        landing = Path(folders.landing)
        files = landing_files(landing, contract)
        if not files:
            raise dg.Failure(f"no files for {contract.source} in {landing / contract.source}")
        records, refused = [], []
        allowed = demo_files(landing)
        if allowed is not None:
            context.log.warning(DEMO_KEY_NOTICE)
        with warehouse.connect() as con:
            for f in files:
                try:
                    records.append(load_file(con, contract, f, f.relative_to(landing).as_posix(), date.today(),
                                             warehouse.folders.scratch_dir, only=allowed))
                except FileRefused as e:  # this file alone fails; the others still load
                    refused.append(f"{f.relative_to(landing).as_posix()}: {e.reason_en} / {e.reason_th}")
        for r in records:
            context.log.info(f"{r.source_file}: {r.status}, read {r.rows_read}, accepted {r.rows_accepted}, "
                             f"quarantined {r.rows_quarantined}{'; ' + r.notes if r.notes else ''}")
        if refused:  # the readable files are loaded; the asset still fails so that nobody misses it
            raise dg.Failure(f"{contract.source}: {len(refused)} file(s) refused:\n" + "\n".join(refused))
        return dg.MaterializeResult(metadata={
            "files": len(records),
            "rows_read": sum(r.rows_read for r in records),
            "rows_accepted": sum(r.rows_accepted for r in records),
            "rows_quarantined": sum(r.rows_quarantined for r in records),
        })

    return _asset


SOURCE_KEYS = [dg.AssetKey(["raw", s]) for s in CONTRACTS]


@dg.multi_asset(
    specs=[dg.AssetSpec(["raw", "load_log"], deps=SOURCE_KEYS, description="One record per landing file loaded."),
           dg.AssetSpec(["raw", "quarantine"], deps=SOURCE_KEYS, description="Rejected rows with their reasons.")],
    group_name="ingestion",
)
def ingestion_audit(warehouse: Warehouse):
    """Checks that no row was lost: for every file, rows read = accepted + quarantined."""
    with warehouse.connect(read_only=True) as con:
        bad = con.execute("SELECT source_file FROM raw.load_log WHERE status = 'loaded' "
                          "AND rows_read <> rows_accepted + rows_quarantined").fetchall()
        if bad:
            raise dg.Failure(f"row counts do not add up for {', '.join(b[0] for b in bad)}")
        files, quarantined = con.execute(
            "SELECT count(*), coalesce(sum(rows_quarantined), 0) FROM raw.load_log").fetchall()[0]
    yield dg.MaterializeResult(asset_key=["raw", "load_log"], metadata={"files": files})
    yield dg.MaterializeResult(asset_key=["raw", "quarantine"], metadata={"rows": quarantined})


assets = [_source_asset(c) for c in CONTRACTS.values()] + [ingestion_audit]
