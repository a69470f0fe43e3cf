"""Domestic interactions: a participant named only as a domestic group ("demonstrators",
"soldiers") belongs to the state on the other side (issue 4, item 1; guidelines: IRN->IRN)."""

from __future__ import annotations

import pytest

from tests.test_events_constructions import code

pytestmark = pytest.mark.issue(4)


def test_police_against_demonstrators_is_domestic_repression(nlp):
    events, _ = code(nlp, "Police in Tbilisi fired tear gas and used water cannon against hundreds of demonstrators.")
    assert ("GEO", "GEO", "175") in events


def test_arrest_of_protesters_by_a_state(nlp):
    events, _ = code(nlp, "The Iranian authorities arrested dozens of protesters in Tehran on Friday.")
    assert ("IRN", "IRN") in {(s, t) for s, t, c in events if c.startswith("17")}


def test_soldiers_detaining_a_named_official(nlp):
    events, _ = code(nlp, "Soldiers detained the prime minister of Guinea on Sunday.")
    assert ("GIN", "GIN") in {(s, t) for s, t, c in events if c.startswith("17")}


def test_a_group_with_its_own_nationality_is_not_reassigned(nlp):
    events, _ = code(nlp, "Turkish police detained Syrian protesters in Ankara.")
    assert ("TUR", "TUR") not in {(s, t) for s, t, c in events}


def test_protesters_outside_a_foreign_mission_are_not_made_foreign(nlp):
    events, _ = code(nlp, "About 200 protesters gathered outside the Russian embassy on Monday.")
    assert ("RUS", "RUS") not in {(s, t) for s, t, c in events}


def test_use_of_missiles_against_a_state_is_force_not_repression(nlp):
    events, _ = code(nlp, "Armenia used drones and artillery against Azerbaijan on Monday.")
    assert ("ARM", "AZE", "190") in events


def test_the_leaders_of_a_list_of_states_are_each_a_recipient(nlp):
    events, _ = code(nlp, "The Spanish prime minister spoke by phone with the leaders of Chile, Peru and Bolivia on Monday.")
    assert {("ESP", "CHL"), ("ESP", "PER"), ("ESP", "BOL")} <= {(s, t) for s, t, c in events if c.startswith("04")}


def test_a_group_named_inside_an_action_noun_is_not_domestic(nlp):
    events, _ = code(nlp, "Kenya demanded the release of the detained journalists.")
    assert ("KEN", "KEN") not in {(s, t) for s, t, c in events}


def test_protesters_outside_a_foreign_mission_belong_to_the_place_they_protest_in(nlp):
    events, _ = code(nlp, "Protesters rallied outside the U.S. embassy in Baghdad on Friday.")
    assert ("IRQ", "USA", "141") in events


def test_supporters_gathering_at_a_foreign_base_protest_against_its_state(nlp):
    events, _ = code(nlp, "Thousands of junta supporters gathered near a French military base on the outskirts "
                          "of Niamey.")
    assert ("NER", "FRA", "141") in events


def test_protesters_with_no_place_belong_to_the_articles_main_state(nlp):
    events, _ = code(nlp, "Chile recalled its ambassador on Monday, and Chilean officials said the talks had "
                          "failed. Hundreds of demonstrators gathered outside the Bolivian consulate.")
    assert ("CHL", "BOL", "141") in events


def test_protesters_marching_against_a_domestic_law_is_domestic(nlp):
    events, _ = code(nlp, "Thousands of protesters marched in Tbilisi against a draft law on foreign agents.")
    assert ("GEO", "GEO", "141") in events


def test_street_protests_with_a_named_place_are_domestic(nlp):
    events, _ = code(nlp, "Thousands joined street protests in Caracas against the government.")
    assert ("VEN", "VEN", "141") in events


def test_a_protest_noun_with_no_place_names_no_protesters(nlp):
    events, _ = code(nlp, "Poland closed a border crossing with Belarus. Lithuania followed, after two nights of "
                          "protests against the result.")
    assert not any(c.startswith("14") for _, _, c in events)


def test_rebels_seizing_towns_where_a_state_is_named_act_against_it(nlp):
    events, _ = code(nlp, "The fighting goes on in eastern Congo, where M23 rebels seized two towns this year.")
    assert ("COD", "COD", "192") in events


def test_talks_between_a_government_and_its_rebels_are_domestic(nlp):
    events, _ = code(nlp, "Qatar has been hosting talks in Doha between the Congolese government and the M23.")
    assert ("COD", "COD", "046") in events and ("QAT", "COD", "043") in events
