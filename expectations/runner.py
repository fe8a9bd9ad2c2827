"""Run GX suites on DataFrames and summarise the result by severity.

DuckDB tables are validated as pandas batches: GX's SQL datasource cannot resolve metrics on
DuckDB (GX issue #11579). Each expectation says in its ``meta`` whether it is blocking (a failure
stops publication) or a warning (reported, not stopping). No result keeps sample values: a raw
table's values may be personal, so ``partial_unexpected_count`` is 0 everywhere.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import great_expectations as gx
import pandas as pd

from expectations.suites import BLOCKING, severity

RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 0}


@dataclass(frozen=True)
class Failure:
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


@cache
def _context():
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    return context


def validate(df: pd.DataFrame, make_suite: Callable[[], gx.ExpectationSuite]) -> Outcome:
    """Validate ``df`` against the suite ``make_suite`` builds (GX needs its context first)."""
    context = _context()
    suite = make_suite()
    source = context.data_sources.add_or_update_pandas("warehouse")
    asset = (
        source.add_dataframe_asset(suite.name)
        if suite.name not in source.get_asset_names()
        else source.get_asset(suite.name)
    )
    batch = (
        asset.add_batch_definition_whole_dataframe(suite.name)
        if not asset.batch_definitions
        else asset.batch_definitions[0]
    )
    result = batch.get_batch(batch_parameters={"dataframe": df}).validate(suite, result_format=RESULT_FORMAT)
    failures = [
        Failure(
            expectation=r.expectation_config.type,
            column=r.expectation_config.kwargs.get("column") or r.expectation_config.kwargs.get("column_list"),
            severity=severity(r.expectation_config),
            unexpected_count=r.result.get("unexpected_count"),
            observed=r.result.get("observed_value"),
        )
        for r in result.results
        if not r.success
    ]
    return Outcome(result.statistics["evaluated_expectations"], failures)
