"""Command line: ``welfare demo | build | serve | ui | run | spark``.

Every stage can run on its own; ``run`` does demo, build and serve in one go. Files live under
WELFARE_DATA_DIR (default ./data).
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from orchestration import settings
from orchestration.metadata.sources import SOURCES

BIN = Path(sys.executable).parent
EX_TEMPFAIL = 75  # another build holds the lock: try again later


def demo(args) -> None:
    from orchestration.demo.generator import generate

    config = settings.from_environment()
    provinces = args.provinces.split(",") if args.provinces != "all" else None
    if provinces is None:
        import geothai

        provinces = [p.code for p in geothai.provinces()]
    manifest = generate(config.landing_dir, provinces, seed=args.seed, scale=args.scale)
    for name, f in manifest["files"].items():
        print(f"wrote {config.landing_dir / name}: {f['rows']} rows, {len(f['faults'])} planted faults")


def build(args) -> int:
    """Materialise every asset in one Dagster run, recorded where ``welfare ui`` shows it."""
    from orchestration import build as builds
    from orchestration.lock import BuildLock, BuildRunning

    config = settings.from_environment()
    unknown = sorted(set(args.sources.split(",")) - set(SOURCES)) if args.sources else []
    if unknown:
        print(f"no such source: {', '.join(unknown)} (the sources: {', '.join(SOURCES)})", file=sys.stderr)
        return 2
    lock = BuildLock(config.lock_path)
    try:
        lock.acquire(wait=False)
    except BuildRunning as running:
        holder = running.holder
        if not args.wait:
            print(
                f"a build is already running (PID {holder.get('pid')}, started {holder.get('started_at')}); "
                "this one did not start: wait for it, or use 'welfare build --wait'",
                file=sys.stderr,
            )
            return EX_TEMPFAIL
        print(f"waiting for the build running since {holder.get('started_at')} (PID {holder.get('pid')})", flush=True)
        lock.acquire(wait=True)
    try:
        if settings.uses_demo_key():
            print(f"note: {settings.DEMO_KEY_NOTICE}", flush=True)
        return report(builds.run(config, _selected(config, args.sources)), config)
    finally:
        lock.release()


def _selected(config: settings.Settings, sources: str | None):
    """With --sources, only what the landing sensor runs for their new files; else everything."""
    if not sources:
        return None
    from orchestration.automation import affected_assets
    from orchestration.definitions import build as definitions

    graph = definitions(config).get_repository_def().asset_graph
    return affected_assets(graph, sources.split(","))


def report(result, config: settings.Settings) -> int:
    """What the build did, in a few lines: each failed step and check, and what is live."""
    from dagster import AssetCheckSeverity, AssetKey

    from publish import release

    failures = [e for e in result.all_events if e.is_step_failure]
    for e in failures:
        print(f"failed: {e.step_key}: {_failure_text(e.event_specific_data)}", file=sys.stderr)
    checks = [c for c in result.get_asset_check_evaluations() if not c.passed]
    for c in checks:
        kind = "check failed" if c.severity == AssetCheckSeverity.ERROR else "warning"
        print(f"{kind}: {c.asset_key.to_user_string()} › {c.check_name}: {_check_summary(c)}", file=sys.stderr)
    if failures or any(c.severity == AssetCheckSeverity.ERROR for c in checks):
        print("build failed; the live release was not changed (run history: welfare ui)", file=sys.stderr)
        return 1
    live = release.live_release(config.publish_dir)
    if AssetKey("datasette_release") in {m.asset_key for m in result.get_asset_materialization_events()}:
        print(f"build succeeded: published release {live.name} ({config.publish_dir / 'live'})")
    else:
        print(f"build succeeded: no input changed, release {live.name if live else '-'} stays live")
    return 0


def _failure_text(failure) -> str:
    """The asset's own words for a Failure it raised; for any other error, its type and message."""
    if failure.user_failure_data and failure.user_failure_data.description:
        return failure.user_failure_data.description.strip()
    error = failure.error.cause or failure.error  # Dagster wraps the asset's own exception
    return error.message.strip()


def _check_summary(evaluation) -> str:
    """The check's own words (GX: each failed expectation with its counts), or dbt's row count."""
    failed_rows = evaluation.metadata.get("dagster_dbt/failed_row_count")
    parts = [evaluation.description or "", f"{failed_rows.value} row(s) failed" if failed_rows else ""]
    return "; ".join(p for p in parts if p) or "failed"


def generate(args) -> int:
    """Write the files made from the metadata registry (dbt YAML, the code_lists seed, macros)."""
    from orchestration.metadata import generate as generated

    for path in generated.write():
        print(f"wrote {path.relative_to(settings.REPO)}")
    return 0


def fetch_ckan(args) -> int:
    """Fetch a CKAN DataStore resource, every page of it, into a source's landing folder."""
    from orchestration.ingestion import ckan
    from orchestration.metadata.sources import SOURCES

    if args.source not in SOURCES:
        print(f"unknown source {args.source!r}: one of {', '.join(SOURCES)}", file=sys.stderr)
        return 2
    target = settings.from_environment().landing_dir / args.source / f"{args.resource}.json"
    try:
        provenance = ckan.fetch(args.portal, args.resource, target, page_size=args.page_size)
    except ckan.FetchFailed as e:
        print(f"fetch failed: {e}", file=sys.stderr)
        return 1
    print(f"wrote {target} ({provenance['pages']} page(s) from {args.portal}); 'welfare build' loads it")
    return 0


def serve(args) -> int:
    """Serve the live release on 127.0.0.1, following every new release as it is promoted."""
    from publish import release, server

    config = settings.from_environment()
    if release.live_release(config.publish_dir) is None:
        print(f"nothing published yet in {config.publish_dir}: run 'welfare build' first", file=sys.stderr)
        return 1
    print(f"Datasette: http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    server.serve(config.publish_dir, args.port)
    return 0


def ui(args) -> int:
    config = settings.from_environment()
    config.dagster_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DAGSTER_HOME": str(config.dagster_home)}
    return subprocess.call(
        [
            str(BIN / "dagster"),
            "dev",
            "-m",
            "orchestration.definitions",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.port),
        ],
        env=env,
    )


def spark(args) -> int:
    """Build the warehouse's raw data on Spark with the same dbt project (make spark)."""
    from orchestration import spark as on_spark

    config = settings.from_environment()
    if not config.warehouse_path.exists():
        print(f"no warehouse in {config.data_dir}: run 'welfare build' first", file=sys.stderr)
        return 1
    try:
        built = on_spark.build(config)
    except on_spark.SparkBuildFailed as failed:
        print(failed, file=sys.stderr)
        return 1
    for stage, seconds in built.seconds.items():
        print(f"{stage}: {seconds:.1f} s")
    nodes = [r for r in built.results if r.node.resource_type != "operation"]  # not the hooks
    print(f"{len(nodes)} seeds, models and tests passed on Spark")
    return 0


def run(args) -> int:
    demo(args)
    args.wait, args.sources = True, None
    return build(args) or serve(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="welfare", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo_args = argparse.ArgumentParser(add_help=False)
    demo_args.add_argument("--provinces", default="60", help="province codes, comma-separated, or 'all'")
    demo_args.add_argument("--seed", type=int, default=2567)
    demo_args.add_argument("--scale", type=float, default=1.0, help="fraction of realistic source sizes")
    port = argparse.ArgumentParser(add_help=False)
    port.add_argument("--port", type=int, default=8001)
    commands.add_parser("demo", parents=[demo_args], help="write demo landing files").set_defaults(fn=demo)
    build_args = commands.add_parser("build", help="run every asset: ingest, dbt, checks, publish")
    build_args.add_argument("--wait", action="store_true", help="wait for a build already running, then build")
    build_args.add_argument(
        "--sources", help="only these sources (comma-separated) and what depends on them, as for their new files"
    )
    build_args.set_defaults(fn=build)
    commands.add_parser("generate", help="write dbt YAML, seeds and macros from the metadata registry").set_defaults(
        fn=generate
    )
    fetch = commands.add_parser("fetch-ckan", help="fetch a CKAN DataStore resource into the landing folder")
    fetch.add_argument("--portal", required=True, help="the portal's address, e.g. https://data.go.th")
    fetch.add_argument("--resource", required=True, help="the resource id")
    fetch.add_argument("--source", required=True, help="the welfare source it feeds, e.g. population")
    fetch.add_argument("--page-size", type=int, default=10_000)
    fetch.set_defaults(fn=fetch_ckan)
    commands.add_parser("serve", parents=[port], help="serve the published data with Datasette").set_defaults(fn=serve)
    ui_port = argparse.ArgumentParser(add_help=False)
    ui_port.add_argument("--port", type=int, default=3000)
    commands.add_parser("ui", parents=[ui_port], help="open the Dagster UI").set_defaults(fn=ui)
    commands.add_parser("run", parents=[demo_args, port], help="demo, build and serve").set_defaults(fn=run)
    commands.add_parser("spark", help="build the loaded data on Apache Spark (needs make spark)").set_defaults(fn=spark)
    args = parser.parse_args(argv)
    return args.fn(args) or 0


if __name__ == "__main__":
    sys.exit(main())
