"""Indirect speech before and after speech verbs, and what is not a quote (issue 5, item 1)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(5)


def found(nlp, text):
    doc = nlp(text)
    return [
        (q["kind"], text[q["start_char"] : q["end_char"]], q["speaker"], q["cue"])
        for q in doc._.eventwire_quotes
    ]


@pytest.mark.parametrize(
    "verb,cue",
    [
        ("said", "say"),
        ("added", "add"),
        ("warned", "warn"),
        ("claimed", "claim"),
        ("argued", "argue"),
        ("insisted", "insist"),
        ("announced", "announce"),
        ("stressed", "stress"),
    ],
)
def test_quotes_indirect_after_speech_verb(nlp, verb, cue):
    text = f"Anna Berg {verb} that the dam would hold through the winter."
    assert found(nlp, text) == [("indirect", "the dam would hold through the winter", "Anna Berg", cue)]


def test_quotes_indirect_without_that(nlp):
    text = "Maria Lopez said the budget gap had doubled since March."
    assert found(nlp, text) == [("indirect", "the budget gap had doubled since March", "Maria Lopez", "say")]


def test_quotes_indirect_told_someone_that(nlp):
    text = "Maria Lopez told reporters in Madrid that the talks had failed."
    assert found(nlp, text) == [("indirect", "the talks had failed", "Maria Lopez", "tell")]


def test_quotes_indirect_pointed_out(nlp):
    text = "Anna Berg pointed out that the border had been closed for a week."
    assert found(nlp, text) == [
        ("indirect", "the border had been closed for a week", "Anna Berg", "point out")
    ]


def test_quotes_indirect_before_speech_verb(nlp):
    text = "The new bridge will open in May, Maria Lopez added."
    assert found(nlp, text) == [("indirect", "The new bridge will open in May", "Maria Lopez", "add")]


def test_quotes_indirect_participle_saying(nlp):
    text = "Maria Lopez rejected the plan, saying the city could not afford it."
    assert found(nlp, text) == [("indirect", "the city could not afford it", "Maria Lopez", "say")]


def test_quotes_indirect_according_to(nlp):
    text = "Three ships were turned back on Sunday, according to the Norwegian coast guard."
    quotes = found(nlp, text)
    assert [(q[0], q[1], q[3]) for q in quotes] == [
        ("indirect", "Three ships were turned back on Sunday", "according to")
    ]


def test_quotes_indirect_according_to_information_is_no_speaker(nlp):
    text = "Three ships were turned back on Sunday, according to information seen by the paper."
    assert found(nlp, text) == []


def test_quotes_indirect_stops_at_a_coordinated_speech_act(nlp):
    text = "Maria Lopez said the port was safe and urged ships to return."
    assert found(nlp, text) == [("indirect", "the port was safe", "Maria Lopez", "say")]


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg believes the dam will hold.",
        "Anna Berg hopes that the talks will resume soon.",
        "Anna Berg urged the council to act quickly.",
        "Anna Berg accused the mayor of hiding the report.",
        "Anna Berg denied that she had seen the report.",
        "Anna Berg did not say whether the dam would hold.",
        "It was announced that the dam would hold.",
    ],
)
def test_quotes_indirect_not_quotes(nlp, text):
    assert found(nlp, text) == []


def test_quotes_indirect_inside_a_relative_clause(nlp):
    text = "The levy, which farmers say hurt small growers most, was dropped in May."
    assert found(nlp, text) == [("indirect", "hurt small growers most", "farmers", "say")]


def test_quotes_indirect_stops_before_a_withheld_statement(nlp):
    text = "Ana Ruiz told reporters that she was safe but gave no details of how she had crossed the border."
    quotes = found(nlp, text)
    assert [q[:2] for q in quotes] == [("indirect", "she was safe")]


def test_quotes_indirect_declining_to_say_is_no_quote(nlp):
    text = "The minister said the talks were useful but declined to say when they would resume."
    assert [q[1] for q in found(nlp, text)] == ["the talks were useful"]
