"""An attacker's bounds on hidden cells by linear programming, the way tau-Argus audits a
suppression pattern: every published count is known, a parent is the sum of its children (or,
for people counted once across areas, at most that sum and at least each child: see
``Table.relation``), and a hidden count is at least 1. Shared by the unit tests of the rule and
the audit of published tables."""

import numpy as np
from scipy.optimize import linprog

from orchestration.disclosure import Table

# A finite cap instead of no upper bound: HiGHS may report an unbounded maximum as infeasible.
CAP = 1e9


def lp_bounds(table: Table, hidden: set[str]) -> dict[str, tuple[float, float]]:
    """(lowest, highest) each hidden cell can be, given everything published."""
    index = {a: i for i, a in enumerate(sorted(hidden))}
    eq, eq_b, ub, ub_b = [], [], [], []

    def row(terms):  # [(area, coefficient)] → (coefficients of hidden cells, published part moved right)
        coefficients, constant = np.zeros(len(index)), 0.0
        for area, c in terms:
            if area in index:
                coefficients[index[area]] += c
            else:
                constant -= c * table.values[area]
        return coefficients, constant

    for parent, kids in table.children().items():
        a, b = row([(parent, 1)] + [(k, -1) for k in kids])
        if table.relation(parent, kids) == "sum":
            eq.append(a), eq_b.append(b)
            continue
        ub.append(a), ub_b.append(b)
        for k in kids:
            a, b = row([(k, 1), (parent, -1)])
            ub.append(a), ub_b.append(b)
    out = {}
    for area, i in index.items():
        found = []
        for sign in (1, -1):
            objective = np.zeros(len(index))
            objective[i] = sign
            result = linprog(
                objective,
                A_ub=ub or None,
                b_ub=ub_b or None,
                A_eq=eq or None,
                b_eq=eq_b or None,
                bounds=[(1, CAP)] * len(index),
                method="highs",
            )
            assert result.status == 0, result.message
            found.append(sign * result.fun)
        out[area] = (found[0], np.inf if found[1] > CAP / 2 else found[1])
    return out
