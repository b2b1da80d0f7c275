"""A corpus of invalid inputs, one small case per error code that no other test names (tests/data/invalid).

Each case is a valid input with one thing changed: a fact data set under `bundles/` (read as `regelkoll check`
reads it) or a rule pack under `rules/` (a copy of tests/data/minimal_rule.yaml). The tables say which code the
case must give, and where: file, line and column exactly as the program reports them. For a data set the test
also checks that the rest is still read (the other facility is still checked). What cannot be committed
(symbolic links, FIFOs, over-long paths, a file that is gone) is built by the test in `tmp_path`.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from regelkoll import api
from regelkoll.adapters.yaml_files import read_bundle
from regelkoll.codes import CODES
from regelkoll.diagnostics import DiagnosticError
from regelkoll.lang.load import load_rulebook

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "invalid"
BUNDLES = DATA / "bundles"
RULES = DATA / "rules"
MINIMAL_RULE = HERE / "data" / "minimal_rule.yaml"

# the codes no other test under tests/ or features/ names: this corpus is their test
UNTESTED_ELSEWHERE = {
    "RK-Y002", "RK-Y005", "RK-Y006", "RK-Y019", "RK-B002", "RK-B003", "RK-B004", "RK-B007", "RK-B011", "RK-B012",
    "RK-B020", "RK-B031", "RK-R002", "RK-R011", "RK-R020", "RK-R021", "RK-R022", "RK-R023", "RK-R024", "RK-R025",
    "RK-R027", "RK-R028", "RK-R031", "RK-R034", "RK-R042", "RK-R051", "RK-R052", "RK-R053", "RK-R054", "RK-R055",
    "RK-R061", "RK-R062", "RK-R065", "RK-R066", "RK-R070", "RK-R080", "RK-R081", "RK-R083", "RK-R084", "RK-R086"}


def _verksamhet_f2_is_named_as_broken(bundle):
    assert [b.id for b in bundle.broken if b.kind == "verksamhet"] == ["f2"]


def _the_last_kontext_is_used(bundle):
    assert bundle.kontext.per_datum == date(2026, 2, 1)


def _the_first_record_is_used(bundle):
    assert bundle.get("verksamhet", "f1").namn == "Hemmet"
    assert [b.id for b in bundle.broken if b.kind == "verksamhet"] == ["f1"]


def _only_the_invalid_person_is_broken(bundle):
    assert bundle.get("person", "p1") is None
    assert bundle.get("person", "p2").personnummer == "197906062398"
    assert [b.id for b in bundle.broken if b.kind == "person"] == ["p1"]


def _the_computed_huvudman_is_used(bundle):
    assert bundle.get("engagemang", "e1").huvudman == "o1"


def _nothing_of_the_unknown_kind_is_read(bundle):
    assert bundle.get("verksamhet", "f2") is None and bundle.broken == []


# code, case under bundles/, file inside the case ("" when the case is that file, or the directory itself),
# line, column, the facilities still checked, and what else must hold
BUNDLE_CASES = [
    ("RK-Y002", "y002_empty_file", "a_empty.yaml", 1, 1, ["f1"], None),
    ("RK-Y005", "y005_not_utf8", "a_latin1.yaml", 2, 23, ["f1"], _verksamhet_f2_is_named_as_broken),
    ("RK-B002", "b002_no_data_files", "", 0, 0, [], None),
    ("RK-B003", "b003_not_a_mapping", "a_list.yaml", 1, 1, ["f1"], None),
    ("RK-B004", "b004_unknown_kind.yaml", "", 4, 1, ["f1"], _nothing_of_the_unknown_kind_is_read),
    ("RK-B007", "b007_derived_kind.yaml", "", 6, 1, ["f1"], None),
    ("RK-B011", "b011_kontext_twice", "b.yaml", 1, 10, ["f1", "f2"], _the_last_kontext_is_used),
    ("RK-B012", "b012_duplicate_id.yaml", "", 7, 10, ["f1", "f2"], _the_first_record_is_used),
    ("RK-B020", "b020_invalid_personnummer.yaml", "", 7, 53, ["f1"], _only_the_invalid_person_is_broken),
    # huvudman is no reference, so its place is not kept: the record's own place is reported
    ("RK-B031", "b031_huvudman_differs.yaml", "", 10, 5, ["f1"], _the_computed_huvudman_is_used),
]


@pytest.mark.parametrize("code, case, file, line, column, checked, also",
                         [pytest.param(*row, id=row[0]) for row in BUNDLE_CASES])
def test_bundle_case(code, case, file, line, column, checked, also):
    path = BUNDLES / case
    bundle = read_bundle(path)
    expected_file = path / file if file else path
    assert [(d.code, d.file, d.line, d.column) for d in bundle.diagnostics] == [
        (code, str(expected_file), line, column)]
    assert bundle.diagnostics[0].message
    # the rest is still read: the other facility is still checked
    assert api.units(bundle) == checked
    if also is not None:
        also(bundle)


# code, case under rules/ (a directory holding rule.yaml), line, column, and the other codes the one change
# cannot help giving too (at the same place)
RULE_CASES = [
    ("RK-Y019", "y019_unknown_anchor", 10, 19, ()),
    ("RK-R002", "r002_missing_key", 8, 5, ()),
    ("RK-R011", "r011_duplicate_rule_id", 53, 9, ()),
    ("RK-R020", "r020_saknas_in_tillamplig_nar", 22, 47, ()),
    ("RK-R021", "r021_exemption_saknas", 30, 16, ()),
    ("RK-R022", "r022_exemption_without_lagrum", 32, 7, ()),
    ("RK-R023", "r023_avser_not_an_alias", 11, 12, ()),
    ("RK-R024", "r024_subject_without_facility", 11, 12, ()),
    ("RK-R025", "r025_avgorande_datum_not_a_date", 12, 22, ()),
    ("RK-R027", "r027_bedoms_inte_nar_avser_not_an_alias", 30, 14, ()),
    ("RK-R028", "r028_nagon_av_twice", 34, 9, ()),
    ("RK-R031", "r031_parameter_missing_in_version", 34, 9, ()),
    ("RK-R034", "r034_example_version_fran", 37, 23, ()),
    # a `saknas` pattern in tillamplig_nar is always an RK-R020 as well
    ("RK-R042", "r042_first_pattern_saknas", 14, 47, ("RK-R020",)),
    ("RK-R051", "r051_plus_on_text_field", 21, 62, ()),
    ("RK-R052", "r052_innehaller_on_text_field", 17, 37, ()),
    ("RK-R053", "r053_list_value_not_allowed", 28, 42, ()),
    ("RK-R054", "r054_fore_on_text_field", 17, 31, ()),
    ("RK-R055", "r055_structured_field", 25, 20, ()),
    ("RK-R061", "r061_reference_to_saknas_alias", 32, 45, ()),
    ("RK-R062", "r062_reference_to_unknown_field", 21, 49, ()),
    ("RK-R065", "r065_parameter_not_a_period", 31, 29, ()),
    ("RK-R066", "r066_literal_wrong_type", 18, 45, ()),
    ("RK-R070", "r070_bad_message_template", 33, 11, ()),
]


def test_the_rule_every_case_starts_from_is_valid():
    assert [loaded.rule.id for loaded in load_rulebook(MINIMAL_RULE).rules] == ["PROV-01"]


@pytest.mark.parametrize("code, case, line, column, also", [pytest.param(*row, id=row[0]) for row in RULE_CASES])
def test_rule_case(code, case, line, column, also):
    expected_file = RULES / case / "rule.yaml"
    with pytest.raises(DiagnosticError) as raised:
        load_rulebook(RULES / case)
    diagnostics = raised.value.diagnostics
    # a rule file's name is shown relative to the working directory when it is under it
    found = [(d.code, (Path.cwd() / d.file).resolve(), d.line, d.column) for d in diagnostics]
    assert (code, expected_file, line, column) in found, found
    assert sorted(d.code for d in diagnostics) == sorted([code, *also]), found
    # the library's entry point reports the same
    with pytest.raises(DiagnosticError) as again:
        api.load_rules(RULES / case)
    assert again.value.diagnostics == diagnostics


# What cannot be committed: each builds a rules directory holding a valid pack plus one odd path, and returns
# (what to load, the path the code must name). These codes have no line or column (0, 0).

def _rules_dir(tmp_path: Path) -> Path:
    root = tmp_path / "regler"
    root.mkdir()
    shutil.copy(MINIMAL_RULE, root / "rule.yaml")
    return root


def _gone_rule_file(tmp_path: Path) -> tuple[Path, Path]:
    # a rule file named directly that is not there: stat fails ("gone"); tests run as root, so a file that
    # exists but cannot be opened (chmod 000) cannot be made here
    return tmp_path / "saknas.yaml", tmp_path / "saknas.yaml"


def _path_too_long(tmp_path: Path) -> tuple[Path, Path]:
    # chmod 000 does not stop root; a directory whose path is longer than PATH_MAX (4096) cannot be
    # listed by anyone (ENAMETOOLONG), so it is built one level at a time, relative to the one above
    root = _rules_dir(tmp_path)
    fd = os.open(root, os.O_RDONLY)
    path = root
    try:
        while len(str(path)) <= 4096:
            name = chr(ord("a") + len(path.parts) % 26) * 250
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd, path = inner, path / name
    finally:
        os.close(fd)
    return root, path


def _symlink_loop(tmp_path: Path) -> tuple[Path, Path]:
    root = _rules_dir(tmp_path)
    os.symlink("a.yaml", root / "a.yaml")  # a link to itself: the one path of the loop
    return root, root / "a.yaml"


def _link_outside(tmp_path: Path) -> tuple[Path, Path]:
    root = _rules_dir(tmp_path)
    shutil.copy(MINIMAL_RULE, tmp_path / "utanfor.yaml")
    os.symlink(tmp_path / "utanfor.yaml", root / "extern.yaml")
    return root, root / "extern.yaml"


def _fifo(tmp_path: Path) -> tuple[Path, Path]:
    root = _rules_dir(tmp_path)
    os.mkfifo(root / "ror.yaml")
    return root, root / "ror.yaml"


def _link_to_a_file_read_anyway(tmp_path: Path) -> tuple[Path, Path]:
    root = _rules_dir(tmp_path)
    os.symlink("rule.yaml", root / "kopia.yaml")
    return root, root / "kopia.yaml"


FILESYSTEM_CASES = [
    pytest.param("RK-Y006", _gone_rule_file, id="RK-Y006"),
    pytest.param("RK-R080", _path_too_long, id="RK-R080"),
    # this case found that the loader resolved a looping link to display it, and crashed (fixed)
    pytest.param("RK-R081", _symlink_loop, id="RK-R081"),
    pytest.param("RK-R083", _link_outside, id="RK-R083"),
    pytest.param("RK-R084", _fifo, id="RK-R084"),
    pytest.param("RK-R086", _link_to_a_file_read_anyway, id="RK-R086"),
]


@pytest.mark.parametrize("code, build", FILESYSTEM_CASES)
def test_rule_path_case(tmp_path, code, build):
    root, expected = build(tmp_path)
    with pytest.raises(DiagnosticError) as raised:
        load_rulebook(root)
    assert [(d.code, d.file, d.line, d.column) for d in raised.value.diagnostics] == [(code, str(expected), 0, 0)]


def test_the_corpus_covers_every_code_no_other_test_names():
    covered = {row[0] for row in BUNDLE_CASES} | {row[0] for row in RULE_CASES} | {
        param.values[0] for param in FILESYSTEM_CASES}
    assert covered == UNTESTED_ELSEWHERE
    assert covered <= set(CODES)
    # every case in the corpus is in a table, so none lies unused
    cases = {row[1] for row in BUNDLE_CASES} | {row[1] for row in RULE_CASES}
    assert {p.name for p in (*BUNDLES.iterdir(), *RULES.iterdir())} == cases


def test_a_skipped_rule_path_is_described_as_being_in_the_rules_directory(tmp_path):
    # the file walker is shared with data sets; its messages name the directory it walks
    root, _ = _link_outside(tmp_path)
    with pytest.raises(DiagnosticError) as raised:
        load_rulebook(root)
    (message,) = [d.message for d in raised.value.diagnostics]
    assert "utanför regelkatalogen" in message and "datamängden" not in message
