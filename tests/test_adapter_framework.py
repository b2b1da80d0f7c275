"""The adapter framework: values as sources write them, the manifest, identity resolution, import."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from regelkoll.adapters.collect import Collected
from regelkoll.adapters.resolve import normalise_name, resolve
from regelkoll.adapters.values import BOTH, ValueProblem, parse_date, read_identity, slash_order, with_century
from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.facts.assemble import Row
from regelkoll.facts.bundle import FactBundle
from regelkoll.facts.model import Person

ROOT = Path(__file__).resolve().parents[1]
NUMBERS = json.loads((ROOT / "fixtures" / "testpersonnummer.json").read_text(encoding="utf-8"))


def _number(born_after: int = 1950, born_before: int = 2000) -> str:
    for entry in NUMBERS if isinstance(NUMBERS, list) else NUMBERS.get("personnummer", []):
        digits = entry if isinstance(entry, str) else entry.get("personnummer", "")
        digits = digits.replace("-", "")
        if len(digits) == 12 and born_after <= int(digits[:4]) < born_before and int(digits[6:8]) <= 31:
            return digits
    pytest.skip("no test number in range")


# --- values ----------------------------------------------------------------------------------------------------


def test_dates_in_the_forms_exports_use():
    assert parse_date("2025-03-04") == date(2025, 3, 4)
    assert parse_date("20250304") == date(2025, 3, 4)
    assert parse_date("24/03/2025") == date(2025, 3, 24)  # the day shows the order
    assert parse_date("04/03/2025", slashed="DD/MM/ÅÅÅÅ") == date(2025, 3, 4)
    assert parse_date("04/03/2025", slashed="MM/DD/ÅÅÅÅ") == date(2025, 4, 3)


@pytest.mark.parametrize("text, code", [("04/03/2025", "RK-K015"), ("45678", "RK-K016"), ("2025-02-30", "RK-K014"),
                                        ("mars 2025", "RK-K014")])
def test_dates_that_cannot_be_read_one_way_are_refused(text, code):
    with pytest.raises(ValueProblem) as exc:
        parse_date(text)
    assert exc.value.code == code


def test_a_column_is_read_one_way():
    assert slash_order(["01/02/2025", "24/03/2025"]) == "DD/MM/ÅÅÅÅ"
    assert slash_order(["01/02/2025", "03/24/2025"]) == "MM/DD/ÅÅÅÅ"
    assert slash_order(["01/02/2025", "03/04/2025"]) is None
    assert slash_order(["13/02/2025", "03/24/2025"]) == BOTH  # both proven: nothing is read
    for value in ("13/02/2025", "03/24/2025", "03/04/2025"):
        with pytest.raises(ValueProblem) as exc:
            parse_date(value, slashed=BOTH)
        assert exc.value.code == "RK-K015"
    with pytest.raises(ValueProblem):
        parse_date("٢٠٢١-05-03")  # Arabic-Indic digits are not read as if they were plain


def test_the_century_of_a_ten_digit_number_comes_from_the_extract_day_not_today():
    assert with_century("451212-1212", date(2026, 11, 20)) == "19451212-1212"
    assert with_century("051212-1212", date(2026, 11, 20)) == "20051212-1212"
    assert with_century("051212-1212", date(2004, 1, 1)) == "19051212-1212"
    assert with_century("261231-1212", date(2026, 11, 20)) == "19261231-1212"  # not born yet in 2026
    assert with_century("451212+1212", date(2026, 11, 20)) == "18451212-1212"
    with pytest.raises(ValueProblem) as exc:
        with_century("121212-1212", None)
    assert exc.value.code == "RK-K017"


def test_an_employee_born_in_the_wrong_century_is_flagged():
    number = _number(1950, 2000)
    wrong = "18" + number[2:] if number.startswith("19") else number
    with pytest.raises(ValueProblem) as exc:
        read_identity(wrong, date(2026, 11, 20), employee=True)
    assert exc.value.code in ("RK-K019", "RK-K018")
    assert number[8:] not in exc.value.message  # never the whole number


def test_a_wrong_check_digit_still_gives_the_birth_date():
    number = _number()
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(ValueProblem) as exc:
        read_identity(wrong, None)
    assert exc.value.code == "RK-K018" and exc.value.birth == date(int(number[:4]), int(number[4:6]),
                                                                    int(number[6:8]))


# --- identity resolution ---------------------------------------------------------------------------------------


def _bundle_with(*people: tuple[str, str, str]) -> FactBundle:
    bundle = FactBundle()
    for pid, name, number in people:
        bundle.facts["person"][pid] = Person(id=pid, namn=name, personnummer=number)
    return bundle


def test_names_are_normalised_for_matching():
    assert normalise_name("Öberg, Anna-Maria") == "anna maria oberg"
    assert normalise_name("ANNA  MARIA ÖBERG") == "anna maria oberg"


def test_a_row_without_number_is_linked_by_name_and_birth_date_and_says_so():
    number = _number()
    born = date(int(number[:4]), int(number[4:6]), int(number[6:8]))
    bundle = _bundle_with(("p-1", "Anna Maria Öberg", number))
    out = Collected()
    ref = out.person(Row("roster.csv", 4), "Oberg, Anna", birth=born, source="personallistan")
    result = resolve(out.mentions, bundle)
    assert result.ids[ref.index] == "p-1" and result.links[ref.index].score >= 85
    assert [d.code for d in result.diagnostics] == ["RK-K050"]
    assert "roster.csv" == result.diagnostics[0].file and result.diagnostics[0].line == 4


def test_the_birth_date_is_a_hard_filter():
    number = _number()
    bundle = _bundle_with(("p-1", "Anna Öberg", number))
    out = Collected()
    ref = out.person(Row("roster.csv", 4), "Anna Öberg", birth=date(1901, 1, 1))
    result = resolve(out.mentions, bundle)
    assert result.ids[ref.index] != "p-1" and ref.index not in result.links
    assert result.ids[ref.index] in result.unidentified
    assert [d.code for d in result.diagnostics] == ["RK-K052"]


def test_two_near_candidates_make_no_link():
    number = _number()
    other = next(n for n in (_number(1900, 2000),) if n)
    twin = number[:8] + "0000"  # the same birth date, another number (not validated here)
    bundle = _bundle_with(("p-1", "Anna Öberg", number), ("p-2", "Anna Öberg", twin))
    out = Collected()
    ref = out.person(Row("roster.csv", 9), "Anna Oberg", birth=date(int(number[:4]), int(number[4:6]),
                                                                     int(number[6:8])))
    result = resolve(out.mentions, bundle)
    assert result.ids[ref.index] not in ("p-1", "p-2") and ref.index not in result.links
    assert "RK-K051" in [d.code for d in result.diagnostics]
    assert other


def test_the_number_decides_whatever_the_name():
    number = _number()
    bundle = _bundle_with(("p-1", "Anna Öberg", number))
    out = Collected()
    ref = out.person(Row("roster.csv", 2), "Anna Öberg-Lind", number)
    result = resolve(out.mentions, bundle)
    assert result.ids[ref.index] == "p-1" and not result.links and not result.diagnostics


def test_new_people_get_stable_ids_without_their_number():
    number = _number()
    out = Collected()
    out.person(Row("a.csv", 2), "Åsa Öberg", number)
    out.person(Row("b.csv", 3), "Asa Oberg", number)
    result = resolve(out.mentions, FactBundle())
    assert result.ids == ["p-asa-oberg", "p-asa-oberg"]
    assert [record for _, record in result.new_people] == [{"id": "p-asa-oberg", "namn": "Åsa Öberg",
                                                             "personnummer": number}]


# --- the manifest and the data set ------------------------------------------------------------------------------


def _data_set(tmp_path: Path, manifest: str, files: dict[str, str | bytes]) -> Path:
    (tmp_path / "kallor.yaml").write_text(manifest, encoding="utf-8")
    for name, content in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path


def test_a_manifest_problem_is_coded_with_its_line(tmp_path):
    root = _data_set(tmp_path, "kallor:\n  - fil: a.csv\n    adapter: personal_cvs\n  - fil: ../x.csv\n"
                               "    adapter: personal_csv\n  - fil: saknas.csv\n    adapter: personal_csv\n",
                     {"a.csv": "x\n"})
    bundle = read_bundle(root)
    found = {(d.code, d.line) for d in bundle.diagnostics}
    assert ("RK-K001", 3) in found and ("RK-K003", 4) in found and ("RK-K002", 6) in found
    # a file the manifest names, even wrongly, is never read as something else
    assert not any(d.code == "RK-K005" for d in bundle.diagnostics)


def test_a_source_file_the_manifest_does_not_name_is_reported(tmp_path):
    (tmp_path / "lonelista.csv").write_text("Personnummer;Namn\n", encoding="utf-8")
    (tmp_path / "org.yaml").write_text("organisation:\n  - {id: org-a, namn: A, regi: enskild}\n", encoding="utf-8")
    bundle = read_bundle(tmp_path)
    assert [(d.code, Path(d.file).name) for d in bundle.diagnostics] == [("RK-K005", "lonelista.csv")]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_import_then_check_gives_the_findings_of_the_sources(tmp_path):
    out = tmp_path / "import"
    assert _cli("import", "fixtures/demo", "--output", str(out), "--show-personal-data").returncode == 0
    direct = json.loads(_cli("check", "fixtures/demo", "--format", "json").stdout)
    imported = json.loads(_cli("check", str(out), "--format", "json").stdout)
    for doc in (direct, imported):
        doc["run"].pop("source")
    assert direct == imported


def test_import_refuses_to_write_into_the_data_set(tmp_path):
    proc = _cli("import", "fixtures/demo", "--output", "fixtures/demo/ut")
    assert proc.returncode == 2 and "RK-O001" in proc.stderr
    assert not (ROOT / "fixtures" / "demo" / "ut").exists()


def test_a_manifest_linked_from_outside_the_data_set_is_not_read(tmp_path):
    outside = tmp_path / "annan"
    outside.mkdir()
    (outside / "kallor.yaml").write_text("kallor:\n  - {fil: lista.csv, adapter: personal_csv}\n", encoding="utf-8")
    root = tmp_path / "data"
    root.mkdir()
    (root / "kallor.yaml").symlink_to(outside / "kallor.yaml")
    (root / "lista.csv").write_text("Personnummer;Namn\n", encoding="utf-8")
    bundle = read_bundle(root)
    codes = {d.code for d in bundle.diagnostics}
    assert "RK-K003" in codes and "RK-K005" in codes  # the manifest is refused, so the CSV is not read


def test_a_nul_in_a_file_name_is_a_coded_error_not_a_crash(tmp_path):
    (tmp_path / "kallor.yaml").write_text('kallor:\n  - {fil: "a\\0b.csv", adapter: personal_csv}\n', encoding="utf-8")
    bundle = read_bundle(tmp_path)
    assert [(d.code, d.line) for d in bundle.diagnostics if d.code.startswith("RK-K")] == [("RK-K001", 2)]


def test_a_column_mapped_to_no_field_is_reported(tmp_path):
    (tmp_path / "org.yaml").write_text("organisation:\n  - {id: org-a, namn: A, regi: enskild}\nverksamhet:\n"
                                       "  - {id: hvb-a, namn: A, organisation: org-a, typ: hvb}\n", encoding="utf-8")
    (tmp_path / "lista.csv").write_text("Anställningsdatum;Kostnadsställe\n2026-01-01;4100\n", encoding="utf-8")
    (tmp_path / "kallor.yaml").write_text("kallor:\n  - {fil: lista.csv, adapter: personal_csv, verksamhet: hvb-a, "
                                          "kolumner: {Kostnadsställe: bogus}}\n", encoding="utf-8")
    bundle = read_bundle(tmp_path)
    assert any(d.code == "RK-K012" and "bogus" in d.message for d in bundle.diagnostics)


def test_import_writes_no_personnummer_and_no_file_into_the_data_set(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(ROOT / "fixtures" / "kommun", root)
    lista = root / "personal" / "ekorren_lonelista.csv"
    text = lista.read_bytes().decode("cp1252").replace(";Henrik;Åberg;", ";Henrik 19860106-2394;Åberg;")
    lista.write_bytes(text.encode("cp1252"))
    proc = _cli("import", str(root), "--output", str(root / "ut.yaml"))
    assert proc.returncode == 2 and "RK-O001" in proc.stderr and not (root / "ut.yaml").exists()
    out = tmp_path / "import"
    _cli("import", str(root), "--output", str(out))
    written = (out / "fakta.yaml").read_text(encoding="utf-8")
    assert "2394" not in written and "19860106-****" in written
