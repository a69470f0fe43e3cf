"""Phrases that stand for several actors, or for the body behind a document (actors/groups.py),
on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors.component import get_dictionary
from eventwire.ingest import make_article


@pytest.fixture(scope="module")
def analyse(analyzer, config):
    def run(text, published="2024-05-02"):
        return analyzer.analyze_one(make_article(text, config=config, published=published))

    return run


def _codes_at(analysis, text):
    return [a.code for a in analysis.actors if a.text == text]


def _dyads(analysis):
    return {(e.source.code, e.target.code if e.target else None, e.cameo[:2]) for e in analysis.events}


@pytest.mark.issue(3)
def test_actors_groups_counted_reference_takes_the_list_of_that_size(analyse):
    analysis = analyse("Ghana, Togo, Benin and Niger closed their borders on Monday. "
                       "Nigeria condemned the four countries on Tuesday.")
    assert _codes_at(analysis, "the four countries") == ["GHA", "TGO", "BEN", "NER"]
    assert {("NGA", c, "11") for c in ("GHA", "TGO", "BEN", "NER")} <= _dyads(analysis)


@pytest.mark.issue(3)
def test_actors_groups_counted_reference_without_a_list_of_that_size_is_left_alone(analyse):
    analysis = analyse("Ghana, Togo, Benin and Niger closed their borders. Nigeria condemned the three countries.")
    assert _codes_at(analysis, "the three countries") == []


@pytest.mark.issue(3)
def test_actors_groups_founding_members_of_an_uncoded_bloc_are_its_states(analyse):
    analysis = analyse("The European Union signed a trade deal with the founding members of Mercosur on Friday.",
                       published="2026-01-20")
    assert _codes_at(analysis, "the founding members") == ["ARG", "BRA", "PRY", "URY"]
    assert {("EU", c, "05") for c in ("ARG", "BRA", "PRY", "URY")} <= _dyads(analysis)


@pytest.mark.issue(3)
def test_actors_groups_members_follow_the_article_date(analyse):
    before = analyse("BRICS members met in Kazan.", published="2023-08-20")
    after = analyse("BRICS members met in Kazan.", published="2025-07-01")
    assert set(_codes_at(before, "BRICS members")) == {"BRA", "RUS", "IND", "CHN", "ZAF"}
    assert {"EGY", "ETH", "IRN", "ARE", "IDN"} <= set(_codes_at(after, "BRICS members"))


@pytest.mark.issue(3)
def test_actors_groups_members_of_a_coded_organisation_stay_the_organisation(analyse):
    analysis = analyse("NATO members agreed to raise defence spending.")
    assert all(a.code == "NATO" for a in analysis.actors if "NATO" in a.text)
    assert not any(a.code == "DEU" for a in analysis.actors)


@pytest.mark.issue(3)
def test_actors_groups_document_stands_for_the_body_that_adopted_it(analyse):
    analysis = analyse("The UN Security Council adopted a resolution on Haiti on Friday. "
                       "Haiti's government rejected the resolution.")
    assert _codes_at(analysis, "the resolution") == ["UN"]
    assert any(s == "HTI" and t == "UN" for s, t, _ in _dyads(analysis))


@pytest.mark.issue(3)
def test_actors_groups_document_with_its_own_actor_is_not_recoded(analyse):
    analysis = analyse("The UN Security Council met on Friday. Moscow rejected the Russian resolution's critics.")
    assert _codes_at(analysis, "the Russian resolution") == []


@pytest.mark.issue(3)
def test_actors_groups_signing_stands_for_the_parties(analyse):
    analysis = analyse("Armenia and Azerbaijan signed a peace agreement in Washington on Friday. "
                       "Turkey welcomed the signing.", published="2025-08-09")
    assert _codes_at(analysis, "the signing") == ["ARM", "AZE"]
    assert {("TUR", "ARM", "05"), ("TUR", "AZE", "05")} <= _dyads(analysis)


@pytest.mark.issue(3)
def test_actors_groups_member_reacting_to_its_own_blocs_deal_acts_on_the_bloc(analyse):
    analysis = analyse("The European Union signed a trade deal with the founding members of Mercosur on Friday. "
                       "Poland opposed the deal.", published="2026-01-20")
    assert _codes_at(analysis, "the deal") == ["EU", "ARG", "BRA", "PRY", "URY"]
    poland = {(s, t) for s, t, _ in _dyads(analysis) if s == "POL"}
    assert poland == {("POL", "EU")}


@pytest.mark.issue(3)
def test_actors_groups_membership_data_is_dated():
    eu = next(e for e in get_dictionary().entries.values() if e.code == "EU" and e.members)
    gbr = next(m for m in eu.members if m.code == "GBR")
    assert gbr.covers(dt.date(2019, 6, 1)) and not gbr.covers(dt.date(2021, 6, 1))
