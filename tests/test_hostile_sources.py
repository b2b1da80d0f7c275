"""A corpus of broken and hostile source files dropped into a real data set.

Each gives its coded error at its file and line, none gives a traceback or reads anything it should
not, and the rest of the data set is still checked exactly as without them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from regelkoll.personal_data import mask_text

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tests" / "data" / "sources"
KOMMUN = ROOT / "fixtures" / "kommun"

# file (under tests/data/sources, or written here), adapter, the code and line each must give
CORPUS = [
    ("hosp/xxe.xml", "hosp_legitimation", "RK-K030", 2),  # an external entity: /etc/passwd is never read
    ("hosp/bomb.xml", "hosp_ivo", "RK-K030", 2),  # an entity expansion bomb
    ("personal/paxml_xxe.xml", "personal_paxml", "RK-K030", 2),
    ("hosp/malformed.xml", "hosp_legitimation", "RK-K031", 4),
    ("hosp/a_responder_ns_only.xml", "hosp_legitimation", "RK-K032", 4),  # fails our XSD (namespaces)
    ("hosp/198305312392.xml", "hosp_legitimation", "RK-K035", 3),  # an answer about someone else
    ("personal/odekodbar.csv", "personal_csv", "RK-K010", 3),  # neither UTF-8 nor Windows-1252
    ("bolagsverket/trasig.json", "bolagsverket", "RK-Y001", 8),  # not JSON
    ("ojamn.csv", "personal_csv", "RK-K011", 3),  # a ragged row
    ("tvetydig.csv", "personal_csv", "RK-K015", 2),  # 03/04/2026: March or April?
    ("excel.csv", "personal_csv", "RK-K016", 2),  # a date saved as an Excel serial
    ("sekel.csv", "personal_csv", "RK-K019", 2),  # the export that writes century 19 for everyone
    ("tiosiffrig.csv", "personal_csv", "RK-K017", 2),  # a ten-digit number and no extract day
]
WRITTEN = {
    "ojamn.csv": "Personnummer;Namn;Anställningsdatum;Anställningsform\n"
                 "19760818-2395;Sara Vik;2026-01-10;Tillsvidare\n19760818-2395;Sara Vik;2026-01-10\n",
    "tvetydig.csv": "Personnummer;Namn;Anställningsdatum;Anställningsform\n19760818-2395;Sara Vik;03/04/2026;Vikariat\n",
    "excel.csv": "Personnummer;Namn;Anställningsdatum;Anställningsform\n19760818-2395;Sara Vik;46023;Vikariat\n",
    "sekel.csv": "Personnummer;Namn;Anställningsdatum;Anställningsform\n19000704-2385;Sara Vik;2026-01-10;Vikariat\n",
    "tiosiffrig.csv": "Personnummer;Namn;Anställningsdatum;Anställningsform\n760818-2395;Sara Vik;2026-01-10;Vikariat\n",
}
# the hostile files belong to a facility and an operator of their own, so that the rest is untouched
HOSTILE_UNITS = """\
organisation:
  - {id: org-fientlig, namn: Fientlig AB, organisationsnummer: "556677-8899", regi: enskild}
verksamhet:
  - {id: hvb-fientlig, namn: HVB Fientlig, organisation: org-fientlig, typ: hvb, tar_emot_barn: true,
     startdatum: 2020-01-01}
"""


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    root = tmp_path_factory.mktemp("fientlig") / "kommun"
    shutil.copytree(KOMMUN, root)
    hostile = root / "fientligt"
    hostile.mkdir()
    entries = []
    for name, adapter, _, _ in CORPUS:
        target = hostile / Path(name).name
        if name in WRITTEN:
            target.write_text(WRITTEN[name], encoding="utf-8")
        else:
            shutil.copy(SOURCES / name, target)
        entries.append(f"  - {{fil: fientligt/{target.name}, adapter: {adapter}, verksamhet: hvb-fientlig, "
                       f"organisation: org-fientlig" + ("" if name == "tiosiffrig.csv" else ", uttagsdatum: 2026-11-18")
                       + "}\n")
    with (root / "kallor.yaml").open("a", encoding="utf-8") as manifest:
        manifest.writelines(entries)
    (root / "fientligt.yaml").write_text(HOSTILE_UNITS, encoding="utf-8")
    return root, _cli("check", str(root), "--format", "json")


def test_every_hostile_file_gives_its_code_at_its_line(checked):
    root, proc = checked
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "internt fel" not in proc.stderr
    doc = json.loads(proc.stdout)
    errors = doc["errors"] + doc["notices"]
    for name, _, code, line in CORPUS:
        file = mask_text(str(root / "fientligt" / Path(name).name))  # a file named by a personnummer is masked
        found = [(e["code"], e["line"]) for e in errors if e["file"] == file]
        assert (code, line) in found, (name, found)


def test_nothing_outside_the_data_set_is_read(checked):
    _, proc = checked
    assert "root:" not in proc.stdout and "root:" not in proc.stderr  # /etc/passwd's first line


def test_the_rest_of_the_data_set_is_checked_as_without_them(checked):
    _, proc = checked
    plain = json.loads(_cli("check", str(KOMMUN), "--format", "json").stdout)
    judged = json.loads(proc.stdout)

    def outcomes(doc):
        return {(f["facility_id"], f["rule_id"], f["subject"]["id"], f["outcome"]) for f in doc["findings"]
                if not f["facility_id"].endswith("fientlig")}

    assert outcomes(judged) == outcomes(plain)
    assert any(f["outcome"] == "violation" for f in plain["findings"])


def test_rows_that_cannot_be_read_leave_their_facility_undetermined_not_clean(checked):
    _, proc = checked
    doc = json.loads(proc.stdout)
    hostile = [f for f in doc["findings"] if f["facility_id"] == "hvb-fientlig" and f["rule_id"].startswith("RK-HVB")]
    assert hostile and not any(f["outcome"] in ("violation", "pass") for f in hostile)
