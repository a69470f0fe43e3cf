"""The seed as .txt, as a WordPress-style HTML page and as JSONL gives one cleaned text (issue 2)."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.ingest import read_articles
from eventwire.ingest.html import extract_html

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED_TXT = Path(str(resources.files("eventwire").joinpath("data/samples/seed.txt")))
BOILERPLATE = [
    "Leave a Reply",
    "Your email address",
    "bloggers like this",
    "Share on Facebook",
    "Related posts",
    "Seoul and Warsaw sign tank deal",
    "Required fields",
    "Post Comment",
    "Skip to content",
    "We use cookies",
    "March 26, 2023",
]


def test_ingest_html_seed_three_ways_same_text(tmp_path, seed):
    jsonl = tmp_path / "seed.jsonl"
    jsonl.write_text(json.dumps({"id": "seed", "text": seed["text"]}) + "\n", encoding="utf-8")
    shutil.copy(SEED_TXT, tmp_path / "seed.txt")
    shutil.copy(FIXTURES / "seed.html", tmp_path / "seed.html")
    args = [
        "extract",
        str(tmp_path / "seed.txt"),
        str(tmp_path / "seed.html"),
        str(jsonl),
        "--with-text",
        "-q",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    assert {r["published"] for r in records} == {"2023-03-26"}
    assert len({r["text"] for r in records}) == 1
    text = records[0]["text"]
    assert text.startswith("NATO Secretary General Jens Stoltenberg on Monday called on South Korea")
    assert text.endswith("promised the delivery of 31 Abrams tanks to Kyiv.")
    for line in BOILERPLATE:
        assert line not in text
    assert records[1]["title"] == "NATO chief urges South Korea to step up military aid to Ukraine"


def test_ingest_html_our_cleaning_removes_what_trafilatura_keeps(config):
    html = (FIXTURES / "seed.html").read_text(encoding="utf-8")
    extracted = extract_html(html).text
    assert "Related posts" in extracted and "Leave a Reply" in extracted  # trafilatura alone keeps these
    (article,) = read_articles([FIXTURES / "seed.html"], config)
    assert "Related posts" not in article.text and "Leave a Reply" not in article.text
    assert article.raw_text == extracted  # offsets point into the extracted text (CONTRACT.md)
    assert article.site == "Example Wire" and article.author == "Example Wire staff"


def test_ingest_html_offsets_point_into_extracted_text(config, seed):
    (article,) = read_articles([FIXTURES / "seed.html"], config)
    for quote in seed["quotes"]:
        start = article.text.index(quote["text"])
        a = article.offsets.to_raw(start)
        b = article.offsets.to_raw(start + len(quote["text"]), end=True)
        assert article.raw_text[a:b] == quote["text"]


def test_ingest_html_jsonl_html_field_and_htmldate_fallback(tmp_path, config):
    page = (
        "<html><head><title>Talks resume</title></head><body><article>"
        "<p>The two foreign ministers met in Geneva on Tuesday to resume talks on the border dispute.</p>"
        "<p>Share this:</p><p>Both sides said the meeting had been constructive and would continue.</p>"
        "</article><p>Last updated: 2021-05-04</p><p>Published on 2021-05-03</p></body></html>"
    )
    src = tmp_path / "pages.jsonl"
    src.write_text(json.dumps({"html": page, "url": "https://example.org/talks"}) + "\n", encoding="utf-8")
    (article,) = read_articles([src], config)
    assert article.id == "https://example.org/talks"
    assert article.published is not None and article.published.startswith("2021-05")
    assert "Share this" not in article.text and "Geneva" in article.text


def test_ingest_html_page_without_text_fails_by_name(tmp_path, config):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    (failure,) = read_articles([page], config)
    assert "[E009]" in failure.message and "empty.html" in failure.message
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (failure,) = read_articles([page], config)
    assert "[E020]" in failure.message and "'Home'" in failure.message


def test_ingest_html_declared_charset_is_used(tmp_path, config, caplog):
    body = "Der Außenminister traf am Dienstag in Genf seinen Amtskollegen zu Gesprächen über die Grenze."
    page = f'<html><head><meta charset="iso-8859-1"><title>Gespräche</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "latin1.html"
    path.write_bytes(page.encode("latin-1"))
    (article,) = read_articles([path], config)
    assert body in article.text
    assert "E005" not in caplog.text  # a page in its declared encoding is not broken input
