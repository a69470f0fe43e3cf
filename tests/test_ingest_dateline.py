"""Datelines become ``published``; input dates are normalised to ISO; no year is ever guessed."""

from __future__ import annotations

import pytest

from eventwire.ingest import make_article
from eventwire.ingest.dateline import find_dateline, normalise_published

BODY = "South Korea said on Monday it would send a trade delegation to the region next month."


@pytest.mark.parametrize(
    ("head", "expected", "date_only"),
    [
        ("March 26, 2023", "2023-03-26", True),
        ("26 March 2023", "2023-03-26", True),
        ("2023-03-26", "2023-03-26", True),
        ("Published 22 April 2022 10:15 GMT", "2022-04-22", True),
        ("MEXICO CITY, June 6, 2018", "2018-06-06", False),
        ("VIENNA, Jan. 17, 2016", "2016-01-17", False),
        ("CARACAS, 24 January 2019 (translated from Spanish).", "2019-01-24", False),
    ],
)
def test_ingest_dateline_line_on_its_own(head, expected, date_only):
    found = find_dateline([head, "", BODY])
    assert found is not None
    assert (found.published, found.line, found.date_only) == (expected, 0, date_only)


def test_ingest_dateline_at_start_of_first_paragraph():
    found = find_dateline([f"SEOUL, Jan 30, 2023 (Reuters) - {BODY}"])
    assert found is not None and found.published == "2023-01-30"


def test_ingest_dateline_without_year_is_not_guessed():
    line = f"SEOUL, Jan 30 (Reuters) - {BODY}"
    assert find_dateline([line]) is None
    assert find_dateline([line], year=2023).published == "2023-01-30"
    assert find_dateline([f"WASHINGTON (AP) — {BODY}"]) is None


def test_ingest_dateline_ignores_dates_inside_the_story():
    assert (
        find_dateline([BODY, "", "The treaty was signed on March 3, 2021, officials said in a statement."])
        is None
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-26", "2023-03-26"),
        ("2023-03-26T10:00:00Z", "2023-03-26"),
        ("2023-03-26 23:30:00+05:00", "2023-03-26"),
        ("March 26, 2023", "2023-03-26"),
        ("Sun, 26 Mar 2023 10:00:00 GMT", "2023-03-26"),
        ("26.03.2023", "2023-03-26"),
        ("yesterday", None),
        ("2023-02-30", None),
        ("March 2023", None),
    ],
)
def test_ingest_dateline_normalises_input_published(value, expected):
    assert normalise_published(value) == expected


def test_ingest_dateline_sets_published_only_when_input_has_none(config, seed):
    assert make_article(seed["text"], config=config).published == "2023-03-26"
    given = make_article(seed["text"], config=config, published="2024-01-02T08:00:00Z")
    assert given.published == "2024-01-02"


def test_ingest_dateline_unreadable_published_warns_and_falls_back(config, seed, caplog):
    article = make_article(seed["text"], config=config, published="sometime", origin="in.jsonl:4")
    assert article.published == "2023-03-26"
    assert "[E016] in.jsonl:4" in caplog.text


def test_ingest_dateline_place_line_stays_in_text_date_line_does_not(config, gold_articles, seed):
    dev014 = next(a for a in gold_articles if a["id"] == "dev-014")
    assert make_article(dev014["text"], config=config).text.startswith("MEXICO CITY, June 6, 2018\n\n")
    assert make_article(seed["text"], config=config).text.startswith("NATO Secretary General")
