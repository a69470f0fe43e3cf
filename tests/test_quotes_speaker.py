"""Speakers: full names, pronouns, states and organisations, joint and missing speakers (issue 5, item 2)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(5)


def speakers(nlp, text):
    doc = nlp(text)
    return [
        (text[q["start_char"] : q["end_char"]], q["speaker"], q["speaker_actor"], q["speaker_type"])
        for q in doc._.eventwire_quotes
    ]


def test_quotes_speaker_surname_and_pronoun_get_the_full_name(nlp):
    text = (
        "NATO Secretary General Jens Stoltenberg visited Warsaw on Monday. "
        "Mr Stoltenberg said the alliance would defend every ally. "
        "He added that more troops would arrive in the spring."
    )
    doc = nlp.make_doc(text)
    doc._.eventwire_published = "2023-03-20"  # Stoltenberg led NATO then
    doc = nlp(doc)
    got = [(q["speaker"], q["speaker_actor"], q["speaker_type"]) for q in doc._.eventwire_quotes]
    assert got == [("Jens Stoltenberg", "NATO", "person"), ("Jens Stoltenberg", "NATO", "person")]


def test_quotes_speaker_person_code_from_title(nlp):
    text = "Norwegian Foreign Minister Espen Barth Eide said Oslo would send two more frigates."
    assert speakers(nlp, text) == [("Oslo would send two more frigates", "Espen Barth Eide", "NOR", "person")]


def test_quotes_speaker_state_by_its_capital(nlp):
    text = "Pyongyang warned that the drills would bring a strong response."
    assert speakers(nlp, text) == [("the drills would bring a strong response", "North Korea", "PRK", "org")]


def test_quotes_speaker_organisation(nlp):
    text = "The International Atomic Energy Agency said the inspectors had left the site."
    [(_words, _name, code, kind)] = speakers(nlp, text)
    assert (code, kind) == ("IAEA", "org")


def test_quotes_speaker_ministry_then_the_ministry(nlp):
    text = (
        "Chile's foreign ministry said the ambassador had been recalled. "
        "The decision was final, the ministry added."
    )
    got = speakers(nlp, text)
    assert [(s[2], s[3]) for s in got] == [("CHL", "org"), ("CHL", "org")]


def test_quotes_speaker_joint_people(nlp):
    text = "Anna Berg and Maria Lopez said the border would reopen on Friday."
    assert speakers(nlp, text) == [
        ("the border would reopen on Friday", "Anna Berg and Maria Lopez", None, "org")
    ]


def test_quotes_speaker_two_ministers(nlp):
    text = "The two ministers said the border would reopen on Friday."
    [(_words, name, _code, kind)] = speakers(nlp, text)
    assert kind == "org" and name == "two ministers"


def test_quotes_speaker_anonymous_group_keeps_its_words(nlp):
    text = "Analysts in Lima said the tariffs would hurt exporters."
    [(_words, name, _code, kind)] = speakers(nlp, text)
    assert (name, kind) == ("Analysts in Lima", "org")


def test_quotes_speaker_unnamed_domestic_agency_gets_dateline_state(nlp):
    text = "SANTIAGO, May 4, 2022\n\nPolice said the march had been peaceful."
    [(words, _name, code, kind)] = speakers(nlp, text)
    assert (words, code, kind) == ("the march had been peaceful", "CHL", "org")


def test_quotes_speaker_relative_clause(nlp):
    text = "The inspectors visited the plant, which the agency said had been shut since May."
    [(words, name, _code, _kind)] = speakers(nlp, text)
    assert words == "had been shut since May" and name == "agency"


def test_quotes_speaker_title_then_name_in_apposition(nlp):
    text = "The agency's regional director, Matshidiso Moeti, wrote that the approach was working. She said others should follow."
    got = speakers(nlp, text)
    assert [(s[1], s[3]) for s in got] == [("Matshidiso Moeti", "person"), ("Matshidiso Moeti", "person")]


def test_quotes_speaker_according_to_object(nlp):
    text = "Three ships were turned back on Sunday, according to the Norwegian coast guard."
    [(words, _name, code, kind)] = speakers(nlp, text)
    assert (words, code, kind) == ("Three ships were turned back on Sunday", "NOR", "org")


def test_quotes_speaker_phrase_has_no_trailing_comma(nlp):
    text = "Officials in Seoul, who spoke on condition of anonymity, said the North had moved launchers."
    found = speakers(nlp, text)
    assert found and found[0][1] == "Officials in Seoul" and found[0][2] == "KOR"


def test_quotes_speaker_a_statement_read_out_speaks_for_its_issuer(nlp):
    text = "“We condemn this attack in the strongest terms,” read a statement from the German foreign office."
    found = speakers(nlp, text)
    assert found and found[0][1:3] == ("German foreign office", "DEU")
