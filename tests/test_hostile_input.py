"""Hostile and careless input (issue 9): each case names the coded error, its position, and what is still checked.

The data comes from the supervised. Whatever they send, the run reports every problem on one line
with file:line:column, never stops on one bad record, never reads outside the bundle, never hangs,
and never reaches an internal error.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regelkoll import yamlsafe
from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.diagnostics import DiagnosticError
from regelkoll.lang.load import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "demo"
HOSTILE = ROOT / "tests" / "data" / "hostile"
MINIMAL_RULE = ROOT / "tests" / "data" / "minimal_rule.yaml"

HEAD = "kontext: {per_datum: 2026-11-20}\n"
TWO_HOMES = """organisation:
  - {id: org-a, namn: A AB, regi: enskild}
  - {id: org-b, namn: %s, regi: enskild}
verksamhet:
  - {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb, tar_emot_barn: true}
  - {id: hvb-b, namn: HVB B, organisation: org-b, typ: hvb, tar_emot_barn: true}
"""
ORG_C = ("organisation: [{id: org-c, namn: C AB, regi: enskild}]\n"
         "verksamhet: [{id: hvb-c, namn: HVB C, organisation: org-c, typ: hvb, tar_emot_barn: true}]\n")


def regelkoll(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "regelkoll.cli", *args], cwd=ROOT, capture_output=True,
                          timeout=timeout)


def check_json(path: Path, timeout: float = 300) -> tuple[dict, list[str], int]:
    proc = regelkoll("check", str(path), "--format", "json", timeout=timeout)
    stderr = proc.stderr.decode()
    assert "internt fel" not in stderr and "Traceback" not in stderr, stderr
    return json.loads(proc.stdout), stderr.splitlines(), proc.returncode


def outcomes(doc: dict, facility: str) -> set[str]:
    return {f["outcome"] for f in doc["findings"] if f["facility_id"] == facility}


def rendered(bundle) -> list[str]:
    return [d.render() for d in bundle.diagnostics]


def two_homes(tmp_path: Path, value: str, name: str = "b.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + TWO_HOMES % value, encoding="utf-8")
    return path


def org_b_is_broken_and_org_a_is_read(bundle) -> None:
    assert bundle.get("organisation", "org-a") is not None
    assert bundle.get("organisation", "org-b") is None
    assert [b.id for b in bundle.broken if b.kind == "organisation"] == ["org-b"]
    # the facility of the broken organisation is kept, linked to it, not told it does not exist
    assert bundle.get("verksamhet", "hvb-a") is not None and bundle.get("verksamhet", "hvb-b") is not None
    assert not any("inte finns" in line for line in rendered(bundle)), rendered(bundle)


# --- (2) aliases, anchors and size limits -------------------------------------------------------------


def test_the_nested_alias_bomb_comes_back_at_once_with_the_alias_position():
    started = time.monotonic()
    doc, errors, status = check_json(HOSTILE / "yaml" / "alias_bomb.yaml", timeout=60)
    assert time.monotonic() - started < 20  # the whole CLI run; before the fix it did not end in minutes
    assert status == 2
    file = HOSTILE / "yaml" / "alias_bomb.yaml"
    assert f"{file}:6:55: RK-Y010: organisation.x: alias (*a) stöds bara i regelfiler, inte i den här filen; skriv ut värdet " \
           "(och 72 till av samma slag här)" in errors, errors
    assert any(e.startswith(f"{file}:6:9: RK-Y011: organisation.x: ankare (&a)") for e in errors), errors
    assert "pass" in outcomes(doc, "hvb-a") or "not_applicable" in outcomes(doc, "hvb-a")
    assert "undetermined" in outcomes(doc, "hvb-b")


def test_the_loader_alone_refuses_the_bomb_in_well_under_a_second():
    started = time.monotonic()
    bundle = read_bundle(HOSTILE / "yaml" / "alias_bomb.yaml")
    assert time.monotonic() - started < 1
    org_b_is_broken_and_org_a_is_read(bundle)


def test_rule_files_keep_anchors_but_their_expansion_is_capped(tmp_path):
    book = load_rulebook(ROOT / "rules")  # the project's own packs share versions through anchors
    assert book.rules
    levels = ["x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(levels) + "\n" + MINIMAL_RULE.read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DiagnosticError) as info:
        load_rulebook(bomb)
    assert time.monotonic() - started < 1
    assert [d.render() for d in info.value.diagnostics] == [
        f"{bomb}:6:45: RK-Y012: alias expanderar till fler än {yamlsafe.MAX_EXPANDED_NODES} noder; filen läses inte"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read_and_the_rest_is_read(tmp_path, monkeypatch):
    two_homes(tmp_path, "B AB", "a.yaml")
    big = tmp_path / "z.yaml"
    big.write_text("organisation:\n" + "  - {id: org-x, namn: X, regi: enskild}\n" * 100, encoding="utf-8")
    monkeypatch.setattr(yamlsafe, "MAX_FILE_BYTES", 2000)
    bundle = read_bundle(tmp_path)
    assert rendered(bundle) == [f"{big}: RK-Y013: filen är {big.stat().st_size} byte; högst 2000 byte läses"]
    assert {f.id for f in bundle.of("verksamhet")} == {"hvb-a", "hvb-b"}


def test_an_over_long_string_breaks_only_its_record(tmp_path):
    path = two_homes(tmp_path, "B" * (yamlsafe.MAX_SCALAR_CHARS + 1))
    bundle = read_bundle(path)
    assert rendered(bundle) == [f"{path}:4:23: RK-Y014: organisation.namn: värdet är 10001 tecken långt; "
                                "högst 10000 tillåts"]
    org_b_is_broken_and_org_a_is_read(bundle)


def test_a_huge_integer_breaks_only_its_record_and_never_reaches_an_internal_error(tmp_path):
    path = two_homes(tmp_path, "9" * 5000)
    doc, errors, status = check_json(path)
    assert status == 2
    assert errors == [f"{path}:4:23: RK-Y016: organisation.namn: heltalet har 5000 siffror; högst 18 tillåts "
                      "(citera värdet om det är en kod)"]
    assert "undetermined" in outcomes(doc, "hvb-b") and outcomes(doc, "hvb-a")
    org_b_is_broken_and_org_a_is_read(read_bundle(path))


@pytest.mark.parametrize("depth", [48, 300, 990])
def test_nesting_too_deep_breaks_only_its_record(tmp_path, depth):
    deep = two_homes(tmp_path, "[" * depth + "]" * depth, "deep.yaml")
    (tmp_path / "other.yaml").write_text(ORG_C, encoding="utf-8")
    doc, errors, status = check_json(tmp_path)
    assert status == 2
    # the document's root, the list and the record are three levels, so the 48th bracket is the 51st
    assert errors == [f"{deep}:4:{23 + 47}: RK-Y015: organisation.namn: för djup nästling: mer än 50 nivåer"], errors
    assert outcomes(doc, "hvb-a") and outcomes(doc, "hvb-c") and "undetermined" in outcomes(doc, "hvb-b")
    org_b_is_broken_and_org_a_is_read(read_bundle(deep))


def test_nesting_beyond_what_libyaml_reads_refuses_that_file_only(tmp_path):
    deep = two_homes(tmp_path, "[" * 5000 + "]" * 5000, "deep.yaml")
    (tmp_path / "other.yaml").write_text(ORG_C, encoding="utf-8")
    doc, errors, status = check_json(tmp_path)
    assert status == 2
    refusal = f"{deep}:4:1020: RK-Y015: för djup nästling: mer än 1000 nivåer; filen läses inte"
    assert [e for e in errors if e.startswith(str(deep))] == [refusal], errors
    assert outcomes(doc, "hvb-c")
    # every record of the file is named as broken, never used as data nor silently dropped: what was read
    # before the fault exactly, the rest (libyaml scans a flow mapping whole before it reports it) by its text
    assert [(b.kind, b.id) for b in read_bundle(deep).broken] == [
        ("organisation", "org-a"), ("organisation", "org-b"), ("verksamhet", "hvb-a"), ("verksamhet", "hvb-b")]
    assert {"hvb-a", "hvb-b"} <= {e.get("facility_id") for e in doc["errors"]}


def test_a_facility_before_a_syntax_error_is_named_as_not_checked(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + "verksamhet:\n  - {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb}\n"
                    "  - {id: hvb-b, namn: [HVB B\n", encoding="utf-8")
    doc, errors, status = check_json(path)
    assert status == 2 and f"{path}:5:1: RK-Y001: ogiltig YAML: förväntade ',' eller ']'" in errors, errors
    assert {e.get("facility_id") for e in doc["errors"]} >= {"hvb-a", "hvb-b"}


# --- (4) one broken record breaks only itself ---------------------------------------------------------


def test_a_duplicate_key_in_one_organisation_breaks_only_that_organisation(tmp_path):
    demo = tmp_path / "demo"
    shutil.copytree(DEMO, demo)
    orgs = demo / "01_organisationer.yaml"
    text = orgs.read_text(encoding="utf-8")
    assert text.startswith("organisation:\n- id: org-solrosen\n  namn: Solrosen Omsorg AB\n")
    orgs.write_text(text.replace("  regi: enskild\n", "  regi: enskild\n  regi: offentlig\n", 1), encoding="utf-8")
    before, _, _ = check_json(DEMO)
    after, errors, status = check_json(demo)
    assert status == 2
    assert errors[0] == (f"{orgs}:6:3: RK-Y003: organisation.regi: nyckeln 'regi' förekommer två gånger "
                         "(första gången på rad 5)")
    assert not any("inte finns" in e for e in errors), errors
    solrosen = {f["facility_id"] for f in before["findings"] if f["facility_id"].startswith("hvb-solrosen")}
    solrosen |= {"hvb-granen"}
    # the evidence names its file and line: the copy's path, and lines moved down by the key written twice
    for doc in (before, after):
        for finding in doc["findings"]:
            for evidence in finding["evidence"]:
                evidence["source"] = evidence["source"].rsplit("/", 1)[-1].split(":")[0]
    for facility in {f["facility_id"] for f in before["findings"]} - solrosen - {"org-solrosen"}:
        assert [f for f in before["findings"] if f["facility_id"] == facility] == \
            [f for f in after["findings"] if f["facility_id"] == facility], facility
    unreadable = [f for f in after["findings"] if f["facility_id"] == "hvb-solrosen" and f["outcome"] == "undetermined"]
    assert unreadable and all("org-solrosen är ogiltig" in " ".join(f["missing"]) for f in unreadable)
    assert any(e["code"] == "RK-E001" or e.get("facility_id") == "org-solrosen" for e in after["errors"])


@pytest.mark.parametrize("name, line, code, message", [
    ("duplicate_key", "7:5", "RK-Y003", "organisation.namn: nyckeln 'namn' förekommer två gånger (första gången på rad 5)"),
    ("tags", "4:23", "RK-Y007", "organisation.namn: taggen '!!python/object/apply:os.system' stöds inte; "
                                "skriv värdet utan tagg"),
    ("local_tag", "4:23", "RK-Y007", "organisation.namn: taggen '!foo' stöds inte; skriv värdet utan tagg"),
    ("merge_key", "4:24", "RK-Y004", "organisation.namn: sammanslagningsnyckeln '<<' stöds inte; skriv ut värdena"),
])
def test_a_structural_problem_inside_a_record_breaks_only_that_record(name, line, code, message):
    path = HOSTILE / "yaml" / f"{name}.yaml"
    bundle = read_bundle(path)
    assert rendered(bundle) == [f"{path}:{line}: {code}: {message}"]
    org_b_is_broken_and_org_a_is_read(bundle)


def test_an_alias_to_a_whole_record_breaks_that_record(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + "organisation:\n  - &o {id: org-a, namn: A AB, regi: enskild}\n  - *o\n", encoding="utf-8")
    bundle = read_bundle(path)
    assert rendered(bundle) == [
        f"{path}:3:5: RK-Y011: organisation: ankare (&o) stöds bara i regelfiler, inte i den här filen; skriv ut värdet",
        f"{path}:4:5: RK-Y010: organisation: alias (*o) stöds bara i regelfiler, inte i den här filen; skriv ut värdet"]
    assert [(b.kind, b.raw) for b in bundle.broken] == [("organisation", {"id": "org-a", "namn": "A AB"}),
                                                         ("organisation", {})]


def test_control_characters_are_one_line_with_a_position():
    path = HOSTILE / "yaml" / "control_char.yaml"
    bundle = read_bundle(path)
    assert rendered(bundle) == [f"{path}:4:25: RK-Y001: ogiltig YAML: tecknet U+001B är inte tillåtet "
                                "(styrtecken är inte tillåtna)"]


# --- (3) nothing skipped without a word ---------------------------------------------------------------



def _hostile_tree(root: Path) -> Path:
    bundle = root / "bundle"
    (bundle / "sub").mkdir(parents=True)
    (bundle / "a.yaml").write_text(HEAD + TWO_HOMES % "B AB", encoding="utf-8")
    (bundle / "sub" / "c.yaml").write_text(ORG_C, encoding="utf-8")
    (bundle / "VERSAL.YML").write_text("person: [{id: p-1, namn: Ann Ek}]\n", encoding="utf-8")
    (bundle / "org.yaml.bak").write_text(ORG_C, encoding="utf-8")
    (bundle / "notes.txt").write_text("inte data\n", encoding="utf-8")
    (root / "annan.yaml").write_text("organisation: [{id: org-x, namn: X, regi: enskild}]\n", encoding="utf-8")
    (bundle / "loop.yaml").symlink_to("loop.yaml")
    (bundle / "dangling.yaml").symlink_to("finns-inte.yaml")
    (bundle / "ut.yaml").symlink_to(root / "annan.yaml")
    (bundle / "utkatalog").symlink_to(root)
    (bundle / "inre.yaml").symlink_to(bundle / "a.yaml")
    (bundle / "sub" / "upp").symlink_to("..")
    os.mkfifo(bundle / "fifo.yaml")
    return bundle


def test_every_skipped_path_in_a_bundle_is_reported_and_the_rest_is_read(tmp_path, monkeypatch):
    bundle = _hostile_tree(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(bundle / "uttag.yaml"))
    (bundle / "stangd").mkdir()
    (bundle / "stangd" / "d.yaml").write_text(ORG_C.replace("-c", "-d"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        # tests may run as root, for whom chmod 000 denies nothing
        if Path(path).name == "stangd":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(yamlsafe.os, "scandir", scandir)
    try:
        result = read_bundle(bundle)
    finally:
        server.close()
    b = str(bundle)
    assert rendered(result) == [
        f"{b}/dangling.yaml: RK-B062: symbolisk länk till något som inte finns; läses inte",
        f"{b}/fifo.yaml: RK-B064: är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte",
        f"{b}/inre.yaml: RK-B066: samma fil som {b}/a.yaml; läses en gång",
        f"{b}/loop.yaml: RK-B061: symbolisk länk i en slinga (pekar till slut på sig själv); läses inte",
        f"{b}/org.yaml.bak: RK-B065: läses inte: filändelsen är inte .yaml, .yml, .json, .csv, .tsv eller .xml",
        f"{b}/stangd: RK-B060: katalogen kan inte läsas (åtkomst nekad); filerna i den kontrolleras inte",
        f"{b}/sub/upp: RK-B066: symbolisk länk till en katalog inom datamängden; följs inte (katalogen läses på sin "
        "egen plats)",
        f"{b}/ut.yaml: RK-B063: symbolisk länk till {tmp_path}/annan.yaml utanför datamängden; läses inte",
        f"{b}/utkatalog: RK-B063: symbolisk länk till katalogen {tmp_path} utanför datamängden; läses inte",
        f"{b}/uttag.yaml: RK-B064: är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte",
    ]
    assert {f.id for f in result.of("verksamhet")} == {"hvb-a", "hvb-b", "hvb-c"}
    assert {f.id for f in result.of("organisation")} == {"org-a", "org-b", "org-c"}  # never org-x from outside
    assert [f.id for f in result.of("person")] == ["p-1"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads a directory with mode 000")
def test_a_directory_without_read_permission_is_reported(tmp_path):
    (tmp_path / "a.yaml").write_text(ORG_C, encoding="utf-8")
    closed = tmp_path / "stangd"
    closed.mkdir()
    (closed / "d.yaml").write_text(ORG_C, encoding="utf-8")
    closed.chmod(0)
    try:
        result = read_bundle(tmp_path)
    finally:
        closed.chmod(0o755)
    assert f"{closed}: RK-B060: katalogen kan inte läsas (åtkomst nekad); filerna i den kontrolleras inte" \
        in rendered(result)


@pytest.mark.parametrize("special", ["fifo", "dev"])
def test_a_fifo_or_device_as_path_is_refused_without_opening_it(tmp_path, special):
    path = tmp_path / "fakta.yaml"
    if special == "fifo":
        os.mkfifo(path)  # opening it for reading would wait for a writer for ever
    else:
        path = Path("/dev/null")
    proc = regelkoll("check", str(path), "--format", "json", timeout=60)
    assert proc.returncode == 2
    assert f"{path}: RK-B064: är ingen vanlig fil (enhet, FIFO eller uttag); öppnas inte" in \
        proc.stderr.decode().splitlines()


def test_a_fifo_that_replaces_a_file_after_the_check_is_not_waited_on(tmp_path):
    fifo = tmp_path / "fakta.yaml"
    os.mkfifo(fifo)
    with pytest.raises(yamlsafe.YamlError) as info:
        yamlsafe.load_file(fifo)
    assert info.value.diagnostic.code == "RK-Y018"


def test_rule_packs_saved_as_yml_are_read_and_skipped_rule_paths_are_errors(tmp_path):
    rules = tmp_path / "regler"
    rules.mkdir()
    (rules / "prov.yml").write_text(MINIMAL_RULE.read_text(encoding="utf-8"), encoding="utf-8")
    (rules / "regel.schema.json").write_text("{}", encoding="utf-8")
    assert [r.rule.id for r in load_rulebook(rules).rules] == ["PROV-01"]
    (rules / "borta.yaml").symlink_to("finns-inte.yaml")
    (rules / "gammal.yaml.orig").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(DiagnosticError) as info:
        load_rulebook(rules)
    assert [(d.code, Path(d.file).name) for d in info.value.diagnostics] == [
        ("RK-R082", "borta.yaml"), ("RK-R085", "gammal.yaml.orig")]


# --- (8) smaller promises -----------------------------------------------------------------------------


def test_an_organisation_and_a_facility_with_one_id_are_refused_not_merged(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + """organisation:
  - {id: solros, namn: Solros AB, regi: enskild}
  - {id: org-a, namn: A AB, regi: enskild}
verksamhet:
  - {id: solros, namn: HVB Solros, organisation: org-a, typ: hvb, tar_emot_barn: true}
  - {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb, tar_emot_barn: true}
""", encoding="utf-8")
    bundle = read_bundle(path)
    assert rendered(bundle) == [f"{path}:6:10: RK-B070: verksamhet.id: id 'solros' används redan av en organisation "
                                f"({path}:3); en organisation och en verksamhet måste ha olika id"]
    assert [(b.kind, b.id) for b in bundle.broken] == [("verksamhet", "solros")]
    assert bundle.get("organisation", "solros") is not None and bundle.get("verksamhet", "hvb-a") is not None


def test_two_rule_packs_with_one_id_are_refused_naming_both_files(tmp_path):
    text = MINIMAL_RULE.read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("PROV-01", "PROV-02"), encoding="utf-8")
    with pytest.raises(DiagnosticError) as info:
        load_rulebook(tmp_path)
    pack_line = next(i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith("id:"))
    [diagnostic] = info.value.diagnostics
    assert diagnostic.code == "RK-R090" and diagnostic.file.endswith("b.yaml") and diagnostic.line == pack_line
    assert f"a.yaml:{pack_line}" in diagnostic.message and "finns redan" in diagnostic.message


def test_validation_messages_are_swedish(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(HEAD + """organisation: [{id: org-a, namn: A AB, regi: enskild}]
verksamhet: [{id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb, tar_emot_barn: true}]
tillstand:
  - {id: t-1, organisation: org-a, verksamhet: hvb-a, beslutsdatum: 2020-01-01, verksamhetstyp: hvb,
     status: [x], alder_fran: 500, platser: -1}
""", encoding="utf-8")
    messages = {d.field: d.message for d in read_bundle(path).diagnostics}
    assert messages == {"tillstand.status.0": "ska vara en mappning (fält: värde)",
                        "tillstand.alder_fran": "får inte vara större än 120",
                        "tillstand.platser": "får inte vara mindre än 0"}, messages


@pytest.mark.parametrize("err, message", [
    ({"type": "int_parsing", "msg": "Input should be a valid integer"}, "ska vara ett heltal"),
    ({"type": "string_too_long", "msg": "String should have at most 200 characters", "ctx": {"max_length": 200}},
     "är för lång (högst 200 tecken)"),
    ({"type": "string_too_short", "msg": "String should have at least 1 character", "ctx": {"min_length": 1}},
     "får inte vara tom"),
    ({"type": "date_from_datetime_inexact", "msg": "Datetimes provided to dates should have zero time"},
     "ska vara ett datum utan klockslag (ÅÅÅÅ-MM-DD)"),
    ({"type": "url_parsing", "msg": "Input should be a valid URL"}, "ogiltigt värde (feltyp url_parsing)"),
])
def test_no_validation_message_is_pydantic_english(err, message):
    from regelkoll.validation_sv import swedish_message as _msg

    assert _msg(err) == message


def _bundle(tmp_path: Path, text: str) -> Path:
    (tmp_path / "b.yaml").write_text(HEAD + text, encoding="utf-8")
    return tmp_path / "b.yaml"


@pytest.mark.parametrize("facility", [
    "  - {id: hvb-a, id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb}",  # the id key written twice
    "  - {id: &a hvb-a, namn: HVB A, organisation: org-a, typ: hvb}",  # an anchor on the id
])
def test_a_record_whose_id_key_is_spoilt_keeps_its_id_and_is_named_as_unreadable(tmp_path, facility):
    path = _bundle(tmp_path, "organisation:\n  - {id: org-a, namn: A AB, regi: enskild}\nverksamhet:\n" + facility +
                   "\nperson: [{id: p1, namn: P}]\n"
                   "engagemang: [{id: e1, person: p1, verksamhet: hvb-a, form: anstallning, start: 2025-01-01}]\n")
    bundle = read_bundle(path)
    assert [b.id for b in bundle.broken if b.kind == "verksamhet"] == ["hvb-a"]
    assert not [d for d in bundle.diagnostics if "inte finns" in d.message]  # the engagement's home is unreadable
    assert bundle.get("engagemang", "e1").verksamhet == "hvb-a"
    doc, _, status = check_json(path)
    assert status == 2 and "hvb-a" in {e.get("facility_id") for e in doc["errors"]}


def test_a_kind_written_as_one_mapping_instead_of_a_list_is_kept_as_unreadable(tmp_path):
    path = _bundle(tmp_path, "organisation:\n  - {id: org-a, namn: A AB, regi: enskild}\n"
                   "verksamhet: {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb}\n")
    bundle = read_bundle(path)
    assert [(d.line, d.column, d.code) for d in bundle.diagnostics] == [(4, 13, "RK-B005")]
    assert [(b.kind, b.id) for b in bundle.broken] == [("verksamhet", "hvb-a")]
    doc, _, status = check_json(path)
    assert status == 2 and "hvb-a" in {e.get("facility_id") for e in doc["errors"]}


def test_a_record_that_is_not_a_mapping_is_an_unreadable_record_not_a_missing_one(tmp_path):
    # an engagement nobody can read may be the one a rule looks for: the check is undetermined, never a pass
    path = _bundle(tmp_path, "organisation:\n  - {id: org-a, namn: A AB, regi: enskild}\n"
                   "verksamhet:\n  - {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb, tar_emot_barn: true}\n"
                   "engagemang:\n  - e1 p1 hvb-a anstallning 2025-01-01\n")
    bundle = read_bundle(path)
    assert [(d.line, d.code) for d in bundle.diagnostics] == [(7, "RK-B006")]
    assert [(b.kind, b.id) for b in bundle.broken] == [("engagemang", None)]


def test_a_dangling_reference_is_reported_at_the_reference_itself(tmp_path):
    path = _bundle(tmp_path, "organisation:\n  - {id: org-a, namn: A AB, regi: enskild}\n"
                   "verksamhet:\n  - {id: hvb-a, namn: HVB A, organisation: org-b, typ: hvb}\n")
    (line, column), = [(d.line, d.column) for d in read_bundle(path).diagnostics if d.code == "RK-B030"]
    assert (line, column) == (5, 44)  # the line and column of `org-b`


@pytest.mark.parametrize("fault", [b"  kommun: Hamnst\xe5d\n", "  kommun: Hamn\x13stad\n".encode()],
                         ids=["latin-1 byte", "control character"])
def test_a_facility_in_a_file_refused_for_a_bad_character_is_named_as_not_checked(tmp_path, fault):
    # the text before the fault is still read far enough to say which facility went unchecked
    (tmp_path / "a.yaml").write_text(HEAD + ORG_C, encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(
        "verksamhet:\n  - id: hvb-ö\n    namn: HVB Ö\n    organisation: org-c\n    typ: hvb\n".encode() + fault)
    doc, stderr, status = check_json(tmp_path)
    assert status == 2
    assert any(line.startswith(f"{tmp_path / 'b.yaml'}:6:") for line in stderr), stderr
    assert "hvb-ö" in {e.get("facility_id") for e in doc["errors"]}
    assert "hvb-c" in doc["run"]["facilities"]


def test_a_facility_in_a_file_refused_for_a_second_document_is_named_as_not_checked(tmp_path):
    (tmp_path / "a.yaml").write_text(HEAD + ORG_C, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("verksamhet:\n  - {id: hvb-d, namn: HVB D, organisation: org-c, typ: hvb}\n"
                                     "---\nverksamhet: []\n", encoding="utf-8")
    doc, stderr, status = check_json(tmp_path)
    assert status == 2 and any(line.startswith(f"{tmp_path / 'b.yaml'}:3:1: RK-Y001") for line in stderr), stderr
    assert "hvb-d" in {e.get("facility_id") for e in doc["errors"]}
    assert "hvb-c" in doc["run"]["facilities"]


# a refused file's records are named, never lost: what was read before the fault exactly, the rest by its text

@pytest.mark.parametrize("text", [
    "verksamhet: [\n- id: hvb-a\n  organisation: org-c\n  typ: hvb\nengagemang:\n- id: e1\n  person: p1\n"
    "  verksamhet: hvb-a\n",  # a fault in the first line, before any record is read
    '{"verksamhet": [{"id": "hvb-a", "organisation": "org-c" "typ": "hvb"}],\n'
    ' "engagemang": [{"id": "e1", "person": "p1", "verksamhet": "hvb-a"}]}\n',  # JSON without a comma
], ids=["yaml", "json"])
def test_records_of_a_file_refused_at_its_start_are_named_with_their_references(tmp_path, text):
    (tmp_path / "a.yaml").write_text(HEAD + ORG_C + "person: [{id: p1, namn: P}]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    bundle = read_bundle(tmp_path)
    assert [d.code for d in bundle.diagnostics][:1] == ["RK-Y001"]
    named = {(b.kind, b.id): b.raw for b in bundle.broken}
    assert named[("verksamhet", "hvb-a")]["organisation"] == "org-c"
    # the engagement keeps whose it is: only that person's findings become undetermined, not everyone's
    assert named[("engagemang", "e1")] == {"id": "e1", "person": "p1", "verksamhet": "hvb-a"}


def test_a_facility_after_the_fault_in_a_refused_file_is_named_as_not_checked(tmp_path):
    (tmp_path / "a.yaml").write_text(HEAD + ORG_C, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("verksamhet:\n  - id: hvb-d\n    namn: [HVB D\n    organisation: org-c\n"
                                     "  - id: hvb-e\n    organisation: org-c\n    typ: hvb\n", encoding="utf-8")
    doc, stderr, status = check_json(tmp_path)
    assert status == 2 and any(":RK-Y001" in line.replace(" ", "") for line in stderr), stderr
    assert {"hvb-d", "hvb-e"} <= {e.get("facility_id") for e in doc["errors"]}
    assert "hvb-c" in doc["run"]["facilities"]


def test_a_kind_written_twice_keeps_the_records_of_both_lists_as_unreadable(tmp_path):
    path = _bundle(tmp_path, "organisation:\n  - {id: org-a, namn: A AB, regi: enskild}\n"
                   "verksamhet:\n  - {id: hvb-a, namn: HVB A, organisation: org-a, typ: hvb}\n"
                   "person: [{id: p1, namn: P}]\n"
                   "engagemang: [{id: e1, person: p1, verksamhet: hvb-b, form: anstallning, start: 2025-01-01}]\n"
                   "verksamhet:\n  - {id: hvb-b, namn: HVB B, organisation: org-a, typ: hvb}\n")
    bundle = read_bundle(path)
    assert [(d.line, d.code) for d in bundle.diagnostics] == [(8, "RK-Y003")]
    assert [(b.kind, b.id) for b in bundle.broken] == [("verksamhet", "hvb-a"), ("verksamhet", "hvb-b")]
    assert bundle.get("engagemang", "e1").verksamhet == "hvb-b"  # its home is unreadable, not missing


def test_a_file_spoilt_at_its_top_keeps_every_record_as_unreadable(tmp_path):
    (tmp_path / "a.yaml").write_text(HEAD + ORG_C, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("? [a, b]\n: c\nverksamhet:\n  - {id: hvb-a, namn: HVB A, organisation: org-c}\n",
                                     encoding="utf-8")
    bundle = read_bundle(tmp_path)
    assert [d.code for d in bundle.diagnostics] == ["RK-Y017"]
    assert [(b.kind, b.id, b.raw.get("organisation")) for b in bundle.broken] == [("verksamhet", "hvb-a", "org-c")]


def test_the_text_scan_of_a_refused_file_never_gives_a_record_a_reference_that_may_be_anothers():
    from regelkoll.adapters.salvage import scan_records
    text = ("engagemang:\n"
            "- id: e1\n  status:\n  - {datum: 2025-01-01}\n  person: p9\n"  # after a nested list: lost
            "- id: e2\n  id: e3\n  person: p2\n"  # two ids in one record: neither keeps a reference
            "- person: p4\n  id: e4\n"  # the id need not come first
            "- id: 19121212-1212\n  person: p5\n")  # an id shaped like a personnummer is never repeated
    assert list(scan_records(text, ["engagemang"], ["person"])) == [
        ("engagemang", {"id": "e1"}), ("engagemang", {"id": "e2"}), ("engagemang", {"id": "e3"}),
        ("engagemang", {"id": "e4", "person": "p4"})]
