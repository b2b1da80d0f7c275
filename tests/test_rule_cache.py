"""The cache of the loaded and compiled rule book: the same rules as loading them, and never a stale or
foreign entry."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

import regelkoll
from regelkoll.lang.load import Rulebook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("REGELKOLL_CACHE", str(tmp_path / "cache"))
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.pickle"))


def test_a_cached_rule_book_is_the_loaded_one_and_gives_the_same_report(rules_copy, tmp_path):
    first = regelkoll.load_rules(rules_copy)
    assert len(_entries(tmp_path)) == 1
    again = regelkoll.load_rules(rules_copy)
    assert again is not first and again.digest == first.digest and again == first
    assert [c.rule.id for c in regelkoll.compile_rules(again)] == [r.rule.id for r in again.rules]
    facts = regelkoll.read_facts(ROOT / "fixtures" / "demo")
    fresh = regelkoll.compile_rules(first)
    a = regelkoll.to_json_bytes(regelkoll.document(regelkoll.check(first, facts, jobs=0, compiled=fresh)))
    b = regelkoll.to_json_bytes(regelkoll.document(regelkoll.check(again, facts, jobs=0)))
    assert a == b


def test_an_edited_rule_pack_is_read_again(rules_copy, tmp_path):
    before = regelkoll.load_rules(rules_copy)
    pack = sorted(rules_copy.rglob("*.yaml"))[0]
    text = pack.read_text(encoding="utf-8")
    rule = before.rules[[r.file for r in before.rules].index(next(r.file for r in before.rules
                                                                  if Path(r.file).name == pack.name))]
    pack.write_text(text.replace(rule.rule.titel.sv, rule.rule.titel.sv + " (ändrad)", 1), encoding="utf-8")
    after = regelkoll.load_rules(rules_copy)
    assert after.get(rule.rule.id).rule.titel.sv.endswith("(ändrad)")
    assert len(_entries(tmp_path)) == 2


def test_errors_in_the_rules_are_reported_every_time_and_never_cached(rules_copy, tmp_path):
    pack = sorted(rules_copy.rglob("*.yaml"))[0]
    pack.write_text(pack.read_text(encoding="utf-8").replace("allvarlighet:", "allvarlihet:", 1), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(regelkoll.DiagnosticError):
            regelkoll.load_rules(rules_copy)
    assert _entries(tmp_path) == []


def test_an_entry_others_could_have_written_is_not_read(rules_copy, tmp_path):
    regelkoll.load_rules(rules_copy)
    (entry,) = _entries(tmp_path)
    entry.write_bytes(pickle.dumps(Rulebook()))  # a valid entry, but one anybody could have written
    os.chmod(entry, 0o666)
    book = regelkoll.load_rules(rules_copy)  # loaded from the files, not from the entry
    assert book.rules and book.compiled


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("REGELKOLL_CACHE", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    book = regelkoll.load_rules()
    assert book.rules and not book.compiled and not any(tmp_path.iterdir())
