"""Cleaning keeps every story sentence, drops web boilerplate, and maps offsets back to the raw text."""

from __future__ import annotations

import random
import unicodedata

import pytest

from eventwire.ingest import clean_text
from eventwire.ingest.boilerplate import parse_patterns

# Boilerplate lines in the dev articles with web furniture (005, 012, 014, 017) and the seed.
BOILERPLATE = {
    "seed": ["Leave a Reply", "Your email address will not be published.", "%d bloggers like this:"],
    "dev-005": [
        "We use cookies to improve your experience",
        "WORLD | AMERICAS",
        "By Staff Writer",
        "Share on Facebook",
        "Related posts",
        "Five things to know",
        "Leave a comment",
        "All rights reserved",
    ],
    "dev-012": [
        "Home » Africa » Niger",
        "4 min read",
        "Share  Tweet",
        "Related articles",
        "uranium reaches world markets",
        "Listen: our weekly",
        "Comments are closed.",
        "Cookie settings",
    ],
    "dev-014": ["Reporting by Ana Lucia Torres", "Sign up for our daily trade briefing."],
    "dev-017": [
        "Subscribe | Log in | Search",
        "Published 22 April 2022",
        "Share this article",
        "Most read",
        "In pictures: Tonga",
        "This site uses cookies",
    ],
}


def _survivors(article: dict) -> list[str]:
    return [e["evidence"] for e in article["events"]] + [q["text"] for q in article["quotes"]]


def test_ingest_clean_keeps_gold_evidence_and_quotes(gold_articles):
    for article in gold_articles:
        text = clean_text(article["text"]).text
        lost = [s for s in _survivors(article) if s not in text]
        assert not lost, f"{article['id']}: cleaning lost {lost[:3]}"


@pytest.mark.parametrize("article_id", sorted(BOILERPLATE))
def test_ingest_clean_drops_web_boilerplate(gold_articles, article_id):
    article = next(a for a in gold_articles if a["id"] == article_id)
    cleaned = clean_text(article["text"])
    for line in BOILERPLATE[article_id]:
        assert line in article["text"]
        assert line not in cleaned.text, f"{article_id}: {line!r} survived"


def test_ingest_clean_only_boilerplate_in_articles_without_it(gold_articles):
    plain = [a for a in gold_articles if a["id"] not in BOILERPLATE]
    assert len(plain) >= 15
    for article in plain:
        cleaned = clean_text(article["text"])
        assert cleaned.dropped == (), f"{article['id']}: dropped {cleaned.dropped}"


def test_ingest_clean_offsets_round_trip_on_random_spans(gold_articles):
    rng = random.Random(2)
    for article in gold_articles:
        raw = article["text"]
        cleaned = clean_text(raw)
        text, offsets = cleaned.text, cleaned.offsets
        for clean_start, _raw_start, length in offsets.pieces:
            for _ in range(20):
                a = rng.randint(clean_start, clean_start + length)
                b = rng.randint(a, clean_start + length)
                assert raw[offsets.to_raw(a) : offsets.to_raw(b, end=True)] == text[a:b]


def test_ingest_clean_offsets_of_evidence_point_into_raw(gold_articles):
    for article in gold_articles:
        raw = article["text"]
        cleaned = clean_text(raw)
        for span in _survivors(article):
            start = cleaned.text.index(span)
            raw_start = cleaned.offsets.to_raw(start)
            raw_end = cleaned.offsets.to_raw(start + len(span), end=True)
            assert raw[raw_start:raw_end] == span


def test_ingest_clean_paragraphs_one_blank_line_apart():
    raw = (
        "First paragraph is long enough to be prose, officials said.\n\n\n\nSecond one.\n\n\nLeave a Reply\n"
    )
    assert (
        clean_text(raw).text == "First paragraph is long enough to be prose, officials said.\n\nSecond one."
    )
    html_like = "First paragraph.\nSecond paragraph.\nShare this:"
    cleaned = clean_text(html_like, one_per_line=True)
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."
    assert cleaned.offsets.to_raw(cleaned.text.index("Second")) == html_like.index("Second")


def test_ingest_clean_keeps_mid_story_lines_that_look_like_footers():
    story = (
        "Regulators said on Monday that the company had broken the rules on consent banners.\n\n"
        "We use cookies to improve your experience.\n\n"  # quoted banner text, inside the story
        "The company said it would appeal the decision before the end of the month, a spokesman said.\n\n"
        "We use cookies to improve your experience. By continuing to browse, you agree.\n"
    )
    cleaned = clean_text(story)
    assert cleaned.text.count("We use cookies") == 1
    assert cleaned.dropped == (
        "We use cookies to improve your experience. By continuing to browse, you agree.",
    )


def test_ingest_clean_photo_credits_and_bylines():
    raw = (
        "By Jane Roe | Reuters\n\n"
        "Soldiers patrol the border on Monday. (AP Photo/John Doe)\n\n"
        "The two governments signed a border agreement in the capital on Monday, officials said.\n\n"
        "Photo: Example Agency\n\n"
        "Image credit: Example Agency\n"
    )
    assert clean_text(raw).text == (
        "The two governments signed a border agreement in the capital on Monday, officials said."
    )


def test_ingest_clean_strip_boilerplate_off_keeps_everything_but_date_line(seed):
    cleaned = clean_text(seed["text"], strip_boilerplate=False)
    assert "Leave a Reply" in cleaned.text
    assert not cleaned.text.startswith("March 26, 2023")


def test_ingest_clean_nfc_keeps_curly_quotes_and_maps_clusters():
    raw = "“Le cafe\u0301 est fermé,” said E\u0301tienne’s aide, a day after talks.\n"
    cleaned = clean_text(raw)
    assert cleaned.text == unicodedata.normalize("NFC", raw.strip())
    assert "“" in cleaned.text and "’" in cleaned.text
    for word in ("café", "Étienne", "“Le", "aide"):
        start = cleaned.text.index(word)
        a, b = cleaned.offsets.to_raw(start), cleaned.offsets.to_raw(start + len(word), end=True)
        assert unicodedata.normalize("NFC", raw[a:b]) == word


def test_ingest_clean_patterns_file_errors_name_the_line():
    with pytest.raises(ValueError, match=r"patterns.tsv:3"):
        parse_patterns("# comment\n\nline\tsomewhere\tfoo\n", "patterns.tsv")
    with pytest.raises(ValueError, match=r"bad regex"):
        parse_patterns("line\tany\t(unclosed\n", "patterns.tsv")
    assert parse_patterns("block\tedge\t(?i)related posts\n", "p")[0].kind == "block"


def test_ingest_clean_windows_line_ends():
    raw = "March 26, 2023\r\n\r\nThe ministers met in Geneva on Tuesday to resume the talks.\r\n\r\nShare this:\r\n"
    cleaned = clean_text(raw)
    assert cleaned.text == "The ministers met in Geneva on Tuesday to resume the talks."
    assert cleaned.dateline.published == "2023-03-26"
    start = cleaned.offsets.to_raw(cleaned.text.index("Geneva"))
    assert raw[start : start + 6] == "Geneva"


@pytest.mark.parametrize(
    "sentence",
    [
        "By Friday, more than 2,000 people had fled the city, officials said.",
        "Copyright holders in the music industry said they would appeal the ruling.",
        "Posted in 1998, the letter was never answered by the ministry, he said.",
        "Research by the institute found that exports had fallen for a third year.",
        "The archive photograph shows the two leaders in Geneva (file, 2019).",
        "Reported by state media, the strike killed 12 people near the border.",
    ],
)
def test_ingest_clean_keeps_story_lines_shaped_like_credits(sentence):
    body = "The two governments signed a border agreement in the capital on Monday, officials said."
    for raw in (f"{sentence}\n\n{body}\n", f"{body}\n\n{sentence}\n"):
        assert sentence in clean_text(raw).text


def test_ingest_clean_inside_story_any_pattern_applies_after_an_edge_match():
    from eventwire.ingest.boilerplate import boilerplate_lines

    patterns = parse_patterns("line\tedge\tAdvert.*\nline\tany\tAdvertisement\n", "p")
    body = "The two governments signed a border agreement in the capital on Monday, officials said."
    lines = [body, "Advertisement", "Advert copy here", body]
    assert boilerplate_lines(lines, patterns) == {1}


def test_ingest_clean_stray_comma_after_full_stop(seed):
    raw = seed["text"]
    cleaned = clean_text(raw)
    assert "in Seoul. , calling" in raw
    assert "in Seoul. calling on Seoul to do more for Kyiv." in cleaned.text
    start = cleaned.text.index("calling on Seoul")
    assert raw[cleaned.offsets.to_raw(start) :].startswith("calling on Seoul")
    assert "Seoul. , calling" in clean_text(raw, strip_boilerplate=False).text
