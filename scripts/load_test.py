"""A bounded load test of the portal on 127.0.0.1: CLIENTS readers at once for SECONDS, each asking
in turn for the home page, indicator and area pages and their JSON, as fast as answers come.
Prints requests, errors and latency percentiles, overall and per kind of page.

    python scripts/load_test.py [--clients 20] [--seconds 60] [--json figures.json]

It serves the live release of WELFARE_DATA_DIR (``data/`` by default) with ``welfare serve`` on a
free port, building the one-province demo first if nothing is published yet.
"""

import argparse
import asyncio
import contextlib
import json
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from orchestration import settings
from publish import release

TARGET_P95_MS = 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _welfare(*args: str) -> list[str]:
    return [sys.executable, "-m", "orchestration.cli", *args]


def urls(base: str) -> list[tuple[str, str]]:
    """(kind, path) for every page of the portal's main kinds and the JSON behind them."""
    with httpx.Client(base_url=base) as client:
        codes = [r["indicator_code"] for r in client.get("/welfare/dim_indicators.json?_shape=array").json()]
        sql = "select distinct area_code from indicator_values where area_level in ('province', 'district')"
        areas = [r["area_code"] for r in client.get("/welfare.json", params={"sql": sql, "_shape": "array"}).json()]
        year = max(r["fiscal_year"] for r in client.get("/welfare/dim_fiscal_years.json?_shape=array").json())
    return [
        ("home", "/"),
        *(("indicator page", f"/indicators/{c}") for c in codes),
        *(("indicator page", f"/indicators/{c}?area={a}") for c in codes for a in areas[:3]),
        *(("area page", f"/areas/{a}") for a in areas),
        *(("indicator json", f"/welfare/indicator_values.json?indicator_code={c}&area_code={areas[0]}") for c in codes),
        *(("area json", f"/welfare/all_indicators_for_an_area.json?area_code={a}&fiscal_year={year}") for a in areas),
    ]


async def reader(client: httpx.AsyncClient, paths, offset: int, deadline: float, results: list) -> None:
    i = offset
    while time.monotonic() < deadline:
        kind, path = paths[i % len(paths)]
        started = time.perf_counter()
        try:
            ok = (await client.get(path)).status_code == 200
        except httpx.HTTPError:
            ok = False
        results.append((kind, (time.perf_counter() - started) * 1000, ok))
        i += 1


async def readers(base: str, paths, clients: int, seconds: float, results: list) -> None:
    """``clients`` readers at once, each with a client of its own, all made before the clock
    starts: making one takes 30–40 ms of this process, which would be counted in the first requests."""
    headers = {"accept-encoding": "gzip"}
    async with contextlib.AsyncExitStack() as stack:
        made = [
            await stack.enter_async_context(httpx.AsyncClient(base_url=base, timeout=30, headers=headers))
            for _ in range(clients)
        ]
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(reader(c, paths, i * 7, deadline, results) for i, c in enumerate(made)))


def _percentile(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def summary(results: list, seconds: float) -> list[dict]:
    """Per kind of page, then for all: requests, requests/s, errors and latency percentiles."""
    rows = []
    for kind in [*sorted({k for k, _, _ in results}), "all"]:
        times = [ms for k, ms, _ in results if kind in ("all", k)]
        rows.append(
            {
                "kind": kind,
                "requests": len(times),
                "requests_per_s": len(times) / seconds,
                "errors": sum(not ok for k, _, ok in results if kind in ("all", k)),
                **{f"p{p}_ms": _percentile(times, p) for p in (50, 95, 99)},
                "max_ms": max(times),
            }
        )
    return rows


def report(rows: list[dict]) -> None:
    print(f"{'kind':<16}{'requests':>10}{'req/s':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for r in rows:
        print(
            f"{r['kind']:<16}{r['requests']:>10}{r['requests_per_s']:>8.0f}{r['errors']:>8}"
            f"{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['max_ms']:>9.1f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", type=Path, help="also write the figures here, as JSON")
    args = parser.parse_args()
    config = settings.from_environment()
    if release.live_release(config.publish_dir) is None:
        subprocess.run(_welfare("demo"), check=True)
        subprocess.run(_welfare("build"), check=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(_welfare("serve", "--port", str(port)), stdout=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                httpx.get(f"{base}/-/versions.json")
                break
            except httpx.ConnectError:
                time.sleep(0.5)
        paths = urls(base)
        print(f"{args.clients} clients for {args.seconds:.0f} s over {len(paths)} addresses on {base}")
        results: list = []
        asyncio.run(readers(base, paths, args.clients, args.seconds, results))
        rows = summary(results, args.seconds)
        report(rows)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1) + "\n")
        p95, errors = rows[-1]["p95_ms"], rows[-1]["errors"]
        print(f"p95 {p95:.1f} ms (target < {TARGET_P95_MS} ms), errors {errors}")
        return 0 if p95 < TARGET_P95_MS and errors == 0 else 1
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
