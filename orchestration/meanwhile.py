"""Work in a thread of its own while the calling thread does other work: DuckDB and SQLite let go
of Python's lock while they run, so on two cores each takes what the other leaves."""

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager


@contextmanager
def meanwhile(work: Callable, *args) -> Iterator[Future]:
    """``work(*args)`` in a thread while the block runs; the block may take its result from the
    future it is given. What ``work`` raises wins over what the block raised, as if it had run
    first."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        done = pool.submit(work, *args)
        try:
            yield done
        finally:
            done.result()
