"""Publish the marts: build a candidate SQLite + metadata, audit it, then promote it."""

from pathlib import Path

import dagster as dg

from orchestration.assets.dbt import project
from orchestration.resources import Folders, Warehouse
from publish import export, metadata, privacy, release


@dg.asset(group_name="publish", deps=[dg.AssetKey(["marts", t]) for t in export.PUBLISHED_TABLES], kinds={"sqlite"},
          description="The SQLite file and metadata Datasette serves; replaced only when every check passed.")
def datasette_release(context: dg.AssetExecutionContext, warehouse: Warehouse, folders: Folders) -> dg.MaterializeResult:
    publish_dir = Path(folders.publish)
    candidate = release.candidate_dir(publish_dir)
    with warehouse.connect(read_only=True) as con:
        counts = export.export_sqlite(con, candidate / release.DATABASE)
    demo = (Path(folders.landing) / "manifest.json").exists()
    release.write_metadata(candidate, metadata.build(project.manifest_path, demo=demo))
    findings = privacy.scan_sqlite(candidate / release.DATABASE)
    if findings:
        raise dg.Failure(f"candidate not published: citizen IDs found in {', '.join(findings)}")
    live = release.promote(candidate, publish_dir)
    context.log.info(f"published {live / release.DATABASE}")
    return dg.MaterializeResult(metadata={**{f"rows_{t}": n for t, n in counts.items()}, "demo": demo,
                                          "path": str(live / release.DATABASE)})
