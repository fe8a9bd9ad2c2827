"""Runs that start themselves: files dropped into the landing folder are picked up by a sensor,
and a schedule builds every night. Both start switched off; ``welfare ui`` switches them.

The sensor runs only what a new or changed file affects: its source's raw table and everything
downstream of it. Ingestion skips files it has loaded before (by content), so a run repeats no
work for the files that did not change.
"""

import hashlib
import json
import time
from pathlib import Path

import dagster as dg

from orchestration.assets.ingestion import landing_files
from orchestration.metadata.sources import SOURCES
from orchestration.resources import Folders

ALL_ASSETS_JOB = "welfare_pipeline"
NIGHTLY = "0 2 * * *"  # 02:00, after offices' overnight exports
TIMEZONE = "Asia/Bangkok"
# A file copied into a share arrives a block at a time: it is taken once unchanged for this long.
SETTLE_SECONDS = 30

pipeline = dg.define_asset_job(ALL_ASSETS_JOB, selection=dg.AssetSelection.all(), executor_def=dg.in_process_executor)

nightly_build = dg.ScheduleDefinition(
    name="nightly_build",
    target=pipeline,
    cron_schedule=NIGHTLY,
    execution_timezone=TIMEZONE,
    description="Every asset, every night; a build whose inputs have not changed publishes nothing.",
)


def settled_files(landing: Path, now: float) -> dict[str, list[int]]:
    """The files the sources would load, by name under the landing folder: [size, mtime_ns] of
    each one left unchanged for ``SETTLE_SECONDS``."""
    found = {}
    for source in SOURCES.values():
        for path in landing_files(landing, source):
            stat = path.stat()
            if now - stat.st_mtime >= SETTLE_SECONDS:
                found[path.relative_to(landing).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return found


def affected_sources(before: dict[str, list[int]], now: dict[str, list[int]]) -> list[str]:
    """The sources with a file that is new or has changed since ``before``."""
    return sorted({name.split("/")[0] for name, state in now.items() if before.get(name) != state})


@dg.sensor(
    target=pipeline,
    minimum_interval_seconds=60,
    description="Runs the assets a new or changed landing file affects: its source and what depends on it.",
)
def landing_files_sensor(context: dg.SensorEvaluationContext, folders: Folders):
    now = settled_files(Path(folders.landing), time.time())
    before = json.loads(context.cursor) if context.cursor else {}
    sources = affected_sources(before, now)
    context.update_cursor(json.dumps(now, sort_keys=True))
    if not sources:
        return dg.SkipReason("no new or changed file in the landing folder")
    changes = json.dumps({n: s for n, s in now.items() if before.get(n) != s}, sort_keys=True)
    return dg.RunRequest(
        run_key=hashlib.sha256(changes.encode()).hexdigest(),
        asset_selection=affected_assets(context.repository_def.asset_graph, sources),
        tags={"welfare/sources": ",".join(sources)},
    )


def affected_assets(graph, sources: list[str]) -> list[dg.AssetKey]:
    """What new files of ``sources`` affect: their raw tables and everything downstream."""
    selection = dg.AssetSelection.assets(*(["raw", s] for s in sources)).downstream()
    return sorted(selection.resolve(graph))
