"""One build at a time: a file beside the warehouse, locked with flock(2). The kernel frees the
lock when its process ends, even by SIGKILL, so a killed build never blocks the next one; the
file says who holds it, so a second build can say so instead of failing on DuckDB's own lock.

``welfare build`` takes the lock before Dagster starts and holds it to the end; a run started
elsewhere (the Dagster UI, a sensor) takes it in its warehouse resource. Within one process the
lock is re-entrant, so the two never wait for each other.
"""

import fcntl
import json
import os
from datetime import UTC, datetime
from pathlib import Path

_held: dict[Path, int] = {}  # lock files this process holds → how many holders


class BuildRunning(Exception):
    def __init__(self, holder: dict):
        self.holder = holder
        super().__init__(
            f"a build is already running: PID {holder.get('pid', '?')}, started {holder.get('started_at', '?')}"
        )


class BuildLock:
    def __init__(self, path: Path):
        self.path = path.resolve()
        self._file = None

    def holder(self) -> dict | None:
        """Who holds the lock now, if another process does."""
        try:
            self.acquire(wait=False)
        except BuildRunning as e:
            return e.holder
        self.release()
        return None

    def acquire(self, wait: bool) -> None:
        if self.path in _held:
            _held[self.path] += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            f.seek(0)
            text = f.read()
            f.close()
            raise BuildRunning(json.loads(text) if text.strip() else {}) from None
        f.seek(0)
        f.truncate()
        f.write(json.dumps({"pid": os.getpid(), "started_at": datetime.now(UTC).isoformat(timespec="seconds")}))
        f.flush()
        self._file = f
        _held[self.path] = 1

    def release(self) -> None:
        if self.path not in _held:
            return
        _held[self.path] -= 1
        if _held[self.path] or self._file is None:
            return
        del _held[self.path]
        self._file.seek(0)
        self._file.truncate()
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
        self._file = None
