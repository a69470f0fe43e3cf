"""Stray and unbalanced quote marks never crash and never swallow an article (issue 5, item 4)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.issue(5)

BODY = (
    "Anna Berg said the port would reopen on Friday.\n\n"
    "The harbour master, who is 6'2\", said the cranes' engines were ready.\n\n"
    "Maria Lopez told reporters the ships had been waiting for a week.\n\n"
    "“We are ready,” Berg said."
)


def quotes(nlp, text):
    doc = nlp(text)
    return doc, doc._.eventwire_quotes


def test_quotes_robustness_missing_closing_mark_swallows_nothing(nlp):
    text = 'Anna Berg said "the port is closed.\n\n' + BODY
    _doc, found = quotes(nlp, text)
    longest = max(q["end_char"] - q["start_char"] for q in found)
    assert longest < 80
    assert any(text[q["start_char"] : q["end_char"]] == "We are ready" for q in found)


def test_quotes_robustness_inches_feet_and_apostrophes(nlp):
    _doc, found = quotes(nlp, BODY)
    assert [BODY[q["start_char"] : q["end_char"]] for q in found] == [
        "the port would reopen on Friday",
        "the cranes' engines were ready",
        "the ships had been waiting for a week",
        "We are ready",
    ]


def test_quotes_robustness_quote_marks_in_a_title(nlp):
    text = 'Anna Berg wrote "Ports and Power", a book on trade, in 2019. The book sold well.'
    _doc, found = quotes(nlp, text)
    assert found == []


def test_quotes_robustness_only_marks(nlp):
    for text in ['"', "“”", "'''", '" " " "', "«»«", "‘’‘’", '\n\n"\n\n']:
        _doc, found = quotes(nlp, text)
        assert isinstance(found, list)


def test_quotes_robustness_failure_is_recorded_not_raised(nlp, monkeypatch):
    component = nlp.get_pipe("eventwire_quotes")

    def broken(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(component, "find", broken)
    doc = nlp("Anna Berg said the port was open.")
    assert doc._.eventwire_quotes == []
    assert any(e.startswith("[E202]") for e in doc._.eventwire_errors)


PIECES = st.sampled_from(
    [
        "Anna Berg said",
        "the port",
        "was open",
        ".",
        ",",
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "6'2\"",
        "don't",
        "\n\n",
        "he added",
        "according to Chile",
        "warned that",
        "« non »",
        "Maria Lopez",
        "called it",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=1, max_size=30))
def test_quotes_robustness_property_spans_are_valid(nlp, pieces):
    text = " ".join(pieces)
    doc = nlp(text)
    assert not doc._.eventwire_errors
    for q in doc._.eventwire_quotes:
        assert 0 <= q["start_char"] < q["end_char"] <= len(text)
        assert q["kind"] in ("direct", "partial", "indirect")
        assert q["speaker_type"] in ("person", "org", None)
        assert "\n\n" not in text[q["start_char"] : q["end_char"]] or q["kind"] == "direct"
