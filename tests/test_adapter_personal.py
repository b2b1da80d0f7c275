"""The staff roster adapters: CSV exports of payroll/HR systems and PAXml 2.0 (adapters/personal_csv.py,
adapters/personal_paxml.py, adapters/roster.py). The personnummer are Skatteverket's test numbers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import Kalla, SourceFile
from regelkoll.adapters.personal_csv import SYNONYMS
from regelkoll.adapters.personal_csv import read as read_csv
from regelkoll.adapters.personal_paxml import read as read_paxml
from regelkoll.adapters.roster import form_of, practises, role_of, title_of
from regelkoll.adapters.values import fold
from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.facts.describe import YRKE_SV as TITLE_NAMES
from regelkoll.facts.model import YRKEN

DATA = Path(__file__).parent / "data" / "sources" / "personal"
EXTRACT = "2026-11-20"
UNITS = """\
kontext:
  per_datum: '2026-11-20'
organisation:
- id: org-tallen
  namn: Tallens Behandlingshem AB
  organisationsnummer: 556000-0001
  regi: enskild
- id: org-bemanning
  namn: Vårdbemanning i Lillby AB
  organisationsnummer: 556088-4214
  regi: enskild
verksamhet:
- id: hvb-tallen
  namn: HVB Tallen
  organisation: org-tallen
  typ: hvb
- id: hvb-granen
  namn: HVB Granen
  organisation: org-tallen
  typ: hvb
"""


def data_set(tmp_path: Path, *sources: dict) -> Path:
    for source in sources:
        shutil.copy(DATA / source["fil"], tmp_path / source["fil"])
    (tmp_path / "enheter.yaml").write_text(UNITS, encoding="utf-8")
    (tmp_path / "kallor.yaml").write_text(yaml.safe_dump({"kallor": list(sources)}, allow_unicode=True),
                                          encoding="utf-8")
    return tmp_path


def engagements(bundle) -> dict[str, tuple]:
    """id → (person's name, personnummer, verksamhet, organisation, form, roll, titel, utovar, start, slut)."""
    out = {}
    for e in bundle.of("engagemang"):
        person = bundle.get("person", e.person)
        out[e.id] = (person.namn, person.personnummer, e.verksamhet, e.organisation, e.form, e.roll, e.titel,
                     e.utovar, e.start, e.slut)
    return out


def broken(bundle, kind: str = "engagemang") -> dict[str, tuple]:
    return {b.raw.get("id"): (b.diagnostic.code, b.diagnostic.line) for b in bundle.broken if b.kind == kind}


def codes(bundle, file: str) -> list[tuple[int, str, str]]:
    return sorted((d.line, d.code, d.field) for d in bundle.diagnostics if d.file.endswith(file))


# --- CSV ------------------------------------------------------------------------------------------------------


def test_windows_1252_semicolon_roster_is_read_row_by_row(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "lonelista_1252.csv", "adapter": "personal_csv",
                                             "uttagsdatum": EXTRACT, "verksamhet": "hvb-tallen"}))
    got = engagements(bundle)
    assert got["lonelista-1252.1001"] == ("Åsa Öberg", "198007082392", "hvb-tallen", "org-tallen", "anstallning",
                                          "personal", "sjukskoterska", "ingen", date(2024, 1, 15), None)
    # ten digits: the century from the extract day; ÅÅÅÅMMDD dates; läkarsekreterare is no läkare
    assert got["lonelista-1252.1002"] == ("Björn Ärlig", "197602252392", "hvb-tallen", "org-tallen", "anstallning",
                                          "personal", "ingen", "ingen", date(2024, 3, 1), date(2024, 8, 31))
    # a post titled läkare is work as läkare, whatever the form
    assert got["lonelista-1252.1004"][4:8] == ("uppdrag", "personal", "lakare", "lakare")
    assert got["lonelista-1252.1008"][0] == "Hans Ilke"  # the row after a ragged one is still read
    # "19 for everyone": the number is not used (RK-K019), the engagement is kept, the person unidentified
    assert got["lonelista-1252.1003"][:2] == ("Cecilia Ek", None)
    assert got["lonelista-1252.1003"][6] == "underskoterska"
    assert broken(bundle) == {
        "lonelista-1252.1005": ("RK-K016", 6),  # an Excel serial as start date
        "lonelista-1252.1006": ("RK-K020", 7),  # anställningsform 'Fast': not guessed
        "lonelista-1252.1007": ("RK-K021", 8),  # no start date
        "lonelista-1252.rad9": ("RK-K011", 9),  # ragged row
    }
    assert codes(bundle, "lonelista_1252.csv") == [
        (4, "RK-K019", "personnummer"), (4, "RK-K052", ""), (6, "RK-K016", "anstallningsdatum"),
        (7, "RK-K020", "anstallningsform"), (8, "RK-K021", "anstallningsdatum"), (9, "RK-K011", "")]
    # the broken rows still name their person and facility: what depends on them is undetermined
    falk = next(b for b in bundle.broken if b.raw.get("id") == "lonelista-1252.1005")
    assert falk.raw["verksamhet"] == "hvb-tallen" and bundle.get("person", falk.raw["person"]).namn == "Eva Falk"
    # the messages never show a personnummer unmasked
    assert not any("2398" in d.message or "7082392" in d.message for d in bundle.diagnostics)


def test_utf8_bom_comma_roster_with_synonyms_units_and_an_agency(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {
        "fil": "personal_bom.csv", "adapter": "personal_csv", "uttagsdatum": EXTRACT,
        "enheter": {"Tallen": "hvb-tallen", "Granen": "hvb-granen"},
        "organisationer": {"Vårdbemanning AB": "org-bemanning"}}))
    got = engagements(bundle)
    # "Efternamn, Förnamn"; an agency's staff are employed by the agency
    assert got["personal-bom.b1"] == ("Karin Kvist", "198206142393", "hvb-tallen", "org-bemanning", "anstallning",
                                      "personal", "underskoterska", "ingen", date(2025, 1, 10), None)
    assert got["personal-bom.b4"][2:6] == ("hvb-granen", "org-tallen", "uppdrag", "familjehemsforalder")
    assert broken(bundle) == {"personal-bom.b2": ("RK-K023", 3), "personal-bom.b3": ("RK-K022", 4)}
    # the salary column is reported as unused, never read
    assert codes(bundle, "personal_bom.csv") == [(1, "RK-K013", ""), (3, "RK-K023", "enhet"),
                                                 (4, "RK-K022", "arbetsgivare")]
    assert [d.column for d in bundle.diagnostics if d.code == "RK-K022"] == [8]


def test_tab_roster_slashed_dates_and_a_ten_digit_number_without_extract_day(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "personal_tab.csv", "adapter": "personal_csv",
                                             "verksamhet": "hvb-granen"}))
    got = engagements(bundle)
    # 13/01/2025 proves the start column day-first, so 03/02/2025 in it is 3 February
    assert got["personal-tab.rad2"][8] == date(2025, 1, 13)
    assert got["personal-tab.rad4"][8] == date(2025, 2, 3)
    assert got["personal-tab.rad4"][4] == "praktik"
    # a ten-digit number without uttagsdatum is not given a century: RK-K017, the row is still read
    assert got["personal-tab.rad2"][:2] == ("Olle Persson", None)
    # the end column proves nothing: 04/05/2025 is refused and the engagement kept broken, never open-ended
    assert broken(bundle) == {"personal-tab.rad3": ("RK-K015", 3)}
    assert (2, "RK-K017", "personnummer") in codes(bundle, "personal_tab.csv")
    assert (3, "RK-K015", "slutdatum") in codes(bundle, "personal_tab.csv")


def test_declared_date_format_reads_an_unproven_column(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "personal_tab.csv", "adapter": "personal_csv",
                                             "verksamhet": "hvb-granen", "datumformat": "DD/MM/ÅÅÅÅ"}))
    assert engagements(bundle)["personal-tab.rad3"][8:] == (date(2025, 2, 3), date(2025, 5, 4))


def test_undecodable_bytes_refuse_the_file_with_the_line(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "odekodbar.csv", "adapter": "personal_csv",
                                             "verksamhet": "hvb-granen"}))
    assert codes(bundle, "odekodbar.csv") == [(3, "RK-K010", "")]
    assert engagements(bundle) == {}


def _collect(tmp_path: Path, text: str, **spec) -> tuple[Collected, Path]:
    path = tmp_path / "lista.csv"
    path.write_text(text, encoding="utf-8")
    out = Collected()
    out.organisations_by_number = {"556088-4214": "org-bemanning"}
    read_csv(SourceFile(path, str(path), Kalla(fil="lista.csv", adapter="personal_csv", **spec), 1), out)
    return out, path


def test_synonym_headers_and_manifest_columns(tmp_path):
    out, _ = _collect(tmp_path, "Personnummer (ÅÅÅÅMMDD-NNNN);Anst.nr;Fullständigt namn;Från;Till;"
                      "Anställningstyp;"
                      "Tjänst;Tjänstgöringsgrad;Avdelning;Arbetsgivare\n"
                      "19800708-2392;7;Åsa Öberg;2024-01-01;;Särskild visstidsanställning;leg. sjuksköterska;"
                      "abc;A;556088-4214\n",
                      verksamhet="hvb-tallen", uttagsdatum=date(2026, 11, 20), kolumner={"Tjänst": "befattning"})
    (kind, raw, place), = out.records
    assert raw["id"] == "lista.7" and raw["organisation"] == "org-bemanning"  # an employer named by orgnr
    assert (raw["form"], raw["start"], raw["verksamhet"]) == ("anstallning", date(2024, 1, 1), "hvb-tallen")
    assert out.mentions[0].number == "198007082392" and out.mentions[0].namn == "Åsa Öberg"
    # a header named in the manifest's kolumner; a unit column without enheter leaves the source's verksamhet
    assert raw["titel"] == "sjukskoterska"
    # sysselsättningsgrad is checked and reported, but no fact holds it, so the engagement is kept
    assert [(d.code, d.line, d.field) for d in out.diagnostics if d.code == "RK-K014"] == \
        [("RK-K014", 2, "sysselsattningsgrad")]


def test_missing_start_column_refuses_the_file(tmp_path):
    out, _ = _collect(tmp_path, "Personnummer;Namn\n198007082392;Åsa Öberg\n", verksamhet="hvb-tallen")
    assert out.records == [] and [d.code for d in out.diagnostics] == ["RK-K012"]


def test_a_row_without_person_or_facility_is_broken(tmp_path):
    out, _ = _collect(tmp_path, "Personnummer;Namn;Anställningsdatum;Anställningsform\n"
                      ";;2024-01-01;Tillsvidare\n", enheter={})
    assert out.records == []
    assert [(d.code, d.line) for d in out.diagnostics] == [("RK-K024", 2), ("RK-K023", 2)]
    assert out.unreadable[0][2].code == "RK-K024"


def test_an_employee_number_given_twice_does_not_merge_rows(tmp_path):
    out, _ = _collect(tmp_path, "Anstnr;Namn;Anställningsdatum;Anställningsform\n5;Åsa Öberg;2020-01-01;Vikariat\n"
                      "5;Åsa Öberg;2022-01-01;Tillsvidare\n198007082392;Bo Ek;2022-01-01;Tillsvidare\n",
                      verksamhet="hvb-tallen")
    # a personnummer used as employee number never becomes part of an id
    assert [raw["id"] for _, raw, _ in out.records] == ["lista.5.rad2", "lista.5.rad3", "lista.rad4"]


@pytest.mark.parametrize(("befattning", "titel", "utovar", "roll"), [
    ("Läkare", "lakare", "lakare", "personal"),
    ("Läkarsekreterare", "ingen", "ingen", "personal"),
    ("Legitimerad sjuksköterska", "sjukskoterska", "ingen", "personal"),
    ("LEG. SJUKSKÖTERSKA", "sjukskoterska", "ingen", "personal"),
    ("Undersköterska", "underskoterska", "ingen", "personal"),
    ("Undersköterska/vårdbiträde", "ingen", "ingen", "personal"),
    ("Tandläkare", "tandlakare", "tandlakare", "personal"),
    ("Psykolog", "psykolog", "ingen", "personal"),
    ("Föreståndare", "ingen", "ingen", "forestandare"),
    ("Verksamhetschef", "ingen", "ingen", "verksamhetschef"),
    ("", "ingen", "ingen", "personal"),
])
def test_befattning_is_read_exactly_never_by_substring(befattning, titel, utovar, roll):
    assert (title_of(befattning), practises(title_of(befattning)), role_of(befattning)) == (titel, utovar, roll)


@pytest.mark.parametrize(("text", "form"), [
    ("Tillsvidareanställning", "anstallning"), ("Särskild visstid", "anstallning"),
    ("Inhyrd (bemanning)", "anstallning"),
    ("Behovsanställd", "anstallning"), ("Konsult", "uppdrag"), ("Praktik", "praktik"), ("Volontär", "volontar"),
    ("", None), ("Fast", None), ("Tillsvidare?", "anstallning"), ("Timmar", None),
])
def test_anstallningsform(text, form):
    assert form_of(text) == form


def test_every_synonym_names_one_field_and_every_profession_has_a_title():
    seen: dict[str, str] = {}
    for field, names in SYNONYMS.items():
        for name in (field, *names):
            assert seen.setdefault(fold(name), field) == field, name
    assert set(TITLE_NAMES) == set(YRKEN)


# --- PAXml ----------------------------------------------------------------------------------------------------


def test_paxml_iso_8859_1_reads_people_and_skips_the_rest(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "paxml_latin1.xml", "adapter": "personal_paxml",
                                             "verksamhet": "hvb-tallen"}))
    got = engagements(bundle)
    assert got == {
        "paxml-latin1.a1": ("Åke Ström", "198305312392", "hvb-tallen", "org-tallen", "anstallning", "personal",
                            "sjukskoterska", "ingen", date(2023, 9, 1), None),
        "paxml-latin1.a4": ("Dora Ängel", "198402202397", "hvb-tallen", "org-tallen", "anstallning", "personal",
                            "barnmorska", "barnmorska", date(2024, 2, 1), date(2024, 7, 31)),
    }
    # one person failing the schema is refused with its line; delete="true" is a notice and no engagement
    assert broken(bundle) == {"paxml-latin1.a3": ("RK-K032", 32)}
    assert codes(bundle, "paxml_latin1.xml") == [(24, "RK-K025", "delete"), (32, "RK-K032", "")]
    # the bank account, address and salary are never read into any fact
    assert "Borttagen" not in {p.namn for p in bundle.of("person")}
    dumped = repr([vars(f) for kind in ("person", "engagemang") for f in bundle.of(kind)])
    assert "1234567890" not in dumped and "Storgatan" not in dumped and "34000" not in dumped


def test_paxml_utf8_bom_version_2_3_is_accepted(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "paxml_bom.xml", "adapter": "personal_paxml",
                                             "verksamhet": "hvb-tallen"}))
    assert engagements(bundle) == {"paxml-bom.u1": ("Ulla Åhlén", "198312102398", "hvb-tallen", "org-tallen",
                                                    "anstallning", "personal", "underskoterska", "ingen",
                                                    date(2025, 4, 1), None)}
    assert codes(bundle, "paxml_bom.xml") == []


def test_paxml_failing_the_schema_is_refused_with_its_line(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "paxml_utan_header.xml", "adapter": "personal_paxml",
                                             "verksamhet": "hvb-tallen"}))
    assert codes(bundle, "paxml_utan_header.xml") == [(2, "RK-K032", "")]
    assert engagements(bundle) == {} and list(bundle.of("person")) == []


def test_paxml_with_an_external_entity_is_refused_unread(tmp_path):
    bundle = read_bundle(data_set(tmp_path, {"fil": "paxml_xxe.xml", "adapter": "personal_paxml",
                                             "verksamhet": "hvb-tallen"}))
    assert codes(bundle, "paxml_xxe.xml") == [(2, "RK-K030", "")]
    assert engagements(bundle) == {} and list(bundle.of("person")) == []
    assert not any("root" in d.message for d in bundle.diagnostics)


def test_paxml_unknown_version_and_no_staff_are_notices(tmp_path):
    path = tmp_path / "tom.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<paxml><header><version>3.1</version></header>'
                     b"</paxml>\n")
    out = Collected()
    read_paxml(SourceFile(path, str(path), Kalla(fil="tom.xml", adapter="personal_paxml", verksamhet="v"), 1), out)
    assert [(d.code, d.line) for d in out.diagnostics] == [("RK-K026", 2), ("RK-K027", 2)]


def test_check_runs_without_a_traceback(tmp_path):
    root = data_set(tmp_path, {"fil": "lonelista_1252.csv", "adapter": "personal_csv", "uttagsdatum": EXTRACT,
                               "verksamhet": "hvb-tallen"},
                    {"fil": "paxml_latin1.xml", "adapter": "personal_paxml", "verksamhet": "hvb-tallen"},
                    {"fil": "paxml_xxe.xml", "adapter": "personal_paxml", "verksamhet": "hvb-tallen"})
    result = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(root)], capture_output=True,
                            text=True, timeout=300)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2  # the input errors make the run end with 2
    assert "RK-K020" in result.stderr and "RK-K030" in result.stderr


def test_paxml_problem_points_at_the_element_and_keeps_the_person(tmp_path):
    path = tmp_path / "lon.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<paxml><header><version>2.2</version></header>\n'
                     b'<personal>\n<person anstid="7" persnr="198007082392">\n<fornamn>\xc3\x85sa</fornamn>\n'
                     b"<anstform>Fast</anstform>\n<anstdatum>2024-01-01</anstdatum>\n</person>\n</personal></paxml>\n")
    out = Collected()
    read_paxml(SourceFile(path, str(path), Kalla(fil="lon.xml", adapter="personal_paxml", verksamhet="v"), 1), out)
    assert [(d.code, d.line, d.field) for d in out.diagnostics] == [("RK-K020", 6, "anstform")]
    (kind, raw, problem), = out.unreadable
    assert raw["id"] == "lon.7" and raw["verksamhet"] == "v" and problem.code == "RK-K020"
    assert out.mentions[raw["person"].index].number == "198007082392"


def test_a_personnummer_in_the_wrong_column_is_masked_in_messages(tmp_path):
    out, _ = _collect(tmp_path, "Namn;Anställningsdatum;Anställningsform;Arbetsgivare\n"
                      "Åsa Öberg;198007082392;198007082392;198007082392\n", verksamhet="hvb-tallen")
    assert sorted(d.code for d in out.diagnostics) == ["RK-K014", "RK-K020", "RK-K022"]
    assert not any("2392" in d.message for d in out.diagnostics)
