"""Reported events and accusations by the reporter (issue 4, item 4)."""

from __future__ import annotations

import pytest

from tests.test_events_constructions import code

pytestmark = pytest.mark.issue(4)


def test_reported_event_is_coded_with_its_doer_and_reporter(nlp):
    _, doc = code(nlp, "Italy said Libya attacked Tunisia on Sunday.")
    events = doc._.eventwire_events
    attack = [e for e in events if e["cameo"].startswith("19")]
    assert attack and attack[0]["source"]["code"] == "LBY" and attack[0]["target"]["code"] == "TUN"
    assert attack[0]["reported_by"] == "ITA"


def test_claim_against_a_third_party_is_an_accusation_by_the_reporter(nlp):
    _, doc = code(nlp, "Italy said Libya attacked Tunisia on Sunday.")
    got = {(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in doc._.eventwire_events}
    assert ("ITA", "LBY", "112") in got


def test_according_to_attribution(nlp):
    _, doc = code(nlp, "Serbia received weapons from Hungary, according to Croatia.")
    got = {(e["source"]["code"], e["target"]["code"], e["cameo"], e["reported_by"]) for e in doc._.eventwire_events}
    assert ("HUN", "SRB", "072", "HRV") in got
    assert any(s == "HRV" and t == "HUN" and c == "112" for s, t, c, _ in got)


def test_unreported_event_has_no_reporter(nlp):
    _, doc = code(nlp, "Libya attacked Tunisia on Sunday.")
    assert doc._.eventwire_events and all(e["reported_by"] is None for e in doc._.eventwire_events)
