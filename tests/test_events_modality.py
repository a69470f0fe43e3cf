"""What must not be coded (issue 4, item 3): negation, hypotheticals, questions; conditional threats."""

from __future__ import annotations

import pytest

from tests.test_events_constructions import code, pairs

pytestmark = pytest.mark.issue(4)


def test_negated_action_is_not_coded(nlp):
    events, _ = code(nlp, "Norway did not condemn Sweden for the decision.")
    assert ("NOR", "SWE") not in pairs(events)


def test_never_negates(nlp):
    events, _ = code(nlp, "Chile has never criticised Argentina in public.")
    assert ("CHL", "ARG") not in pairs(events)


def test_hypothetical_with_could_is_not_coded(nlp):
    events, _ = code(nlp, "Spain could sanction Morocco next year.")
    assert ("ESP", "MAR") not in pairs(events)


def test_action_inside_if_clause_is_not_coded(nlp):
    events, _ = code(nlp, "If Peru attacks Ecuador, the region will suffer.")
    assert ("PER", "ECU") not in pairs(events)


def test_question_is_not_coded(nlp):
    events, _ = code(nlp, "Will Greece condemn Turkey?")
    assert ("GRC", "TUR") not in pairs(events)


def test_conditional_threat_at_named_actor_is_a_threat(nlp):
    events, _ = code(nlp, "Ghana would sanction Nigeria if it continued the blockade.")
    assert any(s == "GHA" and t == "NGA" and c.startswith("13") for s, t, c in events)


def test_affirmative_control_sentence_is_coded(nlp):
    # the same shape as the negated one, to show the filter is what removes it
    events, _ = code(nlp, "Norway condemned Sweden for the decision.")
    assert ("NOR", "SWE") in pairs(events)
