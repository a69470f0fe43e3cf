"""Constructions that need the rest of the article: reactions to reported actions, reported
judgements and denials, plural anaphors, pronoun objects, policy options (issue 4, items 1 and 4)."""

from __future__ import annotations

import pytest

from tests.test_events_constructions import code, pairs

pytestmark = pytest.mark.issue(4)


def test_reaction_to_an_action_targets_its_doer(nlp):
    events, _ = code(nlp, "Morocco raided the Spanish embassy in Rabat on Monday. Portugal condemned the raid.")
    assert ("POR", "MAR") not in pairs(events)
    assert ("PRT", "MAR", "111") in events


def test_reported_judgement_criticises_the_doer(nlp):
    events, _ = code(
        nlp, "Morocco raided the Spanish embassy in Rabat on Monday. Spain said the raid was a flagrant violation."
    )
    assert ("ESP", "MAR", "111") in events


def test_plural_anaphor_names_the_main_dyad(nlp):
    events, _ = code(
        nlp, "Chile attacked Peru on Monday. Peru accused Chile of aggression. Brazil urged the two countries to stop fighting."
    )
    assert {("BRA", "CHL"), ("BRA", "PER")} <= pairs(events)
    assert any(s == "BRA" and c == "0256" for s, t, c in events)


def test_denial_answers_the_accuser(nlp):
    events, _ = code(nlp, "Kenya accused Uganda of shelling border villages. Uganda denied it on Tuesday.")
    assert ("KEN", "UGA", "1123") in events
    assert ("UGA", "KEN", "016") in events


def test_reported_there_were_no_own_troops_is_a_denial(nlp):
    events, _ = code(
        nlp, "Georgia accused Armenia of sending troops. Armenia said there were no Armenian troops in Georgia."
    )
    assert any(s == "ARM" and t == "GEO" and c == "016" for s, t, c in events)


def test_pronoun_object_is_not_the_subject(nlp):
    events, _ = code(nlp, "Egypt cut ties with Qatar on Monday, accusing it of supporting militants.")
    assert ("EGY", "QAT", "161") in events
    assert any(s == "EGY" and t == "QAT" and c.startswith("112") for s, t, c in events)
    assert ("EGY", "EGY") not in pairs(events)


def test_considering_an_action_is_a_policy_option_not_the_action(nlp):
    events, _ = code(nlp, "Japan is considering imposing sanctions on Russia.")
    assert ("JPN", "RUS", "014") in events
    assert not any(c.startswith("16") for _, _, c in events)


def test_dateline_is_neither_a_subject_nor_a_date(nlp):
    text = "ROME, May 15, 2024\n\nGreece condemned Turkey."
    _, doc = code(nlp, text)
    got = [(e["source"]["code"], e["target"]["code"], e["date"]) for e in doc._.eventwire_events]
    assert got == [("GRC", "TUR", None)]


def test_the_day_before_follows_the_previous_date(nlp):
    _, doc = code(nlp, "Poland condemned Belarus on Tuesday. Poland had expelled two Belarusian diplomats the day before.")
    dated = {(e["cameo"][:2], e["date"]) for e in doc._.eventwire_events}
    assert ("11", "2024-05-14") in dated
    assert ("17", "2024-05-13") in dated
