"""Deterministic demo sources that look and fail like real Thai government exports.

``generate(out_dir, provinces, seed)`` writes one landing file per source and a
``manifest.json`` that lists every planted fault (file, row number, reason code) so tests can
check that ingestion catches each one. The same arguments always give byte-identical files.
All data is fictitious.
"""

import hashlib
import json
import random
from pathlib import Path

import geothai
from geothai.abolished import abolished_areas

from orchestration.demo import faults, formats
from orchestration.demo.sources import WRITERS, Spec, World
from orchestration.metadata.sources import SOURCES, Source

FIRST_ROW = {"xlsx": formats.XLSX_FIRST_DATA_ROW, "json": 1}  # CSV: row 2, after the header


def _write(path: Path, source: Source, spec: Spec, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if spec.format == "xlsx":
        formats.write_xlsx(path, source, rows, f"{source.title_th} (ข้อมูลสาธิต)", spec.groups)
    elif spec.format == "json":
        path.write_bytes(formats.ckan_json_bytes(source, rows, resource_id=f"demo-{source.name}"))
    else:
        data = formats.csv_bytes(source, rows, spec.format, spec.extra_column)
        path.write_bytes(formats.truncate_last_line(data) if spec.truncated else data)


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
    """Write every demo source for ``provinces`` under ``out_dir``; return the manifest."""
    rng = random.Random(seed)
    subdistricts = [s for p in provinces for d in geothai.districts(p) for s in geothai.subdistricts(d.code)]
    abolished = sorted(a.code for a in abolished_areas() if a.level == "subdistrict")
    world = World(rng, subdistricts, scale)
    label = "all" if len(provinces) == len(geothai.provinces()) else "-".join(provinces)
    manifest = {"seed": seed, "provinces": provinces, "scale": scale, "fault_rate": fault_rate, "files": {}}
    for name, spec in WRITERS.items():
        source = SOURCES[name]
        rows = spec.rows(world)
        mutators = faults.source_faults(source, rng, abolished) | spec.extra_faults
        planted = faults.plant(rows, rng, fault_rate, mutators)
        if spec.truncated and rows:
            planted[len(rows) - 1] = "malformed_row"
        file = f"{name}/{name}_{label}.{_extension(spec)}"
        _write(out_dir / file, source, spec, rows)
        first = FIRST_ROW.get(spec.format, 2)
        manifest["files"][file] = {
            "source": name,
            "rows": len(rows),
            "extra_column": spec.extra_column,
            "sha256": hashlib.sha256((out_dir / file).read_bytes()).hexdigest(),
            "faults": [{"row": first + i, "reason": reason} for i, reason in sorted(planted.items())],
        }
    if unreadable_files:
        manifest["unreadable"] = write_unreadable_files(out_dir, label)
        manifest["unreadable_sha256"] = sorted(
            hashlib.sha256((out_dir / n).read_bytes()).hexdigest() for n in manifest["unreadable"]
        )
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return manifest
