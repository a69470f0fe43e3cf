"""Direct and partial quotes: marks, nesting, sentences, paragraphs, split quotes (issue 5, item 1)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(5)


def found(nlp, text):
    doc = nlp(text)
    return [(q["kind"], text[q["start_char"] : q["end_char"]], q["speaker"]) for q in doc._.eventwire_quotes]


def test_quotes_direct_curly_marks(nlp):
    text = "“The harbour will stay closed until Friday,” Maria Lopez told reporters on Monday."
    assert found(nlp, text) == [("direct", "The harbour will stay closed until Friday", "Maria Lopez")]


def test_quotes_direct_straight_marks_speaker_after_verb(nlp):
    text = '"The numbers are simply not there," said Maria Lopez, the city\'s finance director.'
    assert found(nlp, text) == [("direct", "The numbers are simply not there", "Maria Lopez")]


def test_quotes_direct_nested_single_quotes(nlp):
    text = "“They told us ‘wait until spring’ and we waited,” said Anna Berg."
    assert found(nlp, text) == [("direct", "They told us ‘wait until spring’ and we waited", "Anna Berg")]


def test_quotes_direct_over_two_sentences(nlp):
    text = "“We are not leaving. This is our home,” Anna Berg said on Tuesday."
    assert found(nlp, text) == [("direct", "We are not leaving. This is our home", "Anna Berg")]


def test_quotes_direct_split_by_attribution_is_two_quotes(nlp):
    text = "“We are ready to talk,” Anna Berg said, “but we will not be rushed.”"
    assert found(nlp, text) == [
        ("direct", "We are ready to talk", "Anna Berg"),
        ("direct", "but we will not be rushed", "Anna Berg"),
    ]


def test_quotes_direct_after_colon(nlp):
    text = 'The day before, Maria Lopez told reporters: "I have nothing to hide."'
    assert found(nlp, text) == [("direct", "I have nothing to hide", "Maria Lopez")]


def test_quotes_direct_floating_quote_takes_paragraph_speaker(nlp):
    text = '"The numbers are simply not there," said Maria Lopez. "We will have to cut services."'
    assert found(nlp, text)[1] == ("direct", "We will have to cut services", "Maria Lopez")


def test_quotes_direct_paragraph_continuation(nlp):
    text = (
        "Anna Berg spoke for an hour.\n\n"
        "“The water came at night and took everything.\n\n"
        "“We will rebuild, but we need help,” Berg said."
    )
    quotes = found(nlp, text)
    assert len(quotes) == 1
    kind, words, speaker = quotes[0]
    assert kind == "direct" and words.startswith("The water came") and words.endswith("we need help")
    assert speaker == "Anna Berg"


def test_quotes_direct_unattributed_floating_stays_unattributed(nlp):
    text = "The square was empty on Sunday.\n\n“Nobody wants to be here any more.”"
    assert found(nlp, text) == [("direct", "Nobody wants to be here any more", None)]


def test_quotes_partial_embedded_in_writer_sentence(nlp):
    text = "Anna Berg called the proposal “a reckless gamble” on Monday."
    assert found(nlp, text) == [("partial", "a reckless gamble", "Anna Berg")]


def test_quotes_partial_inside_indirect_is_both(nlp):
    text = "Anna Berg said the plan would “never pass” in parliament."
    quotes = found(nlp, text)
    assert ("partial", "never pass", "Anna Berg") in quotes
    assert ("indirect", "the plan would “never pass” in parliament", "Anna Berg") in quotes


def test_quotes_partial_whole_clause_in_marks_is_direct(nlp):
    text = "Anna Berg said that “the river has never been this high”, and left."
    assert found(nlp, text) == [("direct", "the river has never been this high", "Anna Berg")]


def test_quotes_partial_scare_quotes_and_titles_are_not_quotes(nlp):
    text = (
        'The report, titled "Water and Cities", was published on Friday. '
        "Its so-called “green” measures cost little."
    )
    assert found(nlp, text) == []


def test_quotes_partial_fragment_with_inner_clause_is_partial(nlp):
    text = "Anna Berg claimed it was “absolutely vital that the dam holds”, believing the town was at risk."
    quotes = found(nlp, text)
    assert ("partial", "absolutely vital that the dam holds", "Anna Berg") in quotes
    # the reported clause is the quoted words plus "it was": a partial quote, not also an indirect one
    assert not any(q[0] == "indirect" for q in quotes)
    assert not any("believing" in q[1] for q in quotes)


def test_quotes_partial_inside_a_longer_indirect_clause_is_both(nlp):
    text = "Anna Berg said the new dam had been “badly built” by the company and would need repairs."
    quotes = found(nlp, text)
    assert ("partial", "badly built", "Anna Berg") in quotes
    assert ("indirect", "the new dam had been “badly built” by the company and would need repairs", "Anna Berg") \
        in quotes


def test_quotes_direct_quoted_question_and_exclamation(nlp):
    text = (
        '"Why now?" asked Maria Lopez, the council\'s treasurer.\n\n"Never!" shouted the protesters outside.'
    )
    assert found(nlp, text) == [("direct", "Why now?", "Maria Lopez"), ("direct", "Never!", "protesters")]


def test_quotes_direct_definite_title_refers_back_to_apposition(nlp):
    text = (
        '"Why now?" asked Maria Lopez, the council\'s treasurer. '
        'The treasurer said: "We cannot pay. The money is gone."'
    )
    assert found(nlp, text)[-1] == ("direct", "We cannot pay. The money is gone", "Maria Lopez")
