"""What a candidate takes from the live release instead of writing and checking it again: every
published table whose rows, and the code and settings that write and check them, are the
release's. A month of one source changes a few tables; the others are copied, their downloads
linked, and their checks stand from the run that made them (``checked_in_run`` in the release's
manifest, for an auditor to find in the audit trail).

A table's digest hashes its published query (the columns and how each is written), the count and
a hash of the rows it gives, and the code and settings. DuckDB hashes the rows where they are:
a second or so for the largest table at national scale.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.metadata.models import Model
from publish import release
from publish.export import published_query

TABLES = "tables"  # the release manifest's entry: per table, its digest and the run that checked it


def digest(con: duckdb.DuckDBPyConnection, model: Model, code: str) -> str:
    query, _ = published_query(con, model)
    # Equal sums of the rows' 64-bit hashes, over rows whose keys are unique, mean equal rows.
    rows, hashes = con.execute(f"SELECT count(*), sum(hash(r)::HUGEINT) FROM ({query}) r").fetchone()
    return hashlib.sha256(f"{code}\0{query}\0{rows}\0{hashes}".encode()).hexdigest()


@dataclass(frozen=True)
class Plan:
    """The candidate's tables: each one's digest, and those the live release already publishes."""

    digests: dict[str, str]
    previous: Path | None  # the live release, if a table is taken from it
    checked_in: dict[str, str]  # run that checked each table taken, by table

    @property
    def reused(self) -> frozenset[str]:
        return frozenset(self.checked_in)

    def taken_from(self, name: str) -> tuple[Path | None, frozenset[str]]:
        """The live release's file or folder ``name``, and the tables to take from it."""
        return (self.previous / name if self.previous else None), self.reused

    def manifest(self, run_id: str) -> dict:
        """The release manifest's entry: a table written by this run was checked by it."""
        return {
            TABLES: {
                table: {"digest": d, "checked_in_run": self.checked_in.get(table, run_id)}
                for table, d in sorted(self.digests.items())
            }
        }


def _published(publish_dir: Path) -> dict:
    """The live release's tables: each one's digest and the run that checked it."""
    return release.live_manifest(publish_dir).get(TABLES, {})


def _checked_in(published: dict, table: str, table_digest: str) -> str | None:
    entry = published.get(table)
    return entry["checked_in_run"] if entry and entry["digest"] == table_digest else None


def _downloads_kept(live: Path, table: str) -> bool:
    """Whether the live release still has the table's downloads (someone may have removed them)."""
    return all((live / release.FILES / f"{table}{suffix}").is_file() for suffix in (".csv", ".parquet"))


def plan(con: duckdb.DuckDBPyConnection, tables: dict[str, Model], publish_dir: Path, code: str) -> Plan:
    digests = {table: digest(con, model, code) for table, model in tables.items()}
    live, published = release.live_release(publish_dir), _published(publish_dir)
    checked_in = {
        t: run for t, d in digests.items() if (run := _checked_in(published, t, d)) and _downloads_kept(live, t)
    }
    return Plan(digests, live if checked_in else None, checked_in)


def checked_in(con: duckdb.DuckDBPyConnection, model: Model, publish_dir: Path, code: str) -> str | None:
    """The run that checked the live release's table of ``model``, if it publishes the same rows
    (the mart's checks need not run again: a difference below the places a number is published
    with is the noise of a parallel sum, not a change)."""
    return _checked_in(_published(publish_dir), model.name, digest(con, model, code))
