"""An immutable `quotedb serve` refuses to answer from a file rebuilt underneath it.

Datasette opens an immutable database with SQLite's `immutable=1`: no locks, no change
detection, row counts cached. A `quotedb build` writing the same file meanwhile (pages
checkpointed in from its WAL, then the journal mode switched back) leaves that server
reading pages of two versions: wrong counts, wrong rows, or "database disk image is
malformed" (benchmarks/README.md). So each request first compares the file's identity
and modification time with those it was opened with; once they differ, every page is a
503 that says what happened and what to do.
"""

from __future__ import annotations

import os

MESSAGE = ("{path} has changed on disk since quotedb serve opened it read-only (immutable). "
           "Restart quotedb serve to publish the new build, or serve with --mutable while rebuilding.\n")


def signature(path: str) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def refuse_when_rebuilt(datasette, app):
    """ASGI middleware over the app: 503 for every request once an immutable file changed."""
    watched = {db.path: signature(db.path) for db in datasette.databases.values()
               if db.path and not db.is_mutable and not db.is_memory}
    if not watched:
        return app

    async def guarded(scope, receive, send):
        if scope["type"] == "http":
            changed = [path for path, seen in watched.items() if signature(path) != seen]
            if changed:
                body = MESSAGE.format(path=os.path.basename(changed[0])).encode("utf-8")
                await send({"type": "http.response.start", "status": 503,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", b"60"),
                                        (b"cache-control", b"no-store"), (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await app(scope, receive, send)

    return guarded
