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

    import time

    started = time.monotonic()
    try:
        summary = run_build(paths or ("raw",), db_path, text_column=text_column, progress=True, on_error=report, jobs=jobs)
    except (FileNotFoundError, UnusableDatabase, WorkerDied) as exc:
        raise click.ClickException(str(exc)) from exc
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: {db_path} keeps what was committed and is consistent; "
                   "run the build again to finish", err=True)
        raise SystemExit(130) from None
    click.echo(summary.line())
    serve = "quotedb serve" + ("" if db_path == "quotes.db" else f" --db {db_path}")
    click.echo(f"Built {db_path} in {time.monotonic() - started:.1f} s. To browse it: {serve}, then open http://127.0.0.1:8001/")
    if summary.failed:
        raise SystemExit(1)


def _datasette_setting(ctx, param, values):
    """`--setting NAME VALUE` pairs checked against Datasette's own list, as `datasette --setting` does."""
    from datasette.app import DEFAULT_SETTINGS

    settings = {}
    for name, value in values:
        if name not in DEFAULT_SETTINGS:
            raise click.BadParameter(f"{name!r} is not a Datasette setting (see `datasette --help-settings`)")
        default = DEFAULT_SETTINGS[name]
        try:
            if isinstance(default, bool):
                if value.lower() not in ("on", "off", "true", "false", "1", "0"):
                    raise ValueError
                settings[name] = value.lower() in ("on", "true", "1")
            elif isinstance(default, int):
                settings[name] = int(value)
            else:
                settings[name] = value
        except ValueError:
            raise click.BadParameter(f"{name} takes {'on or off' if isinstance(default, bool) else 'a number'}, not {value!r}") from None
    return settings


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-h", "--host", default="127.0.0.1", show_default=True, help="Interface to bind; 0.0.0.0 to publish on the network.")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option("--immutable/--mutable", default=True,
              help="Read-only, the default: faster and cacheable. --mutable while rebuilding the database.")
@click.option("--setting", "settings", multiple=True, type=(str, str), callback=_datasette_setting, metavar="NAME VALUE",
              help="A Datasette setting, as `datasette --setting` takes it (repeatable): e.g. --setting sql_time_limit_ms 3000.")
def serve(db_path: str, host: str, port: int, immutable: bool, settings: dict) -> None:
    """Browse, search and export the database in Datasette, with the site's plugin.

    The same site as `datasette DB -i --setting suggest_facets off`; the port is checked
    before anything starts.
    """
    import asyncio

    import uvicorn

    from quotedb.site.publish import make_datasette

    _check_current(db_path)
    _check_port(host, port)
    ds = make_datasette(db_path, immutable=immutable, settings=settings)
    asyncio.run(ds.invoke_startup())
    click.echo(f"Serving {db_path} ({'read-only' if immutable else 'mutable'}) at http://{host}:{port}/ — Ctrl-C to stop")
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")


def _check_port(host: str, port: int) -> None:
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise click.ClickException(f"cannot serve on {host}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise click.ClickException(
                f"port {port} on {host} is not free ({exc.strerror}); choose another with --port") from exc


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


_DATE = click.DateTime(["%Y-%m-%d"])


def _filters(since, until, kinds):
    from quotedb.export import Filters

    if since and until and since > until:
        raise click.BadParameter(f"--since {since:%Y-%m-%d} is after --until {until:%Y-%m-%d}")
    return Filters(since and f"{since:%Y-%m-%d}", until and f"{until:%Y-%m-%d}", tuple(kinds))


def _filter_options(command):
    command = click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "mixed", "indirect"]),
                           help="Only quotes of this kind (repeatable); every kind when not given.")(command)
    command = click.option("--until", type=_DATE, help="Only quotes from articles published on or before this day (YYYY-MM-DD).")(command)
    command = click.option("--since", type=_DATE, help="Only quotes from articles published on or after this day (YYYY-MM-DD).")(command)
    return command


@cli.command()
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--speaker", help="Export this speaker's quotes (name as shown on the site; case does not matter).")
@click.option("--all-speakers", "folder", type=click.Path(file_okay=False), help="Write one file per speaker into this folder.")
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True)
@_filter_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-", help="File to write (default: standard output).")
def export(db_path: str, speaker: str | None, folder: str | None, fmt: str, since, until, kinds, output) -> None:
    """Export quotes: one speaker's (--speaker), one file per speaker (--all-speakers), or all.

    Columns: date, article_title, url, text, kind, role, organization, event, then the
    provenance: quote_id, speaker, article_id, source, file and row the article was read
    from, start and end offsets into its text, paragraph.
    """
    from quotedb.export import export_all, export_quotes, export_speaker

    if speaker and folder:
        raise click.UsageError("give one of --speaker NAME or --all-speakers DIR, not both")
    filters = _filters(since, until, kinds)
    _check_current(db_path)
    if folder:
        written = export_all(db_path, folder, fmt=fmt, filters=filters)
        click.echo(f"Wrote {len(written)} files ({sum(written.values())} quotes) to {folder}", err=True)
        return
    try:
        if speaker:
            count = export_speaker(db_path, speaker, output, fmt=fmt, filters=filters)
        else:
            count = export_quotes(db_path, output, fmt=fmt, filters=filters)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} quotes", err=True)


@cli.command()
@click.argument("text")
@click.option("--db", "db_path", default="quotes.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-n", "--limit", default=20, show_default=True, type=click.IntRange(min=1), help="How many quotes, best matches first.")
@click.option("--raw", is_flag=True, help="Read TEXT as an FTS5 query (AND, OR, NOT, \"phrases\", prefix*); otherwise it is taken as plain words.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "csv", "json", "jsonl"]), default="text", show_default=True)
def search(text: str, db_path: str, limit: int, raw: bool, fmt: str) -> None:
    """Full-text search of the quotes: who said TEXT, where and when.

    Anything a person types works ("counter-terrorism", "China's", "U.S."); the text
    format shows each quote with its speaker, date, source and id (its page is
    /DB/quotes/ID on the site).
    """
    import sys

    from quotedb.export import COLUMNS, connect, search_rows, write_rows

    if not text.strip():
        raise click.BadParameter("give some words to search for", param_hint="TEXT")
    _check_current(db_path)
    with connect(db_path) as conn:
        try:
            rows = search_rows(conn, text, limit=limit, raw=raw)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    if fmt != "text":
        write_rows(rows, sys.stdout, fmt)
        return
    for row in rows:
        q = dict(zip(COLUMNS, row))
        said = ", ".join(p for p in (q["speaker"] or "unattributed", q["role"]) if p)
        where = ", ".join(p for p in (q["date"] or "undated", q["source"], q["article_title"]) if p)
        click.echo(f"[{q['quote_id']}] {said} — {where}\n    {q['text']}")
    click.echo(f"{len(rows)} quote{'s' if len(rows) != 1 else ''} match {text!r}" + (f" (the best {limit})" if len(rows) == limit else ""), err=True)


def _check_current(db_path: str) -> None:
    from quotedb.store.migrate import UnusableDatabase, check_current

    try:
        check_current(db_path)
    except UnusableDatabase as exc:
        raise click.ClickException(str(exc)) from exc


from quotedb.evaluate import eval_command  # noqa: E402

cli.add_command(eval_command)
