"""The quotation-mark scanner: pairing, primes, apostrophes, paragraphs (issue 5, item 4)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quotes.marks import MAX_QUOTE_CHARS, find_marked_spans, paragraphs

pytestmark = pytest.mark.issue(5)


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


def test_quotes_marks_curly_and_straight():
    text = '“The port is open,” she said. He replied: "It is closed."'
    assert quoted(text) == ["The port is open,", "It is closed."]


def test_quotes_marks_nested_single_quotes_stay_inside():
    text = "“They told us ‘wait until spring’ and we did,” the farmer said."
    assert quoted(text) == ["They told us ‘wait until spring’ and we did,"]


def test_quotes_marks_top_level_single_quotes():
    text = "'The bridge will reopen,' the mayor told residents."
    assert quoted(text) == ["The bridge will reopen,"]


def test_quotes_marks_apostrophes_are_not_quotes():
    text = "The ministers' talks failed, and O'Neill said it wasn't over. Rock 'n' roll? No."
    assert "ministers" not in " ".join(quoted(text))
    assert all("wasn" not in q for q in quoted(text))


def test_quotes_marks_inches_and_feet_are_primes():
    text = 'The guard, 6\'2" tall, said "no entry" twice; the wall is 10\' high.'
    assert quoted(text) == ["no entry"]


def test_quotes_marks_decade_apostrophe():
    assert quoted("Back in the '90s the port was busy.") == []


def test_quotes_marks_missing_closing_mark_stays_in_its_paragraph():
    text = 'He said "we will never give up.\n\nThe next paragraph is the writer\'s. It says "hello" once.'
    spans = quoted(text)
    assert spans == ["hello"]


def test_quotes_marks_paragraph_continuation():
    text = "“We waited for hours,” she said. “Nobody came.\n\n“Then the rain started,” she added."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans][:2] == [
        "We waited for hours,",
        "Nobody came.\n\n“Then the rain started,",
    ]
    assert spans[1].paragraphs == 2


def test_quotes_marks_continuation_needs_an_opening_mark():
    text = "“Nobody came.\n\nThen the rain started, she said."
    assert quoted(text) == []


def test_quotes_marks_guillemets():
    assert quoted("Le ministre a dit « non » hier.") == ["non"]


MARKY = st.text(alphabet=st.sampled_from(list("ab 1.,\n\"'“”‘’«»-")), max_size=300)


@settings(max_examples=300, deadline=None)
@given(MARKY)
def test_quotes_marks_property_spans_are_sane(text):
    spans = find_marked_spans(text)
    paras = paragraphs(text)
    for s in spans:
        assert 0 < s.start <= s.end <= len(text)
        assert s.end - s.start <= MAX_QUOTE_CHARS
        # a span stays in its paragraph unless the next paragraph reopens the quote
        inside = [p for p in paras if p[0] <= s.open_at < p[1]]
        assert inside
        if s.paragraphs == 1:
            assert s.close_at < inside[0][1]
    starts = [s.open_at for s in spans]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(spans):
        assert a.close_at < b.open_at or (not a.double and b.double) or (a.double and not b.double)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Yes.", '"Maybe', 'no"', "6'2\"", "don't", "‘x’", "“y", "z”", "\n\n"]), max_size=40
    )
)
def test_quotes_marks_property_never_swallows_paragraphs(words):
    text = " ".join(words)
    for s in find_marked_spans(text):
        if s.paragraphs == 1:
            assert "\n" not in text[s.start : s.end]
