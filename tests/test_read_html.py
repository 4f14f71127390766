"""HTML pages: main text without boilerplate, metadata from the page."""

from __future__ import annotations

from pathlib import Path

from quotedb.model import Article, ReadError
from quotedb.read import read_paths

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbour plan approved | The Coastal Ledger</title>
<link rel="canonical" href="https://ledger.example.org/news/harbour-plan">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2021-06-14T08:00:00+02:00">
<meta property="article:section" content="Local">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News desk</a></li><li><a href="/sport">Sport pages</a></li></ul></nav>
<article><h1>Harbour plan approved after long night</h1>
<p>The town council approved the new harbour plan on Monday after a debate that ran past midnight, ending months of argument over the breakwater.</p>
<p>&ldquo;This is the best day for the fishermen in a decade,&rdquo; said Ada Brill, who chairs the council committee.</p>
<p>Opponents said the cost, put at four million euros, would fall on households already struggling with higher rents this winter.</p>
<p>Work on the breakwater is due to start in the spring and to last about two years, the council said in a statement.</p>
</article>
<footer><p>Copyright 2021 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def read_page(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    (item,) = read_paths([path])
    return item


def test_main_text_is_split_into_paragraph_lines(tmp_path):
    article = read_page(tmp_path, PAGE)
    assert isinstance(article, Article)
    lines = article.text.split("\n")
    assert "\u201cThis is the best day for the fishermen in a decade,\u201d said Ada Brill, who chairs the council committee." in lines
    assert lines[-1].startswith("Work on the breakwater")


def test_navigation_and_footer_are_left_out(tmp_path):
    text = read_page(tmp_path, PAGE).text
    assert "Sport pages" not in text and "Copyright" not in text and "Privacy" not in text


def test_page_metadata_is_taken(tmp_path):
    meta = read_page(tmp_path, PAGE).meta
    assert meta.title == "Harbour plan approved after long night"
    assert (meta.author, meta.published, meta.source) == ("Mara Quill", "2021-06-14", "The Coastal Ledger")
    assert (meta.url, meta.section) == ("https://ledger.example.org/news/harbour-plan", "Local")


def test_body_starts_after_the_headline_line(tmp_path):
    article = read_page(tmp_path, PAGE)
    assert article.text[article.body_start :].startswith("The town council approved")


def test_htm_extension_is_read_as_html(tmp_path):
    assert isinstance(read_page(tmp_path, PAGE, "page.htm"), Article)


def test_page_without_article_is_an_error(tmp_path):
    html = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>"
    error = read_page(tmp_path, html)
    assert isinstance(error, ReadError) and error.message == "no article text found"
    assert error.origin == str(tmp_path / "page.html")


def test_page_in_declared_latin1_charset_is_decoded_without_warning(tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("council committee", "comit\u00e9").encode("latin-1"))
    (article,) = read_paths([path])
    assert "comit\u00e9" in article.text and not article.warnings
