"""The dbt project as Dagster assets: seeds, staging, intermediate and marts, with dbt tests
as asset checks."""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from orchestration.settings import REPO

project = DbtProject(project_dir=REPO / "dbt_project")
if not project.manifest_path.exists():
    project.preparer.prepare(project)


class LayerTranslator(DagsterDbtTranslator):
    """Groups dbt assets by layer, as the project's folders are."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return dbt_resource_props["fqn"][1]


@dbt_assets(manifest=project.manifest_path, dagster_dbt_translator=LayerTranslator())
def welfare_dbt_assets(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    yield from dbt.cli(["build"], context=context).stream()
