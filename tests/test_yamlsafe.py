from __future__ import annotations

import pytest

from engine.yamlsafe import YamlError, load_text


def test_yaml_11_traps_stay_strings():
    data, _ = load_text("sfs: 2003:20\nsvar: no\nja: yes\ndatum: 2024-13-01\n", "x.yaml")
    assert data == {"sfs": "2003:20", "svar": "no", "ja": "yes", "datum": "2024-13-01"}


def test_true_false_and_integers_still_work():
    data, _ = load_text("a: true\nb: 12\nc: -3\n", "x.yaml")
    assert data == {"a": True, "b": 12, "c": -3}


def test_positions_of_keys_and_values_are_one_based():
    _, pos = load_text("a:\n  b: [1, 2]\n", "x.yaml")
    assert (pos[("a", "b", "__key__")].line, pos[("a", "b", "__key__")].column) == (2, 3)
    assert (pos[("a", "b", 1)].line, pos[("a", "b", 1)].column) == (2, 10)


def test_duplicate_keys_are_errors_with_both_lines():
    with pytest.raises(YamlError) as info:
        load_text("id: A\nnamn: x\nid: B\n", "r.yaml")
    assert info.value.diagnostic.render() == "r.yaml:3:1: RK-Y003: nyckeln 'id' förekommer två gånger (första gången på rad 1)"


def test_python_tags_are_refused():
    with pytest.raises(YamlError):
        load_text("a: !!python/object/apply:os.getcwd []\n", "x.yaml")


def test_empty_document():
    with pytest.raises(YamlError, match="tom"):
        load_text("# bara en kommentar\n", "x.yaml")
