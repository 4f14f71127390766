"""CSV cells that a spreadsheet would run as formulas, neutralised: in `quotedb export`
and, as an ASGI wrapper, in every CSV the site sends (Datasette writes cells as stored).

A quote, a title or a name can begin with `=`, `+`, `-` or `@` (`=HYPERLINK(...)` in an
article is enough); opened in a spreadsheet, that cell is a formula. An apostrophe in
front makes the spreadsheet show it as text (OWASP's advice); plain numbers are left.
"""

from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value


class CsvRewriter:
    """Rewrites a CSV byte stream record by record; a record may span chunks (and lines)."""

    def __init__(self) -> None:
        self._rest = ""
        self._header_done = False

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        text = self._rest + chunk.decode("utf-8", "surrogateescape")
        cut = len(text) if final else _last_record_end(text)
        self._rest = text[cut:]
        if cut == 0:
            return b""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(text[:cut], newline="")):
            if not self._header_done:
                self._header_done = True
                writer.writerow(row)
            else:
                writer.writerow([spreadsheet_safe(cell) for cell in row])
        return out.getvalue().encode("utf-8", "surrogateescape")


def _last_record_end(text: str) -> int:
    """Just after the last newline outside a quoted field (csv doubles quotes inside one)."""
    quoted, end = False, 0
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted:
            end = i + 1
    return end


def _asks_for_csv(scope) -> bool:
    return scope.get("path", "").endswith(".csv") or b"_format=csv" in scope.get("query_string", b"")


def neutralise_csv(app):
    """ASGI middleware: CSV responses have their cells made spreadsheet-safe."""

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        rewriter: CsvRewriter | None = None

        async def sending(message):
            nonlocal rewriter
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                types = [v for k, v in headers if k.lower() == b"content-type"]
                kind = types[0].split(b";")[0].strip().lower() if types else b""
                # Datasette sends its CSV as text/plain unless asked to download it (_dl)
                if kind == b"text/csv" or (kind == b"text/plain" and _asks_for_csv(scope)):
                    rewriter = CsvRewriter()
                    message = {**message, "headers": [(k, v) for k, v in headers if k.lower() != b"content-length"]}
            elif message["type"] == "http.response.body" and rewriter is not None:
                more = message.get("more_body", False)
                message = {**message, "body": rewriter.feed(message.get("body", b""), final=not more)}
            await send(message)

        await app(scope, receive, sending)

    return wrapped
