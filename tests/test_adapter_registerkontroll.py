"""The home's register-check log (adapters/registerkontroll.py): what each row becomes, what is refused, and that
a person whose row is broken is undetermined while a person missing from the log is judged."""

from __future__ import annotations

import shutil
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.adapters import registerkontroll
from regelkoll.adapters.collect import Collected
from regelkoll.adapters.manifest import Kalla, SourceFile
from regelkoll.adapters.yaml_files import read_bundle

DATA = Path(__file__).parent / "data" / "sources" / "registerkontroll"
# Skatteverket's test personnummer (they belong to no real person)
ANNA, LARS, PER, EVA, SARA, KIM, MAJA = ("198107242383", "198007082392", "197602252392", "198011292383",
                                         "198206142393", "198305312392", "198402202397")


def _read(name: str, organisation: str | None = "org-tallen", **spec) -> Collected:
    out = Collected()
    source = SourceFile(DATA / name, str(DATA / name), Kalla(fil=name, adapter="registerkontroll",
                                                             organisation=organisation, **spec), 3)
    registerkontroll.read(source, out)
    return out


def _codes(out: Collected) -> list[tuple[int, str]]:
    return sorted((d.line, d.code) for d in out.diagnostics)


def _number(out: Collected, raw: dict) -> str | None:
    return out.mentions[raw["person"].index].number


def test_csv_log_in_windows_1252_with_synonyms_gives_extracts_with_law_registers_and_dates():
    out = _read("logg_cp1252.csv")
    extracts = {_number(out, raw): raw for kind, raw, _ in out.records if kind == "registerutdrag"}
    assert set(extracts) == {ANNA, LARS, SARA}
    anna = extracts[ANNA]
    assert anna["organisation"] == "org-tallen" and anna["lag"] == "2007:171"
    assert anna["omfattar"] == ["belastningsregistret", "misstankeregistret"]
    assert (anna["utfardat"], anna["uppvisat"], anna["bevarat_till"]) == (date(2026, 4, 20), date(2026, 5, 4),
                                                                         date(2028, 6, 1))
    # a 2013:852 extract is still an extract: whether it serves for HVB work is the rules' to judge
    assert extracts[LARS]["lag"] == "2013:852" and extracts[LARS]["omfattar"] == ["belastningsregistret"]
    # "Lag (2007:171)" without registers: the HVB extract covers both by law, and the file says it assumed so
    assert extracts[SARA]["lag"] == "2007:171"
    assert extracts[SARA]["omfattar"] == ["belastningsregistret", "misstankeregistret"]
    assert (0, "RK-K077") in _codes(out)
    assert all(m.source == "registerkontrollen" for m in out.mentions)
    assert out.covered_registers == {("org-tallen", None)}


def test_broken_rows_are_kept_as_broken_for_their_person_and_the_wrong_kind_is_named_not_counted():
    out = _read("logg_cp1252.csv")
    codes = _codes(out)
    assert (4, "RK-K014") in codes  # Per Ek's issue date 2026-13-01
    assert (5, "RK-K074") in codes  # Eva Lund's EGNA_UPPGIFTER: no extract under these laws
    assert (6, "RK-K076") in codes  # resultat 'kanske': read, not used
    assert (7, "RK-K073") in codes  # utdragstyp FOO
    lost = {_number(out, raw): diagnostic.code for kind, raw, diagnostic in out.unreadable}
    assert lost == {PER: "RK-K014", KIM: "RK-K073"}
    # the wrong kind of extract is neither a fact nor a broken one, and its person is not named for nothing
    assert EVA not in {m.number for m in out.mentions}
    # the broken rows still say whose log they are in
    assert all(raw["organisation"] == "org-tallen" for _, raw, _ in out.unreadable)
    assert out.covered_registers == {("org-tallen", None)}  # a broken row does not take the log's coverage away


def test_yaml_log_keeps_lines_synonyms_and_reports_unknown_keys_and_non_mappings():
    out = _read("logg.yaml")
    extracts = {_number(out, raw): (raw, place) for kind, raw, place in out.records}
    assert set(extracts) == {ANNA, LARS}
    anna, place = extracts[ANNA]
    assert anna["omfattar"] == ["belastningsregistret", "misstankeregistret"]
    assert place.at("utfardat")[0] == 8  # the line of `utfärdat:` in Anna's entry
    assert extracts[LARS][0]["lag"] == "2010:479" and extracts[LARS][0]["uppvisat"] == date(2025, 11, 10)
    codes = _codes(out)
    assert (18, "RK-K078") in codes  # kommentar
    assert (21, "RK-K074") in codes  # UTLAND
    assert (23, "RK-K071") in codes  # `- just text`
    assert [raw for _, raw, d in out.unreadable if d.code == "RK-K071"] == [{"id": "rk-logg-23",
                                                                           "organisation": "org-tallen"}]


def test_a_log_without_its_organisation_is_refused():
    out = _read("logg.yaml", organisation=None)
    assert [d.code for d in out.diagnostics] == ["RK-K070"]
    assert out.records == [] and out.covered_registers == set()


def test_ambiguous_slashed_dates_follow_the_manifest_and_are_refused_without_it(tmp_path):
    (tmp_path / "logg.csv").write_text(f"pnr;namn;typ;utfärdat\n{ANNA};Anna Maria Berg;HVB;04/05/2026\n",
                                       encoding="utf-8")

    def read(datumformat):
        out = Collected()
        registerkontroll.read(SourceFile(tmp_path / "logg.csv", "logg.csv", Kalla(
            fil="logg.csv", adapter="registerkontroll", organisation="org-tallen", datumformat=datumformat), 1), out)
        return out

    assert [raw["utfardat"] for _, raw, _ in read("DD/MM/ÅÅÅÅ").records] == [date(2026, 5, 4)]
    unsure = read(None)
    assert unsure.records == [] and [d.code for _, _, d in unsure.unreadable] == ["RK-K015"]


def test_a_log_that_is_no_log_is_refused_and_covers_nothing(tmp_path):
    (tmp_path / "x.yaml").write_text("registerkontroller: ingen lista\n", encoding="utf-8")
    out = Collected()
    registerkontroll.read(SourceFile(tmp_path / "x.yaml", "x.yaml", Kalla(fil="x.yaml", adapter="registerkontroll",
                                                                           organisation="org-tallen"), 1), out)
    assert [d.code for d in out.diagnostics] == ["RK-K071"] and out.covered_registers == set()


# --- end to end: a roster from a source, the log, and the HVB rules ---------------------------------------------

FACTS = """\
kontext: {per_datum: "2026-11-20"}
organisation:
  - {id: org-tallen, namn: Tallens Behandlingshem AB, organisationsnummer: "556036-0793", regi: enskild}
verksamhet:
  - {id: hvb-tallen, namn: HVB Tallen, organisation: org-tallen, typ: hvb, tar_emot_barn: true,
     startdatum: "2020-02-01"}
tillstand:
  - id: t-tallen
    organisation: org-tallen
    verksamhet: hvb-tallen
    verksamhetstyp: hvb
    beslutsdatum: "2020-01-08"
    status: [{status: aktivt, fran: "2020-01-08"}]
"""
ROSTER = f"personnummer;namn;start\n{ANNA};Anna Maria Berg;2026-05-10\n{LARS};Lars Nilsson;2026-03-15\n" \
         f"{PER};Per Ek;2026-06-01\n{MAJA};Maja Ström;2026-06-01\n"
LOG = "personnummer;namn;utdragstyp;register;utfärdat;uppvisat\n" \
      f"{ANNA};Anna Maria Berg;HVB_2007_171;båda;2026-04-20;2026-05-04\n" \
      f"{LARS};Lars Nilsson;BARN_2013_852;belastning;2026-03-02;2026-03-10\n" \
      f"{PER};Per Ek;HVB_2007_171;båda;2026-02-30;2026-05-20\n"


def _fake_roster(source, out):
    """A stand-in for a roster adapter: the people and engagements of a tiny CSV, as sources name them."""
    lines = source.path.read_text(encoding="utf-8").splitlines()
    for line, text in enumerate(lines[1:], start=2):
        number, name, start = text.split(";")
        place = registerkontroll.Row(source.display, line)
        person = out.person(place, name, number, employee=True, source="personallistan")
        out.add("engagemang", {"id": f"e-{line}", "person": person, "verksamhet": source.spec.verksamhet,
                               "form": "anstallning", "start": date.fromisoformat(start)}, place)


@pytest.fixture
def dataset(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "regelkoll.adapters.personal_csv",
                        types.SimpleNamespace(read=_fake_roster))
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "personal.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "logg.csv").write_text(LOG, encoding="utf-8")
    return tmp_path


def _manifest(root: Path, log: bool) -> None:
    text = "kallor:\n  - {fil: personal.csv, adapter: personal_csv, verksamhet: hvb-tallen, uttagsdatum: 2026-11-20}\n"
    if log:
        text += "  - {fil: logg.csv, adapter: registerkontroll, organisation: org-tallen}\n"
    (root / "kallor.yaml").write_text(text, encoding="utf-8")


def _outcomes(root: Path, rule: str) -> dict[str, str]:
    facts = read_bundle(root)
    result = api.check(api.load_rules(), facts)
    names = {e.id: facts.get("person", e.person).namn for e in facts.of("engagemang")}
    return {names[f.subject_id]: f.outcome for f in result.findings if f.rule_id == rule and f.subject_id in names}


def test_a_broken_row_leaves_its_person_undetermined_and_a_person_missing_from_the_log_is_judged(dataset):
    _manifest(dataset, log=True)
    outcomes = _outcomes(dataset, "RK-HVB-01")
    assert outcomes["Per Ek"] == "undetermined"  # his row's issue date 2026-02-30 cannot be read
    assert outcomes["Maja Ström"] == "violation"  # the log covers the organisation and has no row for her
    assert outcomes["Anna Maria Berg"] == "pass"
    facts = read_bundle(dataset)
    lars = next(u for u in facts.of("registerutdrag") if facts.get("person", u.person).namn == "Lars Nilsson")
    assert lars.lag == "2013:852"  # kept as what it is; the rules decide that it does not serve for HVB work
    assert _outcomes(dataset, "RK-HVB-03")["Lars Nilsson"] == "violation"


def test_without_the_log_no_one_from_the_roster_is_accused(dataset):
    _manifest(dataset, log=False)
    outcomes = _outcomes(dataset, "RK-HVB-01")
    assert set(outcomes.values()) == {"undetermined"}


def test_the_cli_reads_the_data_set_without_a_traceback(dataset, tmp_path):
    _manifest(dataset, log=True)
    shutil.copy(DATA / "logg_cp1252.csv", dataset / "logg2.csv")
    with (dataset / "kallor.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write("  - {fil: logg2.csv, adapter: registerkontroll}\n")
    # the CLI runs in a new process that has no stand-in roster adapter: drop the roster from the manifest
    text = (dataset / "kallor.yaml").read_text(encoding="utf-8").splitlines()
    (dataset / "kallor.yaml").write_text("\n".join(line for line in text if "personal_csv" not in line) + "\n",
                                         encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "regelkoll.cli", "check", str(dataset)], capture_output=True,
                          timeout=300)
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr and proc.returncode == 2, stderr
    assert "RK-K070" in stderr and "RK-K014" in stderr
    assert ANNA not in stderr + proc.stdout.decode("utf-8")  # personnummer are masked
