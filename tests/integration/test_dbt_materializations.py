"""dbt replaces each table and view in place, in one transaction (dbt_project/macros/
materializations.sql): whatever stood under a model's name, and whatever a Python model's build
left behind, on a copy of the demo warehouse."""

import os
import shutil
import subprocess

import duckdb

from orchestration.assets.dbt import BUILD_ARGS, DBT_EXECUTABLE, project

VIEW_MODEL = "staging.stg_areas"
TABLE_MODEL = "marts.dim_area_levels"
PYTHON_MODEL = "intermediate.int_hidden_cells"


def relation_types(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(
        con.sql("""
            SELECT schema_name || '.' || table_name, 'table' FROM duckdb_tables()
            UNION ALL
            SELECT schema_name || '.' || view_name, 'view' FROM duckdb_views() WHERE NOT internal
        """).fetchall()
    )


def rows(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple]:
    return con.sql(f"SELECT * FROM {relation} ORDER BY ALL").fetchall()


def test_a_model_replaces_what_stands_under_its_name(demo_build, tmp_path):
    shutil.copy(demo_build.config.warehouse_path, tmp_path / "warehouse.duckdb")
    models = (VIEW_MODEL, TABLE_MODEL, PYTHON_MODEL)
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        built = {m: rows(con, m) for m in models}
        before = relation_types(con)
        # A table where a view model stands, a view where a table model stands (as after a
        # model's materialization changed), and what a Python model's build that died left.
        con.execute(f"DROP VIEW {VIEW_MODEL}; CREATE TABLE {VIEW_MODEL} AS SELECT 1 AS stale")
        con.execute(f"DROP TABLE {TABLE_MODEL}; CREATE VIEW {TABLE_MODEL} AS SELECT 1 AS stale")
        con.execute(f"CREATE TABLE {PYTHON_MODEL}__dbt_tmp AS SELECT 1 AS stale")

    target = tmp_path / "target"
    target.mkdir()
    shutil.copy(project.project_dir / project.target_path / "partial_parse.msgpack", target)
    folders = ["--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir)]
    selected = ["--select", *(m.split(".")[1] for m in models)]
    done = subprocess.run(
        [DBT_EXECUTABLE, "build", *BUILD_ARGS, *selected, "--target", "build", *folders, "--target-path", target],
        capture_output=True,
        text=True,
        env=os.environ | {"WELFARE_DATA_DIR": str(tmp_path), "DBT_LOG_PATH": str(target)},
    )
    assert done.returncode == 0, done.stdout[-3000:]

    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert relation_types(con) == before  # each model as it was, nothing left over
        assert {m: rows(con, m) for m in models} == built
