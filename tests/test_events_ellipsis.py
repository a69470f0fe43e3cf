"""Ellipsis: "X did the same", "..., as did X", "X followed suit", "and so did X" repeat the
latest action with a new doer (issue 4, item 1)."""

from __future__ import annotations

import pytest

from tests.test_events_constructions import code

pytestmark = pytest.mark.issue(4)


def test_did_the_same_copies_the_previous_action(nlp):
    events, _ = code(nlp, "Kenya praised Ghana for the peaceful vote. Nigeria did the same.")
    assert ("KEN", "GHA", "051") in events
    assert ("NGA", "GHA", "051") in events


def test_as_did_copies_the_main_clause(nlp):
    events, _ = code(nlp, "Norway suspended its aid to Mali on Monday, as did Sweden.")
    codes = {(s, t) for s, t, c in events if c.startswith("16")}
    assert {("NOR", "MLI"), ("SWE", "MLI")} <= codes


def test_followed_suit_copies_the_previous_action(nlp):
    events, _ = code(nlp, "Poland expelled two Belarusian diplomats. Lithuania followed suit a day later.")
    assert ("LTU", "BLR", "174") in events


def test_so_did_copies_the_first_conjunct(nlp):
    events, _ = code(nlp, "Japan imposed sanctions on North Korea, and so did Australia.")
    assert ("AUS", "PRK") in {(s, t) for s, t, c in events if c.startswith("16")}


def test_negated_ellipsis_is_not_coded(nlp):
    events, _ = code(nlp, "Kenya praised Ghana for the peaceful vote. Nigeria did not do the same.")
    assert not any(s == "NGA" for s, t, c in events)


def test_the_former_target_answers_in_kind(nlp):
    events, _ = code(nlp, "Chile criticised Peru over the border incident. Peru did the same.")
    assert ("PER", "CHL", "111") in events
    assert not any(s == t for s, t, c in events)
