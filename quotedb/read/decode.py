"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252 with a warning.

Decoding is strict: a file is either valid in one accepted encoding or refused, so the
stored text is never silently garbled. Large corpora are checked in a streaming pass
before they are opened as text, so a bad byte late in a file cannot surface after
half of its rows have already been yielded.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_SNIFF_BYTES = 8192
_CHUNK_BYTES = 1 << 20
_CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v")
_MAX_CONTROL_SHARE = 0.02


class DecodeFailure(Exception):
    """The file is not text in any accepted encoding; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoding:
    """How to open a file as text, and the warning to attach to what it yields."""

    codec: str
    warning: str | None = None


def decode_bytes(data: bytes, origin: str) -> tuple[str, Decoding]:
    """The text of a whole file held in memory (BOM removed), and how it was decoded."""
    decoding = _choose(lambda: iter((data,)), origin)
    return data.decode(decoding.codec), decoding


def sniff_file(path: str | os.PathLike[str], origin: str) -> Decoding:
    """Decide a file's encoding with one streaming pass, without holding it in memory."""

    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK_BYTES):
                yield chunk

    return _choose(chunks, origin)


def _choose(chunks, origin: str) -> Decoding:
    first = next(chunks(), b"")
    if not first:
        raise DecodeFailure("empty file")
    for bom, codec, name in _BOMS:
        if first.startswith(bom):
            if _scan(chunks(), codec) is not None:
                raise DecodeFailure(f"not valid {name} although it starts with a {name} byte order mark")
            return Decoding(codec)
    if b"\x00" in first[:_SNIFF_BYTES]:
        raise DecodeFailure("binary file (contains NUL bytes)")
    if _scan(chunks(), "utf-8") is None:
        return Decoding("utf-8")
    bad = _scan(chunks(), "cp1252")
    if not isinstance(bad, UnicodeDecodeError):
        return Decoding("cp1252", f"{origin}: not valid UTF-8; decoded as cp1252")
    raise DecodeFailure(
        f"not valid in any accepted encoding (UTF-8, UTF-16, cp1252): byte 0x{bad.object[bad.start]:02x} "
        f"is not a cp1252 character"
    )


def _scan(chunks: Iterator[bytes], codec: str) -> UnicodeDecodeError | None:
    """Decode every chunk: the codec's error if it fails, else None. Raises on empty or binary text."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    sample = ""
    has_text = False
    try:
        for chunk in chunks:
            text = decoder.decode(chunk)
            if len(sample) < _SNIFF_BYTES:
                sample += text[: _SNIFF_BYTES - len(sample)]
            has_text = has_text or not text.isspace() and text != ""
        text = decoder.decode(b"", final=True)
        has_text = has_text or not text.isspace() and text != ""
    except UnicodeDecodeError as e:
        return e
    if not has_text:
        raise DecodeFailure("empty file (only white space)")
    if sample and sum(ch in _CONTROL for ch in sample) > _MAX_CONTROL_SHARE * len(sample):
        raise DecodeFailure("binary file (control characters, not text)")
    return None
