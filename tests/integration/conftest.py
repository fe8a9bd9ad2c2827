"""A demo warehouse built end to end once per test session, in a temporary folder."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import httpx
import pytest

from orchestration import settings
from orchestration.demo.generator import generate

# Small but realistic: all 130 Nakhon Sawan subdistricts, about 12,000 people in the register,
# and counts of volunteers small enough that disclosure control hides most subdistricts.
SCALE = 0.04


@dataclass
class DemoBuild:
    config: settings.Settings
    manifest: dict
    defs: dg.Definitions
    result: dg.ExecuteInProcessResult

    @property
    def published_db(self) -> Path:
        return self.config.publish_dir / "live" / "welfare.db"

    def landing(self, source: str) -> Path:
        name = next(n for n, f in self.manifest["files"].items() if f["source"] == source)
        return self.config.landing_dir / name


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    """WELFARE_DATA_DIR for the session: dbt's profile reads it too."""
    path = tmp_path_factory.mktemp("welfare")
    previous = os.environ.get("WELFARE_DATA_DIR")
    os.environ["WELFARE_DATA_DIR"] = str(path)
    yield path
    if previous is None:
        os.environ.pop("WELFARE_DATA_DIR", None)
    else:
        os.environ["WELFARE_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def demo_build(data_dir) -> DemoBuild:
    """Built as ``welfare build`` builds: one run recorded in the data folder's Dagster instance."""
    from orchestration import build as builds
    from orchestration.definitions import build

    config = settings.Settings(data_dir)
    manifest = generate(config.landing_dir, ["60"], seed=2567, scale=SCALE)
    return DemoBuild(config, manifest, build(config), builds.run(config))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(data_dir: Path):
    """``welfare serve`` on the live release of ``data_dir``, on a free port of 127.0.0.1: its base URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "serve", "--port", str(port)],
        env=os.environ | {"WELFARE_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                httpx.get(f"{base}/-/versions.json")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "Datasette did not start"
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def portal(demo_build):
    """The portal on the demo build."""
    with serving(demo_build.config.data_dir) as base:
        yield base
