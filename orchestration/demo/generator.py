"""Deterministic demo sources that look and fail like real Thai government exports.

``generate(out_dir, provinces, seed)`` writes one landing file per source and a
``manifest.json`` that lists every planted fault (file, row number, reason code) so tests can
check that ingestion catches each one. The same arguments always give byte-identical files.
All data is fictitious.
"""

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import geothai
from geothai.abolished import abolished_areas

from orchestration.demo import faults, formats, sources
from orchestration.demo.sources import World
from orchestration.ingestion.contracts import CONTRACTS, Contract


@dataclass(frozen=True)
class Spec:
    """How a source is exported: its rows, file format and quirks."""
    rows: object  # World -> list[dict]
    format: str   # "cp874", "utf-8-sig" (CSV), "xlsx" or "json"
    groups: dict[str, str] = field(default_factory=dict)  # XLSX: column → merged group header
    extra_faults: dict = field(default_factory=dict)
    extra_column: str | None = None  # an export with a column the contract does not know
    truncated: bool = False          # a transfer cut short in its last row


# In dependency order: later sources refer to people, organisations and partners made earlier.
SPECS: dict[str, Spec] = {
    "welfare_registry": Spec(sources.welfare_registry, "cp874", extra_faults={
        "birth_after_registration": lambda r: (r.update(birth_date="1/1/2569", registered_on="1/1/2567"),
                                               "birth_after_registration")[1],
        "exit_before_registration": lambda r: (r.update(registered_on="1/1/2567", exited_on="1/1/2566",
                                                        exit_reason="ย้ายออกนอกพื้นที่"), "exit_before_registration")[1]}),
    "population": Spec(sources.population, "json"),
    "welfare_orgs": Spec(sources.welfare_orgs, "xlsx", groups={
        "org_id": "ข้อมูลองค์กร", "org_name": "ข้อมูลองค์กร", "org_type": "ข้อมูลองค์กร",
        "certification_status": "การรับรอง", "certified_on": "การรับรอง"}),
    "volunteers": Spec(sources.volunteers, "xlsx", groups={
        "first_name": "ชื่อ - นามสกุล", "last_name": "ชื่อ - นามสกุล",
        "joined_on": "การปฏิบัติงาน", "status": "การปฏิบัติงาน", "left_on": "การปฏิบัติงาน"}),
    "network_partners": Spec(sources.network_partners, "utf-8-sig", extra_column="หมายเหตุ"),
    "projects": Spec(sources.projects, "json"),
    "lao_budgets": Spec(sources.lao_budgets, "utf-8-sig"),
    "fund_applications": Spec(sources.fund_applications, "cp874", truncated=True),
    "sufficiency_villages": Spec(sources.sufficiency_villages, "xlsx", groups={
        "subdistrict_code": "หมู่บ้าน", "village_no": "หมู่บ้าน", "village_name": "หมู่บ้าน"}),
    "capacity_trainings": Spec(sources.capacity_trainings, "utf-8-sig"),
    "creative_media": Spec(sources.creative_media, "json"),
    "local_databases": Spec(sources.local_databases, "cp874"),
    "social_assistance": Spec(sources.social_assistance, "utf-8-sig"),
}
FIRST_ROW = {"xlsx": formats.XLSX_FIRST_DATA_ROW, "json": 1}  # CSV: row 2, after the header


def _write(path: Path, contract: Contract, spec: Spec, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.format == "xlsx":
        formats.write_xlsx(path, contract, rows, f"{contract.title_th} (ข้อมูลสาธิต)", spec.groups)
    elif spec.format == "json":
        path.write_bytes(formats.ckan_json_bytes(contract, rows, resource_id=f"demo-{contract.source}"))
    else:
        data = formats.csv_bytes(contract, rows, spec.format, spec.extra_column)
        path.write_bytes(formats.truncate_last_line(data) if spec.truncated else data)


def _extension(spec: Spec) -> str:
    return spec.format if spec.format in ("xlsx", "json") else "csv"


def write_unreadable_files(out_dir: Path, label: str) -> dict[str, str]:
    """Files no reader can use: an empty export and one missing a contract column."""
    empty = f"projects/projects_{label}_empty.json"
    (out_dir / empty).write_bytes(b"")
    missing = f"capacity_trainings/capacity_trainings_{label}_missing_column.csv"
    contract = CONTRACTS["capacity_trainings"]
    header = ",".join(c.header_th for c in contract.columns if c.name != "result")
    (out_dir / missing).write_bytes((header + "\r\nT1,P1,หลักสูตร,600101,1/10/2566\r\n").encode("utf-8-sig"))
    return {empty: "the file is empty", missing: "missing column(s) ผลการอบรม"}


def generate(out_dir: Path, provinces: list[str], seed: int = 2567, scale: float = 1.0,
             fault_rate: float = 0.01, unreadable_files: bool = False) -> dict:
    """Write every demo source for ``provinces`` under ``out_dir``; return the manifest."""
    rng = random.Random(seed)
    subdistricts = [s for p in provinces for d in geothai.districts(p) for s in geothai.subdistricts(d.code)]
    abolished = sorted(a.code for a in abolished_areas() if a.level == "subdistrict")
    world = World(rng, subdistricts, scale)
    label = "all" if len(provinces) == len(geothai.provinces()) else "-".join(provinces)
    manifest = {"seed": seed, "provinces": provinces, "scale": scale, "fault_rate": fault_rate, "files": {}}
    for source, spec in SPECS.items():
        contract = CONTRACTS[source]
        rows = spec.rows(world)
        mutators = faults.contract_faults(contract, rng, abolished) | spec.extra_faults
        planted = faults.plant(rows, rng, fault_rate, mutators)
        if spec.truncated and rows:
            planted[len(rows) - 1] = "malformed_row"
        name = f"{source}/{source}_{label}.{_extension(spec)}"
        _write(out_dir / name, contract, spec, rows)
        first = FIRST_ROW.get(spec.format, 2)
        manifest["files"][name] = {
            "source": source, "rows": len(rows), "extra_column": spec.extra_column,
            "sha256": hashlib.sha256((out_dir / name).read_bytes()).hexdigest(),
            "faults": [{"row": first + i, "reason": reason} for i, reason in sorted(planted.items())],
        }
    if unreadable_files:
        manifest["unreadable"] = write_unreadable_files(out_dir, label)
        manifest["unreadable_sha256"] = sorted(hashlib.sha256((out_dir / n).read_bytes()).hexdigest()
                                               for n in manifest["unreadable"])
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return manifest
