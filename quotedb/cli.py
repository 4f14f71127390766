"""The `quotedb` command: a thin click layer; the work is done in plain functions elsewhere."""

from __future__ import annotations

import click

from quotedb import __version__


@click.group()
@click.version_option(__version__, prog_name="quotedb")
def cli() -> None:
    """Build, search and publish a database of who said what in news articles."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database to create or update.")
@click.option("--text-column", help="For CSV/JSON corpora: the column holding the article text.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes extracting quotes [default: number of cores].")
def build(paths: tuple[str, ...], db_path: str, text_column: str | None, jobs: int | None) -> None:
    """Read articles from PATHS (default: raw/), extract quotes, and store them in the database.

    Unchanged files are skipped; changed files replace their articles' rows. Exits 1 if
    any file or article failed (each failure is named on stderr); the rest still load.
    """
    from quotedb.build import build as run_build
    from quotedb.parallel import WorkerDied
    from quotedb.store.migrate import UnusableDatabase

    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    try:
        summary = run_build(paths or ("raw",), db_path, text_column=text_column, progress=True, on_error=report, jobs=jobs)
    except (FileNotFoundError, UnusableDatabase, WorkerDied) as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: {db_path} keeps what was committed and is consistent; "
                   "run the build again to finish", err=True)
        raise SystemExit(130) from None
    click.echo(summary.line())
    if summary.failed:
        raise SystemExit(1)


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Interface to bind; 0.0.0.0 to publish on the network.")
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("-i", "--immutable/--mutable", default=True, show_default=True, help="Serve the file read-only (faster, cacheable); --mutable while rebuilding.")
def serve(db_path: str, host: str, port: int, immutable: bool) -> None:
    """Browse, search and export the database in Datasette, with metadata.yml."""
    import asyncio

    import uvicorn

    from quotedb.site.publish import make_datasette

    _check_current(db_path)
    ds = make_datasette(db_path, immutable=immutable)
    asyncio.run(ds.invoke_startup())
    click.echo(f"Serving {db_path} at http://{host}:{port}/")
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--text-column", help="For CSV/JSON corpora: the column holding the article text.")
@click.option("--to", "to", nargs=2, type=(click.Choice(["parquet"]), click.Path(file_okay=False)), metavar="parquet OUT", help="Write Parquet partitions into the folder OUT on a Dask cluster instead of JSON Lines on stdout.")
@click.option("--scheduler", metavar="ADDRESS", help="With --to parquet: a running Dask scheduler (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(min=1), help="With --to parquet and no --scheduler: local worker processes [default: number of cores].")
@click.option("--partition-size", type=click.IntRange(min=1), default=None, help="With --to parquet: rows of a CSV/JSONL (or small files) per partition [default: 2000].")
def extract(paths: tuple[str, ...], text_column: str | None, to: tuple[str, str] | None, scheduler: str | None, workers: int | None, partition_size: int | None) -> None:
    """Print the quotes found in PATHS as JSON Lines, one article a line (no database).

    Offsets index the article text; for a plain-text file that is the decoded file itself.
    Read errors go to stderr and make the exit status 1.

    With `--to parquet OUT`, the articles, quotes and events are written into the folder
    OUT as Parquet, partition by partition, on a Dask cluster; partitions already written
    from the same input are skipped. Load them with `quotedb load OUT --db quotes.db`.
    """
    if to is not None:
        _extract_parquet(paths, to[1], text_column, scheduler, workers, partition_size)
        return
    if scheduler or workers or partition_size:
        raise click.UsageError("--scheduler, --workers and --partition-size go with --to parquet OUT")
    from quotedb.extract import extract as run_extract
    from quotedb.jsonl import dumps
    from quotedb.model import ReadError, Skipped
    from quotedb.read import read_paths

    failed = False
    for item in read_paths(list(paths), text_column=text_column):
        if isinstance(item, ReadError):
            click.echo(f"error: {item}", err=True)
            failed = True
        elif isinstance(item, Skipped):
            click.echo(f"skipped: {item.origin}: {item.reason}", err=True)
        else:
            click.echo(dumps(item, run_extract(item)))
    if failed:
        raise SystemExit(1)


def _need_cluster_extra(command: str) -> None:
    """The cluster path's libraries are an extra: name it instead of an ImportError."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"{command} needs Dask and pyarrow ({exc.name} is not installed): pip install 'quotedb[cluster]'"
        ) from exc


def _extract_parquet(paths, out, text_column, scheduler, workers, partition_size) -> None:
    _need_cluster_extra("quotedb extract --to parquet")
    from quotedb.distributed.partition import PARTITION_SIZE
    from quotedb.distributed.run import extract_to_parquet

    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    summary = extract_to_parquet(
        paths, out, scheduler=scheduler, workers=workers, size=partition_size or PARTITION_SIZE,
        text_column=text_column, on_error=report,
    )
    click.echo(summary.line(), err=True)
    if summary.failed or summary.errors:
        raise SystemExit(1)


@cli.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite database to create or update.")
def load(out: str, db_path: str) -> None:
    """Store the Parquet partitions in OUT (from `quotedb extract --to parquet`) in the database.

    The rows are those `quotedb build` makes from the same files; partitions of files
    loaded before are skipped. Exits 1 if any article, file or partition failed (each is
    named on stderr); the rest still load.
    """
    _need_cluster_extra("quotedb load")
    from quotedb.distributed.load import NotAnExtraction
    from quotedb.distributed.load import load as run_load
    from quotedb.store.migrate import UnusableDatabase

    def report(message: str) -> None:
        click.echo(f"error: {message}", err=True)

    try:
        summary = run_load(out, db_path, on_error=report)
    except (FileNotFoundError, UnusableDatabase, NotAnExtraction) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(summary.line())
    if summary.failed:
        raise SystemExit(1)


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--speaker", help="Export this speaker's quotes (name as shown on the site; case does not matter).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-", help="CSV file to write (default: stdout).")
@click.option("--all-speakers", "folder", type=click.Path(file_okay=False), help="Write one CSV per speaker into this folder.")
def export(db_path: str, speaker: str | None, output, folder: str | None) -> None:
    """Export quotes as CSV: date, article title, url, text, kind, role, organization, event."""
    from quotedb.export import export_all, export_speaker

    if bool(speaker) == bool(folder):
        raise click.UsageError("give exactly one of --speaker NAME or --all-speakers DIR")
    _check_current(db_path)
    if folder:
        written = export_all(db_path, folder)
        click.echo(f"Wrote {len(written)} files ({sum(written.values())} quotes) to {folder}", err=True)
        return
    try:
        count = export_speaker(db_path, speaker, output)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} quotes", err=True)


def _check_current(db_path: str) -> None:
    from quotedb.store.migrate import UnusableDatabase, check_current

    try:
        check_current(db_path)
    except UnusableDatabase as exc:
        raise click.ClickException(str(exc)) from exc


from quotedb.evaluate import eval_command  # noqa: E402

cli.add_command(eval_command)
