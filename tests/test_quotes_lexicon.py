"""The speech-verb lexicon data file and user extensions (issue 5)."""

from __future__ import annotations

import pytest

from eventwire.errors import InputError
from eventwire.quotes.lexicon import CLASSES, load_lexicon

pytestmark = pytest.mark.issue(5)


def test_quotes_lexicon_bundled_classes():
    lexicon = load_lexicon()
    assert lexicon.verbs["say"] == "report"
    assert lexicon.verbs["call"] == "name"
    assert lexicon.verbs["urge"] == "comm"
    assert lexicon.verbs["believe"] == "belief"
    assert lexicon.phrasal[("point", "out")] == "report"
    assert "according to" in lexicon.sources
    assert set(lexicon.verbs.values()) <= set(CLASSES)


def test_quotes_lexicon_extra_file_overrides(tmp_path, nlp):
    extra = tmp_path / "verbs.tsv"
    extra.write_text("# mine\ngrumble\treport\tme\nsay\tbelief\tme\n", encoding="utf-8")
    lexicon = load_lexicon([extra])
    assert lexicon.verbs["grumble"] == "report"
    assert lexicon.verbs["say"] == "belief"
    doc = nlp("Anna Berg grumbled that the trains were late.")
    assert lexicon.cue_class(doc[2]) == "report"


def test_quotes_lexicon_malformed_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("say\treport\nmutter\tshout\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E200\] .*bad.tsv:2"):
        load_lexicon([bad])


def test_quotes_lexicon_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"\[E201\]"):
        load_lexicon([tmp_path / "nope.tsv"])
