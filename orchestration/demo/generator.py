"""Deterministic demo sources that look and fail like real Thai government exports.

``generate(out_dir, provinces, seed)`` writes one landing file per source and a
``manifest.json`` that lists every planted fault (file, row number, reason code) so tests can
check that ingestion catches each one. The same arguments always give byte-identical files.
All data is fictitious.
"""

import json
import random
from pathlib import Path

import geothai
from geothai.abolished import abolished_areas

from orchestration.demo import faults, formats
from orchestration.demo.sources import WRITERS, Spec, World
from orchestration.ingestion.load import file_digest
from orchestration.metadata.sources import SOURCES, Source

FIRST_ROW = {"xlsx": formats.XLSX_FIRST_DATA_ROW, "json": 1}  # CSV: row 2, after the header


def _export(path: Path, source: Source, spec: Spec):
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.format == "xlsx":
        return formats.XlsxExport(path, source, f"{source.title_th} (ข้อมูลสาธิต)", spec.groups)
    if spec.format == "json":
        return formats.CkanJsonExport(path, source, resource_id=f"demo-{source.name}")
    return formats.CsvExport(path, source, spec.format, spec.extra_column, spec.truncated)


def _extension(spec: Spec) -> str:
    return spec.format if spec.format in ("xlsx", "json") else "csv"


def write_unreadable_files(out_dir: Path, label: str) -> dict[str, str]:
    """Files no reader can use: an empty export and one missing a column of its source."""
    empty = f"projects/projects_{label}_empty.json"
    (out_dir / empty).write_bytes(b"")
    missing = f"capacity_trainings/capacity_trainings_{label}_missing_column.csv"
    header = ",".join(c.header_th for c in SOURCES["capacity_trainings"].columns if c.name != "training_result")
    (out_dir / missing).write_bytes((header + "\r\nT1,P1,หลักสูตร,600101,1/10/2566\r\n").encode("utf-8-sig"))
    return {empty: "the file is empty", missing: "missing column(s) ผลการอบรม"}


def generate(
    out_dir: Path,
    provinces: list[str],
    seed: int = 2567,
    scale: float = 1.0,
    fault_rate: float = 0.01,
    unreadable_files: bool = False,
) -> dict:
    """Write every demo source for ``provinces`` under ``out_dir``; return the manifest.

    A province at a time: its world and rows are made, spoiled, appended to each source's file
    and let go, so memory holds one province whatever the number of provinces."""
    rng = random.Random(seed)
    abolished = sorted(a.code for a in abolished_areas() if a.level == "subdistrict")
    label = "all" if len(provinces) == len(geothai.provinces()) else "-".join(provinces)
    files = {name: f"{name}/{name}_{label}.{_extension(spec)}" for name, spec in WRITERS.items()}
    exports = {name: _export(out_dir / files[name], SOURCES[name], spec) for name, spec in WRITERS.items()}
    written = dict.fromkeys(WRITERS, 0)
    planted = {name: {} for name in WRITERS}  # file row → reason
    for province in provinces:
        subdistricts = [s for d in geothai.districts(province) for s in geothai.subdistricts(d.code)]
        world = World(rng, subdistricts, scale, written=written)
        for name, spec in WRITERS.items():
            rows = spec.rows(world)
            mutators = faults.source_faults(SOURCES[name], rng, abolished) | spec.extra_faults
            first = FIRST_ROW.get(spec.format, 2) + written[name]
            for i, reason in faults.plant(rows, rng, fault_rate, mutators).items():
                planted[name][first + i] = reason
            exports[name].write(rows)
            written[name] += len(rows)
    manifest = {"seed": seed, "provinces": provinces, "scale": scale, "fault_rate": fault_rate, "files": {}}
    for name, spec in WRITERS.items():
        exports[name].close()
        if spec.truncated and written[name]:
            planted[name][FIRST_ROW.get(spec.format, 2) + written[name] - 1] = "malformed_row"
        manifest["files"][files[name]] = {
            "source": name,
            "rows": written[name],
            "extra_column": spec.extra_column,
            "sha256": file_digest(out_dir / files[name]),
            "faults": [{"row": row, "reason": reason} for row, reason in sorted(planted[name].items())],
        }
    if unreadable_files:
        manifest["unreadable"] = write_unreadable_files(out_dir, label)
        manifest["unreadable_sha256"] = sorted(file_digest(out_dir / n) for n in manifest["unreadable"])
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return manifest
