"""The bundled sample articles for ``make demo`` read cleanly, with dates and no boilerplate."""

from __future__ import annotations

from importlib import resources

from eventwire.ingest import Failure, read_articles

SAMPLES = str(resources.files("eventwire").joinpath("data/samples"))


def test_ingest_samples_read_without_failures(config):
    articles = list(read_articles([SAMPLES], config))
    assert not [a for a in articles if isinstance(a, Failure)]
    assert len(articles) == 4  # seed + three written for eventwire; README.md is not an article
    for article in articles:
        assert article.published is not None, article.origin
        assert 150 <= len(article.text.split()) <= 450, article.origin
        for line in ("Leave a", "Share on", "Related stories", "cookies", "All rights reserved"):
            assert line not in article.text, (article.origin, line)
    assert {a.published for a in articles} == {"2023-03-26", "2024-10-03", "2025-02-12", "2024-03-18"}
