"""Run GX suites on DataFrames, keep their results, and summarise them by severity.

DuckDB tables are validated as pandas batches: GX's SQL datasource cannot resolve metrics on
DuckDB (GX issue #11579). Each expectation says in its ``meta`` whether it is blocking (a failure
stops publication) or a warning (reported, not stopping). No result keeps sample values: a raw
table's values may be personal, so ``partial_unexpected_count`` is 0 everywhere.

A table the registry divides into parts (``Model.part``) can be validated a part (SQLite) or some
parts (a DataFrame) at a time, each result naming them in its batch parameters: a part the live
release publishes as it is need not be validated again, and Data Docs and the audit trail say
which parts a result is of.
"""

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import great_expectations as gx
import pandas as pd
from great_expectations.core.partitioners import PartitionerColumnValue
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from expectations.suites import BLOCKING, severity

RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
PANDAS = "warehouse"  # the datasource of DataFrames read from the warehouse
SQLITE = "candidate"  # the candidate release's SQLite file
CANDIDATE_DATABASE = "WELFARE_CANDIDATE_DATABASE"  # its path, for the datasource
DATAFRAME = "dataframe"  # the batch parameter of a DataFrame batch
Part = tuple[str, str]  # the rows of a table divided into parts: the column, its value
Parts = tuple[str, list[str]]  # some parts of a table: the column, its values


@dataclass(frozen=True)
class Failure:
    number: int  # the expectation's place in its suite
    expectation: str
    column: str | list | None
    severity: str
    unexpected_count: int | None
    observed: object

    def describe(self) -> str:
        where = f"({self.column})" if self.column else ""
        count = (
            f"{self.unexpected_count} unexpected" if self.unexpected_count is not None else f"observed {self.observed}"
        )
        return f"{self.expectation}{where}: {count}"


@dataclass(frozen=True)
class Outcome:
    evaluated: int
    failures: list[Failure]

    @property
    def blocking(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == BLOCKING]

    def describe(self) -> str:
        if not self.failures:
            return f"all {self.evaluated} expectations passed"
        return "; ".join(f"{f.severity}: {f.describe()}" for f in self.failures)

    def __add__(self, other: "Outcome") -> "Outcome":
        return Outcome(self.evaluated + other.evaluated, self.failures + other.failures)


def combined(parts: list[Outcome]) -> Outcome:
    """One suite's outcome over the parts of a table: an expectation fails if it failed in any
    part, with its unexpected rows summed over the parts."""
    failed: dict[int, Failure] = {}
    for part in parts:
        for f in part.failures:
            seen = failed.get(f.number)
            failed[f.number] = (
                f
                if seen is None
                else replace(seen, unexpected_count=(seen.unexpected_count or 0) + (f.unexpected_count or 0))
            )
    return Outcome(parts[0].evaluated, [failed[n] for n in sorted(failed)])


def asset_of(suite: str) -> str:
    """The asset a suite validates: raw.<source>(.loads) checks raw/<source>, marts.<table> marts/<table>."""
    return "/".join(suite.split(".")[:2])


@cache
def context(root: Path):
    """The project's GX context, kept in files under ``root``: suites, validation results across
    runs, and the Data Docs built from them."""
    gx_context = gx.get_context(mode="file", project_root_dir=str(root))
    gx_context.variables.progress_bars = {"globally": False}
    return gx_context


def stored_runs(store) -> dict[tuple[str, str], list]:
    """The keys of the stored validation results by (run, suite), oldest run first, each run's
    chunks or parts (see ``validate_chunks``) in the order they were validated."""
    runs = defaultdict(list)
    for key in sorted(store.list_keys(), key=lambda k: k.run_id.run_time):
        runs[key.run_id.run_name, key.expectation_suite_identifier.name].append(key)
    return runs


def stored_outcomes(root: Path, runs: dict[str, str]) -> dict[str, Outcome]:
    """The outcome each suite had in its run (suite → run name), over every chunk or part it
    validated, from the results the context keeps; a suite whose run's results are forgotten
    (see ``keep_latest_runs``) is left out."""
    store = context(root).validation_results_store
    stored = stored_runs(store)  # the store's keys listed once: a listing reads every result's path
    return {
        suite: combined([_outcome(store.get(key)) for key in stored[run, suite]])
        for suite, run in runs.items()
        if (run, suite) in stored
    }


def stored_outcome(root: Path, run_name: str, suite: str) -> Outcome | None:
    """The outcome ``suite`` had in the run ``run_name``, or None if that run's results are forgotten."""
    return stored_outcomes(root, {suite: run_name}).get(suite)


def keep_latest_runs(root: Path, runs: int, also: Iterable[str] = ()) -> None:
    """Forget the stored results of all but the latest ``runs`` runs and the runs ``also`` (once
    the audit trail holds them), so that Data Docs stay the size of a few runs however many
    builds there were."""
    store = context(root).validation_results_store
    keys = store.list_keys()
    last_time: dict[str, datetime] = {}
    for key in keys:
        name = key.run_id.run_name
        last_time[name] = max(last_time.get(name, key.run_id.run_time), key.run_id.run_time)
    kept = set(sorted(last_time, key=last_time.get)[-runs:]) | set(also)
    for key in keys:
        if key.run_id.run_name not in kept:
            store.remove_key(key)


def _bound(gx_context, suite: gx.ExpectationSuite, source, add_asset, by: str | None = None) -> gx.ValidationDefinition:
    """The suite saved in the context, bound to the asset of its own name in ``source``
    (``add_asset`` makes that asset, with one batch definition, the first time): to the whole
    table, or to the batch definition that takes its rows one part at a time, ``by`` a column."""
    suite = gx_context.suites.add_or_update(suite)
    asset = source.get_asset(suite.name) if suite.name in source.get_asset_names() else add_asset(suite.name)
    batches = _partitioned(asset, by) if by else asset.batch_definitions[0]
    return gx_context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=batches.name if by else suite.name, data=batches, suite=suite)
    )


def _partitioned(asset, column: str):
    """The asset's batch definition of one part at a time, added the first time."""
    name = f"{asset.name} by {column}"
    if name not in {b.name for b in asset.batch_definitions}:
        asset.add_batch_definition(name, partitioner=PartitionerColumnValue(column_name=column))
    return asset.get_batch_definition(name)


def _dataframe_asset(source, name: str):
    asset = source.add_dataframe_asset(name)
    asset.add_batch_definition_whole_dataframe("all")
    return asset


def _table_asset(source, name: str, table: str):
    asset = source.add_table_asset(name, table_name=table)
    asset.add_batch_definition_whole_table("all")
    return asset


def _candidate_source(gx_context):
    """GX's SQLite datasource of the candidate, which names the file through an environment
    variable: its configuration and table assets then stay the same from run to run (GX writes
    its whole configuration file again for each datasource or asset it adds, 90 ms a time)."""
    connection = f"sqlite:///${{{CANDIDATE_DATABASE}}}"
    if SQLITE in gx_context.data_sources.all():
        source = gx_context.data_sources.get(SQLITE)
        if str(source.connection_string) == connection:
            return source
    return gx_context.data_sources.add_or_update_sqlite(SQLITE, connection_string=connection)


def _run_id(run_name: str) -> RunIdentifier:
    return RunIdentifier(run_name=run_name, run_time=datetime.now(UTC))


def sqlite_validation(root: Path, database: Path, table: str, make_suite, by: str | None = None):
    """A function that validates a table of a SQLite file (the candidate release) with GX's SQLite
    datasource, or one part of it (a value of the column ``by``): ``(run name, values of the
    suite's $PARAMETERs, part) → Outcome``. The suite is saved in the context once, on the first
    call (0.2 s a time: a table's parts share it)."""
    os.environ[CANDIDATE_DATABASE] = str(database)

    @cache
    def validation() -> gx.ValidationDefinition:
        gx_context = context(root)
        source = _candidate_source(gx_context)
        return _bound(gx_context, make_suite(), source, lambda name: _table_asset(source, name, table), by)

    def run(run_name: str, parameters: dict | None = None, part: Part | None = None) -> Outcome:
        result = validation().run(
            batch_parameters=dict([part]) if part else None,
            expectation_parameters=parameters,
            result_format=RESULT_FORMAT,
            run_id=_run_id(run_name),
        )
        return _outcome(result)

    return run


def validate_sqlite(
    root: Path, run_name: str, database: Path, table: str, make_suite, parameters: dict | None = None
) -> Outcome:
    """Validate a whole table of a SQLite file (see ``sqlite_validation``)."""
    return sqlite_validation(root, database, table, make_suite)(run_name, parameters)


def dataframe_validation(root: Path, make_suite: Callable[[], gx.ExpectationSuite]):
    """A function that validates a DataFrame (a whole table, or the parts of one it holds) against
    the suite ``make_suite`` builds (GX needs its context first): ``(run name, frame, parts) →
    Outcome``. Each result is stored in the context under its run's name, for Data Docs and the
    validation history. The suite is saved in the context once, on the first call."""
    gx_context = context(root)

    @cache
    def validation() -> gx.ValidationDefinition:
        sources = gx_context.data_sources
        source = sources.get(PANDAS) if PANDAS in sources.all() else sources.add_pandas(PANDAS)
        return _bound(gx_context, make_suite(), source, lambda name: _dataframe_asset(source, name))

    def run(run_name: str, df: pd.DataFrame, parts: Parts | None = None) -> Outcome:
        run_id = _run_id(run_name)
        result = validation().run(batch_parameters={DATAFRAME: df}, result_format=RESULT_FORMAT, run_id=run_id)
        if parts:
            _name_parts(gx_context, result, run_id, parts)
        return _outcome(result)

    return run


def validate(root: Path, run_name: str, df: pd.DataFrame, make_suite: Callable[[], gx.ExpectationSuite]) -> Outcome:
    """Validate a whole table held in ``df`` (see ``dataframe_validation``)."""
    return dataframe_validation(root, make_suite)(run_name, df)


def _name_parts(gx_context, result, run_id: RunIdentifier, parts: Parts) -> None:
    """Store the result again with its parts among its batch parameters, as a SQL batch of a
    part records it (a DataFrame batch takes no parameter but the frame)."""
    column, values = parts
    result.meta["batch_parameters"] = {**result.meta["batch_parameters"], column: values}
    key = ValidationResultIdentifier(ExpectationSuiteIdentifier(result.suite_name), run_id, result.batch_id)
    gx_context.validation_results_store.set(key, result)


def validate_chunks(
    root: Path, run_name: str, parts: Iterable[pd.DataFrame], make_suite: Callable[[], gx.ExpectationSuite]
) -> Outcome:
    """Validate a table one chunk of rows at a time, so that only one chunk is in memory: each
    chunk's result is stored as a validation of its own time within the run, and the outcome
    combines them."""
    run = dataframe_validation(root, make_suite)
    return combined([run(run_name, df) for df in parts])


def _outcome(result) -> Outcome:
    failures = [
        Failure(
            number=number,
            expectation=r.expectation_config.type,
            column=r.expectation_config.kwargs.get("column") or r.expectation_config.kwargs.get("column_list"),
            severity=severity(r.expectation_config),
            unexpected_count=r.result.get("unexpected_count"),
            observed=r.result.get("observed_value"),
        )
        for number, r in enumerate(result.results, start=1)
        if not r.success
    ]
    return Outcome(result.statistics["evaluated_expectations"], failures)
