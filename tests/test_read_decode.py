"""Decoding: accepted encodings are read exactly; anything else is a clear error."""

from __future__ import annotations

import codecs
from pathlib import Path

from quotedb.model import Article, ReadError
from quotedb.read import read_paths
from quotedb.read.limits import MAX_ARTICLE_BYTES

SAMPLE = "\u201cWe will not wait,\u201d said Lena\u00a0Ortiz \u2014 the chair \u2013 on Friday.\n"


def read_one(path: Path):
    (item,) = read_paths([path])
    return item


def test_nbsp_curly_quotes_and_dashes_are_kept_exactly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    article = read_one(path)
    assert article.text == SAMPLE
    assert article.text.encode("utf-8") == path.read_bytes()


def test_utf8_bom_is_removed_from_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    article = read_one(path)
    assert article.text == SAMPLE and not article.warnings


def test_utf16_with_bom_is_decoded(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.encode("utf-16"))
    assert read_one(path).text == SAMPLE


def test_cp1252_fallback_warns_naming_the_file(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("\u201cWe will not wait,\u201d said Ren\u00e9e.\n".encode("cp1252"))
    article = read_one(path)
    assert article.text == "\u201cWe will not wait,\u201d said Ren\u00e9e.\n"
    assert len(article.warnings) == 1 and str(path) in article.warnings[0] and "cp1252" in article.warnings[0]


def test_binary_file_is_an_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    error = read_one(path)
    assert isinstance(error, ReadError) and error.origin == str(path) and "binary" in error.message


def test_control_characters_without_nul_are_binary(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(bytes(range(1, 9)) * 50)
    assert "binary" in read_one(path).message


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_one(path) == ReadError(str(path), "empty file")


def test_whitespace_only_file_is_an_empty_file_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\r\n  \n")
    assert "empty file" in read_one(path).message


def test_bytes_invalid_in_every_encoding_are_an_error(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"The mayor said \x81\x8d no.\n")
    error = read_one(path)
    assert isinstance(error, ReadError) and "not valid in any accepted encoding" in error.message


def test_truncated_utf16_is_an_error(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("The mayor said no.".encode("utf-16") + b"\x41")
    assert isinstance(read_one(path), ReadError)


def test_50_mb_single_line_file_is_too_large_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"The tide came in. " * (50 * 1024 * 1024 // 18))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    error = read_one(path)
    assert isinstance(error, ReadError) and error.message.startswith("too large") and error.origin == str(path)


def test_file_at_the_size_limit_still_loads(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"a" * MAX_ARTICLE_BYTES)
    assert isinstance(read_one(path), Article)
