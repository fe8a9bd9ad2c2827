"""The audit of write–audit–publish: GX validates the candidate SQLite itself, through GX's SQLite
datasource, before it is promoted. Every mart arrived whole, keys are unique, no text looks like a
citizen ID, and no count of people from 1 to the threshold − 1 is visible.

Of a table divided into parts (``Model.part``) some of whose parts were taken from the live
release, the parts written are validated one at a time (GX takes a part's rows from the SQLite
file itself). What was taken stands as checked in the run that wrote it: its digest is the one
that run checked.
"""

import sqlite3
from functools import partial
from pathlib import Path

import duckdb

from expectations import runner, suites
from orchestration.ingestion.sql_functions import scalar
from orchestration.metadata.models import PUBLISHED, Model, people_indicators
from publish.reuse import Plan


def _text_columns(database: Path, table: str) -> list[str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return [name for _, name, kind, *_ in db.execute(f"PRAGMA table_info([{table}])") if kind == "TEXT"]


def _part_rows(database: Path, model: Model) -> dict[str, int]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        return dict(db.execute(f"SELECT [{model.part}], count(*) FROM [{model.name}] GROUP BY 1"))


def _small_counts(model: Model, people_indicators: list[str], threshold: int) -> str | None:
    """A SQL condition true for a visible count of people below the threshold, if the table has any."""
    if model.name == "indicator_values":
        codes = ", ".join(f"'{c}'" for c in people_indicators)
        return f"numerator BETWEEN 1 AND {threshold - 1} AND indicator_code IN ({codes})"
    if model.people_count:
        return f"{model.people_count} BETWEEN 1 AND {threshold - 1}"
    return None


def _not_arrived(model: Model, parts: list[str]) -> runner.Outcome:
    """Parts whose rows the candidate does not hold as many as the mart does (GX has no batch of a
    part missing; a part taken is not validated again): a blocking failure, numbered 0, before
    the suite's expectations."""
    failure = runner.Failure(0, "expect_table_row_count_to_equal", model.part, suites.BLOCKING, None, parts)
    return runner.Outcome(1, [failure])


def check(
    gx_root: Path, run_id: str, con: duckdb.DuckDBPyConnection, database: Path, threshold: int, taken: Plan
) -> runner.Outcome:
    """Validate every published table but those taken whole from the live release, which keep
    the outcome they had in the run that checked them; of a table some of whose parts were taken,
    the parts written."""
    people = people_indicators()
    earlier = runner.stored_outcomes(gx_root, {f"candidate.{t}": run for t, run in taken.checked_in.items()})
    outcome = runner.Outcome(0, [])
    for table, model in PUBLISHED.items():
        if f"candidate.{table}" in earlier:
            outcome += earlier[f"candidate.{table}"]
            continue
        make_suite = partial(
            suites.candidate, model, _text_columns(database, table), _small_counts(model, people, threshold)
        )
        taken_parts = taken.parts_taken.get(table)
        if taken_parts:
            validate = runner.sqlite_validation(gx_root, database, table, make_suite, by=model.part)
            outcome += _by_part(con, database, model, partial(validate, run_id), taken_parts)
        else:
            rows = scalar(con, f"SELECT count(*) FROM marts.{table}")
            outcome += runner.validate_sqlite(gx_root, run_id, database, table, make_suite, {suites.ROWS: rows})
    return outcome


def _by_part(con, database: Path, model: Model, validate, taken: frozenset[str]) -> runner.Outcome:
    """The parts of a table written by this build, each validated against the mart's rows of
    that part; a part ``taken`` from the live release stands as checked by the run that wrote
    it, once its rows are counted."""
    mart = dict(con.execute(f'SELECT "{model.part}", count(*) FROM marts.{model.name} GROUP BY 1').fetchall())
    candidate = _part_rows(database, model)
    outcomes = [
        validate({suites.ROWS: mart.get(value, 0)}, (model.part, value)) for value in sorted(set(candidate) - taken)
    ]
    if unequal := sorted(v for v in (set(mart) - set(candidate)) | taken if candidate.get(v) != mart.get(v)):
        outcomes.append(_not_arrived(model, unequal))
    return runner.combined(outcomes) if outcomes else runner.Outcome(0, [])
