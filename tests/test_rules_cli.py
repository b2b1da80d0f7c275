"""The rule authors' commands: `rules test` chooses rules and speaks the words of the examples, `rules new` copies
a proven rule as a draft that lints and passes as it is."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal_rule.yaml").read_text(encoding="utf-8")


def regelkoll(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_rules_test_runs_only_the_chosen_rules_and_ends_with_a_count():
    proc = regelkoll("rules", "test", "--rule", "rk-hvb-0[12]", "--rule", "RK-LSS-01")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert {re.match(r"ok  ([A-Z0-9-]+):", line).group(1) for line in lines[:-1]} == {
        "RK-HVB-01", "RK-HVB-02", "RK-LSS-01"}
    assert lines[-1] == f"3 regler, {len(lines) - 1} exempel: {len(lines) - 1} godkända, 0 underkända"


def test_a_failing_example_is_told_in_the_words_the_author_wrote(tmp_path):
    (tmp_path / "pack.yaml").write_text(MINIMAL.replace("forvantat: uppfyllt", "forvantat: ej_tillamplig"), "utf-8")
    proc = regelkoll("rules", "test", "--rules", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        "ok  PROV-01: utan utdrag",
        "FEL PROV-01: med utdrag – väntat ej_tillamplig, fick uppfyllt",
        "1 regel, 2 exempel: 1 godkända, 1 underkända"]


def test_an_unknown_rule_is_an_error_with_the_nearest_id():
    proc = regelkoll("rules", "test", "--rule", "RK-HVB-99")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "--rule: RK-R103: ingen regel matchar 'RK-HVB-99' (menade du 'RK-HVB-09'?)\n"
    far = regelkoll("rules", "test", "--rule", "Q*")
    assert far.returncode == 2
    assert far.stderr == "--rule: RK-R103: ingen regel matchar 'Q*' (inget liknande id; `regelkoll rules docs` " \
                         "listar reglerna)\n"


def test_rules_new_copies_a_proven_rule_as_a_draft_that_lints_and_passes(tmp_path):
    draft = tmp_path / "rules" / "utkast.yaml"
    draft.parent.mkdir()
    proc = regelkoll("rules", "new", "--fran", "RK-HVB-04", "--id", "RK-HVB-20", "--output", str(draft))
    assert proc.returncode == 0, proc.stderr
    text = draft.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../regel.schema.json\n#\n# Utkast till en ny regel: en "
                           "kopia av RK-HVB-04 (rules/registerkontroll/hvb.yaml)")
    assert "- id: RK-HVB-20  # ÄNDRA: regelns id\n" in text and "&" not in text and "*" not in text
    assert text.count("  # ÄNDRA: versionens första dag") == 4  # one per version of RK-HVB-04
    assert '  "2007:171":\n' in text  # the acts it cites, with SFS numbers quoted
    assert regelkoll("rules", "lint", "--rules", str(draft.parent)).stdout == "1 regel utan fel.\n"
    tested = regelkoll("rules", "test", "--rules", str(draft.parent))
    assert tested.returncode == 0 and tested.stdout.splitlines()[-1].endswith(" underkända")
    assert "FEL" not in tested.stdout
    # it still lints beside the rule packs it was copied from: its own id and pack
    both = tmp_path / "both"
    subprocess.run(["cp", "-r", str(ROOT / "rules"), str(both)], check=True)
    draft.rename(both / "utkast.yaml")
    assert regelkoll("rules", "lint", "--rules", str(both)).returncode == 0


def test_rules_new_without_an_id_names_the_copy_after_its_source():
    proc = regelkoll("rules", "new", "--fran", "ts-sol-01")
    assert proc.returncode == 0, proc.stderr
    assert "- id: TS-SOL-01-NY  # ÄNDRA: regelns id\n" in proc.stdout


def test_rules_new_refuses_what_it_cannot_make(tmp_path):
    existing = tmp_path / "finns.yaml"
    existing.write_text("kvar\n", encoding="utf-8")
    cases = [
        (["--fran", "RK-HVB-4"], "--fran: RK-R103: ingen regel har id 'RK-HVB-4' (menade du 'RK-HVB-04'?)"),
        (["--fran", "RK-HVB-04", "--id", "ny regel"], "--id: RK-R104: 'ny regel' har fel form för ett regel-id "
                                                       "(versaler, siffror och bindestreck, t.ex. RK-HVB-08)"),
        (["--fran", "RK-HVB-04", "--id", "RK-HVB-05"], "--id: RK-R011: regel-id RK-HVB-05 finns redan i "
                                                        "rules/registerkontroll/hvb.yaml"),
        (["--fran", "RK-HVB-04", "--output", str(existing)], f"{existing}: RK-R105: filen finns redan; ett utkast "
                                                              "skriver aldrig över en fil"),
    ]
    for args, message in cases:
        proc = regelkoll("rules", "new", *args)
        assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", message + "\n"), args
    assert existing.read_text(encoding="utf-8") == "kvar\n"
