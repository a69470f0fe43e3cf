"""PETRARCH/TABARI dictionaries: PETRARCH's own validation files load, dates restrict codes."""

from __future__ import annotations

import datetime
import logging
import re
from pathlib import Path

import pytest

from eventwire.actors import petrarch
from eventwire.actors.dictionary import ActorDictionary
from eventwire.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "petrarch"
ACTORS = FIXTURES / "PETR.Validate.actors.txt"
AGENTS = FIXTURES / "PETR.Validate.agents.txt"


@pytest.fixture(scope="module")
def validate() -> ActorDictionary:
    return ActorDictionary.load([ACTORS, AGENTS])


def head_phrases(path: Path) -> list[str]:
    """Phrases written at the start of a line (not synonyms, codes or comments), read plainly."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line[0] in " \t+#<":
            continue
        phrase = line.split("#")[0].split("[")[0]
        out.append(" ".join(phrase.replace("_", " ").split()))
    return out


def test_actors_petrarch_every_validation_phrase_loads(validate):
    forms = {text for text, _, _ in validate.surface_forms()}
    phrases = head_phrases(ACTORS)
    assert len(phrases) > 100
    assert [p for p in phrases if p not in forms] == []
    for synonym in ("SMEAGOL", "MINAS TIRITH", "INTERPOL", "U.N.", "USSR", "SEOUL", "AUSTRALIAN"):
        assert synonym in forms


def code_on(actors: ActorDictionary, key: str, day: str) -> str | None:
    role = actors.role_on(actors.entries[key], datetime.date.fromisoformat(day))
    return role.title if role else None  # the role title keeps PETRARCH's full code


@pytest.mark.parametrize(
    ("key", "day", "code"),
    [
        ("petrarch:sam_gamgee", "2007-06-01", "HOBCIV"),
        ("petrarch:sam_gamgee", "2010-01-10", "ORCHOB"),  # overrides HOBMIL, as the file's comment says
        ("petrarch:sam_gamgee", "2011-01-01", "HOBMIL"),
        ("petrarch:sam_gamgee", "2012-12-01", "HOBGOV"),
        ("petrarch:sam_gamgee", "2014-01-01", "HOBELI"),
        ("petrarch:hamfast_gamgee", "2012-12-01", "HOBGOV"),
        ("petrarch:hamfast_gamgee", "2014-01-01", "HOB"),  # the undated default
        ("petrarch:gollum", "1995-05-31", "HOB"),
        ("petrarch:gollum", "1995-06-01", "HOBGOV"),
        ("petrarch:gollum", "1999-08-16", None),  # between HOBGOV (to 990815) and HOBREB (after 990816)
        ("petrarch:gollum", "1999-08-17", "HOBREB"),
        ("petrarch:zimbabwe", "1979-01-01", "RHO"),
        ("petrarch:zimbabwe", "1990-01-01", "ZBW"),
        ("petrarch:prince_of_dol_amroth", "1990-01-01", petrarch.NULL_CODE),
    ],
)
def test_actors_petrarch_date_restricted_codes(validate, key, day, code):
    assert code_on(validate, key, day) == code


def test_actors_petrarch_roles_split_actor_and_sector(validate):
    role = validate.role_on(validate.entries["petrarch:sam_gamgee"], datetime.date(2011, 1, 1))
    assert (role.code, role.agent) == ("HOB", "MIL")
    troops = validate.entries["petrarch:israeli_troops"]
    assert troops.code == "ISR" and troops.kind == "state"
    assert validate.role_on(troops, None).agent == "MIL"


@pytest.mark.parametrize(
    ("word", "sector"),
    [
        ("president", "GOV"),
        ("presidents", "GOV"),
        ("foreign minister", "GOV"),
        ("police", "COP"),
        ("congressman", "LEG"),
        ("congresswomen", "LEG"),
        ("attorneys general", "GOV"),
        ("human rights organization", "NGO"),
        ("msf", "NGO"),
        ("golden geese", "GGS"),
        ("minister of silly walks", "GOV"),
        ("ministries of silly walks", "GOV"),
        ("troops", "MIL"),
    ],
)
def test_actors_petrarch_agents_load(validate, word, sector):
    assert validate.agents[word] == sector


def test_actors_petrarch_agents_plural_rules():
    agents = petrarch.parse(AGENTS.read_text(encoding="utf-8"), str(AGENTS)).agents
    assert "polices" not in agents  # POLICE {} has no plural
    assert "attorney generals" not in agents  # the {PLURAL} given replaces the regular one
    assert "media" in agents and "medias" not in agents
    assert agents["soldiers"] == "MIL" and agents["congressmen"] == "LEG"


def test_actors_petrarch_maps_cameo_codes_to_eventwire_codes(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(
        "NATO_ [IGOWSTNAT]\nKOSOVO_ [KSV]\n"
        "BAN_KI_MOON_  # a person\n\t[KORGOV 040101-061201]\n\t[IGOUNO >061231]\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load([path])
    assert actors.entries["petrarch:nato"].code == "NATO"
    assert actors.entries["petrarch:kosovo"].code == "XKX"
    ban = actors.entries["petrarch:ban_ki_moon"]
    assert ban.kind == "person"
    role = actors.role_on(ban, datetime.date(2005, 5, 5))
    assert (role.code, role.agent, role.start, role.end) == (
        "KOR",
        "GOV",
        datetime.date(2004, 1, 1),
        datetime.date(2006, 12, 1),
    )
    assert actors.role_on(ban, datetime.date(2010, 1, 1)).code == "UN"
    assert actors.role_on(ban, datetime.date(2006, 12, 31)) is None


def test_actors_petrarch_sector_survives_code_mapping(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("SOME_SPY_AGENCY_ [ISRSPY]\nKOSOVO_POLICE_ [KSVCOP]\n", encoding="utf-8")
    actors = ActorDictionary.load([path])
    spy = actors.role_on(actors.entries["petrarch:some_spy_agency"], None)
    police = actors.role_on(actors.entries["petrarch:kosovo_police"], None)
    assert (spy.code, spy.agent, police.code, police.agent) == ("ISR", "SPY", "XKX", "COP")


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("+SYNONYM_FIRST\nPHRASE [ABC]\n", "E110", 1),
        ("\t[ABC]\nPHRASE [ABC]\n", "E110", 1),
        ("PHRASE [ABC]\n\tINDENTED_TEXT\n", "E110", 2),
        ("PHRASE [ABC 0101-0202]\n", "E111", 1),
        ("PHRASE [ABC\n", "E110", 1),
        ("!PERSON! = MAN, MEN\nCONGRESS!PEOPLE! [~LEG]\n", "E110", 2),
    ],
)
def test_actors_petrarch_strict_errors_name_file_and_line(tmp_path, text, code, line):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        petrarch.parse(path.read_text(encoding="utf-8"), str(path), strict=True)
    message = str(info.value)
    assert message.startswith(f"[{code}]") and str(path) in message and f"line {line}:" in message


def test_actors_petrarch_typos_are_skipped_with_a_warning_by_default(tmp_path, caplog):
    path = tmp_path / "typo.txt"
    path.write_text("SOMEONE_\n\t[ABCGOV 2004017-20061201]\n\t[ABCGOV >061201]\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventwire.actors.petrarch"):
        actors = ActorDictionary.load([path])
    assert "[E111]" in caplog.text and "line 2" in caplog.text
    assert [r.title for r in actors.entries["petrarch:someone"].roles] == ["ABCGOV"]


def test_actors_petrarch_orphan_code_fails_even_when_lenient(tmp_path):
    path = tmp_path / "orphan.txt"
    path.write_text("# nothing yet\n+SYNONYM [ABC]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[E110\].*line 2"):
        ActorDictionary.load([path])


# ../shared next to the repository (or next to the worktree folder), as the benchmarks read it
SHARED = next(
    (
        p / "shared" / "ontology" / "petrarch2"
        for p in Path(__file__).resolve().parents[2:4]
        if (p / "shared").is_dir()
    ),
    Path("/nonexistent"),
)


@pytest.mark.skipif(
    not (SHARED / "Phoenix.Countries.actors.txt").is_file(), reason="needs ../shared (not in a clone)"
)
def test_actors_petrarch_phoenix_countries_loads():
    actors = ActorDictionary.load([SHARED / "Phoenix.Countries.actors.txt"])
    stoltenberg = actors.entries["petrarch:jens_stoltenberg"]
    assert actors.role_on(stoltenberg, datetime.date(2010, 1, 1)).code == "NOR"
    assert actors.entries["petrarch:south_korea"].code == "KOR"
    assert re.fullmatch(r"[A-Z]{3}", actors.entries["petrarch:afghanistan"].code)


def test_actors_petrarch_phrases_get_natural_case_twins_that_never_override(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(
        "JENS_STOLTENBERG_ [NORGOV]\n+STOLTENBERG\nNEW_PERSON_NAME_ [ABCGOV]\nNATO_ [IGOWSTNAT]\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load([path])
    forms = {text: key for text, key, _ in actors.surface_forms()}
    assert forms["JENS STOLTENBERG"] == "petrarch:jens_stoltenberg"  # as written: overrides
    assert forms["Jens Stoltenberg"] == "person:jens_stoltenberg"  # derived twin: the bundled entry keeps it
    assert forms["New Person Name"] == "petrarch:new_person_name"  # a new name gets its twin
    assert actors.entries["petrarch:new_person_name"].name == "New Person Name"
    assert forms["NATO"] == "petrarch:nato"


def test_actors_petrarch_mixed_case_phrases_are_written_forms(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("Jens_Stoltenberg_ [NORGOV]\n", encoding="utf-8")
    forms = {text: key for text, key, _ in ActorDictionary.load([path]).surface_forms()}
    assert forms["Jens Stoltenberg"] == "petrarch:jens_stoltenberg"  # written as such: it overrides


@pytest.mark.parametrize(
    ("phrase", "cased"),
    [
        ("SOUTH KOREA", "South Korea"),
        ("NATO", "NATO"),
        ("U.N.", "U.N."),
        ("BASHAR AL-ASSAD", "Bashar al-Assad"),
        ("UNITED STATES OF AMERICA", "United States of America"),
        ("GROUP OF 77", "Group of 77"),
    ],
)
def test_actors_petrarch_natural_case(phrase, cased):
    assert petrarch.natural_case(phrase) == cased


def test_actors_petrarch_no_plural_for_plurals_or_prepositional_phrases(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text("VANDALS [~CRM]\nMINISTER OF_DEFENSE [~GOV]\nCONGRESS [~LEG]\nEMPRESS [~GOV]\n", encoding="utf-8")
    agents = ActorDictionary.load([path]).agents
    assert "vandalses" not in agents and "minister of defenses" not in agents
    assert agents["congresses"] == "LEG" and agents["empresses"] == "GOV"
