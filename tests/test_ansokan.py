"""`regelkoll ansokan`: malformed applications give coded errors with file and line while the rest is still
screened, personal identity numbers are masked, the report is deterministic, and the exit status says it all."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from regelkoll import api

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "fixtures" / "ansokningar" / "underlag"
COMPLETE = (ROOT / "fixtures" / "ansokningar" / "03_domd_styrelseledamot.yaml").read_text(encoding="utf-8")
DAY = date(2026, 11, 20)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", "ansokan", *args], cwd=ROOT, capture_output=True,
                          timeout=300)


def _write(tmp_path: Path, text: str, name: str = "ansokan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def _screen(path: Path) -> tuple[object, dict]:
    screening = api.screen(path, DATA, as_of=DAY)
    return screening, api.screening_document(screening)


def _indicated(doc: dict) -> set[tuple[str, str]]:
    return {(f["rule_id"], f["subject"]["id"]) for f in doc["findings"] if f["outcome"] == "indication"}


def test_bad_yaml_is_a_coded_error_with_its_line_and_nothing_is_screened(tmp_path):
    text = COMPLETE.replace("  namn: Kajkantens Stöd AB", "  namn: [Kajkantens Stöd AB")
    path = _write(tmp_path, text)
    screening, doc = _screen(path)
    codes = {(e["code"], e["line"]) for e in doc["errors"]}
    assert any(code == "RK-Y001" for code, _ in codes) and any(code == "RK-A002" for code, _ in codes)
    assert all(line > 0 for _, line in codes)
    assert doc["findings"] == [] and doc["run"]["status"] == 2
    assert doc["kunde_inte_bedomas"][0]["varfor"] == ["ansökan kunde inte läsas; ingenting granskades"]
    proc = _run(str(path))
    assert proc.returncode == 2 and b"RK-A002" in proc.stderr and b"Traceback" not in proc.stderr


def test_a_wrong_date_spoils_only_the_applications_own_part(tmp_path):
    text = COMPLETE.replace("inkom: 2026-09-30", "inkom: 2026-13-01")
    path = _write(tmp_path, text)
    _, doc = _screen(path)
    [error] = doc["errors"]
    assert (error["code"], error["field"], error["line"]) == ("RK-A010", "inkom", _line_of(text, "inkom:"))
    assert error["file"] == str(path)
    # the people are still screened: the convicted board member is still to be looked into
    assert ("AN-LAMP-01", "ansokan-ansokan.krets1") in _indicated(doc)
    # ... and the application's own rules are not assessable, said once with the fault
    [own] = [u for u in doc["kunde_inte_bedomas"] if "AN-SOL-02" in u["regler"]]
    assert "RK-A010" in own["varfor"][0] and doc["komplettering"] == []
    assert doc["run"]["status"] == 2


def test_an_invalid_personnummer_spoils_only_that_person(tmp_path):
    text = COMPLETE.replace('{namn: Maria Lind, personnummer: "19760324-2384", roll: vd}',
                            '{namn: Maria Lind, personnummer: "19760324-2385", roll: vd}')
    path = _write(tmp_path, text)
    _, doc = _screen(path)
    [error] = doc["errors"]
    assert (error["code"], error["field"], error["line"]) == ("RK-A012", "personkrets.2.personnummer",
                                                              _line_of(text, "Maria Lind"))
    assert "19760324-2385" not in json.dumps(doc)  # the wrong number is still someone's: masked
    assert ("AN-LAMP-01", "ansokan-ansokan.krets1") in _indicated(doc)
    [maria] = [u for u in doc["kunde_inte_bedomas"] if u["subjekt"] == "kretsperson ansokan-ansokan.krets3"]
    # an unreadable person is not assessable under either law's rules (SoL and LSS), never accused
    assert maria["regler"] == ["AN-LAMP-01", "AN-LAMP-02", "AN-LAMP-03", "AN-LAMP-04", "AN-LAMP-11", "AN-LAMP-12",
                               "AN-LAMP-13", "AN-LAMP-14"]
    assert doc["komplettering"] == [] and doc["tillstandsplikt"]["tillstandspliktig"] == "ja"


def test_an_unknown_activity_kind_is_named_with_the_nearest_kind(tmp_path):
    text = COMPLETE.replace("typ: stodboende", "typ: stodbonde")
    path = _write(tmp_path, text)
    _, doc = _screen(path)
    [error] = doc["errors"]
    assert (error["code"], error["field"], error["line"]) == ("RK-A013", "verksamhet.typ",
                                                              _line_of(text, "typ: stodbonde"))
    assert "stodboende" in error["hint"]
    # the message says which kinds Regelkoll covers and that others are screened by hand
    assert "lss_personlig_assistans" in json.dumps(error, ensure_ascii=False)
    assert "granskas för hand" in json.dumps(error, ensure_ascii=False)
    # the circle is assessed only in activity that needs a licence: an unknown kind leaves it not assessable,
    # never accused
    assert _indicated(doc) == set()
    [jonas] = [u for u in doc["kunde_inte_bedomas"] if u["subjekt"].startswith("Jonas Ny")]
    assert jonas["regler"] == ["AN-LAMP-01", "AN-LAMP-02", "AN-LAMP-03", "AN-LAMP-04", "AN-LAMP-11", "AN-LAMP-12",
                               "AN-LAMP-13", "AN-LAMP-14"]  # SoL or LSS: the kind is not known
    assert doc["tillstandsplikt"]["tillstandspliktig"] == "kunde inte bedömas"


def test_an_unknown_field_is_named_at_its_key(tmp_path):
    text = COMPLETE.replace("  finansiering:", "  finansering: x\n  finansiering:")
    path = _write(tmp_path, text)
    _, doc = _screen(path)
    [error] = doc["errors"]
    assert (error["code"], error["field"], error["line"]) == ("RK-A010", "verksamhet.finansering",
                                                              _line_of(text, "finansering"))


def test_a_missing_item_is_a_completion_with_its_provision_not_an_error(tmp_path):
    text = COMPLETE.replace("  finansiering: Placeringsavgifter från kommunerna\n", "")
    _, doc = _screen(_write(tmp_path, text))
    assert doc["errors"] == []
    [item] = doc["komplettering"]
    assert item["regel"] == "AN-SOL-05"
    assert item["lagrum"] == ["4 kap. 1 § första stycket 5 socialtjänstförordningen (2001:937) (overifierat)"]


def test_personnummer_are_masked_unless_asked_for():
    app = "fixtures/ansokningar/03_domd_styrelseledamot.yaml"
    for fmt in ("text", "json", "html"):
        masked = _run(app, "--data", str(DATA), "--format", fmt)
        assert masked.returncode == 1
        assert b"19850622-2382" not in masked.stdout and b"198506222382" not in masked.stdout
        assert b"19850622-****" in masked.stdout
    shown = _run(app, "--data", str(DATA), "--format", "json", "--show-personal-data")
    assert b"198506222382" in shown.stdout and json.loads(shown.stdout)["run"]["personal_data"] == "shown"


def test_the_json_report_is_deterministic():
    args = ("fixtures/ansokningar/04_aterkallat_bolag.yaml", "--data", str(DATA), "--format", "json")
    first, second = _run(*args), _run(*args)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1


def test_exit_status_zero_one_two(tmp_path):
    assert _run("fixtures/ansokningar/01_komplett.yaml", "--data", str(DATA)).returncode == 0
    assert _run("fixtures/ansokningar/02_ofullstandig.yaml", "--data", str(DATA)).returncode == 1
    assert _run(str(tmp_path / "finns-inte.yaml")).returncode == 2
    broken = _write(tmp_path, "- en lista\n")
    proc = _run(str(broken))
    assert proc.returncode == 2 and b"RK-A003" in proc.stderr


def test_the_schema_is_printed(tmp_path):
    proc = _run("--schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Regelkoll ansökan om tillstånd"
    assert {"sokande", "personkrets", "verksamhet", "forestandare", "personal", "underskrift", "avser"} \
        <= set(schema["properties"])


def test_html_report_is_written_to_a_file(tmp_path):
    out = tmp_path / "rapport.html"
    proc = _run("fixtures/ansokningar/02_ofullstandig.yaml", "--data", str(DATA), "--format", "html",
                "--output", str(out))
    assert proc.returncode == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Komplettering begärs (7)" in page and "AN-PA-05" in page


def test_without_a_data_set_suitability_is_not_assessed_and_says_so():
    screening = api.screen(ROOT / "fixtures" / "ansokningar" / "01_komplett.yaml", as_of=DAY)
    doc = api.screening_document(screening)
    assert doc["komplettering"] == [] and doc["bor_utredas"] == []
    [unknown] = doc["kunde_inte_bedomas"]
    assert unknown["regler"] == ["AN-LAMP-01", "AN-LAMP-02", "AN-LAMP-03", "AN-LAMP-04", "AN-SOK-01"]
    assert doc["run"]["status"] == 1  # nothing looked at is not nothing found


def test_a_day_no_version_covers_leaves_completeness_not_assessed_never_complete(tmp_path):
    screening = api.screen(ROOT / "fixtures" / "ansokningar" / "01_komplett.yaml", DATA, as_of=date(2024, 1, 1))
    doc = api.screening_document(screening)
    [open_] = [u for u in doc["kunde_inte_bedomas"] if "AN-SOL-02" in u["regler"]]
    assert "AN-TILL-01" in open_["regler"] and "AN-SOL-09" not in open_["regler"]  # 09: stödboende only
    assert "2024-04-01" in open_["varfor"][0] and doc["run"]["status"] == 1
    # an empty application the day before the completeness rules begin: not "nothing to complete"
    path = _write(tmp_path, "sokande:\n  namn: Tom AB\nverksamhet:\n  typ: hvb\n")
    doc = api.screening_document(api.screen(path, as_of=date(2024, 3, 31)))
    assert any("AN-SOL-02" in u["regler"] for u in doc["kunde_inte_bedomas"]) and doc["run"]["status"] == 1
    proc = _run(str(path), "--as-of", "2024-03-31")
    assert proc.returncode == 1 and "Inget att komplettera." not in proc.stdout.decode()
    assert "Inget att komplettera bland det som kunde bedömas" in proc.stdout.decode()


def test_a_person_named_twice_in_the_circle_is_a_notice(tmp_path):
    text = COMPLETE.replace('  - {namn: Maria Lind, personnummer: "19760324-2384", roll: vd}\n',
                            '  - {namn: Maria Lind, personnummer: "19760324-2384", roll: vd}\n'
                            '  - {namn: Maria Lind, personnummer: "19760324-2384", roll: styrelseledamot}\n')
    path = _write(tmp_path, text)
    _, doc = _screen(path)
    notices = [n for n in doc["notices"] if n["code"] == "RK-A041"]
    assert len(notices) == 1 and notices[0]["line"] == _line_of(text, "Maria Lind, personnummer: \"19760324-2384\", "
                                                                      "roll: styrelseledamot")
    assert "19760324-2384" not in json.dumps(notices)  # the notice names the person, not the number
    assert doc["errors"] == []


def test_an_application_that_came_in_after_the_assessment_day_is_a_notice(tmp_path):
    path = _write(tmp_path, COMPLETE)
    doc = api.screening_document(api.screen(path, DATA, as_of=date(2026, 9, 1)))
    notices = [n for n in doc["notices"] if n["code"] == "RK-A042"]
    assert len(notices) == 1 and notices[0]["line"] == _line_of(COMPLETE, "inkom:")
    assert doc["errors"] == []
    _, doc = _screen(path)  # 2026-11-20: after inkom, no notice
    assert not [n for n in doc["notices"] if n["code"] == "RK-A042"]
