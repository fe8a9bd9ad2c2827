"""The dbt project as Dagster assets: seeds, staging, intermediate (disclosure control among them,
a Python model) and marts, with dbt tests as asset checks."""

import sys
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets
from dbt.version import __version__ as DBT_VERSION
from packaging import version

from orchestration import audit_trail, dbt_child
from orchestration.fingerprint import inputs_fingerprint
from orchestration.ingestion.sql_functions import scalar
from orchestration.resources import Folders, Warehouse
from orchestration.settings import REPO, publication_settings
from publish import release

project = DbtProject(project_dir=REPO / "dbt_project")
# dbt's unit tests check the SQL against fixed inputs: they run in CI (make test), as dbt
# recommends, not in every build of the data (tests/integration/test_dbt_unit_tests.py).
BUILD_ARGS = ["--exclude-resource-type", "unit_test"]
# dbt from the same environment as Dagster, whether or not that environment is on PATH, through
# the wrapper that makes it die with the build (see dbt_child.py).
DBT_EXECUTABLE = str(Path(sys.executable).parent / "welfare-dbt")


class WelfareDbt(DbtCliResource):
    """dagster-dbt's resource without two things it does before each dbt command, about 7 s of
    every build: asking the executable for its version (a whole dbt process; welfare-dbt runs
    this environment's own dbt-core, whose version is known here) and opening a dbt adapter in
    this process (used only to fetch row counts and column metadata, which this project does
    not ask for)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(DBT_VERSION)

    def _initialize_dbt_core_adapter(self, args):
        return None


def cli_resource() -> DbtCliResource:
    # dbt's own log file at info, not debug: a debug line per SQL statement costs a fifth of dbt's
    # time on small data (2.5 s a run); run_results.json keeps each node's outcome.
    # The profile's build target, read from the data folder welfare-dbt runs dbt in.
    return WelfareDbt(
        project_dir=project,
        profiles_dir=str(project.project_dir),
        target="build",
        dbt_executable=DBT_EXECUTABLE,
        global_config_flags=["--log-level-file", "info"],
    )


def parse_project() -> None:
    """Write the manifest Dagster reads the dbt assets from."""
    with dbt_child.started_here():
        cli_resource().cli(["parse", "--quiet"], target_path=project.target_path).wait()


def manifest_is_stale() -> bool:
    """True when the manifest is missing or older than a model, macro, seed or project file."""
    if not project.manifest_path.exists():
        return True
    built = project.manifest_path.stat().st_mtime
    sources = [
        *project.project_dir.glob("*.yml"),
        *(REPO / "seeds").glob("*.csv"),
        *(p for d in ("models", "macros", "tests") for p in (project.project_dir / d).rglob("*")),
    ]
    return any(p.stat().st_mtime > built for p in sources if p.is_file())


# @dbt_assets reads the manifest when this module is imported, so it must be current by then.
if manifest_is_stale():
    parse_project()


class LayerTranslator(DagsterDbtTranslator):
    """Groups dbt assets by layer, as the project's folders are."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return dbt_resource_props["fqn"][1]


@dbt_assets(manifest=project.manifest_path, dagster_dbt_translator=LayerTranslator())
def welfare_dbt_assets(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse, folders: Folders):
    live = release.live_manifest(Path(folders.publish))
    with warehouse.connect(read_only=True) as con:
        built = scalar(
            con,
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_schema = 'marts' AND table_name = 'indicator_values'",
        )
        unchanged = inputs_fingerprint(con, publication_settings(Path(folders.landing))) == live.get(
            "inputs_fingerprint"
        )
    if built and unchanged:  # yielding nothing skips the checks and the publication downstream
        context.log.info(f"no input has changed since release {live['release_id']}: nothing to rebuild or publish")
        return
    # Each run's artifacts and logs beside the warehouse they describe, not in the code's folder;
    # its test results go to the audit trail whether dbt passed or not. dagster-dbt starts dbt
    # from the project's partial-parse file, which serves every data folder (see the profile's
    # build target), sparing it a full parse of the project (8 s).
    target = warehouse.folders.dbt_artifacts / context.run_id
    try:
        with dbt_child.started_here():
            yield from dbt.cli(["build", *BUILD_ARGS], context=context, target_path=target).stream()
    finally:
        with warehouse.connect() as con:
            audit_trail.prepare(con)
            audit_trail.record_dbt_tests(con, target / "run_results.json", context.run_id)
