"""Which published counts of people to hide, so that nothing hidden can be narrowed down.

A count of people from 1 to ``threshold - 1`` is hidden (primary suppression). An attacker knows
every published count, how areas add up (a parent is the sum of its children, or for people
counted once across areas, at most that sum and at least each child), that hidden cells are at
least 1 (a zero is never hidden), and all of these rules. From that the attacker can bound every
hidden cell; this module computes those bounds exactly and hides more cells (secondary
suppression) until every hidden cell's bounds are at least ``threshold`` apart, so no hidden
count is pinned or nearly pinned.

The areas form a tree, and the constraints follow its edges, so propagating bounds along the
tree until nothing changes gives the same bounds as linear programming over all published
tables (the way tau-Argus audits a pattern; ``tests/integration/test_disclosure.py`` checks this
with scipy's linprog).
"""

import hashlib
import math
from collections import defaultdict, deque
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyarrow as pa

INF = math.inf


@dataclass(frozen=True)
class Table:
    """One family of cells that count the same people, for one year: every area's count, its
    parent, and how a parent relates to its children ('sum' or 'distinct')."""

    values: dict[str, int]  # area → count
    parent: dict[str, str | None]  # area → parent area (None at the top)
    aggregation: str

    def children(self) -> dict[str, list[str]]:
        out = defaultdict(list)
        for area, parent in self.parent.items():
            if parent is not None and parent in self.values:
                out[parent].append(area)
        return out

    def relation(self, parent: str, kids: list[str]) -> str:
        """How the parent relates to its children: 'sum', or 'distinct' (each child <= parent <=
        their sum). People counted once across areas may still add up exactly (nobody in two
        children), and an attacker who sees totals add up elsewhere may guess so: such a group is
        protected as a sum."""
        if self.aggregation == "sum" or self.values[parent] == sum(self.values[k] for k in kids):
            return "sum"
        return "distinct"

    @cached_property
    def constraints(self) -> list[tuple[str, list[str], str]]:
        """Each parent with its children and their relation: what the attacker knows of the table."""
        return [(parent, kids, self.relation(parent, kids)) for parent, kids in self.children().items()]


def bounds(table: Table, hidden: set[str]) -> dict[str, tuple[float, float]]:
    """The tightest bounds an attacker can derive for each hidden cell: each constraint narrows
    its cells' bounds until none moves; a constraint is looked at again only when a bound of one
    of its cells has moved."""
    lo = {a: (1.0 if a in hidden else float(v)) for a, v in table.values.items()}
    hi = {a: (INF if a in hidden else float(v)) for a, v in table.values.items()}
    groups = table.constraints
    touching = defaultdict(list)  # area → the constraints it is in
    for i, (parent, kids, _) in enumerate(groups):
        for area in (parent, *kids):
            touching[area].append(i)
    # A constraint over published cells only narrows nothing (they add up): start from the others.
    waiting = deque(i for i, (parent, kids, _) in enumerate(groups) if not hidden.isdisjoint((parent, *kids)))
    queued = set(waiting)
    while waiting:
        i = waiting.popleft()
        queued.discard(i)
        for area in _tighten(*groups[i], lo, hi):
            for j in touching[area]:
                if j not in queued:
                    waiting.append(j)
                    queued.add(j)
    return {a: (lo[a], hi[a]) for a in hidden}


def _tighten(parent: str, kids: list[str], relation: str, lo: dict, hi: dict) -> list[str]:
    """Narrow the bounds of a parent and its children by one constraint; the cells whose bounds moved."""
    cells = (parent, *kids)
    before = [(lo[a], hi[a]) for a in cells]
    sum_lo = sum(lo[k] for k in kids)
    sum_hi, others_hi = _sums([hi[k] for k in kids])
    if relation == "sum":  # parent = sum(children)
        lo[parent], hi[parent] = max(lo[parent], sum_lo), min(hi[parent], sum_hi)
        for k, others in zip(kids, others_hi, strict=True):
            lo[k] = max(lo[k], lo[parent] - others)
            hi[k] = min(hi[k], hi[parent] - (sum_lo - lo[k]))
    else:  # distinct: each child <= parent <= sum(children)
        lo[parent] = max(lo[parent], max(lo[k] for k in kids))
        hi[parent] = min(hi[parent], sum_hi)
        for k, others in zip(kids, others_hi, strict=True):
            lo[k] = max(lo[k], lo[parent] - others)
            hi[k] = min(hi[k], hi[parent])
    return [a for a, was in zip(cells, before, strict=True) if (lo[a], hi[a]) != was]


def _sums(values: list[float]) -> tuple[float, list[float]]:
    """The sum of ``values``, and for each value the sum of all the others: one pass, not one per
    value (the country has 77 provinces). Counts are whole numbers, so subtracting one from the
    total is exact. A sum with an unbounded (INF) term is unbounded."""
    unbounded = values.count(INF)
    total = sum(v for v in values if v != INF)
    others = [INF if unbounded - (v == INF) else total - (0.0 if v == INF else v) for v in values]
    return (INF if unbounded else total), others


def suppress(table: Table, threshold: int) -> dict[str, str]:
    """Hidden cells → 'primary' (a count from 1 to threshold - 1) or 'secondary' (hidden so that
    the others cannot be narrowed to less than ``threshold``)."""
    hidden = {a: "primary" for a, v in table.values.items() if 0 < v < threshold}
    kids = table.children()
    while True:
        found = bounds(table, set(hidden))
        narrow = sorted((a for a, (lo, hi) in found.items() if hi - lo < threshold), key=_top_down(table))
        if not narrow:
            return hidden
        added = set()
        for area in narrow:
            cell = _widening_cell(table, kids, hidden, added, area, threshold - (found[area][1] - found[area][0]))
            if cell is not None:
                added.add(cell)
        if not added:
            raise RuntimeError(f"no cell left to hide that would protect {narrow[0]}")
        hidden.update(dict.fromkeys(added, "secondary"))


def _top_down(table: Table):
    depth = {}

    def level(a):
        if a not in depth:
            p = table.parent.get(a)
            depth[a] = 0 if p is None or p not in table.values else level(p) + 1
        return depth[a]

    return lambda a: (level(a), a)


def _widening_cell(table: Table, kids: dict, hidden: dict, added: set, area: str, gap: float) -> str | None:
    """The cell whose hiding best widens ``area``'s bounds: one of its children if they pin it
    (all shown), else the smallest sibling that closes the gap (or the largest), else its
    parent. A zero is never hidden: it would widen nothing and would tell the attacker less."""

    def candidates(areas):
        return sorted((table.values[a], a) for a in areas if a not in hidden and a not in added and table.values[a] > 0)

    children = kids.get(area, [])
    if children and all(c not in hidden for c in children) and (shown := candidates(children)):
        return shown[0][1]
    parent = table.parent.get(area)
    siblings = [s for s in kids.get(parent, []) if s != area] if parent in table.values else []
    if shown := candidates(siblings):
        enough = [a for v, a in shown if v >= gap]
        return enough[0] if enough else shown[-1][1]
    if parent in table.values and parent not in hidden and parent not in added:
        return parent
    if shown := candidates(children):
        return shown[0][1]
    return None


# The dbt model of the hidden cells, between the indicators and the marts that apply them: a Python
# model running ``hidden_cells`` on DuckDB; on Spark, orchestration/spark.py writes its table.
MODEL = "int_hidden_cells"

# The cells of the warehouse's indicators, one row per family, year and area; portable SQL, run
# on DuckDB by the dbt model and on Spark by orchestration/spark.py.
CELLS = """
SELECT i.disclosure_family, i.aggregation, v.fiscal_year, v.area_level, v.area_code, a.parent_code,
       count(DISTINCT v.numerator) AS numerators, min(v.numerator) AS numerator
FROM intermediate.int_indicator_values v
JOIN staging.stg_indicators i ON i.indicator_code = v.indicator_code
JOIN intermediate.int_areas a ON a.area_level = v.area_level AND a.area_code = v.area_code
WHERE i.disclosure_family IS NOT NULL
GROUP BY i.disclosure_family, i.aggregation, v.fiscal_year, v.area_level, v.area_code, a.parent_code
"""


HIDDEN = pa.schema(
    [
        ("disclosure_family", pa.string()),
        ("area_level", pa.string()),
        ("area_code", pa.string()),
        ("fiscal_year", pa.int32()),
        ("suppression", pa.string()),
        ("cells_digest", pa.string()),
    ]
)

# This module's text: hidden cells worked out by another version of the rule are worked out again.
RULE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def hidden_table(con, threshold: int, earlier: tuple[str, str] | None = None) -> pa.Table:
    """The hidden cells of the indicators in the DuckDB warehouse ``con``, as a table of the
    ``HIDDEN`` schema: what the dbt model ``MODEL`` returns. ``earlier`` (schema, table) is where
    an earlier build wrote them: a family and year whose cells have not changed since keep its
    hidden cells (a month of one source changes one family)."""
    rows = hidden_cells(con.execute(CELLS).fetchall(), threshold, _earlier(con, earlier))
    columns = list(zip(*rows, strict=True)) or [()] * len(HIDDEN)
    return pa.Table.from_arrays([pa.array(c, f.type) for c, f in zip(columns, HIDDEN, strict=True)], schema=HIDDEN)


def _earlier(con, table: tuple[str, str] | None) -> dict[str, list[tuple]]:
    """The hidden cells an earlier build wrote in ``table``, if it did, by the digest of the cells
    they were worked out from, in the order ``hidden_cells`` gives them."""
    if table is None:
        return {}
    (written,) = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
        "AND column_name = 'cells_digest'",
        list(table),
    ).fetchone()
    if not written:  # no earlier build, or one before the digests
        return {}
    by_digest = defaultdict(list)
    names = ", ".join(HIDDEN.names[:-1])
    query = f"SELECT {names}, cells_digest FROM {'.'.join(table)} ORDER BY area_code"
    for *row, digest in con.execute(query).fetchall():
        by_digest[digest].append(tuple(row))
    return by_digest


def hidden_cells(cells, threshold: int, earlier: dict[str, list[tuple]] | None = None) -> list[tuple]:
    """The hidden cells, as rows of ``HIDDEN``, of the rows of ``CELLS``; those of a family and
    year whose digest is in ``earlier`` are taken from there."""
    families: dict[tuple, list] = defaultdict(list)
    for cell in cells:
        families[(cell[0], cell[2])].append(cell)  # by family and year
    rows = []
    for key in sorted(families):
        family = sorted(families[key], key=lambda cell: (cell[3], cell[4]))  # by level and area: one digest
        digest = hashlib.sha256(repr((RULE, threshold, family)).encode()).hexdigest()
        found = (earlier or {}).get(digest) or _suppressed(family, threshold)
        rows += [(*row, digest) for row in found]
    return rows


def _suppressed(family: list[tuple], threshold: int) -> list[tuple]:
    """The hidden cells (family, area level, area code, fiscal year, suppression) of one family's
    rows of ``CELLS`` in one year."""
    name, aggregation, year = family[0][:3]
    values, parent, level = {}, {}, {}
    for *_, area_level, area, parent_code, numerators, numerator in family:
        if numerators > 1:
            raise ValueError(f"{name} {year} {area}: the indicators of one family disagree on the count")
        values[area], parent[area], level[area] = numerator, parent_code, area_level
    hidden = suppress(Table(values, parent, aggregation), threshold)
    return [(name, level[a], a, year, kind) for a, kind in sorted(hidden.items())]
