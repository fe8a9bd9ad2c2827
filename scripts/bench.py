"""The pipeline's benchmark: every stage at a given size, beside bare DuckDB, then the portal under load.

    python scripts/bench.py                                # Nakhon Sawan at full size
    python scripts/bench.py --provinces all --scale 0.05   # the country, quickly
    python scripts/bench.py --provinces all --scale 1      # the country at full size

In a fresh data folder it generates the demo (``welfare demo``) and builds it (``welfare build``),
each as its own process, sampling the memory and CPU time of the process and its children (dbt)
from /proc. Each Dagster step's start and end, from the run's event log, divide the build into
stages: ingestion per source, dbt, checks, publication. Right after it, an incremental build: a
month of social assistance arrives, and only what it affects is built again (``welfare build
--sources``, what the landing sensor runs), timed beside the full build. Then the baselines,
each alternately with what it is compared with: DuckDB's own CSV reader on the largest landing
file (after transcoding it to UTF-8) and this project's ingestion of that file alone; the SQL
dbt ran in the full build (its compiled models and tests) run bare in DuckDB on a copy of the
warehouse as that build left it, and the same ``dbt build`` run alone there.
Last, the load test (scripts/load_test.py) on the published release. Prints tables, and writes
it all as JSON. Compare figures within one run, each beside the one measured next to it: the
machine is shared and noisy, and its speed moves by a quarter within the hour.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path

import duckdb

from orchestration import build, dimensions, disclosure, settings
from orchestration.assets import dbt as dbt_assets
from orchestration.ingestion import load, sniff, sql_functions
from orchestration.ingestion.load import file_digest
from orchestration.metadata import thai
from orchestration.metadata.sources import SOURCES

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
SAMPLE_SECONDS = 0.2


@dataclass
class Stage:
    name: str
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    rows: int | None = None

    @property
    def rows_per_s(self) -> float | None:
        return self.rows / self.wall_s if self.rows and self.wall_s else None


# --- sampling a process tree from /proc --------------------------------------------------------


def _stat(pid: int) -> tuple[int, int, int, int] | None:
    """(parent, rss bytes, own CPU ticks, CPU ticks of waited-for children) of one process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    utime, stime, cutime, cstime = (int(f) for f in fields[11:15])
    return int(fields[1]), int(fields[21]) * PAGE, utime + stime, cutime + cstime


def tree_sample(root: int) -> tuple[float, float]:
    """(RSS bytes, CPU seconds) of ``root`` and its descendants; children that have ended count
    through the CPU time their parents collected."""
    stats = {pid: s for pid in (int(p) for p in os.listdir("/proc") if p.isdigit()) if (s := _stat(pid))}
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, s in stats.items() if s[0] in tree} - tree
        tree |= more
        grew = bool(more)
    live = [stats[pid] for pid in tree if pid in stats]
    rss = sum(s[1] for s in live)
    cpu = sum(s[2] for s in live) + (stats[root][3] if root in stats else 0)
    return rss, cpu / TICK


class Sampler(threading.Thread):
    """Samples a process tree until it ends: (time, RSS bytes, CPU seconds)."""

    def __init__(self, process: subprocess.Popen):
        super().__init__(daemon=True)
        self.process, self.samples = process, []

    def run(self) -> None:
        while self.process.poll() is None:
            rss, cpu = tree_sample(self.process.pid)
            self.samples.append((time.time(), rss, cpu))
            time.sleep(SAMPLE_SECONDS)

    def between(self, start: float, end: float) -> tuple[float, float]:
        """(CPU seconds, peak RSS MiB) within [start, end]."""
        inside = [s for s in self.samples if start <= s[0] <= end] or [min(self.samples, key=lambda s: abs(s[0] - end))]
        before = [s for s in self.samples if s[0] <= start]
        cpu_start = before[-1][2] if before else 0.0
        return max(s[2] for s in inside) - cpu_start, max(s[1] for s in inside) / 2**20


def run_measured(command: list[str], env: dict, log: Path) -> tuple[Sampler, float, float]:
    with log.open("w") as out:
        started = time.time()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = Sampler(process)
        sampler.start()
        process.wait()
        sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command[2:])} failed (exit {process.returncode}); see {log}")
    return sampler, started, time.time()


# --- the stages --------------------------------------------------------------------------------


def _figures(value) -> str:
    if isinstance(value, list):
        return " ".join(_figures(v) for v in value)
    return f"{value:,.2f}" if isinstance(value, float) else str(value)


def warm(landing: Path) -> None:
    """Read every landing file once, so that the build and the baselines after it find them in
    the page cache alike (a file an office has just copied into the share is there too)."""
    for path in landing.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                while f.read(1 << 24):
                    pass


def welfare(*args: str) -> list[str]:
    return [sys.executable, "-m", "orchestration.cli", *args]


def step_windows(config: settings.Settings) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """Each step of the latest run: (start, end), and the rows read per ingestion step."""
    from dagster import DagsterEventType

    windows, rows = {}, {}
    with build.instance(config) as instance:
        run = instance.get_runs(limit=1)[0]
        for entry in instance.all_logs(run.run_id):
            event = entry.dagster_event
            if event is None or not entry.step_key:
                continue
            if event.event_type == DagsterEventType.STEP_START:
                windows[entry.step_key] = (entry.timestamp, entry.timestamp)
            elif event.event_type in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE):
                windows[entry.step_key] = (windows[entry.step_key][0], entry.timestamp)
            elif event.event_type == DagsterEventType.ASSET_MATERIALIZATION:
                read = event.event_specific_data.materialization.metadata.get("rows_read")
                if read is not None:
                    rows[entry.step_key] = read.value
    return windows, rows


def stage_of(step: str) -> str:
    """The stage a Dagster step belongs to, from its name."""
    name = step.removeprefix("raw__")
    if name in SOURCES:
        return f"ingest {name}"
    if step.endswith("_gx_suite"):
        return "checks (GX)"
    if step.startswith("welfare_dbt"):
        return "dbt (with its tests and disclosure control)"
    if step == "datasette_release":
        return "publish"
    return "dimensions and records"


def build_stages(config: settings.Settings, sampler: Sampler) -> list[Stage]:
    """The build's stages in the order they started, ingestion's per source and in all."""
    windows, rows = step_windows(config)
    grouped: dict[str, list[str]] = {}
    for step in sorted(windows, key=lambda step: windows[step][0]):
        grouped.setdefault(stage_of(step), []).append(step)
    grouped["ingest (all sources)"] = [step for step in windows if stage_of(step).startswith("ingest ")]
    stages = []
    for name, steps in grouped.items():
        usage = [sampler.between(*windows[step]) for step in steps]
        stages.append(
            Stage(
                name,
                sum(windows[step][1] - windows[step][0] for step in steps),
                sum(cpu for cpu, _ in usage),
                max(peak for _, peak in usage),
                sum(rows.get(step, 0) for step in steps) or None,
            )
        )
    return stages


# --- the baselines -----------------------------------------------------------------------------


def plain_transcode(source: Path, target: Path, encoding: str) -> None:
    """The least any reader of a non-UTF-8 file must do: decode it, write it as UTF-8."""
    with source.open(encoding=encoding, newline="") as src, target.open("w", encoding="utf-8", newline="") as out:
        while chunk := src.read(1 << 24):
            out.write(chunk)


def timed(work) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


# As text, and past the demo's planted faults (two records on a line, a line in another encoding),
# which ingestion quarantines: DuckDB skips what it cannot read.
TOLERANT = "all_varchar = true, strict_mode = false, null_padding = true, ignore_errors = true"


INGEST_REPEATS = 2  # ingestion alone and DuckDB beside it, alternately, as for dbt below


def csv_baseline(config: settings.Settings, scratch: Path, stages: list[Stage]) -> dict:
    """DuckDB's own CSV reader on the largest landing CSV, beside this project's ingestion of it:
    the file alone, read, checked and committed, in an empty warehouse, alternately with the
    transcoding and DuckDB's load ``INGEST_REPEATS`` times (the best of each compared); and the
    wall time of its source's stage in the full build."""
    largest = max(config.landing_dir.rglob("*.csv"), key=lambda p: p.stat().st_size)
    in_build = next(s.wall_s for s in stages if s.name == f"ingest {largest.parent.name}")
    utf8 = scratch / "largest.csv"
    encoding = sniff.encoding(largest)
    read = f"read_csv('{utf8}', {TOLERANT})"
    plain, load_as_text, alone = [], [], []
    for _ in range(INGEST_REPEATS):
        plain.append(timed(lambda: plain_transcode(largest, utf8, encoding))[0])
        load_as_text.append(_load_as_text(read))
        alone.append(_ingest_alone(config, largest, scratch))
    con = duckdb.connect()
    con.execute("SET memory_limit = ?", [settings.duckdb_memory_limit()])
    count_s, rows = timed(lambda: con.execute(f"SELECT count(*) FROM {read}").fetchall())
    # The file as it lies: DuckDB takes TIS-620 for Latin-1 (wrong characters, right cells).
    as_is = "latin-1" if encoding == "cp874" else "utf-8"
    in_place_s, _ = timed(
        lambda: con.execute(f"CREATE TABLE u AS SELECT * FROM read_csv('{largest}', {TOLERANT}, encoding = '{as_is}')")
    )
    (loaded_in_place,) = con.execute("SELECT count(*) FROM u").fetchone()
    con.close()
    into_file_s, _ = timed(lambda: _load_into_file(scratch / "baseline.duckdb", read))
    utf8.unlink()
    rows = rows[0][0]
    duckdb_s = min(plain) + min(load_as_text)
    return {
        "file": largest.relative_to(config.landing_dir).as_posix(),
        "encoding": encoding,
        "bytes": largest.stat().st_size,
        "rows": rows,
        "plain_transcode_s": plain,
        "duckdb_load_as_text_s": load_as_text,
        "ingestion_alone_s": alone,
        "ratio_to_plain_transcode_and_duckdb_load": min(alone) / duckdb_s,
        "ingestion_in_the_build_s": in_build,
        "ratio_in_the_build": in_build / duckdb_s,
        "ingestion_rows_per_s": rows / min(alone),
        "duckdb_rows_per_s": rows / min(load_as_text),
        "duckdb_count_s": count_s,
        "duckdb_rows_loaded_in_place": loaded_in_place,
        "duckdb_load_in_place_s": in_place_s,
        "duckdb_load_into_file_s": into_file_s,
        "ratio_to_duckdb_load_into_file": min(alone) / into_file_s,
    }


def _load_as_text(read: str) -> float:
    """DuckDB's load of the transcoded file as text, in memory: seconds."""
    with duckdb.connect() as con:
        con.execute("SET memory_limit = ?", [settings.duckdb_memory_limit()])
        seconds, _ = timed(lambda: con.execute(f"CREATE TABLE t AS SELECT * FROM {read}"))
        (loaded,) = con.execute("SELECT count(*) FROM t").fetchone()
    print(f"DuckDB loaded {loaded:,} rows as text in {seconds:.1f} s", flush=True)
    return seconds


def _ingest_alone(config: settings.Settings, path: Path, scratch: Path) -> float:
    """This project's ingestion of one landing file, as its source's step loads it, into an empty
    warehouse holding the areas it checks against: seconds from reading it to its commit and
    the database's close (a checkpoint, as at the end of the step)."""
    database, source = scratch / "alone.duckdb", SOURCES[path.parent.name]
    con = duckdb.connect(str(database))
    con.execute("SET memory_limit = ?", [settings.duckdb_memory_limit()])
    con.execute("SET temp_directory = ?", [str(scratch / "spill")])
    sql_functions.register(con, settings.hmac_key())
    load.prepare(con)
    dimensions.write_areas(con)
    started = time.perf_counter()
    record = load.load_file(
        con, source, path, path.relative_to(config.landing_dir).as_posix(), date.today(), scratch / "work"
    )
    con.close()
    seconds = time.perf_counter() - started
    database.unlink()
    read, accepted = record.rows_read, record.rows_accepted
    print(f"ingestion alone: {read:,} rows read, {accepted:,} accepted in {seconds:.1f} s", flush=True)
    return seconds


def _load_into_file(database: Path, read: str) -> None:
    """Load as text into a database file, committed and checkpointed, as ingestion stores."""
    with duckdb.connect(str(database)) as con:
        con.execute("SET memory_limit = ?", [settings.duckdb_memory_limit()])
        con.execute(f"CREATE TABLE t AS SELECT * FROM {read}")
    database.unlink()


def dbt_command_s(config: settings.Settings) -> float:
    """The wall time of the ``dbt build`` command itself in the latest run, between dagster-dbt's
    messages as it starts dbt and once dbt has ended (the step around it also fingerprints the
    inputs and records dbt's tests in the audit trail)."""
    marks = {}
    with build.instance(config) as instance:
        run = instance.get_runs(limit=1)[0]
        for entry in instance.all_logs(run.run_id):
            message = entry.user_message or ""
            for mark in ("Running dbt command", "Finished dbt command"):
                if message.startswith(mark) and " build " in message:
                    marks[mark] = entry.timestamp
    return marks["Finished dbt command"] - marks["Running dbt command"]


DBT_REPEATS = 3  # the bare SQL and dbt alone, alternately: the machine's speed drifts within minutes


def _bare_sql(copy: Path, artifacts: Path) -> tuple[int, float]:
    """The SQL of every model and test dbt ran (``artifacts``: that run's), run bare on ``copy``
    in the order dbt finished them: (nodes, seconds). Timed from opening the database to closing
    it, as dbt's run is: closing writes what was built into the database file (a checkpoint)."""
    manifest = json.loads((artifacts / "manifest.json").read_text())["nodes"]
    results = json.loads((artifacts / "run_results.json").read_text())["results"]
    nodes, started = 0, time.perf_counter()
    con = duckdb.connect(str(copy))
    con.execute("SET memory_limit = ?", [settings.duckdb_memory_limit()])
    con.execute("SET threads = 2")
    for result in results:
        node = manifest.get(result["unique_id"], {})
        sql = result.get("compiled_code")
        if node.get("language") == "python":  # disclosure control, as its model runs it
            earlier = ("intermediate", disclosure.MODEL)  # the build's, as the model reads it
            con.register("hidden", disclosure.hidden_table(con, settings.suppression_threshold(), earlier))
            con.execute(f"CREATE OR REPLACE TABLE {result['relation_name']} AS SELECT * FROM hidden")
        elif node.get("resource_type") == "model":
            kind = "VIEW" if node["config"]["materialized"] == "view" else "TABLE"
            con.execute(f"CREATE OR REPLACE {kind} {result['relation_name']} AS {sql}")
        elif node.get("resource_type") == "test":
            con.execute(f"SELECT count(*) FROM ({sql})").fetchall()
        else:
            continue  # seeds and unit tests: dbt's own work, nothing to compare
        nodes += 1
    con.close()
    return nodes, time.perf_counter() - started


def _dbt_alone(folder: Path) -> tuple[float, float]:
    """``dbt build`` as the build runs it (welfare-dbt, its global flags, the build target, the
    project's partial parse), outside Dagster, on the warehouse in ``folder``: its wall time, and
    how much of it was dbt's own start and end, before its first node and after its last (what
    dbt costs whatever the data: the issue's fixed overhead)."""
    project = dbt_assets.project.project_dir
    target = folder / "target"
    target.mkdir(exist_ok=True)
    shutil.copy(project / "target" / "partial_parse.msgpack", target)
    flags = dbt_assets.cli_resource().global_config_flags
    command = [dbt_assets.DBT_EXECUTABLE, "--quiet", *flags, "build", *dbt_assets.BUILD_ARGS]
    command += ["--target", "build", "--project-dir", str(project), "--profiles-dir", str(project)]
    command += ["--target-path", str(target)]
    env = os.environ | {"WELFARE_DATA_DIR": str(folder)}
    started = time.time()  # the wall clock, as dbt's node timings are
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    ended = time.time()
    first, last = _nodes_span(target / "run_results.json")
    return ended - started, (first - started) + (ended - last)


def _nodes_span(run_results: Path) -> tuple[float, float]:
    """When a dbt run's first node started and its last node ended (Unix time)."""
    timings = [t for r in json.loads(run_results.read_text())["results"] for t in r["timing"]]
    stamps = [datetime.fromisoformat(t[k]).timestamp() for t in timings for k in ("started_at", "completed_at")]
    return min(stamps), max(stamps)


@dataclass(frozen=True)
class DbtRun:
    """What the full build's dbt run left, kept before the incremental build changes it."""

    warehouse: Path  # a copy of the warehouse, under the same name: dbt's SQL names its catalog
    artifacts: Path  # that run's manifest and results
    command_s: float  # the wall time of its ``dbt build`` command


def keep_dbt_run(config: settings.Settings, scratch: Path) -> DbtRun:
    copy = scratch / "bare" / config.warehouse_path.name
    copy.parent.mkdir()
    shutil.copy(config.warehouse_path, copy)
    artifacts = max((p for p in config.dbt_artifacts.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    return DbtRun(copy, artifacts, dbt_command_s(config))


def dbt_baseline(run: DbtRun, dbt_step_s: float) -> dict:
    """dbt's overhead over the SQL it runs, on the full build's warehouse: the SQL of every model
    and test of the build's dbt run, run bare, and the same ``dbt build`` alone, alternately
    ``DBT_REPEATS`` times (the best of each compared), with dbt's own start and end in each;
    beside them, the build's own dbt command and its Dagster step."""
    bare, alone, own = [], [], []
    for _ in range(DBT_REPEATS):
        nodes, seconds = _bare_sql(run.warehouse, run.artifacts)
        bare.append(seconds)
        wall, start_and_end = _dbt_alone(run.warehouse.parent)
        alone.append(wall)
        own.append(start_and_end)
    shutil.rmtree(run.warehouse.parent)
    in_build = run.command_s
    return {
        "nodes": nodes,
        "bare_duckdb_s": bare,
        "dbt_build_alone_s": alone,
        "ratio_dbt_build_to_bare": min(alone) / min(bare),
        "dbt_own_start_and_end_s": own,
        "dbt_build_in_the_build_s": in_build,
        "dbt_step_s": dbt_step_s,
        "ratio_in_the_build_to_bare": in_build / min(bare),
    }


# --- incremental -------------------------------------------------------------------------------

MONTHLY_SOURCE = "social_assistance"  # cases arrive month by month


def incremental(config: settings.Settings, env: dict, logs: Path, full_build_s: float) -> dict:
    """A month of social assistance arrives right after the full build: the build the landing
    sensor starts for it (``welfare build --sources``: the source and what depends on it), beside
    the full build."""
    landing = _own_landing(config)
    rows = _write_next_month(landing, landing / MONTHLY_SOURCE / f"{MONTHLY_SOURCE}_next_month.csv")
    sampler, started, ended = run_measured(welfare("build", "--sources", MONTHLY_SOURCE), env, logs / "incremental.log")
    # Without rows: a source's step reports every file of it, the unchanged ones too.
    stages = [replace(s, rows=None) for s in build_stages(config, sampler)]
    cpu, peak = sampler.between(started, ended)
    stages.append(Stage("whole incremental build", ended - started, cpu, peak))
    print(f"incremental: a month of {MONTHLY_SOURCE} arrives ({rows:,} rows)")
    print_stages(stages)
    print(f"incremental build: {(ended - started) / full_build_s:.1%} of the full build's time (target < 15 %)")
    return {
        "source": MONTHLY_SOURCE,
        "rows": rows,
        "wall_s": ended - started,
        "full_build_s": full_build_s,
        "ratio_to_full_build": (ended - started) / full_build_s,
        "stages": [asdict(s) | {"rows_per_s": s.rows_per_s} for s in stages],
    }


def _own_landing(config: settings.Settings) -> Path:
    """The landing folder, made this build's own if it links to files generated before: a folder
    per source of links to them, so that a new file is not written among the originals."""
    landing = config.landing_dir
    if landing.is_symlink():
        shared = landing.resolve()
        landing.unlink()
        for path in shared.rglob("*"):
            if path.is_file():
                (landing / path.relative_to(shared)).parent.mkdir(parents=True, exist_ok=True)
                (landing / path.relative_to(shared)).symlink_to(path)
        (landing / "manifest.json").unlink()
        shutil.copy(shared / "manifest.json", landing / "manifest.json")
    return landing


def _write_next_month(landing: Path, target: Path) -> int:
    """A month's share of the source's file as new cases (new case numbers, the same columns and
    encoding), listed in the demo manifest as the generator lists its files."""
    manifest = json.loads((landing / "manifest.json").read_text(encoding="utf-8"))
    name, entry = next((n, f) for n, f in manifest["files"].items() if f["source"] == MONTHLY_SOURCE)
    month = entry["rows"] // (12 * len(thai.REPORTING_YEARS))
    encoding = sniff.encoding(landing / name)
    with (
        (landing / name).open(encoding=encoding, newline="") as src,
        target.open("w", encoding=encoding, newline="") as out,
    ):
        out.write(src.readline())
        for _, line in zip(range(month), src, strict=False):
            out.write(f"next-{line}")
    manifest["files"][target.relative_to(landing).as_posix()] = entry | {
        "rows": month,
        "sha256": file_digest(target),
        "faults": [f for f in entry["faults"] if f["row"] <= month + 1],  # those on the lines copied
    }
    (landing / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return month


# --- report ------------------------------------------------------------------------------------


def machine() -> dict:
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(int(meminfo["MemTotal"].split()[0]) / 2**20, 1),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "duckdb_memory_limit": settings.duckdb_memory_limit(),
    }


def print_stages(stages: list[Stage]) -> None:
    print(f"{'stage':<34}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}{'rows':>13}{'rows/s':>11}")
    for s in stages:
        rows = f"{s.rows:,}" if s.rows else ""
        rate = f"{s.rows_per_s:,.0f}" if s.rows_per_s else ""
        print(f"{s.name:<34}{s.wall_s:>9.1f}{s.cpu_s:>9.1f}{s.peak_rss_mib:>10,.0f}{rows:>13}{rate:>11}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", default="60", help="comma-separated codes or 'all'")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--keep", type=Path, help="a folder to build in and keep, instead of a temporary one")
    parser.add_argument("--landing", type=Path, help="demo files generated before (with the same --provinces, --scale)")
    parser.add_argument("--json", type=Path, help="where to write the figures (default: data/bench-….json)")
    args = parser.parse_args()
    scratch = settings.REPO / "data"  # on disk beside the usual data folder, never in the repository
    scratch.mkdir(exist_ok=True)
    args.json = args.json or scratch / f"bench-{args.provinces.replace(',', '-')}-{args.scale}.json"

    with tempfile.TemporaryDirectory(dir=scratch, prefix="bench-") as tmp:
        folder = args.keep or Path(tmp) / "data"
        config = settings.Settings(folder.resolve())
        env = os.environ | {"WELFARE_DATA_DIR": str(config.data_dir)}
        env.pop("WELFARE_HMAC_KEY", None)  # the demo, under the demo key
        logs = Path(tmp)
        report = {"provinces": args.provinces, "scale": args.scale, "machine": machine()}
        print(f"bench: provinces {args.provinces}, scale {args.scale}, in {config.data_dir}", flush=True)

        stages = []
        if args.landing:  # files generated before: the generation is not measured again
            config.data_dir.mkdir(parents=True, exist_ok=True)
            config.landing_dir.symlink_to(args.landing.resolve(), target_is_directory=True)
        else:
            sampler, started, ended = run_measured(
                welfare("demo", "--provinces", args.provinces, "--scale", str(args.scale)), env, logs / "demo.log"
            )
            manifest = json.loads((config.landing_dir / "manifest.json").read_text())
            cpu, peak = sampler.between(started, ended)
            stages.append(
                Stage("generate", ended - started, cpu, peak, sum(f["rows"] for f in manifest["files"].values()))
            )

        warm(config.landing_dir)
        sampler, started, ended = run_measured(welfare("build"), env, logs / "build.log")
        stages += build_stages(config, sampler)
        cpu, peak = sampler.between(started, ended)
        stages.append(Stage("whole build", ended - started, cpu, peak))
        print_stages(stages)
        report["stages"] = [asdict(s) | {"rows_per_s": s.rows_per_s} for s in stages]

        whole = next(s.wall_s for s in stages if s.name == "whole build")
        dbt_run = keep_dbt_run(config, Path(tmp))
        report["incremental"] = incremental(config, env, logs, whole)

        report["csv_baseline"] = csv_baseline(config, Path(tmp), stages)
        dbt_s = next(s.wall_s for s in stages if s.name.startswith("dbt"))
        report["dbt_baseline"] = dbt_baseline(dbt_run, dbt_s)
        for key in ("csv_baseline", "dbt_baseline"):
            print(f"{key}: " + ", ".join(f"{k} {_figures(v)}" for k, v in report[key].items()))

        load_json = Path(tmp) / "load.json"
        subprocess.run(
            [
                sys.executable,
                str(settings.REPO / "scripts" / "load_test.py"),
                "--clients",
                str(args.clients),
                "--seconds",
                str(args.seconds),
                "--json",
                str(load_json),
            ],
            env=env,
        )
        report["load_test"] = json.loads(load_json.read_text()) if load_json.exists() else None
    args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
