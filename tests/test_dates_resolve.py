"""Relative date resolution (issue 4, item 5)."""

from __future__ import annotations

import pytest

from eventwire.dates import ResolvedDate, resolve
from tests.test_events_constructions import code

pytestmark = pytest.mark.issue(4)
PUB = "2024-05-15"  # a Wednesday


@pytest.mark.parametrize(
    "text,value,precision",
    [
        ("on Monday", "2024-05-13", "day"),
        ("late on Wednesday", "2024-05-15", "day"),
        ("this Wednesday", "2024-05-15", "day"),
        ("yesterday", "2024-05-14", "day"),
        ("last year", "2023", "year"),
        ("in March", "2024-03", "month"),
        ("in June", "2023-06", "month"),
        ("last November", "2023-11", "month"),
        ("earlier this year", "2024", "year"),
        ("on Jan. 30", "2024-01-30", "day"),
        ("on 3 February", "2024-02-03", "day"),
        ("on Dec. 2", "2023-12-02", "day"),
        ("last month", "2024-04", "month"),
        ("March 20, 2021", "2021-03-20", "day"),
        ("over the weekend", "2024-05-11", "day"),
    ],
)
def test_resolution_keeps_precision(text, value, precision):
    assert resolve(text, PUB) == ResolvedDate(value, precision)


@pytest.mark.parametrize("text", ["recently", "last week", "in recent days", "for decades"])
def test_loose_phrases_are_null(text):
    assert resolve(text, PUB) is None


def test_the_day_before_is_relative_to_the_previous_date():
    anchor = ResolvedDate("2024-05-13", "day")
    assert resolve("the day before", PUB, anchor) == ResolvedDate("2024-05-12", "day")
    assert resolve("earlier that day", PUB, anchor) == anchor
    assert resolve("the day before", PUB, None) is None


def test_no_publication_date_leaves_relative_dates_null():
    assert resolve("on Monday", None) is None
    assert resolve("March 20, 2021", None) == ResolvedDate("2021-03-20", "day")


def test_event_takes_the_date_of_its_clause(nlp):
    _, doc = code(nlp, "Poland condemned Belarus on Monday.", published=PUB)
    assert [(e["date"], e["date_precision"]) for e in doc._.eventwire_events] == [("2024-05-13", "day")]


def test_event_without_a_date_is_null(nlp):
    _, doc = code(nlp, "Poland condemned Belarus.", published=PUB)
    assert doc._.eventwire_events and doc._.eventwire_events[0]["date"] is None


def test_a_dated_act_without_a_codable_party_dates_its_retelling(nlp):
    from tests.test_events_constructions import code

    _, doc = code(
        nlp, "Ghana and the Kolo bloc signed a trade pact on Tuesday. "
        "Ghana's trade minister signed the accord with Togo at a ceremony.",
        published="2024-05-15",
    )
    signed = [e for e in doc._.eventwire_events if e["verb"] == "sign" and e["target"]["code"] == "TGO"]
    assert signed and signed[0]["date"] == "2024-05-14"


@pytest.mark.parametrize("text", ["shortly afterwards", "within hours", "hours later", "later that day"])
def test_soon_after_is_the_day_before_it(text):
    assert resolve(text, PUB, ResolvedDate("2024-05-11", "day")) == ResolvedDate("2024-05-11", "day")


def test_a_day_after_dates_its_clause_one_day_before_the_sentence(nlp):
    doc = nlp.make_doc("South Korea said on Thursday it would reconsider its policy, a day after Russia and "
                       "North Korea signed a treaty in Pyongyang.")
    doc._.eventwire_published = "2024-06-20"
    doc = nlp(doc)
    signed = [e for e in doc._.eventwire_events if e["cameo"] == "057"]
    assert signed and all(e["date"] == "2024-06-19" for e in signed)


def test_within_hours_takes_the_previous_day(nlp):
    doc = nlp.make_doc("Four states cut ties with Qatar on Monday. Within hours, Saudi Arabia closed Qatar's "
                       "only land border.")
    doc._.eventwire_published = "2017-06-06"
    doc = nlp(doc)
    closed = [e for e in doc._.eventwire_events if e["target"] and e["target"]["code"] == "QAT"
              and e["source"]["code"] == "SAU"]
    assert closed and all(e["date"] == "2017-06-05" for e in closed)
