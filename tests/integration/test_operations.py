"""Operations a data office can trust, tried as an operator would: builds killed at the worst
moment, two builds at once, a build with nothing new, a server that follows promotions, SQL
meant to exhaust it, a disk that cannot take the release."""

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import httpx
import pytest

from orchestration import build, settings
from orchestration.demo.generator import generate
from publish import release

SCALE = 0.003
PUBLISHED = [release.DATABASE, release.METADATA, release.INSPECT]


def welfare(config: settings.Settings, *args, wait=True, log: Path | None = None):
    """The command as an operator runs it; in the background, its output goes to ``log`` (a pipe
    nobody reads would fill up and stall it)."""
    command = [sys.executable, "-m", "orchestration.cli", *args]
    env = {**os.environ, "WELFARE_DATA_DIR": str(config.data_dir)}
    env.pop("WELFARE_HMAC_KEY", None)  # the demo, under the demo key
    if wait:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    output = log.open("w") if log else subprocess.DEVNULL
    return subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)


def dbt_processes(data_dir: Path) -> list[int]:
    """dbt processes working on this data folder, whoever their parent is now."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes()
        except (OSError, ValueError):
            continue
        if any(part.endswith(b"/dbt") for part in cmdline) and f"WELFARE_DATA_DIR={data_dir}".encode() in environ:
            found.append(int(proc.name))
    return found


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)
    return found


def published_files(config: settings.Settings) -> dict[str, bytes]:
    live = release.live_release(config.publish_dir)
    return {name: (live / name).read_bytes() for name in PUBLISHED}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The same demo built twice: once straight through, once killed during dbt and built again."""
    straight = settings.Settings(tmp_path_factory.mktemp("straight"))
    killed = settings.Settings(tmp_path_factory.mktemp("killed"))
    generate(straight.landing_dir, ["60"], seed=11, scale=SCALE)
    shutil.copytree(straight.landing_dir, killed.landing_dir)
    assert welfare(straight, "build").returncode == 0

    running = welfare(killed, "build", wait=False)
    wait_until(lambda: dbt_processes(killed.data_dir), 300, "dbt to start")
    running.send_signal(signal.SIGKILL)
    running.wait()
    time.sleep(1)
    left = dbt_processes(killed.data_dir)
    rebuilt = welfare(killed, "build")
    return {"straight": straight, "killed": killed, "left_running": left, "rebuilt": rebuilt}


def test_killing_a_build_leaves_no_dbt_running(builds):
    assert builds["left_running"] == []


def test_a_build_right_after_a_kill_succeeds_and_publishes_what_an_uninterrupted_one_does(builds):
    assert builds["rebuilt"].returncode == 0, builds["rebuilt"].stderr
    assert published_files(builds["killed"]) == published_files(builds["straight"])


def test_identical_builds_publish_byte_identical_files(builds):
    straight, killed = published_files(builds["straight"]), published_files(builds["killed"])
    assert [name for name in PUBLISHED if straight[name] != killed[name]] == []
    assert json.loads(straight[release.INSPECT])["welfare"]["tables"]["indicator_values"]["count"] > 0


def test_the_killed_run_is_marked_failed_by_the_next_build(builds):
    with build.instance(builds["killed"]) as instance:
        runs = instance.get_runs()
    assert [r.status for r in runs] == [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE]
    assert not instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))


def test_a_build_with_no_changed_input_runs_no_dbt_and_publishes_nothing(builds):
    config = builds["straight"]
    before = release.live_release(config.publish_dir)
    again = welfare(config, "build")
    assert again.returncode == 0
    assert f"no input changed, release {before.name} stays live" in again.stdout
    assert "dbt build" not in again.stdout + again.stderr
    assert release.live_release(config.publish_dir) == before


def test_a_second_build_says_one_is_running_and_waits_when_asked(builds, tmp_path):
    config = builds["straight"]
    first = welfare(config, "build", wait=False)
    wait_until(lambda: config.lock_path.exists() and config.lock_path.read_text().strip(), 60, "the first build's lock")
    second = welfare(config, "build")
    waiting = welfare(config, "build", "--wait", wait=False, log=tmp_path / "waiting.log")
    first.wait(timeout=300)
    waiting.wait(timeout=300)
    waited = (tmp_path / "waiting.log").read_text()
    assert second.returncode == 75
    assert f"a build is already running (PID {first.pid}, started " in second.stderr
    assert first.returncode == 0 and waiting.returncode == 0
    assert "waiting for the build running since" in waited and "PID" in waited


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(builds, tmp_path):
    config, port = builds["straight"], free_port()
    process = welfare(config, "serve", "--port", str(port), wait=False, log=tmp_path / "serve.log")
    process.log = tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}"
    wait_until(lambda: _answers(base), 60, "the server")
    yield config, base, process
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def _answers(base: str) -> bool:
    try:
        return httpx.get(f"{base}/-/versions.json").status_code == 200
    except httpx.TransportError:
        return False


def promote_edited_copy(config: settings.Settings, title: str) -> Path:
    """A new release like the live one but for one indicator's English name."""
    candidate = release.new_candidate(config.publish_dir)
    live = release.live_release(config.publish_dir)
    for name in PUBLISHED:
        shutil.copy(live / name, candidate / name)
    con = sqlite3.connect(candidate / release.DATABASE)
    con.execute("UPDATE dim_indicators SET name_en = ? WHERE indicator_code = 'S2.1'", [title])
    con.commit()
    con.close()
    release.write_json(candidate, release.INSPECT, release.inspect(candidate / release.DATABASE))
    return release.promote(candidate, config.publish_dir, {"inputs_fingerprint": "edited"})


def test_the_server_follows_a_promotion_without_a_failed_request(server):
    config, base, _ = server
    url = f"{base}/welfare/dim_indicators/S2.1.json?_shape=array"
    seen, errors, stop = [], [], threading.Event()

    def poll():
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                try:
                    response = client.get(url)
                    seen.append(response.json()[0]["name_en"]) if response.status_code == 200 else errors.append(
                        response.status_code
                    )
                except httpx.TransportError as e:
                    errors.append(repr(e))

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        time.sleep(1)
        new = promote_edited_copy(config, "Promoted while serving")
        wait_until(lambda: seen and seen[-1] == "Promoted while serving", 15, "the new release to be served")
        time.sleep(1)
    finally:
        stop.set()
        poller.join()
    assert errors == []
    assert seen[0] != "Promoted while serving" and len(seen) > 20
    etag = httpx.get(url).headers["etag"]
    assert etag == f'W/"{new.name}"'
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_stopping_the_server_stops_everything_it_started(server):
    _, base, process = server
    process.send_signal(signal.SIGTERM)
    # uvicorn finishes the requests under way, then ends by the signal it was sent.
    assert process.wait(timeout=30) in (0, -signal.SIGTERM)
    assert "Traceback" not in process.log.read_text()
    assert not _answers(base)


def test_queries_built_to_exhaust_the_server_are_stopped(server):
    _, base, _ = server
    heavy = [
        "select printf('%.*c', 1000000000, 'x')",
        "select length(printf('%.*c', 2000000000, 'x'))",
        "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n",
    ]
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda sql: httpx.get(f"{base}/welfare.json", params={"sql": sql}, timeout=30), heavy))
        ordinary = httpx.get(f"{base}/welfare/dim_indicators.json", timeout=30)
    assert time.monotonic() - started < 5  # each is cut off at once or by the 1 s time limit
    assert [a.json()["rows"] for a in answers[:2]] == [[[None]], [[None]]]
    assert "took too long" in answers[2].json()["error"]
    assert ordinary.status_code == 200
    denied = httpx.get(f"{base}/welfare.json", params={"sql": "select hex(fts3_tokenizer('simple'))"}).json()
    assert "not authorized" in denied["error"]


PUBLISH_ONLY = """
import sys, dagster as dg
from orchestration.assets.publish import datasette_release
from orchestration.resources import Folders, Warehouse
result = dg.materialize([datasette_release], raise_on_error=False, resources={
    "warehouse": Warehouse(path=sys.argv[1]), "folders": Folders(landing=sys.argv[2], publish=sys.argv[3])})
for event in result.all_events:
    if event.is_step_failure:
        print(event.event_specific_data.user_failure_data.description)
"""


def publish_only(config: settings.Settings, publish_dir: Path, preexec=None) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PUBLISH_ONLY, str(config.warehouse_path), str(config.landing_dir), str(publish_dir)],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec,
    )
    return done.stdout.strip()


def test_an_unwritable_folder_fails_in_one_line(builds, tmp_path):
    blocked = tmp_path / "publish"
    blocked.write_text("a file where the publication folder should be")
    said = publish_only(builds["killed"], blocked / "site")
    assert said.count("\n") == 0 and said.startswith("nothing published:") and "Not a directory" in said


def test_a_full_disk_fails_in_one_line_and_leaves_the_live_release_as_it_was(builds):
    import resource

    config = builds["killed"]
    before = published_files(config)

    def small_disk():  # a file may not grow past 1 MiB: writing the release fails as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    said = publish_only(config, config.publish_dir, preexec=small_disk)
    assert said.count("\n") == 0 and said.startswith("nothing published:"), said
    assert not list(config.publish_dir.glob("candidate-*"))
    assert published_files(config) == before
