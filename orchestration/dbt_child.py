"""``welfare-dbt``: dbt, as a child that dies with the build that started it.

dagster-dbt runs dbt as a subprocess. If the build is killed, even with SIGKILL, which nothing
can catch, the kernel sends dbt SIGKILL too (Linux's PR_SET_PDEATHSIG survives the exec into
dbt), so no dbt is left holding the warehouse's lock and the next build starts cleanly. dbt runs
in the data folder, where the profile's build target finds the warehouse.
"""

import ctypes
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from orchestration import settings

PR_SET_PDEATHSIG = 1
PARENT = "WELFARE_BUILD_PID"  # the process starting dbt, so a parent that died before prctl is noticed


@contextmanager
def started_here():
    """Within this block, dbt started from this process knows it as its parent.

    Set only around the calls that start dbt, and restored after: a process that inherited the
    variable from its own parent (a test, a build started by a build) must not pass it on."""
    previous = os.environ.get(PARENT)
    os.environ[PARENT] = str(os.getpid())
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(PARENT, None)
        else:
            os.environ[PARENT] = previous


def main() -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.environ.get(PARENT) and int(os.environ[PARENT]) != os.getppid():
            sys.exit("welfare-dbt: the build that started dbt has already ended")
    # In the data folder, where the profile's build target names the warehouse from.
    data_dir = settings.from_environment().data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    os.chdir(data_dir)
    dbt = Path(sys.executable).parent / "dbt"
    os.execv(dbt, [str(dbt), *sys.argv[1:]])
