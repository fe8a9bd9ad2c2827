"""``welfare generate``: the files written from the registry, and whether they are current.

dbt reads YAML and SQL, not Python, so what it needs of the registry is written out: the source
and model YAML (descriptions and tests), the ``code_lists`` seed, and ``macros/_registry.sql``
(the fiscal-year formula, the indicator models, the codes each rule selects). A test fails when
a checked-in file differs from what the registry writes.
"""

import csv
import io
from pathlib import Path

import yaml

from orchestration.metadata import thai
from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.fields import field
from orchestration.metadata.models import MODELS, Model, indicator_model, indicators
from orchestration.metadata.sources import SOURCES, Source
from orchestration.settings import REPO

DBT = REPO / "dbt_project"
NOTICE = "Written by `welfare generate` from orchestration/metadata: edit the registry, not this file."
SHARE_BOUNDS = (0, 100)


def _yaml(document: dict) -> str:
    return f"# {NOTICE}\n" + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=110)


def _column(name: str, description: str, tests: list) -> dict:
    return {"name": name, "description": description, **({"data_tests": tests} if tests else {})}


# --- sources ------------------------------------------------------------------------------


def raw_columns(source: Source) -> list[str]:
    """The columns of ``raw.<source>``: personal ones transformed or dropped, and where each row came from."""
    return [c.raw_name for c in source.columns if c.raw_name] + [
        "_source_file",
        "_sheet",
        "_row_number",
        "_file_hash",
        "_loaded_at",
    ]


def _table(name: str, description: str, columns: list[str], freshness: bool = False) -> dict:
    table = {
        "name": name,
        "description": description,
        "columns": [_column(c, field(c).description, []) for c in columns],
    }
    return table if freshness else {**table, "freshness": None}


def _staged(name: str) -> dict:
    """A table loaded beside the sources, described as its staging model is."""
    model = MODELS[f"stg_{name}"]
    return _table(name, model.description, list(model.columns))


# Written by ingestion and the dimensions asset beside the sources.
REFERENCE_TABLES = ("areas", "fiscal_years", "source_columns", "load_log", "quarantine", "source_areas")


def sources_yml() -> str:
    raw = [
        _table(
            s.name,
            f"{s.title_en} ({s.title_th}): the rows accepted at ingestion, personal columns already "
            "pseudonymised or dropped.",
            raw_columns(s),
            freshness=True,
        )
        for s in SOURCES.values()
    ]
    return _yaml(
        {
            "version": 2,
            "sources": [
                {
                    "name": "raw",
                    "description": "Landing files as ingestion loaded them (Dagster assets raw/*), and the "
                    "reference data loaded beside them.",
                    "schema": "raw",
                    "loaded_at_field": "_loaded_at",
                    "freshness": {"warn_after": {"count": 400, "period": "day"}},
                    "tables": raw + [_staged(name) for name in REFERENCE_TABLES],
                },
            ],
        }
    )


# --- models -------------------------------------------------------------------------------


STAGED_SOURCES = {f"stg_{s}" for s in SOURCES}


def _checked_by_gx(model: Model) -> bool:
    """GX checks, from the same registry, a source's rows before dbt reads them (key, required
    columns, codes, areas: ``expectations/suites.py:source_table``) and a published mart before
    publication (``mart``), each a blocking asset check: dbt does not check them a second time
    in the source's staging model or in the mart."""
    return model.name in STAGED_SOURCES or (model.published and model.layer == "marts")


def _column_rules(model: Model, column: str) -> list:
    """The tests of a column's key, required value, codes and bounds."""
    f = model.field(column)
    tests = []
    if len(model.key) == 1 and column in model.key:
        tests.append("unique")
    if (column in model.key and column not in model.nullable_key) or column in model.not_null:
        tests.append("not_null")
    if model.layer == "marts":
        if f.codes and not (len(model.key) == 1 and column in model.key):
            tests.append({"accepted_values": {"arguments": {"values": list(CODE_LISTS[f.codes].values)}}})
        if (f.minimum, f.maximum) == SHARE_BOUNDS:
            tests.append({"between": {"arguments": {"min_value": 0, "max_value": 100}}})
    return tests


def _tests(model: Model, column: str) -> list:
    """A column's dbt tests; besides its rules, that the areas and indicators a mart names exist."""
    tests = [] if _checked_by_gx(model) else _column_rules(model, column)
    if model.layer == "marts":
        if column == "area_code" and model.name != "dim_areas":
            tests.append({"relationships": {"arguments": {"to": "ref('dim_areas')", "field": "area_code"}}})
        if column == "indicator_code" and model.name != "dim_indicators":
            tests.append({"relationships": {"arguments": {"to": "ref('dim_indicators')", "field": "indicator_code"}}})
    return tests + model.tests.get(column, [])


def _model(model: Model) -> dict:
    entry = {"name": model.name, "description": model.description}
    if model.published:
        entry["config"] = {"meta": {"title_en": model.title_en, "title_th": model.title_th}}
    if len(model.key) > 1 and not _checked_by_gx(model):
        entry["data_tests"] = [{"unique_combination": {"arguments": {"columns": list(model.key)}}}]
    entry["columns"] = [_column(c, model.field(c).description, _tests(model, c)) for c in model.columns]
    return entry


def models_yml(layer: str) -> str:
    return _yaml({"version": 2, "models": [_model(m) for m in MODELS.values() if m.layer == layer]})


# --- seeds and macros -----------------------------------------------------------------------


def code_lists_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code_list", "code", "label_th", "label_en", "category", "position"])
    for code_list in CODE_LISTS.values():
        writer.writerows(
            [code_list.name, c.value, c.label_th, c.label_en, c.category, i]
            for i, c in enumerate(code_list.codes, start=1)
        )
    return out.getvalue()


def _sql_list(values) -> str:
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


def registry_macros() -> str:
    categories = {}
    for code_list in CODE_LISTS.values():
        for c in code_list.codes:
            if c.category:
                categories.setdefault(code_list.name, {}).setdefault(c.category, []).append(c.value)
    selected = "\n".join(
        f"    {name!r}: {{{', '.join(f'{k!r}: {_sql_list(v)!r}' for k, v in cats.items())}}},"
        for name, cats in categories.items()
    )
    models = ", ".join(repr(indicator_model(i["indicator_code"])) for i in indicators())
    return f"""{{# {NOTICE} #}}

{{# The models of the indicators in the catalogue (seeds/indicators.csv), in its order. #}}
{{% macro indicator_models() %}}{{{{ return([{models}]) }}}}{{% endmacro %}}

{{# The Thai fiscal year (Buddhist Era) of a date: FY2567 runs 1 Oct 2023 to 30 Sep 2024. #}}
{{% macro fiscal_year_be(day) -%}}
    {thai.fiscal_year_sql("{{ day }}")}
{{%- endmacro %}}

{{# The codes of a list that an indicator rule selects (a category in orchestration/metadata/codes.py),
   as a SQL list: `org_type in {{{{ codes_in('org_type', 'public_benefit') }}}}`. #}}
{{% macro codes_in(code_list, category) -%}}
{{%- set categories = {{
{selected}
}} -%}}
{{{{ categories[code_list][category] }}}}
{{%- endmacro %}}

{{# How many codes a list has: the sexes a subdistrict's population is reported by. #}}
{{% macro code_count(code_list) -%}}
{{{{ {dict((n, len(c.codes)) for n, c in CODE_LISTS.items())!r}[code_list] }}}}
{{%- endmacro %}}
"""


def outputs() -> dict[Path, str]:
    return {
        DBT / "models" / "staging" / "_sources.yml": sources_yml(),
        DBT / "models" / "staging" / "_staging.yml": models_yml("staging"),
        DBT / "models" / "intermediate" / "_intermediate.yml": models_yml("intermediate"),
        DBT / "models" / "marts" / "_marts.yml": models_yml("marts"),
        DBT / "macros" / "_registry.sql": registry_macros(),
        REPO / "seeds" / "code_lists.csv": code_lists_csv(),
    }


def stale() -> list[Path]:
    """Generated files that differ from what the registry writes now."""
    return [p for p, text in outputs().items() if not p.exists() or p.read_text(encoding="utf-8") != text]


def write() -> list[Path]:
    changed = stale()
    for path, text in outputs().items():
        if path in changed:
            path.write_text(text, encoding="utf-8")
    return changed
