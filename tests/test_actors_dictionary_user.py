"""User YAML dictionaries: they add and override actors, and bad files give coded errors."""

from __future__ import annotations

import datetime
import textwrap

import pytest

from eventwire.actors.dictionary import ActorDictionary
from eventwire.errors import InputError


def write(tmp_path, text, name="mine.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def forms(actors):
    return {text: key for text, key, _ in actors.surface_forms()}


def test_actors_dictionary_user_file_adds_a_person_and_a_group(tmp_path):
    path = write(
        tmp_path,
        """\
        source: my lab's list
        entries:
          - kind: person
            name: Ada Example
            gender: female
            aliases: [Example]
            roles:
              - {code: KOR, agent: GOV, title: Foreign Minister, start: 2021-03, end: 2022-05-09}
          - {kind: group, code: XYZREB, name: Example Front, names: [the Front]}
        agents:
          MIL: [drone unit]
        """,
    )
    actors = ActorDictionary.load([path])
    ada = actors.entries["person:ada_example"]
    assert ada.source == "my lab's list"
    assert ada.names == ("Ada Example", "Example")
    assert actors.role_on(ada, datetime.date(2021, 3, 1)).code == "KOR"
    assert actors.role_on(ada, datetime.date(2022, 5, 10)) is None
    assert forms(actors)["Example"] == "person:ada_example"
    assert actors.entries["group:example_front"].code == "XYZREB"
    assert actors.agents["drone unit"] == "MIL"
    assert "person:ada_example" not in ActorDictionary.load().entries  # the bundled copy is untouched


def test_actors_dictionary_user_file_overrides_key_and_surface_form(tmp_path):
    path = write(
        tmp_path,
        """\
        entries:
          - {kind: state, code: KOR, name: Korea, names: [Korea, South Korea]}
          - {key: "group:brussels_eu", kind: igo, code: EU, name: EU institutions, names: [EU institutions],
             metonyms: [Brussels]}
        """,
    )
    actors = ActorDictionary.load([path])
    assert actors.entries["state:KOR"].name == "Korea"
    assert actors.entries["state:KOR"].metonyms == ()  # replaced whole, not merged
    assert forms(actors)["Brussels"] == "group:brussels_eu"
    assert forms(ActorDictionary.load())["Brussels"] == "state:BEL"


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("entries:\n  - {kind: state, code: KOR\n", "E101", 3),  # PyYAML notices at the end
        ("entries:\n  - {kind: state, code: KOR}\n", "E102", 2),
        ("entries:\n  - kind: planet\n    name: Mars\n", "E104", 2),
        ("entries:\n  - {kind: state, code: KOR, name: Korea, capital: Seoul}\n", "E105", 2),
        (
            (
                "entries:\n  - {kind: state, code: KOR, name: Korea, names: Korea2}\n"
                "  - {kind: state, name: X, names: 3}\n"
            ),
            "E106",
            3,
        ),
        (
            "entries:\n  - {kind: state, code: KOR, name: A}\n  - {kind: state, code: KOR, name: B}\n",
            "E107",
            3,
        ),
        (
            (
                "entries:\n  - kind: person\n    name: A\n    roles:\n"
                "      - {code: KOR, title: PM, start: 2020-13-01}\n"
            ),
            "E103",
            5,
        ),
        (
            (
                "entries:\n  - kind: person\n    name: A\n    roles:\n"
                "      - {code: KOR, title: PM, start: 2020, end: 2019}\n"
            ),
            "E109",
            5,
        ),
        (
            (
                "entries:\n  - kind: igo\n    name: Bloc\n    members:\n"
                "      - {code: ABC, start: 2020, end: 2019}\n"
            ),
            "E112",
            5,
        ),
        (
            "entries:\n  - kind: igo\n    name: Bloc\n    members:\n      - {code: ABC, founding: maybe}\n",
            "E106",
            5,
        ),
        ("- just a list\n", "E101", 1),
    ],
)
def test_actors_dictionary_user_file_errors_name_file_and_line(tmp_path, text, code, line):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        ActorDictionary.load([path])
    message = str(info.value)
    assert message.startswith(f"[{code}]"), message
    assert str(path) in message
    assert f"line {line}:" in message


def test_actors_dictionary_user_file_missing_or_unknown_format(tmp_path):
    with pytest.raises(InputError, match=r"\[E100\].*nope\.yaml"):
        ActorDictionary.load([tmp_path / "nope.yaml"])
    path = write(tmp_path, "a,b,c\n1,2,3\n", name="table.csv")
    with pytest.raises(InputError, match=r"\[E108\]"):
        ActorDictionary.load([path])
