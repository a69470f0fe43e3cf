"""The verb-pattern lexicon: bundled YAML, PETRARCH-format dictionaries, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.events.cameo import cameo_info
from eventwire.events.lexicon import Lexicon, choose_code, load_lexicon
from eventwire.events.petrarch_verbs import parse_petrarch_verbs

pytestmark = pytest.mark.issue(4)

PETRARCH_SAMPLE = """\
&TIETYPES
+DIPLOMATIC
+TRADE

--- RESTORE  [064]  ---
RESTORE {RESTORES RESTORED RESTORING}
+PATCH_UP [063]
- * &TIETYPES TIES [0641]   # a comment
- * (WITH) [---]
"""


def test_bundled_codes_are_all_cameo():
    lex = load_lexicon()
    for entry in list(lex.verbs.values()) + list(lex.nouns.values()):
        for code in [entry.code] + [c for _, c in entry.when]:
            assert code in (None, "---") or cameo_info(code) is not None, entry.key
    for codes in lex.complement.values():
        assert all(cameo_info(c) for c in codes.values())


def test_petrarch_reader_parses_blocks_synsets_and_patterns(tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_SAMPLE, encoding="utf-8")
    verbs = parse_petrarch_verbs(path)
    restore = verbs["restore"]
    assert restore.code == "064" and "restored" in restore.forms
    assert choose_code(Lexicon([str(path)], bundled=False).verbs["restore"], {"trade", "ties"}) == "0641"
    assert verbs["patch"].patterns[0].code == "063"


def test_extra_yaml_dictionary_takes_precedence(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text('verbs:\n  condemn: {code: "110"}\n', encoding="utf-8")
    assert Lexicon([str(path)]).verbs["condemn"].code == "110"


def test_bad_dictionaries_give_coded_errors(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text('verbs:\n  condemn: {code: "999"}\n', encoding="utf-8")
    with pytest.raises(EventwireError, match="E152"):
        Lexicon([str(bad)])
    with pytest.raises(EventwireError, match="E153"):
        Lexicon([str(tmp_path / "x.csv")])
    with pytest.raises(EventwireError, match="E150"):
        Lexicon([str(tmp_path / "missing.txt")])
