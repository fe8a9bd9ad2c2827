"""Keep the SQL API from being used to exhaust the server or to reach past the data.

Datasette stops a query after its time limit by a progress handler, but SQLite calls that
handler between steps, and ``printf('%.*c', 1e9, 'x')`` builds a gigabyte in one step: a minute
of a SQL thread, three of them and the server stalls. So no value may exceed a megabyte, SQL
text is bounded, ``printf``/``format`` refuse absurd widths, and functions with side effects or
that hand out pointers (``fts3_tokenizer`` returns one) cannot be called.
"""

import re
import sqlite3
import threading

import datasette.handle_exception
from datasette import hookimpl

# Datasette prints every exception, a 404 included, with rich's traceback and its local variables
# when rich is installed (Dagster brings it): seconds of one event loop per missing page, and rows
# of data in the server's log. Errors are still answered as Datasette answers them.
datasette.handle_exception.rich = None

LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 1_000_000,  # bytes in any string, blob or row
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
}
DENIED_FUNCTIONS = {
    "fts3_tokenizer",
    "load_extension",
    "readfile",
    "writefile",
    "edit",
    "zipfile",
    "sqlar_compress",
    "sqlar_uncompress",
}
# SQLite 3.40 still walks a %c precision one character at a time after the length limit is hit
# (three seconds for 2e9, out of the time limit's reach), so widths and precisions are checked
# first: above the bound the answer is NULL at once, as SQLite's own printf answers a result too
# long. Otherwise SQLite's own printf formats it, on a private connection.
MAX_WIDTH = 10_000
_SPEC = re.compile(r"%[-+ #0,!]*(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?([a-zA-Z%])")
_private = threading.local()


def _authorize(action, arg1, arg2, database, trigger):
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _number(value) -> int:
    try:
        return abs(int(float(value)))
    except (TypeError, ValueError):
        return 0


def guarded_printf(fmt, *args):
    if fmt is None:
        return None
    used = 0
    for width, precision, conversion in _SPEC.findall(str(fmt)):
        if conversion == "%":
            continue
        for part in (width, precision):
            if part == "*":
                part, used = (args[used] if used < len(args) else 0), used + 1
            if _number(part) > MAX_WIDTH:
                return None
        used += 1
    if getattr(_private, "con", None) is None:
        _private.con = sqlite3.connect(":memory:", check_same_thread=False)
        _private.con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, LIMITS[sqlite3.SQLITE_LIMIT_LENGTH])
    placeholders = ", ".join("?" * (len(args) + 1))
    return _private.con.execute(f"SELECT printf({placeholders})", (fmt, *args)).fetchone()[0]


@hookimpl
def prepare_connection(conn):
    for limit, value in LIMITS.items():
        conn.setlimit(limit, value)
    for name in ("printf", "format"):
        conn.create_function(name, -1, guarded_printf, deterministic=True)
    conn.set_authorizer(_authorize)
