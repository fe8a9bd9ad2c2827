"""What a candidate takes from the live release instead of writing and checking it again: every
published table whose rows, and the code and settings that write and check them, are the
release's. A month of one source changes a few tables; the others are copied, their downloads
linked, and their checks stand from the run that made them (``checked_in_run`` in the release's
manifest, for an auditor to find in the audit trail).

A table's digest hashes its published query (the columns and how each is written), the count and
a hash of the rows it gives, and the code and settings. DuckDB hashes the rows where they are:
a second or so for the largest table at national scale.

A table the registry divides into parts (``Model.part``: the indicators of ``indicator_values``,
the sources of ``dq_source_scores``) also has a digest per part. Of a table written again, the
parts whose digests are the live release's are copied from it, and their checks stand from the
run that made them; only the others are written, checked and scanned again.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.metadata.models import Model
from publish import release
from publish.export import published_query

TABLES = "tables"  # the release manifest's entry: per table, its digest and the run that checked it


def _sha256(*parts) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


def digests(con: duckdb.DuckDBPyConnection, model: Model, code: str) -> tuple[str, dict[str, str]]:
    """The table's digest, and each part's if the registry divides it."""
    query, _ = published_query(con, model, ordered=False)  # a sum of hashes needs no order
    part = f'"{model.part}"' if model.part else "NULL"
    # Equal sums of the rows' 64-bit hashes, over rows whose keys are unique, mean equal rows.
    sums = con.execute(f"SELECT {part}, count(*), sum(hash(r)::HUGEINT) FROM ({query}) r GROUP BY 1").fetchall()
    rows = sum(n for _, n, _ in sums)
    hashes = sum(h for _, _, h in sums) if sums else None  # as SQL's sum over no rows
    parts = {value: _sha256(code, query, value, n, h) for value, n, h in sums} if model.part else {}
    return _sha256(code, query, rows, hashes), parts


@dataclass(frozen=True)
class Plan:
    """The candidate's tables: each one's digest, and what the live release already publishes."""

    digests: dict[str, str]
    previous: Path | None  # the live release, if anything is taken from it
    checked_in: dict[str, str]  # run that checked each table taken whole, by table
    parts: dict[str, dict[str, str]]  # each part's digest, by table divided into parts
    parts_checked_in: dict[str, dict[str, str]]  # run that checked each part taken, by table written again
    published: dict  # the live release's entry of every table it publishes

    @property
    def reused(self) -> frozenset[str]:
        return frozenset(self.checked_in)

    @property
    def parts_taken(self) -> dict[str, frozenset[str]]:
        """The parts taken, by table written again."""
        return {table: frozenset(parts) for table, parts in self.parts_checked_in.items()}

    @property
    def runs(self) -> set[str]:
        """The earlier runs whose checks stand for a table or a part of the candidate (those its
        manifest names, but this run)."""
        entries = self.manifest(run_id="")[TABLES].values()
        return {
            run
            for entry in entries
            for run in (entry["checked_in_run"], *(p["checked_in_run"] for p in entry.get("parts", {}).values()))
            if run
        }

    def taken_from(self, name: str) -> tuple[Path | None, frozenset[str]]:
        """The live release's file or folder ``name``, and the tables to take from it whole."""
        return (self.previous / name if self.previous else None), self.reused

    def parts_written(self) -> dict[str, frozenset[str]]:
        """The parts written by this build, by table divided into parts and written again."""
        return {
            table: frozenset(parts) - self.parts_taken.get(table, frozenset())
            for table, parts in self.parts.items()
            if table not in self.checked_in
        }

    def manifest(self, run_id: str) -> dict:
        """The release manifest's entry: a table or part written by this run was checked by it;
        one taken keeps the run that checked it."""
        return {TABLES: {table: self._entry(table, run_id) for table in sorted(self.digests)}}

    def _entry(self, table: str, run_id: str) -> dict:
        if table in self.checked_in:  # taken whole: its parts too, as they were checked
            return self.published[table]
        entry = {"digest": self.digests[table], "checked_in_run": run_id}
        if table in self.parts:
            earlier = self.parts_checked_in.get(table, {})
            parts = self.parts[table].items()
            entry["parts"] = {p: {"digest": d, "checked_in_run": earlier.get(p, run_id)} for p, d in parts}
        return entry


def _published(publish_dir: Path) -> dict:
    """The live release's tables: each one's digest and the run that checked it."""
    return release.live_manifest(publish_dir).get(TABLES, {})


def _checked_in(entry: dict | None, digest: str) -> str | None:
    """The run that checked what the live release's ``entry`` (of a table or a part) describes,
    if its digest is ``digest`` (an entry written before parts kept their runs is a digest alone)."""
    return entry["checked_in_run"] if isinstance(entry, dict) and entry["digest"] == digest else None


def _parts_checked_in(entry: dict | None, parts: dict[str, str]) -> dict[str, str]:
    """The run that checked each part whose digest is that of the live release's part."""
    earlier = (entry or {}).get("parts", {})
    return {part: run for part, d in parts.items() if (run := _checked_in(earlier.get(part), d))}


def _downloads_kept(live: Path, table: str) -> bool:
    """Whether the live release still has the table's downloads (someone may have removed them)."""
    return all((live / release.FILES / f"{table}{suffix}").is_file() for suffix in (".csv", ".parquet"))


def plan(con: duckdb.DuckDBPyConnection, tables: dict[str, Model], publish_dir: Path, code: str) -> Plan:
    computed = {table: digests(con, model, code) for table, model in tables.items()}
    live, entries = release.live_release(publish_dir), _published(publish_dir)
    checked_in = {
        t: run for t, (d, _) in computed.items() if (run := _checked_in(entries.get(t), d)) and _downloads_kept(live, t)
    }
    parts = {t: p for t, (_, p) in computed.items() if p}
    parts_checked_in = {
        t: taken for t, p in parts.items() if t not in checked_in and (taken := _parts_checked_in(entries.get(t), p))
    }
    previous = live if checked_in or parts_checked_in else None
    return Plan({t: d for t, (d, _) in computed.items()}, previous, checked_in, parts, parts_checked_in, entries)


def checked_in(
    con: duckdb.DuckDBPyConnection, model: Model, publish_dir: Path, code: str
) -> tuple[str | None, dict[str, str]]:
    """The run that checked the live release's table of ``model``, if it publishes the same rows
    (the mart's checks need not run again: a difference below the places a number is published
    with is the noise of a parallel sum, not a change); else, of a table divided into parts, the
    run that checked each part it publishes the same."""
    table_digest, parts = digests(con, model, code)
    entry = _published(publish_dir).get(model.name)
    run = _checked_in(entry, table_digest)
    return run, {} if run else _parts_checked_in(entry, parts)
