"""Stable article ids: the input's id, else the URL, else ``sha1:`` of the cleaned text."""

from __future__ import annotations

import hashlib
import json

from eventwire.ingest import make_article, read_articles

TEXT = "The two foreign ministers met in Geneva on Tuesday to resume talks on the border dispute.\n"


def test_ingest_ids_order_of_preference(config):
    assert make_article(TEXT, config=config, id="a1", url="https://x.org/a").id == "a1"
    assert make_article(TEXT, config=config, url="https://x.org/a").id == "https://x.org/a"
    digest = hashlib.sha1(TEXT.strip().encode("utf-8")).hexdigest()
    assert make_article(TEXT, config=config).id == f"sha1:{digest}"


def test_ingest_ids_hash_is_of_cleaned_text(config):
    with_footer = TEXT + "\nLeave a Reply\nYour email address will not be published.\n"
    assert make_article(with_footer, config=config).id == make_article(TEXT, config=config).id


def test_ingest_ids_from_jsonl_and_files(tmp_path, config):
    src = tmp_path / "in.jsonl"
    rows = [{"id": 7, "text": TEXT}, {"id": "", "url": "https://x.org/b", "text": TEXT}, {"text": TEXT}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "copy-one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy-two.txt").write_text(TEXT, encoding="utf-8")
    articles = list(read_articles([tmp_path], config))
    ids = [a.id for a in articles]
    assert ids[0] == ids[4]  # copy-one.txt and sub/copy-two.txt: same text, same id
    assert ids[1:4] == ["7", "https://x.org/b", ids[0]]
    assert ids[0].startswith("sha1:")
    assert [a.origin for a in articles][1] == f"{src}:1"
