"""Command line: ``welfare demo | build | serve | ui | run``.

Every stage can run on its own; ``run`` does demo, build and serve in one go. Files live under
WELFARE_DATA_DIR (default ./data).
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

from orchestration import settings

BIN = Path(sys.executable).parent


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

    config = settings.from_environment()
    result = builds.run(config)
    failed = [e for e in result.all_events if e.is_step_failure]
    for e in failed:
        error = e.event_specific_data.error
        cause = error.cause or error  # Dagster wraps the asset's own exception
        print(f"failed: {e.step_key}: {cause.message.strip()}", file=sys.stderr)
    if failed:
        print("build failed; nothing new was published (run history: welfare ui)", file=sys.stderr)
        return 1
    print(f"build succeeded: published {config.publish_dir / 'live' / 'welfare.db'}")
    return 0


def fetch_ckan(args) -> int:
    """Fetch a CKAN DataStore resource, every page of it, into a source's landing folder."""
    from orchestration.ingestion import ckan
    from orchestration.ingestion.contracts import CONTRACTS

    if args.source not in CONTRACTS:
        print(f"unknown source {args.source!r}: one of {', '.join(CONTRACTS)}", file=sys.stderr)
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
    config = settings.from_environment()
    live = config.publish_dir / "live"
    if not (live / "welfare.db").exists():
        print(f"nothing published yet in {live}: run 'welfare build' first", file=sys.stderr)
        return 1
    print(f"Datasette: http://127.0.0.1:{args.port}/  (Ctrl+C to stop)", flush=True)
    return subprocess.call([str(BIN / "datasette"), "serve", str(live / "welfare.db"),
                            "--metadata", str(live / "metadata.json"),
                            "--host", "127.0.0.1", "--port", str(args.port)])


def ui(args) -> int:
    config = settings.from_environment()
    config.dagster_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DAGSTER_HOME": str(config.dagster_home)}
    return subprocess.call([str(BIN / "dagster"), "dev", "-m", "orchestration.definitions",
                            "--host", "127.0.0.1", "--port", str(args.port)], env=env)


def run(args) -> int:
    demo(args)
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
    commands.add_parser("build", help="run every asset: ingest, dbt, checks, publish").set_defaults(fn=build)
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
    args = parser.parse_args(argv)
    return args.fn(args) or 0


if __name__ == "__main__":
    sys.exit(main())
