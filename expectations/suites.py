"""GX expectation suites: what must hold of each raw source after ingestion and of the marts
before publication. The mechanical ones are written from the metadata registry (keys, required
columns, code lists, ranges, areas); each expectation's ``meta`` gives its severity."""

import great_expectations as gx
import great_expectations.expectations as gxe

from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.sources import Source

BLOCKING, WARNING = "blocking", "warning"
# A load quarantining more than this share of a file's rows is worth a look, not a stop.
QUARANTINE_WARNING_SHARE = 0.10
PROGRESS = list(CODE_LISTS["progress_status"].values)
AREA_CODE_PATTERN = {"country": r"^TH$", "province": r"^\d{2}$", "district": r"^\d{4}$", "subdistrict": r"^\d{6}$"}


def severity(config) -> str:
    return (config.meta or {}).get("severity", BLOCKING)


def _add(suite: gx.ExpectationSuite, expectation, level: str = BLOCKING) -> None:
    expectation.meta = {**(expectation.meta or {}), "severity": level}
    suite.add_expectation(expectation)


def source_table(source: Source, subdistricts: list[str]) -> gx.ExpectationSuite:
    """``raw.<source>`` as the registry says it must be: its key unique, required columns filled,
    codes from their lists, numbers in range, subdistricts that exist."""
    raw = {c.name: c.raw_name for c in source.columns}
    suite = gx.ExpectationSuite(f"raw.{source.name}")
    key = [raw[k] for k in source.primary_key]
    _add(
        suite,
        gxe.ExpectCompoundColumnsToBeUnique(column_list=key)
        if len(key) > 1
        else gxe.ExpectColumnValuesToBeUnique(column=key[0]),
    )
    for c in source.columns:
        column = c.raw_name
        if column is None:
            continue
        if c.required:
            _add(suite, gxe.ExpectColumnValuesToNotBeNull(column=column))
        if c.codes:
            _add(suite, gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(c.codes)))
        if c.non_negative:
            _add(suite, gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0))
        if c.field.minimum is not None or c.field.maximum is not None:
            _add(
                suite,
                gxe.ExpectColumnValuesToBeBetween(column=column, min_value=c.field.minimum, max_value=c.field.maximum),
            )
        if c.type == "subdistrict":
            _add(suite, gxe.ExpectColumnValuesToBeInSet(column=column, value_set=subdistricts))
    return suite


def source_loads(source: Source) -> gx.ExpectationSuite:
    """The files of a source as loaded: no row lost, and not too many quarantined."""
    suite = gx.ExpectationSuite(f"load_log.{source.name}")
    _add(suite, gxe.ExpectColumnValuesToBeBetween(column="rows_unaccounted", min_value=0, max_value=0))
    _add(
        suite,
        gxe.ExpectColumnValuesToBeBetween(column="quarantined_share", min_value=0, max_value=QUARANTINE_WARNING_SHARE),
        WARNING,
    )
    return suite


def indicator_values(indicator_codes: list[str], people_codes: list[str], threshold: int) -> gx.ExpectationSuite:
    """The published indicator table: well-formed keys, known indicators, sane numbers, and no
    visible count of people from 1 to the suppression threshold."""
    suite = gx.ExpectationSuite("marts.indicator_values")
    _add(suite, gxe.ExpectTableRowCountToBeBetween(min_value=1))
    for column in ("indicator_code", "area_level", "area_code", "fiscal_year", "unit_en"):
        _add(suite, gxe.ExpectColumnValuesToNotBeNull(column=column))
    _add(
        suite,
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["indicator_code", "area_level", "area_code", "fiscal_year"]),
    )
    _add(suite, gxe.ExpectColumnValuesToBeInSet(column="indicator_code", value_set=indicator_codes))
    _add(suite, gxe.ExpectColumnValuesToBeInSet(column="area_level", value_set=list(AREA_CODE_PATTERN)))
    for level, pattern in AREA_CODE_PATTERN.items():
        _add(
            suite,
            gxe.ExpectColumnValuesToMatchRegex(
                column="area_code", regex=pattern, row_condition=f'area_level == "{level}"', condition_parser="pandas"
            ),
        )
    _add(suite, gxe.ExpectColumnValuesToBeBetween(column="fiscal_year", min_value=2540, max_value=2600))
    _add(suite, gxe.ExpectColumnValuesToBeInSet(column="progress_status", value_set=PROGRESS))
    # Counts and amounts are never negative; only a growth rate or a change may be.
    _add(suite, gxe.ExpectColumnValuesToBeBetween(column="numerator", min_value=0))
    _add(suite, gxe.ExpectColumnValuesToBeBetween(column="denominator", min_value=0))
    _add(
        suite,
        gxe.ExpectColumnValuesToBeBetween(
            column="value", min_value=0, row_condition='unit_en != "percent"', condition_parser="pandas"
        ),
    )
    _add(
        suite,
        gxe.ExpectColumnValuesToBeInSet(
            column="numerator",
            value_set=[0],
            row_condition=f"indicator_code in {people_codes} and numerator < {threshold}",
            condition_parser="pandas",
        ),
    )
    return suite
