"""The bundled actor dictionary: coverage, schema, lookups by date, and agent words."""

from __future__ import annotations

import collections
import datetime
import itertools

import pycountry
import pytest

from eventwire.actors.dictionary import FORMS, KINDS, ActorDictionary, Entry, Role, entry_forms

# Codes outside ISO 3166-1 that states.yaml uses (documented in SOURCES.md).
NON_ISO_STATE_CODES = {"XKX"}
# Codes of the gold guidelines (benchmarks/gold/GUIDELINES.md) every IGO list must have.
GUIDELINE_ORG_CODES = {
    "NATO",
    "UN",
    "EU",
    "AU",
    "ASEAN",
    "OPEC",
    "IAEA",
    "WHO",
    "IMF",
    "WB",
    "ICC",
    "OSCE",
    "G7",
    "G20",
    "ARL",
    "GCC",
    "ICRC",
    "AI",
    "HRW",
    "ECOWAS",
    "SADC",
    "IGAD",
    "OAS",
    "CSTO",
    "SCO",
    "OIC",
    "WTO",
    "OPCW",
}
SECTORS = {
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "OPP",
    "REB",
    "COP",
    "SPY",
    "BUS",
    "MED",
    "CVL",
    "EDU",
    "LAB",
    "REF",
    "HLH",
    "NGO",
    "IGO",
    "CRM",
    "ELI",
    "REL",
    "UAF",
    "ENV",
    "AGR",
    "HRI",
    "DEV",
    "PTY",
    "MNC",
    "MOD",
    "RAD",
}


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def of_kind(actors: ActorDictionary, *kinds: str) -> list[Entry]:
    return [e for e in actors.entries.values() if e.kind in kinds]


def test_actors_dictionary_covers_every_un_member_and_observer(actors):
    states = of_kind(actors, "state")
    codes = {e.code for e in states}
    assert len(states) >= 195
    assert {"PSE", "VAT", "TWN", "XKX", "ESH"} <= codes
    for code in codes - NON_ISO_STATE_CODES:
        assert pycountry.countries.get(alpha_3=code) is not None, code
    assert all(e.key == f"state:{e.code}" for e in states)


def test_actors_dictionary_person_keys_are_ascii(actors):
    assert "person:jonas_gahr_store" in actors.entries
    assert all(key.isascii() for key in actors.entries if key.startswith("person:"))


def test_actors_dictionary_has_the_guideline_organisations(actors):
    orgs = of_kind(actors, "igo", "ngo")
    assert len({e.code for e in orgs}) >= 30
    assert GUIDELINE_ORG_CODES <= {e.code for e in orgs}
    assert actors.by_code("NATO").cameo == "IGOWSTNAT"
    assert actors.by_code("UN").cameo == "IGOUNO"
    assert actors.by_code("EU").cameo == "IGOEUREEC"
    # UN organs and agencies are coded UN but keep their own entries and names
    assert actors.entries["org:UNSC"].code == "UN"
    assert actors.by_code("UN").key == "org:UN"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Seoul", "KOR"),
        ("Pyongyang", "PRK"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Pentagon", "USA"),
        ("Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("Elysee", "FRA"),
        ("Élysée", "FRA"),
        ("Beijing", "CHN"),
        ("Zhongnanhai", "CHN"),
        ("Miraflores", "VEN"),
        ("South Korean", "KOR"),
        ("Ukrainians", "UKR"),
        ("Emirati", "ARE"),
        ("Britain", "GBR"),
        ("U.S.", "USA"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Vietnam", "VNM"),
        ("NATO", "NATO"),
        ("UN Security Council", "UN"),
        ("Human Rights Watch", "HRW"),
        ("World Bank", "WB"),
    ],
)
def test_actors_dictionary_surface_forms_resolve(actors, text, code):
    forms = {t: key for t, key, _ in actors.surface_forms()}
    assert actors.entries[forms[text]].code == code


def test_actors_dictionary_apostrophes_come_straight_and_curly(actors):
    forms = {t: key for t, key, _ in actors.surface_forms()}
    assert forms["Quai d'Orsay"] == forms["Quai d\u2019Orsay"] == "state:FRA"
    assert forms["C\u00f4te d\u2019Ivoire"] == "state:CIV"
    assert forms["People\u2019s Liberation Army"] == "group:peoples_liberation_army"


def test_actors_dictionary_entries_are_valid(actors):
    for entry in actors.entries.values():
        assert entry.kind in KINDS, entry.key
        assert entry.name and entry.source, entry.key
        assert entry.name in entry.names, entry.key
        if entry.kind == "person":
            assert entry.code is None and entry.roles, entry.key
            assert entry.gender in ("male", "female", None), entry.key
        else:
            assert entry.code, entry.key
        for role in entry.roles:
            assert role.title and role.code, entry.key
            assert role.start is None or role.end is None or role.start <= role.end, entry.key
        if entry.wikidata:
            assert entry.wikidata[0] == "Q" and entry.wikidata[1:].isdigit(), entry.key


def test_actors_dictionary_no_surface_form_has_two_actors():
    """Across the raw bundled entries (before later files win), a text names one actor."""
    actors = ActorDictionary.load()
    owners = collections.defaultdict(set)
    for entry in actors.entries.values():
        for text, form in entry_forms(entry):
            assert form in FORMS
            owners[text].add(entry.key)
    assert {t: k for t, k in owners.items() if len(k) > 1} == {}


def test_actors_dictionary_agents_and_titles_use_known_sectors(actors):
    assert actors.agents["troops"] == "MIL"
    assert actors.agents["government"] == "GOV"
    assert actors.agents["police"] == "COP"
    assert actors.agents["rebels"] == "REB"
    assert actors.agents["opposition"] == "OPP"
    assert actors.agents["parliament"] == "LEG"
    assert actors.agents["court"] == "JUD"
    assert actors.titles["secretary general"] == "GOV"
    assert actors.titles["foreign minister"] == "GOV"
    assert set(actors.agents.values()) | set(actors.titles.values()) <= SECTORS
    assert all(word == word.lower().strip() for word in [*actors.agents, *actors.titles])


def test_actors_dictionary_role_on_picks_the_office_of_the_day():
    early = Role("NOR", "GOV", "Prime Minister", datetime.date(2005, 10, 17), datetime.date(2013, 10, 16))
    nato = Role("NATO", None, "Secretary General", datetime.date(2014, 10, 1), datetime.date(2024, 10, 1))
    late = Role("NOR", "GOV", "Finance Minister", datetime.date(2025, 2, 4), None)
    person = Entry("person:x", "person", None, "X", ("X",), roles=(early, nato, late))
    actors = ActorDictionary({person.key: person})
    assert actors.role_on(person, datetime.date(2023, 3, 20)) is nato
    assert actors.role_on(person, datetime.date(2024, 10, 1)) is nato
    assert actors.role_on(person, datetime.date(2024, 12, 1)) is None
    assert actors.role_on(person, datetime.date(2026, 1, 1)) is late
    assert actors.role_on(person, None) is late
    assert actors.role_on(person, datetime.date(1990, 1, 1)) is None


def test_actors_dictionary_role_on_latest_start_wins_when_offices_overlap():
    fm = Role("KOR", "GOV", "Foreign Minister", datetime.date(2020, 1, 1), datetime.date(2022, 12, 31))
    pm = Role("KOR", "GOV", "Prime Minister", datetime.date(2022, 6, 1), None)
    person = Entry("person:y", "person", None, "Y", ("Y",), roles=(pm, fm))
    assert ActorDictionary().role_on(person, datetime.date(2022, 7, 1)) is pm


def test_actors_dictionary_bundled_load_is_cached():
    assert ActorDictionary.load() is ActorDictionary.load()


def test_actors_dictionary_has_300_dated_office_holders(actors):
    people = of_kind(actors, "person")
    dated = [p for p in people if p.roles and all(r.start for r in p.roles)]
    assert len(dated) >= 300
    assert all(p.gender in ("male", "female") for p in people)
    codes = {r.code for p in people for r in p.roles}
    known = {e.code for e in actors.entries.values() if e.kind != "person"}
    assert codes <= known, codes - known  # every role acts for a known state or organisation


@pytest.mark.parametrize(
    ("key", "day", "code", "title"),
    [
        ("person:jens_stoltenberg", "2023-03-20", "NATO", "Secretary General"),
        ("person:jens_stoltenberg", "2012-01-01", "NOR", "Prime Minister"),
        ("person:jens_stoltenberg", "2025-06-01", "NOR", "Finance Minister"),
        ("person:mark_rutte", "2025-01-01", "NATO", "Secretary General"),
        ("person:mark_rutte", "2020-01-01", "NLD", "Prime Minister"),
        ("person:park_jin", "2023-07-01", "KOR", "Foreign Minister"),
        ("person:vladimir_putin", "2010-01-01", "RUS", "Prime Minister"),
        ("person:antonio_guterres", "2020-01-01", "UN", "Secretary-General"),
        ("person:ursula_von_der_leyen", "2022-01-01", "EU", "President of the European Commission"),
    ],
)
def test_actors_dictionary_people_hold_the_office_of_the_day(actors, key, day, code, title):
    role = actors.role_on(actors.entries[key], datetime.date.fromisoformat(day))
    assert (role.code, role.title) == (code, title)


def test_actors_dictionary_stoltenberg_is_not_nato_after_2024(actors):
    stoltenberg = actors.entries["person:jens_stoltenberg"]
    assert actors.role_on(stoltenberg, datetime.date(2025, 1, 1)) is None
    assert actors.role_on(stoltenberg, datetime.date(2024, 10, 1)).code == "NATO"
    assert {t for t, key, form in actors.surface_forms() if key == stoltenberg.key} == {
        "Jens Stoltenberg",
        "Stoltenberg",
    }


@pytest.mark.parametrize(
    ("key", "code", "agent"),
    [
        ("group:israel_defense_forces", "ISR", "MIL"),
        ("group:kcna", "PRK", "MED"),
        ("group:hamas", "PSE", "REB"),
        ("group:fbi", "USA", "COP"),
    ],
)
def test_actors_dictionary_groups_carry_their_state_and_sector(actors, key, code, agent):
    entry = actors.entries[key]
    role = actors.role_on(entry, datetime.date(2024, 1, 1))
    assert (entry.code, role.code, role.agent) == (code, code, agent)


def test_actors_dictionary_bundled_files_share_no_key():
    from importlib import resources

    from eventwire.actors import dictionary_yaml
    from eventwire.actors.dictionary import BUNDLED_FILES

    folder = resources.files("eventwire") / "data" / "actors"
    seen: dict[str, str] = {}
    for name in BUNDLED_FILES:
        for entry in dictionary_yaml.parse((folder / name).read_text(encoding="utf-8"), name).entries:
            assert entry.key not in seen, f"{entry.key} in {seen.get(entry.key)} and {name}"
            seen[entry.key] = name
    assert len(seen) == len(ActorDictionary.load().entries)


# Offices one person holds at a time. Month-precise dates (start on the 1st, end on the
# last day of the month) make handovers overlap by up to a month; more is a data error.
SINGLE_HOLDER_TITLES = {
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Secretary of State",
    "Secretary of Defense",
    "Chancellor",
    "Foreign Secretary",
    "Defence Secretary",
    "Secretary General",
    "Secretary-General",
    "Director General",
    "Director-General",
    "Managing Director",
    "King",
    "Queen",
    "Emir",
    "Supreme Leader",
    "Premier",
    "Minister of the Armed Forces",
    "Taoiseach",
    "Sultan",
    "Pope",
    "President of the European Commission",
    "President of the European Council",
    "Vice President",
    "High Representative for Foreign Affairs and Security Policy",
    "National Security Adviser",
    "Ambassador to the United Nations",
    "Chief of the General Staff",
    "Chief of Army Staff",
    "Prosecutor",
}


def test_actors_dictionary_single_holder_offices_do_not_overlap(actors):
    holders = collections.defaultdict(list)
    for entry in of_kind(actors, "person"):
        for role in entry.roles:
            if role.title in SINGLE_HOLDER_TITLES and role.start:
                holders[(role.code, role.title)].append(
                    (role.start, role.end or datetime.date.max, entry.name)
                )
    clashes = []
    for office, terms in holders.items():
        terms.sort()
        for (_, end, name), (start, _, successor) in itertools.pairwise(terms):
            if (end - start).days > 31:
                clashes.append((office, name, successor))
    assert clashes == []
