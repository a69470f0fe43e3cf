"""Action finding on the dependency parse (issue 4, item 1), with sentences of our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(4)


def code(nlp, text, published="2024-05-15"):
    doc = nlp.make_doc(text)
    doc._.eventwire_published = published
    doc = nlp(doc)
    return {(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in doc._.eventwire_events}, doc


def pairs(events):
    return {(s, t) for s, t, _ in events}


def test_active_verb_gives_source_target_and_code(nlp):
    events, _ = code(nlp, "Poland condemned Belarus over the border incident.")
    assert ("POL", "BLR", "111") in events


def test_passive_with_by_agent_swaps_roles(nlp):
    events, _ = code(nlp, "Austria was condemned by Poland over the border incident.")
    assert ("POL", "AUT", "111") in events
    assert ("AUT", "POL", "111") not in events


def test_coordinated_subjects_give_one_event_each(nlp):
    events, _ = code(nlp, "Brazil, Chile and Peru criticised Bolivia on Tuesday.")
    assert {("BRA", "BOL"), ("CHL", "BOL"), ("PER", "BOL")} <= pairs(events)


def test_coordinated_objects_give_one_event_each(nlp):
    events, _ = code(nlp, "Japan condemned China and India after the drills.")
    assert {("JPN", "CHN"), ("JPN", "IND")} <= pairs(events)


def test_call_on_to_complement_refines_the_appeal(nlp):
    events, _ = code(nlp, "Germany called on Austria to withdraw its troops from the border.")
    assert ("DEU", "AUT", "0256") in events


def test_urge_object_control_and_the_complement_is_not_an_event(nlp):
    events, _ = code(nlp, "Sweden urged Finland to send tanks to Estonia.")
    assert ("SWE", "FIN", "0232") in events
    assert ("FIN", "EST") not in pairs(events)


def test_accuse_of_gives_specific_accusation(nlp):
    events, _ = code(nlp, "Azerbaijan accused Georgia of shelling villages near the border.")
    assert ("AZE", "GEO", "1123") in events


def test_relative_clause_subject_is_the_noun_it_modifies(nlp):
    events, _ = code(nlp, "Norway, which criticised Iran last year, is hosting the talks.")
    assert ("NOR", "IRN", "111") in events


def test_meeting_of_coordinated_actors_is_symmetric(nlp):
    events, _ = code(nlp, "Kenya and Tanzania met in Arusha on Monday.")
    assert {("KEN", "TZA"), ("TZA", "KEN")} <= pairs(events)


def test_nominalisation_attack_on(nlp):
    events, _ = code(nlp, "Ukraine's attack on Belarus drew wide criticism.")
    assert ("UKR", "BLR", "190") in events


def test_receiving_verb_makes_the_giver_the_source(nlp):
    events, _ = code(nlp, "Serbia received weapons from Hungary in March.")
    assert ("HUN", "SRB", "072") in events


def test_future_promise_of_arms_is_an_intent(nlp):
    events, _ = code(nlp, "Canada promised artillery shells to Latvia.")
    assert ("CAN", "LVA", "0332") in events


def test_evidence_offsets_and_confidence_on_every_event(nlp):
    text = "Brazil, Chile and Peru criticised Bolivia on Tuesday."
    _, doc = code(nlp, text)
    assert doc._.eventwire_events
    for e in doc._.eventwire_events:
        assert 0 <= e["start_char"] < e["end_char"] <= len(text)
        assert "criticised" in text[e["start_char"]: e["end_char"]]
        assert 0 < e["confidence"] <= 1
        assert e["verb"] == "criticise"


def test_willing_to_act_is_an_intent(nlp):
    events, _ = code(nlp, "Chile said it was willing to negotiate with Bolivia.")
    assert any(s == "CHL" and t == "BOL" and c.startswith("03") for s, t, c in events)


def test_the_doer_decides_an_ambiguous_strike(nlp):
    events, _ = code(nlp, "Turkish warplanes struck a rebel camp in Iraq on Sunday.")
    assert ("TUR", "IRQ", "195") in events
    events, _ = code(nlp, "Ukraine and Moldova struck a deal on transit fees.")
    assert not any(c.startswith("19") for s, t, c in events)


def test_relative_prepositional_object_is_its_antecedent(nlp):
    # whatever noun the parser attaches the relative clause to, "to which" is the noun before it
    events, _ = code(nlp, "It is hard to deliver arms to Ukraine, to which Seoul has provided humanitarian aid.")
    assert ("KOR", "UKR") in pairs(events)


def test_relative_passive_subject_is_its_antecedent(nlp):
    events, _ = code(nlp, "Norway, which was hit by the Chinese tariffs on salmon, filed a complaint.")
    assert ("CHN", "NOR", "163") in events


def test_denying_that_a_strike_hit_answers_the_striker(nlp):
    events, _ = code(nlp, "Indian jets struck a camp in Pakistan on Tuesday. Pakistan denied that any camp had been hit.")
    assert ("PAK", "IND", "016") in events


def test_including_names_the_members_of_a_plural_recipient(nlp):
    events, _ = code(nlp, "Spain signed contracts to sell hundreds of trucks to African countries, including Ghana and Kenya.")
    assert {("ESP", "GHA"), ("ESP", "KEN")} <= {(s, t) for s, t, c in events if c == "057"}
    assert ("GHA", "ESP", "057") not in events  # an inferred recipient is not mirrored


def test_demand_with_a_that_clause_targets_its_subject(nlp):
    events, _ = code(nlp, "Kenya demanded that Uganda withdraw its troops from the border.")
    assert ("KEN", "UGA") in {(s, t) for s, t, c in events if c.startswith("10")}


def test_an_accord_brokered_by_x_is_mediation_between_its_parties(nlp):
    events, _ = code(nlp, "Ghana and Togo signed a peace accord on Monday. The accord, brokered by Nigeria, ends a long dispute.")
    assert {("NGA", "GHA", "045"), ("NGA", "TGO", "045")} <= events



def test_coordinated_subject_with_a_mutual_object_acts_both_ways(nlp):
    events, _ = code(nlp, "Japan and the Philippines agreed to deepen defence ties on Friday.")
    assert {("JPN", "PHL"), ("PHL", "JPN")} <= pairs(events)


def test_restored_relations_and_the_deal_broker(nlp):
    events, _ = code(nlp, "Saudi Arabia and Iran restored diplomatic relations in a deal brokered by China.")
    assert {("SAU", "IRN", "050"), ("IRN", "SAU", "050")} <= events
    assert {("CHN", "SAU", "045"), ("CHN", "IRN", "045")} <= events


def test_establishing_diplomatic_relations_is_recognition(nlp):
    events, _ = code(nlp, "Israel and the United Arab Emirates established diplomatic relations in 2020.")
    assert ("ISR", "ARE", "054") in events


def test_coordinated_subject_without_a_mutual_object_is_not_made_mutual(nlp):
    events, _ = code(nlp, "Germany and France pledged more money on Friday.")
    assert ("DEU", "FRA") not in pairs(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Niger's junta revoked a military cooperation agreement with the United States.", ("NER", "USA", "160")),
        ("China's coast guard rammed a Philippine supply boat near the shoal.", ("CHN", "PHL", "190")),
        ("Russia resumed talks with Ukraine on Monday.", ("RUS", "UKR", "046")),
        ("China restored ties with Nicaragua.", ("CHN", "NIC", "050")),
    ],
)
def test_relation_and_force_verbs(nlp, text, expected):
    events, _ = code(nlp, text)
    assert expected in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China's foreign ministry said Japan's plan to release the water was \"extremely selfish\".",
         ("CHN", "JPN", "111")),
        ("The White House said Moscow bore full responsibility for the crisis.", ("USA", "RUS", "112")),
        ("Beijing said the U.S. warship had illegally entered Chinese waters.", ("CHN", "USA", "112")),
        ("Greece protested to Turkey over the violation of its airspace.", ("GRC", "TUR", "114")),
        ("Algeria recalled its ambassador to Spain on Saturday.", ("DZA", "ESP", "161")),
    ],
)
def test_reported_judgements_and_diplomatic_protests(nlp, text, expected):
    events, _ = code(nlp, text)
    assert expected in events


def test_a_plain_reported_act_is_no_judgement(nlp):
    events, _ = code(nlp, "Beijing said the U.S. delegation had entered the hall.")
    assert not any(c == "112" for _, _, c in events)


def test_talks_between_two_states_are_mutual(nlp):
    events, _ = code(nlp, "Talks between Armenia and Azerbaijan resumed in Geneva on Monday.")
    assert {("ARM", "AZE", "046"), ("AZE", "ARM", "046")} <= events


def test_denial_with_no_accuser_answers_the_previous_statement(nlp):
    events, _ = code(nlp, "India said the strike had destroyed a militant camp. Pakistan denied that any camp "
                          "had been hit.")
    assert ("PAK", "IND", "016") in events


def test_denial_with_nobody_to_answer_is_not_coded(nlp):
    events, _ = code(nlp, "Pakistan denied that any camp had been hit.")
    assert not events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The International Criminal Court issued an arrest warrant for Vladimir Putin.", ("ICC", "RUS", "173")),
        ("China threatened countermeasures if the Philippines continued its patrols.", ("CHN", "PHL", "130")),
        ("Venezuela mobilised troops near the border with Guyana.", ("VEN", "GUY", "154")),
    ],
)
def test_warrants_conditional_threats_and_mobilisation(nlp, text, expected):
    events, _ = code(nlp, text, published="2024-03-20")
    assert expected in events


def test_a_state_putting_its_own_army_on_alert_is_not_its_own_target(nlp):
    events, _ = code(nlp, "Serbia put its army on the highest level of combat readiness.")
    assert ("SRB", "SRB") not in pairs(events)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The United States lifted sanctions on Iran.", ("USA", "IRN", "163")),
        ("Beijing suspended trade talks with Taipei.", ("CHN", "TWN", "046")),
        ("Iran's supreme leader praised the attack on Israel.", ("IRN", "ISR", "190")),
        ("Iran's supreme leader praised the attack on Israel.", ("IRN", "ISR", "051")),
    ],
)
def test_an_object_noun_is_not_its_verbs_subjects_own_act(nlp, text, absent):
    events, _ = code(nlp, text)
    assert absent not in events


def test_an_object_noun_the_subject_performs_is_coded(nlp):
    events, _ = code(nlp, "Venezuela announced the rupture of diplomatic relations with the United States.")
    assert ("VEN", "USA", "161") in events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Azerbaijan and Armenia exchanged fire along their border.", {("AZE", "ARM", "190"), ("ARM", "AZE", "190")}),
        ("Russia and Ukraine exchanged prisoners on Friday.", {("RUS", "UKR", "0841"), ("UKR", "RUS", "0841")}),
        ("The Philippines and the United States held joint military exercises.",
         {("PHL", "USA", "062"), ("USA", "PHL", "062")}),
        ("China held military drills around Taiwan.", {("CHN", "TWN", "150")}),
        ("The Pentagon approved a $500 million arms sale to Taiwan.", {("USA", "TWN", "072")}),
        ("The IMF approved a $3 billion loan for Pakistan.", {("IMF", "PAK", "071")}),
    ],
)
def test_exchanges_exercises_and_approvals(nlp, text, expected):
    events, _ = code(nlp, text)
    assert expected <= events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli troops raided the Jenin refugee camp in the occupied West Bank.", {("ISR", "PSE", "171")}),
        ("Mali's junta suspended French broadcasters RFI and France 24.", {("MLI", "FRA", "172")}),
        ("The Netherlands handed over the first F-16s to Ukraine.", {("NLD", "UKR", "072")}),
        ("Thailand and Cambodia agreed to a ceasefire after days of fighting.",
         {("THA", "KHM"), ("KHM", "THA")}),
    ],
)
def test_raids_suspended_media_handovers_and_ceasefires(nlp, text, expected):
    events, _ = code(nlp, text)
    assert expected <= (events | pairs(events))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken arrived in Beijing on Sunday for talks with Chinese officials.", ("USA", "CHN", "042")),
        ("The French president arrived in Kyiv on Friday.", ("FRA", "UKR", "042")),
        ("The Indian prime minister is on a two-day visit to the United Arab Emirates.", ("IND", "ARE", "042")),
    ],
)
def test_arrivals_and_visits(nlp, text, expected):
    events, _ = code(nlp, text)
    assert expected in events


def test_arrivals_of_people_without_office_are_no_visits(nlp):
    events, _ = code(nlp, "Refugees arrived in Greece on Monday.")
    assert not events
