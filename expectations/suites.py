"""GX expectation suites: what must hold of each raw source after ingestion and of the marts
before publication. The mechanical ones are written from the metadata registry (keys, required
columns, code lists, ranges, areas); each expectation's ``meta`` gives its severity."""

import great_expectations as gx
import great_expectations.expectations as gxe

from orchestration.metadata.codes import CODE_LISTS
from orchestration.metadata.models import Model
from orchestration.metadata.sources import Source

BLOCKING, WARNING = "blocking", "warning"
# A load quarantining more than this share of a file's rows is worth a look, not a stop.
QUARANTINE_WARNING_SHARE = 0.10
# A source whose accepted rows shrink below half or grow beyond double the previous release's is
# worth a look (a file missing, a file loaded from the wrong office), not a stop.
ROW_COUNT_DRIFT = (0.5, 2.0)
# A province's indicator moving by more than this share of last year's value is worth a look.
YEAR_ON_YEAR_JUMP_PERCENT = 50
PROGRESS = list(CODE_LISTS["progress_status"].values)
AREA_CODE_PATTERN = {"country": r"^TH$", "province": r"^\d{2}$", "district": r"^\d{4}$", "subdistrict": r"^\d{6}$"}


def severity(config) -> str:
    return (config.meta or {}).get("severity", BLOCKING)


def _add(expectations: list, expectation, level: str = BLOCKING) -> None:
    """Add ``expectation`` with its severity, once (as a GX suite adds it)."""
    expectation.meta = {**(expectation.meta or {}), "severity": level}
    # GX compares expectations by their arguments, whatever their type.
    if not any(type(e) is type(expectation) and e == expectation for e in expectations):
        expectations.append(expectation)


def _suite(name: str, expectations: list) -> gx.ExpectationSuite:
    """The suite made whole: adding to a suite the GX context has stored before writes it to
    the store again with each expectation added, about 30 ms an expectation."""
    return gx.ExpectationSuite(name, expectations=expectations)


def _in_areas(column: str) -> str:
    return f"{column}_in_areas"


def key_is_unique(key: list[str]) -> str:
    """The flag ``source_select`` gives a row whose key no other row of its table has."""
    return f"{'_'.join(key)}_is_unique"


def source_select(source: Source, rows: str = "true") -> str:
    """What ``source_table`` validates of the rows ``rows`` (a condition) of ``raw.<source>``:
    their columns; for each subdistrict column, whether the code exists (a flag, not the 7,000
    codes in every suite and Data Docs page); and whether the key is unique in the whole table
    (a flag: so the rows of one file can be validated alone, a key another file repeats included)."""
    columns = [f"s.{c.raw_name}" for c in source.columns if c.raw_name]
    flags = [
        f"s.{c.raw_name} IN (SELECT subdistrict_code FROM raw.areas) AS {_in_areas(c.raw_name)}"
        for c in source.columns
        if c.raw_name and c.type == "subdistrict"
    ]
    raw = {c.name: c.raw_name for c in source.columns}
    key = [raw[k] for k in source.primary_key]
    repeated = f"SELECT {', '.join(key)} FROM raw.{source.name} GROUP BY ALL HAVING count(*) > 1"
    joined = " AND ".join(f"s.{k} = r.{k}" for k in key)
    unique = f"r.{key[0]} IS NULL AS {key_is_unique(key)}"
    return (
        f"SELECT {', '.join(columns + flags + [unique])} FROM raw.{source.name} s "
        f"LEFT JOIN ({repeated}) r ON {joined} WHERE {rows}"
    )


def source_table(source: Source) -> gx.ExpectationSuite:
    """``raw.<source>`` as the registry says it must be: its key unique, required columns filled,
    codes from their lists, numbers in range, subdistricts that exist. Every expectation holds of
    the table if it holds of each part of it ``source_select`` gives."""
    raw = {c.name: c.raw_name for c in source.columns}
    expectations = []
    key = [raw[k] for k in source.primary_key]
    _add(expectations, gxe.ExpectColumnValuesToBeInSet(column=key_is_unique(key), value_set=[True]))
    for c in source.columns:
        column = c.raw_name
        if column is None:
            continue
        if c.required:
            _add(expectations, gxe.ExpectColumnValuesToNotBeNull(column=column))
        if c.codes:
            _add(expectations, gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(c.codes)))
        if c.non_negative:
            _add(expectations, gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0))
        if c.field.minimum is not None or c.field.maximum is not None:
            _add(
                expectations,
                gxe.ExpectColumnValuesToBeBetween(column=column, min_value=c.field.minimum, max_value=c.field.maximum),
            )
        if c.type == "subdistrict":
            _add(expectations, gxe.ExpectColumnValuesToBeInSet(column=_in_areas(column), value_set=[True]))
    return _suite(f"raw.{source.name}", expectations)


def source_loads(source: Source, previous_rows: int | None) -> gx.ExpectationSuite:
    """The files of a source as loaded: no row lost, not too many quarantined, and the rows
    accepted near the previous release's."""
    expectations = []
    if previous_rows:
        low, high = ROW_COUNT_DRIFT
        _add(
            expectations,
            gxe.ExpectColumnSumToBeBetween(
                column="rows_accepted", min_value=int(previous_rows * low), max_value=int(previous_rows * high)
            ),
            WARNING,
        )
    _add(expectations, gxe.ExpectColumnValuesToBeBetween(column="rows_unaccounted", min_value=0, max_value=0))
    _add(
        expectations,
        gxe.ExpectColumnValuesToBeBetween(column="quarantined_share", min_value=0, max_value=QUARANTINE_WARNING_SHARE),
        WARNING,
    )
    return _suite(f"raw.{source.name}.loads", expectations)


def _key(expectations: list, key: list[str]) -> None:
    _add(
        expectations,
        gxe.ExpectCompoundColumnsToBeUnique(column_list=key)
        if len(key) > 1
        else gxe.ExpectColumnValuesToBeUnique(column=key[0]),
    )


def mart(model: Model, more: list = ()) -> gx.ExpectationSuite:
    """A published table as the registry describes it: rows, a unique key, required columns,
    codes from their lists, numbers within their fields' bounds, area codes of their level;
    then the expectations ``more`` (made by ``_add``)."""
    expectations = []
    _add(expectations, gxe.ExpectTableRowCountToBeBetween(min_value=1))
    _key(expectations, list(model.key))
    for column in model.columns:
        f = model.field(column)
        if (column in model.key and column not in model.nullable_key) or column in model.not_null:
            _add(expectations, gxe.ExpectColumnValuesToNotBeNull(column=column))
        if f.codes:
            _add(
                expectations, gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(CODE_LISTS[f.codes].values))
            )
        low = 0 if f.non_negative else f.minimum
        if low is not None or f.maximum is not None:
            _add(expectations, gxe.ExpectColumnValuesToBeBetween(column=column, min_value=low, max_value=f.maximum))
    if {"area_level", "area_code"} <= set(model.columns):
        for level, pattern in AREA_CODE_PATTERN.items():
            _add(
                expectations,
                gxe.ExpectColumnValuesToMatchRegex(
                    column="area_code",
                    regex=pattern,
                    row_condition=f'area_level == "{level}"',
                    condition_parser="pandas",
                ),
            )
    return _suite(f"marts.{model.name}", expectations + list(more))


def indicator_values(model: Model, people_codes: list[str], threshold: int) -> gx.ExpectationSuite:
    """The indicator mart: as the registry says, and no visible count of people from 1 to the
    suppression threshold; a province's value jumping from last year is a warning. The table
    validated carries one derived column, ``change_percent`` (change as a share of last year)."""
    expectations = []
    # Counts and amounts are never negative; only a growth rate or a change may be.
    _add(
        expectations,
        gxe.ExpectColumnValuesToBeBetween(
            column="value", min_value=0, row_condition='unit_en != "percent"', condition_parser="pandas"
        ),
    )
    _add(
        expectations,
        gxe.ExpectColumnValuesToBeInSet(
            column="numerator",
            value_set=[0],
            row_condition=f"indicator_code in {people_codes} and numerator < {threshold}",
            condition_parser="pandas",
        ),
    )
    _add(
        expectations,
        gxe.ExpectColumnValuesToBeBetween(
            column="change_percent",
            min_value=-YEAR_ON_YEAR_JUMP_PERCENT,
            max_value=YEAR_ON_YEAR_JUMP_PERCENT,
            row_condition='area_level == "province"',
            condition_parser="pandas",
        ),
        WARNING,
    )
    return mart(model, expectations)


def source_scores(model: Model) -> gx.ExpectationSuite:
    """S1.1's parts: as the registry says (each 0-100), and the score their mean."""
    expectations = []
    _add(expectations, gxe.ExpectColumnValuesToBeBetween(column="score_difference", min_value=-0.01, max_value=0.01))
    return mart(model, expectations)


# Exactly 13 digits, as SQLite's GLOB writes it: what a citizen ID looks like in a text column.
THIRTEEN_DIGITS = "[0-9]" * 13


def _no_rows_where(condition: str) -> gxe.UnexpectedRowsExpectation:
    return gxe.UnexpectedRowsExpectation(unexpected_rows_query=f"SELECT * FROM {{batch}} WHERE {condition}")


ROWS = "rows"  # the parameter of the candidate suites: the rows of the mart, or of the part validated


def candidate(model: Model, text_columns: list[str], small_counts: str | None) -> gx.ExpectationSuite:
    """A table of the candidate SQLite (or a part of it), before it is promoted: every row of the
    mart arrived (``$PARAMETER`` rows: the mart's count), its key is unique, no text holds what
    looks like a citizen ID, and ``small_counts`` (a condition true for a visible count of people
    under the threshold) selects nothing. Each holds of the table if it holds of every part."""
    expectations = []
    _add(expectations, gxe.ExpectTableRowCountToEqual(value={"$PARAMETER": ROWS}))
    _key(expectations, list(model.key))
    if text_columns:
        _add(expectations, _no_rows_where(" OR ".join(f"\"{c}\" GLOB '{THIRTEEN_DIGITS}'" for c in text_columns)))
    if small_counts:
        _add(expectations, _no_rows_where(small_counts))
    return _suite(f"candidate.{model.name}", expectations)
